"""The details panel: what the selected muscle does, or which muscles explain the marked pain.

``show_details`` is the only server callback on a tap: it reads the selection the browser
reports and renders the panel from the referral map. The renderers are plain functions of
(selection, map), so tests can call them without a browser.
"""

from __future__ import annotations

from dash import Input, Output, callback, html

from components import ids
from components.data import REFERRAL_MAP
from components.diagram import create_legend
from components.evidence import create_evidence
from components.theme import LATERALITY_LABELS, MODE_HINTS
from referral import ReferralMap, Selection
from referral.model import Muscle


def create_details() -> html.Section:
    """The panel, empty until the browser reports the first selection."""
    return html.Section(
        [
            create_legend(),
            html.Div(render_details(Selection(), REFERRAL_MAP), id=ids.DETAILS, **{"aria-live": "polite"}),
            create_evidence(),
        ],
        className="details",
        **{"aria-label": "Details"},
    )


@callback(Output(ids.DETAILS, "children"), Input(ids.SELECTION, "data"))
def show_details(selection_data):
    """Fill the panel for the selection the browser reports."""
    return render_details(Selection.from_json(selection_data, REFERRAL_MAP), REFERRAL_MAP)


def render_details(selection: Selection, referral_map: ReferralMap) -> list:
    """The panel's content for a selection."""
    if selection.mode == "muscle":
        if selection.muscle is None:
            return render_intro("muscle")
        return render_muscle(referral_map.muscles[selection.muscle], referral_map)
    if not selection.regions:
        return render_intro("region")
    return render_ranking(selection.regions, referral_map)


def render_intro(mode: str) -> list:
    return [
        html.H2(MODE_HINTS[mode], className="details-title intro"),
        html.P(
            "Trigger points are small, tender knots in a muscle. They often cause pain somewhere else, "
            "in a pattern that is much the same from person to person. This map shows those patterns.",
            className="details-lead",
        ),
    ]


def _zone_items(muscle_id: str, region_ids, referral_map: ReferralMap) -> list:
    items = []
    for region_id in sorted(region_ids, key=lambda r: referral_map.regions[r].name):
        region = referral_map.regions[region_id]
        link = referral_map.link(muscle_id, region_id)
        side = LATERALITY_LABELS[link.laterality]
        parts = [html.Strong(region.name), f" — {region.patient_words} ({side})"]
        if link.note:
            parts.append(html.Span(f" {link.note}", className="zone-note"))
        items.append(html.Li(parts, **{"data-region-item": region_id}))
    return items


def render_muscle(muscle: Muscle, referral_map: ReferralMap) -> list:
    """Name, where its trigger points are, why it matters, its zones, self-care and sources."""
    zones = referral_map.zones_of(muscle.id)
    blocks = [
        html.Div(
            [
                html.H2(muscle.name, className="details-title"),
                html.Span(muscle.group, className="badge text-bg-light"),
                html.Span("deep muscle" if muscle.depth == "deep" else "surface muscle",
                          className="badge text-bg-light"),
            ],
            className="details-head",
        ),
        html.P(muscle.plain_words, className="details-lead"),
        html.Div(
            [
                html.Div(
                    [html.H3([html.Span(className="swatch swatch-essential", **{"aria-hidden": "true"}),
                              "Essential zone"]),
                     html.Ul(_zone_items(muscle.id, zones.essential, referral_map), className="zones")],
                    className="zone-column", **{"data-pattern": "essential"},
                ),
                html.Div(
                    [html.H3([html.Span(className="swatch swatch-spillover", **{"aria-hidden": "true"}),
                              "Spillover zone"]),
                     html.Ul(_zone_items(muscle.id, zones.spillover, referral_map), className="zones")
                     if zones.spillover else html.P("None recorded.", className="muted")],
                    className="zone-column", **{"data-pattern": "spillover"},
                ),
            ],
            className="zone-columns",
        ),
        html.H3("Trigger points"),
        html.P(muscle.trigger_points),
        html.H3("Why it matters"),
        html.P(muscle.why_it_matters),
    ]
    blocks += render_self_care(muscle.self_care, referral_map)
    blocks += render_sources(_muscle_sources(muscle, referral_map), referral_map)
    return blocks


def _muscle_sources(muscle: Muscle, referral_map: ReferralMap) -> list[str]:
    ordered = list(muscle.sources)
    for link in referral_map.links:
        if link.muscle_id == muscle.id:
            ordered += link.sources
    return list(dict.fromkeys(ordered))


def render_self_care(care_ids, referral_map: ReferralMap) -> list:
    if not care_ids:
        return [html.H3("Self-care"), html.P("Ask your clinician which exercises suit you.", className="muted")]
    cards = []
    for care_id in care_ids:
        care = referral_map.self_care[care_id]
        body = [
            html.H4(care.name),
            html.P(care.purpose),
            html.Ol([html.Li(step) for step in care.steps]),
            html.P([html.Strong("How long: "), care.dose]),
        ]
        if care.caution:
            body.append(html.P([html.Strong("Take care: "), care.caution], className="caution"))
        cards.append(html.Div(body, className="care-card", **{"data-self-care": care_id}))
    return [html.H3("Self-care"), html.Div(cards, className="care-cards")]


def render_sources(source_ids, referral_map: ReferralMap) -> list:
    items = []
    for source_id in source_ids:
        source = referral_map.sources[source_id]
        parts = [source.citation]
        if source.url:
            parts += [" ", html.A(source.url, href=source.url, target="_blank", rel="noopener noreferrer")]
        items.append(html.Li(parts, **{"data-source": source_id}))
    return [html.H3("Sources"), html.Ol(items, className="sources")]


def render_ranking(region_ids, referral_map: ReferralMap) -> list:
    """The muscles that may explain the marked regions, best first, and what none explains."""
    ranking = referral_map.rank_muscles(region_ids)
    names = referral_map.regions
    marked = html.Ul(
        [html.Li(names[r].name, className="chip", **{"data-region-item": r}) for r in ranking.regions],
        className="chips",
    )
    rows = []
    for place, item in enumerate(ranking.muscles, start=1):
        muscle = referral_map.muscles[item.muscle_id]
        explains = [f"{names[r].name} (essential)" for r in item.essential]
        explains += [f"{names[r].name} (spillover)" for r in item.spillover]
        rows.append(
            html.Li(
                html.Button(
                    [
                        html.Span(f"{place}", className="rank"),
                        html.Span(
                            [html.Strong(muscle.name), html.Span("Explains: " + ", ".join(explains),
                                                                 className="explains")],
                            className="rank-text",
                        ),
                        html.Span(f"{round(item.score * 100)}%", className="score",
                                  title="How fully this muscle's pattern covers the marked places"),
                    ],
                    type="button",
                    className="pick rank-row",
                    **{"data-pick": f"muscle:{muscle.id}", "data-pick-scroll": "", "data-muscle-item": muscle.id},
                )
            )
        )
    blocks = [
        html.H2("Muscles that can cause this pain", className="details-title"),
        html.P("Marked:", className="muted"),
        marked,
    ]
    if rows:
        blocks += [
            html.P("Best match first. Tap a muscle to see its whole pattern.", className="muted"),
            html.Ol(rows, className="ranking"),
        ]
    if ranking.unexplained:
        unexplained = ", ".join(names[r].name for r in ranking.unexplained)
        blocks.append(html.P(f"No muscle in this map refers pain to: {unexplained}.", className="unexplained"))
    return blocks
