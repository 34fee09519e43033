"""The whole table at a glance: a heatmap of muscles by regions, and the muscle it selects.

Rows are muscles grouped as the table groups them (the two heads of the sternocleidomastoid
together, the jaw muscles together ...), groups and muscles in the table's order; columns are
regions in the table's head-to-neck order. Essential and spillover cells have two colours
(spillover cells also carry a dot, like the stippling on the diagram). Tapping any cell of a
row picks that muscle in the list beside the diagram, and the list is the one place the
selection lives: the diagram and the row outline follow it.

The heatmap is an HTML table, written here as markup and put in the page once by
assets/study.js, which also reports row taps and outlines the picked row. It was a Plotly
figure: plotly.js made the study page 1.9 MB and took 5 s to draw on a slow tablet; a table
of 700 cells needs neither (BENCHMARKS.md). A table is also what a screen reader can read.
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, dcc, html

from components.templates import render
from referral import ReferralMap
from referral.handout import short_name
from study import ids
from study.theme import COLOURS, PATTERN_WORDS

CELL_WORDS = {"essential": "essential", "spillover": "spillover"}  # what a screen reader says for a cell


def muscle_order(referral_map: ReferralMap) -> list[str]:
    """Muscles grouped: groups in order of first appearance in the table, muscles in table order."""
    groups: dict[str, list[str]] = {}
    for muscle in referral_map.muscles.values():
        groups.setdefault(muscle.group, []).append(muscle.id)
    return [muscle_id for members in groups.values() for muscle_id in members]


def render_heatmap(referral_map: ReferralMap) -> str:
    """The heatmap as a table (``components/templates/heatmap.html``): a row per muscle (its name
    a button), a column per region, each cell classed by its pattern and titled with it in words."""
    muscles = muscle_order(referral_map)
    regions = list(referral_map.regions)
    rows = []
    for index, muscle_id in enumerate(muscles):
        muscle = referral_map.muscles[muscle_id]
        zones = referral_map.zones_of(muscle_id)
        cells = []
        for region_id in regions:
            pattern = zones.pattern_of(region_id)
            link = referral_map.link(muscle_id, region_id)
            weak = link is not None and link.evidence == "C"
            title = f"{short_name(muscle.name)}, {short_name(referral_map.regions[region_id].name)}: " \
                    f"{PATTERN_WORDS[pattern]}"
            cells.append({
                "classes": " ".join(filter(None, (f"cell-{pattern}" if pattern else "", "grade-c" if weak else ""))),
                "title": title + ("; evidence grade C (a single source: sometimes reported)" if weak else ""),
                "words": "" if pattern is None else CELL_WORDS[pattern] + (", grade C" if weak else ""),
                "weak": weak,
            })
        new_group = index > 0 and muscle.group != referral_map.muscles[muscles[index - 1]].group
        rows.append({"id": muscle_id, "name": short_name(muscle.name), "new_group": new_group, "cells": cells})
    colours = "; ".join(f"--heatmap-{name.replace('_', '-')}: {value}" for name, value in COLOURS.items())
    return render("heatmap.html", colours=colours, rows=rows,
                  columns=[short_name(referral_map.regions[r].name) for r in regions])


def render_nerve_table(referral_map: ReferralMap) -> html.Table:
    """The nerves (rows) and the places whose skin they supply (columns): all of it, or part."""
    regions = [r for r in referral_map.regions if referral_map.nerves_for(r)]
    head = html.Tr([html.Th("", scope="col")] + [html.Th(short_name(referral_map.regions[r].name), scope="col")
                                                  for r in regions])
    rows = []
    for nerve_id, nerve in referral_map.nerves.items():
        extent = {t.region_id: t.extent for t in referral_map.territory_of(nerve_id)}
        cells = [html.Th(nerve.name, scope="row")]
        for region_id in regions:
            found = extent.get(region_id)
            cells.append(html.Td("all" if found == "whole" else "part" if found == "part" else "",
                                 className=f"nerve-{found}" if found else None))
        rows.append(html.Tr(cells))
    return html.Table([html.Caption("Nerves (rows) and the places whose skin they supply (columns)",
                                    className="visually-hidden"),
                       html.Thead(head), html.Tbody(rows)], className="nerve-table")


def create_table(referral_map: ReferralMap) -> html.Div:
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
            dcc.Store(id=ids.HEATMAP_MARKUP, data=render_heatmap(referral_map)),
            html.Div(id=ids.HEATMAP, className="heatmap-scroll study-heatmap", **{"data-ready": "false"}),
            html.P("A cell marked C rests on a single secondary source (evidence grade C): sometimes reported.",
                   className="study-hint"),
            html.H2("Nerve territories", className="study-subtitle"),
            html.P("Each nerve (rows) and the places whose skin it supplies (columns): 'all' of the place, or "
                   "'part' where it shares the place with another nerve. A branch's places are also its "
                   "division's.", className="study-hint"),
            # scrolls sideways on a narrow screen: a keyboard can reach and scroll it
            html.Div(render_nerve_table(referral_map), className="heatmap-scroll", tabIndex="0", role="region",
                     **{"aria-label": "Nerve territories"}),
        ],
        className="study-table",
    )


def register_table(app: Dash) -> None:
    """The browser script puts the table in the page, reports a tapped row as the picked muscle,
    and outlines the picked muscle's row."""
    app.clientside_callback(
        ClientsideFunction(namespace="study", function_name="mountTable"),
        Input(ids.HEATMAP_MARKUP, "data"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="study", function_name="outlineRow"),
        Input(ids.MUSCLE_PICK, "value"),
    )
