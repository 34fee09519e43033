"""Referral Map: tap a muscle to see where it sends pain, or tap where it hurts to see which
muscles can cause it.

Run ``python app.py`` (127.0.0.1:8050, dev tools off); ``--host``, ``--port`` (or ``PORT``) and
``--debug`` change that. In production: ``python serve.py`` (see README).
"""

from __future__ import annotations

import argparse
import os

from components.caching import cache_versioned_files
from components.handout_page import register_handout
from components.layout import create_layout, page_template
from components.security import PrivateDash, guard_callback_requests, secure
from study import study_app

app = PrivateDash(
    __name__,
    title="Referral Map",
    compress=True,
    serve_locally=True,
    update_title=None,
    meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    # The handout's and the study page's own files; the page template writes the browser
    # script and its rules itself, before Dash's scripts (components/layout.py).
    assets_ignore=r"^(handout|study)\.|^referral_(core|map)\.js$",
)
app.index_string = page_template()
app.layout = create_layout()
server = app.server
register_handout(app)
study_app.init_app(server)  # the study page, at /study/
secure(app, study_app)
cache_versioned_files(app)
guard_callback_requests(app)
guard_callback_requests(study_app)

# Dash completes its set-up (callbacks, scripts) on the first request it serves. Under a threaded
# server two first requests can race, and one then finds the callbacks half registered: run the
# request hooks once now, before any request arrives.
with server.test_request_context("/"):
    server.preprocess_request()


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve Referral Map.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8050)), help="port (default $PORT or 8050)")
    parser.add_argument("--debug", action="store_true", help="turn on Dash's dev tools (never in a clinic)")
    args = parser.parse_args()
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
