"""What is selected, how a tap changes it, and what lights up as a result.

The selection is plain data (it travels to the browser and back as JSON); ``next_selection``
turns a tap into the next selection and ``highlight_for`` derives what lights up. Both are pure
and return new objects. The browser computes the same highlight from the same index for speed
(``assets/referral_map.js``); both are held to the same hand-written cases in
``tests/vectors/selection.json``. No Dash imports here.

Sides are the patient's own. A muscle (or a nerve) is looked at on one side; the places of the
patient's pain drawing are each marked on a side, with an optional strength from 0 to 10, and
are kept while the clinician looks at a muscle or a nerve, so the drawing can be returned to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, TypeVar, cast

from referral.model import SIDES, Side

if TYPE_CHECKING:
    from referral.index import ReferralMap

Mode = Literal["muscle", "region", "nerve"]
MODES: tuple[Mode, ...] = ("muscle", "region", "nerve")
DEFAULT_MODE: Mode = "muscle"
DEFAULT_SIDE: Side = "right"
T = TypeVar("T")
D = TypeVar("D")
BOTH = "both"  # a region chosen from a list, not on the diagram: both sides at once
STRENGTHS = range(11)
Kind = Literal["muscle", "region", "nerve", "point"]

# Classes the page puts on the diagram's elements; the browser script reads the same names
# from ``CLASSES`` (handed over with the index).
SELECTED = "is-selected"  # the muscle, point or nerve looked at; a marked place of the pain drawing
ESSENTIAL = "is-essential"  # a region in the looked-at muscle's essential zone
SPILLOVER = "is-spillover"  # a region in its spillover zone
REFERRING = "is-referring"  # a muscle that can refer pain to a marked place
SHOWN = "is-shown"  # a trigger point mark that is shown
MARKED = "is-marked"  # a place of the pain drawing, while a muscle or nerve is looked at
TERRITORY = "is-territory"  # a region the looked-at nerve supplies wholly
TERRITORY_PART = "is-territory-part"  # a region it shares with other nerves
RELATED = "is-related"  # a muscle the looked-at nerve passes through or beside
CLASSES = {
    "selected": SELECTED, "essential": ESSENTIAL, "spillover": SPILLOVER, "referring": REFERRING,
    "shown": SHOWN, "marked": MARKED, "territory": TERRITORY, "territory_part": TERRITORY_PART,
    "related": RELATED,
}


@dataclass(frozen=True)
class Place:
    """One place of the patient's pain drawing: a region on one side, and how strong the pain
    is there (0-10, or None when not said)."""

    region: str
    side: Side
    strength: int | None = None

    def to_json(self) -> list:
        return [self.region, self.side, self.strength]


@dataclass(frozen=True)
class Selection:
    """What the diagram shows: a muscle (or one of its trigger points) or a nerve on one side,
    or the pain drawing; the pain drawing's places are kept in every mode."""

    mode: Mode = "muscle"
    muscle: str | None = None
    point: str | None = None  # one trigger point of ``muscle``, or None for the whole muscle
    nerve: str | None = None
    side: Side = DEFAULT_SIDE  # the side of the muscle or nerve looked at
    places: tuple[Place, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self.muscle is None and self.nerve is None and not self.places

    def to_json(self) -> dict:
        return {"mode": self.mode, "muscle": self.muscle, "point": self.point, "nerve": self.nerve,
                "side": self.side, "places": [p.to_json() for p in self.places]}

    @classmethod
    def from_json(cls, data: object, referral_map: ReferralMap) -> Selection:
        """Read a selection sent by the browser, keeping only what the table knows."""
        if not isinstance(data, dict):
            return cls()
        mode = _one_of(data.get("mode"), MODES, DEFAULT_MODE)
        side = _one_of(data.get("side"), SIDES, DEFAULT_SIDE)
        muscle = data.get("muscle") if isinstance(data.get("muscle"), str) else None
        muscle = muscle if muscle in referral_map.muscles else None
        point = data.get("point") if isinstance(data.get("point"), str) else None
        known_point = referral_map.trigger_points.get(point) if point else None
        point = point if known_point is not None and known_point.muscle_id == muscle else None
        nerve = data.get("nerve") if isinstance(data.get("nerve"), str) else None
        nerve = nerve if nerve in referral_map.nerves else None
        places: list[Place] = []
        raw = data.get("places")
        for item in raw if isinstance(raw, list) else []:
            if not (isinstance(item, list) and len(item) == 3):
                continue
            region, place_side, strength = item
            place_side = _one_of(place_side, SIDES, None)
            if not (isinstance(region, str) and region in referral_map.regions and place_side is not None):
                continue
            if not (strength is None or (type(strength) is int and strength in STRENGTHS)):
                strength = None
            if all((p.region, p.side) != (region, place_side) for p in places):
                places.append(Place(region, place_side, strength))
        return cls(mode, muscle if mode == "muscle" else None, point if mode == "muscle" else None,
                   nerve if mode == "nerve" else None, side, tuple(places))


@dataclass(frozen=True)
class Tap:
    """Something tapped on the diagram or chosen in a list: a muscle, a trigger point (with its
    muscle), a region or a nerve, on one side."""

    kind: Kind
    id: str
    side: Side | Literal["both"] = DEFAULT_SIDE  # a region may also be tapped on "both" sides
    muscle: str | None = None  # for a trigger point: its muscle


def _one_of(value: object, allowed: tuple[T, ...], default: D) -> T | D:
    """``value`` if it is one of ``allowed`` (typed as that member), else ``default``."""
    return next((member for member in allowed if member == value), default)


def next_selection(current: Selection, tapped: Tap) -> Selection:
    """The selection after a tap.

    - A muscle or a nerve is looked at on the side tapped; tapping the one looked at again
      clears it. A trigger point is looked at on its own; tapping it again goes back to its
      whole muscle.
    - A region marks or unmarks that place of the pain drawing on the side tapped (``both``, from
      a list: on both sides), adding to the places already marked, and shows the pain drawing.
    - Looking at a muscle or a nerve keeps the pain drawing's places.
    """
    places = current.places
    if tapped.kind == "region":
        sides = SIDES if tapped.side == BOTH else (cast(Side, tapped.side),)
        marked = [s for s in sides if any((p.region, p.side) == (tapped.id, s) for p in places)]
        if len(marked) == len(sides):
            places = tuple(p for p in places if not (p.region == tapped.id and p.side in sides))
        else:
            places = places + tuple(Place(tapped.id, s) for s in sides if s not in marked)
        return Selection("region", side=current.side, places=places)
    side = cast(Side, tapped.side)  # only a region is tapped on "both" sides
    if tapped.kind == "point":
        if current.mode == "muscle" and current.point == tapped.id and current.side == side:
            return Selection("muscle", tapped.muscle, None, side=side, places=places)
        return Selection("muscle", tapped.muscle, tapped.id, side=side, places=places)
    looked_at = current.muscle if tapped.kind == "muscle" else current.nerve
    if current.mode == tapped.kind and looked_at == tapped.id and current.side == side \
            and current.point is None:
        return Selection(tapped.kind, side=side, places=places)
    if tapped.kind == "muscle":
        return Selection("muscle", tapped.id, side=side, places=places)
    return Selection("nerve", nerve=tapped.id, side=side, places=places)


def with_mode(current: Selection, mode: Mode) -> Selection:
    """Switch between the ways of looking; the pain drawing's places are kept, the muscle or
    nerve looked at is not."""
    return current if current.mode == mode else Selection(mode, side=current.side, places=current.places)


def with_side(current: Selection, side: Side) -> Selection:
    """Look at the same muscle, trigger point or nerve on the other side."""
    return replace(current, side=side)


def with_strength(current: Selection, region: str, side: Side, strength: int | None) -> Selection:
    """Set how strong the pain is at one marked place (None: not said)."""
    places = tuple(replace(p, strength=strength) if (p.region, p.side) == (region, side) else p
                   for p in current.places)
    return replace(current, places=places)


def cleared(current: Selection) -> Selection:
    """Nothing selected and nothing marked, in the same mode: a fresh start."""
    return Selection(current.mode)


def key(kind: Kind, item_id: str, side: str) -> str:
    """The key of one drawn element in a highlight: ``kind:id:side``."""
    return f"{kind}:{item_id}:{side}"


@dataclass(frozen=True)
class Highlight:
    """What lights up for one selection: the state classes of each drawn element, by
    ``key(kind, id, side)``, and the strength of each marked place."""

    classes: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    strengths: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def classes_of(self, kind: Kind, item_id: str, side: str) -> frozenset[str]:
        return self.classes.get(key(kind, item_id, side), frozenset())

    def ids(self, kind: Kind, state: str) -> frozenset[tuple[str, str]]:
        """The (id, side) pairs of ``kind`` carrying class ``state``."""
        out = set()
        for name, classes in self.classes.items():
            k, item_id, side = name.split(":")
            if k == kind and state in classes:
                out.add((item_id, side))
        return frozenset(out)

    @property
    def is_lit(self) -> bool:
        return bool(self.classes)

    def to_json(self) -> dict:
        return {"classes": {k: sorted(v) for k, v in sorted(self.classes.items())},
                "strengths": dict(sorted(self.strengths.items()))}


class HighlightBuilder:
    """Collects state classes, then freezes them into a ``Highlight``."""

    def __init__(self) -> None:
        self.classes: dict[str, set[str]] = {}
        self.strengths: dict[str, int] = {}

    def add(self, kind: Kind, item_id: str, side: str, state: str) -> None:
        self.classes.setdefault(key(kind, item_id, side), set()).add(state)

    def build(self) -> Highlight:
        return Highlight(MappingProxyType({k: frozenset(v) for k, v in self.classes.items()}),
                         MappingProxyType(dict(self.strengths)))


def highlight_for(selection: Selection, referral_map: ReferralMap) -> Highlight:
    """What lights up.

    - A muscle on side S: the muscle on S; each of its rows (only the looked-at trigger point's,
      if one is) lights its region as essential or spillover, on S for an ipsilateral zone and
      on both sides for a bilateral or midline one; its trigger points show on S.
    - The pain drawing: each marked place; every muscle, on each side, with a row that explains
      a marked place (an ipsilateral zone explains a place on the muscle's own side, a bilateral
      or midline zone a place on either side), and the trigger points of those rows.
    - A nerve on side S: the nerve; the regions it supplies on S, wholly or in part; the muscles
      it passes through or beside on S.
    - While a muscle or a nerve is looked at, the pain drawing's places stay outlined.
    """
    out = HighlightBuilder()
    mode = selection.mode
    for place in selection.places:
        out.add("region", place.region, place.side, SELECTED if mode == "region" else MARKED)
        if mode == "region" and place.strength is not None:
            out.strengths[key("region", place.region, place.side)] = place.strength
    if mode == "muscle" and selection.muscle is not None:
        side = selection.side
        out.add("muscle", selection.muscle, side, SELECTED)
        for link in referral_map.rows_of(selection.muscle, selection.point):
            for zone_side in link.sides_for(side):
                out.add("region", link.region_id, zone_side, ESSENTIAL if link.pattern == "essential" else SPILLOVER)
        for point in referral_map.points_of(selection.muscle):
            out.add("point", point, side, SHOWN)
            if point == selection.point:
                out.add("point", point, side, SELECTED)
    elif mode == "region":
        for place in selection.places:
            for link in referral_map.rows_for(place.region):
                for muscle_side in SIDES:
                    if place.side in link.sides_for(muscle_side):
                        out.add("muscle", link.muscle_id, muscle_side, REFERRING)
                        for point in link.trigger_points:
                            out.add("point", point, muscle_side, SHOWN)
    elif mode == "nerve" and selection.nerve is not None:
        side = selection.side
        out.add("nerve", selection.nerve, side, SELECTED)
        for territory in referral_map.territory_of(selection.nerve):
            out.add("region", territory.region_id, side, TERRITORY if territory.extent == "whole" else TERRITORY_PART)
        for relation in referral_map.muscles_of_nerve(selection.nerve):
            out.add("muscle", relation.muscle_id, side, RELATED)
    return out.build()

