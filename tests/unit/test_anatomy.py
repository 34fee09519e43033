"""The real drawing, read through the core, is held to the table and to plain anatomy.

Centroids and areas come from ``referral.read_drawing`` (svgelements + numpy). Coordinates are
the drawing's own: y grows downwards, and in the side view the face looks to the right.
"""

from __future__ import annotations

import pytest

from referral import read_drawing
from tests.conftest import DRAWING

DRAWN = read_drawing(DRAWING)
VIEW = {"front": "front", "side": "side-right", "back": "back"}


def shape(view: str, kind: str, item_id: str, side: str = "right"):
    found = DRAWN.shape(VIEW[view], kind, item_id, side)
    assert found is not None, (view, kind, item_id, side)
    return found


def centre(view: str, kind: str, item_id: str, side: str = "right") -> tuple[float, float]:
    return shape(view, kind, item_id, side).centroid


def pair_centre(view: str, kind: str, item_id: str) -> tuple[float, float]:
    """The middle of a left and right pair: on the midline for a symmetric drawing."""
    (lx, ly), (rx, ry) = centre(view, kind, item_id, "left"), centre(view, kind, item_id, "right")
    return ((lx + rx) / 2, (ly + ry) / 2)


def test_front_view_regions_stack_from_forehead_to_chest_on_the_midline():
    order = ["vertex", "forehead", "eyebrow", "retro_orbital", "cheek", "jaw", "chin", "anterior_neck",
             "upper_chest"]
    ys = [centre("front", "region", r)[1] for r in order]
    assert ys == sorted(ys)
    for region in [*order, "periorbital", "temple", "ear", "nose_bridge"]:
        assert pair_centre("front", "region", region)[0] == pytest.approx(200, abs=3), region


def test_the_eyes_sit_on_the_horizontal_midline_of_the_head():
    top = shape("front", "region", "vertex").bbox[1]
    chin = shape("front", "region", "chin").bbox[3]
    eyes = shape("front", "region", "retro_orbital").centroid[1]
    assert centre("front", "region", "retro_orbital", "left")[0] > 200  # the patient's left eye on the viewer's right
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
    surface = [t for t in DRAWN.tappables if t.view == "back" and t.kind == "muscle" and t.layer == "surface"]
    assert shape("back", "muscle", "upper_trapezius").area == max(t.area for t in surface)
    assert {t.item_id for t in surface} >= {"upper_trapezius", "middle_trapezius", "lower_trapezius"}
    suboccipitals = centre("back", "muscle", "suboccipitals")
    assert shape("back", "muscle", "suboccipitals").layer == "deep"
    assert shape("back", "region", "occiput").bbox[3] - 30 < suboccipitals[1]  # just under the skull
    assert centre("back", "region", "occiput", "left")[0] < 1000  # the patient's left on the viewer's left


def test_the_arm_hangs_below_the_shoulder_in_profile():
    arm = shape("side", "region", "arm")
    top = shape("side", "region", "shoulder_top")
    assert arm.centroid[1] > top.centroid[1] and arm.bbox[1] >= top.bbox[1]
    back = shape("side", "region", "posterior_shoulder")
    assert back.centroid[0] < arm.centroid[0] and back.centroid[1] < arm.centroid[1]  # behind, higher up


def test_the_shoulder_blades_inner_border_runs_beside_the_spine():
    border = shape("back", "region", "scapula_medial_border")
    x = border.centroid[0]
    assert 60 < x - 1000 < 130  # a hand's width out from the spine, on the patient's right
    assert border.bbox[3] - border.bbox[1] > 120  # down most of the shoulder blade
    assert border.centroid[1] > shape("back", "region", "shoulder_top").centroid[1]
    upper_back = centre("back", "region", "upper_back")
    assert upper_back[0] < x  # the upper back lies between the blades, nearer the spine


def test_the_pectoral_region_lies_below_the_clavicle_beside_the_upper_chest():
    pectoral = shape("front", "region", "pectoral")
    assert pectoral.bbox[1] >= 384  # below the collarbone
    assert abs(pectoral.centroid[0] - 200) > abs(centre("front", "region", "upper_chest")[0] - 200)
    assert pectoral.centroid[1] > centre("front", "region", "shoulder_top")[1]


def test_the_scalenes_lie_between_the_sternocleidomastoid_and_the_trapezius_in_profile():
    scalenes = centre("side", "muscle", "scalenes")
    assert centre("side", "muscle", "levator_scapulae")[0] < scalenes[0]
    assert scalenes[0] < centre("side", "muscle", "sternocleidomastoid_sternal")[0]

