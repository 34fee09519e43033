"""The real drawing, read through the core, is held to the table and to plain anatomy.

Centroids and areas come from ``referral.read_drawing`` (svgelements + numpy). Coordinates are
the drawing's own: y grows downwards, and in the side view the face looks to the right.
"""

from __future__ import annotations

import pytest

from referral import check_drawing, read_drawing
from tests.conftest import DRAWING

DRAWN = read_drawing(DRAWING)
# At 1024x768 the three views are shown side by side about 900 CSS px wide, so a 44 px
# fingertip needs 44 * 1200 / 900 = 59 drawing units.
MIN_TARGET_UNITS = 59


def centre(view: str, kind: str, item_id: str) -> tuple[float, float]:
    (shape,) = [t for t in DRAWN.shapes_of(kind, item_id) if t.view == view]
    return shape.centroid


def shape(view: str, kind: str, item_id: str):
    (found,) = [t for t in DRAWN.shapes_of(kind, item_id) if t.view == view]
    return found


def test_drawing_and_table_agree_both_ways(project_map):
    assert check_drawing(DRAWN, project_map) == []
    assert DRAWN.ids("muscle") == set(project_map.muscles)
    assert DRAWN.ids("region") == set(project_map.regions)
    assert DRAWN.views == ("front", "side", "back")


def test_every_tappable_shape_is_a_fingertip_target():
    small = [(t.element_id, [round(v) for v in t.size]) for t in DRAWN.tappables
             if min(t.size) < MIN_TARGET_UNITS]
    assert small == []


def test_every_muscle_has_trigger_points():
    assert {mark.muscle_id for mark in DRAWN.marks} == DRAWN.ids("muscle")


def test_front_view_regions_stack_from_forehead_to_chest_on_the_midline():
    order = ["vertex", "forehead", "eyebrow", "retro_orbital", "cheek", "jaw", "chin", "anterior_neck",
             "upper_chest"]
    ys = [centre("front", "region", r)[1] for r in order]
    assert ys == sorted(ys)
    for region in order + ["periorbital", "temple", "ear", "nose_bridge"]:
        assert centre("front", "region", region)[0] == pytest.approx(200, abs=3), region


def test_the_eyes_sit_on_the_horizontal_midline_of_the_head():
    top = shape("front", "region", "vertex").bbox[1]
    chin = shape("front", "region", "chin").bbox[3]
    eyes = shape("front", "region", "retro_orbital").centroid[1]
    assert eyes == pytest.approx((top + chin) / 2, abs=0.05 * (chin - top))


def test_side_view_landmarks_around_the_ear():
    ear_x, ear_y = centre("side", "region", "ear")
    ear = shape("side", "region", "ear").bbox
    tmj_x, tmj_y = centre("side", "region", "tmj")
    assert 0 < tmj_x - ear_x < 45 and ear[1] < tmj_y < ear[3]  # just in front of the tragus
    mastoid_x, mastoid_y = centre("side", "region", "mastoid")
    assert mastoid_x < ear_x and mastoid_y > ear_y  # behind and below the lobe
    angle_x, angle_y = centre("side", "region", "angle_of_jaw")
    assert angle_y > ear[3] and angle_x > mastoid_x  # below the lobe, in front of the mastoid
    temple_x, temple_y = centre("side", "region", "temple")
    assert temple_y < tmj_y and temple_x > ear_x  # above the arch, in front of the ear
    occiput_x, _ = centre("side", "region", "occiput")
    assert occiput_x < min(centre("side", "region", r)[0] for r in ("ear", "lateral_head", "mastoid"))


def test_side_view_jaw_muscles_lie_where_they_should():
    temporalis = centre("side", "muscle", "temporalis")
    masseter = centre("side", "muscle", "masseter")
    tmj = centre("side", "region", "tmj")
    assert temporalis[1] < tmj[1] < masseter[1]  # the fan above the joint, the masseter below
    assert masseter[0] > tmj[0]  # in front of the ear
    lateral = centre("side", "muscle", "lateral_pterygoid")
    assert abs(lateral[1] - tmj[1]) < 20 and 0 < lateral[0] - tmj[0] < 45  # horizontal, just in front


def test_the_sternocleidomastoid_runs_from_behind_the_ear_to_the_sternum():
    for head in ("sternocleidomastoid_sternal", "sternocleidomastoid_clavicular"):
        top, bottom = shape("side", "muscle", head).bbox[1], shape("side", "muscle", head).bbox[3]
        assert top < shape("side", "region", "mastoid").bbox[3]
        assert bottom > shape("side", "region", "anterior_neck").bbox[3] - 10


def test_back_view_stacks_occiput_over_nape_over_upper_back():
    ys = [centre("back", "region", r)[1] for r in ("vertex", "occiput", "posterior_neck", "upper_back")]
    assert ys == sorted(ys)
    trapezius = shape("back", "muscle", "upper_trapezius")
    assert trapezius.area == max(t.area for t in DRAWN.tappables if t.view == "back" and t.kind == "muscle")
    suboccipitals = centre("back", "muscle", "suboccipitals")
    assert shape("back", "region", "occiput").bbox[3] - 30 < suboccipitals[1]  # just under the skull

