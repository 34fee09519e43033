"""The referral map: the loaded records and the muscle <-> region index built from them.

The index is computed once from the mapping table and read both ways: a muscle's zones by
pattern, and a region's referring muscles by pattern. Everything here is immutable, so one map
can be shared by every request. No Dash imports here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from referral.model import (
    Link,
    Muscle,
    Nerve,
    NerveMuscle,
    Region,
    SelfCare,
    Source,
    Territory,
    TriggerPoint,
    Zones,
    frozen_mapping,
)
from referral.ranking import Ranking, rank_muscles
from referral.selection import CLASSES


def build_index(links: Iterable[Link]) -> tuple[Mapping[str, Zones], Mapping[str, Zones]]:
    """Both directions of the table: muscle -> its zones, region -> its referring muscles."""
    by_muscle: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"essential": set(), "spillover": set()})
    by_region: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"essential": set(), "spillover": set()})
    for link in links:
        by_muscle[link.muscle_id][link.pattern].add(link.region_id)
        by_region[link.region_id][link.pattern].add(link.muscle_id)

    def freeze(table: dict[str, dict[str, set[str]]]) -> Mapping[str, Zones]:
        return frozen_mapping(
            {key: Zones(frozenset(sets["essential"]), frozenset(sets["spillover"])) for key, sets in table.items()}
        )

    return freeze(by_muscle), freeze(by_region)


def short_name(name: str) -> str:
    """A region's name without its clinical gloss: "Temple (temporal fossa)" -> "Temple"."""
    return name.split(" (")[0]


@dataclass(frozen=True)
class ReferralMap:
    """The whole referral table, validated, with its index. Build it with ``referral.load``."""

    muscles: Mapping[str, Muscle]
    regions: Mapping[str, Region]
    self_care: Mapping[str, SelfCare]
    sources: Mapping[str, Source]
    links: tuple[Link, ...]
    trigger_points: Mapping[str, TriggerPoint] = field(default_factory=lambda: frozen_mapping({}))
    nerves: Mapping[str, Nerve] = field(default_factory=lambda: frozen_mapping({}))
    territories: tuple[Territory, ...] = ()
    nerve_muscles: tuple[NerveMuscle, ...] = ()
    _by_muscle: Mapping[str, Zones] = field(init=False, repr=False, compare=False)
    _by_region: Mapping[str, Zones] = field(init=False, repr=False, compare=False)
    _links: Mapping[tuple[str, str], Link] = field(init=False, repr=False, compare=False)
    _rows: Mapping[str, tuple[Link, ...]] = field(init=False, repr=False, compare=False)
    _rows_for: Mapping[str, tuple[Link, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_muscle, by_region = build_index(self.links)
        object.__setattr__(self, "_by_muscle", by_muscle)
        object.__setattr__(self, "_by_region", by_region)
        object.__setattr__(self, "_links", frozen_mapping({(link.muscle_id, link.region_id): link for link in self.links}))
        rows: dict[str, list[Link]] = defaultdict(list)
        rows_for: dict[str, list[Link]] = defaultdict(list)
        for link in self.links:
            rows[link.muscle_id].append(link)
            rows_for[link.region_id].append(link)
        object.__setattr__(self, "_rows", frozen_mapping({k: tuple(v) for k, v in rows.items()}))
        object.__setattr__(self, "_rows_for", frozen_mapping({k: tuple(v) for k, v in rows_for.items()}))

    def zones_of(self, muscle_id: str) -> Zones:
        """The regions a muscle refers pain to, by pattern (empty for an unknown id)."""
        return self._by_muscle.get(muscle_id, Zones())

    def muscles_for(self, region_id: str) -> Zones:
        """The muscles referring pain to a region, by pattern (empty for an unknown id)."""
        return self._by_region.get(region_id, Zones())

    def rows_of(self, muscle_id: str, point_id: str | None = None) -> tuple[Link, ...]:
        """A muscle's rows in table order; with ``point_id``, only the rows that trigger point
        refers to (a muscle's pattern is the union of its points' patterns)."""
        rows = self._rows.get(muscle_id, ())
        return rows if point_id is None else tuple(link for link in rows if point_id in link.trigger_points)

    def rows_for(self, region_id: str) -> tuple[Link, ...]:
        """The rows referring pain to a region, in table order."""
        return self._rows_for.get(region_id, ())

    def points_of(self, muscle_id: str) -> tuple[str, ...]:
        """A muscle's trigger points, in table order."""
        return tuple(p.id for p in self.trigger_points.values() if p.muscle_id == muscle_id)

    def territory_of(self, nerve_id: str) -> tuple[Territory, ...]:
        """The regions a nerve supplies, in table order."""
        return tuple(t for t in self.territories if t.nerve_id == nerve_id)

    def nerves_for(self, region_id: str) -> tuple[Territory, ...]:
        """The nerves supplying a region, in table order."""
        return tuple(t for t in self.territories if t.region_id == region_id)

    def muscles_of_nerve(self, nerve_id: str) -> tuple[NerveMuscle, ...]:
        """Where a nerve meets muscles of the table, in table order."""
        return tuple(r for r in self.nerve_muscles if r.nerve_id == nerve_id)

    def nerves_of_muscle(self, muscle_id: str) -> tuple[NerveMuscle, ...]:
        """The nerves that pass through or beside a muscle, in table order."""
        return tuple(r for r in self.nerve_muscles if r.muscle_id == muscle_id)

    def link(self, muscle_id: str, region_id: str) -> Link | None:
        """The table row for this pair, if there is one."""
        return self._links.get((muscle_id, region_id))

    def rank_muscles(self, places: Iterable) -> Ranking:
        """Rank the muscles, by side, that may explain the marked places (see ``referral.ranking``)."""
        return rank_muscles(self, places)

    def index_json(self) -> dict:
        """The index as plain JSON for the browser, which computes highlights from it.

        Each muscle: its trigger points and its rows as ``[region, pattern, laterality,
        points]``, pattern and laterality by their first letter (``e``/``s``; ``i``/``b``/``m``).
        Ids are sorted so the same table always gives the same document.
        """
        muscles = {}
        for muscle_id in sorted(self.muscles):
            rows = [[link.region_id, link.pattern[0], link.laterality[0], list(link.trigger_points)]
                    for link in sorted(self.rows_of(muscle_id), key=lambda link: link.region_id)]
            muscles[muscle_id] = {"points": list(self.points_of(muscle_id)), "rows": rows}
        nerves = {}
        for nerve_id in sorted(self.nerves):
            nerves[nerve_id] = {
                "territory": [[t.region_id, t.extent[0]] for t in self.territory_of(nerve_id)],
                "muscles": sorted({r.muscle_id for r in self.muscles_of_nerve(nerve_id)}),
            }
        names = {
            "muscle": {k: m.name for k, m in sorted(self.muscles.items())},
            "region": {k: short_name(r.name) for k, r in sorted(self.regions.items())},
            "nerve": {k: n.name for k, n in sorted(self.nerves.items())},
            "point": {k: p.label for k, p in sorted(self.trigger_points.items())},
        }
        return {"muscles": muscles, "regions": sorted(self.regions), "nerves": nerves, "names": names,
                "classes": dict(CLASSES)}
