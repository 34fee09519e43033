"""The page address and the selection.

- ``/?muscle=<id>&side=left|right`` — a muscle on one side (the right when no side is given);
- ``/?point=<trigger point id>&side=…`` — one trigger point of a muscle, with its own zones;
- ``/?nerve=<id>&side=…`` — a nerve and its territory;
- ``/?regions=temple:left:7,occiput,retro_orbital:right`` — the pain drawing: each place is
  ``region[:left|right|both][:0-10]``; a place without a side is marked on both sides.

A muscle, point or nerve can come with ``regions``: the pain drawing is kept behind it. Reading
an address never fails: values the table does not know, empty, repeated or absurdly long values
are dropped, and each drop is described in a short notice for the page to show. No Dash imports
here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, quote

from referral.model import SIDES
from referral.selection import DEFAULT_SIDE, STRENGTHS, Place, Selection

if TYPE_CHECKING:
    from referral.index import ReferralMap

MUSCLE_KEY = "muscle"
POINT_KEY = "point"
NERVE_KEY = "nerve"
SIDE_KEY = "side"
REGIONS_KEY = "regions"
BOTH = "both"
MAX_QUERY = 4000  # longer addresses are cut; no real selection comes near this
MAX_SHOWN = 40  # characters of an ignored value repeated in a notice


@dataclass(frozen=True)
class AddressReading:
    selection: Selection
    notices: tuple[str, ...]


def read_places(tokens: list[str], referral_map: ReferralMap, notices: list[str]) -> tuple[Place, ...]:
    """The places of ``regions=…`` tokens, each ``region[:side][:strength]``."""
    places: list[Place] = []
    for token in tokens:
        parts = [part.strip() for part in token.split(":")]
        region, rest = parts[0], parts[1:]
        if region not in referral_map.regions:
            notices.append(_unknown("region", token if len(parts) > 1 else region))
            continue
        sides, strength, bad = list(SIDES), None, []
        for part in rest:
            if part in SIDES:
                sides = [part]
            elif part == BOTH or part == "":
                sides = list(SIDES)
            elif part.isdigit() and int(part) in STRENGTHS and strength is None:
                strength = int(part)
            else:
                bad.append(part)
        if len(rest) > 2 or bad:
            notices.append(f"Ignored {_shown(token)}: expected a place as region, region:left|right|both "
                           "or region:side:0-10.")
            continue
        for side in sides:
            if any((p.region, p.side) == (region, side) for p in places):
                continue
            places.append(Place(region, side, strength))
    return tuple(places)


def selection_from_query(query: str | None, referral_map: ReferralMap) -> AddressReading:
    """The selection an address's query string asks for, and notices for what was ignored."""
    pairs = parse_qsl((query or "").lstrip("?")[:MAX_QUERY], keep_blank_values=True)
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value.strip())
    notices: list[str] = []

    side = DEFAULT_SIDE
    for value in values.get(SIDE_KEY, []):
        if value in SIDES:
            side = value
            break
        notices.append(f"Ignored {_shown(value)}: a side is left or right.")
    tokens = [token for value in values.get(REGIONS_KEY, []) for token in value.split(",")]
    places = read_places([t for t in tokens if t.strip()], referral_map, notices)
    if any(not t.strip() for t in tokens) and tokens != [""]:
        notices.append("An empty region in the address was ignored.")

    chosen = {}
    for name, known in ((POINT_KEY, referral_map.trigger_points), (MUSCLE_KEY, referral_map.muscles),
                        (NERVE_KEY, referral_map.nerves)):
        kind = "trigger point" if name == POINT_KEY else name
        for value in values.get(name, []):
            if name in chosen:
                notices.append(f"Only one {kind} can be shown; ignored {_shown(value)}.")
            elif value in known:
                chosen[name] = value
            else:
                notices.append(_unknown(kind, value))

    point = chosen.get(POINT_KEY)
    muscle = chosen.get(MUSCLE_KEY)
    nerve = chosen.get(NERVE_KEY)
    if point is not None:
        owner = referral_map.trigger_points[point].muscle_id
        if muscle is not None and muscle != owner:
            notices.append(f"The trigger point {_shown(point)} belongs to another muscle; showing the point.")
        muscle = owner
    if muscle is not None:
        if nerve is not None:
            notices.append("A muscle and a nerve were both asked for; showing the muscle.")
        return AddressReading(Selection("muscle", muscle, point, side=side, places=places), tuple(notices))
    if nerve is not None:
        return AddressReading(Selection("nerve", nerve=nerve, side=side, places=places), tuple(notices))
    # A side belongs to a muscle or a nerve; each place of the pain drawing carries its own.
    asked_for_one = any(values.get(name) for name in (MUSCLE_KEY, POINT_KEY, NERVE_KEY))
    if places or (REGIONS_KEY in values and not asked_for_one):
        return AddressReading(Selection("region", places=places), tuple(notices))
    return AddressReading(Selection(), tuple(notices))


def places_token(places: tuple[Place, ...]) -> str:
    """The ``regions=`` value for the places: a region marked on both sides with the same
    strength, right then left as a place without a side reads back, is written once, without a
    side."""
    out, done = [], set()
    for i, place in enumerate(places):
        if (place.region, place.side) in done:
            continue
        other = places[i + 1] if i + 1 < len(places) else None
        if (other is not None and (place.side, other.side) == SIDES and other.region == place.region
                and other.strength == place.strength):
            done.update({(place.region, "left"), (place.region, "right")})
            parts = [place.region] + ([BOTH, str(place.strength)] if place.strength is not None else [])
        else:
            done.add((place.region, place.side))
            parts = [place.region, place.side] + ([str(place.strength)] if place.strength is not None else [])
        out.append(":".join(parts))
    return ",".join(out)


def query_for(selection: Selection) -> str:
    """The query string that reopens this selection ("" when nothing is selected)."""
    parts = []
    if selection.mode == "muscle" and selection.muscle:
        parts.append((POINT_KEY, selection.point) if selection.point else (MUSCLE_KEY, selection.muscle))
        parts.append((SIDE_KEY, selection.side))
    elif selection.mode == "nerve" and selection.nerve:
        parts += [(NERVE_KEY, selection.nerve), (SIDE_KEY, selection.side)]
    if selection.places or selection.mode == "region":
        parts.append((REGIONS_KEY, places_token(selection.places)))
    if not parts:
        return ""
    return "?" + "&".join(f"{name}={quote(value, safe=',:')}" for name, value in parts)


def _unknown(kind: str, value: str) -> str:
    if not value:
        return f"An empty {kind} in the address was ignored."
    return f"Ignored {_shown(value)}: not a {kind} in the referral table."  # each kind starts with a consonant


def _shown(value: str) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in value)
    if len(printable) > MAX_SHOWN:
        printable = printable[: MAX_SHOWN - 1] + "…"
    return f"“{printable}”"
