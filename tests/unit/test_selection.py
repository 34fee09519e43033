"""Taps change the selection; the highlight is derived from it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from referral import Highlight, Selection, Tap, cleared, highlight_for, next_selection, with_mode


def test_tapping_a_muscle_selects_it():
    assert next_selection(Selection(), Tap("muscle", "temporalis")) == Selection("muscle", "temporalis")


def test_tapping_another_muscle_replaces_the_selection():
    current = Selection("muscle", "temporalis")
    assert next_selection(current, Tap("muscle", "suboccipitals")) == Selection("muscle", "suboccipitals")


def test_tapping_selected_muscle_clears_selection():
    assert next_selection(Selection("muscle", "temporalis"), Tap("muscle", "temporalis")) == Selection("muscle")


def test_tapping_regions_marks_several_in_order():
    selection = next_selection(Selection("region"), Tap("region", "temple"))
    selection = next_selection(selection, Tap("region", "occiput"))
    assert selection == Selection("region", None, ("temple", "occiput"))


def test_tapping_a_marked_region_unmarks_only_it():
    current = Selection("region", None, ("temple", "occiput"))
    assert next_selection(current, Tap("region", "temple")) == Selection("region", None, ("occiput",))


def test_tapping_a_region_while_looking_at_a_muscle_switches_mode():
    current = Selection("muscle", "temporalis")
    assert next_selection(current, Tap("region", "temple")) == Selection("region", None, ("temple",))


def test_tapping_a_muscle_while_marking_regions_switches_mode():
    current = Selection("region", None, ("temple",))
    assert next_selection(current, Tap("muscle", "temporalis")) == Selection("muscle", "temporalis")


def test_switching_mode_starts_empty_and_same_mode_keeps_selection():
    current = Selection("muscle", "temporalis")
    assert with_mode(current, "region") == Selection("region")
    assert with_mode(current, "muscle") is current


def test_clearing_keeps_the_mode():
    assert cleared(Selection("region", None, ("temple",))) == Selection("region")


def test_next_selection_does_not_change_its_input():
    current = Selection("region", None, ("temple",))
    next_selection(current, Tap("region", "occiput"))
    assert current == Selection("region", None, ("temple",))


def test_selection_round_trips_through_json(tiny_map):
    for selection in (Selection(), Selection("muscle", "temporalis"), Selection("region", None, ("temple", "ear"))):
        assert Selection.from_json(selection.to_json(), tiny_map) == selection


def test_selection_from_bad_json_keeps_only_known_ids(tiny_map):
    assert Selection.from_json(None, tiny_map) == Selection()
    assert Selection.from_json({"mode": "muscle", "muscle": "<script>"}, tiny_map) == Selection()
    assert Selection.from_json({"mode": "region", "regions": ["temple", 3, "nope", "temple"]}, tiny_map) == Selection(
        "region", None, ("temple",)
    )
    assert Selection.from_json({"mode": "sideways"}, tiny_map) == Selection()


def test_highlight_of_a_muscle_shows_its_zones_by_pattern_and_its_trigger_points(tiny_map):
    highlight = highlight_for(Selection("muscle", "suboccipitals"), tiny_map)
    assert highlight == Highlight(
        selected_muscles=frozenset({"suboccipitals"}),
        essential=frozenset({"occiput"}),
        spillover=frozenset({"retro_orbital", "temple"}),
        trigger_points=frozenset({"suboccipitals"}),
    )
    assert highlight.region_classes("occiput") == {"is-essential"}
    assert highlight.region_classes("temple") == {"is-spillover"}
    assert highlight.region_classes("ear") == set()
    assert highlight.muscle_classes("suboccipitals") == {"is-selected"}
    assert highlight.trigger_point_classes("suboccipitals") == {"is-shown"}
    assert highlight.trigger_point_classes("temporalis") == set()


def test_highlight_of_marked_regions_lights_every_referring_muscle(tiny_map):
    highlight = highlight_for(Selection("region", None, ("eyebrow", "occiput")), tiny_map)
    assert highlight.selected_regions == {"eyebrow", "occiput"}
    assert highlight.referring == {"temporalis", "suboccipitals"}
    assert highlight.muscle_classes("temporalis") == {"is-referring"}
    assert highlight.muscle_classes("upper_trapezius") == set()
    assert highlight.region_classes("occiput") == {"is-selected"}


def test_empty_selection_lights_nothing(tiny_map):
    assert highlight_for(Selection(), tiny_map) == Highlight()
    assert highlight_for(Selection("region"), tiny_map) == Highlight()


@given(st.data())
def test_tapping_twice_returns_to_the_start_for_any_selection(project_map, data):
    muscles, regions = sorted(project_map.muscles), sorted(project_map.regions)
    mode = data.draw(st.sampled_from(["muscle", "region"]))
    if mode == "muscle":
        start = Selection("muscle", data.draw(st.sampled_from(muscles)))
        tap = Tap("muscle", data.draw(st.sampled_from(muscles)))
    else:
        start = Selection("region", None, tuple(data.draw(st.lists(st.sampled_from(regions), unique=True, max_size=4))))
        tap = Tap("region", data.draw(st.sampled_from(regions)))
    twice = next_selection(next_selection(start, tap), tap)
    if mode == "muscle" and start.muscle != tap.id:
        assert twice == Selection("muscle")  # the second tap clears the newly selected muscle
    elif mode == "muscle":
        assert twice == start
    else:
        assert twice.mode == "region" and set(twice.regions) == set(start.regions)
