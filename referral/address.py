"""The page address and the selection: ``/?muscle=<id>`` and ``/?regions=<id>,<id>``.

Reading an address never fails: values the table does not know, empty, repeated or absurdly
long values are dropped, and each drop is described in a short notice for the page to show.
No Dash imports here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode

from referral.selection import Selection

if TYPE_CHECKING:
    from referral.index import ReferralMap

MUSCLE_KEY = "muscle"
REGIONS_KEY = "regions"
MAX_QUERY = 4000  # longer addresses are cut; no real selection comes near this
MAX_SHOWN = 40  # characters of an ignored value repeated in a notice


@dataclass(frozen=True)
class AddressReading:
    selection: Selection
    notices: tuple[str, ...]


def selection_from_query(query: str | None, referral_map: "ReferralMap") -> AddressReading:
    """The selection an address's query string asks for, and notices for what was ignored."""
    pairs = parse_qsl((query or "").lstrip("?")[:MAX_QUERY], keep_blank_values=True)
    muscles = [value.strip() for key, value in pairs if key == MUSCLE_KEY]
    regions = [part.strip() for key, value in pairs if key == REGIONS_KEY for part in value.split(",")]
    notices: list[str] = []

    chosen_muscle = None
    for value in muscles:
        if chosen_muscle is not None:
            notices.append(f"Only one muscle can be shown; ignored {_shown(value)}.")
        elif value in referral_map.muscles:
            chosen_muscle = value
        else:
            notices.append(_unknown("muscle", value))
    if chosen_muscle is not None:
        if any(regions):
            notices.append("A muscle and painful regions were both asked for; showing the muscle.")
        return AddressReading(Selection("muscle", chosen_muscle), tuple(notices))

    marked: list[str] = []
    for value in regions:
        if value in marked:
            continue
        if value in referral_map.regions:
            marked.append(value)
        else:
            notices.append(_unknown("region", value))
    if marked or (REGIONS_KEY in {key for key, _ in pairs} and not muscles):
        return AddressReading(Selection("region", None, tuple(marked)), tuple(notices))
    return AddressReading(Selection(), tuple(notices))


def query_for(selection: Selection) -> str:
    """The query string that reopens this selection ("" when nothing is selected)."""
    if selection.mode == "muscle" and selection.muscle:
        return "?" + urlencode({MUSCLE_KEY: selection.muscle})
    if selection.mode == "region" and selection.regions:
        return "?" + urlencode({REGIONS_KEY: ",".join(selection.regions)}, safe=",")
    return ""


def _unknown(kind: str, value: str) -> str:
    if not value:
        return f"An empty {kind} in the address was ignored."
    return f"Ignored {_shown(value)}: not a {kind} in the referral table."


def _shown(value: str) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in value)
    if len(printable) > MAX_SHOWN:
        printable = printable[: MAX_SHOWN - 1] + "…"
    return f"“{printable}”"
