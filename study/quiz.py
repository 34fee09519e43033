"""The quiz block: name the muscle from its pain pattern, find a muscle's main pain zone, tell a
muscle's trigger points apart by their zones, or name the nerve from the skin it supplies.

The quiz lives in the browser's local storage (``dcc.Store(storage_type="local")``): each
callback reads it, applies one pure step of ``referral.quiz`` and writes it back, so the server
keeps nothing. Every answer is a real button (or a tap on the diagram, reported by
assets/study.js), so the quiz works by touch and by keyboard. ``render_quiz`` turns a quiz into
what the block shows and is called directly by the tests.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from referral import ReferralMap
from referral.handout import short_name
from referral.quiz import (
    MAX_COUNT,
    Question,
    Quiz,
    Verdict,
    answer,
    lit_zones,
    new_quiz,
    next_question,
    quiz_from_json,
    verdict_of,
)
from study import ids


@dataclass(frozen=True)
class QuizView:
    """Everything the block shows, in the order of ``show_quiz``'s outputs."""

    intro_hidden: bool
    panel_hidden: bool
    score: list
    prompt: list
    choices: list
    places: list
    feedback: list
    next_hidden: bool

    def outputs(self) -> tuple:
        return (self.intro_hidden, self.panel_hidden, self.score, self.prompt, self.choices, self.places,
                self.feedback, self.next_hidden)


def create_quiz() -> html.Div:
    """The start screen and the question panel; one of them is shown."""
    intro = html.Div(
        [
            html.H2("Test yourself", className="study-title"),
            html.P("Four kinds of question: the diagram lights up a pain pattern and you name the muscle; "
                   "a muscle is named and you tap where it nearly always sends pain; one trigger point's "
                   "zones are lit and you say which of the muscle's points it is; or the skin a nerve "
                   "supplies is lit and you name the nerve. The lit places are also listed in words."),
            html.P("Questions you miss come back sooner. Your score is kept on this device only.", className="muted"),
            html.Button("Start the quiz", id=ids.QUIZ_START, type="button", className="btn quiz-primary"),
        ],
        id=ids.QUIZ_INTRO,
        className="quiz-intro",
    )
    panel = html.Div(
        [
            html.Div(
                [
                    html.P(id=ids.QUIZ_SCORE, className="quiz-score", **{"aria-live": "polite"}),
                    html.Button("Start again", id=ids.QUIZ_RESTART, type="button",
                                className="btn btn-outline-secondary quiz-restart"),
                ],
                className="quiz-top",
            ),
            html.Div(id=ids.QUIZ_PROMPT, className="quiz-prompt"),
            html.Div(id=ids.QUIZ_CHOICES, className="quiz-choices", role="group"),
            html.Div(id=ids.QUIZ_PLACES, className="quiz-places"),
            html.Div(id=ids.QUIZ_FEEDBACK, className="quiz-feedback", role="status", **{"aria-live": "polite"}),
            html.Button("Next question", id=ids.QUIZ_NEXT, type="button", className="btn quiz-primary", hidden=True),
        ],
        id=ids.QUIZ_PANEL,
        className="quiz-panel",
        hidden=True,
    )
    return html.Div([dcc.Store(id=ids.QUIZ, storage_type="local"), intro, panel], className="study-quiz")


PROMPTS = {
    "name": "Which muscle sends pain to the places lit up on the diagram?",
    "nerve": "Which nerve supplies the skin lit up on the diagram?",
}
LIT_WORDS = {  # how the two patterns of the lit places are said, per kind
    "name": ("Nearly always", "Sometimes"),
    "point": ("Nearly always", "Sometimes"),
    "nerve": ("All of", "Part of"),
}


def render_quiz(quiz: Quiz | None, referral_map: ReferralMap) -> QuizView:
    """What the block shows for a quiz (None: not started)."""
    if quiz is None:
        return QuizView(False, True, [], [], [], [], [], True)
    question = quiz.question
    verdict = verdict_of(quiz, referral_map)
    answered = verdict is not None
    asked = quiz.right + quiz.wrong
    score = [html.Strong(f"{quiz.right} right"), f" · {quiz.wrong} wrong"]
    if asked:
        score.append(f" · {round(100 * quiz.right / asked)}%")
    if question.kind == "tap":
        muscle = referral_map.muscles[question.subject]
        prompt = [
            html.H2(["Where does ", html.Strong(muscle.name), " nearly always send pain?"], className="study-title"),
            html.P("Tap one place on the diagram, or choose it from the list.", className="muted"),
        ]
        choices, places = [], [_places(quiz, referral_map)]
    else:
        prompt = [_heading(question, referral_map), *_lit_places(question, referral_map)]
        choices, places = [_choice(choice, quiz, referral_map) for choice in question.choices], []
    feedback = _feedback(quiz, referral_map) if answered else []
    return QuizView(True, False, score, prompt, choices, places, feedback, not answered)


def _heading(question: Question, referral_map: ReferralMap) -> html.H2:
    if question.kind == "point":
        muscle = referral_map.muscles[referral_map.trigger_points[question.subject].muscle_id]
        return html.H2(["Which trigger point of ", html.Strong(muscle.name), " sends pain to the places lit up?"],
                       className="study-title")
    return html.H2(PROMPTS[question.kind], className="study-title")


def _lit_places(question: Question, referral_map: ReferralMap) -> list:
    """The lit places in words, so the question can be answered without seeing the diagram."""
    zones = lit_zones(question, referral_map)
    first, second = LIT_WORDS[question.kind]
    lines = [html.Li([html.Strong(f"{words}: "), _names(region_ids, referral_map)])
             for words, region_ids in ((first, zones.essential), (second, zones.spillover)) if region_ids]
    key = ("Shaded: all of the place. Striped: part of it, shared with another nerve."
           if question.kind == "nerve" else
           "Solid: nearly everyone with these trigger points feels it there. Dotted: some people do.")
    return [html.Ul(lines, className="quiz-lit", **{"aria-label": "Lit up on the diagram"}),
            html.P(key, className="muted")]


def _names(region_ids, referral_map: ReferralMap) -> str:
    """Region names in the table's order, joined for reading."""
    return ", ".join(short_name(r.name) for r in referral_map.regions.values() if r.id in region_ids)


def _choice_label(kind: str, choice: str, referral_map: ReferralMap) -> list | str:
    if kind == "point":
        point = referral_map.trigger_points[choice]
        return [html.Span(point.label, className="pick-name"), html.Span(point.location, className="pick-words")]
    if kind == "nerve":
        return referral_map.nerves[choice].name
    return referral_map.muscles[choice].name


def _choice(choice: str, quiz: Quiz, referral_map: ReferralMap) -> html.Button:
    result = ""
    if quiz.answer is not None:
        if choice == quiz.question.subject:
            result = "right"
        elif choice == quiz.answer:
            result = "wrong"
    return html.Button(
        _choice_label(quiz.question.kind, choice, referral_map),
        id={"type": ids.CHOICE, "index": choice},
        type="button",
        className="quiz-choice" + (f" is-{result}" if result else ""),
        disabled=quiz.answer is not None,
        **{"data-result": result},
    )


def _places(quiz: Quiz, referral_map: ReferralMap) -> html.Details:
    zones = referral_map.zones_of(quiz.question.subject)
    buttons = []
    for region in referral_map.regions.values():
        result = ""
        if quiz.answer is not None:
            if region.id in zones.essential:
                result = "right"
            elif region.id == quiz.answer:
                result = "wrong"
        buttons.append(
            html.Button(
                [html.Span(short_name(region.name), className="pick-name"),
                 html.Span(region.patient_words.split(",")[0], className="pick-words")],
                id={"type": ids.PLACE, "index": region.id},
                type="button",
                className="quiz-place" + (f" is-{result}" if result else ""),
                disabled=quiz.answer is not None,
                **{"data-result": result},
            )
        )
    return html.Details([html.Summary("Choose from a list of places"), html.Div(buttons, className="quiz-place-list")],
                        className="quiz-place-details")


def _feedback(quiz: Quiz, referral_map: ReferralMap) -> list:
    verdict = verdict_of(quiz, referral_map)
    if verdict is None or quiz.answer is None:  # not answered yet
        return []
    head, text = _verdict_words(quiz.question, quiz.answer, verdict, referral_map)
    return [html.P([html.Strong(head), " ", text],
                   className="quiz-verdict " + ("is-right" if verdict.correct else "is-wrong"),
                   **{"data-correct": "true" if verdict.correct else "false"})]


def _verdict_words(question: Question, given: str, verdict: Verdict, referral_map: ReferralMap) -> tuple[str, str]:
    if question.kind == "nerve":
        nerve = referral_map.nerves[question.subject]
        text = (f"It is the {nerve.name}." if verdict.correct else
                f"You chose the {referral_map.nerves[given].name}; the answer is the {nerve.name}.")
        return ("Right!" if verdict.correct else "Not quite."), f"{text} {nerve.origin}."
    if question.kind == "point":
        point = referral_map.trigger_points[question.subject]
        text = (f"It is {point.label}." if verdict.correct else
                f"You chose {referral_map.trigger_points[given].label}; the answer is {point.label}.")
        return ("Right!" if verdict.correct else "Not quite."), f"{text} Find it: {point.location}."
    muscle = referral_map.muscles[question.subject]
    essential = _phrases(referral_map.zones_of(question.subject).essential, referral_map)
    if question.kind == "name":
        if verdict.correct:
            return "Right!", f"It is {muscle.name}. It nearly always sends pain to {essential}."
        return "Not quite.", (f"You chose {referral_map.muscles[given].name}; the answer is {muscle.name}. "
                              f"It nearly always sends pain to {essential}.")
    place = referral_map.regions[given].patient_words.split(",")[0]
    if verdict.correct:
        return "Right!", f"{muscle.name} nearly always sends pain to {place}."
    if verdict.pattern == "spillover":
        return "Close.", (f"{muscle.name} sends pain to {place} in only some people (spillover). "
                          f"Its essential zone: {essential}.")
    return "Not quite.", f"{muscle.name} does not send pain to {place}. Its essential zone: {essential}."


def _phrases(region_ids, referral_map: ReferralMap) -> str:
    phrases = [referral_map.regions[r].patient_words.split(",")[0] for r in referral_map.regions if r in region_ids]
    return phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]


def register_quiz(app: Dash, referral_map: ReferralMap) -> None:
    """The quiz's callbacks on ``app``: each applies one pure step to the quiz kept in the browser."""

    @app.callback(
        Output(ids.QUIZ_INTRO, "hidden"),
        Output(ids.QUIZ_PANEL, "hidden"),
        Output(ids.QUIZ_SCORE, "children"),
        Output(ids.QUIZ_PROMPT, "children"),
        Output(ids.QUIZ_CHOICES, "children"),
        Output(ids.QUIZ_PLACES, "children"),
        Output(ids.QUIZ_FEEDBACK, "children"),
        Output(ids.QUIZ_NEXT, "hidden"),
        Input(ids.QUIZ, "data"),
    )
    def show_quiz(data):
        """Show the quiz kept in the browser (or the start screen)."""
        return render_quiz(quiz_from_json(data, referral_map), referral_map).outputs()

    @app.callback(
        Output(ids.QUIZ, "data"),
        Input(ids.QUIZ_START, "n_clicks"),
        Input(ids.QUIZ_RESTART, "n_clicks"),
        prevent_initial_call=True,
    )
    def start_quiz(_start, _restart):
        """A fresh quiz in a new random order, with the score at zero."""
        return new_quiz(referral_map, secrets.randbelow(MAX_COUNT)).to_json()

    register_step(app, [Input({"type": ids.CHOICE, "index": ALL}, "n_clicks"),
                        Input({"type": ids.PLACE, "index": ALL}, "n_clicks")],
                  lambda quiz, _choices, _places: answer(quiz, clicked_index(), referral_map), referral_map)
    register_step(app, [Input(ids.DIAGRAM_TAP, "data")],
                  lambda quiz, tap: answer(quiz, tapped_region(tap), referral_map), referral_map)
    register_step(app, [Input(ids.QUIZ_NEXT, "n_clicks")],
                  lambda quiz, _clicks: next_question(quiz, referral_map), referral_map)


def register_step(app: Dash, inputs, move, referral_map: ReferralMap) -> None:
    """One callback on ``app`` that applies ``move(quiz, *input values)`` to the stored quiz.

    The answer buttons (a muscle, or a place from the list), a region tapped on the diagram and
    "Next question" each move the quiz this way; ``move`` is a pure step of ``referral.quiz``.
    """

    def quiz_step(*values):
        *triggers, data = values
        return step(data, lambda quiz: move(quiz, *triggers), referral_map)

    app.callback(
        Output(ids.QUIZ, "data", allow_duplicate=True),
        *inputs,
        State(ids.QUIZ, "data"),
        prevent_initial_call=True,
    )(quiz_step)


def tapped_region(tap) -> str | None:
    """The region id of a diagram tap, or None when the tap was not on a region."""
    return tap.get("id") if isinstance(tap, dict) and tap.get("kind") == "region" else None


def step(data, move, referral_map: ReferralMap):
    """Apply one pure step to the stored quiz; leave the store alone if nothing changed."""
    quiz = quiz_from_json(data, referral_map)
    if quiz is None:
        return no_update
    moved = move(quiz)
    return no_update if moved == quiz else moved.to_json()


def clicked_index() -> str | None:
    """The id of the button that was really clicked (not one that just appeared), or None."""
    if not ctx.triggered or not ctx.triggered[0].get("value"):
        return None
    return ctx.triggered_id["index"]
