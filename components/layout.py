"""The page: the top bar, the diagram as the hero, and beside it the list and the details."""

from __future__ import annotations

from dash import dcc, html

from components import ids
from components.controls import create_controls
from components.details import create_details
from components.diagram import create_diagram
from components.notice import create_notice
from components.picker import create_picker


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
