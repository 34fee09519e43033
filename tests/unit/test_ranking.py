"""Ranking muscles, by side, for the places a patient has marked.

Every expected order here is worked out by hand from the rule documented in
``referral/ranking.py``; the cases with their own tables are built so that one tie-break alone
decides them (every other rule would put them the other way round).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral import load, rank_muscles
from referral.selection import Place

HEADER = "muscle_id,region_id,trigger_points,pattern,laterality,evidence,sources,note,editor_note\n"
# The tiny table's other two muscles need a row each (every muscle has rows, every trigger
# point is used); these refer to a region none of the cases marks.
FILLER = ("upper_trapezius,occiput,upper_trapezius_trp1;upper_trapezius_trp2,essential,ipsilateral,A,manual,,\n")


def order(ranking) -> list[tuple[str, str]]:
    return [(m.muscle_id, m.side) for m in ranking.muscles]


def table(tiny_copy, rows: str):
    (tiny_copy / "referral_map.csv").write_text(HEADER + rows + FILLER, encoding="utf-8")
    return load(tiny_copy)


def test_a_left_temple_is_explained_by_left_sided_muscles_only(tiny_map):
    ranking = tiny_map.rank_muscles([Place("temple", "left")])
    # Temporalis and trapezius refer essentially to the temple (1.0); the suboccipitals spill
    # over (0.5). Between the first two, the trapezius pairing cites two sources, the
    # temporalis one.
    assert order(ranking) == [("upper_trapezius", "left"), ("temporalis", "left"), ("suboccipitals", "left")]
    assert [m.score for m in ranking.muscles] == [1.0, 1.0, 0.5]
    assert all(m.side == "left" for m in ranking.muscles)


def test_a_bilateral_zone_is_explained_from_either_side(tiny_map):
    ranking = tiny_map.rank_muscles([Place("occiput", "right")])
    # Trapezius (ipsilateral) explains it from the right only; the suboccipitals (bilateral)
    # from both sides. All score 1.0 with one essential place and one source; all have two
    # zones outside; "Suboccipitals" comes before "Trapezius"; the right before the left.
    assert order(ranking) == [("suboccipitals", "right"), ("suboccipitals", "left"), ("upper_trapezius", "right")]


def test_a_stronger_place_counts_more(tiny_map):
    weak_temple = tiny_map.rank_muscles([Place("temple", "left", 2), Place("occiput", "left", 8)])
    # Out of 10: trapezius 2 + 8 = 10; suboccipitals left 0.5x2 + 8 = 9, right 8 (bilateral
    # occiput only); temporalis 2 (the temple only).
    assert order(weak_temple) == [("upper_trapezius", "left"), ("suboccipitals", "left"),
                                  ("suboccipitals", "right"), ("temporalis", "left")]
    assert [m.score for m in weak_temple.muscles] == pytest.approx([1.0, 0.9, 0.8, 0.2])
    strong_temple = tiny_map.rank_muscles([Place("temple", "left", 8), Place("occiput", "left", 2)])
    # Trapezius 10; temporalis 8; suboccipitals left 0.5x8 + 2 = 6, right 2.
    assert order(strong_temple) == [("upper_trapezius", "left"), ("temporalis", "left"),
                                    ("suboccipitals", "left"), ("suboccipitals", "right")]
    assert [m.score for m in strong_temple.muscles] == pytest.approx([1.0, 0.8, 0.6, 0.2])


def test_a_place_without_a_score_counts_as_five(tiny_map):
    ranking = tiny_map.rank_muscles([Place("temple", "left"), Place("occiput", "left", 8)])
    scores = {(m.muscle_id, m.side): m.score for m in ranking.muscles}
    assert scores[("temporalis", "left")] == pytest.approx(5 / 13)
    assert scores[("suboccipitals", "left")] == pytest.approx((2.5 + 8) / 13)
    assert scores[("suboccipitals", "right")] == pytest.approx(8 / 13)


def test_places_marked_zero_do_not_count_unless_all_are(tiny_map):
    one_zero = tiny_map.rank_muscles([Place("temple", "left", 0), Place("occiput", "left", 8)])
    assert {(m.muscle_id, m.side): m.score for m in one_zero.muscles}[("temporalis", "left")] == 0.0
    all_zero = tiny_map.rank_muscles([Place("temple", "left", 0), Place("occiput", "left", 0)])
    assert {(m.muscle_id, m.side): m.score for m in all_zero.muscles}[("temporalis", "left")] == 0.5


def test_more_essential_places_alone_decide(tiny_copy):
    # Temporalis: the temple in its essential zone (0.5 of two places, one source, one zone
    # outside). Suboccipitals: both places as spillover (also 0.5), two sources, nothing outside,
    # and an earlier name: every later rule prefers them.
    referral_map = table(tiny_copy,
                         "temporalis,temple,temporalis_trp1,essential,ipsilateral,A,manual,,\n"
                         "temporalis,eyebrow,temporalis_trp1,spillover,ipsilateral,A,manual,,\n"
                         "suboccipitals,temple,suboccipitals_trp1,spillover,ipsilateral,A,manual,,\n"
                         "suboccipitals,ear,suboccipitals_trp1,spillover,ipsilateral,A,review,,\n")
    ranking = referral_map.rank_muscles([Place("temple", "right"), Place("ear", "right")])
    assert order(ranking) == [("temporalis", "right"), ("suboccipitals", "right")]
    assert [m.score for m in ranking.muscles] == [0.5, 0.5]


def test_better_documented_pairings_alone_decide(tiny_copy):
    # Both essential at the temple; temporalis's pairing cites two sources but has a zone
    # outside; the suboccipitals cite one, have nothing outside and an earlier name.
    referral_map = table(tiny_copy,
                         "temporalis,temple,temporalis_trp1,essential,ipsilateral,A,manual;review,,\n"
                         "temporalis,eyebrow,temporalis_trp1,spillover,ipsilateral,A,manual,,\n"
                         "suboccipitals,temple,suboccipitals_trp1,essential,ipsilateral,A,manual,,\n")
    assert order(referral_map.rank_muscles([Place("temple", "right")])) == [("temporalis", "right"),
                                                                          ("suboccipitals", "right")]


def test_the_more_specific_pattern_alone_decides(tiny_copy):
    # Equal score, essential places and sources; temporalis has no zone outside the temple,
    # the suboccipitals have one (and the earlier name).
    referral_map = table(tiny_copy,
                         "temporalis,temple,temporalis_trp1,essential,ipsilateral,A,manual,,\n"
                         "suboccipitals,temple,suboccipitals_trp1,essential,ipsilateral,A,manual,,\n"
                         "suboccipitals,eyebrow,suboccipitals_trp1,spillover,ipsilateral,A,manual,,\n")
    assert order(referral_map.rank_muscles([Place("temple", "right")])) == [("temporalis", "right"),
                                                                          ("suboccipitals", "right")]


def test_the_name_alone_decides_and_then_the_right_side(tiny_copy):
    referral_map = table(tiny_copy,
                         "temporalis,temple,temporalis_trp1,essential,bilateral,A,manual,,\n"
                         "suboccipitals,temple,suboccipitals_trp1,essential,bilateral,A,manual,,\n")
    assert order(referral_map.rank_muscles([Place("temple", "left")])) == [
        ("suboccipitals", "right"), ("suboccipitals", "left"), ("temporalis", "right"), ("temporalis", "left")]


def test_each_ranked_muscle_says_which_places_it_explains(tiny_map):
    ranking = tiny_map.rank_muscles([Place("occiput", "left"), Place("retro_orbital", "left")])
    top = ranking.muscles[0]
    # Suboccipitals left: occiput essential (1) + retro-orbital spillover (0.5), of 2 = 0.75;
    # trapezius left the same (occiput essential, retro-orbital spillover), but its occiput
    # and retro-orbital pairings cite one source each, like the suboccipitals', and both have
    # one zone outside: the name decides.
    assert (top.muscle_id, top.side) == ("suboccipitals", "left")
    assert top.essential == (Place("occiput", "left"),) and top.spillover == (Place("retro_orbital", "left"),)
    assert top.score == pytest.approx(0.75)
    assert order(ranking) == [("suboccipitals", "left"), ("upper_trapezius", "left"), ("suboccipitals", "right")]


def test_places_nothing_explains_are_reported(tiny_map):
    ranking = tiny_map.rank_muscles([Place("ear", "left"), Place("temple", "left")])
    assert ranking.unexplained == (Place("ear", "left"),)
    assert ranking.places == (Place("ear", "left"), Place("temple", "left"))


def test_repeated_places_count_once(tiny_map):
    assert tiny_map.rank_muscles([Place("temple", "left")] * 2) == tiny_map.rank_muscles([Place("temple", "left")])


def test_no_places_rank_nothing(tiny_map):
    ranking = rank_muscles(tiny_map, [])
    assert ranking.places == () and ranking.muscles == () and ranking.unexplained == ()


def test_unknown_region_is_refused(tiny_map):
    with pytest.raises(ValueError, match="no_such_region"):
        tiny_map.rank_muscles([Place("no_such_region", "left")])


def _places(referral_map):
    place = st.builds(Place, st.sampled_from(sorted(referral_map.regions)), st.sampled_from(["left", "right"]),
                      st.one_of(st.none(), st.integers(0, 10)))
    return st.lists(place, min_size=1, max_size=5, unique_by=lambda p: (p.region, p.side))


@given(data=st.data())
def test_a_one_sided_pain_drawing_never_ranks_the_other_side_first_for_one_sided_zones(project_map, data):
    side = data.draw(st.sampled_from(["left", "right"]))
    regions = data.draw(st.lists(st.sampled_from(sorted(project_map.regions)), min_size=1, max_size=4, unique=True))
    ranking = project_map.rank_muscles([Place(r, side) for r in regions])
    for item in ranking.muscles:
        if item.side != side:
            # only a bilateral or midline zone can explain a place from the other side
            assert all(project_map.link(item.muscle_id, p.region).laterality != "ipsilateral" for p in item.explains)


@given(data=st.data())
def test_ranking_lists_exactly_the_muscle_sides_that_explain_a_place(project_map, data):
    places = data.draw(_places(project_map))
    ranking = project_map.rank_muscles(places)
    expected = set()
    for p in places:
        for link in project_map.rows_for(p.region):
            for side in ("left", "right"):
                if link.laterality != "ipsilateral" or side == p.side:
                    expected.add((link.muscle_id, side))
    assert set(order(ranking)) == expected
    scores = [m.score for m in ranking.muscles]
    assert scores == sorted(scores, reverse=True)
    explained = {(p.region, p.side) for m in ranking.muscles for p in m.explains}
    assert {(p.region, p.side) for p in ranking.unexplained} == {(p.region, p.side) for p in places} - explained


def test_every_unknown_region_is_named_in_the_refusal(tiny_map):
    places = [Place("nowhere", "left"), Place("temple", "left"), Place("elsewhere", "right")]
    with pytest.raises(ValueError) as refused:
        tiny_map.rank_muscles(places)
    assert str(refused.value) == "unknown region ids: nowhere, elsewhere"
