"""The study page's small diagram, shared by the table and the quiz.

The drawing's markup travels to the browser once and is inlined by assets/study.js; after
that only classes travel. The server derives them with the core's pure functions: the
table's muscle through ``highlight_for`` (exactly as on the main page), the quiz's question
through ``question_highlight``, both through ``paint_for``. The script puts them on the drawing
and reports taps on the shapes the current view accepts.
"""

from __future__ import annotations

import json

from dash import ClientsideFunction, Dash, Input, Output, State, dcc, html, no_update

from referral import ReferralMap, Selection, highlight_for
from referral.index import short_name
from referral.markup import paint_for
from referral.quiz import Quiz, question_highlight, quiz_from_json
from referral.selection import Highlight
from study import ids

VIEW_LABELS = {"all": "All views", "front": "Front", "side-right": "Right side", "back": "Back"}
LEGEND = (  # swatch, words, and what the diagram shows when the entry applies (study.js shows one set)
    ("swatch-essential", "Essential: nearly everyone", "pattern"),
    ("swatch-spillover", "Spillover: some people", "pattern"),
    ("swatch-trigger", "Trigger point", "pattern"),
    ("swatch-territory", "Skin the nerve supplies", "territory"),
    ("swatch-territory-part", "Part of it, shared with another nerve", "territory"),
)


def create_diagram(drawing_inline: str, referral_map: ReferralMap, above=None) -> html.Aside:
    """The drawing with its view buttons, caption and legend; ``above`` (the table's muscle list)
    on top. The names of its muscles and regions ride along for the fingertip chooser."""
    names = {f"muscle:{m.id}": m.name for m in referral_map.muscles.values()}
    names |= {f"region:{r.id}": short_name(r.name) for r in referral_map.regions.values()}
    return html.Aside(
        [
            above,
            dcc.Store(id=ids.DRAWING_MARKUP, data=drawing_inline),
            dcc.Store(id=ids.PAINT),
            dcc.Store(id=ids.DIAGRAM_TAP),
            html.Div(id=ids.DIAGRAM, className="study-diagram",
                     **{"data-ready": "false", "data-view": "all", "data-names": json.dumps(names)}),
            html.Div(
                [html.Button(label, type="button", className="study-view-button" + (" active" if view == "all" else ""),
                             **{"data-study-view": view, "aria-pressed": "true" if view == "all" else "false"})
                 for view, label in VIEW_LABELS.items()],
                className="study-view-bar",
                role="group",
                **{"aria-label": "Views shown"},
            ),
            html.Div(id=ids.DIAGRAM_CAPTION, className="study-caption", **{"aria-live": "polite"}),
            html.Ul(
                [html.Li([html.Span(className=f"swatch {swatch}", **{"aria-hidden": "true"}), text],
                         hidden=shows == "territory", **{"data-legend": shows})
                 for swatch, text, shows in LEGEND],
                className="legend",
                **{"aria-label": "Legend"},
            ),
        ],
        className="study-diagram-panel",
        **{"aria-label": "Diagram"},
    )


def table_paint(muscle_id: str | None, referral_map: ReferralMap) -> dict:
    """The classes for the table's muscle, exactly as the main page lights it; muscles take taps."""
    selection = Selection("muscle", muscle_id if muscle_id in referral_map.muscles else None)
    return {**paint_for(highlight_for(selection, referral_map), "muscle"), "accept": "muscle"}


def quiz_paint(quiz: Quiz | None, referral_map: ReferralMap) -> dict:
    """The classes for the question on screen; regions take taps while a "tap" question waits."""
    if quiz is None:
        return {**paint_for(Highlight(), "muscle"), "accept": None}
    highlight, mode = question_highlight(quiz, referral_map)
    waiting = quiz.question.kind == "tap" and quiz.answer is None
    return {**paint_for(highlight, mode), "accept": "region" if waiting else None}


def caption_for(muscle_id: str | None, referral_map: ReferralMap, handout: str) -> list:
    """Under the diagram in the table view: the muscle's name and zones in words, and a link to
    its handout at the address ``handout``."""
    muscle = referral_map.muscles.get(muscle_id or "")
    if muscle is None:
        return [html.P("Tap a row of the table, or a muscle on the diagram (a tap on a small part of all "
                       "three views first enlarges that view).", className="muted")]
    zones = referral_map.zones_of(muscle.id)

    def names(region_ids) -> str:
        return ", ".join(referral_map.regions[r].name for r in referral_map.regions if r in region_ids) or "none"

    return [
        html.H2(muscle.name, className="study-title"),
        html.P([html.Strong("Essential: "), names(zones.essential)]),
        html.P([html.Strong("Spillover: "), names(zones.spillover)]),
        html.A("Open the patient handout", href=f"{handout}?muscle={muscle.id}", target="_blank", rel="noopener"),
    ]


def register_diagram(app: Dash, referral_map: ReferralMap, handout: str) -> None:
    """The diagram's callbacks on ``app``; ``handout`` is the handout page's address."""

    @app.callback(
        Output(ids.PAINT, "data"),
        Output(ids.DIAGRAM_CAPTION, "children"),
        Input(ids.TABS, "data"),
        Input(ids.MUSCLE_PICK, "value"),
        Input(ids.QUIZ, "data"),
    )
    def paint_diagram(tab, muscle_id, quiz_data):
        """Light the diagram for the view shown: the table's muscle, or the quiz's question."""
        if tab == ids.QUIZ_TAB:
            return quiz_paint(quiz_from_json(quiz_data, referral_map), referral_map), []
        return table_paint(muscle_id, referral_map), caption_for(muscle_id, referral_map, handout)

    @app.callback(
        Output(ids.MUSCLE_PICK, "value", allow_duplicate=True),
        Input(ids.DIAGRAM_TAP, "data"),
        prevent_initial_call=True,
    )
    def select_from_diagram(tap):
        """A muscle tapped on the diagram (in the table view) becomes the picked muscle."""
        if isinstance(tap, dict) and tap.get("kind") == "muscle" and tap.get("id") in referral_map.muscles:
            return tap["id"]
        return no_update

    app.clientside_callback(
        ClientsideFunction(namespace="study", function_name="mount"),
        Input(ids.DRAWING_MARKUP, "data"),
        State(ids.PAINT, "data"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="study", function_name="paint"),
        Input(ids.PAINT, "data"),
    )
