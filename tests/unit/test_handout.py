"""What the patient handout says for a muscle, for several painful regions, and for nothing selected."""

from __future__ import annotations

import pytest

from referral import Selection
from referral.guidance import load_guidance
from referral.handout import MAX_CANDIDATES, MAX_SELF_CARE, handout_for, short_name
from referral.selection import Place
from tests.conftest import DATA, TINY


@pytest.fixture(scope="module")
def tiny_guidance(tiny_map):
    return load_guidance(TINY, tiny_map)


@pytest.fixture(scope="module")
def project_guidance(project_map):
    return load_guidance(DATA, project_map)


def test_a_muscle_handout_names_the_muscle_its_zones_by_pattern_and_side(tiny_map, tiny_guidance):
    handout = handout_for(Selection("muscle", "upper_trapezius", side="left"), tiny_map, tiny_guidance)
    assert handout.kind == "muscle" and handout.title == "Trapezius, upper fibres (left side)"
    assert handout.muscle.plain_words == "top of the shoulder"
    # the tiny table's head-to-neck order: temple, eyebrow, retro_orbital, occiput, ear
    assert [p.region_id for p in handout.usually] == ["temple", "occiput"]
    assert [p.region_id for p in handout.sometimes] == ["retro_orbital"]
    assert handout.usually[0].words == "the side of the forehead"
    assert [p.phrase for p in handout.usually] == ["left temple", "the left side of the back of the head"]
    assert handout.sometimes[0].phrase == "behind the left eye"
    assert [care.id for care in handout.self_care] == ["neck_stretch"]


def test_a_bilateral_zone_is_said_to_be_on_both_sides(tiny_map, tiny_guidance):
    handout = handout_for(Selection("muscle", "suboccipitals", side="left"), tiny_map, tiny_guidance)
    assert [p.phrase for p in handout.usually] == ["occiput, on both sides"]


def test_every_handout_carries_the_fixed_texts_studies_and_diary_words(tiny_map, tiny_guidance):
    for selection in (Selection("muscle", "temporalis"), Selection("region", places=(Place("temple", "left"),)),
                      Selection()):
        handout = handout_for(selection, tiny_map, tiny_guidance)
        assert handout.disclaimer == ("Not a diagnosis.",)
        assert handout.red_flags == ("A thunderclap headache.", "A headache after a blow to the head.")
        assert handout.expect[0] == "A first change within 1 to 3 sessions."
        assert [note.text for note in handout.studies] == ["A small trial found fewer headaches."]
        assert handout.diary == ("Fill in a line a day.",)
        assert handout.medication == ("Painkillers on many days a month can keep headaches going.",)
        assert not hasattr(handout, "evidence")  # the studies' long summaries stay on the map


def test_sources_are_listed_once_in_order_of_first_use(tiny_map, tiny_guidance):
    handout = handout_for(Selection("muscle", "upper_trapezius"), tiny_map, tiny_guidance)
    # the muscle's record (manual), then the notes: about (manual), expect (review), studies (review)
    assert [source.id for source in handout.sources] == ["manual", "review"]
    general = handout_for(Selection(), tiny_map, tiny_guidance)
    assert [source.id for source in general.sources] == ["manual", "review"]


def test_a_regions_handout_ranks_the_muscles_that_explain_the_marked_places(tiny_map, tiny_guidance):
    places = (Place("temple", "left", 7), Place("occiput", "left"))
    handout = handout_for(Selection("region", places=places), tiny_map, tiny_guidance)
    assert handout.kind == "regions"
    assert handout.title == "Where it hurts: left temple, 7 out of 10 and the left side of the back of the head"
    assert [p.region_id for p in handout.marked] == ["temple", "occiput"]
    # Weights 7 and 5 of 12: trapezius left explains both essentially (1.0); suboccipitals
    # left 0.5x7 + 5 = 8.5/12; suboccipitals right 5/12 (bilateral occiput); temporalis left 7/12.
    assert [(c.muscle.id, c.side) for c in handout.candidates] == [
        ("upper_trapezius", "left"), ("suboccipitals", "left"), ("temporalis", "left"), ("suboccipitals", "right")]
    assert handout.candidates[1].explains == ("Nearly always felt at: the left side of the back of the head. "
                                              "Sometimes felt at: left temple, 7 out of 10.")
    assert [care.id for care in handout.self_care] == ["neck_stretch"]


def test_a_place_no_muscle_explains_is_named(tiny_map, tiny_guidance):
    handout = handout_for(Selection("region", places=(Place("ear", "right"),)), tiny_map, tiny_guidance)
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
    places = tuple(Place(r, "left") for r in project_map.regions)
    many = handout_for(Selection("region", places=places), project_map, project_guidance)
    assert len(many.candidates) == MAX_CANDIDATES
    assert many.more_candidates > 0


def test_project_regions_handout_for_temple_and_back_of_head(project_map, project_guidance):
    places = (Place("temple", "right"), Place("occiput", "right"))
    handout = handout_for(Selection("region", places=places), project_map, project_guidance)
    assert handout.title == "Where it hurts: right temple and the right side of the back of the head"
    # the upper trapezius on the right refers essentially to both (TrP1 the temple, TrP2 the occiput)
    assert (handout.candidates[0].muscle.id, handout.candidates[0].side) == ("upper_trapezius", "right")


def test_short_names_drop_the_bracketed_technical_term():
    assert short_name("Temple (temporal fossa)") == "Temple"
    assert short_name("Bridge and side of the nose") == "Bridge and side of the nose"
    assert short_name("(odd)") == "(odd)"


def test_references_list_each_work_once_and_drop_addresses_a_doi_already_gives():
    from referral.handout import references
    from referral.model import Source

    chapter = {"authors": "Simons DG", "year": "1999", "title": "Manual", "published_in": "Williams & Wilkins", "url": ""}
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


def test_the_studies_cite_their_sources_by_their_number_in_the_list(project_map, project_guidance):
    handout = handout_for(Selection("muscle", "temporalis"), project_map, project_guidance)
    for note in handout.studies:
        (number,) = handout.reference_numbers(note.sources)
        assert note.sources[0] in handout.references[number - 1].source_ids
    assert handout.reference_number("not_a_source") is None
    assert handout.reference_numbers(("not_a_source",)) == ()


def test_references_name_three_authors_then_et_al():
    from referral.handout import references
    from referral.model import Source

    many = Source("s", "Do TP, Remmers A, Schytz HW, Schankin C", "2019", "Flags", "Neurology", "", "")
    three = Source("t", "Simons DG, Travell JG, Simons LS", "1999", "Manual", "W&W", "", "")
    assert [r.text for r in references((many, three))] == [
        "Do TP, Remmers A, Schytz HW, et al. (2019). Flags. Neurology.",
        "Simons DG, Travell JG, Simons LS (1999). Manual. W&W.",
    ]


def test_a_nerve_handout_names_the_skin_it_supplies_and_the_muscles_it_passes(project_map, project_guidance):
    handout = handout_for(Selection("nerve", nerve="greater_occipital", side="left"), project_map, project_guidance)
    assert handout.kind == "nerve" and handout.title == "Greater occipital nerve (left side)"
    # nerve_territories.csv by hand: the occiput and the vertex, each shared with other nerves
    assert handout.usually == ()
    assert [p.region_id for p in handout.sometimes] == ["occiput", "vertex"]
    assert handout.sometimes[0].phrase == "the left side of the back of the head"
    # nerve_muscles.csv by hand: suboccipitals, semispinalis capitis, upper trapezius
    assert [m.id for m in handout.related] == ["suboccipitals", "semispinalis_capitis", "upper_trapezius"]
    assert [c.id for c in handout.self_care] == ["suboccipital_release", "upper_trapezius_stretch"]
    assert handout.muscle_ids[0] == "suboccipitals"


def test_a_long_pain_drawing_is_counted_in_the_title_and_listed_below(project_map, project_guidance):
    places = tuple(Place(r, "left") for r in ("temple", "occiput", "forehead", "tmj"))
    handout = handout_for(Selection("region", places=places), project_map, project_guidance)
    assert handout.title == "Where it hurts: the 4 places you marked"
    assert len(handout.marked) == 4


def test_no_handout_carries_an_editors_note(project_map, project_guidance):
    from dataclasses import asdict

    notes = [link.editor_note for link in project_map.links] + \
        [p.editor_note for p in project_map.trigger_points.values()] + \
        [item.citation_note for item in project_guidance.evidence]
    notes = [n for n in notes if n]
    assert len(notes) > 20  # the table has many; the check below must have something to find
    selections = [Selection("muscle", "upper_trapezius", "upper_trapezius_trp1", side="left"),
                  Selection("region", places=(Place("temple", "left"),)),
                  Selection("nerve", nerve="greater_occipital"), Selection()]
    for selection in selections:
        text = repr(asdict(handout_for(selection, project_map, project_guidance)))
        assert not [n for n in notes if n in text]


def test_a_trigger_point_handout_names_the_point_and_only_its_zones(tiny_map, tiny_guidance):
    selection = Selection("muscle", "upper_trapezius", "upper_trapezius_trp2", side="left")
    handout = handout_for(selection, tiny_map, tiny_guidance)
    assert handout.title == "Trapezius, upper fibres, TrP2 (left side)"
    # referral_map.csv by hand: TrP2 refers to the occiput only (essential, ipsilateral)
    assert [p.region_id for p in handout.usually] == ["occiput"] and handout.sometimes == ()
    assert handout.selection == selection


def test_a_nerve_handout_names_the_skin_it_supplies_wholly_as_usual(tiny_map, tiny_guidance):
    handout = handout_for(Selection("nerve", nerve="ophthalmic", side="left"), tiny_map, tiny_guidance)
    # nerve_territories.csv by hand: the ophthalmic nerve supplies the eyebrow and the orbit wholly
    assert [p.phrase for p in handout.usually] == ["left eyebrow", "behind the left eye"]
    assert handout.sometimes == ()


def test_the_handout_follows_the_mode_and_an_unknown_nerve_gives_the_general_page(tiny_map, tiny_guidance):
    assert handout_for(Selection("nerve", nerve="sciatic"), tiny_map, tiny_guidance).kind == "general"
    # places kept while no muscle is looked at do not make a regions handout in the muscle mode
    assert handout_for(Selection("muscle", places=(Place("temple", "left"),)), tiny_map, tiny_guidance).kind == \
        "general"


def test_the_exercises_sources_are_listed_after_the_muscles(tiny_map):
    from referral.guidance import Guidance

    handout = handout_for(Selection("muscle", "suboccipitals"), tiny_map, Guidance((), ()))
    # muscles.csv: the suboccipitals rest on "review"; their exercise (neck_stretch) on "manual"
    assert [source.id for source in handout.sources] == ["review", "manual"]


def test_a_regions_title_names_up_to_three_places_in_words(tiny_map, tiny_guidance):
    one = handout_for(Selection("region", places=(Place("ear", "right"),)), tiny_map, tiny_guidance)
    assert one.title == "Where it hurts: the right ear"
    places = (Place("temple", "left"), Place("eyebrow", "left"), Place("ear", "right"))
    three = handout_for(Selection("region", places=places), tiny_map, tiny_guidance)
    assert three.title == "Where it hurts: left temple, left eyebrow and the right ear"


def test_the_muscles_not_described_are_counted(tiny_map, tiny_guidance):
    places = (Place("temple", "left"), Place("temple", "right"))
    handout = handout_for(Selection("region", places=places), tiny_map, tiny_guidance)
    # referral_map.csv: three muscles refer to the temple, each on its own side: six candidates
    assert len(handout.candidates) == MAX_CANDIDATES == 4 and handout.more_candidates == 2


def test_a_candidate_lists_the_places_it_explains_in_words(tiny_map):
    from referral.handout import Candidate
    from referral.handout import Place as Where

    muscle = tiny_map.muscles["temporalis"]
    temple, brow, ear = (Where(r, r.title(), r, f"left {r}") for r in ("temple", "eyebrow", "ear"))
    assert Candidate(muscle, (temple,), ()).explains == "Nearly always felt at: left temple."
    assert Candidate(muscle, (temple, brow), (ear,)).explains == (
        "Nearly always felt at: left temple and left eyebrow. Sometimes felt at: left ear.")
    assert Candidate(muscle, (), (temple, brow, ear)).explains == (
        "Sometimes felt at: left temple, left eyebrow and left ear.")


def test_a_place_carries_its_short_name_and_the_patients_words(tiny_map):
    from referral.handout import Place as Where
    from referral.handout import place

    assert place(tiny_map, "retro_orbital") == Where("retro_orbital", "Retro-orbital", "behind the eye", "")
    assert place(tiny_map, "retro_orbital").phrase == "behind the eye"


def test_a_work_whose_first_chapter_has_no_address_takes_the_address_of_a_later_one():
    from referral.handout import references
    from referral.model import Source

    chapter = {"authors": "Simons DG", "year": "1999", "title": "Manual", "published_in": "Williams & Wilkins"}
    sources = (Source("ch06", locator="Chapter 6", url="", **chapter),
               Source("ch17", locator="Chapter 17", url="https://example.org/manual", **chapter))
    (listed,) = references(sources)
    assert (listed.url, listed.source_ids) == ("https://example.org/manual", ("ch06", "ch17"))


def test_a_midline_zone_is_said_to_be_in_the_middle(tiny_map):
    from referral.model import Link
    from referral.wording import zone_words

    assert zone_words(Link("temporalis", "occiput", "essential", "midline", (), ""), "left", tiny_map) == \
        "occiput, in the middle"


def test_a_trigger_points_own_sources_reach_the_handout(tiny_copy):
    from referral import load
    from referral.guidance import Guidance

    # trigger_points.csv changed by hand: temporalis TrP1 rests on "review", the muscle on "manual"
    points = tiny_copy / "trigger_points.csv"
    points.write_text(points.read_text().replace("front of the muscle,manual", "front of the muscle,review"))
    referral_map = load(tiny_copy)
    selection = Selection("muscle", "temporalis", "temporalis_trp1")
    handout = handout_for(selection, referral_map, Guidance((), ()))
    # the point's record first, then the muscle's
    assert [source.id for source in handout.sources] == ["review", "manual"]
    whole = handout_for(Selection("muscle", "temporalis"), referral_map, Guidance((), ()))
    assert [source.id for source in whole.sources] == ["manual"]


def test_the_general_page_has_its_own_title_and_diagram_label(tiny_map, tiny_guidance):
    handout = handout_for(Selection(), tiny_map, tiny_guidance)
    assert handout.title == "Trigger points and head and neck pain"
    assert handout.diagram_label == "Head and neck diagram: front, side and back views"
    assert handout.lead.startswith("How ") and handout.lead.endswith("when to see a doctor instead.")


def test_every_handouts_headings_read_as_plain_sentence_case_words(tiny_map, tiny_guidance):
    import re

    selections = (Selection(), Selection("muscle", "temporalis", side="left"),
                  Selection("region", places=(Place("temple", "left"),)),
                  Selection("nerve", nerve="ophthalmic", side="left"))
    kinds = []
    for selection in selections:
        handout = handout_for(selection, tiny_map, tiny_guidance)
        kinds.append(handout.kind)
        # a capital to begin, then lower case (no shouting), and a full stop to end the lead
        assert re.match(r"[A-Z][a-z]", handout.title) and re.search(r"[a-z)]$", handout.title)
        assert re.match(r"[A-Z][a-z]", handout.lead) and re.search(r"[a-z]\.$", handout.lead)
        # the diagram's accessible name always says what it is first
        assert handout.diagram_label.startswith("Head and neck diagram: ")
        assert re.search(r"[a-z]$", handout.diagram_label)
    assert kinds == ["general", "muscle", "regions", "nerve"]
