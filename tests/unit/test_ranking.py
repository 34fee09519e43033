"""Ranking muscles for several painful regions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral import load, rank_muscles


def test_one_region_ranks_essential_referrers_before_spillover(tiny_map):
    ranking = tiny_map.rank_muscles(["temple"])
    assert [m.muscle_id for m in ranking.muscles] == ["upper_trapezius", "temporalis", "suboccipitals"]
    assert [m.score for m in ranking.muscles] == [1.0, 1.0, 0.5]
    assert ranking.unexplained == ()


def test_ties_prefer_the_better_documented_pairing(tiny_map):
    # Both refer essentially to the temple and to one other zone each; the table cites two
    # sources for the trapezius-temple pairing and one for the temporalis-temple pairing.
    ranking = tiny_map.rank_muscles(["temple"])
    assert [m.muscle_id for m in ranking.muscles[:2]] == ["upper_trapezius", "temporalis"]


def test_among_equally_documented_ties_the_more_specific_pattern_comes_first(tiny_copy):
    (tiny_copy / "referral_map.csv").write_text(
        "muscle_id,region_id,pattern,laterality,sources,note\n"
        "temporalis,temple,essential,ipsilateral,manual,\n"
        "upper_trapezius,temple,essential,ipsilateral,manual,\n"
        "upper_trapezius,occiput,essential,ipsilateral,manual,\n"
        "suboccipitals,occiput,essential,ipsilateral,review,\n",
        encoding="utf-8",
    )
    ranking = load(tiny_copy).rank_muscles(["temple"])
    assert [m.muscle_id for m in ranking.muscles] == ["temporalis", "upper_trapezius"]


def test_muscle_explaining_more_marked_regions_ranks_higher(tiny_map):
    ranking = tiny_map.rank_muscles(["occiput", "retro_orbital"])
    top = ranking.muscles[0]
    assert top.muscle_id == "suboccipitals"
    assert top.essential == ("occiput",) and top.spillover == ("retro_orbital",)
    assert top.score == pytest.approx(0.75)
    assert [m.muscle_id for m in ranking.muscles] == ["suboccipitals", "upper_trapezius"]
    assert ranking.muscles[1].explains == ("retro_orbital",)


def test_regions_nothing_refers_to_are_reported_unexplained(tiny_map):
    ranking = tiny_map.rank_muscles(["ear", "temple"])
    assert ranking.unexplained == ("ear",)
    assert ranking.regions == ("ear", "temple")


def test_repeated_regions_count_once(tiny_map):
    assert tiny_map.rank_muscles(["temple", "temple"]) == tiny_map.rank_muscles(["temple"])


def test_no_marked_regions_ranks_nothing(tiny_map):
    ranking = rank_muscles(tiny_map, [])
    assert ranking.muscles == () and ranking.unexplained == ()


def test_unknown_region_is_refused(tiny_map):
    with pytest.raises(ValueError, match="no_such_region"):
        tiny_map.rank_muscles(["no_such_region"])


def _regions(referral_map):
    return st.lists(st.sampled_from(sorted(referral_map.regions)), min_size=1, max_size=5, unique=True)


@given(data=st.data())
def test_essential_cover_outranks_spillover_only(project_map, data):
    marked = data.draw(_regions(project_map))
    ranking = project_map.rank_muscles(marked)
    position = {m.muscle_id: i for i, m in enumerate(ranking.muscles)}
    covering = [m for m in ranking.muscles if set(marked) <= project_map.zones_of(m.muscle_id).essential]
    spilling = [m for m in ranking.muscles if not m.essential]
    for strong in covering:
        for weak in spilling:
            assert position[strong.muscle_id] < position[weak.muscle_id]


@given(data=st.data())
def test_ranking_lists_exactly_the_muscles_referring_to_a_marked_region(project_map, data):
    marked = data.draw(_regions(project_map))
    ranking = project_map.rank_muscles(marked)
    expected = set().union(*(project_map.muscles_for(r).all for r in marked))
    assert {m.muscle_id for m in ranking.muscles} == expected
    scores = [m.score for m in ranking.muscles]
    assert scores == sorted(scores, reverse=True)
    for item in ranking.muscles:
        assert set(item.explains) <= set(marked) and item.explains
    assert set(ranking.unexplained) == {r for r in marked if not project_map.muscles_for(r).all}
