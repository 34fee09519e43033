"""The index read both ways, on the tiny table and as a property of the real one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from referral.index import ReferralMap, build_index
from referral.model import Link, Territory, Zones


def test_muscle_zones_are_split_by_pattern(tiny_map):
    assert tiny_map.zones_of("suboccipitals") == Zones(
        essential=frozenset({"occiput"}), spillover=frozenset({"retro_orbital", "temple"})
    )


def test_region_lists_its_referring_muscles_by_pattern(tiny_map):
    assert tiny_map.muscles_for("temple") == Zones(
        essential=frozenset({"temporalis", "upper_trapezius"}), spillover=frozenset({"suboccipitals"})
    )


def test_region_no_muscle_refers_to_is_empty(tiny_map):
    assert tiny_map.muscles_for("ear") == Zones()
    assert tiny_map.muscles_for("ear").all == frozenset()


def test_unknown_ids_have_no_zones(tiny_map):
    assert tiny_map.zones_of("no_such_muscle") == Zones()
    assert tiny_map.muscles_for("no_such_region") == Zones()


def test_pattern_of_names_the_pattern(tiny_map):
    zones = tiny_map.zones_of("temporalis")
    assert zones.pattern_of("temple") == "essential"
    assert zones.pattern_of("eyebrow") == "spillover"
    assert zones.pattern_of("occiput") is None


def test_index_json_lists_every_muscle_with_its_points_and_rows(tiny_map):
    index = tiny_map.index_json()
    assert list(index["muscles"]) == ["suboccipitals", "temporalis", "upper_trapezius"]
    assert index["regions"] == ["ear", "eyebrow", "occiput", "retro_orbital", "temple"]
    assert index["muscles"]["upper_trapezius"] == {
        "points": ["upper_trapezius_trp1", "upper_trapezius_trp2"],
        "rows": [["occiput", "e", "i", ["upper_trapezius_trp2"]], ["retro_orbital", "s", "i", ["upper_trapezius_trp1"]],
                 ["temple", "e", "i", ["upper_trapezius_trp1"]]],
    }
    assert index["muscles"]["suboccipitals"]["rows"][0] == ["occiput", "e", "b", ["suboccipitals_trp1"]]
    assert index["names"]["region"]["retro_orbital"] == "Retro-orbital"
    assert index["names"]["point"]["upper_trapezius_trp2"] == "TrP2"
    assert index["classes"]["referring"] == "is-referring"


def test_rows_by_muscle_point_and_region(tiny_map):
    assert [link.region_id for link in tiny_map.rows_of("upper_trapezius")] == ["temple", "retro_orbital", "occiput"]
    assert [link.region_id for link in tiny_map.rows_of("upper_trapezius", "upper_trapezius_trp1")] == [
        "temple",
        "retro_orbital",
    ]
    assert [link.muscle_id for link in tiny_map.rows_for("temple")] == ["temporalis", "upper_trapezius", "suboccipitals"]
    assert tiny_map.points_of("temporalis") == ("temporalis_trp1",)
    assert tiny_map.rows_of("no_such_muscle") == () and tiny_map.rows_for("ear") == ()


links = st.lists(
    st.builds(
        Link,
        muscle_id=st.sampled_from([f"m{i}" for i in range(6)]),
        region_id=st.sampled_from([f"r{i}" for i in range(8)]),
        pattern=st.sampled_from(["essential", "spillover"]),
        laterality=st.just("ipsilateral"),
        sources=st.just(("s",)),
        note=st.just(""),
        trigger_points=st.just(("p",)),
    ),
    unique_by=lambda link: (link.muscle_id, link.region_id),
)


@settings(max_examples=200)
@given(links)
def test_index_is_symmetric_for_any_table(table):
    by_muscle, by_region = build_index(table)
    for muscle, zones in by_muscle.items():
        for pattern in ("essential", "spillover"):
            for region in getattr(zones, pattern):
                assert muscle in getattr(by_region[region], pattern)
    for region, referrers in by_region.items():
        for pattern in ("essential", "spillover"):
            for muscle in getattr(referrers, pattern):
                assert region in getattr(by_muscle[muscle], pattern)
    assert sum(len(z.all) for z in by_muscle.values()) == len(table) == sum(len(z.all) for z in by_region.values())


def test_project_index_is_symmetric(project_map):
    for muscle in project_map.muscles:
        for region in project_map.regions:
            muscle_side = project_map.zones_of(muscle).pattern_of(region)
            region_side = project_map.muscles_for(region).pattern_of(muscle)
            assert muscle_side == region_side, (muscle, region)


# The nerves, both ways (tests/fixtures/tiny/nerve_territories.csv and nerve_muscles.csv).

def test_a_nerve_lists_its_territory_with_extents(tiny_map):
    assert [(t.region_id, t.extent) for t in tiny_map.territory_of("ophthalmic")] == [
        ("eyebrow", "whole"), ("retro_orbital", "whole")]
    assert [(t.region_id, t.extent) for t in tiny_map.territory_of("lesser_occipital")] == [
        ("occiput", "part"), ("ear", "part")]
    assert tiny_map.territory_of("no_such_nerve") == ()


def test_a_region_lists_the_nerves_supplying_it(tiny_map):
    assert [t.nerve_id for t in tiny_map.nerves_for("occiput")] == ["greater_occipital", "lesser_occipital"]
    assert [t.nerve_id for t in tiny_map.nerves_for("temple")] == ["mandibular", "auriculotemporal"]
    assert tiny_map.nerves_for("no_such_region") == ()


def test_nerves_and_muscles_both_ways(tiny_map):
    assert [r.muscle_id for r in tiny_map.muscles_of_nerve("greater_occipital")] == ["suboccipitals", "upper_trapezius"]
    assert [r.nerve_id for r in tiny_map.nerves_of_muscle("temporalis")] == ["auriculotemporal"]
    assert tiny_map.nerves_of_muscle("no_such_muscle") == ()


def test_index_json_carries_each_nerve(tiny_map):
    nerves = tiny_map.index_json()["nerves"]
    assert nerves["lesser_occipital"]["territory"] == [["occiput", "p"], ["ear", "p"]]
    assert nerves["ophthalmic"]["territory"] == [["eyebrow", "w"], ["retro_orbital", "w"]]
    assert nerves["greater_occipital"]["muscles"] == ["suboccipitals", "upper_trapezius"]


territory_rows = st.lists(
    st.builds(
        Territory,
        nerve_id=st.sampled_from([f"n{i}" for i in range(5)]),
        region_id=st.sampled_from([f"r{i}" for i in range(8)]),
        extent=st.sampled_from(["whole", "part"]),
        sources=st.just(("s",)),
    ),
    unique_by=lambda t: (t.nerve_id, t.region_id),
)


@settings(max_examples=200)
@given(territory_rows)
def test_nerve_index_is_symmetric_for_any_table(rows):
    referral_map = ReferralMap(muscles={}, regions={}, self_care={}, sources={}, links=(), territories=tuple(rows))
    for nerve in {t.nerve_id for t in rows}:
        for t in referral_map.territory_of(nerve):
            assert t in referral_map.nerves_for(t.region_id)
    for region in {t.region_id for t in rows}:
        for t in referral_map.nerves_for(region):
            assert t in referral_map.territory_of(t.nerve_id)
    assert sum(len(referral_map.territory_of(n)) for n in {t.nerve_id for t in rows}) == len(rows)


def test_project_nerve_index_is_symmetric(project_map):
    for nerve in project_map.nerves:
        for t in project_map.territory_of(nerve):
            assert nerve in [u.nerve_id for u in project_map.nerves_for(t.region_id)]
    for muscle in project_map.muscles:
        for r in project_map.nerves_of_muscle(muscle):
            assert muscle in [u.muscle_id for u in project_map.muscles_of_nerve(r.nerve_id)]


def test_a_region_lists_its_referring_muscles_by_pattern():
    from referral import load
    from referral.model import Zones
    from tests.conftest import TINY

    tiny_map = load(TINY)  # built here, not shared, so that building the index counts for this test
    # referral_map.csv by hand: the temple is essential for temporalis and upper trapezius,
    # spillover for the suboccipitals
    assert tiny_map.muscles_for("temple") == Zones(frozenset({"temporalis", "upper_trapezius"}),
                                                   frozenset({"suboccipitals"}))
    assert tiny_map.muscles_for("elbow") == Zones()
