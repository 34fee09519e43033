"""The whole table at a glance: a heatmap of muscles by regions, and the muscle it selects.

Rows are muscles grouped as the table groups them (the two heads of the sternocleidomastoid
together, the jaw muscles together ...), groups and muscles in the table's order; columns are
regions in the table's head-to-neck order. Essential and spillover cells have two colours
(spillover cells also carry a dot, like the stippling on the diagram). Tapping any cell of a
row picks that muscle in the list beside the diagram, and the list is the one place the
selection lives: the diagram and the row outline follow it.
"""

from __future__ import annotations

import plotly.graph_objects as go
from dash import Input, Output, Patch, dcc, html, no_update

from components.data import REFERRAL_MAP
from referral import ReferralMap
from referral.handout import short_name
from study import ids
from study.app import study_app
from study.theme import COLOURS, PATTERN_WORDS

CELL_PX = 30  # row height in the figure: a comfortable finger target, since any cell of a row picks it
HEADER_PX = 150  # room for the region names above the grid
WRAP_AT = 20  # muscle names longer than this break after their comma
VALUES = {None: 0, "spillover": 1, "essential": 2}


def muscle_order(referral_map: ReferralMap) -> list[str]:
    """Muscles grouped: groups in order of first appearance in the table, muscles in table order."""
    groups: dict[str, list[str]] = {}
    for muscle in referral_map.muscles.values():
        groups.setdefault(muscle.group, []).append(muscle.id)
    return [muscle_id for members in groups.values() for muscle_id in members]


def build_heatmap(referral_map: ReferralMap) -> go.Figure:
    """The heatmap figure: z is 2 for essential, 1 for spillover, 0 for no referral."""
    muscles = muscle_order(referral_map)
    regions = list(referral_map.regions)
    z, text, hover, custom = [], [], [], []
    for muscle_id in muscles:
        zones = referral_map.zones_of(muscle_id)
        name = referral_map.muscles[muscle_id].name
        patterns = [zones.pattern_of(region_id) for region_id in regions]
        z.append([VALUES[p] for p in patterns])
        text.append(["•" if p == "spillover" else "" for p in patterns])
        hover.append([f"<b>{name}</b><br>{short_name(referral_map.regions[r].name)}: {PATTERN_WORDS[p]}"
                      for r, p in zip(regions, patterns)])
        # A plain string per cell: dcc.Graph passes a cell's customdata on to clickData only
        # when it is not a list.
        custom.append([muscle_id] * len(regions))
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=[short_name(referral_map.regions[r].name) for r in regions],
            y=[row_label(referral_map.muscles[m].name) for m in muscles],
            customdata=custom,
            hovertext=hover,
            text=text,
            texttemplate="%{text}",
            textfont={"color": COLOURS["essential"], "size": 14},
            zmin=0,
            zmax=2,
            colorscale=[
                [0.0, COLOURS["none"]], [1 / 3, COLOURS["none"]],
                [1 / 3, COLOURS["spillover"]], [2 / 3, COLOURS["spillover"]],
                [2 / 3, COLOURS["essential"]], [1.0, COLOURS["essential"]],
            ],
            showscale=False,
            xgap=1,
            ygap=1,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    figure.update_layout(
        height=HEADER_PX + CELL_PX * len(muscles),
        margin={"l": 8, "r": 8, "t": HEADER_PX, "b": 8},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor=COLOURS["grid"],
        dragmode=False,
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 12,
              "color": COLOURS["ink"]},
        hoverlabel={"bgcolor": "#ffffff", "font": {"size": 13}},
        xaxis={"side": "top", "tickangle": -90, "fixedrange": True, "automargin": True, "showgrid": False, "dtick": 1},
        yaxis={"autorange": "reversed", "fixedrange": True, "automargin": True, "showgrid": False,
               "ticksuffix": " "},
        shapes=row_shapes(referral_map, None),
    )
    return figure


def row_label(name: str) -> str:
    """A muscle's row label: without its bracketed part, on two lines after a comma when long."""
    label = short_name(name)
    if len(label) > WRAP_AT and ", " in label:
        return label.replace(", ", ",<br>", 1)
    return label


def row_shapes(referral_map: ReferralMap, selected: str | None) -> list[dict]:
    """Lines between muscle groups, and an outline around the selected muscle's row."""
    muscles = muscle_order(referral_map)
    width = len(referral_map.regions)
    shapes = []
    for row in range(1, len(muscles)):
        if referral_map.muscles[muscles[row]].group != referral_map.muscles[muscles[row - 1]].group:
            shapes.append({"type": "line", "xref": "x", "yref": "y", "x0": -0.5, "x1": width - 0.5,
                           "y0": row - 0.5, "y1": row - 0.5, "line": {"color": COLOURS["group_line"], "width": 2}})
    if selected in muscles:
        row = muscles.index(selected)
        shapes.append({"type": "rect", "xref": "x", "yref": "y", "x0": -0.5, "x1": width - 0.5,
                       "y0": row - 0.5, "y1": row + 0.5, "line": {"color": COLOURS["selected"], "width": 3}})
    return shapes


def create_table() -> html.Div:
    """The heatmap with its legend."""
    legend = html.Ul(
        [
            html.Li([html.Span(className="swatch swatch-essential", **{"aria-hidden": "true"}),
                     "Essential: felt by nearly everyone"]),
            html.Li([html.Span(className="swatch swatch-spillover", **{"aria-hidden": "true"}),
                     "Spillover: felt by some"]),
        ],
        className="legend study-legend",
        **{"aria-label": "Legend"},
    )
    return html.Div(
        [
            html.P("Every muscle of the map (rows) and every place it can send pain (columns). "
                   "Tap a row to see that muscle on the diagram.", className="study-hint"),
            legend,
            html.Div(
                dcc.Graph(
                    id=ids.HEATMAP,
                    figure=build_heatmap(REFERRAL_MAP),
                    config={"displayModeBar": False, "scrollZoom": False, "doubleClick": False,
                            "responsive": True, "showTips": False},
                    className="study-heatmap",
                ),
                className="heatmap-scroll",
            ),
        ],
        className="study-table",
    )


@study_app.callback(Output(ids.MUSCLE_PICK, "value"), Input(ids.HEATMAP, "clickData"), prevent_initial_call=True)
def select_from_cell(click_data):
    """A tapped cell picks its row's muscle."""
    return muscle_from_click(click_data, REFERRAL_MAP) or no_update


@study_app.callback(Output(ids.HEATMAP, "figure"), Input(ids.MUSCLE_PICK, "value"), prevent_initial_call=True)
def outline_row(muscle_id):
    """Outline the picked muscle's row (only the shapes travel, not the figure)."""
    figure = Patch()
    figure["layout"]["shapes"] = row_shapes(REFERRAL_MAP, muscle_id)
    return figure


def muscle_from_click(click_data, referral_map: ReferralMap) -> str | None:
    """The muscle id of a clicked heatmap cell, or None for anything unexpected."""
    try:
        muscle_id = click_data["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError):
        return None
    return muscle_id if isinstance(muscle_id, str) and muscle_id in referral_map.muscles else None
