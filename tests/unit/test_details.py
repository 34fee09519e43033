"""The details panel's renderers, called directly with the real table (no browser)."""

from __future__ import annotations

from components.details import render_details, show_details
from referral import Selection


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
    return " ".join(out)


def test_muscle_details_name_zones_trigger_points_self_care_and_sources(project_map):
    text = text_of(render_details(Selection("muscle", "upper_trapezius"), project_map))
    muscle = project_map.muscles["upper_trapezius"]
    assert muscle.name in text and muscle.trigger_points in text and muscle.why_it_matters in text
    for region_id in project_map.zones_of("upper_trapezius").all:
        assert project_map.regions[region_id].name in text
    for care_id in muscle.self_care:
        assert project_map.self_care[care_id].name in text
    assert project_map.sources["ts1999_ch06"].citation in text


def test_every_muscle_renders(project_map):
    for muscle_id in project_map.muscles:
        assert project_map.muscles[muscle_id].name in text_of(
            render_details(Selection("muscle", muscle_id), project_map))


def test_region_details_rank_muscles_and_name_unexplained_regions(project_map):
    regions = ("temple", "occiput")
    text = text_of(render_details(Selection("region", None, regions), project_map))
    ranking = project_map.rank_muscles(regions)
    positions = [text.index(project_map.muscles[item.muscle_id].name) for item in ranking.muscles]
    assert positions == sorted(positions)
    assert "Explains:" in text


def test_empty_selection_shows_a_hint_for_the_mode(project_map):
    assert "Tap a muscle" in text_of(render_details(Selection("muscle"), project_map))
    assert "Tap every place that hurts" in text_of(render_details(Selection("region"), project_map))


def test_callback_ignores_a_selection_it_does_not_know():
    assert "Tap a muscle" in text_of(show_details({"mode": "muscle", "muscle": "<img src=x onerror=alert(1)>"}))
    assert "Tap a muscle" in text_of(show_details("not even a dict"))
