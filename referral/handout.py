"""What the printable patient handout says, composed from the table in plain words.

``handout_for(selection, referral_map, guidance)`` returns a ``Handout``: plain strings and
records, no markup. For a muscle (or one of its trigger points): what and where it is, where it
usually and sometimes sends pain and on which side, why it matters, its exercises. For painful
regions: the places marked and the muscles that may explain them, best match first
(``rank_muscles``), with their exercises. For a nerve: the skin it carries feeling from and the
muscles it passes through. For no selection: a general page. Every handout carries the fixed
texts of ``handout.csv`` (what trigger points are, what to expect from treatment, what studies
show so far, the diary's words, when to see a doctor instead) and a numbered list of the works
those words rest on. Only what the patient reads is here: the editors' notes of the tables
(``editor_note``, ``citation_note``) never enter a handout. The pages that show it only escape
and lay out these values. No Dash imports here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from referral.guidance import Guidance, Note
from referral.index import short_name
from referral.model import Muscle, Nerve, SelfCare, Source
from referral.selection import Selection
from referral.wording import list_words, place_words, zone_words

if TYPE_CHECKING:
    from referral.index import ReferralMap

MAX_CANDIDATES = 4  # muscles described for several painful regions; the rest are counted
MAX_SELF_CARE = 2  # exercises on one handout, so it stays within two printed pages
MAX_RELATED = 4  # muscles named beside a nerve
MAX_RECORD_SOURCES = 2  # works cited for a muscle's or a nerve's record: its leading ones (the manual first)
MAX_AUTHORS = 3  # authors named in a reference before "et al."
MAX_TITLE_PLACES = 3  # marked places named in a title; more are listed under it
DIARY_WEEKS, DIARY_DAYS = 4, 7  # the diary: four weeks, a line a day
PATTERN_WORDS = {"essential": "nearly always", "spillover": "sometimes"}


@dataclass(frozen=True)
class Place:
    """A region as a patient reads it."""

    region_id: str
    name: str  # the short clinical name ("Occiput")
    words: str  # the patient's words ("the back of the head, above the bony ridge where the neck starts")
    side: str = ""  # where on the body, in words with the side: "left temple", "forehead, on both sides"

    @property
    def phrase(self) -> str:
        """The place with its side ("left temple"), or the patient's words up to the first comma."""
        return self.side or self.words.split(",")[0].strip()


@dataclass(frozen=True)
class Candidate:
    """A muscle that may explain the marked places, and which of them it explains."""

    muscle: Muscle
    usually: tuple[Place, ...]  # marked places in its essential zone
    sometimes: tuple[Place, ...]  # marked places in its spillover zone
    side: str = "right"  # the side of the muscle that explains them

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
    entry; an address is left out when the work gives a DOI, which finds it for good; more than
    three authors are cut to the first three and "et al.".
    """
    entries: dict[str, list] = {}
    for source in sources:
        text = f"{_authors(source.authors)} ({source.year}). {source.title}. {source.published_in}."
        url = "" if "doi:" in source.published_in.lower() else source.url
        entry = entries.setdefault(text, [url, []])
        entry[0] = entry[0] or url
        entry[1].append(source.id)
    return tuple(Reference(text, url, tuple(ids)) for text, (url, ids) in entries.items())


def _authors(authors: str) -> str:
    names = [name.strip() for name in authors.split(",")]
    return authors if len(names) <= MAX_AUTHORS else ", ".join(names[:MAX_AUTHORS]) + ", et al."


@dataclass(frozen=True)
class Handout:
    kind: Literal["muscle", "regions", "nerve", "general"]
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
    nerve: Nerve | None = None
    related: tuple[Muscle, ...] = ()  # muscles a nerve passes through or beside
    self_care: tuple[SelfCare, ...] = ()
    about: tuple[str, ...] = ()
    expect: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    disclaimer: tuple[str, ...] = ()
    studies: tuple[Note, ...] = ()  # what studies show so far, each with its sources
    diary: tuple[str, ...] = ()  # how to keep the diary
    medication: tuple[str, ...] = ()  # why to count the days with headache medicine
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

    def reference_numbers(self, source_ids: tuple[str, ...]) -> tuple[int, ...]:
        """The list numbers of these sources, once each, in order."""
        numbers = (self.reference_number(s) for s in source_ids)
        return tuple(dict.fromkeys(n for n in numbers if n is not None))

    @property
    def muscle_ids(self) -> tuple[str, ...]:
        """The muscles the handout is about, first the one it names first."""
        if self.muscle is not None:
            return (self.muscle.id,)
        return tuple(dict.fromkeys([c.muscle.id for c in self.candidates] + [m.id for m in self.related]))


def place(referral_map: ReferralMap, region_id: str, where: str = "") -> Place:
    region = referral_map.regions[region_id]
    return Place(region_id, short_name(region.name), region.patient_words, where)


def handout_for(selection: Selection, referral_map: ReferralMap, guidance: Guidance) -> Handout:
    """The handout for a selection: one muscle, several painful regions, a nerve, or nothing."""
    muscle = referral_map.muscles.get(selection.muscle or "")
    nerve = referral_map.nerves.get(selection.nerve or "")
    if selection.mode == "muscle" and muscle is not None:
        body = _for_muscle(muscle, selection, referral_map)
    elif selection.mode == "nerve" and nerve is not None:
        body = _for_nerve(nerve, selection, referral_map)
    elif selection.mode == "region" and selection.places:
        body = _for_regions(selection, referral_map)
    else:
        body = {
            "kind": "general",
            "title": "Trigger points and head and neck pain",
            "lead": "How tight spots in the muscles of the head and neck can cause headache and face pain, "
                    "what treatment involves, and when to see a doctor instead.",
            "diagram_label": "Head and neck diagram: front, side and back views",
        }
    care_sources = [s for care in body.get("self_care", ()) for s in care.sources]
    # The works the printed words rest on: the handout's own texts and the records it quotes.
    note_sources = [s for note in guidance.notes for s in note.sources]
    source_ids = [*body.pop("source_ids", ()), *care_sources, *note_sources]
    return Handout(
        selection=selection,
        about=_texts(guidance, "about"),
        expect=_texts(guidance, "expect"),
        red_flags=_texts(guidance, "red_flag"),
        disclaimer=_texts(guidance, "disclaimer"),
        studies=guidance.section("studies"),
        diary=_texts(guidance, "diary"),
        medication=_texts(guidance, "medication"),
        sources=tuple(referral_map.sources[s] for s in dict.fromkeys(source_ids)),
        **body,
    )


def _for_muscle(muscle: Muscle, selection: Selection, referral_map: ReferralMap) -> dict:
    side = selection.side
    order = list(referral_map.regions)  # the table's head-to-neck order
    rows = sorted(referral_map.rows_of(muscle.id, selection.point), key=lambda link: order.index(link.region_id))

    def places(pattern: str) -> tuple[Place, ...]:
        return tuple(place(referral_map, link.region_id, zone_words(link, side, referral_map))
                     for link in rows if link.pattern == pattern)

    point = referral_map.trigger_points[selection.point] if selection.point else None
    title = f"{muscle.name}, {point.label}" if point else muscle.name
    return {
        "kind": "muscle",
        "title": f"{title} ({side} side)",
        "lead": f"What this muscle is, where it can send pain when it is on your {side} side, and what you can do.",
        "diagram_label": f"Head and neck diagram: the {side} {muscle.name} highlighted, with the places it sends pain to",
        "muscle": muscle,
        "usually": places("essential"),
        "sometimes": places("spillover"),
        "self_care": tuple(referral_map.self_care[c] for c in muscle.self_care[:MAX_SELF_CARE]),
        "source_ids": [*(point.sources[:MAX_RECORD_SOURCES] if point else ()), *muscle.sources[:MAX_RECORD_SOURCES]],
    }


def _for_nerve(nerve: Nerve, selection: Selection, referral_map: ReferralMap) -> dict:
    side = selection.side
    territory = referral_map.territory_of(nerve.id)

    def places(extent: str) -> tuple[Place, ...]:
        return tuple(place(referral_map, t.region_id, place_words(t.region_id, side, referral_map))
                     for t in territory if t.extent == extent)

    muscle_ids = dict.fromkeys(r.muscle_id for r in referral_map.muscles_of_nerve(nerve.id))
    related = tuple(referral_map.muscles[m] for m in muscle_ids)[:MAX_RELATED]
    care_ids = [c for muscle in related for c in muscle.self_care]
    return {
        "kind": "nerve",
        "title": f"{nerve.name} ({side} side)",
        "lead": f"Where this nerve carries feeling from on your {side} side, the muscles it passes through, "
                "and what you can do.",
        "diagram_label": f"Head and neck diagram: the {side} {nerve.name} highlighted, with the skin it supplies",
        "nerve": nerve,
        "usually": places("whole"),
        "sometimes": places("part"),
        "related": related,
        "self_care": tuple(referral_map.self_care[c] for c in list(dict.fromkeys(care_ids))[:MAX_SELF_CARE]),
        "source_ids": list(nerve.sources[:MAX_RECORD_SOURCES]),
    }


def _for_regions(selection: Selection, referral_map: ReferralMap) -> dict:
    ranking = referral_map.rank_muscles(selection.places)
    shown = ranking.muscles[:MAX_CANDIDATES]

    def marked_place(p) -> Place:
        where = place_words(p.region, p.side, referral_map)
        if p.strength is not None:
            where += f", {p.strength} out of 10"
        return place(referral_map, p.region, where)

    candidates = tuple(
        Candidate(
            referral_map.muscles[item.muscle_id],
            tuple(marked_place(p) for p in item.essential),
            tuple(marked_place(p) for p in item.spillover),
            item.side,
        )
        for item in shown
    )
    care_ids = [c for candidate in candidates for c in candidate.muscle.self_care]
    marked = tuple(marked_place(p) for p in ranking.places)
    source_ids = [referral_map.muscles[item.muscle_id].sources[0] for item in shown]
    return {
        "kind": "regions",
        "title": ("Where it hurts: " + list_words([p.side for p in marked]) if len(marked) <= MAX_TITLE_PLACES
                  else f"Where it hurts: the {len(marked)} places you marked"),
        "lead": "The muscles that can send pain to these places, best match first, and what you can do.",
        "diagram_label": "Head and neck diagram: the painful places marked, and the muscles that can cause them",
        "marked": marked,
        "candidates": candidates,
        "more_candidates": len(ranking.muscles) - len(shown),
        "unexplained": tuple(marked_place(p) for p in ranking.unexplained),
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
