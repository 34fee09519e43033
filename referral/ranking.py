"""Ranking the muscles that may explain the places a patient has marked.

The scoring rule
----------------
The candidates are muscles on one side: the left upper trapezius explains a left temple, not a
right one. A marked place (a region on one side) is explained by a muscle on side S when the
muscle has a row for that region whose zone is felt on that side for a trigger point on S: the
same side for an ipsilateral zone, either side for a bilateral or midline one.

Each place counts as much as its pain score: a place marked 8 counts four times as much as a
place marked 2, and a place with no score counts as ``DEFAULT_STRENGTH`` (5, the middle of the
0-10 scale). A place marked 0 does not count, unless every place is marked 0 (then all count
the same). A muscle's score is the share of the counted pain it explains, a place in its
essential zone fully and a place in its spillover zone half:

    score = sum(weight x (1 for essential, 0.5 for spillover) over explained places)
            / sum(weight over all places)

so 1.0 means every place lies in the muscle's essential zone on the right side, and a muscle
whose essential zone covers every place always outranks one that only spills over there. In
one sentence, for the patient: "Muscles that can cause pain in more of your places, and in the
places that hurt most, come first."

Ties are broken by, in order: more places in the essential zone; how well documented the
matching pairings are (the number of sources the table cites for them, more first); fewer
zones outside the marked places (a more specific pattern first); the muscle's name; the right
side before the left.

Places that no muscle of the table explains are reported as unexplained.
No Dash imports here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from referral.model import SIDES, Side
from referral.selection import Place

if TYPE_CHECKING:
    from referral.index import ReferralMap

ESSENTIAL_WEIGHT = 1.0
SPILLOVER_WEIGHT = 0.5
DEFAULT_STRENGTH = 5
RULE_IN_WORDS = ("Muscles that can cause pain in more of your places, and in the places that "
                 "hurt most, come first.")


@dataclass(frozen=True)
class RankedMuscle:
    muscle_id: str
    side: Side
    score: float
    essential: tuple[Place, ...]  # marked places in its essential zone, in marking order
    spillover: tuple[Place, ...]  # marked places in its spillover zone, in marking order

    @property
    def explains(self) -> tuple[Place, ...]:
        return self.essential + self.spillover


@dataclass(frozen=True)
class Ranking:
    places: tuple[Place, ...]
    muscles: tuple[RankedMuscle, ...]
    unexplained: tuple[Place, ...]


def weights(places: tuple[Place, ...]) -> tuple[float, ...]:
    """How much each place counts (see the module's rule)."""
    raw = [float(DEFAULT_STRENGTH if p.strength is None else p.strength) for p in places]
    if places and not any(raw):
        return tuple(1.0 for _ in places)
    return tuple(raw)


def explains(link, place: Place, side: Side) -> bool:
    return place.side in link.sides_for(side)


def rank_muscles(referral_map: ReferralMap, places: Iterable[Place]) -> Ranking:
    """Rank the (muscle, side) pairs that may explain the marked ``places`` (see above)."""
    seen: dict[tuple[str, str], Place] = {}
    for place in places:
        seen.setdefault((place.region, place.side), place)
    marked = tuple(seen.values())
    unknown = [p.region for p in marked if p.region not in referral_map.regions]
    if unknown:
        raise ValueError(f"unknown region ids: {', '.join(unknown)}")
    if not marked:
        return Ranking((), (), ())
    weight = weights(marked)
    total = sum(weight)
    regions = {p.region for p in marked}

    candidates = sorted({(link.muscle_id, side) for p in marked for link in referral_map.rows_for(p.region)
                         for side in SIDES if explains(link, p, side)})
    ranked = []
    for muscle_id, side in candidates:
        essential, spillover, points = [], [], 0.0
        for place, w in zip(marked, weight, strict=True):
            link = referral_map.link(muscle_id, place.region)
            if link is None or not explains(link, place, side):
                continue
            if link.pattern == "essential":
                essential.append(place)
                points += ESSENTIAL_WEIGHT * w
            else:
                spillover.append(place)
                points += SPILLOVER_WEIGHT * w
        ranked.append(RankedMuscle(muscle_id, side, points / total, tuple(essential), tuple(spillover)))

    def order(item: RankedMuscle):
        support = sum(len(link.sources) for p in item.explains
                      if (link := referral_map.link(item.muscle_id, p.region)) is not None)
        outside = len(referral_map.zones_of(item.muscle_id).all - regions)
        return (-round(item.score, 9), -len(item.essential), -support, outside,
                referral_map.muscles[item.muscle_id].name, SIDES.index(item.side))

    ranked.sort(key=order)
    explained = {(p.region, p.side) for r in ranked for p in r.explains}
    unexplained = tuple(p for p in marked if (p.region, p.side) not in explained)
    return Ranking(marked, tuple(ranked), unexplained)
