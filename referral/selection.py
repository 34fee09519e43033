"""What is selected, how a tap changes it, and what lights up as a result.

The selection is plain data (it travels to the browser and back as JSON); ``next_selection``
turns a tap into the next selection and ``highlight_for`` derives what lights up. Both are pure
and return new objects. The browser computes the same highlight from the same index for speed;
``highlight_for`` is the reference it is tested against. No Dash imports here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from referral.index import ReferralMap

Mode = Literal["muscle", "region"]
MODES: tuple[Mode, ...] = ("muscle", "region")

# Classes the page puts on the diagram's elements; the browser script uses the same names.
SELECTED = "is-selected"
ESSENTIAL = "is-essential"
SPILLOVER = "is-spillover"
REFERRING = "is-referring"
SHOWN = "is-shown"


@dataclass(frozen=True)
class Selection:
    """The muscle looked at ("which muscle?") or the regions marked ("where does it hurt?")."""

    mode: Mode = "muscle"
    muscle: str | None = None
    regions: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self.muscle is None and not self.regions

    def to_json(self) -> dict:
        return {"mode": self.mode, "muscle": self.muscle, "regions": list(self.regions)}

    @classmethod
    def from_json(cls, data: object, referral_map: "ReferralMap") -> "Selection":
        """Read a selection sent by the browser, keeping only what the table knows."""
        if not isinstance(data, dict):
            return cls()
        mode = data.get("mode") if data.get("mode") in MODES else "muscle"
        if mode == "muscle":
            muscle = data.get("muscle")
            return cls("muscle", muscle if isinstance(muscle, str) and muscle in referral_map.muscles else None)
        regions = data.get("regions")
        if not isinstance(regions, list):
            regions = []
        known = (r for r in regions if isinstance(r, str) and r in referral_map.regions)
        return cls("region", None, tuple(dict.fromkeys(known)))


@dataclass(frozen=True)
class Tap:
    """A muscle or a region tapped on the diagram or chosen in the list."""

    kind: Mode
    id: str


def next_selection(current: Selection, tapped: Tap) -> Selection:
    """The selection after a tap. Tapping the selected thing again clears it.

    A muscle tap looks at that muscle; a region tap marks or unmarks that region, adding to the
    regions already marked. Tapping a kind of thing the current mode does not show switches the
    mode.
    """
    if tapped.kind == "muscle":
        if current.mode == "muscle" and current.muscle == tapped.id:
            return Selection("muscle")
        return Selection("muscle", tapped.id)
    if current.mode != "region":
        return Selection("region", None, (tapped.id,))
    if tapped.id in current.regions:
        return Selection("region", None, tuple(r for r in current.regions if r != tapped.id))
    return Selection("region", None, current.regions + (tapped.id,))


def with_mode(current: Selection, mode: Mode) -> Selection:
    """Switch between the two ways of looking; switching starts the new mode empty."""
    return current if current.mode == mode else Selection(mode)


def cleared(current: Selection) -> Selection:
    """Nothing selected, in the same mode."""
    return Selection(current.mode)


@dataclass(frozen=True)
class Highlight:
    """What lights up on the diagram for one selection."""

    selected_muscles: frozenset[str] = frozenset()
    selected_regions: frozenset[str] = frozenset()
    essential: frozenset[str] = frozenset()  # regions in the selected muscle's essential zone
    spillover: frozenset[str] = frozenset()  # regions in its spillover zone
    referring: frozenset[str] = frozenset()  # muscles referring to the marked regions
    trigger_points: frozenset[str] = frozenset()  # muscles whose trigger-point marks show

    def muscle_classes(self, muscle_id: str) -> frozenset[str]:
        """The state classes of a muscle's shapes."""
        classes = set()
        if muscle_id in self.selected_muscles:
            classes.add(SELECTED)
        if muscle_id in self.referring:
            classes.add(REFERRING)
        return frozenset(classes)

    def region_classes(self, region_id: str) -> frozenset[str]:
        """The state classes of a region's shapes."""
        classes = set()
        if region_id in self.selected_regions:
            classes.add(SELECTED)
        if region_id in self.essential:
            classes.add(ESSENTIAL)
        if region_id in self.spillover:
            classes.add(SPILLOVER)
        return frozenset(classes)

    def trigger_point_classes(self, muscle_id: str) -> frozenset[str]:
        """The state classes of a muscle's trigger-point marks."""
        return frozenset({SHOWN}) if muscle_id in self.trigger_points else frozenset()


def highlight_for(selection: Selection, referral_map: "ReferralMap") -> Highlight:
    """What lights up: a muscle's zones by pattern, or the muscles referring to marked regions."""
    if selection.mode == "muscle":
        if selection.muscle is None:
            return Highlight()
        zones = referral_map.zones_of(selection.muscle)
        muscle = frozenset({selection.muscle})
        return Highlight(
            selected_muscles=muscle,
            essential=zones.essential,
            spillover=zones.spillover,
            trigger_points=muscle,
        )
    marked = frozenset(selection.regions)
    referring = frozenset().union(*(referral_map.muscles_for(region).all for region in marked))
    return Highlight(selected_regions=marked, referring=referring, trigger_points=referring)
