"""The diagram: the head-and-neck drawing, the view switch and the legend.

The drawing and the referral index travel once, in the page's HTML (components/markup.py); the
browser script answers every tap itself from then on (assets/referral_map.js). The server never
re-sends geometry. The legend is a Dash component: it sits in the details panel.
"""

from __future__ import annotations

import json

from dash import html

from components import ids
from components.data import DRAWING_INLINE, REFERRAL_MAP
from components.markup import tag, text
from components.theme import VIEW_LABELS


def render_diagram() -> str:
    """The hero block: the drawing, a row of view buttons under its three views, and the index.

    The index (each muscle's zones and each region's muscles) rides along as a JSON data block,
    which browsers never run; the browser script reads it once.
    """
    views = "".join(
        tag("button", text(label), type="button", class_="btn view-button", data_view_choice=view,
            aria_pressed="false", aria_label=f"Show {label.lower()}")
        for view, label in VIEW_LABELS.items()
    )
    index = json.dumps(REFERRAL_MAP.index_json(), separators=(",", ":")).replace("</", "<\\/")
    return tag(
        "section",
        tag("div", DRAWING_INLINE, id=ids.DIAGRAM, class_="diagram", data_ready="false", data_view="all")
        + tag("div", views, id=ids.VIEW_SWITCH, class_="view-bar", role="group", aria_label="Views")
        + tag("script", index, type="application/json", id=ids.INDEX),
        class_="diagram-block",
        aria_label="Diagram",
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

