"""The referral map: the loaded records and the muscle <-> region index built from them.

The index is computed once from the mapping table and read both ways: a muscle's zones by
pattern, and a region's referring muscles by pattern. Everything here is immutable, so one map
can be shared by every request. No Dash imports here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from referral.ranking import Ranking, rank_muscles
from referral.model import Link, Muscle, Region, SelfCare, Source, Zones, frozen_mapping


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


@dataclass(frozen=True)
class ReferralMap:
    """The whole referral table, validated, with its index. Build it with ``referral.load``."""

    muscles: Mapping[str, Muscle]
    regions: Mapping[str, Region]
    self_care: Mapping[str, SelfCare]
    sources: Mapping[str, Source]
    links: tuple[Link, ...]
    _by_muscle: Mapping[str, Zones] = field(init=False, repr=False, compare=False)
    _by_region: Mapping[str, Zones] = field(init=False, repr=False, compare=False)
    _links: Mapping[tuple[str, str], Link] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_muscle, by_region = build_index(self.links)
        object.__setattr__(self, "_by_muscle", by_muscle)
        object.__setattr__(self, "_by_region", by_region)
        object.__setattr__(self, "_links", frozen_mapping({(l.muscle_id, l.region_id): l for l in self.links}))

    def zones_of(self, muscle_id: str) -> Zones:
        """The regions a muscle refers pain to, by pattern (empty for an unknown id)."""
        return self._by_muscle.get(muscle_id, Zones())

    def muscles_for(self, region_id: str) -> Zones:
        """The muscles referring pain to a region, by pattern (empty for an unknown id)."""
        return self._by_region.get(region_id, Zones())

    def link(self, muscle_id: str, region_id: str) -> Link | None:
        """The table row for this pair, if there is one."""
        return self._links.get((muscle_id, region_id))

    def rank_muscles(self, region_ids: Iterable[str]) -> Ranking:
        """Rank the muscles that may explain several painful regions (see ``referral.ranking``)."""
        return rank_muscles(self, region_ids)

    def index_json(self) -> dict:
        """The index as plain JSON for the browser, which computes highlights from it.

        Ids are sorted so the same table always gives the same document.
        """
        def as_json(table: Mapping[str, Zones], keys: Iterable[str]) -> dict:
            out = {}
            for key in sorted(keys):
                zones = table.get(key, Zones())
                out[key] = {"essential": sorted(zones.essential), "spillover": sorted(zones.spillover)}
            return out

        return {"muscles": as_json(self._by_muscle, self.muscles), "regions": as_json(self._by_region, self.regions)}
