"""The study page's Dash app, mounted at /study/ on the main app's server (see app.py).

``create_study_app`` builds it without a server (``server=False``), registers its blocks'
callbacks on it, and leaves it to ``app.create_app`` to attach it to the main server with
``init_app``. Its callbacks are registered on the app itself, never with ``dash.callback``:
global callbacks go to whichever app of the process sets itself up first.
"""

from __future__ import annotations

from pathlib import Path

from components.data import Content
from components.handout_page import ROUTE as HANDOUT_ROUTE
from components.security import PrivateDash
from study.layout import create_layout, register_callbacks

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def create_study_app(content: Content, map_path: str = "/") -> PrivateDash:
    """The study page for ``content``, linking back to the map (and its handout) at ``map_path``."""
    study_app = PrivateDash(
        __name__,
        server=False,
        url_base_pathname="/study/",
        assets_folder=str(ASSETS),
        # The main page's scripts and the handout's files are not for this page.
        assets_ignore=r"^(handout\.|referral_map\.js$|details_panel\.js$|holder\.js$)",
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
    study_app.layout = create_layout(content, map_path)
    register_callbacks(study_app, content, handout=map_path + HANDOUT_ROUTE)
    return study_app
