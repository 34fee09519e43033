"""Putting sides and places into words for the panel and the handout: "your left temple",
"both temples", "behind your left eye". The patient's own sides, always said in words.
No Dash imports here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from referral.index import short_name

if TYPE_CHECKING:
    from referral.index import ReferralMap
    from referral.model import Link
    from referral.selection import Place

# The evidence grades of the table's rows (data/README.md), as a clinician reads them at a glance.
GRADE_WORDS = {
    "A": "strong: the manual's pain-pattern figure or an experimental study",
    "B": "moderate: a clinical reference that follows the manual",
    "C": "weak: a single secondary source; sometimes reported",
}

# How each region takes a side in everyday words; the others are "left temple", "right ear".
PHRASES = {
    "retro_orbital": "behind the {side} eye",
    "periorbital": "around the {side} eye",
    "nose_bridge": "the {side} side of the nose",
    "upper_teeth": "the {side} upper teeth",
    "lower_teeth": "the {side} lower teeth",
    "mouth_throat": "the {side} side of the mouth and throat",
    "scapula_medial_border": "along the inner edge of the {side} shoulder blade",
    "upper_back": "the {side} upper back",
    "posterior_neck": "the {side} side of the back of the neck",
    "lateral_neck": "the {side} side of the neck",
    "anterior_neck": "the {side} side of the throat",
    "lateral_head": "the {side} side of the head",
    "vertex": "the {side} side of the top of the head",
    "occiput": "the {side} side of the back of the head",
    "forehead": "the {side} side of the forehead",
    "chin": "the {side} side of the chin",
    "jaw": "the {side} jaw",
    "angle_of_jaw": "the {side} angle of the jaw",
    "shoulder_top": "the top of the {side} shoulder",
    "posterior_shoulder": "the back of the {side} shoulder",
    "upper_chest": "the {side} upper chest",
    "pectoral": "the {side} side of the chest",
    "tmj": "the {side} jaw joint",
    "arm": "the {side} arm",
    "mastoid": "the bone behind the {side} ear",
    "ear": "the {side} ear",
    "cheek": "the {side} cheek",
}


def place_words(region_id: str, side: str, referral_map: ReferralMap) -> str:
    """A place on one side, in words: "left temple", "behind the left eye", "the left side of
    the back of the head"."""
    if region_id in PHRASES:
        return PHRASES[region_id].format(side=side)
    return f"{side} {short_name(referral_map.regions[region_id].name).lower()}"


def zone_words(link: Link, side: str, referral_map: ReferralMap) -> str:
    """Where a zone is felt for a trigger point on ``side``: on that side, or on both."""
    if link.laterality == "ipsilateral":
        return place_words(link.region_id, side, referral_map)
    name = short_name(referral_map.regions[link.region_id].name).lower()
    if link.laterality == "midline":
        return f"{name}, in the middle"
    return f"{name}, on both sides"


def list_words(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def places_words(places: tuple[Place, ...], referral_map: ReferralMap) -> list[str]:
    """Each marked place in words, with its strength when one was given."""
    out = []
    for place in places:
        text = place_words(place.region, place.side, referral_map)
        if place.strength is not None:
            text += f" ({place.strength} out of 10)"
        out.append(text)
    return out
