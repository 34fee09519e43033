"""The study quiz: questions from the referral table, answer checking, and a repetition queue.

Two kinds of question, one per muscle each:

- ``name``: the diagram shows a referral pattern; pick the muscle from four choices. The three
  wrong choices are muscles whose zones overlap the answer's (the ones overlapping most are
  preferred), padded from the answer's group and then from the rest when too few overlap. A
  muscle with exactly the answer's pattern is never offered: it could not be told apart.
- ``tap``: a muscle is named; tap a region of its essential zone.

The quiz is plain JSON that lives in the browser (the server stays stateless): a queue of
questions still to come, the score, and the question on screen. A wrongly answered question
goes back ``WRONG_GAP`` places ahead so it comes back soon; a right one goes to the back.
Question choices come from ``random.Random`` seeded by the quiz's seed and the number of
questions asked, so the same state always shows the same question. No Dash imports here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from referral.model import Pattern
from referral.selection import (
    DEFAULT_SIDE, REFERRING, SELECTED, SHOWN, Highlight, HighlightBuilder, Mode, Selection, highlight_for, key,
)

if TYPE_CHECKING:
    from referral.index import ReferralMap

Kind = Literal["name", "tap"]
KINDS: tuple[Kind, ...] = ("name", "tap")
CHOICES = 4
WRONG_GAP = 3  # a missed question comes back after this many others
POOL_FACTOR = 2  # distractors are drawn from the 2 x 3 most overlapping muscles
MAX_COUNT = 1_000_000  # scores and counters read back from the browser are capped here


@dataclass(frozen=True)
class Question:
    kind: Kind
    muscle_id: str  # the answer ("name") or the muscle named ("tap")
    choices: tuple[str, ...] = ()  # "name": the four muscle ids, in the order shown

    @property
    def item(self) -> str:
        return item_key(self.kind, self.muscle_id)

    def to_json(self) -> dict:
        return {"kind": self.kind, "muscle": self.muscle_id, "choices": list(self.choices)}


@dataclass(frozen=True)
class Verdict:
    correct: bool
    given: str
    pattern: Pattern | None = None  # "tap": where the tapped region lies in the muscle's pattern


@dataclass(frozen=True)
class Quiz:
    queue: tuple[str, ...]  # items "kind:muscle_id"; the head is the question on screen
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


def item_key(kind: Kind, muscle_id: str) -> str:
    return f"{kind}:{muscle_id}"


def all_items(referral_map: "ReferralMap") -> tuple[str, ...]:
    """Every question the table gives, in the table's order."""
    return tuple(item_key(kind, muscle_id) for muscle_id in referral_map.muscles for kind in KINDS)


def distractors(referral_map: "ReferralMap", muscle_id: str, rng: random.Random, count: int = CHOICES - 1):
    """Wrong choices for a "name" question: distinct muscles, never the answer nor its twin."""
    zones = referral_map.zones_of(muscle_id)
    others = [
        other for other in referral_map.muscles
        if other != muscle_id and referral_map.zones_of(other) != zones
    ]
    overlap = {other: len(referral_map.zones_of(other).all & zones.all) for other in others}
    overlapping = sorted((o for o in others if overlap[o]), key=lambda o: (-overlap[o], rng.random()))
    pool = overlapping[: POOL_FACTOR * count]
    chosen = rng.sample(pool, min(count, len(pool)))
    group = referral_map.muscles[muscle_id].group
    fallbacks = (
        lambda other: overlap[other] > 0,  # overlapping, beyond the most overlapping few
        lambda other: referral_map.muscles[other].group == group,
        lambda other: True,
    )
    for wanted in fallbacks:
        candidates = [other for other in others if other not in chosen and wanted(other)]
        chosen += rng.sample(candidates, min(count - len(chosen), len(candidates)))
    return tuple(chosen)


def question_for(item: str, referral_map: "ReferralMap", rng: random.Random) -> Question:
    """The question for a queue item, its choices drawn with ``rng``."""
    kind, muscle_id = _parse_item(item)
    if kind == "tap":
        return Question("tap", muscle_id)
    choices = [muscle_id, *distractors(referral_map, muscle_id, rng)]
    rng.shuffle(choices)
    return Question("name", muscle_id, tuple(choices))


def check(question: Question, given: str, referral_map: "ReferralMap") -> Verdict:
    """Right or wrong: the muscle named, or a region tapped in the muscle's essential zone."""
    if question.kind == "name":
        return Verdict(given == question.muscle_id, given)
    pattern = referral_map.zones_of(question.muscle_id).pattern_of(given)
    return Verdict(pattern == "essential", given, pattern)


def requeue(queue: tuple[str, ...], correct: bool) -> tuple[str, ...]:
    """The queue after its head was answered: to the back if right, ``WRONG_GAP`` ahead if wrong."""
    head, rest = queue[0], queue[1:]
    if correct:
        return rest + (head,)
    return rest[:WRONG_GAP] + (head,) + rest[WRONG_GAP:]


def new_quiz(referral_map: "ReferralMap", seed: int) -> Quiz:
    """A fresh quiz: every question once, in an order shuffled by ``seed``, and a zero score."""
    items = list(all_items(referral_map))
    random.Random(seed).shuffle(items)
    return _ask(tuple(items), referral_map, seed=seed, asked=0, right=0, wrong=0)


def answer(quiz: Quiz, given: str, referral_map: "ReferralMap") -> Quiz:
    """Score an answer to the question on screen; a second answer, or one not on offer, is ignored."""
    if quiz.answer is not None or not _can_answer(quiz.question, given, referral_map):
        return quiz
    verdict = check(quiz.question, given, referral_map)
    return replace(
        quiz,
        right=quiz.right + verdict.correct,
        wrong=quiz.wrong + (not verdict.correct),
        answer=given,
    )


def next_question(quiz: Quiz, referral_map: "ReferralMap") -> Quiz:
    """Requeue the answered question by its verdict and ask the next one (only once answered)."""
    if quiz.answer is None:
        return quiz
    queue = requeue(quiz.queue, check(quiz.question, quiz.answer, referral_map).correct)
    return _ask(queue, referral_map, seed=quiz.seed, asked=quiz.asked + 1, right=quiz.right, wrong=quiz.wrong)


def verdict_of(quiz: Quiz, referral_map: "ReferralMap") -> Verdict | None:
    """How the question on screen was answered, or None before an answer."""
    return None if quiz.answer is None else check(quiz.question, quiz.answer, referral_map)


def question_highlight(quiz: Quiz, referral_map: "ReferralMap") -> tuple[Highlight, Mode]:
    """What the diagram shows for the question on screen, before and after it is answered, on
    the patient's right side.

    "name": the pattern alone (the muscle and its trigger points stay hidden until answered).
    "tap": the muscle named, over the regions to tap; once answered, its whole pattern and the
    region tapped.
    """
    question = quiz.question
    side = DEFAULT_SIDE
    pattern = highlight_for(Selection("muscle", question.muscle_id, side=side), referral_map)
    answered = quiz.answer is not None
    out = HighlightBuilder()
    muscle_key = key("muscle", question.muscle_id, side)
    points = {key("point", p, side) for p in referral_map.points_of(question.muscle_id)}
    if question.kind == "name":
        for name, classes in pattern.classes.items():
            if answered or (name != muscle_key and name not in points):
                for state in classes:
                    out.classes.setdefault(name, set()).add(state)
        return out.build(), "muscle"
    out.add("muscle", question.muscle_id, side, REFERRING)
    for name in points:
        out.classes.setdefault(name, set()).add(SHOWN)
    if answered:
        for name, classes in pattern.classes.items():
            if name.startswith("region:"):
                out.classes.setdefault(name, set()).update(classes)
        out.add("region", quiz.answer, side, SELECTED)
    return out.build(), "region"


def quiz_from_json(data: object, referral_map: "ReferralMap") -> Quiz | None:
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


def _ask(queue: tuple[str, ...], referral_map: "ReferralMap", *, seed: int, asked: int, right: int,
         wrong: int) -> Quiz:
    rng = random.Random(seed * MAX_COUNT + asked)
    return Quiz(queue, question_for(queue[0], referral_map, rng), seed, asked, right, wrong)


def _parse_item(item: str) -> tuple[Kind, str]:
    kind, _, muscle_id = item.partition(":")
    if kind not in KINDS:
        raise ValueError(f"not a quiz item: {item!r}")
    return kind, muscle_id  # type: ignore[return-value]


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return min(max(value, 0), MAX_COUNT - 1)


def _question_from_json(data: object, referral_map: "ReferralMap") -> Question | None:
    if not isinstance(data, dict) or data.get("kind") not in KINDS or data.get("muscle") not in referral_map.muscles:
        return None
    if data["kind"] == "tap":
        return Question("tap", data["muscle"])
    choices = data.get("choices")
    if (
        not isinstance(choices, list)
        or len(choices) != CHOICES
        or len(set(map(str, choices))) != CHOICES
        or data["muscle"] not in choices
        or not all(isinstance(c, str) and c in referral_map.muscles for c in choices)
    ):
        return None
    return Question("name", data["muscle"], tuple(choices))


def _can_answer(question: Question, given: str, referral_map: "ReferralMap") -> bool:
    return given in question.choices if question.kind == "name" else given in referral_map.regions
