"""The study page's pure parts, called directly: the heatmap table, the quiz view, the paint."""

from __future__ import annotations

import json

import pytest

from referral import Selection, highlight_for
from referral.markup import paint_for
from referral.quiz import answer, new_quiz, next_question
from study import ids
from study.diagram import caption_for, quiz_paint, table_paint
from study.layout import show_tab
from study.quiz import render_quiz
from study.table import muscle_order, render_heatmap
from tests.unit.test_details import text_of


def test_muscles_are_grouped_as_the_table_groups_them(project_map):
    order = muscle_order(project_map)
    assert sorted(order) == sorted(project_map.muscles)
    groups = [project_map.muscles[m].group for m in order]
    for group in set(groups):
        rows = [i for i, g in enumerate(groups) if g == group]
        assert rows == list(range(rows[0], rows[-1] + 1)), group  # each group's rows are together
    scm = [order.index("sternocleidomastoid_sternal"), order.index("sternocleidomastoid_clavicular")]
    assert abs(scm[0] - scm[1]) == 1


def heatmap_rows(markup: str) -> list[dict]:
    """Each body row of the heatmap table: its muscle, row header text, cell classes and titles."""
    import xml.etree.ElementTree as ET

    table = ET.fromstring(markup)
    rows = []
    for row in table.find("tbody"):
        cells = row.findall("td")
        rows.append({"muscle": row.get("data-muscle"), "group_start": "group-start" in (row.get("class") or ""),
                     "name": "".join(row.find("th").itertext()), "classes": [c.get("class") for c in cells],
                     "titles": [c.get("title") for c in cells]})
    return rows


def test_the_heatmap_holds_the_whole_table_in_two_colours(project_map):
    markup = render_heatmap(project_map)
    rows = heatmap_rows(markup)
    order = muscle_order(project_map)
    regions = list(project_map.regions)
    assert [r["muscle"] for r in rows] == order
    for row, muscle_id in zip(rows, order, strict=True):
        zones = project_map.zones_of(muscle_id)
        expected = ["cell-essential" if r in zones.essential else "cell-spillover" if r in zones.spillover else None
                    for r in regions]
        assert [c and c.replace(" grade-c", "") for c in row["classes"]] == expected, muscle_id
        assert len(row["titles"]) == len(regions) and all(row["titles"])
    masseter = rows[order.index("masseter")]
    assert masseter["name"] == "Masseter"
    temple = regions.index("temple")
    assert masseter["titles"][temple] == "Masseter, Temple: " + (
        "essential (nearly everyone)"
        if "temple" in project_map.zones_of("masseter").essential
        else "spillover (some people)"
        if "temple" in project_map.zones_of("masseter").spillover
        else "no referral"
    )
    assert "#c8384f" in markup  # the colours come from the theme


def test_a_line_separates_the_muscle_groups(project_map):
    rows = heatmap_rows(render_heatmap(project_map))
    groups = len({m.group for m in project_map.muscles.values()})
    assert sum(r["group_start"] for r in rows) == groups - 1 and not rows[0]["group_start"]


def test_the_table_lights_the_diagram_exactly_as_the_main_page(project_map):
    paint = table_paint("temporalis", project_map)
    expected = paint_for(highlight_for(Selection("muscle", "temporalis"), project_map), "muscle")
    assert {k: v for k, v in paint.items() if k != "accept"} == expected and paint["accept"] == "muscle"
    assert table_paint("unicorn", project_map)["classes"] == {}
    caption = caption_for("temporalis", project_map, "/clinic/handout")
    text = text_of(caption)
    assert "Temporalis" in text and "Temple (temporal fossa)" in text and "Open the patient handout" in text
    assert '"/clinic/handout?muscle=temporalis"' in str(caption).replace("'", '"')  # the address it was given


def _to_kind(quiz, kind, referral_map):
    while quiz.question.kind != kind:
        question = quiz.question  # answered rightly, so the score stays clean
        given = question.subject if question.choices else sorted(referral_map.zones_of(question.subject).essential)[0]
        quiz = next_question(answer(quiz, given, referral_map), referral_map)
    return quiz


def test_the_start_screen_shows_until_a_quiz_exists(project_map):
    view = render_quiz(None, project_map)
    assert view.intro_hidden is False and view.panel_hidden is True


def test_a_name_question_offers_four_buttons_then_marks_right_and_wrong(project_map):
    from tests.unit.test_quiz import ask

    quiz = ask("name:masseter", seed=1)
    view = render_quiz(quiz, project_map)
    assert view.intro_hidden and not view.panel_hidden and view.next_hidden
    assert [b.id for b in view.choices] == [{"type": ids.CHOICE, "index": c} for c in quiz.question.choices]
    assert not any(b.disabled for b in view.choices)
    wrong = next(c for c in quiz.question.choices if c != quiz.question.subject)
    view = render_quiz(answer(quiz, wrong, project_map), project_map)
    results = {b.id["index"]: b.className for b in view.choices}
    assert "is-right" in results[quiz.question.subject] and "is-wrong" in results[wrong]
    assert all(b.disabled for b in view.choices) and not view.next_hidden
    assert "Not quite." in text_of(view.feedback) and project_map.muscles[quiz.question.subject].name in text_of(
        view.feedback)
    assert "0 right" in text_of(view.score) and "1 wrong" in text_of(view.score)


def test_a_tap_question_lists_every_place_and_explains_a_spillover_tap(project_map):
    quiz = _to_kind(new_quiz(project_map, seed=2), "tap", project_map)
    view = render_quiz(quiz, project_map)
    buttons = view.places[0].children[1].children
    assert [b.id["index"] for b in buttons] == list(project_map.regions)
    zones = project_map.zones_of(quiz.question.subject)
    if zones.spillover:
        tapped = sorted(zones.spillover)[0]
        feedback = text_of(render_quiz(answer(quiz, tapped, project_map), project_map).feedback)
        assert feedback.startswith("Close.") and "spillover" in feedback


def test_the_quiz_paint_hides_the_answer_until_it_is_given(project_map):
    quiz = _to_kind(new_quiz(project_map, seed=3), "name", project_map)
    paint = quiz_paint(quiz, project_map)
    assert paint["accept"] is None
    assert not [k for k in paint["classes"] if k.startswith(("muscle:", "point:"))]
    right = {k.split(":")[1] for k in paint["classes"] if k.startswith("region:") and k.endswith(":right")}
    assert right == project_map.zones_of(quiz.question.subject).all
    tap = _to_kind(quiz, "tap", project_map)
    assert quiz_paint(tap, project_map)["accept"] == "region"
    assert quiz_paint(None, project_map)["root"] == ["mode-muscle"]
    json.dumps(paint)  # it travels as JSON


@pytest.mark.parametrize("tab, table_hidden, quiz_hidden", [(ids.TABLE_TAB, False, True), (ids.QUIZ_TAB, True, False)])
def test_the_tabs_show_one_part(tab, table_hidden, quiz_hidden):
    shown = show_tab(tab)
    assert (shown[0], shown[2]) == (table_hidden, quiz_hidden)
    assert ("quiz-view" in shown[3]) == (not quiz_hidden)


def test_the_heatmap_marks_grade_c_rows_and_the_nerve_table_lists_territories(project_map):
    from study.table import render_heatmap, render_nerve_table
    from tests.unit.test_details import text_of

    heatmap = render_heatmap(project_map)
    # data/referral_map.csv holds six grade-C rows (frontalis -> eyebrow is one)
    assert heatmap.count('class="cell-spillover grade-c"') + heatmap.count('class="cell-essential grade-c"') == 6
    assert "Frontalis, Eyebrow: " in heatmap and "evidence grade C" in heatmap
    table = text_of(render_nerve_table(project_map))
    assert "Greater occipital nerve" in table and "Angle of the mandible" in table


def test_a_name_question_says_the_lit_places_in_words(project_map):
    from tests.unit.test_quiz import ask

    said = text_of(render_quiz(ask("name:temporalis"), project_map).prompt)
    # referral_map.csv, the temporalis rows: essential temple, eyebrow, upper teeth, behind the eye;
    # spillover jaw joint and cheek (region names as regions.csv gives them, without brackets)
    assert "Nearly always:" in said and "Sometimes:" in said
    for name in ("Temple", "Eyebrow", "Upper teeth", "Retro-orbital"):
        assert name in said.split("Sometimes:")[0], name
    assert "Temporalis" not in said  # the answer is not given away


def test_a_nerve_question_lists_its_territory_and_offers_nerve_names(project_map):
    from tests.unit.test_quiz import ask

    quiz = ask("nerve:mental")
    view = render_quiz(quiz, project_map)
    said = text_of(view.prompt)
    # nerve_territories.csv: the mental nerve supplies all of the chin and part of the jaw
    assert "All of: Chin" in said and "Part of: Body of the mandible" in said and "Mental" not in said
    assert sorted(text_of(b) for b in view.choices) == sorted(project_map.nerves[c].name for c in quiz.question.choices)
    feedback = text_of(render_quiz(answer(quiz, "mental", project_map), project_map).feedback)
    assert feedback.startswith("Right!") and "Mental nerve" in feedback


def test_a_point_question_names_the_muscle_and_offers_its_points_with_where_to_find_them(project_map):
    from tests.unit.test_quiz import ask

    quiz = ask("point:upper_trapezius_trp2")
    view = render_quiz(quiz, project_map)
    said = text_of(view.prompt)
    assert "Trapezius, upper fibres" in said and "Nearly always:" in said and "Occiput" in said
    assert "Temple" not in said  # that place is TrP1's
    labels = [text_of(b) for b in view.choices]
    for point in ("upper_trapezius_trp1", "upper_trapezius_trp2"):
        assert any(project_map.trigger_points[point].label in label for label in labels)
