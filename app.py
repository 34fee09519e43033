"""Referral Map: tap a muscle to see where it sends pain, or tap where it hurts to see which
muscles can cause it.

Run ``python app.py`` (127.0.0.1:8050, dev tools off); ``--host``, ``--port`` (or ``PORT``) and
``--debug`` change that. In production: ``python serve.py`` (see README).

``create_app`` builds the whole app (the map, the handout, the study page) from one folder of
tables and one drawing, so tests and tools can build apps on tables of their own.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from components.caching import cache_versioned_files
from components.data import load_content
from components.handout_page import register_handout
from components.layout import create_layout, page_template, register_callbacks
from components.security import PrivateDash, guard_callback_requests, secure
from referral import DataError
from study import create_study_app


def create_app(data_dir: str | Path | None = None, drawing_path: str | Path | None = None) -> PrivateDash:
    """The app for the tables in ``data_dir`` and the drawing at ``drawing_path``.

    Both default to the project's own (or to ``REFERRAL_MAP_DATA`` and ``REFERRAL_MAP_DRAWING``).
    A broken table or drawing raises ``DataError`` naming the file, line and value.
    """
    content = load_content(data_dir, drawing_path)
    app = PrivateDash(
        __name__,
        title="Referral Map",
        compress=True,
        serve_locally=True,
        update_title=None,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
        core_components=False,  # the map page's values are in Holders (components/holder.py)
        # The handout's and the study page's own files; the page template writes the browser
        # script and its rules itself, before Dash's scripts (components/layout.py).
        assets_ignore=r"^(handout|study)\.|^referral_(core|map)\.js$",
    )
    app.index_string = page_template(content)
    app.layout = create_layout(content)
    register_callbacks(app, content)
    register_handout(app, content)
    study_app = create_study_app(content, map_path=app.config.requests_pathname_prefix)
    study_app.init_app(app.server)  # the study page, at /study/
    secure(app, study_app)
    cache_versioned_files(app)
    guard_callback_requests(app)
    guard_callback_requests(study_app)
    # Dash completes its set-up (callbacks, scripts) on the first request it serves. Under a
    # threaded server two first requests can race, and one then finds the callbacks half
    # registered: run the request hooks once now, before any request arrives.
    with app.server.test_request_context("/"):
        app.server.preprocess_request()
    return app


def create_app_or_exit(data_dir: str | Path | None = None, drawing_path: str | Path | None = None) -> PrivateDash:
    """``create_app``, or the validator's message and exit status 1 when a table or the drawing is
    broken: the app never starts with something wrong to show."""
    try:
        return create_app(data_dir, drawing_path)
    except DataError as error:
        print(f"Referral Map cannot start.\n{error.message}", file=sys.stderr, flush=True)
        raise SystemExit(1) from None


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve Referral Map.")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)"
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8050)), help="port (default $PORT or 8050)")
    parser.add_argument("--debug", action="store_true", help="turn on Dash's dev tools (never in a clinic)")
    args = parser.parse_args()
    app = create_app_or_exit()
    if args.debug:
        print("Debug mode: Dash dev tools are ON. Do not use this in a clinic.", flush=True)
    app.run(
        host=args.host,
        port=args.port,
        debug=args.debug,
        dev_tools_disable_version_check=True,
    )


if __name__ == "__main__":
    main()
