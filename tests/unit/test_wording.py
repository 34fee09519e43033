"""Sides and places in words, as the panel and the handout say them."""

from __future__ import annotations

from referral import load
from referral.selection import Place
from referral.wording import list_words, places_words
from tests.conftest import TINY

TINY_MAP = load(TINY)


def test_marked_places_are_said_in_order_each_with_its_strength_when_given():
    places = (Place("retro_orbital", "left", 7), Place("temple", "right"), Place("ear", "left", 0))
    # wording.py's phrases by hand: the orbit and the ear have their own, the temple takes "right temple"
    assert places_words(places, TINY_MAP) == ["behind the left eye (7 out of 10)", "right temple",
                                              "the left ear (0 out of 10)"]


def test_no_marked_places_say_nothing():
    assert places_words((), TINY_MAP) == []


def test_lists_are_joined_with_commas_and_a_final_and():
    assert list_words([]) == ""
    assert list_words(["the temple"]) == "the temple"
    assert list_words(["a", "b", "c"]) == "a, b and c"
