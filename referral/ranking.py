"""Ranking the muscles that may explain several painful regions a patient has marked.

The scoring rule
----------------
For the marked regions R, each muscle that refers to at least one of them scores

    score = (number of regions of R in its essential zone
             + 0.5 x number of regions of R in its spillover zone) / |R|

so a score of 1.0 means every marked region lies in the muscle's essential zone. A muscle whose
essential zone covers all the marked regions therefore always outranks one that only spills
over there (at most 0.5). Ties are broken by the number of essential matches, then by how well
documented the matching pairings are (the number of sources the table cites for them, more
first: the temporalis, which every source names for temple pain, comes before a muscle only
some sources send there), then by fewer zones outside R (a more specific pattern first), then
by the muscle's name.

Marked regions that no muscle of the table refers to are reported as unexplained.
No Dash imports here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from referral.index import ReferralMap

ESSENTIAL_WEIGHT = 1.0
SPILLOVER_WEIGHT = 0.5


@dataclass(frozen=True)
class RankedMuscle:
    muscle_id: str
    score: float
    essential: tuple[str, ...]  # marked regions in its essential zone, in marking order
    spillover: tuple[str, ...]  # marked regions in its spillover zone, in marking order

    @property
    def explains(self) -> tuple[str, ...]:
        return self.essential + self.spillover


@dataclass(frozen=True)
class Ranking:
    regions: tuple[str, ...]
    muscles: tuple[RankedMuscle, ...]
    unexplained: tuple[str, ...]


def rank_muscles(referral_map: "ReferralMap", region_ids: Iterable[str]) -> Ranking:
    """Rank the muscles referring to ``region_ids`` by how well they explain them (see above)."""
    marked = tuple(dict.fromkeys(region_ids))
    unknown = [region for region in marked if region not in referral_map.regions]
    if unknown:
        raise ValueError(f"unknown region ids: {', '.join(unknown)}")
    if not marked:
        return Ranking((), (), ())

    candidates = set().union(*(referral_map.muscles_for(region).all for region in marked))
    ranked = []
    for muscle_id in candidates:
        zones = referral_map.zones_of(muscle_id)
        essential = tuple(region for region in marked if region in zones.essential)
        spillover = tuple(region for region in marked if region in zones.spillover)
        score = (ESSENTIAL_WEIGHT * len(essential) + SPILLOVER_WEIGHT * len(spillover)) / len(marked)
        ranked.append(RankedMuscle(muscle_id, score, essential, spillover))

    def order(item: RankedMuscle):
        support = sum(len(referral_map.link(item.muscle_id, region).sources) for region in item.explains)
        outside = len(referral_map.zones_of(item.muscle_id).all) - len(item.explains)
        return (-item.score, -len(item.essential), -support, outside, referral_map.muscles[item.muscle_id].name)

    ranked.sort(key=order)
    unexplained = tuple(region for region in marked if not referral_map.muscles_for(region).all)
    return Ranking(marked, tuple(ranked), unexplained)
