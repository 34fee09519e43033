"""The study quiz: question generation, answer checking and the repetition queue."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referral import ReferralMap, load
from referral.model import Link, Muscle, Nerve, Region, Territory, TriggerPoint, frozen_mapping
from referral.quiz import (
    CHOICES,
    MAX_COUNT,
    WRONG_GAP,
    Question,
    all_items,
    answer,
    check,
    distractors,
    division_of,
    nerve_distractors,
    new_quiz,
    next_question,
    question_for,
    question_highlight,
    quiz_from_json,
    requeue,
    verdict_of,
)
from tests.conftest import DATA

PROJECT_MAP = load(DATA)
MUSCLES = sorted(PROJECT_MAP.muscles)


@settings(max_examples=300, deadline=None)
@given(muscle_id=st.sampled_from(MUSCLES), seed=st.integers(min_value=0, max_value=2**32))
def test_distractors_are_three_distinct_other_muscles_never_the_answer_nor_its_twin(muscle_id, seed):
    chosen = distractors(PROJECT_MAP, muscle_id, random.Random(seed))
    assert len(chosen) == CHOICES - 1
    assert len(set(chosen)) == len(chosen)
    assert muscle_id not in chosen
    assert all(other in PROJECT_MAP.muscles for other in chosen)
    assert all(PROJECT_MAP.zones_of(other) != PROJECT_MAP.zones_of(muscle_id) for other in chosen)


@settings(max_examples=200, deadline=None)
@given(muscle_id=st.sampled_from(MUSCLES), seed=st.integers(min_value=0, max_value=2**32))
def test_distractors_share_a_zone_with_the_answer_whenever_enough_muscles_do(muscle_id, seed):
    zones = PROJECT_MAP.zones_of(muscle_id).all
    overlapping = [m for m in MUSCLES if m != muscle_id and PROJECT_MAP.zones_of(m).all & zones]
    chosen = distractors(PROJECT_MAP, muscle_id, random.Random(seed))
    sharing = [m for m in chosen if PROJECT_MAP.zones_of(m).all & zones]
    assert len(sharing) == min(len(chosen), len(overlapping))


def _map(links: list[tuple[str, str, str, str]]) -> ReferralMap:
    """A small map from (muscle, group, region, pattern) rows."""
    muscles = {m: Muscle(m, m, g, "superficial", "", "", "", (), ()) for m, g, _, _ in links}
    regions = {r: Region(r, r, r, "surface") for _, _, r, _ in links}
    return ReferralMap(
        muscles=frozen_mapping(muscles),
        regions=frozen_mapping(regions),
        self_care=frozen_mapping({}),
        sources=frozen_mapping({}),
        links=tuple(Link(m, r, p, "ipsilateral", (), "") for m, _, r, p in links),
    )


def test_too_few_overlapping_muscles_are_padded_from_the_same_group_first_and_twins_never_offered():
    small = _map([
        ("a", "jaw", "r1", "essential"),
        ("b", "jaw", "r2", "essential"),
        ("c", "neck", "r3", "essential"),
        ("d", "neck", "r1", "spillover"),
        ("twin", "neck", "r1", "essential"),
    ])
    for seed in range(20):
        assert set(distractors(small, "a", random.Random(seed), count=2)) == {"d", "b"}
        assert set(distractors(small, "a", random.Random(seed), count=3)) == {"d", "b", "c"}
        assert len(distractors(small, "a", random.Random(seed), count=9)) == 3


@given(seed=st.integers(min_value=0, max_value=2**32))
def test_a_name_question_offers_the_answer_among_four_choices(seed):
    question = question_for("name:masseter", PROJECT_MAP, random.Random(seed))
    assert question.kind == "name" and question.subject == "masseter"
    assert len(question.choices) == CHOICES and "masseter" in question.choices


def test_the_same_seed_gives_the_same_question():
    first = question_for("name:temporalis", PROJECT_MAP, random.Random(7))
    again = question_for("name:temporalis", PROJECT_MAP, random.Random(7))
    assert first == again


def test_checking_a_name_question():
    question = Question("name", "temporalis", ("masseter", "temporalis", "frontalis", "upper_trapezius"))
    assert check(question, "temporalis", PROJECT_MAP).correct
    assert not check(question, "masseter", PROJECT_MAP).correct


def test_a_tap_is_right_only_inside_the_essential_zone():
    question = Question("tap", "upper_trapezius")
    zones = PROJECT_MAP.zones_of("upper_trapezius")
    for region in PROJECT_MAP.regions:
        verdict = check(question, region, PROJECT_MAP)
        assert verdict.correct == (region in zones.essential)
        assert verdict.pattern == zones.pattern_of(region)
    assert check(question, "temple", PROJECT_MAP).correct
    assert check(question, "retro_orbital", PROJECT_MAP).pattern == "spillover"


def test_a_wrong_answer_comes_back_after_a_few_questions_and_a_right_one_goes_to_the_back():
    queue = tuple(f"name:m{i}" for i in range(8))
    assert requeue(queue, correct=True) == queue[1:] + queue[:1]
    wrong = requeue(queue, correct=False)
    assert wrong.index("name:m0") == WRONG_GAP
    assert sorted(wrong) == sorted(queue)
    assert requeue(("name:a", "name:b"), correct=False) == ("name:b", "name:a")


def test_a_new_quiz_asks_every_question_once_in_a_shuffled_order():
    quiz = new_quiz(PROJECT_MAP, seed=11)
    assert sorted(quiz.queue) == sorted(all_items(PROJECT_MAP))
    # Written out from the tables: two questions per muscle; one per trigger point of the muscles
    # whose points refer to different places (the levator scapulae's two points share one pattern,
    # so it has none); one per nerve with a territory.
    points = ["upper_trapezius_trp1", "upper_trapezius_trp2", "sternocleidomastoid_sternal_lower",
              "sternocleidomastoid_sternal_middle", "sternocleidomastoid_sternal_upper",
              "sternocleidomastoid_clavicular_middle", "sternocleidomastoid_clavicular_upper", "temporalis_trp1",
              "temporalis_trp2", "temporalis_trp3", "temporalis_trp4", "masseter_superficial_upper",
              "masseter_superficial_mid", "masseter_superficial_lower", "masseter_deep", "digastric_posterior",
              "digastric_anterior", "splenius_cervicis_upper", "splenius_cervicis_lower"]
    assert sorted(i for i in quiz.queue if i.startswith("point:")) == sorted(f"point:{p}" for p in points)
    assert sum(i.startswith("nerve:") for i in quiz.queue) == 15
    assert len(quiz.queue) == 2 * 24 + len(points) + 15
    assert quiz.question.item == quiz.queue[0]
    assert (quiz.right, quiz.wrong, quiz.asked, quiz.answer) == (0, 0, 0, None)
    assert new_quiz(PROJECT_MAP, seed=12).queue != quiz.queue


def _right_answer(question: Question) -> str:
    if question.kind != "tap":
        return question.subject
    return sorted(PROJECT_MAP.zones_of(question.subject).essential)[0]


def _wrong_answer(question: Question) -> str:
    if question.kind != "tap":
        return next(c for c in question.choices if c != question.subject)
    zones = PROJECT_MAP.zones_of(question.subject)
    return next(r for r in PROJECT_MAP.regions if r not in zones.essential)


def _first_of_kind(kind: str, seed: int = 0):
    """A quiz answered rightly, question by question, until one of ``kind`` is on screen; a right
    answer sends its question to the back, so one pass over the queue meets every kind."""
    quiz = new_quiz(PROJECT_MAP, seed)
    for _ in range(len(quiz.queue)):
        if quiz.question.kind == kind:
            return quiz
        quiz = next_question(answer(quiz, _right_answer(quiz.question), PROJECT_MAP), PROJECT_MAP)
    raise AssertionError(f"no {kind!r} question in one pass over the queue")


def test_a_round_scores_a_right_and_a_wrong_answer_and_the_missed_one_returns_soon():
    quiz = new_quiz(PROJECT_MAP, seed=3)
    first = quiz.question
    quiz = answer(quiz, _wrong_answer(first), PROJECT_MAP)
    assert (quiz.right, quiz.wrong) == (0, 1) and not verdict_of(quiz, PROJECT_MAP).correct
    assert answer(quiz, _right_answer(first), PROJECT_MAP) == quiz  # one answer per question
    quiz = next_question(quiz, PROJECT_MAP)
    second = quiz.question
    quiz = answer(quiz, _right_answer(second), PROJECT_MAP)
    assert (quiz.right, quiz.wrong) == (1, 1) and verdict_of(quiz, PROJECT_MAP).correct
    asked = [first.item, second.item]
    for _ in range(WRONG_GAP):
        quiz = next_question(quiz, PROJECT_MAP)
        asked.append(quiz.question.item)
        quiz = answer(quiz, _right_answer(quiz.question), PROJECT_MAP)
    assert asked.count(first.item) == 2 and asked.index(first.item, 1) == WRONG_GAP + 1
    assert quiz.asked == WRONG_GAP + 1


def test_next_question_waits_for_an_answer_and_answers_not_on_offer_are_ignored():
    quiz = new_quiz(PROJECT_MAP, seed=5)
    assert next_question(quiz, PROJECT_MAP) == quiz
    assert answer(quiz, "unicorn", PROJECT_MAP) == quiz
    assert answer(quiz, "<script>", PROJECT_MAP) == quiz


def test_a_quiz_survives_the_trip_through_the_browser():
    quiz = new_quiz(PROJECT_MAP, seed=9)
    quiz = answer(quiz, _wrong_answer(quiz.question), PROJECT_MAP)
    assert quiz.answer is not None
    assert quiz_from_json(json.loads(json.dumps(quiz.to_json())), PROJECT_MAP) == quiz


@settings(max_examples=200, deadline=None)
@given(data=st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(
        st.sampled_from(["queue", "question", "seed", "asked", "right", "wrong", "answer", "kind", "subject",
                         "choices", "x"]), children, max_size=6),
    max_leaves=20,
))
def test_whatever_the_browser_sends_back_is_read_safely(data):
    quiz = quiz_from_json(data, PROJECT_MAP)
    if quiz is None:
        return
    assert sorted(quiz.queue) == sorted(all_items(PROJECT_MAP))
    assert quiz.question.item == quiz.queue[0]
    assert min(quiz.right, quiz.wrong, quiz.asked, quiz.seed) >= 0
    assert quiz.answer is None or isinstance(quiz.answer, str)


def test_an_old_quiz_drops_unknown_questions_and_gains_new_ones():
    quiz = new_quiz(PROJECT_MAP, seed=2).to_json()
    quiz["queue"] = ["name:unicorn", quiz["queue"][1], quiz["queue"][1], "tap:masseter"]
    read = quiz_from_json(quiz, PROJECT_MAP)
    assert "name:unicorn" not in read.queue and len(read.queue) == len(set(read.queue))
    assert sorted(read.queue) == sorted(all_items(PROJECT_MAP))
    assert read.question.item == read.queue[0]


def test_a_tampered_question_or_answer_is_not_trusted():
    quiz = new_quiz(PROJECT_MAP, seed=4).to_json()
    quiz["queue"].remove("name:masseter")
    quiz["queue"].insert(0, "name:masseter")
    quiz["question"] = {"kind": "name", "subject": "masseter", "choices": ["a", "b", "c", "masseter"]}
    quiz["answer"] = "a"
    read = quiz_from_json(quiz, PROJECT_MAP)
    assert read.answer is None and all(c in PROJECT_MAP.muscles for c in read.question.choices)


def test_a_name_question_shows_the_pattern_and_hides_the_muscle_until_answered():
    quiz = _first_of_kind("name")
    muscle_id = quiz.question.subject
    zones = PROJECT_MAP.zones_of(muscle_id)
    highlight, mode = question_highlight(quiz, PROJECT_MAP)
    # the pattern on the patient's right: each row's region on the right (bilateral rows on both)
    assert mode == "muscle"
    assert {r for r, side in highlight.ids("region", "is-essential") if side == "right"} == zones.essential
    assert {r for r, side in highlight.ids("region", "is-spillover") if side == "right"} == zones.spillover
    assert not highlight.ids("muscle", "is-selected") and not highlight.ids("point", "is-shown")
    highlight, _ = question_highlight(answer(quiz, _wrong_answer(quiz.question), PROJECT_MAP), PROJECT_MAP)
    assert highlight.ids("muscle", "is-selected") == {(muscle_id, "right")}
    assert highlight.ids("point", "is-shown") == {(p, "right") for p in PROJECT_MAP.points_of(muscle_id)}


def test_a_tap_question_names_the_muscle_and_reveals_its_pattern_and_the_tap_once_answered():
    quiz = _first_of_kind("tap")
    muscle_id = quiz.question.subject
    highlight, mode = question_highlight(quiz, PROJECT_MAP)
    assert mode == "region" and highlight.ids("muscle", "is-referring") == {(muscle_id, "right")}
    assert not highlight.ids("region", "is-essential")
    tapped = _wrong_answer(quiz.question)
    highlight, _ = question_highlight(answer(quiz, tapped, PROJECT_MAP), PROJECT_MAP)
    assert highlight.ids("region", "is-selected") == {(tapped, "right")}
    essential_right = {r for r, side in highlight.ids("region", "is-essential") if side == "right"}
    assert essential_right == PROJECT_MAP.zones_of(muscle_id).essential


def ask(item: str, seed: int = 0):
    """A quiz whose question on screen is ``item``."""
    quiz = new_quiz(PROJECT_MAP, seed)
    queue = (item, *[i for i in quiz.queue if i != item])
    return quiz_from_json({**quiz.to_json(), "queue": list(queue), "question": None}, PROJECT_MAP)


@given(seed=st.integers(min_value=0, max_value=2**32))
def test_a_point_question_offers_the_muscles_own_points_and_lights_only_that_points_zones(seed):
    quiz = ask("point:upper_trapezius_trp1", seed)
    assert quiz.question.kind == "point" and sorted(quiz.question.choices) == ["upper_trapezius_trp1",
                                                                              "upper_trapezius_trp2"]
    highlight, mode = question_highlight(quiz, PROJECT_MAP)
    # referral_map.csv, the rows naming upper_trapezius_trp1
    assert mode == "muscle"
    assert {r for r, _ in highlight.ids("region", "is-essential")} == {"lateral_neck", "mastoid", "temple"}
    assert {r for r, _ in highlight.ids("region", "is-spillover")} == {"retro_orbital", "lateral_head",
                                                                      "angle_of_jaw"}
    assert "occiput" not in {r for r, _ in highlight.ids("region", "is-essential")}  # that is TrP2's
    assert highlight.ids("muscle", "is-selected") == {("upper_trapezius", "right")}  # the muscle is named
    assert not highlight.ids("point", "is-selected")  # which point it is stays hidden
    answered = answer(quiz, "upper_trapezius_trp2", PROJECT_MAP)
    assert not verdict_of(answered, PROJECT_MAP).correct
    assert question_highlight(answered, PROJECT_MAP)[0].ids("point", "is-selected") == {
        ("upper_trapezius_trp1", "right")
    }


def test_a_point_question_never_offers_a_point_with_the_same_zones():
    # temporalis TrP2 and TrP3 refer to the same places (referral_map.csv): they cannot be told apart
    for seed in range(30):
        choices = ask("point:temporalis_trp2", seed).question.choices
        assert "temporalis_trp3" not in choices and "temporalis_trp2" in choices and len(choices) == 3


@given(seed=st.integers(min_value=0, max_value=2**32))
def test_a_nerve_question_lights_the_territory_and_hides_the_nerve_until_answered(seed):
    quiz = ask("nerve:greater_occipital", seed)
    assert quiz.question.kind == "nerve" and len(quiz.question.choices) == CHOICES
    assert len(set(quiz.question.choices)) == CHOICES and "greater_occipital" in quiz.question.choices
    assert set(quiz.question.choices) <= set(PROJECT_MAP.nerves)
    highlight, mode = question_highlight(quiz, PROJECT_MAP)
    # nerve_territories.csv: part of the occiput and part of the vertex, on the patient's right
    assert highlight.ids("region", "is-territory-part") == {("occiput", "right"), ("vertex", "right")}
    assert not highlight.ids("region", "is-territory") and not highlight.ids("nerve", "is-selected")
    assert mode == "muscle"  # no nerve course is drawn before the answer
    answered = answer(quiz, "greater_occipital", PROJECT_MAP)
    assert verdict_of(answered, PROJECT_MAP).correct
    highlight, mode = question_highlight(answered, PROJECT_MAP)
    assert mode == "nerve" and highlight.ids("nerve", "is-selected") == {("greater_occipital", "right")}


def test_a_point_or_nerve_question_from_the_browser_must_offer_what_its_kind_allows():
    quiz = ask("point:upper_trapezius_trp1").to_json()
    tampered = {**quiz, "question": {"kind": "point", "subject": "upper_trapezius_trp1",
                                     "choices": ["upper_trapezius_trp1", "masseter_deep"]}}
    assert quiz_from_json(tampered, PROJECT_MAP).question.choices != ("upper_trapezius_trp1", "masseter_deep")
    assert quiz_from_json(json.loads(json.dumps(quiz)), PROJECT_MAP).question.to_json() == quiz["question"]


def test_an_answered_nerve_question_survives_the_trip_through_the_browser(tiny_map):
    question = {"kind": "nerve", "subject": "ophthalmic", "choices": ["mandibular", "ophthalmic", "lesser_occipital"]}
    data = {"queue": ["nerve:ophthalmic"], "question": question, "seed": 3, "asked": 2, "right": 1, "wrong": 1,
            "answer": "mandibular"}
    read = quiz_from_json(data, tiny_map)
    assert read.question == Question("nerve", "ophthalmic", ("mandibular", "ophthalmic", "lesser_occipital"))
    assert (read.queue[0], read.seed, read.asked, read.right, read.wrong, read.answer) == (
        "nerve:ophthalmic", 3, 2, 1, 1, "mandibular")


def test_a_verdict_carries_what_was_given_and_a_points_zones_split_by_pattern(tiny_map):
    from referral.model import Zones
    from referral.quiz import Verdict, check, point_zones

    name = Question("name", "temporalis", ("temporalis", "upper_trapezius"))
    assert check(name, "upper_trapezius", tiny_map) == Verdict(False, "upper_trapezius")
    assert check(Question("tap", "temporalis"), "eyebrow", tiny_map) == Verdict(False, "eyebrow", "spillover")
    # referral_map.csv by hand: TrP1 of the upper trapezius, the temple solid, behind the eye stippled
    assert point_zones(tiny_map, "upper_trapezius_trp1") == Zones(frozenset({"temple"}), frozenset({"retro_orbital"}))


# Small hand-built tables, module-level so each test builds its own data.

def _table(links, points=(), nerves=(), territories=()) -> ReferralMap:
    """A small map: ``links`` as (muscle, group, region, pattern, points) rows, ``points`` as
    (point, muscle), ``nerves`` as (nerve, parent) and ``territories`` as (nerve, region, extent)."""
    muscles = {m: Muscle(m, m, g, "superficial", "", "", "", (), ()) for m, g, _, _, _ in links}
    region_ids = [r for _, _, r, _, _ in links] + [r for _, r, _ in territories]
    return ReferralMap(
        muscles=frozen_mapping(muscles),
        regions=frozen_mapping({r: Region(r, r, r, "surface") for r in region_ids}),
        self_care=frozen_mapping({}),
        sources=frozen_mapping({}),
        links=tuple(Link(m, r, p, "ipsilateral", (), "", tuple(tp)) for m, _, r, p, tp in links),
        trigger_points=frozen_mapping({p: TriggerPoint(p, m, p, "", ()) for p, m in points}),
        nerves=frozen_mapping({n: Nerve(n, n, "", "", parent, "", ()) for n, parent in nerves}),
        territories=tuple(Territory(n, r, extent, ()) for n, r, extent in territories),
    )


def test_every_question_the_tables_give_in_table_order():
    small = _table(
        [("m1", "g", "r1", "essential", ["p1"]), ("m1", "g", "r2", "essential", ["p2"]),
         ("m2", "g", "r3", "essential", ["q1", "q2"])],
        points=[("p1", "m1"), ("p2", "m1"), ("q1", "m2"), ("q2", "m2")],
        nerves=[("n1", ""), ("n2", "")],
        territories=[("n1", "r1", "whole")],
    )
    # q1 and q2 refer to the same place, so they get no question; n2 supplies nothing
    assert all_items(small) == ("name:m1", "tap:m1", "name:m2", "tap:m2", "point:p1", "point:p2", "nerve:n1")


def test_distractors_that_share_more_zones_come_first():
    rows = [("answer", "g", r, "essential", []) for r in ("r1", "r2", "r3")]
    # b*: three zones in common with the answer, c*: two, a*: one (names sort the weakest first)
    for name, shared in [("b1", 3), ("b2", 3), ("b3", 3), ("c1", 2), ("c2", 2), ("c3", 2),
                         ("a1", 1), ("a2", 1), ("a3", 1), ("a4", 1)]:
        rows += [(name, "g", r, "essential", []) for r in ("r1", "r2", "r3")[:shared]]
        rows.append((name, "g", f"own_{name}", "spillover", []))
    small = _table(rows)
    for seed in range(20):
        # three wrong choices are drawn from the six most overlapping; one from the two most
        assert set(distractors(small, "answer", random.Random(seed))) <= {"b1", "b2", "b3", "c1", "c2", "c3"}
        assert set(distractors(small, "answer", random.Random(seed), count=1)) <= {"b1", "b2", "b3"}


def _nerve_table() -> ReferralMap:
    # trigeminal-like: v1 and v2 are branches of "tri"; "cerv" has its branch "c2"; "lone" is a main nerve
    return _table(
        [("m", "g", "skin", "essential", [])],
        nerves=[("tri", ""), ("v1", "tri"), ("v2", "tri"), ("cerv", ""), ("c2", "cerv"), ("lone", "")],
        territories=[("v1", "forehead", "whole"), ("v2", "cheek", "part"), ("tri", "jaw", "whole"),
                     ("c2", "neck", "whole"), ("cerv", "shoulder", "part"), ("lone", "scalp", "whole")],
    )


def test_a_branch_belongs_to_the_nerve_it_branches_from():
    nerves = _nerve_table()
    assert division_of(nerves, "v1") == "tri"
    assert division_of(nerves, "tri") == "tri"
    assert division_of(nerves, "c2") == "cerv"


def test_a_loop_of_parents_in_a_hand_built_table_ends_at_a_nerve_of_the_loop():
    looped = _table([("m", "g", "skin", "essential", [])], nerves=[("x", "y"), ("y", "x")])
    assert division_of(looped, "x") in {"x", "y"}


def test_nerve_distractors_are_padded_from_the_same_division_when_none_overlap():
    nerves = _nerve_table()
    for seed in range(20):
        # no territory overlaps v1's: the nerves of its division come first (v2 and tri itself)
        assert set(nerve_distractors(nerves, "v1", random.Random(seed), count=2)) == {"v2", "tri"}
        assert set(nerve_distractors(nerves, "c2", random.Random(seed), count=1)) == {"cerv"}
        assert len(nerve_distractors(nerves, "v1", random.Random(seed))) == 3


def test_a_point_question_offers_at_most_three_of_the_muscles_other_points():
    points = [f"p{i}" for i in range(6)]
    many = _table([("m", "g", f"r_{p}", "essential", [p]) for p in points], points=[(p, "m") for p in points])
    two = _table([("m", "g", f"r_{p}", "essential", [p]) for p in points[:2]], points=[(p, "m") for p in points[:2]])
    for seed in range(10):
        question = question_for("point:p0", many, random.Random(seed))
        assert len(question.choices) == CHOICES and "p0" in question.choices
        assert set(question.choices) <= set(points) and len(set(question.choices)) == CHOICES
        assert sorted(question_for("point:p1", two, random.Random(seed)).choices) == ["p0", "p1"]


def test_an_item_of_no_known_kind_is_refused():
    with pytest.raises(ValueError, match="not a quiz item"):
        question_for("riddle:masseter", PROJECT_MAP, random.Random(0))


def test_the_same_seed_gives_the_same_quiz_and_each_state_its_own_draw():
    assert new_quiz(PROJECT_MAP, seed=11) == new_quiz(PROJECT_MAP, seed=11)
    for seed in range(5):
        assert ask("name:masseter", seed) == ask("name:masseter", seed)
    # a state is the seed and the count asked together: (1, 1) and (0, MAX_COUNT - 1) are two states
    for item in ("name:masseter", "name:temporalis", "nerve:ophthalmic"):
        one = ask(item, seed=1).to_json()
        other = ask(item, seed=0).to_json()
        first = quiz_from_json({**one, "asked": 1, "question": None}, PROJECT_MAP)
        second = quiz_from_json({**other, "queue": one["queue"], "asked": MAX_COUNT - 1, "question": None},
                                PROJECT_MAP)
        assert first.question.item == second.question.item == item
        assert first.question.choices != second.question.choices


def test_a_right_answer_goes_to_the_back_and_a_wrong_one_comes_back_soon():
    quiz = ask("name:masseter")
    right = next_question(answer(quiz, "masseter", PROJECT_MAP), PROJECT_MAP)
    assert right.queue[-1] == "name:masseter" and right.asked == 1
    wrong_choice = next(c for c in quiz.question.choices if c != "masseter")
    wrong = next_question(answer(quiz, wrong_choice, PROJECT_MAP), PROJECT_MAP)
    assert wrong.queue.index("name:masseter") == WRONG_GAP


def _trip(quiz):
    return quiz_from_json(json.loads(json.dumps(quiz.to_json())), PROJECT_MAP)


def test_the_score_and_counts_survive_the_trip_through_the_browser():
    quiz = ask("name:masseter")
    quiz = next_question(answer(quiz, "masseter", PROJECT_MAP), PROJECT_MAP)
    quiz = answer(quiz, _wrong_answer(quiz.question), PROJECT_MAP)
    assert (quiz.asked, quiz.right, quiz.wrong) == (1, 1, 1)
    assert _trip(quiz) == quiz
    assert {k: quiz.to_json()[k] for k in ("seed", "asked", "right", "wrong")} == {
        "seed": 0, "asked": 1, "right": 1, "wrong": 1}


def test_an_answered_tap_or_two_choice_question_survives_the_trip_through_the_browser():
    tap = answer(ask("tap:masseter"), "temple", PROJECT_MAP)
    assert tap.answer == "temple" and _trip(tap) == tap
    point = answer(ask("point:upper_trapezius_trp1"), "upper_trapezius_trp2", PROJECT_MAP)
    assert len(point.question.choices) == 2 and _trip(point) == point


def test_an_answer_the_question_does_not_offer_is_dropped_on_the_way_back():
    quiz = ask("name:masseter").to_json()
    for sent in ("unicorn", 5, ["masseter"]):
        read = quiz_from_json({**quiz, "answer": sent}, PROJECT_MAP)
        assert read.answer is None and read.question.to_json() == quiz["question"]
    tap = ask("tap:masseter").to_json()
    assert quiz_from_json({**tap, "answer": "unicorn"}, PROJECT_MAP).answer is None


def test_choices_from_the_browser_that_break_the_rules_are_drawn_afresh():
    queue = ask("name:masseter").to_json()

    def read(choices, given):
        question = {"kind": "name", "subject": "masseter", "choices": choices}
        return quiz_from_json({**queue, "question": question, "answer": given}, PROJECT_MAP)

    kept = read(["temporalis", "masseter", "frontalis", "digastric"], "temporalis")
    assert kept.question.choices == ("temporalis", "masseter", "frontalis", "digastric")
    assert kept.answer == "temporalis"
    assert read(["temporalis", "masseter"], "temporalis").answer == "temporalis"  # two is enough
    for choices in (
        ["temporalis", "frontalis", "digastric"],  # no answer among them
        ["masseter", "temporalis", "frontalis", "digastric", "platysma"],  # five
        ["temporalis"],  # one
        ["temporalis", "masseter", "temporalis"],  # a repeat
        "temporalis masseter",  # not a list
    ):
        fresh = read(choices, "temporalis")
        assert fresh.answer is None and "masseter" in fresh.question.choices, choices


def test_counts_from_the_browser_that_are_not_whole_numbers_read_as_zero_and_huge_ones_are_capped():
    quiz = ask("name:masseter").to_json()
    read = quiz_from_json({**quiz, "seed": "7", "asked": True, "right": None, "wrong": -3}, PROJECT_MAP)
    assert (read.seed, read.asked, read.right, read.wrong) == (0, 0, 0, 0)
    read = quiz_from_json({**quiz, "right": 10**9, "wrong": 999_999}, PROJECT_MAP)
    assert (read.right, read.wrong) == (999_999, 999_999)


def test_answered_name_and_point_questions_show_the_muscle_as_the_map_does():
    name = answer(ask("name:masseter"), "masseter", PROJECT_MAP)
    assert question_highlight(name, PROJECT_MAP)[1] == "muscle"
    point = answer(ask("point:upper_trapezius_trp1"), "upper_trapezius_trp1", PROJECT_MAP)
    assert question_highlight(point, PROJECT_MAP)[1] == "muscle"


def test_a_tap_question_shows_the_muscles_trigger_points():
    highlight, _ = question_highlight(ask("tap:masseter"), PROJECT_MAP)
    assert highlight.ids("point", "is-shown") == {
        (p, "right") for p in ("masseter_superficial_upper", "masseter_superficial_mid",
                               "masseter_superficial_lower", "masseter_deep")}
