"""The details panel: what the selected muscle or nerve does, or which muscles explain the pain
the patient has marked.

``show_details`` is the only server callback on a tap: it reads the selection the browser
reports and renders the panel from the referral map. The renderers are plain functions of
(selection, map), so tests can call them without a browser. The panel is not a live region:
the browser says a short summary of each selection itself (assets/referral_map.js).

The panel travels as markup (``from_components``), and assets/details_panel.js changes in the
page only what differs from the panel shown. Rendered by Dash, component by component, the
panel's 40 to 150 components took most of the time from a tap to the filled panel on a slow
tablet (BENCHMARKS.md).
"""

from __future__ import annotations

from functools import lru_cache
from typing import cast

from dash import ClientsideFunction, Dash, Input, Output, html

from components import ids
from components.citations import render_sources
from components.evidence import create_evidence
from components.holder import Holder
from components.markup import from_components
from components.theme import MODE_HINTS
from referral import ReferralMap, Selection
from referral.index import short_name
from referral.model import Muscle
from referral.ranking import RULE_IN_WORDS
from referral.wording import GRADE_WORDS, list_words, place_words, places_words, zone_words

PATTERN_WORDS = {"essential": "usually", "spillover": "sometimes"}


def create_details(referral_map: ReferralMap) -> html.Section:
    """The panel, with the introduction until the browser reports the first selection."""
    return html.Section(
        [Holder(id=ids.DETAILS_MARKUP, data=from_components(render_details(Selection(), referral_map))),
         html.Div(id=ids.DETAILS), create_evidence()],
        className="details",
        **{"aria-label": "Details"},
    )


PANEL_CACHE = 512  # panels kept per app: every muscle, point and nerve on both sides, and recent pain drawings


def register_details(app: Dash, referral_map: ReferralMap) -> None:
    """The panel's callbacks on ``app``: rendered on the server, put in the page by the browser."""

    @lru_cache(maxsize=PANEL_CACHE)
    def panel_markup(selection: Selection) -> str:
        # The panel depends on the selection and the table alone, and both are frozen: a panel
        # written once is kept (a muscle's is 2 ms of the server's time to write, ~10 kB to keep).
        return from_components(render_details(selection, referral_map))

    # The page starts with the introduction in place (create_details): nothing to ask for then.
    @app.callback(Output(ids.DETAILS_MARKUP, "data"), Input(ids.SELECTION, "data"), prevent_initial_call=True)
    def show_details(selection_data):
        """Render the panel for the selection the browser reports, as markup."""
        return panel_markup(Selection.from_json(selection_data, referral_map))

    app.clientside_callback(
        ClientsideFunction(namespace="details", function_name="show"),
        Input(ids.DETAILS_MARKUP, "data"),
    )


def render_details(selection: Selection, referral_map: ReferralMap) -> list:
    """The panel's content for a selection."""
    if selection.mode == "muscle":
        if selection.muscle is None:
            return render_intro("muscle", selection)
        return render_muscle(selection, referral_map)
    if selection.mode == "nerve":
        if selection.nerve is None:
            return render_intro("nerve", selection)
        return render_nerve(selection, referral_map)
    if not selection.places:
        return render_intro("region", selection)
    return render_ranking(selection, referral_map)


def back_to_drawing(selection: Selection) -> list:
    """While a muscle or a nerve is looked at, a way back to the marked places."""
    if not selection.places:
        return []
    count = len(selection.places)
    return [html.Button(f"Back to your pain drawing ({count} {'place' if count == 1 else 'places'})",
                        type="button", className="btn back-button", **{"data-mode": "region"})]


def render_intro(mode: str, selection: Selection) -> list:
    return [
        html.H2(MODE_HINTS[mode], className="details-title intro"),
        html.P(
            "Trigger points are small, tender knots in a muscle. They often cause pain somewhere else, "
            "in a pattern that is much the same from person to person. This map shows those patterns, "
            "on the side of the body where they happen.",
            className="details-lead",
        ),
        *back_to_drawing(selection),
    ]


def side_switch(selection: Selection, what: str) -> html.Div:
    """Two buttons, the patient's left and right; the one shown is pressed."""
    buttons = [
        html.Button(side.capitalize(), type="button",
                    className="btn side-button" + (" active" if side == selection.side else ""),
                    **{"data-side-choice": side, "aria-pressed": "true" if side == selection.side else "false"})
        for side in ("left", "right")
    ]
    return html.Div(
        [html.Span(f"Showing the {what} on the patient's {selection.side} side.", className="side-words"),
         html.Div(buttons, className="side-buttons", role="group", **{"aria-label": "Which side"})],
        className="side-switch",
    )


def _zone_items(links, side: str, referral_map: ReferralMap) -> list:
    items = []
    for link in sorted(links, key=lambda link: referral_map.regions[link.region_id].name):
        region = referral_map.regions[link.region_id]
        parts = [html.Strong(short_name(region.name)), " ",
                 html.Span(link.evidence, className=f"grade grade-{link.evidence.lower()}",
                           **{"aria-label": f"evidence grade {link.evidence}, {GRADE_WORDS[link.evidence]}"}),
                 f" — {zone_words(link, side, referral_map)}"]
        if link.note:
            parts.append(html.Span(f" {link.note}", className="zone-note"))
        items.append(html.Li(parts, **{"data-region-item": link.region_id}))
    return items


def _points_block(muscle: Muscle, selection: Selection, referral_map: ReferralMap) -> list:
    points = [referral_map.trigger_points[p] for p in referral_map.points_of(muscle.id)]
    if selection.point is not None:
        point = referral_map.trigger_points[selection.point]
        return [
            html.H3("This trigger point"),
            html.P([html.Strong(point.label), " — ", point.location]),
            html.Button("Whole muscle", type="button", className="btn whole-button",
                        **{"data-pick": f"point:{point.id}:{selection.side}:{muscle.id}"}),
        ]
    if len(points) == 1:
        return [html.H3("Trigger point"), html.P(points[0].location)]
    buttons = [
        html.Li(html.Button([html.Strong(p.label), html.Span(p.location, className="pick-words")], type="button",
                            className="pick point-pick",
                            **{"data-pick": f"point:{p.id}:{selection.side}:{muscle.id}", "data-point-item": p.id}))
        for p in points
    ]
    return [html.H3("Trigger points"), html.P("Each has its own part of the pattern: tap one (or its ✕ on the "
                                              "diagram) to see only its zones.", className="muted"),
            html.Ul(buttons, className="point-list")]


def _zone_column(title: str, pattern: str, links, empty: str, selection: Selection,
                 referral_map: ReferralMap) -> html.Div:
    """One of the muscle's two zone lists (usual, spillover), or a line saying it has none."""
    body = html.Ul(_zone_items(links, selection.side, referral_map), className="zones") if links \
        else html.P(empty, className="muted")
    return html.Div([html.H3(title), body], className="zone-column", **{"data-pattern": pattern})


def render_muscle(selection: Selection, referral_map: ReferralMap) -> list:
    """Name and side, its zones on that side, its trigger points, why it matters, self-care, sources."""
    muscle = referral_map.muscles[cast(str, selection.muscle)]  # called for a selected muscle
    rows = referral_map.rows_of(muscle.id, selection.point)
    essential = [link for link in rows if link.pattern == "essential"]
    spillover = [link for link in rows if link.pattern == "spillover"]
    title = muscle.name + (f", {referral_map.trigger_points[selection.point].label}" if selection.point else "")
    blocks = [
        *back_to_drawing(selection),
        html.Div(
            [
                html.H2(f"{title} ({selection.side})", className="details-title"),
                html.Span(muscle.group, className="badge text-bg-light"),
                html.Span(
                    "deep muscle" if muscle.depth == "deep" else "surface muscle", className="badge text-bg-light"
                ),
            ],
            className="details-head",
        ),
        side_switch(selection, "muscle"),
        html.P(muscle.plain_words, className="details-lead"),
        html.Div(
            [
                _zone_column("Usual zone", "essential", essential, "None for this trigger point.", selection,
                             referral_map),
                _zone_column("Spillover zone", "spillover", spillover, "None recorded.", selection, referral_map),
            ],
            className="zone-columns",
        ),
        html.P(
            [
                "Evidence: ",
                *[
                    item
                    for grade, words in GRADE_WORDS.items()
                    for item in (html.Span(grade, className=f"grade grade-{grade.lower()}"), f" {words}. ")
                ],
            ],
            className="grade-key muted",
        ),
        *_points_block(muscle, selection, referral_map),
        html.H3("Why it matters"),
        html.P(muscle.why_it_matters),
    ]
    blocks += render_self_care(muscle.self_care, referral_map)
    blocks += render_sources(_muscle_sources(muscle, referral_map), referral_map)
    return blocks


def _muscle_sources(muscle: Muscle, referral_map: ReferralMap) -> list[str]:
    ordered = list(muscle.sources)
    for link in referral_map.rows_of(muscle.id):
        ordered += link.sources
    return list(dict.fromkeys(ordered))


def render_nerve(selection: Selection, referral_map: ReferralMap) -> list:
    """What the nerve supplies on that side, and where muscles can press on it."""
    nerve = referral_map.nerves[cast(str, selection.nerve)]  # called for a selected nerve
    side = selection.side
    whole = [t for t in referral_map.territory_of(nerve.id) if t.extent == "whole"]
    part = [t for t in referral_map.territory_of(nerve.id) if t.extent == "part"]
    relations = referral_map.muscles_of_nerve(nerve.id)
    blocks = [
        *back_to_drawing(selection),
        html.Div([html.H2(f"{nerve.name} ({side})", className="details-title"),
                  html.Span(nerve.origin, className="badge text-bg-light")], className="details-head"),
        side_switch(selection, "nerve"),
        html.P(nerve.plain, className="details-lead"),
        html.H3("The skin it supplies"),
    ]
    if whole or part:
        items = [html.Li([html.Strong(place_words(t.region_id, side, referral_map).capitalize()),
                          " — all of it" if t.extent == "whole" else " — part of it, shared with another nerve"],
                         **{"data-region-item": t.region_id}) for t in whole + part]
        blocks.append(html.Ul(items, className="zones"))
    else:
        blocks.append(html.P("No region of this map.", className="muted"))
    blocks.append(html.H3("Where muscles can press on it"))
    if relations:
        blocks.append(html.Ul([html.Li([html.Strong(referral_map.muscles[r.muscle_id].name), f" — {r.relation}"],
                                       **{"data-muscle-item": r.muscle_id}) for r in relations], className="zones"))
    else:
        blocks.append(html.P("No muscle of this map.", className="muted"))
    sources = list(dict.fromkeys([*nerve.sources, *[s for t in whole + part for s in t.sources],
                                  *[s for r in relations for s in r.sources]]))
    return blocks + render_sources(sources, referral_map)


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


def strength_control(place, referral_map: ReferralMap) -> html.Select:
    """How strong the pain is at one place: not said, or 0 to 10."""
    words = place_words(place.region, place.side, referral_map)
    options = [html.Option("–", value="", selected=place.strength is None)]
    options += [html.Option(str(n), value=str(n), selected=place.strength == n) for n in range(11)]
    return html.Select(options, className="form-select strength",
                       **{"data-strength-for": f"{place.region}:{place.side}",
                          "aria-label": f"How strong is the pain at the {words}, from 0 (none) to 10 (worst)"})


def explanation(item, ranking, referral_map: ReferralMap) -> str:
    """Why a muscle ranks where it does, in words."""
    parts = [f"{place_words(p.region, p.side, referral_map)} ({PATTERN_WORDS['essential']})" for p in item.essential]
    parts += [f"{place_words(p.region, p.side, referral_map)} ({PATTERN_WORDS['spillover']})" for p in item.spillover]
    count = len(ranking.places)
    return f"Explains {len(item.explains)} of your {count} {'place' if count == 1 else 'places'}: {', '.join(parts)}"


def render_ranking(selection: Selection, referral_map: ReferralMap) -> list:
    """The marked places with their strengths, the muscles that may explain them (best first,
    each on its side), the nerves of those places, and what no muscle explains."""
    ranking = referral_map.rank_muscles(selection.places)
    places = html.Ul(
        [html.Li([html.Span(place_words(p.region, p.side, referral_map).capitalize(), className="place-name"),
                  strength_control(p, referral_map),
                  html.Button("✕", type="button", className="btn place-remove",
                              **{"data-pick": f"region:{p.region}:{p.side}",
                                 "aria-label": f"Unmark the {place_words(p.region, p.side, referral_map)}"})],
                 className="place", **{"data-place-item": f"{p.region}:{p.side}"})
         for p in ranking.places],
        className="places",
    )
    rows = []
    for rank, item in enumerate(ranking.muscles, start=1):
        muscle = referral_map.muscles[item.muscle_id]
        rows.append(html.Li(html.Button(
            [html.Span(f"{rank}", className="rank"),
             html.Span([html.Strong(f"{muscle.name}, {item.side}"),
                        html.Span(explanation(item, ranking, referral_map), className="explains")], className="rank-text"),
             html.Span(f"{round(item.score * 100)}%", className="score", **{"aria-hidden": "true"})],
            type="button", className="pick rank-row",
            **{"data-pick": f"muscle:{muscle.id}:{item.side}", "data-muscle-item": muscle.id, "data-side": item.side},
        )))
    blocks = [html.H2("Where it hurts", className="details-title"),
              html.P("Give each place a pain score if you like: the places that hurt most count most.",
                     className="muted"),
              places,
              html.H3("Muscles that can cause this pain")]
    if rows:
        blocks += [html.P(f"{RULE_IN_WORDS} Tap one to see its whole pattern on that side; your drawing is kept.",
                          className="muted"),
                   html.Ol(rows, className="ranking")]
    if ranking.unexplained:
        missing = list_words(places_words(ranking.unexplained, referral_map))
        blocks.append(html.P(f"No muscle in this map refers pain to the {missing}.", className="unexplained"))
    blocks += render_place_nerves(selection, referral_map)
    return blocks


def render_place_nerves(selection: Selection, referral_map: ReferralMap) -> list:
    """Which nerves supply the marked places: the other explanation, side by side."""
    if not referral_map.nerves:
        return []
    items = []
    for place in selection.places:
        found = referral_map.nerves_for(place.region)
        if not found:
            continue
        names = [referral_map.nerves[t.nerve_id].name + (" (in part)" if t.extent == "part" else "") for t in found]
        items.append(html.Li([html.Strong(place_words(place.region, place.side, referral_map).capitalize()),
                              ": " + ", ".join(names)]))
    if not items:
        return []
    return [html.H3("Nerves of these places"), html.Ul(items, className="zones place-nerves")]

