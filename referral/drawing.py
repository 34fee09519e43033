"""Reading the diagram (``assets/head_regions.svg``) and checking it against the table.

The drawing's contract (spelt out in the SVG's header comment): four views
(``<g data-view="front|side-right|side-left|back">``); inside them one group per tappable
muscle, region or nerve and side, carrying ``data-muscle`` / ``data-region`` / ``data-nerve``
with the tables' ids and ``data-side`` (the patient's side), and trigger-point marks carrying
``data-trigger-point`` with a trigger point's id. ``read_drawing`` returns every tappable shape
with its view, side, element id, source line and geometry (bounding box, area, centroid, tap
point, fit); ``check_drawing`` compares the drawing with the tables both ways. The drawing is
generated (``tools/drawing``): problems name the generator as the place to change.

Attributes and line numbers come from the XML parser (so errors can name the line); geometry
comes from svgelements, which resolves paths, basic shapes and transforms, and numpy. Both are
imported only when geometry is measured: the app reads the drawing without it at start-up.
No Dash imports here.
"""

from __future__ import annotations

import xml.parsers.expat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from referral.csvfile import is_id
from referral.errors import DataError, Problem, display_path

if TYPE_CHECKING:
    import numpy as np
    from svgelements import Shape

    from referral.index import ReferralMap

VIEWS = ("front", "side-right", "side-left", "back")
KINDS = {"data-muscle": "muscle", "data-region": "region", "data-nerve": "nerve"}
TRIGGER_POINT = "data-trigger-point"
SIDES = ("right", "left", "midline")
GENERATOR = "tools/drawing"
SAMPLES_PER_CURVE = 16
OUTLINE = "shape"  # the class of the paths that outline a group (not its fibres or its course)
# Elements that draw something; a tappable group needs at least one inside it.
DRAWN_TAGS = frozenset({"path", "rect", "circle", "ellipse", "line", "polyline", "polygon"})

BBox = tuple[float, float, float, float]  # x0, y0, x1, y1 in viewBox units


@dataclass(frozen=True)
class Tappable:
    """One tappable group of the drawing: a muscle, a region or a nerve as drawn in one view, on
    one side of the body (the patient's own)."""

    kind: str  # "muscle", "region" or "nerve"
    item_id: str
    side: str
    view: str
    element_id: str
    line: int
    deep: bool
    layer: str | None  # the back view's muscle layer: "surface" or "deep"
    bbox: BBox | None  # bbox, area and centroid are None when the drawing is read without geometry
    area: float | None
    centroid: tuple[float, float] | None
    tap: tuple[float, float] | None
    fit: float | None
    outline: tuple = ()  # the closed outlines of its shape (point arrays), when measured

    @property
    def size(self) -> tuple[float, float]:
        if self.bbox is None:
            raise ValueError(f"{self.element_id} was read without geometry; it has no size")
        return (self.bbox[2] - self.bbox[0], self.bbox[3] - self.bbox[1])


@dataclass(frozen=True)
class Mark:
    """One trigger-point mark."""

    point_id: str
    side: str
    view: str
    element_id: str
    line: int
    tap: tuple[float, float] | None


@dataclass(frozen=True)
class Drawing:
    file: str
    viewbox: tuple[float, float, float, float]
    views: tuple[str, ...]
    tappables: tuple[Tappable, ...]
    marks: tuple[Mark, ...]
    silhouettes: Mapping[str, list] = field(default_factory=dict)  # view -> outlines of the figure, when measured

    def ids(self, kind: str) -> frozenset[str]:
        """Every muscle (region, nerve) id drawn in any view."""
        return frozenset(t.item_id for t in self.tappables if t.kind == kind)

    def shapes_of(self, kind: str, item_id: str, side: str | None = None) -> tuple[Tappable, ...]:
        return tuple(t for t in self.tappables if t.kind == kind and t.item_id == item_id
                     and (side is None or t.side == side))

    def shape(self, view: str, kind: str, item_id: str, side: str) -> Tappable | None:
        return next((t for t in self.tappables if (t.view, t.kind, t.item_id, t.side) == (view, kind, item_id, side)),
                    None)


@dataclass
class _Element:
    attrs: dict[str, str]
    line: int
    view: str | None
    layer: str | None
    draws: bool = False  # it is, or holds, an element that draws something


def read_drawing(path: str | Path, geometry: bool = True) -> Drawing:
    """Read the drawing and check its own contract; raise ``DataError`` on any problem.

    ``geometry=False`` skips measuring the shapes (``bbox``, ``area`` and ``centroid`` are
    None) and finds an empty group from the markup alone. That is all the app needs at
    start-up, where measuring every outline took longer than the rest of start-up together.
    """
    path = Path(path)
    name = display_path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(name, None, None, None, "the drawing is missing")]) from None
    except OSError as error:
        raise DataError([Problem(name, None, None, None, f"the drawing cannot be read ({error.strerror})")]) from None

    elements, root = _scan(raw, name)
    problems: list[Problem] = []
    _check_root(root, name, problems)
    _check_structure(elements, name, problems)
    if problems:
        raise DataError(problems)

    outlines = _geometry(path) if geometry else None
    tappables = []
    for element in elements:
        kind = next((KINDS[a] for a in KINDS if a in element.attrs), None)
        if kind is None:
            continue
        element_id = element.attrs["id"]
        item_id = element.attrs[f"data-{kind}"]
        side = element.attrs.get("data-side", "")
        view = cast(str, element.view)  # checked above: every tagged element is inside a view
        polygons: list[np.ndarray]
        bbox: BBox | None
        if outlines is None:
            polygons, bbox = [], None
            draws = element.draws
        else:
            polygons, bbox = outlines.get((view, kind, item_id, side), ([], None))
            draws = bbox is not None
        if not draws:
            problems.append(Problem(name, element.line, f"data-{kind}", item_id,
                                    "the group draws nothing; expected at least one path or shape inside it"))
            continue
        area, centroid = _area_and_centroid(polygons) if polygons else (None, None)
        if not polygons and bbox is not None:  # a nerve: an open course, placed by its bounding box
            area, centroid = 0.0, ((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2)
        tappables.append(Tappable(
            kind, item_id, side, view, element_id, element.line,
            "deep" in element.attrs.get("class", "").split(), element.layer, bbox, area, centroid,
            _point(element, "data-tap", name, problems), _number(element, "data-fit", name, problems),
            tuple(polygons)))
    marks = tuple(Mark(e.attrs[TRIGGER_POINT], e.attrs.get("data-side", ""), cast(str, e.view), e.attrs["id"], e.line,
                       _point(e, "data-tap", name, problems)) for e in elements if TRIGGER_POINT in e.attrs)
    if problems:
        raise DataError(problems)
    views = tuple(dict.fromkeys(e.attrs["data-view"] for e in elements if "data-view" in e.attrs))
    silhouettes = {} if outlines is None else {view: outlines.get((view, "silhouette", "", ""), ([], None))[0]
                                               for view in views}
    return Drawing(name, root["viewbox"], views, tuple(tappables), marks, silhouettes)


def _regenerate(where: str) -> str:
    return f"draw it in the generator ({GENERATOR}/{where}) and run python -m tools.drawing"


def check_drawing(drawing: Drawing, referral_map: ReferralMap) -> list[Problem]:
    """Compare the drawing with the tables, both ways: every muscle, region, nerve and trigger
    point of the tables drawn, on both sides, and nothing drawn that the tables lack; deep
    muscles drawn as deep."""
    problems: list[Problem] = []
    tables = {"muscle": (referral_map.muscles, "muscles.csv", "muscles.py"),
              "region": (referral_map.regions, "regions.csv", "regions.py"),
              "nerve": (referral_map.nerves, "nerves.csv", "nerves.py")}
    for kind, (known, table, module) in tables.items():
        for shape in drawing.tappables:
            if shape.kind == kind and shape.item_id not in known:
                problems.append(Problem(drawing.file, shape.line, f"data-{kind}", shape.item_id,
                                        f"expected a {kind} id of the tables ({table})"))
        for item_id in sorted(known):
            drawn_sides = {t.side for t in drawing.shapes_of(kind, item_id)}
            if not drawn_sides:
                problems.append(Problem(drawing.file, None, f"data-{kind}", item_id,
                                        f"the {kind} is in {table} but drawn in no view; {_regenerate(module)}"))
            elif not {"left", "right"} <= drawn_sides and drawn_sides != {"midline"}:
                missing = " and ".join(sorted({"left", "right"} - drawn_sides))
                problems.append(
                    Problem(
                        drawing.file,
                        None,
                        f"data-{kind}",
                        item_id,
                        f"the {kind} is drawn on one side only (no {missing} copy); {_regenerate(module)}",
                    )
                )
    for shape in drawing.tappables:
        if shape.kind == "muscle" and shape.item_id in referral_map.muscles:
            deep = referral_map.muscles[shape.item_id].depth == "deep"
            if shape.deep != deep:
                problems.append(Problem(drawing.file, shape.line, "class", shape.element_id,
                                        f"muscles.csv gives {shape.item_id} as {referral_map.muscles[shape.item_id].depth}; "
                                        f"expected the group {'with' if deep else 'without'} the class deep "
                                        f"({GENERATOR}/muscles.py)"))
    for mark in drawing.marks:
        if mark.point_id not in referral_map.trigger_points:
            problems.append(Problem(drawing.file, mark.line, TRIGGER_POINT, mark.point_id,
                                    "expected a trigger_point_id of the tables (trigger_points.csv)"))
    marked = {m.point_id for m in drawing.marks}
    for point_id in sorted(set(referral_map.trigger_points) - marked):
        problems.append(Problem(drawing.file, None, TRIGGER_POINT, point_id,
                                f"the trigger point is in trigger_points.csv but marked in no view; "
                                f"place it in the generator ({GENERATOR}/muscles.py) and run python -m tools.drawing"))
    return problems


def _scan(raw: bytes, name: str) -> tuple[list[_Element], dict]:
    """Every element with its attributes, line and enclosing view, via the XML parser."""
    parser = xml.parsers.expat.ParserCreate()
    elements: list[_Element] = []
    stack: list[_Element] = []
    root: dict = {}

    def start(tag: str, attrs: dict[str, str]) -> None:
        view = attrs.get("data-view") or (stack[-1].view if stack else None)
        layer = attrs.get("data-layer") or (stack[-1].layer if stack else None)
        if not stack:
            root.update(tag=tag, attrs=attrs, line=parser.CurrentLineNumber)
        element = _Element(attrs, parser.CurrentLineNumber, view, layer)
        if tag in DRAWN_TAGS:
            for holder in (*stack, element):
                holder.draws = True
        elements.append(element)
        stack.append(element)

    def end(tag: str) -> None:
        stack.pop()

    def no_entities(*_args) -> None:
        raise ValueError("entity declarations are not allowed in the drawing")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.EntityDeclHandler = no_entities
    try:
        parser.Parse(raw, True)
    except (xml.parsers.expat.ExpatError, ValueError) as error:
        line = getattr(error, "lineno", parser.CurrentLineNumber)
        raise DataError([Problem(name, line, None, None, f"is not well-formed SVG ({error})")]) from None
    return elements, root


def _check_root(root: dict, name: str, problems: list[Problem]) -> None:
    # _scan has filled in the root: a document without a root element is not well-formed XML
    attrs = root["attrs"]
    if root["tag"] != "svg":
        problems.append(Problem(name, root["line"], None, root["tag"], "expected an <svg> root element"))
        return
    try:
        viewbox = tuple(float(v) for v in attrs.get("viewBox", "").replace(",", " ").split())
    except ValueError:
        viewbox = ()
    if len(viewbox) != 4 or viewbox[2] <= 0 or viewbox[3] <= 0:
        problems.append(Problem(name, root["line"], "viewBox", attrs.get("viewBox", ""), "expected four numbers, x y width height"))
    else:
        root["viewbox"] = viewbox
    for attribute in ("width", "height"):
        if attribute in attrs:
            problems.append(Problem(name, root["line"], attribute, attrs[attribute],
                                    "expected no width or height: the drawing scales to its container"))


def _check_structure(elements: list[_Element], name: str, problems: list[Problem]) -> None:
    seen_ids: dict[str, int] = {}
    seen_items: dict[tuple, int] = {}
    views = []
    for element in elements:
        element_id = element.attrs.get("id")
        if element_id is not None:
            if element_id in seen_ids:
                problems.append(Problem(name, element.line, "id", element_id,
                                        f"the id is already used on line {seen_ids[element_id]}; expected unique ids"))
            seen_ids.setdefault(element_id, element.line)
        if "data-view" in element.attrs:
            views.append(element.attrs["data-view"])
            if element.attrs["data-view"] not in VIEWS:
                problems.append(Problem(name, element.line, "data-view", element.attrs["data-view"],
                                        "expected " + ", ".join(VIEWS)))
        tagged = [a for a in (*KINDS, TRIGGER_POINT) if a in element.attrs]
        if len(tagged) > 1:
            problems.append(Problem(name, element.line, tagged[1], element.attrs[tagged[1]],
                                    f"an element carries one of data-muscle, data-region, data-trigger-point; "
                                    f"this one also has {tagged[0]}"))
        for attribute in tagged:
            value = element.attrs[attribute]
            if not is_id(value):
                problems.append(Problem(name, element.line, attribute, value, "expected a snake_case id"))
            if element.view is None:
                problems.append(Problem(name, element.line, attribute, value,
                                        "the element is outside every view; expected it inside a <g data-view>"))
            if element_id is None:
                problems.append(Problem(name, element.line, attribute, value, "expected an id attribute on this element"))
            side = element.attrs.get("data-side")
            if side not in SIDES:
                problems.append(Problem(name, element.line, "data-side", side or "",
                                        "expected data-side=\"right\", \"left\" or \"midline\" (the patient's side)"))
            item = (element.view, attribute, value, side)
            if item in seen_items:
                problems.append(Problem(name, element.line, attribute, value,
                                        f"already drawn on the {side} side of the {element.view} view on line "
                                        f"{seen_items[item]}; expected one group per view and side (put every part inside it)"))
            seen_items.setdefault(item, element.line)
    for view in VIEWS:
        if view not in views:
            problems.append(Problem(name, None, "data-view", None, f"the {view} view is missing; expected <g data-view=\"{view}\">"))


def _point(element: _Element, attribute: str, name: str, problems: list[Problem]) -> tuple[float, float] | None:
    text = element.attrs.get(attribute)
    if text is None:
        return None
    try:
        x, y = (float(v) for v in text.replace(",", " ").split())
    except ValueError:
        problems.append(Problem(name, element.line, attribute, text, "expected two numbers, x y"))
        return None
    return (x, y)


def _number(element: _Element, attribute: str, name: str, problems: list[Problem]) -> float | None:
    text = element.attrs.get(attribute)
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        problems.append(Problem(name, element.line, attribute, text, "expected a number"))
        return None


def _geometry(path: Path) -> dict[tuple[str, str, str, str], tuple[list[np.ndarray], BBox | None]]:
    """Outlines and bounding box of every tappable group, keyed by (view, kind, id, side).

    svgelements passes a group's attributes down to the shapes inside it, so each shape knows
    its view, side and the muscle, region or nerve it belongs to. Only paths of class ``shape``
    outline an area; fibre lines and a nerve's course are open strokes (they count for the
    bounding box).
    """
    import numpy as np
    from svgelements import SVG, Shape  # imported here: slow to import, and only needed for geometry

    found: dict[tuple[str, str, str, str], tuple[list[np.ndarray], BBox | None]] = {}
    document = SVG.parse(str(path))
    # With no width or height, svgelements maps the viewBox onto the origin without scaling;
    # add the viewBox's origin back so that geometry is in the drawing's own units.
    origin = np.array([document.viewbox.x, document.viewbox.y]) if document.viewbox else np.zeros(2)
    for shape in document.elements():
        if not isinstance(shape, Shape):
            continue
        attribute = next((a for a in KINDS if a in shape.values), None)
        box = shape.bbox()
        classes = shape.values.get("attributes", {}).get("class", "").split()
        if attribute is None and "silhouette" in classes and box is not None:
            key = (shape.values.get("data-view"), "silhouette", "", "")
            outlines, _ = found.get(key, ([], None))
            found[key] = (outlines + [points + origin for points in _polygons(shape)], None)
            continue
        if attribute is None or box is None:
            continue
        box = tuple(float(value + origin[i % 2]) for i, value in enumerate(box))
        key = (shape.values.get("data-view"), KINDS[attribute], shape.values[attribute], shape.values.get("data-side", ""))
        outlines, bbox = found.get(key, ([], None))
        if OUTLINE in classes:
            outlines = outlines + [points + origin for points in _polygons(shape)]
        found[key] = (outlines, box if bbox is None else _union(bbox, box))
    return found


def _union(a: BBox, b: BBox) -> BBox:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _polygons(shape: Shape) -> list[np.ndarray]:
    """The closed outlines of a shape, sampled to points."""
    import numpy as np
    from svgelements import Path as SvgPath

    outlines = []
    for subpath in SvgPath(shape).as_subpaths():
        points: list[np.ndarray] = []
        for segment in subpath:
            if type(segment).__name__ in ("Move", "Close"):
                continue
            steps = 2 if type(segment).__name__ == "Line" else SAMPLES_PER_CURVE
            sampled = np.asarray(segment.npoint(np.linspace(0, 1, steps)), dtype=float)
            points.extend(sampled[1:] if points else sampled)
        if len(points) >= 3:
            outlines.append(np.asarray(points))
    return outlines


def _area_and_centroid(polygons: Iterable[np.ndarray]) -> tuple[float, tuple[float, float]]:
    """Area and centroid by the shoelace formula; holes count negatively when wound the other way."""
    import numpy as np

    total = 0.0
    moment = np.zeros(2)
    for points in polygons:
        x, y = points[:, 0], points[:, 1]
        xn, yn = np.roll(x, -1), np.roll(y, -1)
        cross = x * yn - xn * y
        area = cross.sum() / 2
        if area == 0:
            continue
        total += area
        moment += np.array([((x + xn) * cross).sum(), ((y + yn) * cross).sum()]) / 6
    if total == 0:
        return 0.0, (0.0, 0.0)
    return abs(total), (float(moment[0] / total), float(moment[1] / total))
