"""Cache headers for files whose address changes whenever the file does.

Dash writes every asset into the page with its modification time in the address
(``/assets/referral_map.css?m=1795...``) and the favicon with its own version (``?v=4.4.1``),
so a browser may keep those answers for a year: a changed file gets a new address. Flask's
default is ``Cache-Control: no-cache``, and because the compressed answer's ETag no longer
matches the file's, asking again always got the whole file back: every opening of the page
downloaded the stylesheets and the script again (BENCHMARKS.md, page loads). Addresses
without a version, such as the handout page's links, keep Flask's default.

Revalidation must work after compression too. Flask-Compress appends the encoding to a strong
ETag (``"…:zstd"``) but Flask has already compared the browser's ``If-None-Match`` with the
file's own ETag, so a compressed file never got its 304. Every ETag is therefore made weak
(``W/"…"``): the same content whatever the encoding, which is what a weak validator means, and
the compressor leaves weak ETags alone. The handout and Dash's layout and dependencies get an
ETag from their content, so that asking again answers 304 when nothing changed; they are never
kept without asking (``no-cache``). Dash's own pages (the map, the study page) are left out:
Dash signs a fresh token into each of them (``end_id``), so no two are alike and a cached copy
would reuse another load's token.
"""

from __future__ import annotations

import hashlib

from dash import Dash
from flask import Response, request

ONE_YEAR = 365 * 24 * 3600
PAGE_TYPES = ("text/html", "application/json")


def is_versioned(endpoint: str | None, path: str, args) -> bool:
    """True for an asset addressed with its modification time, or the favicon with its version."""
    if endpoint and endpoint.endswith("dash_assets.static"):
        return "m" in args
    return path.endswith("/_favicon.ico") and "v" in args


def cache_versioned_files(app: Dash) -> None:
    """Let browsers keep the versioned files of every Dash app on ``app``'s server for a year."""

    @app.server.after_request
    def add_cache_headers(response: Response) -> Response:
        if request.method not in ("GET", "HEAD") or response.status_code not in (200, 304):
            return response
        etag, weak = response.get_etag()
        if etag and not weak:
            response.set_etag(etag, weak=True)
        if response.status_code != 200:
            return response
        if is_versioned(request.endpoint, request.path, request.args):
            response.cache_control.no_cache = None
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR
        elif (etag is None and not response.is_streamed and response.mimetype in PAGE_TYPES
              and not is_dash_page(request.endpoint)):
            response.set_etag(content_tag(response.get_data()), weak=True)
            response.cache_control.no_cache = True
            response.make_conditional(request)
        return response


def is_dash_page(endpoint: str | None) -> bool:
    """True for the endpoints of Dash's index pages (``/``, ``/study/`` and the paths below them)."""
    return endpoint is None or endpoint.endswith(("/", "<path:path>"))


def content_tag(body: bytes) -> str:
    """A short fingerprint of a response body, for its ETag."""
    return hashlib.blake2b(body, digest_size=16).hexdigest()
