"""Cache headers for files whose address changes whenever the file does.

Dash writes every asset into the page with its modification time in the address
(``/assets/referral_map.css?m=1795...``) and the favicon with its own version (``?v=4.4.1``),
so a browser may keep those answers for a year: a changed file gets a new address. Flask's
default is ``Cache-Control: no-cache``, and because the compressed answer's ETag no longer
matches the file's, asking again always got the whole file back: every opening of the page
downloaded the stylesheets and the script again (BENCHMARKS.md, page loads). Addresses
without a version, such as the handout page's links, keep Flask's default.
"""

from __future__ import annotations

from dash import Dash
from flask import Response, request

ONE_YEAR = 365 * 24 * 3600


def is_versioned(endpoint: str | None, path: str, args) -> bool:
    """True for an asset addressed with its modification time, or the favicon with its version."""
    if endpoint and endpoint.endswith("dash_assets.static"):
        return "m" in args
    return path.endswith("/_favicon.ico") and "v" in args


def cache_versioned_files(app: Dash) -> None:
    """Let browsers keep the versioned files of every Dash app on ``app``'s server for a year."""

    @app.server.after_request
    def add_cache_headers(response: Response) -> Response:
        if request.method == "GET" and response.status_code == 200 and is_versioned(
                request.endpoint, request.path, request.args):
            response.cache_control.no_cache = None
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR
        return response
