"""The referral map's records: immutable values loaded from the tables in ``data/``.

No Dash imports here.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, Mapping

Pattern = Literal["essential", "spillover"]
PATTERNS: tuple[Pattern, ...] = ("essential", "spillover")
LATERALITIES = ("ipsilateral", "bilateral", "midline")


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
    depth: Literal["surface", "deep"]


@dataclass(frozen=True)
class Muscle:
    id: str
    name: str
    group: str
    depth: Literal["superficial", "deep"]
    plain_words: str
    trigger_points: str
    why_it_matters: str
    self_care: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    """One row of the mapping table: this muscle refers pain to this region."""

    muscle_id: str
    region_id: str
    pattern: Pattern
    laterality: str
    sources: tuple[str, ...]
    note: str


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
