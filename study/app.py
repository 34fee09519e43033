"""The study page's Dash app, mounted at /study/ on the main app's server (see app.py).

Created without a server (``server=False``) so that its blocks can register their callbacks on
it at import time; ``app.py`` attaches it to the main server with ``init_app``. Its callbacks
are registered with ``study_app.callback``, never with ``dash.callback``: global callbacks go
to whichever app of the process sets itself up first.
"""

from __future__ import annotations

from pathlib import Path

from components.security import PrivateDash

ASSETS = Path(__file__).resolve().parent.parent / "assets"

study_app = PrivateDash(
    __name__,
    server=False,
    url_base_pathname="/study/",
    assets_folder=str(ASSETS),
    # The main page's scripts and the handout's files are not for this page.
    assets_ignore=r"^(handout\.|referral_map\.js$|details_panel\.js$)",
    title="Referral Map · Study",
    # The main app already compresses every response of the shared server. A second Compress
    # would run first and compress everything with gzip (Dash turns its other encodings off),
    # which made the main page's layout twice as costly to serve (BENCHMARKS.md).
    compress=False,
    serve_locally=True,
    update_title=None,
    meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
)
# The page's language, for screen readers and hyphenation (Dash's default page has none).
study_app.index_string = study_app.index_string.replace("<html>", '<html lang="en">', 1)
