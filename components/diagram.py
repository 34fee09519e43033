"""The diagram: the head-and-neck drawing, the view switch and the legend.

The drawing's markup travels once, in the page's HTML, and the referral index in a store; the
browser script inlines the SVG and from then on answers every tap itself (see
assets/referral_map.js). The server never re-sends geometry.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, clientside_callback, dcc, html

from components import ids
from components.data import REFERRAL_MAP
from components.theme import VIEW_LABELS


def create_diagram() -> html.Section:
    """The hero block: the drawing, with a row of view buttons under its three views."""
    views = html.Div(
        [
            html.Button(
                label,
                type="button",
                className="btn view-button",
                **{"data-view-choice": view, "aria-pressed": "false", "aria-label": f"Show {label.lower()}"},
            )
            for view, label in VIEW_LABELS.items()
        ],
        id=ids.VIEW_SWITCH,
        className="view-bar",
        role="group",
        **{"aria-label": "Views"},
    )
    return html.Section(
        [
            dcc.Store(id=ids.PAGE_DATA, data=REFERRAL_MAP.index_json()),
            html.Div(id=ids.DIAGRAM, className="diagram", **{"data-ready": "false", "data-view": "all"}),
            views,
        ],
        className="diagram-block",
        **{"aria-label": "Diagram"},
    )


def create_legend() -> html.Ul:
    """What the colours and patterns mean; each swatch pairs a colour with a pattern."""
    items = [
        ("swatch-essential", "Essential zone: felt by nearly everyone", "muscle"),
        ("swatch-spillover", "Spillover zone: felt by some", "muscle"),
        ("swatch-marked", "Where it hurts", "region"),
        ("swatch-referring", "Muscle that can cause it", "region"),
        ("swatch-trigger", "Trigger point", "both"),
    ]
    return html.Ul(
        [
            html.Li([html.Span(className=f"swatch {swatch}", **{"aria-hidden": "true"}), text],
                    **{"data-legend-mode": mode})
            for swatch, text, mode in items
        ],
        className="legend",
        **{"aria-label": "Legend"},
    )


clientside_callback(
    ClientsideFunction(namespace="referral", function_name="mount"),
    Input(ids.PAGE_DATA, "data"),
)
