"""The study quiz: questions from the referral and nerve tables, answer checking, and a
repetition queue.

Four kinds of question:

- ``name`` (one per muscle): the diagram shows a referral pattern; pick the muscle from four
  choices. The three wrong choices are muscles whose zones overlap the answer's (the ones
  overlapping most are preferred), padded from the answer's group and then from the rest when
  too few overlap. A muscle with exactly the answer's pattern is never offered: it could not be
  told apart.
- ``tap`` (one per muscle): a muscle is named; tap a region of its essential zone.
- ``point`` (one per trigger point of a muscle whose points have patterns of their own): the
  muscle is named and one point's zones are lit; pick which of its trigger points it is, from
  up to four of that muscle's points (points with the same zones as the answer are never offered).
- ``nerve`` (one per nerve with a territory): the skin a nerve supplies is lit; pick the nerve
  from four, chosen as for ``name`` (overlapping territories first, then the same division),
  never a nerve with exactly the answer's territory.

The quiz is plain JSON that lives in the browser (the server stays stateless): a queue of
questions still to come, the score, and the question on screen. A wrongly answered question
goes back ``WRONG_GAP`` places ahead so it comes back soon; a right one goes to the back.
Question choices come from ``random.Random`` seeded by the quiz's seed and the number of
questions asked, so the same state always shows the same question. No Dash imports here.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from referral.model import Pattern, Zones
from referral.selection import (
    DEFAULT_SIDE,
    REFERRING,
    SELECTED,
    SHOWN,
    Highlight,
    HighlightBuilder,
    Mode,
    Selection,
    highlight_for,
    key,
)

if TYPE_CHECKING:
    from referral.index import ReferralMap

Kind = Literal["name", "tap", "point", "nerve"]
KINDS: tuple[Kind, ...] = ("name", "tap", "point", "nerve")
CHOOSE: tuple[Kind, ...] = ("name", "point", "nerve")  # the kinds answered by picking one of the choices
CHOICES = 4
WRONG_GAP = 3  # a missed question comes back after this many others
POOL_FACTOR = 2  # distractors are drawn from the 2 x 3 most overlapping muscles
MAX_COUNT = 1_000_000  # scores and counters read back from the browser are capped here


@dataclass(frozen=True)
class Question:
    kind: Kind
    subject: str  # the answer: a muscle ("name", "tap"), a trigger point ("point") or a nerve ("nerve")
    choices: tuple[str, ...] = ()  # the kinds in CHOOSE: the ids offered, in the order shown

    @property
    def item(self) -> str:
        return item_key(self.kind, self.subject)

    def to_json(self) -> dict:
        return {"kind": self.kind, "subject": self.subject, "choices": list(self.choices)}


@dataclass(frozen=True)
class Verdict:
    correct: bool
    given: str
    pattern: Pattern | None = None  # "tap": where the tapped region lies in the muscle's pattern


@dataclass(frozen=True)
class Quiz:
    queue: tuple[str, ...]  # items "kind:id"; the head is the question on screen
    question: Question
    seed: int = 0
    asked: int = 0
    right: int = 0
    wrong: int = 0
    answer: str | None = None  # what was given for the question on screen, once answered

    def to_json(self) -> dict:
        return {
            "queue": list(self.queue),
            "question": self.question.to_json(),
            "seed": self.seed,
            "asked": self.asked,
            "right": self.right,
            "wrong": self.wrong,
            "answer": self.answer,
        }


def item_key(kind: Kind, subject: str) -> str:
    return f"{kind}:{subject}"


def point_zones(referral_map: ReferralMap, point_id: str) -> Zones:
    """The regions one trigger point refers to, by pattern."""
    point = referral_map.trigger_points[point_id]
    rows = referral_map.rows_of(point.muscle_id, point_id)
    return Zones(frozenset(r.region_id for r in rows if r.pattern == "essential"),
                 frozenset(r.region_id for r in rows if r.pattern == "spillover"))


def territory_zones(referral_map: ReferralMap, nerve_id: str) -> Zones:
    """The regions a nerve supplies: wholly (as "essential") or in part (as "spillover")."""
    territory = referral_map.territory_of(nerve_id)
    return Zones(frozenset(t.region_id for t in territory if t.extent == "whole"),
                 frozenset(t.region_id for t in territory if t.extent == "part"))


def sibling_points(referral_map: ReferralMap, point_id: str) -> tuple[str, ...]:
    """The other trigger points of the point's muscle that refer to other places than it does."""
    muscle_id = referral_map.trigger_points[point_id].muscle_id
    zones = point_zones(referral_map, point_id)
    return tuple(p for p in referral_map.points_of(muscle_id)
                 if p != point_id and point_zones(referral_map, p) != zones)


def all_items(referral_map: ReferralMap) -> tuple[str, ...]:
    """Every question the tables give, in the tables' order: per muscle "name" and "tap", then
    per trigger point with a sibling of another pattern "point", then per nerve "nerve"."""
    items = [item_key(kind, muscle_id) for muscle_id in referral_map.muscles for kind in ("name", "tap")]
    items += [item_key("point", p) for p in referral_map.trigger_points if sibling_points(referral_map, p)]
    items += [item_key("nerve", n) for n in referral_map.nerves if referral_map.territory_of(n)]
    return tuple(items)


def _pick(answer: str, candidates: Iterable[str], zones_of: Callable[[str], Zones], same_group: Callable[[str], bool],
          rng: random.Random, count: int) -> tuple[str, ...]:
    """Wrong choices: never the answer nor an item with its zones; overlapping ones first."""
    zones = zones_of(answer)
    others = [other for other in candidates if other != answer and zones_of(other) != zones]
    overlap = {other: len(zones_of(other).all & zones.all) for other in others}
    overlapping = sorted((o for o in others if overlap[o]), key=lambda o: (-overlap[o], rng.random()))
    pool = overlapping[: POOL_FACTOR * count]
    chosen = rng.sample(pool, min(count, len(pool)))
    fallbacks = (
        lambda other: overlap[other] > 0,  # overlapping, beyond the most overlapping few
        same_group,
        lambda other: True,
    )
    for wanted in fallbacks:
        candidates_left = [other for other in others if other not in chosen and wanted(other)]
        chosen += rng.sample(candidates_left, min(count - len(chosen), len(candidates_left)))
    return tuple(chosen)


def distractors(referral_map: ReferralMap, muscle_id: str, rng: random.Random, count: int = CHOICES - 1):
    """Wrong choices for a "name" question: distinct muscles, never the answer nor its twin."""
    group = referral_map.muscles[muscle_id].group
    return _pick(muscle_id, referral_map.muscles, referral_map.zones_of,
                 lambda other: referral_map.muscles[other].group == group, rng, count)


def division_of(referral_map: ReferralMap, nerve_id: str) -> str:
    """The nerve a branch belongs to, followed up to the nerve with no parent."""
    seen = set()
    while referral_map.nerves[nerve_id].parent and nerve_id not in seen:
        seen.add(nerve_id)
        nerve_id = referral_map.nerves[nerve_id].parent
    return nerve_id


def nerve_distractors(referral_map: ReferralMap, nerve_id: str, rng: random.Random, count: int = CHOICES - 1):
    """Wrong choices for a "nerve" question: nerves with a territory other than the answer's."""
    division = division_of(referral_map, nerve_id)
    candidates = [n for n in referral_map.nerves if referral_map.territory_of(n)]
    return _pick(nerve_id, candidates, lambda n: territory_zones(referral_map, n),
                 lambda other: division_of(referral_map, other) == division, rng, count)


def question_for(item: str, referral_map: ReferralMap, rng: random.Random) -> Question:
    """The question for a queue item, its choices drawn with ``rng``."""
    kind, subject = _parse_item(item)
    if kind == "tap":
        return Question("tap", subject)
    if kind == "name":
        wrong = distractors(referral_map, subject, rng)
    elif kind == "nerve":
        wrong = nerve_distractors(referral_map, subject, rng)
    else:
        siblings = list(sibling_points(referral_map, subject))
        wrong = tuple(rng.sample(siblings, min(CHOICES - 1, len(siblings))))
    choices = [subject, *wrong]
    rng.shuffle(choices)
    return Question(kind, subject, tuple(choices))


def lit_zones(question: Question, referral_map: ReferralMap) -> Zones:
    """The places the diagram lights for a question before it is answered, by pattern: the
    muscle's or the trigger point's zones, or the nerve's territory (whole, then part). A "tap"
    question lights none."""
    if question.kind == "name":
        return referral_map.zones_of(question.subject)
    if question.kind == "point":
        return point_zones(referral_map, question.subject)
    if question.kind == "nerve":
        return territory_zones(referral_map, question.subject)
    return Zones()


def check(question: Question, given: str, referral_map: ReferralMap) -> Verdict:
    """Right or wrong: the choice picked is the answer, or a region tapped is in the muscle's
    essential zone."""
    if question.kind in CHOOSE:
        return Verdict(given == question.subject, given)
    pattern = referral_map.zones_of(question.subject).pattern_of(given)
    return Verdict(pattern == "essential", given, pattern)


def requeue(queue: tuple[str, ...], correct: bool) -> tuple[str, ...]:
    """The queue after its head was answered: to the back if right, ``WRONG_GAP`` ahead if wrong."""
    head, rest = queue[0], queue[1:]
    if correct:
        return (*rest, head)
    return (*rest[:WRONG_GAP], head, *rest[WRONG_GAP:])


def new_quiz(referral_map: ReferralMap, seed: int) -> Quiz:
    """A fresh quiz: every question once, in an order shuffled by ``seed``, and a zero score."""
    items = list(all_items(referral_map))
    random.Random(seed).shuffle(items)
    return _ask(tuple(items), referral_map, seed=seed, asked=0, right=0, wrong=0)


def answer(quiz: Quiz, given: str | None, referral_map: ReferralMap) -> Quiz:
    """Score an answer to the question on screen; a second answer, or one not on offer, is ignored."""
    if quiz.answer is not None or given is None or not _can_answer(quiz.question, given, referral_map):
        return quiz
    verdict = check(quiz.question, given, referral_map)
    return replace(
        quiz,
        right=quiz.right + verdict.correct,
        wrong=quiz.wrong + (not verdict.correct),
        answer=given,
    )


def next_question(quiz: Quiz, referral_map: ReferralMap) -> Quiz:
    """Requeue the answered question by its verdict and ask the next one (only once answered)."""
    if quiz.answer is None:
        return quiz
    queue = requeue(quiz.queue, check(quiz.question, quiz.answer, referral_map).correct)
    return _ask(queue, referral_map, seed=quiz.seed, asked=quiz.asked + 1, right=quiz.right, wrong=quiz.wrong)


def verdict_of(quiz: Quiz, referral_map: ReferralMap) -> Verdict | None:
    """How the question on screen was answered, or None before an answer."""
    return None if quiz.answer is None else check(quiz.question, quiz.answer, referral_map)


def question_highlight(quiz: Quiz, referral_map: ReferralMap) -> tuple[Highlight, Mode]:
    """What the diagram shows for the question on screen, before and after it is answered, on
    the patient's right side.

    "name": the pattern alone (the muscle and its trigger points stay hidden until answered).
    "tap": the muscle named, over the regions to tap; once answered, its whole pattern and the
    region tapped.
    "point": the muscle named and all its trigger points, with one point's zones; once
    answered, that point is marked as looked at.
    "nerve": the territory alone (no nerve is drawn until answered); once answered, the nerve,
    its territory and the muscles it passes, as the map shows them.
    """
    question = quiz.question
    answered = quiz.answer is not None
    if question.kind == "nerve":
        pattern = highlight_for(Selection("nerve", nerve=question.subject, side=DEFAULT_SIDE), referral_map)
        if answered:
            return pattern, "nerve"
        return _only(pattern, lambda name: name.startswith("region:")), "muscle"
    if question.kind == "point":
        muscle_id = referral_map.trigger_points[question.subject].muscle_id
        selection = Selection("muscle", muscle_id, point=question.subject, side=DEFAULT_SIDE)
        pattern = highlight_for(selection, referral_map)
        if answered:
            return pattern, "muscle"
        chosen = key("point", question.subject, DEFAULT_SIDE)
        return _only(pattern, lambda name: True, drop={chosen: SELECTED}), "muscle"
    side = DEFAULT_SIDE
    pattern = highlight_for(Selection("muscle", question.subject, side=side), referral_map)
    muscle_key = key("muscle", question.subject, side)
    points = {key("point", p, side) for p in referral_map.points_of(question.subject)}
    if question.kind == "name":
        if answered:
            return pattern, "muscle"
        return _only(pattern, lambda name: name != muscle_key and name not in points), "muscle"
    out = HighlightBuilder()
    out.add("muscle", question.subject, side, REFERRING)
    for name in points:
        out.classes.setdefault(name, set()).add(SHOWN)
    if quiz.answer is not None:  # answered
        for name, classes in pattern.classes.items():
            if name.startswith("region:"):
                out.classes.setdefault(name, set()).update(classes)
        out.add("region", quiz.answer, side, SELECTED)
    return out.build(), "region"


def _only(pattern: Highlight, keep: Callable[[str], bool], drop: dict[str, str] | None = None) -> Highlight:
    """The highlight's classes of the elements ``keep`` accepts, less the ``drop`` ones."""
    out = HighlightBuilder()
    for name, classes in pattern.classes.items():
        if keep(name):
            wanted = {c for c in classes if (drop or {}).get(name) != c}
            if wanted:
                out.classes.setdefault(name, set()).update(wanted)
    return out.build()


def quiz_from_json(data: object, referral_map: ReferralMap) -> Quiz | None:
    """Read a quiz kept in the browser, keeping only what the table knows; None if unusable.

    Unknown or repeated items are dropped and questions the table gained since are appended,
    so an old quiz survives edits to the table.
    """
    if not isinstance(data, dict):
        return None
    known = all_items(referral_map)
    queue = data.get("queue")
    items = [item for item in queue if item in known] if isinstance(queue, list) else []
    items = list(dict.fromkeys(items))
    items += [item for item in known if item not in items]
    counts = {key: _count(data.get(key)) for key in ("seed", "asked", "right", "wrong")}
    question = _question_from_json(data.get("question"), referral_map)
    if question is None or question.item != items[0]:
        return _ask(tuple(items), referral_map, **counts)
    given = data.get("answer")
    answered = isinstance(given, str) and _can_answer(question, given, referral_map)
    return Quiz(tuple(items), question, answer=given if answered else None, **counts)


def _ask(queue: tuple[str, ...], referral_map: ReferralMap, *, seed: int, asked: int, right: int,
         wrong: int) -> Quiz:
    rng = random.Random(seed * MAX_COUNT + asked)
    return Quiz(queue, question_for(queue[0], referral_map, rng), seed, asked, right, wrong)


def _parse_item(item: str) -> tuple[Kind, str]:
    kind, _, subject = item.partition(":")
    if kind not in KINDS:
        raise ValueError(f"not a quiz item: {item!r}")
    return kind, subject


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return min(max(value, 0), MAX_COUNT - 1)


def _question_from_json(data: object, referral_map: ReferralMap) -> Question | None:
    if not isinstance(data, dict) or data.get("kind") not in KINDS or not isinstance(data.get("subject"), str):
        return None
    kind, subject = data["kind"], data["subject"]
    if item_key(kind, subject) not in all_items(referral_map):
        return None
    if kind == "tap":
        return Question("tap", subject)
    choices = data.get("choices")
    allowed = _choosable(kind, subject, referral_map)
    if (
        not isinstance(choices, list)
        or not 2 <= len(choices) <= CHOICES
        or len(set(map(str, choices))) != len(choices)
        or subject not in choices
        or not all(isinstance(c, str) and c in allowed for c in choices)
    ):
        return None
    return Question(kind, subject, tuple(choices))


def _choosable(kind: Kind, subject: str, referral_map: ReferralMap) -> set[str]:
    """The ids a question of ``kind`` may offer."""
    if kind == "name":
        return set(referral_map.muscles)
    if kind == "nerve":
        return set(referral_map.nerves)
    return {subject, *sibling_points(referral_map, subject)}


def _can_answer(question: Question, given: str, referral_map: ReferralMap) -> bool:
    return given in question.choices if question.kind in CHOOSE else given in referral_map.regions
