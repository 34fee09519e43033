"""What the printable patient handout says, composed from the table in plain words.

``handout_for(selection, referral_map, guidance)`` returns a ``Handout``: plain strings and
records, no markup. For a muscle: what and where it is, where it usually and sometimes sends
pain and on which side, why it matters, its exercises. For painful regions: the places marked
and the muscles that may explain them, best match first (``rank_muscles``), with their
exercises. For no selection: a general page. Every handout carries the fixed texts of
``handout.csv`` (what trigger points are, what to expect from treatment, when to see a doctor
instead), the evidence summaries and a numbered list of every source used. The web page that
prints it only escapes and lays out these values. No Dash imports here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from referral.guidance import Evidence, Guidance
from referral.model import Muscle, SelfCare, Source
from referral.selection import Selection

if TYPE_CHECKING:
    from referral.index import ReferralMap

MAX_CANDIDATES = 4  # muscles described for several painful regions; the rest are counted
MAX_SELF_CARE = 2  # exercises on one handout, so it stays within two printed pages
SIDE_WORDS = {
    "ipsilateral": "on the same side as the muscle",
    "bilateral": "on one or both sides",
    "midline": "in the middle",
}
PATTERN_WORDS = {"essential": "nearly always", "spillover": "sometimes"}


@dataclass(frozen=True)
class Place:
    """A region as a patient reads it."""

    region_id: str
    name: str  # the short clinical name ("Occiput")
    words: str  # the patient's words ("the back of the head, above the bony ridge where the neck starts")
    side: str = ""  # for a muscle's zone: which side, in words

    @property
    def phrase(self) -> str:
        """The patient's words up to the first comma: "the back of the head"."""
        return self.words.split(",")[0].strip()


@dataclass(frozen=True)
class Candidate:
    """A muscle that may explain the marked places, and which of them it explains."""

    muscle: Muscle
    usually: tuple[Place, ...]  # marked places in its essential zone
    sometimes: tuple[Place, ...]  # marked places in its spillover zone

    @property
    def explains(self) -> str:
        parts = []
        if self.usually:
            parts.append(f"{PATTERN_WORDS['essential'].capitalize()} felt at: {_names(self.usually)}.")
        if self.sometimes:
            parts.append(f"{PATTERN_WORDS['spillover'].capitalize()} felt at: {_names(self.sometimes)}.")
        return " ".join(parts)


@dataclass(frozen=True)
class Reference:
    """One entry of the handout's numbered source list: a work, whichever parts of it were used."""

    text: str  # authors (year). title. where published.
    url: str  # the address, unless the work is found by its DOI already
    source_ids: tuple[str, ...]  # the sources (chapters, sections) of this work that were used


def references(sources: tuple[Source, ...]) -> tuple[Reference, ...]:
    """The sources as a patient's reference list: one entry per work, in order of first use.

    The locator (which chapter or table) is left out, so the chapters of one book become one
    entry; an address is left out when the work gives a DOI, which finds it for good.
    """
    entries: dict[str, list] = {}
    for source in sources:
        text = f"{source.authors} ({source.year}). {source.title}. {source.published_in}."
        url = "" if "doi:" in source.published_in.lower() else source.url
        entry = entries.setdefault(text, [url, []])
        entry[0] = entry[0] or url
        entry[1].append(source.id)
    return tuple(Reference(text, url, tuple(ids)) for text, (url, ids) in entries.items())


@dataclass(frozen=True)
class Handout:
    kind: Literal["muscle", "regions", "general"]
    title: str
    lead: str
    selection: Selection
    diagram_label: str
    muscle: Muscle | None = None
    usually: tuple[Place, ...] = ()  # a muscle's essential zone
    sometimes: tuple[Place, ...] = ()  # its spillover zone
    marked: tuple[Place, ...] = ()  # the painful places marked
    candidates: tuple[Candidate, ...] = ()
    more_candidates: int = 0  # muscles that also refer there but are not described
    unexplained: tuple[Place, ...] = ()  # marked places no muscle of the table explains
    self_care: tuple[SelfCare, ...] = ()
    about: tuple[str, ...] = ()
    expect: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    disclaimer: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[Source, ...] = ()

    @property
    def references(self) -> tuple[Reference, ...]:
        return references(self.sources)

    def reference_number(self, source_id: str) -> int | None:
        """The number under which a source is listed (1-based), or None if it is not used."""
        for number, reference in enumerate(self.references, start=1):
            if source_id in reference.source_ids:
                return number
        return None


def short_name(name: str) -> str:
    """A region's name without its bracketed technical term: "Temple (temporal fossa)" -> "Temple"."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip() or name


def place(referral_map: "ReferralMap", region_id: str, muscle_id: str | None = None) -> Place:
    region = referral_map.regions[region_id]
    link = referral_map.link(muscle_id, region_id) if muscle_id else None
    return Place(region_id, short_name(region.name), region.patient_words, SIDE_WORDS[link.laterality] if link else "")


def handout_for(selection: Selection, referral_map: "ReferralMap", guidance: Guidance) -> Handout:
    """The handout for a selection: one muscle, several painful regions, or nothing selected."""
    if selection.mode == "muscle" and selection.muscle in referral_map.muscles:
        body = _for_muscle(referral_map.muscles[selection.muscle], referral_map)
    elif selection.mode == "region" and selection.regions:
        body = _for_regions(selection.regions, referral_map)
    else:
        body = {
            "kind": "general",
            "title": "Trigger points and head and neck pain",
            "lead": "How tight spots in the muscles of the head and neck can cause headache and face pain, "
                    "what treatment involves, and when to see a doctor instead.",
            "diagram_label": "Head and neck diagram: front, side and back views",
        }
    care_sources = [s for care in body.get("self_care", ()) for s in care.sources]
    source_ids = [*body.pop("source_ids", ()), *care_sources, *guidance.source_ids()]
    return Handout(
        selection=selection,
        about=_texts(guidance, "about"),
        expect=_texts(guidance, "expect"),
        red_flags=_texts(guidance, "red_flag"),
        disclaimer=_texts(guidance, "disclaimer"),
        evidence=guidance.evidence,
        sources=tuple(referral_map.sources[s] for s in dict.fromkeys(source_ids)),
        **body,
    )


def _for_muscle(muscle: Muscle, referral_map: "ReferralMap") -> dict:
    zones = referral_map.zones_of(muscle.id)

    def places(region_ids) -> tuple[Place, ...]:
        ordered = [r for r in referral_map.regions if r in region_ids]  # the table's head-to-neck order
        return tuple(place(referral_map, r, muscle.id) for r in ordered)

    link_sources = [s for link in referral_map.links if link.muscle_id == muscle.id for s in link.sources]
    usually, sometimes = places(zones.essential), places(zones.spillover)
    return {
        "kind": "muscle",
        "title": muscle.name,
        "lead": "What this muscle is, where it can send pain, and what you can do about it.",
        "diagram_label": f"Head and neck diagram: {muscle.name} highlighted, with the places it sends pain to",
        "muscle": muscle,
        "usually": usually,
        "sometimes": sometimes,
        "self_care": tuple(referral_map.self_care[c] for c in muscle.self_care[:MAX_SELF_CARE]),
        "source_ids": [*muscle.sources, *link_sources],
    }


def _for_regions(region_ids: tuple[str, ...], referral_map: "ReferralMap") -> dict:
    ranking = referral_map.rank_muscles(region_ids)
    shown = ranking.muscles[:MAX_CANDIDATES]
    candidates = tuple(
        Candidate(
            referral_map.muscles[item.muscle_id],
            tuple(place(referral_map, r) for r in item.essential),
            tuple(place(referral_map, r) for r in item.spillover),
        )
        for item in shown
    )
    care_ids = [c for candidate in candidates for c in candidate.muscle.self_care]
    marked = tuple(place(referral_map, r) for r in ranking.regions)
    source_ids = [s for item in shown for r in item.explains for s in referral_map.link(item.muscle_id, r).sources]
    return {
        "kind": "regions",
        "title": "Where it hurts: " + _names(marked),
        "lead": "The muscles that can send pain to these places, best match first, and what you can do.",
        "diagram_label": "Head and neck diagram: the painful places marked, and the muscles that can cause them",
        "marked": marked,
        "candidates": candidates,
        "more_candidates": len(ranking.muscles) - len(shown),
        "unexplained": tuple(place(referral_map, r) for r in ranking.unexplained),
        "self_care": tuple(referral_map.self_care[c] for c in list(dict.fromkeys(care_ids))[:MAX_SELF_CARE]),
        "source_ids": source_ids,
    }


def _texts(guidance: Guidance, section) -> tuple[str, ...]:
    return tuple(note.text for note in guidance.section(section))


def _names(places: tuple[Place, ...]) -> str:
    """"the temple", "the temple and the ear", "the temple, the ear and the chin"."""
    names = [p.phrase for p in places]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
