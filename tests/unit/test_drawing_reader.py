"""Reading a drawing and holding it to the table, on tiny inline SVGs."""

from __future__ import annotations

import pytest

from referral import DataError, check_drawing, read_drawing

VIEWS = """
<g id="view-side-right" data-view="side-right"></g>
<g id="view-side-left" data-view="side-left"></g>
<g id="view-back" data-view="back"></g>
"""


def svg(body: str, root: str = 'viewBox="0 0 1200 600"') -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" {root}>\n<g id="view-front" data-view="front">\n{body}\n</g>{VIEWS}</svg>\n'


TEMPLE = ('<g id="front-region-temple" data-region="temple" data-side="right" data-tap="20 20" data-fit="28">'
          '<path class="shape" d="M0 0 H60 V30 H0 Z"/></g>')
TEMPORALIS = (
    '<g id="front-muscle-temporalis" class="muscle" data-muscle="temporalis" data-side="left">'
    '<path class="shape" d="M100 100 L140 100 L140 140 Z"/>'
    '<path class="fibres" d="M105 101 L139 135 M110 101 L139 160"/></g>'
)


def write(tmp_path, text: str):
    path = tmp_path / "head_regions.svg"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path) -> list[str]:
    with pytest.raises(DataError) as raised:
        read_drawing(path)
    return [str(p) for p in raised.value.problems]


def test_tappable_shapes_carry_view_geometry_and_tap_point(tmp_path):
    drawing = read_drawing(write(tmp_path, svg(TEMPLE + "\n" + TEMPORALIS)))
    temple, temporalis = drawing.tappables
    assert (temple.kind, temple.item_id, temple.side, temple.view, temple.line) == (
        "region",
        "temple",
        "right",
        "front",
        3,
    )
    assert temple.bbox == (0, 0, 60, 30)
    assert temple.area == pytest.approx(1800)
    assert temple.centroid == pytest.approx((30, 15))
    assert (temple.tap, temple.fit) == ((20, 20), 28)
    # the fibre lines widen the bounding box but are not part of the drawn area
    assert temporalis.bbox == (100, 100, 140, 160)
    assert temporalis.area == pytest.approx(800)
    assert temporalis.centroid == pytest.approx((140 - 40 / 3, 100 + 40 / 3))
    assert temporalis.side == "left"
    assert drawing.ids("muscle") == {"temporalis"}
    assert drawing.views == ("front", "side-right", "side-left", "back")


def test_without_geometry_the_same_shapes_are_read_unmeasured(tmp_path):
    path = write(tmp_path, svg(TEMPLE + "\n" + TEMPORALIS))
    measured, unmeasured = read_drawing(path).tappables, read_drawing(path, geometry=False).tappables
    assert [(t.kind, t.item_id, t.view, t.element_id, t.line, t.tap) for t in unmeasured] == [
        (t.kind, t.item_id, t.view, t.element_id, t.line, t.tap) for t in measured]
    assert all(t.bbox is None and t.area is None and t.centroid is None for t in unmeasured)


@pytest.mark.parametrize("geometry", [True, False])
def test_a_group_that_draws_nothing_is_refused(tmp_path, geometry):
    empty = '<g id="front-region-ear" data-region="ear" data-side="left"><title>Ear</title></g>'
    with pytest.raises(DataError) as raised:
        read_drawing(write(tmp_path, svg(TEMPLE + "\n" + empty)), geometry=geometry)
    (problem,) = raised.value.problems
    assert problem.line == 4 and "draws nothing" in str(problem)


def test_transforms_are_applied_to_the_geometry(tmp_path):
    body = '<g transform="translate(100 50)">' + TEMPLE + "</g>"
    (temple,) = read_drawing(write(tmp_path, svg(body))).tappables
    assert temple.bbox == (100, 50, 160, 80)


def test_geometry_is_in_the_drawings_own_units_when_the_viewbox_is_offset(tmp_path):
    (temple,) = read_drawing(write(tmp_path, svg(TEMPLE, 'viewBox="0 -20 1200 500"'))).tappables
    assert temple.bbox == (0, 0, 60, 30)
    assert temple.centroid == pytest.approx((30, 15))


def test_duplicate_element_ids_are_refused_with_their_lines(tmp_path):
    path = write(tmp_path, svg(TEMPLE + "\n" + TEMPLE.replace('data-region="temple"', 'data-region="occiput"')))
    assert f"{path}, line 4, column 'id': 'front-region-temple' is not valid; the id is already used on line 3; " \
        "expected unique ids" in problems_of(path)


def test_a_missing_view_is_refused(tmp_path):
    path = write(tmp_path, svg(TEMPLE).replace('<g id="view-back" data-view="back"></g>', ""))
    assert f"{path}, column 'data-view': the back view is missing; expected <g data-view=\"back\">" in problems_of(path)


def test_width_and_height_on_the_root_are_refused(tmp_path):
    path = write(tmp_path, svg(TEMPLE, 'viewBox="0 0 1200 600" width="600"'))
    assert f"{path}, line 1, column 'width': '600' is not valid; expected no width or height: the drawing scales " \
        "to its container" in problems_of(path)


def test_malformed_svg_names_the_line(tmp_path):
    path = write(tmp_path, svg(TEMPLE).replace("</g>", "", 1))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}, line ") and "is not well-formed SVG (mismatched tag" in problem


def test_entities_are_refused(tmp_path):
    path = write(tmp_path, '<!DOCTYPE svg [<!ENTITY a "aaaa">]>' + svg(TEMPLE))
    (problem,) = problems_of(path)
    assert "entity declarations are not allowed" in problem


def test_ids_must_be_snake_case(tmp_path):
    path = write(tmp_path, svg(TEMPLE.replace('data-region="temple"', 'data-region="Temple"')))
    assert f"{path}, line 3, column 'data-region': 'Temple' is not valid; expected a snake_case id" in problems_of(path)


def test_missing_file_is_named(tmp_path):
    assert problems_of(tmp_path / "nowhere.svg") == [f"{tmp_path / 'nowhere.svg'}: the drawing is missing"]


def test_a_shape_without_a_side_or_drawn_twice_on_a_side_is_refused(tmp_path):
    path = write(tmp_path, svg(TEMPLE.replace(' data-side="right"', "") + "\n"
                               + TEMPLE.replace("front-region-temple", "front-region-temple-2")
                               + "\n" + TEMPLE.replace("front-region-temple", "front-region-temple-3")))
    problems = problems_of(path)
    assert f"{path}, line 3, column 'data-side': an empty value is not valid; expected data-side=\"right\", \"left\" or " \
        "\"midline\" (the patient's side)" in problems
    assert f"{path}, line 5, column 'data-region': 'temple' is not valid; already drawn on the right side of the " \
        "front view on line 4; expected one group per view and side (put every part inside it)" in problems


def test_drawing_is_held_to_the_tables_both_ways_naming_the_generator(tmp_path, tiny_map):
    body = TEMPLE + TEMPORALIS.replace('"temporalis"', '"biceps"').replace("muscle-temporalis", "muscle-biceps")
    body += '<g id="front-tp-masseter-1" data-trigger-point="masseter_trp1" data-side="left"><path d="M0 0 L5 5"/></g>'
    path = write(tmp_path, svg(body))
    problems = [str(p) for p in check_drawing(read_drawing(path), tiny_map)]
    assert f"{path}, line 3, column 'data-muscle': 'biceps' is not valid; expected a muscle id of the tables " \
        "(muscles.csv)" in problems
    assert f"{path}, column 'data-muscle': 'temporalis' is not valid; the muscle is in muscles.csv but drawn " \
        "in no view; draw it in the generator (tools/drawing/muscles.py) and run python -m tools.drawing" in problems
    assert f"{path}, column 'data-region': 'temple' is not valid; the region is drawn on one side only (no left " \
        "copy); draw it in the generator (tools/drawing/regions.py) and run python -m tools.drawing" in problems
    assert f"{path}, column 'data-region': 'ear' is not valid; the region is in regions.csv but drawn in no " \
        "view; draw it in the generator (tools/drawing/regions.py) and run python -m tools.drawing" in problems
    assert f"{path}, line 3, column 'data-trigger-point': 'masseter_trp1' is not valid; expected a " \
        "trigger_point_id of the tables (trigger_points.csv)" in problems
    assert f"{path}, column 'data-trigger-point': 'temporalis_trp1' is not valid; the trigger point is in " \
        "trigger_points.csv but marked in no view; place it in the generator (tools/drawing/muscles.py) and run " \
        "python -m tools.drawing" in problems


def test_a_deep_muscle_must_be_drawn_as_deep(tmp_path, tiny_map):
    body = TEMPORALIS.replace("front-muscle-temporalis", "front-muscle-suboccipitals").replace(
        '"temporalis"', '"suboccipitals"')
    path = write(tmp_path, svg(body))
    problems = [str(p) for p in check_drawing(read_drawing(path), tiny_map)]
    assert f"{path}, line 3, column 'class': 'front-muscle-suboccipitals' is not valid; muscles.csv gives " \
        "suboccipitals as deep; expected the group with the class deep (tools/drawing/muscles.py)" in problems
