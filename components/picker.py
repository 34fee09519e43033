"""The searchable list of muscles and regions beside the diagram.

Every entry is a real button, so the list works by keyboard and screen reader; the browser
script filters it as the user types and mirrors the diagram's state onto it.
"""

from __future__ import annotations

from itertools import groupby

from dash import dcc, html

from components import ids
from components.data import REFERRAL_MAP


def _search_text(*parts: str) -> str:
    return " ".join(parts).lower()


def create_picker() -> html.Section:
    """The search box and the grouped list."""
    muscles = sorted(REFERRAL_MAP.muscles.values(), key=lambda m: (m.group, m.name))
    groups = []
    for group, members in groupby(muscles, key=lambda m: m.group):
        items = [
            html.Li(
                html.Button(
                    muscle.name,
                    type="button",
                    className="pick pick-muscle",
                    **{"data-pick": f"muscle:{muscle.id}", "data-search": _search_text(muscle.name, muscle.group,
                                                                                     muscle.plain_words),
                       "aria-pressed": "false"},
                )
            )
            for muscle in members
        ]
        groups.append(html.Div([html.H3(group, className="picker-group-title"), html.Ul(items)],
                               className="picker-group", **{"data-picker-group": "muscles"}))
    regions = sorted(REFERRAL_MAP.regions.values(), key=lambda r: r.name)
    region_items = [
        html.Li(
            html.Button(
                [html.Span(region.name, className="pick-name"), html.Span(region.patient_words, className="pick-words")],
                type="button",
                className="pick pick-region",
                **{"data-pick": f"region:{region.id}", "data-search": _search_text(region.name, region.patient_words),
                   "aria-pressed": "false"},
            )
        )
        for region in regions
    ]
    return html.Section(
        [
            html.Label("Find a muscle or a place", htmlFor=ids.PICKER_SEARCH, className="picker-label"),
            dcc.Input(id=ids.PICKER_SEARCH, type="search", placeholder="e.g. jaw, temple, trapezius",
                      className="form-control picker-search", autoComplete="off", debounce=False),
            html.Div(
                [
                    html.H2("Muscles", className="picker-heading"),
                    *groups,
                    html.Div([html.H2("Regions", className="picker-heading"), html.Ul(region_items)],
                             className="picker-group", **{"data-picker-group": "regions"}),
                    html.P("Nothing matches.", className="picker-empty", hidden=True, **{"data-picker-empty": ""}),
                ],
                className="picker-list",
            ),
        ],
        id=ids.PICKER,
        className="picker",
        **{"aria-label": "Muscles and regions"},
    )
