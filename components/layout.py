"""The page: the top bar, the diagram as the hero, and beside it the list and the details."""

from __future__ import annotations

from dash import dcc, html

from components import ids
from components.controls import create_controls
from components.details import create_details
from components.diagram import create_diagram
from components.notice import create_notice
from components.data import DRAWING_INLINE, REFERRAL_MAP
from components.picker import create_picker, render_picker_list


def create_layout() -> html.Div:
    """The whole page. Every id exists from the start, so callbacks are checked at start-up."""
    return html.Div(
        [
            dcc.Store(id=ids.SELECTION, data={"mode": "muscle", "muscle": None, "regions": []}),
            create_controls(),
            create_notice(),
            html.Main(
                [create_diagram(), html.Div([create_picker(), create_details()], className="side-panel")],
                className="workspace",
            ),
        ],
        className="app-shell",
    )


def index_with_markup(index_string: str) -> str:
    """The page's HTML template carrying the drawing and the list as inert ``<template>``s.

    The browser parses them with the page itself, while the scripts load, rather than out of the
    layout's JSON once Dash has started; the browser script then moves them into place
    (``mount`` in assets/referral_map.js). Both are static, so they are built once.
    """
    templates = {ids.DRAWING_TEMPLATE: DRAWING_INLINE, ids.PICKER_TEMPLATE: render_picker_list(REFERRAL_MAP)}
    markup = "".join(f'<template id="{key}">{value}</template>' for key, value in templates.items())
    return index_string.replace("{%app_entry%}", markup + "{%app_entry%}", 1)
