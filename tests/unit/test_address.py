"""Reading the selection from the page address, and writing it back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from referral import Selection, query_for, selection_from_query


def test_muscle_in_the_address_is_selected(tiny_map):
    reading = selection_from_query("?muscle=temporalis", tiny_map)
    assert reading.selection == Selection("muscle", "temporalis")
    assert reading.notices == ()


def test_regions_in_the_address_are_marked_in_order(tiny_map):
    reading = selection_from_query("?regions=temple,occiput", tiny_map)
    assert reading.selection == Selection("region", None, ("temple", "occiput"))
    assert reading.notices == ()


def test_unknown_ids_are_ignored_with_a_notice(tiny_map):
    reading = selection_from_query("?regions=temple,elbow", tiny_map)
    assert reading.selection == Selection("region", None, ("temple",))
    assert reading.notices == ("Ignored “elbow”: not a region in the referral table.",)
    reading = selection_from_query("?muscle=biceps", tiny_map)
    assert reading.selection == Selection()
    assert reading.notices == ("Ignored “biceps”: not a muscle in the referral table.",)


def test_repeated_and_conflicting_values_keep_the_first_muscle(tiny_map):
    reading = selection_from_query("?muscle=temporalis&muscle=suboccipitals&regions=temple", tiny_map)
    assert reading.selection == Selection("muscle", "temporalis")
    assert reading.notices == (
        "Only one muscle can be shown; ignored “suboccipitals”.",
        "A muscle and painful regions were both asked for; showing the muscle.",
    )


def test_empty_values_are_ignored_with_a_notice(tiny_map):
    assert selection_from_query("?muscle=", tiny_map).notices == ("An empty muscle in the address was ignored.",)
    assert selection_from_query("?regions=", tiny_map).selection == Selection("region")


def test_long_values_are_shortened_in_the_notice(tiny_map):
    notice = selection_from_query("?muscle=" + "x" * 10_000, tiny_map).notices[0]
    assert len(notice) < 100 and "…" in notice


def test_other_parameters_and_no_query_select_nothing(tiny_map):
    assert selection_from_query("?utm_source=mail", tiny_map) == selection_from_query("", tiny_map)
    assert selection_from_query(None, tiny_map).selection == Selection()


def test_query_for_round_trips(tiny_map):
    for selection in (Selection("muscle", "temporalis"), Selection("region", None, ("temple", "retro_orbital"))):
        assert selection_from_query(query_for(selection), tiny_map).selection == selection
    assert query_for(Selection("region", None, ("temple", "occiput"))) == "?regions=temple,occiput"
    assert query_for(Selection()) == ""


@given(st.text(max_size=300))
def test_any_query_reads_to_a_valid_selection(tiny_map, query):
    reading = selection_from_query(query, tiny_map)
    selection = reading.selection
    assert selection.muscle is None or selection.muscle in tiny_map.muscles
    assert all(region in tiny_map.regions for region in selection.regions)
    assert all(len(notice) < 200 for notice in reading.notices)
