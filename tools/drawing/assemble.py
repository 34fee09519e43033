"""Assembling the views from the canvases and the declarations.

Each view is built from its canvas (``figure.py``), the region claims of that view
(``regions.py``), every muscle that declares a shape for it (``muscles.py``) and every nerve that
declares a course in it (``nerves.py``). Paired structures are built on one side and mirrored;
every tappable piece knows the patient's side it is on. The left side view is the right side
view mirrored. Last, every piece gets its tap point and its fit: the most central point of the
part of it no later sibling covers, and the diameter of the largest disc that fits there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import polylabel

from tools.drawing import figure, regions
from tools.drawing.canvas import CELL_W, LEFT, OTHER_SIDE, RIGHT, Canvas
from tools.drawing.geometry import GRID, inter, lines_of, minus, mirror, mirror_pts, polygons, union
from tools.drawing.muscles import DEEP, MUSCLES, SURFACE
from tools.drawing.nerves import NERVES
from tools.drawing.tiling import SKIN, tile

MIN_FIT = 3.0  # every target must hold a disc this wide (drawing units) that nothing covers
NERVE_WIDTH = 3.2  # the drawn width of a nerve's course


@dataclass
class Piece:
    """One tappable group: a region, a muscle, a nerve or a trigger point, in one view, on
    one side of the body."""

    kind: str  # "region", "muscle", "nerve", "trigger-point"
    ident: str
    side: str
    shape: object  # shapely geometry of what is drawn (a nerve's or a mark's is its stroke)
    lines: list = field(default_factory=list)  # fibres of a muscle, the course of a nerve
    deep: bool = False
    muscle: str | None = None  # the muscle a trigger point belongs to
    at: tuple | None = None  # a trigger point's centre
    tap: tuple | None = None
    fit: float = 0.0

    def mirrored(self, cx: float) -> Piece:
        return Piece(self.kind, self.ident, OTHER_SIDE.get(self.side, self.side),
                     shapely.set_precision(mirror(self.shape, cx), GRID),
                     [mirror_pts(p, cx) for p in self.lines], self.deep, self.muscle,
                     (2 * cx - self.at[0], self.at[1]) if self.at else None)


@dataclass
class View:
    """Everything drawn in one view group of the SVG."""

    name: str  # data-view: front, side-right, side-left, back
    label: str
    x0: float
    strokes: list
    silhouettes: list  # the figure (and the mouth inset): its regions and its plain skin
    regions: list
    layers: dict  # muscle layer name ("" for views with one layer) -> pieces, in drawing order
    nerves: list
    marks: list
    side_labels: list = field(default_factory=list)  # (text, x, patient side)


def clean_muscle(shape, fibres, within=None):
    """A muscle's shape (optionally clipped, crumbs of the clipping dropped) and its fibres
    clipped inside it."""
    if within is not None:
        shape = inter(shape, within)
    shape = union(*[p for p in polygons(shape) if p.area >= 40])
    shape = shapely.set_precision(shape.simplify(0.1), GRID)
    inner = shapely.make_valid(shape.buffer(-0.9))
    kept = []
    for f in fibres:
        for coords in lines_of(LineString(f).intersection(inner)):
            if LineString(coords).length > 4:
                kept.append(np.asarray(LineString(coords).simplify(0.15).coords))
    return shape, kept


def paired(piece: Piece, canvas: Canvas) -> list[Piece]:
    """A piece declared on one side, and its mirror image on the other (right side first)."""
    if not canvas.paired:
        return [piece]
    pair = [piece, piece.mirrored(canvas.cx)]
    return sorted(pair, key=lambda p: p.side != RIGHT)


def region_pieces(canvas: Canvas, claims) -> tuple[list[Piece], object]:
    """Tile the canvas (one half of it, if paired) and return its regions and plain skin."""
    silhouette = canvas.silhouette
    if canvas.paired:
        silhouette = inter(silhouette, box(canvas.cx, -1000, canvas.cx + 1000, 2000))
    tiles = tile(silhouette, claims)
    skin = tiles.pop(SKIN, Polygon())
    pieces = []
    for rid, shape in tiles.items():
        pieces += paired(Piece("region", rid, canvas.declared_side, shape), canvas)
    if canvas.paired:
        skin = union(skin, mirror(skin, canvas.cx))
    return pieces, skin


def muscle_layers(canvas: Canvas) -> dict:
    layers: dict[str, list[Piece]] = {}
    for m in MUSCLES:
        make = m.views.get(canvas.name)
        if make is None:
            continue
        drawn = make(canvas)
        shape, fibres = clean_muscle(drawn.shape, drawn.fibres, drawn.within)
        layer = m.back_layer if canvas.name == "back" else ""
        layers.setdefault(layer, []).extend(
            paired(Piece("muscle", m.ident, canvas.declared_side, shape, fibres, m.deep), canvas))
    if canvas.name == "back":
        return {SURFACE: layers.get(SURFACE, []), DEEP: layers.get(DEEP, [])}
    return layers


def nerve_pieces(canvas: Canvas) -> list[Piece]:
    out = []
    for n in NERVES:
        make = n.views.get(canvas.name)
        if make is None:
            continue
        courses = [np.asarray(p, dtype=float) for p in make(canvas)]
        shape = union(*[LineString(p).buffer(NERVE_WIDTH / 2, cap_style="round") for p in courses])
        out += paired(Piece("nerve", n.ident, canvas.declared_side, shape, courses, n.deep), canvas)
    return out


MARK_R = 6.5  # the radius of a trigger point's badge


def mark_pieces(canvas: Canvas) -> list[Piece]:
    out = []
    for m in MUSCLES:
        for point_id, places in m.points.items():
            at = places.get(canvas.name)
            if at is None:
                continue
            x, y = (canvas.cx + at[0], at[1]) if canvas.paired else at
            badge = Point(x, y).buffer(MARK_R, quad_segs=8)
            out += paired(Piece("trigger-point", point_id, canvas.declared_side, badge,
                                muscle=m.ident, at=(x, y)), canvas)
    return out


def place_taps(pieces: list[Piece]) -> None:
    """Each piece's tap point and fit: the most central point of the part of its shape that
    no later sibling (drawn on top) covers. Fails loudly if some piece could never be tapped."""
    for i, piece in enumerate(pieces):
        later = [p.shape for p in pieces[i + 1:]]
        free = minus(piece.shape, union(*later)) if later else piece.shape
        best = None
        for part in polygons(free):
            p = polylabel(part, tolerance=0.1)
            room = min([part.exterior.distance(p)] + [h.distance(p) for h in part.interiors])
            if best is None or room > best[0] + 1e-6:
                best = (room, (round(p.x, 1), round(p.y, 1)))
        assert best is not None and 2 * best[0] >= MIN_FIT, f"{piece.kind} {piece.ident} ({piece.side}) cannot be tapped"
        piece.tap, piece.fit = best[1], round(2 * best[0], 1)


def build_canvas(canvas: Canvas, claims):
    regions_, skin = region_pieces(canvas, claims)
    return regions_, skin, muscle_layers(canvas), nerve_pieces(canvas), mark_pieces(canvas)


def skin_of(skin, pieces):
    """The figure as drawn: its regions and the plain skin between them, whose shared edges
    were simplified together, so the regions fit it exactly."""
    return union(skin, *[p.shape for p in pieces])


def build_views() -> list[View]:
    """Every view group of the drawing, with tap points placed."""
    front = figure.front_canvas()
    mouth = figure.mouth_canvas()
    side = figure.side_canvas()
    back = figure.back_canvas()

    f_regions, f_skin, f_layers, f_nerves, f_marks = build_canvas(
        front, regions.front(front, front.shapes["head"], front.shapes["ears"]))
    m_regions, m_skin, _, _, _ = build_canvas(mouth, regions.mouth(mouth))
    views = [View("front", "Front", front.x0, front.strokes + mouth.strokes,
                  [skin_of(f_skin, f_regions), skin_of(m_skin, m_regions)], f_regions + m_regions, f_layers, f_nerves,
                  f_marks, [("R", front.x0 + 34, RIGHT), ("L", front.x0 + CELL_W - 34, LEFT)])]
    s_regions, s_skin, s_layers, s_nerves, s_marks = build_canvas(side, regions.side(side))
    right = View("side-right", "Right side", side.x0, side.strokes, [skin_of(s_skin, s_regions)],
                 s_regions, s_layers, s_nerves, s_marks)
    views.append(right)
    b_regions, b_skin, b_layers, b_nerves, b_marks = build_canvas(back, regions.back(back))
    views.append(View("back", "Back", back.x0, back.strokes, [skin_of(b_skin, b_regions)], b_regions,
                      b_layers, b_nerves, b_marks,
                      [("L", back.x0 + 34, LEFT), ("R", back.x0 + CELL_W - 34, RIGHT)]))
    for view in views:
        for layer in [view.regions, *view.layers.values(), view.nerves, view.marks]:
            place_taps(layer)
    views.insert(2, mirrored_side(right, side.cx))
    return views


def mirrored_side(view: View, cx: float) -> View:
    """The left side view: the right side view's mirror image, every piece on the left."""
    def flip(pieces):
        out = []
        for p in pieces:
            q = p.mirrored(cx)
            q.side = LEFT
            q.tap, q.fit = (round(2 * cx - p.tap[0], 1), p.tap[1]), p.fit
            out.append(q)
        return out

    return View("side-left", "Left side", view.x0, [s.mirrored(cx) for s in view.strokes],
                [mirror(s, cx) for s in view.silhouettes],
                flip(view.regions), {k: flip(v) for k, v in view.layers.items()},
                flip(view.nerves), flip(view.marks))
