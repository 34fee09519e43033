"""The referral map's records: immutable values loaded from the tables in ``data/``.

No Dash imports here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Pattern = Literal["essential", "spillover"]
Grade = Literal["A", "B", "C"]
GRADES: tuple[Grade, ...] = ("A", "B", "C")
PATTERNS: tuple[Pattern, ...] = ("essential", "spillover")
LATERALITIES = ("ipsilateral", "bilateral", "midline")
Extent = Literal["whole", "part"]
EXTENTS: tuple[Extent, ...] = ("whole", "part")
Side = Literal["left", "right"]
Depth = Literal["surface", "deep"]  # of a region: on the skin, or felt inside
MuscleDepth = Literal["superficial", "deep"]
SIDES: tuple[Side, ...] = ("right", "left")
OTHER_SIDE = {"left": "right", "right": "left"}


@dataclass(frozen=True)
class Source:
    id: str
    authors: str
    year: str
    title: str
    published_in: str
    locator: str
    url: str

    @property
    def citation(self) -> str:
        """A one-line reference: authors (year). Title. Where published; where in it."""
        return f"{self.authors} ({self.year}). {self.title}. {self.published_in}; {self.locator}."


@dataclass(frozen=True)
class SelfCare:
    id: str
    name: str
    purpose: str
    steps: tuple[str, ...]
    dose: str
    caution: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    patient_words: str
    depth: Depth


@dataclass(frozen=True)
class Muscle:
    id: str
    name: str
    group: str
    depth: MuscleDepth
    plain_words: str
    trigger_points: str
    why_it_matters: str
    self_care: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class TriggerPoint:
    """One trigger point of a muscle, with its own part of the muscle's pattern."""

    id: str
    muscle_id: str
    label: str
    location: str
    sources: tuple[str, ...]
    editor_note: str = ""


@dataclass(frozen=True)
class Link:
    """One row of the mapping table: trigger points of this muscle refer pain to this region."""

    muscle_id: str
    region_id: str
    pattern: Pattern
    laterality: str
    sources: tuple[str, ...]
    note: str
    trigger_points: tuple[str, ...] = ()
    editor_note: str = ""
    evidence: Grade = "B"

    def sides_for(self, side: Side) -> tuple[Side, ...]:
        """The sides this zone is felt on for a trigger point on ``side``: the same side, or
        both for a bilateral or midline zone (each region is drawn as a left and a right half,
        which meet on the midline)."""
        return (side,) if self.laterality == "ipsilateral" else SIDES


@dataclass(frozen=True)
class Zones:
    """Ids split by pattern: a muscle's zones, or the muscles referring to a region."""

    essential: frozenset[str] = frozenset()
    spillover: frozenset[str] = frozenset()

    @property
    def all(self) -> frozenset[str]:
        return self.essential | self.spillover

    def pattern_of(self, item: str) -> Pattern | None:
        if item in self.essential:
            return "essential"
        if item in self.spillover:
            return "spillover"
        return None


def frozen_mapping(items: Mapping) -> Mapping:
    """A read-only view of a fresh copy of ``items``."""
    return MappingProxyType(dict(items))


@dataclass(frozen=True)
class Nerve:
    """A sensory nerve of the head and neck (or one of its named branches)."""

    id: str
    name: str
    patient_words: str
    origin: str
    parent: str
    plain: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Territory:
    """A region a nerve supplies: the whole of it, or part (the region is shared)."""

    nerve_id: str
    region_id: str
    extent: Extent
    sources: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class NerveMuscle:
    """A place where a nerve passes through, under or beside a muscle and can be irritated."""

    nerve_id: str
    muscle_id: str
    relation: str
    sources: tuple[str, ...]
    note: str = ""
