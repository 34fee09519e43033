"""Reading the selection from the page address, and writing it back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from referral import Selection, query_for, selection_from_query
from referral.selection import Place


def read(query, tiny_map):
    return selection_from_query(query, tiny_map)


def test_a_muscle_is_shown_on_the_side_asked_for_or_the_right(tiny_map):
    assert read("?muscle=temporalis&side=left", tiny_map).selection == Selection("muscle", "temporalis", side="left")
    reading = read("?muscle=temporalis", tiny_map)
    assert reading.selection == Selection("muscle", "temporalis", side="right") and reading.notices == ()


def test_a_trigger_point_opens_its_muscle(tiny_map):
    reading = read("?point=upper_trapezius_trp2&side=left", tiny_map)
    assert reading.selection == Selection("muscle", "upper_trapezius", "upper_trapezius_trp2", side="left")
    assert reading.notices == ()


def test_places_carry_a_side_and_a_strength(tiny_map):
    reading = read("?regions=temple:left:7,occiput,retro_orbital:right", tiny_map)
    assert reading.selection == Selection(
        "region",
        places=(
            Place("temple", "left", 7),
            Place("occiput", "right"),
            Place("occiput", "left"),
            Place("retro_orbital", "right"),
        ),
    )
    assert reading.notices == ()


def test_a_strength_without_a_side_and_both_sides_spelt_out(tiny_map):
    assert read("?regions=temple:6", tiny_map).selection.places == (Place("temple", "right", 6), Place("temple", "left", 6))
    assert read("?regions=temple:both:6", tiny_map).selection.places == (Place("temple", "right", 6),
                                                                        Place("temple", "left", 6))


def test_bad_parts_of_a_place_are_ignored_with_a_notice(tiny_map):
    reading = read("?regions=temple:up,ear:left:11,occiput:left:3:9,eyebrow:left", tiny_map)
    assert reading.selection.places == (Place("eyebrow", "left"),)
    assert reading.notices == (
        "Ignored “temple:up”: expected a place as region, region:left|right|both or region:side:0-10.",
        "Ignored “ear:left:11”: expected a place as region, region:left|right|both or region:side:0-10.",
        "Ignored “occiput:left:3:9”: expected a place as region, region:left|right|both or region:side:0-10.",
    )


def test_unknown_ids_are_ignored_with_a_notice(tiny_map):
    reading = read("?regions=temple:left,elbow", tiny_map)
    assert reading.selection == Selection("region", places=(Place("temple", "left"),))
    assert reading.notices == ("Ignored “elbow”: not a region in the referral table.",)
    reading = read("?muscle=biceps", tiny_map)
    assert reading.selection == Selection()
    assert reading.notices == ("Ignored “biceps”: not a muscle in the referral table.",)
    assert read("?point=biceps_trp1", tiny_map).notices == ("Ignored “biceps_trp1”: not a trigger point in the referral table.",)
    assert read("?muscle=temporalis&side=up", tiny_map).notices == ("Ignored “up”: a side is left or right.",)


def test_a_muscle_with_places_keeps_the_pain_drawing_behind_it(tiny_map):
    reading = read("?muscle=temporalis&side=left&regions=temple:left:7", tiny_map)
    assert reading.selection == Selection("muscle", "temporalis", side="left", places=(Place("temple", "left", 7),))
    assert reading.notices == ()


def test_repeated_and_conflicting_values_keep_the_first(tiny_map):
    reading = read("?muscle=temporalis&muscle=suboccipitals", tiny_map)
    assert reading.selection == Selection("muscle", "temporalis")
    assert reading.notices == ("Only one muscle can be shown; ignored “suboccipitals”.",)
    reading = read("?point=upper_trapezius_trp1&muscle=temporalis", tiny_map)
    assert reading.selection.muscle == "upper_trapezius"
    assert reading.notices == ("The trigger point “upper_trapezius_trp1” belongs to another muscle; showing the point.",)


def test_empty_values_are_ignored_with_a_notice(tiny_map):
    assert read("?muscle=", tiny_map).notices == ("An empty muscle in the address was ignored.",)
    assert read("?regions=", tiny_map).selection == Selection("region")
    assert read("?regions=temple:left,,ear:left", tiny_map).notices == ("An empty region in the address was ignored.",)


def test_long_values_are_shortened_in_the_notice(tiny_map):
    notice = read("?muscle=" + "x" * 10_000, tiny_map).notices[0]
    assert len(notice) < 100 and "…" in notice


def test_other_parameters_and_no_query_select_nothing(tiny_map):
    assert read("?utm_source=mail", tiny_map) == read("", tiny_map)
    assert read(None, tiny_map).selection == Selection()


def test_query_for_writes_what_reads_back(tiny_map):
    cases = {
        "?muscle=temporalis&side=left": Selection("muscle", "temporalis", side="left"),
        "?point=upper_trapezius_trp2&side=right": Selection("muscle", "upper_trapezius", "upper_trapezius_trp2"),
        "?regions=temple:left:7,occiput": Selection("region", places=(Place("temple", "left", 7), Place("occiput", "right"),
                                                                      Place("occiput", "left"))),
        "?muscle=temporalis&side=right&regions=ear:left": Selection("muscle", "temporalis",
                                                                    places=(Place("ear", "left"),)),
        "?regions=": Selection("region"),
        "": Selection(),
    }
    for query, selection in cases.items():
        assert query_for(selection) == query
        assert read(query, tiny_map).selection == selection


@given(st.text(max_size=300))
def test_any_query_reads_to_a_valid_selection(tiny_map, query):
    reading = read(query, tiny_map)
    selection = reading.selection
    assert selection.muscle is None or selection.muscle in tiny_map.muscles
    assert selection.point is None or tiny_map.trigger_points[selection.point].muscle_id == selection.muscle
    assert selection.side in ("left", "right")
    assert all(p.region in tiny_map.regions and p.side in ("left", "right") for p in selection.places)
    assert all(p.strength is None or 0 <= p.strength <= 10 for p in selection.places)
    assert len({(p.region, p.side) for p in selection.places}) == len(selection.places)
    assert all(len(notice) < 200 for notice in reading.notices)


place_text = st.builds(
    lambda region, side, strength: ":".join(x for x in (region, side, strength) if x is not None),
    st.sampled_from(["temple", "occiput", "ear", "elbow", "", "Temple"]),
    st.sampled_from([None, "left", "right", "both", "", "middle"]),
    st.sampled_from([None, "0", "7", "10", "11", "-1", "x"]),
)


@given(st.lists(place_text, max_size=6), st.sampled_from(["", "&side=left", "&muscle=temporalis&side=x"]))
def test_hostile_places_never_fail_and_a_valid_reading_round_trips(tiny_map, places, extra):
    reading = read("?regions=" + ",".join(places) + extra, tiny_map)
    selection = reading.selection
    assert read(query_for(selection), tiny_map).selection == selection


def test_an_unknown_region_is_named_as_written_with_its_side_or_alone(tiny_map):
    assert read("?regions=elbow:left", tiny_map).notices == ("Ignored “elbow:left”: not a region in the referral table.",)
    assert read("?regions=temple:left, elbow", tiny_map).notices == ("Ignored “elbow”: not a region in the referral table.",)


def test_places_after_an_unknown_region_are_still_read(tiny_map):
    assert read("?regions=elbow,temple:left", tiny_map).selection.places == (Place("temple", "left"),)


def test_an_empty_side_in_a_place_marks_both_sides(tiny_map):
    reading = read("?regions=temple::7", tiny_map)
    assert reading.selection.places == (Place("temple", "right", 7), Place("temple", "left", 7))
    assert reading.notices == ()


def test_a_place_of_more_than_three_parts_is_ignored_even_when_each_part_is_valid(tiny_map):
    reading = read("?regions=temple:left:7:right,eyebrow:left", tiny_map)
    assert reading.selection.places == (Place("eyebrow", "left"),)
    assert reading.notices == ("Ignored “temple:left:7:right”: expected a place as region, region:left|right|both "
                               "or region:side:0-10.",)


def test_a_region_given_again_on_both_sides_adds_only_the_side_not_yet_marked(tiny_map):
    reading = read("?regions=temple:right:3,temple", tiny_map)
    assert reading.selection.places == (Place("temple", "right", 3), Place("temple", "left"))


def test_parameters_are_read_by_their_exact_name(tiny_map):
    assert read("?Xmuscle=temporalis", tiny_map) == read("", tiny_map)


def test_an_empty_regions_value_opens_the_pain_drawing_without_a_notice(tiny_map):
    reading = read("?regions=", tiny_map)
    assert reading.selection == Selection("region") and reading.notices == ()


def test_a_nerve_is_shown_on_its_side_with_the_pain_drawing_behind_it(tiny_map):
    reading = read("?nerve=greater_occipital&side=left&regions=occiput:left", tiny_map)
    assert reading.selection == Selection("nerve", nerve="greater_occipital", side="left",
                                          places=(Place("occiput", "left"),))
    assert reading.notices == ()


def test_a_muscle_wins_over_a_nerve_with_a_notice(tiny_map):
    reading = read("?nerve=greater_occipital&muscle=temporalis", tiny_map)
    assert reading.selection == Selection("muscle", "temporalis")
    assert reading.notices == ("A muscle and a nerve were both asked for; showing the muscle.",)


def test_an_unknown_muscle_with_an_empty_pain_drawing_selects_nothing(tiny_map):
    reading = read("?muscle=biceps&regions=", tiny_map)
    assert reading.selection == Selection()
    assert reading.notices == ("Ignored “biceps”: not a muscle in the referral table.",)


def test_characters_that_cannot_be_printed_are_shown_as_question_marks(tiny_map):
    assert read("?muscle=ab%07c", tiny_map).notices == ("Ignored “ab?c”: not a muscle in the referral table.",)


def test_a_value_is_repeated_whole_up_to_forty_characters_and_cut_to_forty_beyond(tiny_map):
    forty = "m" * 40
    assert read("?muscle=" + forty, tiny_map).notices == (f"Ignored “{forty}”: not a muscle in the referral table.",)
    assert read("?muscle=" + forty + "n", tiny_map).notices == (
        f"Ignored “{'m' * 39}…”: not a muscle in the referral table.",)


def test_a_repeated_place_is_written_once():
    assert query_for(Selection("region", places=(Place("temple", "left", 2), Place("temple", "left", 2)))) == (
        "?regions=temple:left:2")
    both = (Place("temple", "right"), Place("temple", "left"), Place("temple", "right"))
    assert query_for(Selection("region", places=both)) == "?regions=temple"


def test_a_nerve_view_without_a_nerve_writes_nothing():
    assert query_for(Selection("nerve")) == ""
