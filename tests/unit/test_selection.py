"""Taps change the selection; the highlight is derived from it.

The sequences shared with the browser script are in ``tests/vectors/selection.json``
(``test_vectors.py``); these are the rules one at a time, and properties over the real table.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from referral import Selection, Tap, cleared, highlight_for, next_selection, with_mode
from referral.selection import Place, with_side, with_strength

LEFT_TEMPLE = Place("temple", "left")


def test_tapping_a_muscle_looks_at_it_on_the_side_tapped():
    assert next_selection(Selection(), Tap("muscle", "temporalis", "left")) == Selection(
        "muscle", "temporalis", side="left"
    )


def test_tapping_the_muscle_looked_at_again_clears_it_but_its_other_copy_switches_side():
    current = Selection("muscle", "temporalis", side="left")
    assert next_selection(current, Tap("muscle", "temporalis", "left")) == Selection("muscle", side="left")
    assert next_selection(current, Tap("muscle", "temporalis", "right")) == Selection("muscle", "temporalis")


def test_tapping_regions_marks_places_in_order_on_their_side():
    selection = next_selection(Selection("region"), Tap("region", "temple", "left"))
    selection = next_selection(selection, Tap("region", "temple", "right"))
    selection = next_selection(selection, Tap("region", "occiput", "left"))
    assert selection.places == (LEFT_TEMPLE, Place("temple", "right"), Place("occiput", "left"))
    assert next_selection(selection, Tap("region", "temple", "left")).places == (Place("temple", "right"),
                                                                                 Place("occiput", "left"))


def test_a_region_from_the_list_marks_and_unmarks_both_sides():
    both = next_selection(Selection("region"), Tap("region", "ear", "both"))
    assert both.places == (Place("ear", "right"), Place("ear", "left"))
    assert next_selection(both, Tap("region", "ear", "both")).places == ()
    one = next_selection(Selection("region"), Tap("region", "ear", "left"))
    assert next_selection(one, Tap("region", "ear", "both")).places == (Place("ear", "left"), Place("ear", "right"))


def test_looking_at_a_muscle_or_switching_mode_keeps_the_places():
    drawing = Selection("region", places=(LEFT_TEMPLE,))
    looking = next_selection(drawing, Tap("muscle", "temporalis", "left"))
    assert looking == Selection("muscle", "temporalis", side="left", places=(LEFT_TEMPLE,))
    assert with_mode(looking, "region") == Selection("region", side="left", places=(LEFT_TEMPLE,))
    assert with_mode(looking, "muscle") is looking


def test_a_trigger_point_is_looked_at_alone_and_a_second_tap_returns_to_its_muscle():
    point = next_selection(Selection(), Tap("point", "upper_trapezius_trp2", "left", "upper_trapezius"))
    assert point == Selection("muscle", "upper_trapezius", "upper_trapezius_trp2", side="left")
    assert next_selection(point, Tap("point", "upper_trapezius_trp2", "left", "upper_trapezius")) == \
        Selection("muscle", "upper_trapezius", side="left")


def test_side_and_strength_change_only_what_they_name():
    current = Selection("region", places=(LEFT_TEMPLE, Place("ear", "left")))
    assert with_strength(current, "temple", "left", 8).places == (Place("temple", "left", 8), Place("ear", "left"))
    assert with_side(Selection("muscle", "temporalis"), "left") == Selection("muscle", "temporalis", side="left")


def test_clearing_starts_afresh_in_the_same_mode():
    assert cleared(Selection("muscle", "temporalis", side="left", places=(LEFT_TEMPLE,))) == Selection("muscle")


def test_next_selection_does_not_change_its_input():
    current = Selection("region", places=(LEFT_TEMPLE,))
    next_selection(current, Tap("region", "occiput", "left"))
    assert current == Selection("region", places=(LEFT_TEMPLE,))


def test_from_json_keeps_only_what_the_table_knows(tiny_map):
    data = {"mode": "muscle", "muscle": "temporalis", "point": "upper_trapezius_trp1", "side": "sideways",
            "places": [["temple", "left", 4], ["temple", "left", 5], ["elbow", "left", None], ["ear", "up", None],
                       ["eyebrow", "right", 12], "junk"]}
    assert Selection.from_json(data, tiny_map) == Selection(
        "muscle", "temporalis", None, side="right", places=(Place("temple", "left", 4), Place("eyebrow", "right")))
    assert Selection.from_json("nonsense", tiny_map) == Selection()


def test_every_muscle_lights_its_pattern_on_its_side_only_where_ipsilateral(project_map):
    for muscle_id in project_map.muscles:
        light = highlight_for(Selection("muscle", muscle_id, side="left"), project_map)
        for link in project_map.rows_of(muscle_id):
            state = "is-essential" if link.pattern == "essential" else "is-spillover"
            assert state in light.classes_of("region", link.region_id, "left")
            right = light.classes_of("region", link.region_id, "right")
            # the right copy lights only for a zone felt on both sides (or another row's zone)
            assert (state in right) == (link.laterality != "ipsilateral"), (muscle_id, link.region_id)
        assert light.ids("muscle", "is-selected") == {(muscle_id, "left")}
        assert light.ids("point", "is-shown") == {(p, "left") for p in project_map.points_of(muscle_id)}


@given(st.data())
def test_a_marked_place_lights_exactly_the_muscle_sides_whose_rows_explain_it(project_map, data):
    region = data.draw(st.sampled_from(sorted(project_map.regions)))
    side = data.draw(st.sampled_from(["left", "right"]))
    light = highlight_for(Selection("region", places=(Place(region, side),)), project_map)
    expected = {(link.muscle_id, s) for link in project_map.rows_for(region) for s in ("left", "right")
                if link.laterality != "ipsilateral" or s == side}
    assert light.ids("muscle", "is-referring") == expected
    assert light.ids("region", "is-selected") == {(region, side)}


def test_tapping_a_region_keeps_the_side_looked_at():
    current = Selection("muscle", "temporalis", side="left")
    assert next_selection(current, Tap("region", "temple", "right")) == Selection(
        "region", side="left", places=(Place("temple", "right"),))


def test_tapping_another_point_of_the_muscle_looks_at_that_point_and_the_places_stay():
    current = Selection("muscle", "upper_trapezius", "upper_trapezius_trp1", side="left", places=(LEFT_TEMPLE,))
    other = next_selection(current, Tap("point", "upper_trapezius_trp2", "left", "upper_trapezius"))
    assert other == Selection("muscle", "upper_trapezius", "upper_trapezius_trp2", side="left", places=(LEFT_TEMPLE,))
    assert next_selection(other, Tap("point", "upper_trapezius_trp2", "left", "upper_trapezius")) == Selection(
        "muscle", "upper_trapezius", side="left", places=(LEFT_TEMPLE,))


def test_tapping_the_nerve_looked_at_again_clears_it_and_keeps_the_places():
    current = Selection("nerve", nerve="ophthalmic", side="left", places=(LEFT_TEMPLE,))
    assert next_selection(current, Tap("nerve", "ophthalmic", "left")) == Selection(
        "nerve", side="left", places=(LEFT_TEMPLE,))
    assert next_selection(current, Tap("nerve", "ophthalmic", "right")) == Selection(
        "nerve", nerve="ophthalmic", side="right", places=(LEFT_TEMPLE,))


def test_from_json_keeps_only_the_item_of_the_mode_and_skips_bad_places_one_by_one(tiny_map):
    data = {"mode": "region", "muscle": "temporalis", "point": "temporalis_trp1", "nerve": "ophthalmic",
            "side": "left", "places": [["temple", "left"], ["ear", "right", None], ["occiput", "left", 3]]}
    assert Selection.from_json(data, tiny_map) == Selection(
        "region", side="left", places=(Place("ear", "right"), Place("occiput", "left", 3)))


def test_from_json_reads_an_unknown_mode_as_the_default_one(tiny_map):
    assert Selection.from_json({"mode": "map", "muscle": "temporalis"}, tiny_map) == Selection("muscle", "temporalis")


def test_from_json_keeps_a_nerve_of_the_table_only(tiny_map):
    assert Selection.from_json({"mode": "nerve", "nerve": "ophthalmic", "side": "left"}, tiny_map) == Selection(
        "nerve", nerve="ophthalmic", side="left")
    assert Selection.from_json({"mode": "nerve", "nerve": "sciatic"}, tiny_map) == Selection("nerve")


def test_from_json_drops_ids_that_are_not_strings(tiny_map):
    data = {"mode": "muscle", "muscle": ["temporalis"], "point": ["temporalis_trp1"]}
    assert Selection.from_json(data, tiny_map) == Selection()
    assert Selection.from_json({"mode": "nerve", "nerve": ["ophthalmic"]}, tiny_map) == Selection("nerve")


def test_the_highlight_follows_the_mode_not_a_nerve_left_in_the_selection(tiny_map):
    # a nerve id carried by a muscle-mode selection with no muscle lights nothing
    assert not highlight_for(Selection("muscle", nerve="ophthalmic", side="left"), tiny_map).is_lit
    # the same nerve in the nerve mode lights itself and the skin it supplies
    lit = highlight_for(Selection("nerve", nerve="ophthalmic", side="left"), tiny_map)
    assert lit.ids("nerve", "is-selected") == {("ophthalmic", "left")}
