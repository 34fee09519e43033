"""The details panel's renderers, called directly with the real table (no browser)."""

from __future__ import annotations

from components.details import render_details
from referral import Selection
from referral.selection import Place


def text_of(children) -> str:
    """All the text a list of Dash components would show, in order."""
    out: list[str] = []

    def walk(node):
        if isinstance(node, (str, int, float)):
            out.append(str(node))
        elif isinstance(node, (list, tuple)):
            for child in node:
                walk(child)
        elif node is not None:
            walk(getattr(node, "children", None))

    walk(children)
    return " ".join(" ".join(out).split())


def test_muscle_details_name_the_side_zones_trigger_points_self_care_and_sources(project_map):
    text = text_of(render_details(Selection("muscle", "upper_trapezius", side="left"), project_map))
    muscle = project_map.muscles["upper_trapezius"]
    assert f"{muscle.name} (left)" in text and muscle.why_it_matters in text
    assert "Showing the muscle on the patient's left side." in text
    # TrP1's temple zone on the same side, said with the side
    assert "Temple A — left temple" in text
    for point_id in project_map.points_of("upper_trapezius"):
        point = project_map.trigger_points[point_id]
        assert point.label in text and point.location in text
    for care_id in muscle.self_care:
        assert project_map.self_care[care_id].name in text
    assert project_map.sources["ts1999_ch06"].citation in text


def test_no_editors_note_reaches_the_panel(project_map):
    for muscle_id in project_map.muscles:
        text = text_of(render_details(Selection("muscle", muscle_id), project_map))
        for link in project_map.rows_of(muscle_id):
            assert not link.editor_note or link.editor_note not in text, (muscle_id, link.region_id)


def test_a_trigger_point_shows_only_its_zones_and_offers_the_whole_muscle(project_map):
    text = text_of(render_details(Selection("muscle", "upper_trapezius", "upper_trapezius_trp2"), project_map))
    assert "Whole muscle" in text and "Temple —" not in text
    assert "Occiput A — the right side of the back of the head" in text


def test_each_zone_shows_its_evidence_grade_in_words_a_screen_reader_reads(project_map):
    # data/referral_map.csv: frontalis -> eyebrow is a grade C row, frontalis -> forehead grade A.
    children = render_details(Selection("muscle", "frontalis"), project_map)
    text = text_of(children)
    assert "Eyebrow C — " in text and "Forehead A — " in text
    assert "C weak: a single secondary source; sometimes reported." in text
    labels = []

    def walk(node):
        if isinstance(node, (list, tuple)):
            for child in node:
                walk(child)
        elif node is not None and not isinstance(node, (str, int, float)):
            label = getattr(node, "aria-label", None)
            if label:
                labels.append(label)
            walk(getattr(node, "children", None))

    walk(children)
    assert "evidence grade C, weak: a single secondary source; sometimes reported" in labels


def test_every_muscle_renders(project_map):
    for muscle_id in project_map.muscles:
        assert project_map.muscles[muscle_id].name in text_of(
            render_details(Selection("muscle", muscle_id), project_map))


def test_region_details_rank_muscles_by_side_and_say_why(project_map):
    places = (Place("temple", "left"), Place("occiput", "left"))
    text = text_of(render_details(Selection("region", places=places), project_map))
    ranking = project_map.rank_muscles(places)
    positions = [text.index(f"{project_map.muscles[m.muscle_id].name}, {m.side}") for m in ranking.muscles[:5]]
    assert positions == sorted(positions)
    # The left upper trapezius: TrP1 sends pain to the temple, TrP2 to the occiput, both essential.
    assert ("Trapezius, upper fibres, left Explains 2 of your 2 places: left temple (usually), "
            "the left side of the back of the head (usually)") in text


def test_empty_selection_shows_a_hint_for_the_mode(project_map):
    assert "Tap a muscle" in text_of(render_details(Selection("muscle"), project_map))
    assert "Tap every place that hurts" in text_of(render_details(Selection("region"), project_map))


def test_a_selection_the_map_does_not_know_shows_the_introduction(project_map):
    for data in ({"mode": "muscle", "muscle": "<img src=x onerror=alert(1)>"}, "not even a dict"):
        shown = text_of(render_details(Selection.from_json(data, project_map), project_map))
        assert "Tap a muscle" in shown and "<img" not in shown
