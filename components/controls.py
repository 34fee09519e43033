"""The top bar: the app's name, the switch between the two ways of looking, clear and print.

The buttons carry data attributes that the browser script answers at once (assets/
referral_map.js); none of them needs a server round trip.
"""

from __future__ import annotations

from dash import html

from components import ids
from components.theme import APP_TITLE, MODE_LABELS, TAGLINE


def create_controls() -> html.Header:
    """The app bar with the mode switch and the actions."""
    modes = html.Div(
        [
            html.Button(
                label,
                id=ids.MODE_MUSCLE if mode == "muscle" else ids.MODE_REGION,
                type="button",
                className="btn mode-button" + (" active" if mode == "muscle" else ""),
                **{"data-mode": mode, "aria-pressed": "true" if mode == "muscle" else "false"},
            )
            for mode, label in MODE_LABELS.items()
        ],
        className="btn-group mode-switch",
        role="group",
        **{"aria-label": "Way of looking"},
    )
    actions = html.Div(
        [
            html.Button("Clear", id=ids.CLEAR, type="button", className="btn btn-outline-secondary",
                        **{"data-action": "clear"}),
            html.A([html.Span("Print"), html.Span("\u00a0/ Save as PDF", className="wide-only")], id=ids.HANDOUT_LINK,
                   title="Print / Save as PDF: a handout of this view for the patient", href="/handout", className="btn btn-outline-secondary",
                   target="_blank", rel="noopener", **{"data-base": "/handout"}),
        ],
        className="actions",
    )
    brand = html.Div([html.H1(APP_TITLE, className="brand-title"), html.P(TAGLINE, className="brand-tagline")],
                     className="brand")
    return html.Header([brand, modes, actions], className="app-bar")
