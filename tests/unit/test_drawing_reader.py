"""Reading a drawing and holding it to the table, on tiny inline SVGs."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from referral import DataError, check_drawing, read_drawing
from referral.drawing import Drawing, Tappable
from referral.errors import Problem

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


# --- the contract, refusal by refusal --------------------------------------------------------
# Each refusal is checked as the Problem it makes: the file, the line, the attribute, the bad
# value and what would be valid.


def at(path, line, column, value, expected) -> Problem:
    return Problem(str(path), line, column, value, expected)


def raised_by(path, geometry: bool = True) -> tuple[Problem, ...]:
    with pytest.raises(DataError) as raised:
        read_drawing(path, geometry=geometry)
    return raised.value.problems


def test_an_unreadable_drawing_is_named_with_the_reason(tmp_path):
    folder = tmp_path / "head_regions.svg"
    folder.mkdir()
    assert raised_by(folder) == (at(folder, None, None, None, "the drawing cannot be read (Is a directory)"),)


def test_a_root_other_than_svg_is_refused_with_its_tag_and_line(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?>\n<html viewBox="0 0 10 10"></html>\n')
    assert raised_by(path)[0] == at(path, 2, None, "html", "expected an <svg> root element")


@pytest.mark.parametrize("viewbox", ["", "0 0 1200", "0 0 1200 600 7", "0 0 wide 600", "0 0 0 600", "0 0 1200 0",
                                     "0 0 -5 600", "0 0 1200 -1"])
def test_a_viewbox_that_is_not_four_numbers_with_a_positive_size_is_refused(tmp_path, viewbox):
    root = f'viewBox="{viewbox}"' if viewbox else ""
    path = write(tmp_path, svg(TEMPLE, root))
    assert raised_by(path) == (at(path, 1, "viewBox", viewbox, "expected four numbers, x y width height"),)


def test_a_viewbox_may_separate_its_numbers_with_commas(tmp_path):
    drawing = read_drawing(write(tmp_path, svg(TEMPLE, 'viewBox="10,20, 1200 600"')), geometry=False)
    assert drawing.viewbox == (10, 20, 1200, 600)


def test_a_viewbox_of_barely_positive_size_is_accepted(tmp_path):
    drawing = read_drawing(write(tmp_path, svg(TEMPLE, 'viewBox="0 0 1 1"')), geometry=False)
    assert drawing.viewbox == (0, 0, 1, 1)


def test_width_and_height_are_each_refused(tmp_path):
    path = write(tmp_path, svg(TEMPLE, 'viewBox="0 0 1200 600" width="600" height="300"'))
    expected = "expected no width or height: the drawing scales to its container"
    assert raised_by(path) == (at(path, 1, "width", "600", expected), at(path, 1, "height", "300", expected))


def test_the_root_line_is_where_the_svg_element_starts(tmp_path):
    path = write(tmp_path, "<!-- a comment -->\n\n" + svg(TEMPLE, 'viewBox="0 0 1200 600" height="9"'))
    assert raised_by(path) == (at(path, 3, "height", "9", "expected no width or height: the drawing scales to "
                                  "its container"),)


def test_malformed_svg_names_the_line_of_the_fault(tmp_path):
    path = write(tmp_path, svg(TEMPLE).replace("</g>", "", 1))
    (problem,) = raised_by(path)
    assert (problem.file, problem.line, problem.column, problem.value) == (str(path), 8, None, None)
    assert problem.expected.startswith("is not well-formed SVG (mismatched tag: line 8")


def test_an_entity_declaration_is_refused_on_its_line(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY a "aaaa">]>\n' + svg(TEMPLE))
    assert raised_by(path) == (at(path, 3, None, None, "is not well-formed SVG (entity declarations are not "
                                  "allowed in the drawing)"),)


def test_a_view_of_an_unknown_name_is_refused(tmp_path):
    path = write(tmp_path, svg(TEMPLE + '\n<g id="view-top" data-view="top"></g>'))
    assert raised_by(path) == (at(path, 4, "data-view", "top", "expected front, side-right, side-left, back"),)


def test_each_missing_view_is_refused(tmp_path):
    path = write(tmp_path, svg(TEMPLE).replace('data-view="side-left"', 'data-view="front"')
                 .replace('data-view="back"', 'data-view="front"'))
    assert raised_by(path) == (
        at(path, None, "data-view", None, 'the side-left view is missing; expected <g data-view="side-left">'),
        at(path, None, "data-view", None, 'the back view is missing; expected <g data-view="back">'))


def test_an_element_with_two_tags_is_refused_naming_both(tmp_path):
    path = write(tmp_path, svg(TEMPLE.replace('data-region="temple"', 'data-region="temple" data-nerve="vagus"')))
    assert raised_by(path) == (at(path, 3, "data-nerve", "vagus", "an element carries one of data-muscle, data-region, "
                                  "data-trigger-point; this one also has data-region"),)


def test_a_tag_outside_every_view_is_refused(tmp_path):
    outside = '<g id="loose" data-region="ear" data-side="left"><path d="M0 0 H5 V5 Z"/></g>'
    path = write(tmp_path, svg(TEMPLE).replace("</svg>", outside + "\n</svg>"))
    assert raised_by(path) == (at(path, 8, "data-region", "ear", "the element is outside every view; expected it "
                                  "inside a <g data-view>"),)


def test_a_tagged_element_without_an_id_is_refused(tmp_path):
    path = write(tmp_path, svg(TEMPLE.replace('id="front-region-temple" ', "")))
    assert raised_by(path) == (at(path, 3, "data-region", "temple", "expected an id attribute on this element"),)


def test_an_unknown_side_is_refused_with_its_value(tmp_path):
    path = write(tmp_path, svg(TEMPLE.replace('data-side="right"', 'data-side="front"')))
    assert raised_by(path) == (at(path, 3, "data-side", "front", "expected data-side=\"right\", \"left\" or "
                                  "\"midline\" (the patient's side)"),)


def test_a_non_snake_case_trigger_point_is_refused(tmp_path):
    mark = '<circle id="front-tp" data-trigger-point="TrP-1" data-side="left" cx="5" cy="5" r="2"/>'
    path = write(tmp_path, svg(TEMPLE + "\n" + mark))
    assert raised_by(path) == (at(path, 4, "data-trigger-point", "TrP-1", "expected a snake_case id"),)


def test_every_side_and_the_same_item_in_another_view_is_accepted(tmp_path):
    body = "\n".join(TEMPLE.replace("front-region-temple", f"temple-{side}").replace('"right"', f'"{side}"')
                     for side in ("right", "left", "midline"))
    text = svg(body).replace('<g id="view-back" data-view="back"></g>',
                             '<g id="view-back" data-view="back">' + TEMPLE.replace("front-", "back-") + "</g>")
    drawing = read_drawing(write(tmp_path, text), geometry=False)
    assert [(t.view, t.side, t.line) for t in drawing.tappables] == [
        ("front", "right", 3), ("front", "left", 4), ("front", "midline", 5), ("back", "right", 9)]


def test_a_repeated_id_is_refused_again_naming_its_first_line(tmp_path):
    plain = '<path id="twice" d="M0 0 H1 V1 Z"/>'
    path = write(tmp_path, svg(TEMPLE + "\n" + plain + "\n" + plain + "\n" + plain))
    expected = "the id is already used on line 4; expected unique ids"
    assert raised_by(path) == (at(path, 5, "id", "twice", expected), at(path, 6, "id", "twice", expected))


def test_an_item_drawn_thrice_on_a_side_names_its_first_line(tmp_path):
    body = "\n".join(TEMPLE.replace("front-region-temple", f"t{n}") for n in range(3))
    path = write(tmp_path, svg(body))
    expected = ("already drawn on the right side of the front view on line 3; expected one group per view and side "
                "(put every part inside it)")
    assert raised_by(path) == (at(path, 4, "data-region", "temple", expected),
                               at(path, 5, "data-region", "temple", expected))


@pytest.mark.parametrize("tap", ["20", "1 2 3", "x 2", ""])
def test_a_tap_point_that_is_not_two_numbers_is_refused(tmp_path, tap):
    path = write(tmp_path, svg(TEMPLE.replace('data-tap="20 20"', f'data-tap="{tap}"')))
    assert raised_by(path) == (at(path, 3, "data-tap", tap, "expected two numbers, x y"),)


def test_a_fit_that_is_not_a_number_is_refused(tmp_path):
    path = write(tmp_path, svg(TEMPLE.replace('data-fit="28"', 'data-fit="wide"')))
    assert raised_by(path) == (at(path, 3, "data-fit", "wide", "expected a number"),)


def test_a_mark_with_a_bad_tap_point_is_refused(tmp_path):
    mark = '<circle id="front-tp" data-trigger-point="tp_one" data-side="left" data-tap="3;4" cx="5" cy="5" r="2"/>'
    path = write(tmp_path, svg(TEMPLE + "\n" + mark))
    assert raised_by(path, geometry=False) == (at(path, 4, "data-tap", "3;4", "expected two numbers, x y"),)


def test_every_group_that_draws_nothing_is_refused_with_its_tag(tmp_path):
    nerve = '<g id="n" data-nerve="vagus" data-side="left"><title>Vagus</title></g>'
    muscle = '<g id="m" data-muscle="masseter" data-side="left"><desc>Masseter</desc></g>'
    path = write(tmp_path, svg(TEMPLE + "\n" + nerve + "\n" + muscle))
    expected = "the group draws nothing; expected at least one path or shape inside it"
    problems = (at(path, 4, "data-nerve", "vagus", expected), at(path, 5, "data-muscle", "masseter", expected))
    assert raised_by(path) == problems
    assert raised_by(path, geometry=False) == problems


# --- what a valid drawing reads as -----------------------------------------------------------


def test_a_nerve_is_an_open_course_placed_by_its_bounding_box(tmp_path):
    nerve = ('<g id="front-nerve-vagus" class="nerve" data-nerve="vagus" data-side="midline" data-tap="5,6" '
             'data-fit="3.5"><path class="course" d="M200 10 L220 50"/></g>')
    (vagus,) = read_drawing(write(tmp_path, svg(nerve))).tappables
    assert (vagus.kind, vagus.item_id, vagus.side, vagus.view, vagus.element_id, vagus.line) == (
        "nerve", "vagus", "midline", "front", "front-nerve-vagus", 3)
    assert (vagus.bbox, vagus.area, vagus.centroid, vagus.outline) == ((200, 10, 220, 50), 0.0, (210, 30), ())
    assert (vagus.tap, vagus.fit, vagus.deep, vagus.layer) == ((5, 6), 3.5, False, None)
    assert vagus.size == (20, 40)


def test_a_group_without_a_tap_point_or_fit_has_none(tmp_path):
    (temple,) = read_drawing(write(tmp_path, svg(TEMPLE.replace(' data-tap="20 20" data-fit="28"', "")))).tappables
    assert (temple.tap, temple.fit) == (None, None)


def test_a_shape_read_without_geometry_has_no_size(tmp_path):
    (temple,) = read_drawing(write(tmp_path, svg(TEMPLE)), geometry=False).tappables
    with pytest.raises(ValueError, match="front-region-temple was read without geometry"):
        assert temple.size is None


def test_the_class_deep_and_the_back_views_layer_are_read(tmp_path):
    deep = TEMPORALIS.replace('class="muscle"', 'class="muscle deep"')
    deeper = TEMPORALIS.replace('class="muscle"', 'class="deeper"').replace("front-muscle-temporalis", "other") \
        .replace('"left"', '"right"')
    back = ('<g id="view-back" data-view="back"><g id="surface" data-layer="surface"></g>'
            '<g id="deep-layer" data-layer="deep">' + TEMPORALIS.replace("front-", "back-") + "</g></g>")
    text = svg(deep + "\n" + deeper).replace('<g id="view-back" data-view="back"></g>', back)
    drawing = read_drawing(write(tmp_path, text), geometry=False)
    assert [(t.view, t.deep, t.layer) for t in drawing.tappables] == [
        ("front", True, None), ("front", False, None), ("back", False, "deep")]


def test_a_layer_of_its_own_overrides_the_enclosing_one(tmp_path):
    own = TEMPORALIS.replace('class="muscle"', 'data-layer="surface"')
    text = svg("").replace('<g id="view-back" data-view="back"></g>',
                           '<g id="view-back" data-view="back"><g id="deep-layer" data-layer="deep">' + own + "</g></g>")
    (shape,) = read_drawing(write(tmp_path, text), geometry=False).tappables
    assert shape.layer == "surface"


def test_trigger_point_marks_are_read_with_their_view_side_and_tap_point(tmp_path):
    marks = ('<g id="front-tp-one" class="trigger-point" data-trigger-point="tp_one" data-side="left" data-tap="3,4">'
             '<circle cx="3" cy="4" r="2"/></g>\n'
             '<circle id="front-tp-two" data-trigger-point="tp_two" data-side="right" cx="5" cy="5" r="2"/>')
    drawing = read_drawing(write(tmp_path, svg(TEMPLE + "\n" + marks)))
    assert [(m.point_id, m.side, m.view, m.element_id, m.line, m.tap) for m in drawing.marks] == [
        ("tp_one", "left", "front", "front-tp-one", 4, (3, 4)), ("tp_two", "right", "front", "front-tp-two", 5, None)]
    assert [t.item_id for t in drawing.tappables] == ["temple"]


def test_views_are_listed_once_each_in_document_order(tmp_path):
    text = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<g id="b" data-view="back"></g>\n'
            '<g id="f" data-view="front">' + TEMPLE + '</g>\n<g id="f2" data-view="front"></g>\n'
            '<g id="l" data-view="side-left"></g><g id="r" data-view="side-right"></g></svg>')
    drawing = read_drawing(write(tmp_path, text), geometry=False)
    assert drawing.views == ("back", "front", "side-left", "side-right")
    assert (drawing.file, drawing.viewbox, drawing.silhouettes) == (str(tmp_path / "head_regions.svg"), (0, 0, 10, 10),
                                                                   {})


def test_the_file_is_named_relative_to_the_current_folder(tmp_path, monkeypatch):
    write(tmp_path, svg(TEMPLE))
    monkeypatch.chdir(tmp_path)
    drawing = read_drawing(tmp_path / "head_regions.svg", geometry=False)
    assert drawing.file == "head_regions.svg"


@pytest.mark.parametrize(("element", "bbox"), [
    ('<path d="M2 3 H8 V9 Z"/>', (2, 3, 8, 9)),
    ('<rect x="1" y="2" width="3" height="4"/>', (1, 2, 4, 6)),
    ('<circle cx="10" cy="10" r="5"/>', (5, 5, 15, 15)),
    ('<ellipse cx="10" cy="10" rx="5" ry="2"/>', (5, 8, 15, 12)),
    ('<line x1="1" y1="2" x2="7" y2="5"/>', (1, 2, 7, 5)),
    ('<polyline points="0,0 4,1 2,6"/>', (0, 0, 4, 6)),
    ('<polygon points="1,1 5,1 3,4"/>', (1, 1, 5, 4)),
])
def test_any_drawn_element_inside_a_group_makes_it_tappable(tmp_path, element, bbox):
    group = f'<g id="g" data-region="ear" data-side="left"><g id="inner">{element}</g></g>'
    path = write(tmp_path, svg(group))
    (unmeasured,) = read_drawing(path, geometry=False).tappables
    (measured,) = read_drawing(path).tappables
    assert unmeasured.item_id == "ear"
    assert measured.bbox == pytest.approx(bbox)


def test_a_tagged_shape_may_itself_be_the_drawn_element(tmp_path):
    shape = '<path id="ear" class="shape" data-region="ear" data-side="left" d="M0 0 H4 V2 H0 Z"/>'
    path = write(tmp_path, svg(shape))
    (unmeasured,) = read_drawing(path, geometry=False).tappables
    (measured,) = read_drawing(path).tappables
    assert unmeasured.element_id == "ear"
    assert (measured.bbox, measured.area, measured.centroid) == ((0, 0, 4, 2), 8, (2, 1))


def test_a_group_of_several_shapes_has_their_joint_box_area_and_centroid(tmp_path):
    group = ('<g id="g" data-region="ear" data-side="left"><path class="shape" d="M0 10 H20 V30 H0 Z"/>'
             '<path class="shape" d="M10 0 H30 V40 H10 Z"/></g>')
    (ear,) = read_drawing(write(tmp_path, svg(group))).tappables
    assert ear.bbox == (0, 0, 30, 40)
    # 400 at (10, 20) and 800 at (20, 20)
    assert ear.area == pytest.approx(1200)
    assert ear.centroid == pytest.approx((50 / 3, 20))
    swapped = ('<g id="g" data-region="ear" data-side="left"><path class="shape" d="M10 0 H30 V40 H10 Z"/>'
               '<path class="shape" d="M0 10 H20 V30 H0 Z"/></g>')
    (ear,) = read_drawing(write(tmp_path, svg(swapped))).tappables
    assert ear.bbox == (0, 0, 30, 40)


def test_a_hole_wound_the_other_way_is_taken_out_of_the_area(tmp_path):
    # a 30 x 30 square (900, centred at 15, 15) less a 10 x 10 corner (100, centred at 5, 5)
    group = '<g id="g" data-region="ear" data-side="left"><path class="shape" d="M0 0 H30 V30 H0 Z M0 0 V10 H10 V0 Z"/></g>'
    (ear,) = read_drawing(write(tmp_path, svg(group))).tappables
    assert ear.area == pytest.approx(800)
    assert ear.centroid == pytest.approx((16.25, 16.25))
    assert [outline.tolist() for outline in ear.outline] == [[[0, 0], [30, 0], [30, 30], [0, 30]],
                                                             [[0, 0], [0, 10], [10, 10], [10, 0]]]


def test_an_outline_wound_anticlockwise_has_a_positive_area(tmp_path):
    group = '<g id="g" data-region="ear" data-side="left"><path class="shape" d="M0 0 V30 H30 V0 Z"/></g>'
    (ear,) = read_drawing(write(tmp_path, svg(group))).tappables
    assert ear.area == pytest.approx(900)
    assert ear.centroid == pytest.approx((15, 15))


def test_a_unit_square_is_measured(tmp_path):
    group = '<g id="g" data-region="ear" data-side="left"><path class="shape" d="M3 4 h1 v1 h-1 Z"/></g>'
    (ear,) = read_drawing(write(tmp_path, svg(group))).tappables
    assert ear.area == pytest.approx(1)
    assert ear.centroid == pytest.approx((3.5, 4.5))


def test_a_flat_outline_has_no_area_and_a_centroid_at_the_origin(tmp_path):
    group = '<g id="g" data-region="ear" data-side="left"><path class="shape" d="M10 5 L20 5 L30 5 Z"/></g>'
    (ear,) = read_drawing(write(tmp_path, svg(group))).tappables
    assert (ear.bbox, ear.area, ear.centroid, len(ear.outline)) == ((10, 5, 30, 5), 0.0, (0.0, 0.0), 1)


def test_an_outline_of_fewer_than_three_points_is_no_outline(tmp_path):
    group = '<g id="g" data-region="ear" data-side="left"><path class="shape" d="M0 0 L10 20"/></g>'
    (ear,) = read_drawing(write(tmp_path, svg(group))).tappables
    assert (ear.bbox, ear.area, ear.centroid, ear.outline) == ((0, 0, 10, 20), 0.0, (5, 10), ())


def test_a_curve_is_sampled_at_sixteen_points_and_a_line_at_its_ends(tmp_path):
    # a straight edge, then a quadratic curve back to the start's column
    group = '<g id="g" data-region="ear" data-side="left"><path class="shape" d="M0 0 H10 Q10 10 0 10 Z"/></g>'
    (ear,) = read_drawing(write(tmp_path, svg(group))).tappables
    (outline,) = ear.outline
    assert len(outline) == 2 + 15
    assert outline[:2].tolist() == [[0, 0], [10, 0]]
    # the curve's point at t: ((1-t)^2 * 10 + 2t(1-t) * 10, 2t(1-t) * 10 + t^2 * 10)
    t = 1 / 15
    assert outline[2].tolist() == pytest.approx([(1 - t) ** 2 * 10 + 2 * t * (1 - t) * 10,
                                                 2 * t * (1 - t) * 10 + t * t * 10])
    assert outline[-1].tolist() == [0, 10]


def test_geometry_is_in_drawing_units_for_an_origin_off_both_axes(tmp_path):
    silhouette = '<path class="silhouette" d="M-30 -20 H-20 V-10 Z"/>'
    (temple,) = (drawing := read_drawing(write(tmp_path, svg(silhouette + TEMPLE, 'viewBox="-40 -30 1200 500"')))) \
        .tappables
    assert temple.bbox == (0, 0, 60, 30)
    assert temple.centroid == pytest.approx((30, 15))
    assert [o.tolist() for o in temple.outline] == [[[0, 0], [60, 0], [60, 30], [0, 30]]]
    assert [o.tolist() for o in drawing.silhouettes["front"]] == [[[-30, -20], [-20, -20], [-20, -10]]]


def test_each_views_silhouette_outlines_are_collected(tmp_path):
    skin = '<g class="outline"><path class="silhouette" d="M0 0 H10 V10 Z"/><path class="silhouette inset" d="M0 0 H5 V5 Z"/>' \
        '<path class="contour" d="M0 0 H7 V7 Z"/></g>'
    text = svg(TEMPLE + skin).replace('<g id="view-back" data-view="back"></g>',
                                      '<g id="view-back" data-view="back"><path class="silhouette" d="M1 1 H2 V3 Z"/></g>')
    drawing = read_drawing(write(tmp_path, text))
    assert {view: [o.tolist() for o in outlines] for view, outlines in drawing.silhouettes.items()} == {
        "front": [[[0, 0], [10, 0], [10, 10]], [[0, 0], [5, 0], [5, 5]]], "side-right": [], "side-left": [],
        "back": [[[1, 1], [2, 1], [2, 3]]]}
    (temple,) = drawing.tappables
    assert temple.bbox == (0, 0, 60, 30)


def test_a_tappable_group_marked_silhouette_is_still_a_tappable(tmp_path):
    group = TEMPLE.replace('class="shape"', 'class="shape silhouette"')
    drawing = read_drawing(write(tmp_path, svg(group)))
    (temple,) = drawing.tappables
    assert (temple.bbox, temple.area) == ((0, 0, 60, 30), 1800)
    assert drawing.silhouettes["front"] == []


def test_a_drawing_finds_its_shapes_by_kind_item_side_and_view(tmp_path):
    right = TEMPLE
    left = TEMPLE.replace("front-region-temple", "left-temple").replace('"right"', '"left"')
    muscle = TEMPORALIS.replace('data-muscle="temporalis"', 'data-muscle="temple"')
    back = TEMPLE.replace("front-", "back-")
    text = svg(right + left + muscle).replace('<g id="view-back" data-view="back"></g>',
                                              f'<g id="view-back" data-view="back">{back}</g>')
    drawing = read_drawing(write(tmp_path, text), geometry=False)
    ids = [t.element_id for t in drawing.shapes_of("region", "temple")]
    assert ids == ["front-region-temple", "left-temple", "back-region-temple"]
    assert [t.element_id for t in drawing.shapes_of("region", "temple", "right")] == ["front-region-temple",
                                                                                      "back-region-temple"]
    assert drawing.shapes_of("region", "ear") == ()
    assert drawing.ids("region") == {"temple"} and drawing.ids("muscle") == {"temple"} and drawing.ids("nerve") == set()
    assert drawing.shape("back", "region", "temple", "right").element_id == "back-region-temple"
    assert drawing.shape("front", "muscle", "temple", "left").element_id == "front-muscle-temporalis"
    assert drawing.shape("back", "region", "temple", "left") is None


# --- holding the drawing to the tables -------------------------------------------------------


def tables(muscles=None, regions=(), nerves=(), trigger_points=()):
    """A referral map cut down to what ``check_drawing`` reads: ids, and each muscle's depth."""
    return SimpleNamespace(muscles={m: SimpleNamespace(depth=d) for m, d in (muscles or {}).items()},
                           regions=dict.fromkeys(regions), nerves=dict.fromkeys(nerves),
                           trigger_points=dict.fromkeys(trigger_points))


def group(kind: str, item: str, side: str, classes: str = "") -> str:
    return (f'<g id="{kind}-{item}-{side}" class="{classes}" data-{kind}="{item}" data-side="{side}">'
            '<path class="shape" d="M0 0 H4 V4 Z"/></g>')


def regenerate(module: str) -> str:
    return f"draw it in the generator (tools/drawing/{module}) and run python -m tools.drawing"


def test_every_kind_is_held_to_its_own_table(tmp_path):
    body = "\n".join([group("muscle", "masseter", "left"), group("region", "chin", "left"),
                      group("nerve", "vagus", "left")])
    path = write(tmp_path, svg(body))
    assert check_drawing(read_drawing(path, geometry=False), tables(nerves=["facial"])) == [
        at(path, 3, "data-muscle", "masseter", "expected a muscle id of the tables (muscles.csv)"),
        at(path, 4, "data-region", "chin", "expected a region id of the tables (regions.csv)"),
        at(path, 5, "data-nerve", "vagus", "expected a nerve id of the tables (nerves.csv)"),
        at(path, None, "data-nerve", "facial", "the nerve is in nerves.csv but drawn in no view; "
           + regenerate("nerves.py")),
    ]


def test_a_missing_side_is_named_and_a_midline_item_needs_no_sides(tmp_path):
    body = "\n".join([group("region", "chin", "midline"), group("region", "ear", "left"), group("region", "ear", "right"),
                      group("nerve", "vagus", "right"), group("muscle", "masseter", "left"),
                      group("muscle", "masseter", "midline"), group("nerve", "hypoglossal", "midline"),
                      group("nerve", "hypoglossal", "left"), group("nerve", "hypoglossal", "right")])
    path = write(tmp_path, svg(body))
    found = check_drawing(read_drawing(path, geometry=False), tables(
        muscles={"masseter": "superficial"}, regions=["chin", "ear"], nerves=["vagus", "hypoglossal"]))
    assert found == [
        at(path, None, "data-muscle", "masseter", "the muscle is drawn on one side only (no right copy); "
           + regenerate("muscles.py")),
        at(path, None, "data-nerve", "vagus", "the nerve is drawn on one side only (no left copy); "
           + regenerate("nerves.py")),
    ]


def test_a_shape_on_neither_side_lacks_both_copies(tmp_path):
    shape = Tappable("region", "chin", "front", "front", "chin", 3, False, None, None, None, None, None, None)
    drawing = Drawing("d.svg", (0, 0, 1, 1), ("front",), (shape,), ())
    assert check_drawing(drawing, tables(regions=["chin"])) == [
        Problem("d.svg", None, "data-region", "chin", "the region is drawn on one side only (no left and right copy); "
                + regenerate("regions.py"))]


def test_depth_is_held_both_ways_and_only_for_muscles(tmp_path):
    body = "\n".join([group("muscle", "masseter", "left", "muscle deep"), group("muscle", "masseter", "right"),
                      group("muscle", "splenius", "left", "muscle"), group("muscle", "splenius", "right", "deep"),
                      group("region", "masseter", "left", "deep"), group("region", "masseter", "right")])
    path = write(tmp_path, svg(body))
    found = check_drawing(read_drawing(path, geometry=False), tables(
        muscles={"masseter": "superficial", "splenius": "deep"}, regions=["masseter"]))
    assert found == [
        at(path, 3, "class", "muscle-masseter-left", "muscles.csv gives masseter as superficial; expected the group "
           "without the class deep (tools/drawing/muscles.py)"),
        at(path, 5, "class", "muscle-splenius-left", "muscles.csv gives splenius as deep; expected the group with "
           "the class deep (tools/drawing/muscles.py)"),
    ]


def test_trigger_points_are_held_to_their_table_both_ways(tmp_path):
    marks = "\n".join(f'<circle id="tp-{p}" data-trigger-point="{p}" data-side="left" cx="1" cy="1" r="1"/>'
                      for p in ("tp_a", "tp_stray"))
    path = write(tmp_path, svg(marks))
    found = check_drawing(read_drawing(path, geometry=False), tables(trigger_points=["tp_c", "tp_a", "tp_b"]))
    missing = ("the trigger point is in trigger_points.csv but marked in no view; place it in the generator "
               "(tools/drawing/muscles.py) and run python -m tools.drawing")
    assert found == [
        at(path, 4, "data-trigger-point", "tp_stray", "expected a trigger_point_id of the tables (trigger_points.csv)"),
        at(path, None, "data-trigger-point", "tp_b", missing),
        at(path, None, "data-trigger-point", "tp_c", missing),
    ]


def test_a_drawing_that_matches_its_tables_has_no_problems(tmp_path):
    body = "\n".join([group("muscle", "splenius", "left", "muscle deep"), group("muscle", "splenius", "right", "deep"),
                      group("region", "chin", "midline"),
                      '<circle id="tp" data-trigger-point="tp_a" data-side="left" cx="1" cy="1" r="1"/>'])
    drawing = read_drawing(write(tmp_path, svg(body)), geometry=False)
    assert check_drawing(drawing, tables(muscles={"splenius": "deep"}, regions=["chin"], trigger_points=["tp_a"])) == []


def test_a_flat_outline_does_not_hide_the_outlines_after_it(tmp_path):
    group = ('<g id="g" data-region="ear" data-side="left"><path class="shape" d="M10 5 L20 5 L30 5 Z"/>'
             '<path class="shape" d="M0 0 H2 V2 H0 Z"/></g>')
    (ear,) = read_drawing(write(tmp_path, svg(group))).tappables
    assert ear.area == pytest.approx(4)
    assert ear.centroid == pytest.approx((1, 1))


@pytest.mark.parametrize(("text", "line"), [("", 1), ("<!-- no drawing here -->\n", 2)])
def test_a_file_without_a_root_element_is_not_well_formed(tmp_path, text, line):
    path = write(tmp_path, text)
    (problem,) = raised_by(path)
    assert (problem.file, problem.line) == (str(path), line)
    assert problem.expected.startswith("is not well-formed SVG (no element found")


def test_an_empty_path_adds_nothing_to_the_geometry(tmp_path):
    group = ('<g id="g" data-region="ear" data-side="left"><path class="shape" d=""/>'
             '<path class="shape" d="M1 2 H3 V4 H1 Z"/></g><path class="silhouette" d=""/>')
    drawing = read_drawing(write(tmp_path, svg(group)))
    (ear,) = drawing.tappables
    assert (ear.bbox, ear.area, ear.centroid) == ((1, 2, 3, 4), 4, (2, 3))
    assert drawing.silhouettes["front"] == []


def test_a_drawing_cut_short_is_not_well_formed(tmp_path):
    path = write(tmp_path, svg(TEMPLE).removesuffix("</svg>\n"))
    (problem,) = raised_by(path, geometry=False)
    assert (problem.file, problem.line) == (str(path), 8)
    assert problem.expected.startswith("is not well-formed SVG (no element found")
