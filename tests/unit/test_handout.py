"""What the patient handout says for a muscle, for several painful regions, and for nothing selected."""

from __future__ import annotations

import pytest

from referral import Selection
from referral.guidance import load_guidance
from referral.handout import MAX_CANDIDATES, MAX_SELF_CARE, handout_for, short_name
from tests.conftest import DATA, TINY


@pytest.fixture(scope="module")
def tiny_guidance(tiny_map):
    return load_guidance(TINY, tiny_map)


@pytest.fixture(scope="module")
def project_guidance(project_map):
    return load_guidance(DATA, project_map)


def test_a_muscle_handout_names_the_muscle_its_zones_by_pattern_and_side(tiny_map, tiny_guidance):
    handout = handout_for(Selection("muscle", "upper_trapezius"), tiny_map, tiny_guidance)
    assert handout.kind == "muscle" and handout.title == "Trapezius, upper fibres"
    assert handout.muscle.plain_words == "top of the shoulder"
    assert [p.region_id for p in handout.usually] == ["temple"]
    assert [p.region_id for p in handout.sometimes] == ["retro_orbital"]
    assert handout.usually[0].words == "the side of the forehead"
    assert handout.usually[0].side == "on the same side as the muscle"
    assert [care.id for care in handout.self_care] == ["neck_stretch"]


def test_every_handout_carries_the_fixed_texts_and_the_evidence(tiny_map, tiny_guidance):
    for selection in (Selection("muscle", "temporalis"), Selection("region", None, ("temple",)), Selection()):
        handout = handout_for(selection, tiny_map, tiny_guidance)
        assert handout.disclaimer == ("Not a diagnosis.",)
        assert handout.red_flags == ("A thunderclap headache.", "A headache after a blow to the head.")
        assert handout.expect[0] == "A first change within 1 to 3 sessions."
        assert [item.id for item in handout.evidence] == ["small_trial", "big_review"]


def test_sources_are_listed_once_in_order_of_first_use(tiny_map, tiny_guidance):
    handout = handout_for(Selection("muscle", "upper_trapezius"), tiny_map, tiny_guidance)
    assert [source.id for source in handout.sources] == ["manual", "review"]
    general = handout_for(Selection(), tiny_map, tiny_guidance)
    assert [source.id for source in general.sources] == ["review", "manual"]


def test_a_regions_handout_ranks_the_muscles_that_explain_the_marked_places(tiny_map, tiny_guidance):
    handout = handout_for(Selection("region", None, ("temple", "occiput")), tiny_map, tiny_guidance)
    assert handout.kind == "regions"
    assert handout.title == "Where it hurts: the side of the forehead and back of the head"
    assert [p.region_id for p in handout.marked] == ["temple", "occiput"]
    names = [candidate.muscle.id for candidate in handout.candidates]
    assert names[0] == "suboccipitals"  # occiput essential + temple spillover explains both places
    assert set(names) == {"suboccipitals", "temporalis", "upper_trapezius"}
    first = handout.candidates[0]
    assert first.explains == "Nearly always felt at: back of the head. Sometimes felt at: the side of the forehead."
    assert [care.id for care in handout.self_care] == ["neck_stretch"]


def test_a_place_no_muscle_explains_is_named(tiny_map, tiny_guidance):
    handout = handout_for(Selection("region", None, ("ear",)), tiny_map, tiny_guidance)
    assert handout.candidates == () and [p.region_id for p in handout.unexplained] == ["ear"]


def test_nothing_selected_gives_a_general_page(tiny_map, tiny_guidance):
    handout = handout_for(Selection(), tiny_map, tiny_guidance)
    assert handout.kind == "general" and handout.muscle is None and handout.candidates == ()
    assert handout.about == ("A trigger point is a tender spot.",)


def test_project_handouts_stay_short_enough_to_print(project_map, project_guidance):
    for muscle_id in project_map.muscles:
        handout = handout_for(Selection("muscle", muscle_id), project_map, project_guidance)
        assert len(handout.self_care) <= MAX_SELF_CARE
        zones = project_map.zones_of(muscle_id)
        assert {p.region_id for p in handout.usually} == zones.essential
        assert {p.region_id for p in handout.sometimes} == zones.spillover
    many = handout_for(Selection("region", None, tuple(project_map.regions)), project_map, project_guidance)
    assert len(many.candidates) == MAX_CANDIDATES
    assert many.more_candidates == len(project_map.rank_muscles(project_map.regions).muscles) - MAX_CANDIDATES


def test_project_regions_handout_for_temple_and_back_of_head(project_map, project_guidance):
    handout = handout_for(Selection("region", None, ("temple", "occiput")), project_map, project_guidance)
    assert handout.title == "Where it hurts: the temple and the back of the head"
    ranked = [item.muscle_id for item in project_map.rank_muscles(("temple", "occiput")).muscles]
    assert [c.muscle.id for c in handout.candidates] == ranked[:MAX_CANDIDATES]
    assert "upper_trapezius" in ranked[:MAX_CANDIDATES]


def test_short_names_drop_the_bracketed_technical_term():
    assert short_name("Temple (temporal fossa)") == "Temple"
    assert short_name("Bridge and side of the nose") == "Bridge and side of the nose"
    assert short_name("(odd)") == "(odd)"


def test_references_list_each_work_once_and_drop_addresses_a_doi_already_gives():
    from referral.handout import references
    from referral.model import Source

    chapter = dict(authors="Simons DG", year="1999", title="Manual", published_in="Williams & Wilkins", url="")
    sources = (
        Source("ch06", locator="Chapter 6", **chapter),
        Source("trial", "Rezaeian T", "2020", "A trial", "AJPMR 99 (doi:10.1/x)", "Abstract", "https://pubmed/1"),
        Source("ch17", locator="Chapter 17", **chapter),
        Source("page", "A clinic", "n.d.", "A page", "A web site", "Section 2", "https://example.org/page"),
    )
    listed = references(sources)
    assert [r.source_ids for r in listed] == [("ch06", "ch17"), ("trial",), ("page",)]
    assert listed[0].text == "Simons DG (1999). Manual. Williams & Wilkins."
    assert [r.url for r in listed] == ["", "", "https://example.org/page"]


def test_evidence_cites_its_sources_by_their_number_in_the_list(project_map, project_guidance):
    handout = handout_for(Selection("muscle", "temporalis"), project_map, project_guidance)
    for item in handout.evidence:
        number = handout.reference_number(item.sources[0])
        assert item.sources[0] in handout.references[number - 1].source_ids
    assert handout.reference_number("not_a_source") is None
