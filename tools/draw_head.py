#!/usr/bin/env python3
"""Draw the head-and-neck diagram ``assets/head_regions.svg``.

Run ``python tools/draw_head.py`` (from any directory) to regenerate the drawing. The output is
deterministic: the same script always writes the same bytes, and the unit tests check that the
committed SVG matches.

How the script is organised
---------------------------
1. **Geometry** – smooth curves through landmark points (cubic Béziers with chord-length
   Catmull-Rom tangents), bands of varying width along a centre line, fans, mirroring.
2. **Views** – ``front_view``, ``side_view`` and ``back_view``. Each one writes the landmarks
   of that view as coordinates derived from the proportions below, then builds, in order:
   the outline (line art), the regions (simple shapes clipped against the silhouette and
   carved so that they tile the head, the neck and a few zones of the torso; the rest of the
   torso is plain skin), the muscles (shape + fibre lines) and the trigger points.
3. **Tap targets** – hit circles for shapes smaller than a finger, placed where they cover
   their neighbours least, and a tap point for every group that lands on that group.
4. **SVG writer** – plain ``<path>`` elements with coordinates rounded to 0.1, colours in one
   scoped ``<style>`` element.

All three views share one scale and one set of heights (vertex, brow, nose base, chin...), so
a landmark sits at the same height in every view.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.ops import polylabel

OUTPUT = Path(__file__).resolve().parent.parent / "assets" / "head_regions.svg"

# ---------------------------------------------------------------------------------------------
# Proportions (see the module docstring): one head is 180 units wide at the cheekbones and
# 1.45 times that high. The face below the hairline splits into equal thirds; the hairline sits
# half a third below the vertex; the eyes are on the head's horizontal midline.
# ---------------------------------------------------------------------------------------------
HEAD_W = 180.0
HEAD_H = 1.45 * HEAD_W  # 261
VERTEX_Y = 46.0
CHIN_Y = VERTEX_Y + HEAD_H  # 307
THIRD = HEAD_H / 3.5
HAIRLINE_Y = VERTEX_Y + THIRD / 2  # 83.3
BROW_Y = HAIRLINE_Y + THIRD  # 157.9
NOSE_Y = BROW_Y + THIRD  # 232.4
EYE_Y = VERTEX_Y + HEAD_H / 2  # 176.5
LIPS_Y = NOSE_Y + THIRD / 3  # 257.3
EAR_TOP_Y = BROW_Y  # the ears run from brow level down to nose-base level
CROP_Y = 505.0  # the bust is cut here
LABEL_Y = 520.0  # the view labels, below the crop and inside the frame

# The frame (the root viewBox): x 0-1200, y FRAME_TOP to FRAME_TOP + FRAME_H. It hugs the
# content (vertex at 46, crop at 505, labels at 520) so the figure is drawn as large as the
# page allows; each view is a CELL_W-wide cell of the full frame height.
FRAME_TOP, FRAME_H = 36.0, 490.0
FRAME_BOTTOM = FRAME_TOP + FRAME_H  # 526
CELL_W = 400.0
GRID = 0.1  # every coordinate in the output lies on this grid
STEP = 1.0  # sampling step along curves, in drawing units
# A fingertip: 44 CSS px is 53 units where the 1200-unit drawing is shown 1000 px wide. The
# app's tablet layout shows it about 900 px wide, so targets are made 60 units across.
MIN_TARGET = 60.0
HIT_R = 30.0  # radius of a hit circle
HIT_MARGIN = 10.0  # a hit circle keeps its piece's visual centre at least this far inside
MIN_PIECE = 25.0  # region pieces smaller than this (units²) join a neighbour


# =============================================================================================
# 1. Geometry
# =============================================================================================
class Curve:
    """A chain of cubic Bézier segments, stored as an (n, 4, 2) array of control points."""

    def __init__(self, segments):
        self.segs = np.asarray(segments, dtype=float).reshape(-1, 4, 2)

    def __add__(self, other: Curve) -> Curve:
        """Join two curves; a straight segment bridges any gap between them."""
        parts = [self.segs]
        if np.linalg.norm(self.segs[-1, 3] - other.segs[0, 0]) > 1e-6:
            parts.append(straight([self.segs[-1, 3], other.segs[0, 0]]).segs)
        parts.append(other.segs)
        return Curve(np.concatenate(parts))

    def points(self, step: float = STEP) -> np.ndarray:
        """Sample the curve every ``step`` units (roughly), keeping every landmark."""
        out = [self.segs[0, 0]]
        for p0, p1, p2, p3 in self.segs:
            n = max(2, int(math.ceil((np.linalg.norm(p1 - p0) + np.linalg.norm(p2 - p1)
                                      + np.linalg.norm(p3 - p2)) / step)))
            t = np.linspace(0, 1, n + 1)[1:, None]
            out.extend((1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1
                       + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3)
        return np.array(out)

    def d(self, closed: bool = False) -> str:
        """SVG path data: ``L`` for straight segments, ``C`` for curved ones."""
        parts = [f"M{fmt_pt(self.segs[0, 0])}"]
        for p0, p1, p2, p3 in self.segs:
            if np.allclose(p1, p0 + (p3 - p0) / 3) and np.allclose(p2, p0 + 2 * (p3 - p0) / 3):
                parts.append(f"L{fmt_pt(p3)}")
            else:
                parts.append(f"C{fmt_pt(p1)} {fmt_pt(p2)} {fmt_pt(p3)}")
        return "".join(parts) + ("Z" if closed else "")


def smooth(points, closed: bool = False) -> Curve:
    """A smooth curve through ``points``.

    Tangents are Catmull-Rom finite differences in chord length, so unevenly spaced landmarks
    neither overshoot nor kink; each span becomes one cubic Bézier.
    """
    p = np.asarray(points, dtype=float)
    if closed:
        p = np.vstack([p[-1:], p, p[:2]])
    else:
        p = np.vstack([2 * p[0] - p[1], p, 2 * p[-1] - p[-2]])
    chord = np.linalg.norm(np.diff(p, axis=0), axis=1)
    chord[chord == 0] = 1e-9
    tangent = (p[2:] - p[:-2]) / (chord[:-1] + chord[1:])[:, None]
    segs = []
    for i in range(1, len(p) - 2):
        h = chord[i] / 3
        segs.append([p[i], p[i] + tangent[i - 1] * h, p[i + 1] - tangent[i] * h, p[i + 1]])
    return Curve(segs)


def straight(points) -> Curve:
    """Straight segments through ``points``."""
    p = np.asarray(points, dtype=float)
    return Curve([[a, a + (b - a) / 3, a + 2 * (b - a) / 3, b] for a, b in zip(p[:-1], p[1:])])


def area(curve: Curve) -> Polygon:
    """The polygon enclosed by a closed curve."""
    return shapely.make_valid(Polygon(curve.points())).buffer(0)


def blob(points) -> Polygon:
    """The polygon enclosed by a smooth closed curve through ``points``."""
    return area(smooth(points, closed=True))


def ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0) -> Polygon:
    """An ellipse, optionally rotated by ``angle`` degrees."""
    t = np.linspace(0, 2 * np.pi, 121)[:-1]
    e = Polygon(np.c_[cx + rx * np.cos(t), cy + ry * np.sin(t)])
    return affinity.rotate(e, angle, origin=(cx, cy)) if angle else e


def resample(points: np.ndarray, n: int) -> np.ndarray:
    """``n`` points evenly spaced by arc length along a polyline."""
    seg = np.linalg.norm(np.diff(points, axis=0), axis=1)
    s = np.r_[0, np.cumsum(seg)]
    targets = np.linspace(0, s[-1], n)
    return np.c_[np.interp(targets, s, points[:, 0]), np.interp(targets, s, points[:, 1])]


def band(spine, widths) -> tuple[Polygon, np.ndarray, np.ndarray]:
    """A strap of varying width along a smooth centre line.

    ``widths`` gives the full width at each spine landmark (linear in between). Returns the
    polygon and its two edges (sampled about every unit), so fibres can be laid between them.
    """
    curve = smooth(spine)
    pts, wid = [], []
    for i, seg in enumerate(curve.segs):
        sub = Curve([seg]).points()
        t = np.linspace(0, 1, len(sub))
        if i:
            sub, t = sub[1:], t[1:]
        pts.append(sub)
        wid.append(widths[i] + (widths[i + 1] - widths[i]) * t)
    pts, wid = np.vstack(pts), np.concatenate(wid)
    tangent = np.gradient(pts, axis=0)
    tangent /= np.linalg.norm(tangent, axis=1)[:, None]
    normal = np.c_[-tangent[:, 1], tangent[:, 0]]
    left = pts + normal * wid[:, None] / 2
    right = pts - normal * wid[:, None] / 2
    poly = shapely.make_valid(Polygon(np.vstack([left, right[::-1]]))).buffer(0)
    return poly, left, right


def band_fibres(left: np.ndarray, right: np.ndarray, n: int) -> list[np.ndarray]:
    """``n`` fibre lines running along a band, spread evenly across its width."""
    return [left + (right - left) * (i + 1) / (n + 1) for i in range(n)]


def fan_fibres(origin: np.ndarray, insertion: np.ndarray, n: int, bend=(0.0, 0.0)) -> list:
    """``n`` fibres from points spread along ``origin`` to points spread along ``insertion``.

    ``bend`` moves the middle control point of each fibre (as a quadratic curve) by a fraction
    of the fibre's horizontal and vertical extent, so fibres can sweep rather than run straight.
    """
    a, b = resample(origin, n), resample(insertion, n)
    out = []
    for p, q in zip(a, b):
        mid = (p + q) / 2 + np.array(bend) * np.abs(q - p)
        out.append(Curve([[p, p + 2 * (mid - p) / 3, q + 2 * (mid - q) / 3, q]]).points())
    return out


def mirror(geom, cx: float):
    """Reflect a shapely geometry about the vertical line x = cx."""
    return affinity.scale(geom, xfact=-1, yfact=1, origin=(cx, 0))


def mirror_pts(points, cx: float) -> np.ndarray:
    """Reflect points about the vertical line x = cx."""
    p = np.array(points, dtype=float)
    p[..., 0] = 2 * cx - p[..., 0]
    return p


def beyond(points, side: str, far: float = 2000.0) -> Polygon:
    """The half-plane on one side ("above", "below", "left", "right") of an open line.

    The line is drawn smoothly through the points, and its ends are extended far out
    horizontally (for above/below) or vertically (for left/right) so the result can cut any
    shape that the line crosses.
    """
    p = smooth(points).points()
    axis = 0 if side in ("above", "below") else 1
    if p[0, axis] > p[-1, axis]:
        p = p[::-1]
    if side in ("above", "below"):
        y_far = -far if side == "above" else far
        ring = [(-far, p[0, 1]), *p, (far, p[-1, 1]), (far, y_far), (-far, y_far)]
    else:
        x_far = -far if side == "left" else far
        ring = [(p[0, 0], -far), *p, (p[-1, 0], far), (x_far, far), (x_far, -far)]
    return shapely.make_valid(Polygon(ring)).buffer(0)


def polygons(geom) -> list[Polygon]:
    """The polygons of any geometry, largest first (ties broken by position)."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        parts = [geom]
    elif hasattr(geom, "geoms"):
        parts = [g for sub in geom.geoms for g in polygons(sub)]
    else:
        parts = []
    return sorted(parts, key=lambda g: (-round(g.area, 1), round(g.centroid.x, 1)))


def lines_of(geom) -> list[np.ndarray]:
    """The coordinate arrays of every line in a (multi)line geometry."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, LineString):
        return [np.asarray(geom.coords)]
    if hasattr(geom, "geoms"):
        return [c for g in geom.geoms for c in lines_of(g)]
    return []


def areal(geom):
    """Only the polygons of a geometry (overlays on a grid can leave stray lines and points)."""
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    parts = polygons(geom)
    if not parts:
        return Polygon()
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def inter(*geoms):
    """Intersection of several shapes, snapped to the output grid."""
    out = areal(geoms[0])
    for g in geoms[1:]:
        out = areal(shapely.intersection(out, areal(g), grid_size=GRID))
    return out


def minus(geom, *others):
    """``geom`` without the others, snapped to the output grid."""
    geom = areal(geom)
    for g in others:
        geom = areal(shapely.difference(geom, areal(g), grid_size=GRID))
    return geom


def union(*geoms):
    """Union of shapes, snapped to the output grid."""
    return areal(shapely.union_all([areal(g) for g in geoms if g is not None], grid_size=GRID))


def rounded(geom, r: float = 1.5):
    """Round off the convex corners of a shape (anatomical shapes have no sharp corners)."""
    return geom.buffer(-r, quad_segs=8).buffer(r, quad_segs=8)


# =============================================================================================
# 2. Views
# =============================================================================================
@dataclass
class Item:
    """One tappable group: a region or a muscle in one view."""

    ident: str
    shape: object  # shapely (Multi)Polygon
    fibres: list = field(default_factory=list)
    deep: bool = False
    hits: list = field(default_factory=list)  # (cx, cy, r) circles
    tap: tuple | None = None
    tap_room: float = 0.0  # radius of the free disc around the tap point


@dataclass
class View:
    """Everything drawn in one view cell."""

    name: str
    label: str
    x0: float
    silhouette: object  # the figure's outline cut by the bust crop
    skin: object = None  # the part of the silhouette that is no region (most of the torso)
    outline: list = field(default_factory=list)  # (css class, path data)
    regions: list = field(default_factory=list)  # Items, in DOM order
    muscles: list = field(default_factory=list)  # Items, in DOM order
    marks: list = field(default_factory=list)  # (muscle id, x, y)

    def line(self, cls: str, d: str):
        """Add ready-made path data to the outline."""
        self.outline.append((cls, d))

    def draw(self, cls: str, curve: Curve, hidden=None, closed: bool = False):
        """Add a curve to the outline, leaving out what falls off the figure or behind
        ``hidden``. Curves that stay whole keep their Bézier form."""
        line = LineString(curve.points())
        keep = self.silhouette.buffer(0.5)
        if hidden is None and keep.contains(line):
            self.outline.append((cls, curve.d(closed)))
            return
        line = line.intersection(keep)
        if hidden is not None:
            line = line.difference(hidden)
        for d in visible_d(line):
            self.outline.append((cls, d))


def polyline_d(points) -> str:
    """SVG path data for a polyline: its start, then relative steps between grid points.

    Steps are taken between points already snapped to ``GRID``, so they add up exactly; written
    relative, the file is about a quarter smaller than with absolute coordinates.
    """
    grid = np.round(np.asarray(points, dtype=float) / GRID).astype(np.int64)
    steps = np.diff(grid, axis=0).ravel()
    return "M" + fmt_pt(grid[0] * GRID) + "l" + numbers(steps * GRID)


def numbers(values) -> str:
    """Numbers for path data, separated by a space unless a minus sign already separates them."""
    out = []
    for v in values:
        text = fmt(v)
        out.append(text if (not out or text.startswith("-")) else " " + text)
    return "".join(out)


def visible_d(curve_or_line, hidden=None, tolerance: float = 0.08) -> list[str]:
    """Path data for the parts of a line not hidden behind the ``hidden`` shape."""
    line = curve_or_line if isinstance(curve_or_line, LineString) else LineString(
        curve_or_line.points())
    if hidden is not None:
        line = line.difference(hidden)
    out = []
    for coords in lines_of(line):
        simple = LineString(coords).simplify(tolerance)
        if simple.length > 1.0:
            out.append(polyline_d(np.asarray(simple.coords)))
    return out


def bust_crop(x0: float, centre: float, sag: float = 16.0, reach: float = 200.0) -> Polygon:
    """The part of a cell the figure may fill: the bust is cut along a shallow curve, lowest
    (at ``CROP_Y``) under the middle of the figure and ``sag`` higher ``reach`` to each side."""
    xs = np.linspace(x0 + 1, x0 + CELL_W - 1, 81)
    ys = CROP_Y - sag * ((xs - centre) / reach) ** 2
    return Polygon([(x0 + 1, 0), (x0 + CELL_W - 1, 0), *zip(xs[::-1], ys[::-1])])


def contour_lines(view: View, crop: Polygon) -> None:
    """Stroke the silhouette's edge, leaving out the straight crop edges of the cell."""
    edge = view.silhouette.exterior
    cut = crop.exterior.buffer(0.6)
    for d in visible_d(edge, cut):
        view.line("contour", d)


#: The id of a claim that takes its area but makes no region: plain skin, not tappable.
SKIN = None


def tile(silhouette, claims) -> dict:
    """Carve the silhouette into regions.

    ``claims`` is a list of (region id, rough shape), most specific first: each region takes its
    rough shape minus what the regions before it took. A claim whose id is ``SKIN`` (None) takes
    its area like any other but is no region: it is the plain skin between the regions (most of
    the torso). Leftover scraps and crumbs go to the neighbour they share the longest edge with
    (the skin included), so the pieces, skin included, tile the silhouette exactly; the skin
    comes back under the key ``SKIN``.
    """
    taken, out = Polygon(), {}
    for rid, raw in claims:
        assert rid is SKIN or rid not in out, f"{rid} is claimed twice"
        got = minus(inter(raw, silhouette), taken)
        out[rid] = union(out[rid], got) if rid in out else got
        taken = union(taken, got)
    scraps = polygons(minus(silhouette, taken))
    for rid, got in out.items():
        main, rest = polygons(got)[:1], polygons(got)[1:]
        scraps += [p for p in rest if p.area < MIN_PIECE]
        out[rid] = union(*main, *[p for p in rest if p.area >= MIN_PIECE])
    for scrap in scraps:
        best, best_len = None, 0.0
        for rid, g in out.items():
            shared = scrap.boundary.intersection(g.buffer(0.05)).length
            if shared > best_len:
                best, best_len = rid, shared
        if best is not None:
            out[best] = union(out[best], scrap)
    ids = list(out)
    simple = shapely.coverage_simplify([out[r] for r in ids], 0.6)
    return {r: shapely.set_precision(g, GRID) for r, g in zip(ids, simple)}


def regions_from(view: View, claims, order) -> None:
    """Tile the view's silhouette with ``claims`` and add the regions in DOM ``order``; what
    the ``SKIN`` claims took becomes the view's plain skin."""
    tiles = tile(view.silhouette, claims)
    view.skin = tiles.pop(SKIN, Polygon())
    assert set(order) == set(tiles), set(order) ^ set(tiles)
    view.regions = [Item(rid, tiles[rid]) for rid in order if not tiles[rid].is_empty]


def muscle(ident: str, shape, fibres=(), deep: bool = False, within=None) -> Item:
    """A muscle group: its shape (optionally clipped) and its fibres clipped inside it."""
    if within is not None:
        shape = inter(shape, within)
    shape = union(*[p for p in polygons(shape) if p.area >= 40])  # drop crumbs of clipping
    shape = shapely.set_precision(shape.simplify(0.1), GRID)
    inner = shapely.make_valid(shape.buffer(-0.9))
    kept = []
    for f in fibres:
        for coords in lines_of(LineString(f).intersection(inner)):
            if LineString(coords).length > 4:
                kept.append(np.asarray(LineString(coords).simplify(0.15).coords))
    return Item(ident, shape, kept, deep)


def both(geom, cx: float):
    """A bilateral shape: ``geom`` drawn on the right of the midline, and its mirror image."""
    return union(geom, mirror(geom, cx))


def sides(cx: float):
    """The (points, geometry) transforms for the right of the midline and for its mirror."""
    return ((np.asarray, lambda g: g),
            (lambda p: mirror_pts(p, cx), lambda g: mirror(g, cx)))


def both_lines(lines, cx: float) -> list:
    """Fibre lines drawn on the right of the midline, and their mirror images."""
    return list(lines) + [mirror_pts(f, cx) for f in lines]


# ---------------------------------------------------------------------------------------------
# Front view
# ---------------------------------------------------------------------------------------------
def front_view() -> View:
    """The front view: face, neck, collarbones and the top of the shoulders."""
    cx = 200.0

    def at(*pts):
        """Right-of-midline landmarks given as (offset from the midline, height)."""
        return np.array([(cx + dx, y) for dx, y in pts], dtype=float)

    crop = bust_crop(0.0, cx)

    # --- landmarks ---------------------------------------------------------------------------
    # Half the head outline, vertex to chin: cranium widest just above the ears, cheekbones
    # 90 out below the eyes, the jaw's angle a little below the lips' line, then the chin.
    head_half = at((0, VERTEX_Y), (31, VERTEX_Y + 2.8), (57, 57), (76, 72), (88.5, 93),
                   (93.5, 118), (93.5, 144), (91, 166), (90.5, 186), (88.5, 204), (85, 222),
                   (80, 240), (75, 255), (70.5, 267), (61, 282), (46, 295.5), (27, 304),
                   (0, CHIN_Y))
    head = area(smooth(head_half) + smooth(mirror_pts(head_half[::-1], cx)))
    # The auricle sticks out behind the cheek from brow level to nose-base level.
    ear_pts = at((86, EAR_TOP_Y + 2), (93, EAR_TOP_Y - 1.5), (100, 161), (103.5, 172),
                 (104, 190), (101, 208), (97, 222), (92, 231.5), (86.5, 235), (82, 232),
                 (80, 200), (82, 170))
    ears = both(blob(ear_pts), cx)
    # The neck is two thirds of the head width; the trapezius then sweeps out to shoulders
    # that run out of the picture (shoulder width is about two head heights).
    neck_half = at((84, 226), (79, 244), (71.5, 262), (64.5, 284), (61, 305), (60.5, 321),
                   (63, 334), (72, 345), (90, 355), (118, 364), (152, 372), (184, 379),
                   (215, 385))
    neck = smooth(neck_half).points()
    torso = shapely.make_valid(Polygon(np.vstack([
        [(cx, 220)], neck, [(cx + 215, CROP_Y + 20), (cx - 215, CROP_Y + 20)],
        mirror_pts(neck[::-1], cx)]))).buffer(0)
    silhouette = inter(union(head, ears, torso), crop)
    view = View("front", "Front", 0.0, silhouette)

    # --- outline -----------------------------------------------------------------------------
    contour_lines(view, crop)
    for d in visible_d(LineString(head.exterior.coords), silhouette.exterior.buffer(0.6)):
        view.line("contour", d)  # the jaw over the neck, the face's edge over the ear roots
    helix = at((92, 160.5), (98.5, 166), (100.5, 180), (99.5, 198), (96.5, 212), (92.5, 224))
    antihelix = at((91.5, 174), (94.5, 186), (93.5, 201), (90.5, 212))
    for pts, _ in sides(cx):
        view.draw("detail", smooth(pts(helix)), hidden=head)
        view.draw("faint", smooth(pts(antihelix)), hidden=head)
    hairline = at((88, 158), (86, 134), (79.5, 113), (67, 97.5), (47, 88.5), (24, 84.4),
                  (0, HAIRLINE_Y))
    view.draw("detail", smooth(hairline) + smooth(mirror_pts(hairline[::-1], cx)))
    # Eyes: 36 wide (a fifth of the head), one eye width apart, on the midline of the head.
    upper_lid = at((18, 178), (26, 172.6), (37, 170.3), (47.5, 172), (54, 176.6))
    lower_lid = at((18, 178), (28, 181.6), (40, 182.4), (49, 180.6), (54, 176.6))
    lid_crease = at((21, 171), (30, 166.8), (40, 165.8), (50, 168.2), (55.5, 172.5))
    opening = area(smooth(upper_lid) + smooth(lower_lid[::-1]))
    iris = ellipse(cx + 36.5, EYE_Y, 6.2, 6.2)
    brow = blob(at((14, 162.5), (13.5, 157.5), (24, 151.4), (40, 147.8), (56, 150.3),
                   (68.5, 157.5), (56.5, 155.4), (40, 154.4), (24, 157.6)))
    for pts, geo in sides(cx):
        view.line("brow", polygon_d(geo(brow)))
        view.line("iris", polygon_d(inter(geo(iris), geo(opening))))
        view.draw("contour-thin", smooth(pts(upper_lid)))
        view.draw("detail", smooth(pts(lower_lid)))
        view.draw("faint", smooth(pts(lid_crease)))
    # Nose: the bridge as two soft lines, the wings and nostrils at the nose base.
    for pts, _ in sides(cx):
        view.draw("faint", smooth(pts(at((11, 166), (8.5, 184), (8.5, 204), (11.5, 214)))))
        view.draw("detail", smooth(pts(at((12, 213), (19, 219), (21.5, 226.5), (18.5, 231.5),
                                          (11, 231.5)))))
        view.draw("detail", smooth(pts(at((4.5, 230.6), (8, 229.2), (11.5, 231.2)))))
        view.draw("faint", smooth(pts(at((23.5, 222), (29.5, 234), (33, 246), (35, 253)))))
    view.draw("detail", smooth(at((-4.5, 232.6), (0, 233.6), (4.5, 232.6))))
    # Mouth: a third of the way from the nose base to the chin, corners below the irises.
    view.draw("contour-thin", smooth(at((-31, LIPS_Y), (-16, 256.2), (0, 257.8), (16, 256.2),
                                        (31, LIPS_Y))))
    view.draw("detail", smooth(at((-31, LIPS_Y), (-16, 250.6), (-5.5, 249), (0, 250.6),
                                  (5.5, 249), (16, 250.6), (31, LIPS_Y))))
    view.draw("detail", smooth(at((-26, 259.5), (-14, 266.6), (0, 268.6), (14, 266.6),
                                  (26, 259.5))))
    view.draw("faint", smooth(at((-11, 281), (0, 282.6), (11, 281))))
    # Neck and chest: thyroid cartilage, sternal notch and collarbones.
    view.draw("faint", smooth(at((-7, 331), (0, 340), (7, 331))))
    view.draw("detail", smooth(at((-13, 395.5), (-6, 400), (0, 401.2), (6, 400), (13, 395.5))))
    clavicle = at((11, 393.5), (22, 395.5), (45, 396.2), (80, 392.5), (120, 387.6),
                  (160, 385.2), (205, 386))
    clavicle_low = at((16, 401.5), (40, 403.2), (80, 399.8), (120, 394.8), (160, 392.4),
                      (205, 393))
    for pts, _ in sides(cx):
        view.draw("detail", smooth(pts(clavicle)))
        view.draw("faint", smooth(pts(clavicle_low)))

    # --- regions -----------------------------------------------------------------------------
    lips_line = at((-60, 257.5), (-31, LIPS_Y), (-16, 256.2), (0, 257.8), (16, 256.2),
                          (31, LIPS_Y), (60, 257.5))
    clav_line = at((-260, 388), (-160, 385.2), (-80, 392.5), (-40, 397), (-14, 397),
                          (0, 401.2), (14, 397), (40, 397), (80, 392.5), (160, 385.2),
                          (260, 388))
    hair_line = at((-130, 150), (-88, 158), (-86, 134), (-79.5, 113), (-67, 97.5),
                          (-47, 88.5), (-24, 84.4), (0, HAIRLINE_Y), (24, 84.4), (47, 88.5),
                          (67, 97.5), (79.5, 113), (86, 134), (88, 158), (130, 150))
    temporal_line = at((130, 90), (92, 98), (80, 110), (72, 128), (67.5, 150),
                              (67, 172), (69, 200))
    crown_line = at((62, 20), (55, 52), (47, 76), (44, 92))
    v_line = smooth(at((70, 262), (58, 292), (40, 324), (22, 362), (9, 397))).points()
    split = at((75, 290), (61.5, 322), (66, 342), (80, 366), (99, 392))
    # The teeth: two bands along the lips' line, as wide as the dental arch.
    upper_teeth = inter(blob(at((-37, 264), (-36.5, 249), (-27, 242), (0, 240), (27, 242),
                                (36.5, 249), (37, 264), (0, 266))),
                        beyond(lips_line, "above"))
    lower_teeth = inter(blob(at((-36, 250), (0, 248), (36, 250), (35.5, 263), (27, 271),
                                (0, 273.5), (-27, 271), (-35.5, 263))),
                        beyond(lips_line, "below"))
    shoulder = inter(beyond(clav_line, "above"), beyond(split, "right"))
    # Upper chest: the skin over the manubrium and the top of the sternum, from the sternal
    # notch and the clavicles' medial ends down to the crop. A shield about two fingers wider
    # than the sternum each side: 60 out at the clavicles, narrowing a little downward. The
    # rest of the chest is plain skin, no region.
    sternal_edge = at((60, 380), (60, 398), (57.5, 440), (53.5, 476), (49, 520))
    upper_chest = inter(beyond(sternal_edge, "left"),
                        beyond(mirror_pts(sternal_edge, cx), "right"), beyond(clav_line, "below"))
    claims = [
        ("retro_orbital", both(ellipse(cx + 36, 177, 22.5, 12.5), cx)),
        ("eyebrow", both(blob(at((12, 166), (11.5, 157), (24, 149.8), (40, 146), (56, 148.5),
                                 (71, 156), (57, 160), (40, 158.6), (24, 161.8))), cx)),
        ("nose_bridge", blob(at((0, 160.5), (12.5, 162), (11.5, 184), (12.5, 203), (19.5, 214),
                                (24, 225), (20, 235), (0, 241), (-20, 235), (-24, 225),
                                (-19.5, 214), (-12.5, 203), (-11.5, 184), (-12.5, 162)))),
        ("upper_teeth", upper_teeth), ("lower_teeth", lower_teeth),
        ("chin", inter(head, blob(at((0, 275), (22, 277), (32, 290), (26, 312), (0, 316),
                                     (-26, 312), (-32, 290), (-22, 277))))),
        ("ear", minus(ears, head)),
        ("periorbital", both(ellipse(cx + 37, 181, 37, 27.5), cx)),
        ("angle_of_jaw", inter(head, both(ellipse(cx + 68, 266, 16, 17, angle=-35), cx))),
        ("temple", both(inter(beyond(temporal_line, "right"), box(cx, 104, cx + 120, 194)),
                        cx)),
        ("cheek", both(inter(box(cx + 10, 186, cx + 120, 260),
                             beyond(at((10, 252), (40, 251.5), (60, 249), (78, 243.5),
                                       (100, 235)), "above")), cx)),
        ("jaw", inter(head, box(cx - 120, 240, cx + 120, 330))),
        ("forehead", inter(head, beyond(hair_line, "below"), box(0, 0, CELL_W, 172))),
        ("vertex", inter(beyond(crown_line, "left"), beyond(mirror_pts(crown_line, cx), "right"),
                         beyond(hair_line, "above"))),
        ("lateral_head", box(0, 0, CELL_W, 200)),
        ("anterior_neck", Polygon(np.vstack([v_line, mirror_pts(v_line[::-1], cx)]))),
        ("shoulder_top", union(shoulder, mirror(shoulder, cx))),
        ("lateral_neck", beyond(clav_line, "above")),
        ("upper_chest", upper_chest),
        (SKIN, beyond(clav_line, "below")),
    ]
    regions_from(view, claims, [
        "upper_chest", "shoulder_top", "lateral_neck", "anterior_neck", "vertex", "lateral_head",
        "forehead", "jaw", "cheek", "temple", "angle_of_jaw", "periorbital", "ear", "chin",
        "lower_teeth", "upper_teeth", "nose_bridge", "eyebrow", "retro_orbital"])

    # --- muscles -----------------------------------------------------------------------------
    behind_face = union(head, ears)
    # Upper trapezius: its front border runs from high on the side of the neck down to the
    # lateral third of the clavicle, so from the front only the slope of the shoulder shows.
    trap_border = at((57, 292), (61, 326), (74, 352), (102, 373), (140, 386), (230, 394))
    trap = inter(beyond(trap_border, "above"), beyond(at((58, 0), (58, 600)), "right"),
                 beyond(at((0, 326), (1, 326)), "below"))
    trap_fibres = fan_fibres(at((59, 296), (63, 336), (84, 356)),
                             at((118, 378), (168, 387), (214, 391)), 7, bend=(-0.12, 0.06))
    view.muscles.append(muscle("upper_trapezius", both(trap, cx), both_lines(trap_fibres, cx),
                               within=silhouette))
    # Platysma: a thin sheet from below the clavicle up over the neck to the jaw border and
    # the corner of the mouth; the two sheets leave the lower front of the neck bare.
    platysma = area(smooth(at((14, 322), (12, 299), (30, 292), (48, 283.5), (62, 271),
                              (71, 262), (78, 296), (98, 345), (122, 386), (142, 420)))
                    + smooth(at((142, 420), (110, 423), (80, 421), (52, 416), (33, 410)))
                    + smooth(at((33, 410), (27, 392), (20, 352), (14, 322))))
    platysma_fibres = fan_fibres(at((33, 408), (90, 422), (140, 418)),
                                 at((14, 302), (44, 287), (70, 264)), 9)
    view.muscles.append(muscle("platysma", both(platysma, cx), both_lines(platysma_fibres, cx),
                               within=silhouette))
    # Sternocleidomastoid: the clavicular head from the medial third of the clavicle, the
    # sternal head from the manubrium; they join and pass up behind the jaw to the mastoid.
    clav_head, cl_l, cl_r = band(at((37, 397), (47, 352), (59, 306), (72, 266), (86, 226)),
                                 [22, 17, 16, 17, 16])
    stern_head, st_l, st_r = band(at((8.5, 399), (21, 362), (42, 318), (62, 282), (82, 232)),
                                  [7, 14, 19, 20, 20])
    view.muscles.append(muscle("sternocleidomastoid_clavicular",
                               both(minus(clav_head, behind_face), cx),
                               both_lines(band_fibres(cl_l, cl_r, 4), cx)))
    view.muscles.append(muscle("sternocleidomastoid_sternal",
                               both(minus(stern_head, behind_face), cx),
                               both_lines(band_fibres(st_l, st_r, 5), cx)))
    # Masseter: the lower outer face, from the zygomatic arch to the angle of the jaw.
    masseter = blob(at((73, 203.5), (81, 200.5), (89.5, 203), (88, 220), (84, 236), (78, 252),
                       (72, 265), (64, 270), (64.5, 250), (67.5, 226)))
    masseter_fibres = fan_fibres(at((72, 206), (88.5, 205)), at((65, 266), (78, 253)), 5)
    view.muscles.append(muscle("masseter", both(masseter, cx), both_lines(masseter_fibres, cx),
                               within=head))
    # Temporalis: only its front edge shows at the temple, above the zygomatic arch.
    temporalis_edge = at((92, 96), (84, 108), (79, 124), (76.5, 146), (76.5, 168),
                                (79, 186), (81, 200))
    temporalis = inter(beyond(temporalis_edge, "right"), box(cx, 0, CELL_W, 192))
    temporalis_fibres = fan_fibres(at((78, 150), (80, 120), (88, 102)),
                                   at((80, 194), (86, 194), (91, 194)), 5)
    view.muscles.append(muscle("temporalis", both(temporalis, cx),
                               both_lines(temporalis_fibres, cx), within=head))
    # Frontalis: two vertical sheets over the forehead, from the hairline to the eyebrows.
    frontalis = blob(at((5, 160), (5, 118), (12, 92), (30, 87.5), (52, 91), (68, 104),
                        (71, 126), (67, 152), (58, 150), (40, 147.5), (24, 151.5)))
    frontalis_fibres = [np.array([(cx + dx, 80), (cx + dx * 1.03, 170)])
                        for dx in np.linspace(10, 66, 8)]
    view.muscles.append(muscle("frontalis", both(frontalis, cx),
                               both_lines(frontalis_fibres, cx), within=head))
    # Zygomaticus major: a strap from the cheekbone down and in to the corner of the mouth.
    zyg, z_l, z_r = band(at((77, 203), (56, 230), (34, 255)), [12, 10, 7])
    view.muscles.append(muscle("zygomaticus_major", both(zyg, cx),
                               both_lines(band_fibres(z_l, z_r, 3), cx)))
    # Orbicularis oculi: concentric rings around the eye opening.
    ring = minus(ellipse(cx + 36.5, 178, 32, 24), opening)
    rings = [np.asarray(ellipse(cx + 36.5, 178, 12 + 20 * f, 6 + 18 * f).exterior.coords)
             for f in (0.22, 0.5, 0.72, 0.9)]
    view.muscles.append(muscle("orbicularis_oculi", both(ring, cx), both_lines(rings, cx)))
    # Digastric: the anterior bellies from under the chin down to the hyoid, the posterior
    # bellies from the hyoid back up toward the mastoid, vanishing behind the jaw's angle.
    dig, d_l, d_r = band(at((5, 301), (11, 315), (21, 321.5), (36, 315.5), (50, 305)),
                         [6, 7, 5, 7, 3])
    view.muscles.append(muscle("digastric", both(minus(dig, head), cx),
                               both_lines(band_fibres(d_l, d_r, 2), cx)))

    # --- trigger points (drawn on the patient's right, the left of the picture) --------------
    def right(dx, y):
        return (cx - dx, y)

    view.marks += [
        ("sternocleidomastoid_sternal", *right(16, 374)),
        ("sternocleidomastoid_sternal", *right(31, 340)),
        ("sternocleidomastoid_sternal", *right(50, 303)),
        ("sternocleidomastoid_clavicular", *right(45, 360)),
        ("sternocleidomastoid_clavicular", *right(56, 320)),
        ("frontalis", *right(22, 140)), ("orbicularis_oculi", *right(36, 163.5)),
        ("zygomaticus_major", *right(68, 213)), ("platysma", *right(56, 383)),
        ("digastric", *right(10, 312)), ("upper_trapezius", *right(112, 372)),
    ]
    return view


# ---------------------------------------------------------------------------------------------
# Side view (right lateral, face to the right)
# ---------------------------------------------------------------------------------------------
def side_view() -> View:
    """The right side: profile, ear, jaw joint, the side and back of the neck, the shoulder."""
    x0 = CELL_W
    crop = bust_crop(x0, 585.0, sag=8.0, reach=100.0)

    # --- landmarks ---------------------------------------------------------------------------
    # Head depth (brow to back of the skull) is about the head height; the ear sits just behind
    # the skull's vertical midline (x 597), tilted back, the tragus halfway down it and level
    # with the lower rim of the orbit; the jaw joint lies just in front of the tragus.
    profile = np.array([
        (600, VERTEX_Y), (641, 49.5), (675, 62), (700, 82), (714.5, 106), (721.5, 130),
        (724.5, 150), (722.5, 163), (718.5, 170.5), (721.5, 180), (728.5, 196), (737, 210),
        (743.5, 221), (745, 227.5), (742, 232), (735, 233.4), (731.5, 235), (733.5, 242),
        (737, 249), (733.5, 254.6), (729, LIPS_Y), (732.5, 261), (735, 266.5), (731.5, 273),
        (725.5, 279.5), (727.5, 288), (730.5, 296), (727, 303.5), (714, 308.6)])
    jaw_border = np.array([(714, 308.6), (690, 303.5), (652, 292), (618, 281.5), (602, 275.5),
                           (596.5, 268.5), (596, 254), (597, 242)])
    skull_back = np.array([(597, 242), (586, 248.5), (570, 251), (556, 250), (530, 238), (502, 218),
                           (484, 199), (473.5, 176), (470.5, 148), (476.5, 112), (494, 82),
                           (524, 59.5), (561, 48.5), (600, VERTEX_Y)])
    head = area(smooth(profile) + smooth(jaw_border) + smooth(skull_back))
    tragus_pt = (600, 198)

    def ear_tilt(pts):
        """The auricle leans back about 12 degrees around the tragus."""
        return np.asarray(affinity.rotate(LineString(pts), -12, origin=tragus_pt).coords)

    ear_pts = ear_tilt([(590, 157.5), (575, 157), (563.5, 163.5), (557.5, 177), (558.5, 194),
                        (563, 210), (569, 224), (576, 233.5), (583.5, 235), (589.5, 230),
                        (592, 221), (596.5, 211), (600.5, 203), (600.5, 193), (597.5, 178),
                        (596, 165)])
    ear = blob(ear_pts)
    neck_back = np.array([(500, 205), (505.5, 240), (509.5, 275), (510, 305), (506.5, 333),
                          (501, 356), (496, 381), (492.5, 410), (490, 450), (488.5, 500),
                          (488, CROP_Y + 20)])
    neck_front = np.array([(680, CROP_Y + 20), (678.5, 500), (675.5, 468), (667.5, 434),
                           (657.5, 410), (650, 399.5), (648, 384), (648.5, 362), (651, 344),
                           (653.8, 335), (652.5, 326), (657, 318.5), (670, 313.8), (690, 311.2),
                           (708, 309)])
    torso = area(smooth(neck_back) + smooth(neck_front)
                 + smooth([(708, 309), (660, 270), (600, 222), (540, 205), (500, 205)]))
    silhouette = inter(union(head, ear, torso), crop)
    view = View("side", "Right side", x0, silhouette)

    # --- outline -----------------------------------------------------------------------------
    contour_lines(view, crop)
    view.draw("contour", smooth(jaw_border[:-1]), hidden=ear)
    view.draw("contour", smooth(ear_pts, closed=True), closed=True)
    helix = [(591, 162.5), (576, 162), (566, 170), (563, 185), (565.5, 202), (571, 216),
             (578, 226.5)]
    antihelix = [(589, 169), (580, 173.5), (573.5, 185), (573.5, 200), (578.5, 211),
                 (586, 216)]
    view.draw("detail", smooth(ear_tilt(helix)))
    view.draw("detail", smooth(ear_tilt(antihelix)))
    view.draw("faint", smooth(ear_tilt([(580, 173.5), (590, 181)])))
    view.draw("faint", smooth(ear_tilt([(593, 188), (585, 187), (579.5, 195), (582, 206),
                                        (590, 209)])))
    view.draw("detail", smooth(ear_tilt([(596.5, 190), (600, 197), (597, 205)])))
    # Eye in profile, set back from the brow; the eyebrow above it.
    upper_lid = [(699.5, 174), (707, 170.8), (713.5, 172.5), (716, 176.8)]
    lower_lid = [(716, 176.8), (711.5, 181), (704, 182), (699.5, 179)]
    eye_opening = area(smooth(upper_lid) + smooth(lower_lid))
    view.line("iris", polygon_d(inter(ellipse(712, 176.7, 2.6, 5.6), eye_opening)))
    view.draw("contour-thin", smooth(upper_lid))
    view.draw("detail", smooth(lower_lid))
    view.draw("faint", smooth([(700, 168.5), (708, 165.5), (715, 168)]))
    view.line("brow", polygon_d(blob([(689, 156), (700, 150.5), (714, 149.5), (722.5, 153),
                                      (714, 154.8), (701, 155.8)])))
    # Nose wing and nostril, the corner of the lips, the zygomatic arch.
    view.draw("detail", smooth([(725, 219), (731.5, 222.5), (734, 228.5), (731, 233),
                                (725.5, 232)]))
    view.draw("faint", smooth([(726, 218.5), (720.5, 226), (721, 236), (725.5, 246)]))
    view.draw("contour-thin", smooth([(729, LIPS_Y), (722, 258.2), (714.5, 258.8)]))
    view.draw("faint", smooth([(714.5, 258.8), (711.5, 262.5)]))
    view.draw("faint", smooth([(694, 196), (660, 193), (630, 192.5), (612, 193.5)]))
    # Hairline: over the forehead and the temple to the sideburn; behind the ear to the nape.
    view.draw("faint", smooth([(706, 88), (689, 97), (676, 114), (668, 136), (660, 160),
                               (650, 178), (638, 190), (628, 200)]))
    view.draw("faint", smooth([(547, 178), (541, 205), (531, 228), (516, 244), (507, 250)]))
    # Collarbone, from the sternal notch back to the shoulder tip.
    view.draw("detail", smooth([(651, 399.5), (636, 395), (614, 389), (594, 383.5)]))

    # --- regions -----------------------------------------------------------------------------
    vertex_line = [(470, 104), (505, 80), (550, 68), (600, 65), (650, 69), (690, 84),
                   (730, 112)]
    occiput_line = [(515, 40), (522, 88), (530, 130), (537, 170), (546, 205), (552, 230)]
    nuchal_line = [(460, 192), (482, 196), (510, 208), (535, 222), (552, 230), (565, 242)]
    forehead_line = [(676, 60), (690, 100), (696, 130), (697.5, 150), (697.5, 165)]
    temple_raw = Polygon(np.vstack([smooth([(596, 196), (598, 160), (615, 136), (638, 124),
                                            (666, 122), (686, 130), (696, 146),
                                            (697.5, 165)]).points(),
                                    [(697.5, 194)]]))
    sternocleido_front = [(603, 264), (612, 300), (629, 347), (648, 398)]
    trap_front = [(524, 220), (531, 262), (543, 306), (563, 350), (594, 384)]
    neck_base = [(480, 356), (501, 357), (530, 363), (560, 372), (594, 384), (616, 390),
                 (636, 395), (652, 400), (700, 404)]
    shoulder_low = [(480, 404), (530, 408), (575, 412), (620, 412)]
    axilla = [(612, 380), (606, 420), (600, 560)]
    # Below the shoulder only two strips of the torso are regions: the front of the chest and
    # the back, each reaching about 45 in from the contour (the contour moved 45 inward). The
    # chest strip's inner edge starts at the shoulder ridge's lower front corner, so the two
    # meet without a gap under the clavicle. The middle of the torso, under the arm, is plain
    # skin.
    chest_inner = np.vstack([[(607, 412)], neck_front[neck_front[:, 1] >= 430][::-1] - (45, 0)])
    back_inner = neck_back[neck_back[:, 1] >= 356] + (45, 0)
    ramus_front = [(644, 150), (643, 194), (640, 220), (634, 250), (626, 300)]
    cheek_low = [(600, 252), (634, 250), (664, 245), (700, 241), (760, 238)]
    claims = [
        ("ear", ear), ("tmj", ellipse(611, 199, 8.5, 8.5)),
        ("mastoid", ellipse(557, 244, 12.5, 15)),
        ("periorbital", ellipse(707, 178.5, 15.5, 17.5)),
        ("nose_bridge", inter(beyond([(715, 166), (721, 200), (723, 222), (726, 236)], "right"),
                              box(700, 166, 760, 235))),
        ("upper_teeth", blob([(664, 246), (690, 242), (716, 240.5), (745, 238), (745, 257.5),
                              (716, 257.8), (690, 257.2), (664, 254.5)])),
        ("lower_teeth", blob([(665, 256.5), (690, 257.6), (716, 257.9), (745, 258), (745, 276),
                              (716, 276.5), (690, 272), (666, 264.5)])),
        ("chin", ellipse(720, 294, 18, 19)),
        ("angle_of_jaw", ellipse(603, 270, 14, 14)),
        ("temple", temple_raw),
        ("forehead", minus(beyond(forehead_line, "right"), beyond(vertex_line, "above"),
                           beyond([(600, 165), (760, 165)], "below"))),
        ("vertex", beyond(vertex_line, "above")),
        ("occiput", minus(beyond(occiput_line, "left"), beyond(nuchal_line, "below"))),
        ("cheek", inter(beyond(ramus_front, "right"), box(604, 150, 760, 300),
                        beyond(cheek_low, "above"))),
        ("jaw", inter(head, box(596, 196, 760, 600))),
        ("lateral_head", inter(head, beyond(nuchal_line[:-1] + [(600, 236), (760, 236)],
                                            "above"))),
        ("anterior_neck", inter(beyond(sternocleido_front, "right"),
                                beyond(neck_base, "above"))),
        ("lateral_neck", inter(beyond(trap_front, "right"), beyond(neck_base, "above"))),
        ("posterior_neck", beyond(neck_base, "above")),
        ("shoulder_top", inter(beyond(shoulder_low, "above"), beyond(axilla, "left"))),
        ("upper_chest", inter(beyond(chest_inner, "right"), beyond(neck_base, "below"))),
        ("upper_back", inter(beyond(back_inner, "left"), beyond(shoulder_low, "below"))),
        (SKIN, beyond(neck_base, "below")),
    ]
    regions_from(view, claims, [
        "upper_back", "upper_chest", "shoulder_top", "posterior_neck", "lateral_neck",
        "anterior_neck", "lateral_head", "occiput", "vertex", "forehead", "cheek", "jaw",
        "temple", "chin", "nose_bridge", "upper_teeth", "lower_teeth", "periorbital",
        "angle_of_jaw", "mastoid", "ear", "tmj"])

    # --- muscles -----------------------------------------------------------------------------
    # Temporalis: a fan from the temporal line converging under the zygomatic arch onto the
    # coronoid process; its lower back part runs under the upper half of the auricle.
    temporal_line = np.array([(694, 164), (690, 140), (679, 119), (657, 103), (625, 95),
                              (590, 96), (560, 104), (537, 120), (524, 142), (522, 166),
                              (530, 186), (545, 198)])
    temporalis = area(smooth(temporal_line)
                      + smooth([(545, 198), (575, 193), (606, 190)])
                      + straight([(606, 190), (693, 191.5), (694, 164)]))
    temporalis_fibres = fan_fibres(smooth(temporal_line).points(),
                                   np.array([(668, 212), (642, 210)]), 15, bend=(0.0, 0.2))
    view.muscles.append(muscle("temporalis", minus(temporalis, ear), temporalis_fibres))
    # Upper trapezius: from the occiput and nuchal ligament down and forward to the lateral
    # clavicle and acromion; in profile it covers the back of the neck.
    trap = area(smooth([(466, 176), (488, 196), (508, 208), (521, 217), (527, 240), (531, 262),
                        (543, 306), (563, 350), (594, 384)])
                + smooth([(594, 384), (560, 378), (520, 372), (470, 380)]))
    trap_fibres = fan_fibres(smooth([(486, 196), (506, 260), (506, 330), (500, 366)]).points(),
                             smooth([(538, 236), (570, 330), (594, 380)]).points(), 9,
                             bend=(-0.25, 0.1))
    view.muscles.append(muscle("upper_trapezius", trap, trap_fibres, within=silhouette))
    # Platysma: the thin sheet over the front and side of the neck, from below the clavicle up
    # over the jaw border toward the corner of the mouth.
    platysma = blob([(712, 266), (700, 290), (676, 304), (658, 320), (649, 352), (652, 398),
                     (660, 428), (624, 432), (600, 412), (590, 384), (578, 338), (588, 298),
                     (606, 276), (650, 272), (690, 264)])
    platysma_fibres = fan_fibres(np.array([(656, 426), (600, 410)]),
                                 np.array([(710, 268), (606, 278)]), 9)
    view.muscles.append(muscle("platysma", platysma, platysma_fibres, within=silhouette))
    # Sternocleidomastoid: the clavicular head behind, the sternal head in front; both from the
    # mastoid and the lateral superior nuchal line down and forward to the sternum and clavicle.
    clav, c_l, c_r = band([(560, 232), (586, 296), (611, 352), (630, 396)], [16, 22, 24, 24])
    stern, s_l, s_r = band([(569, 226), (597, 292), (625, 352), (647, 398)], [26, 28, 20, 9])
    clav, stern = rounded(clav, 3.0), rounded(stern, 3.0)
    view.muscles.append(muscle("sternocleidomastoid_clavicular", minus(clav, ear),
                               band_fibres(c_l, c_r, 5), within=silhouette))
    view.muscles.append(muscle("sternocleidomastoid_sternal", minus(stern, ear),
                               band_fibres(s_l, s_r, 5), within=silhouette))
    # Masseter: from the zygomatic arch down and slightly back to the angle and outer ramus.
    masseter = rounded(area(straight([(612, 195.5), (652, 195), (691, 198.5)])
                            + smooth([(691, 198.5), (684, 232), (676, 262), (666, 288.5)])
                            + smooth([(666, 288.5), (634, 284), (602, 275.5)])
                            + smooth([(602, 275.5), (598.5, 250), (603, 222), (612, 195.5)])),
                       3.0)
    masseter_fibres = fan_fibres(np.array([(618, 198), (688, 201)]),
                                 np.array([(602, 266), (662, 285)]), 9)
    view.muscles.append(muscle("masseter", masseter, masseter_fibres))
    # Splenius capitis and levator scapulae show in the floor of the posterior triangle,
    # between the trapezius and the sternocleidomastoid.
    window = minus(inter(beyond([(518, 215), (527, 262), (539, 306), (559, 350), (590, 386)],
                                "right"), beyond(neck_base, "above")), clav, stern)
    splenius, sp_l, sp_r = band([(558, 232), (545, 272), (530, 312), (512, 350)],
                                [26, 30, 30, 28])
    view.muscles.append(muscle("splenius_capitis", splenius, band_fibres(sp_l, sp_r, 4),
                               within=window))
    levator, lv_l, lv_r = band([(582, 250), (578, 300), (562, 350), (536, 404)],
                               [14, 22, 24, 20])
    view.muscles.append(muscle("levator_scapulae", levator, band_fibres(lv_l, lv_r, 4),
                               within=window))
    # Frontalis (front strip of the forehead), zygomaticus major and orbicularis oculi.
    frontalis = minus(beyond(forehead_line, "right"), beyond([(600, 92), (760, 92)], "above"),
                      beyond([(600, 150), (700, 153), (760, 156)], "below"))
    view.muscles.append(muscle("frontalis", frontalis,
                               [np.array([(x, 80), (x + 3, 160)]) for x in range(700, 726, 5)],
                               within=head))
    zyg, z_l, z_r = band([(681, 204), (698, 232), (714, 256)], [11, 10, 7])
    view.muscles.append(muscle("zygomaticus_major", zyg, band_fibres(z_l, z_r, 3)))
    ring = minus(ellipse(708, 178, 14, 17), eye_opening)
    rings = [np.asarray(ellipse(708, 178, 5 + 9 * f, 5 + 12 * f).exterior.coords)
             for f in np.linspace(0.2, 0.95, 4)]
    view.muscles.append(muscle("orbicularis_oculi", ring, rings, within=head))
    # Occipitalis: its belly shows at the back of the skull, above the superior nuchal line.
    occipitalis = blob([(474, 176), (476, 150), (490, 136), (506, 140), (510, 168),
                        (502, 196), (486, 190)])
    view.muscles.append(muscle("occipitalis", occipitalis,
                               [np.array([(x, 200), (x - 6, 128)]) for x in range(478, 512, 6)],
                               within=head))
    # Digastric: posterior belly from the mastoid notch down and forward to the hyoid, anterior
    # belly from the hyoid forward to the back of the chin.
    dig, dg_l, dg_r = band([(566, 248), (600, 284), (640, 318), (670, 316), (704, 307)],
                           [10, 11, 5, 9, 8])
    view.muscles.append(muscle("digastric", dig, band_fibres(dg_l, dg_r, 2), within=silhouette))
    # Deep: the pterygoids inside the ramus (dashed), drawn last so they can be tapped.
    medial, md_l, md_r = band([(656, 212), (630, 242), (606, 266)], [16, 18, 13])
    view.muscles.append(muscle("medial_pterygoid", medial, band_fibres(md_l, md_r, 3),
                               deep=True))
    lateral, lt_l, lt_r = band([(660, 211), (636, 207), (612, 204)], [18, 15, 9])
    view.muscles.append(muscle("lateral_pterygoid", lateral, band_fibres(lt_l, lt_r, 3),
                               deep=True))

    # --- trigger points ----------------------------------------------------------------------
    view.marks += [
        ("temporalis", 684, 177), ("temporalis", 661, 171), ("temporalis", 639, 169),
        ("temporalis", 617, 170),
        ("masseter", 662, 209), ("masseter", 648, 243), ("masseter", 625, 272),
        ("lateral_pterygoid", 636, 207), ("medial_pterygoid", 627, 248),
        ("digastric", 578, 262), ("digastric", 690, 309),
        ("splenius_capitis", 544, 262), ("levator_scapulae", 566, 344),
        ("upper_trapezius", 540, 350), ("platysma", 630, 380),
        ("zygomaticus_major", 691, 220),
    ]
    return view


# ---------------------------------------------------------------------------------------------
# Back view
# ---------------------------------------------------------------------------------------------
def back_view() -> View:
    """The back: skull, nape and upper back. The trapezius is drawn on the left half of the
    picture; on the right half it is lifted away to show the deeper muscles beneath it."""
    cx = 1000.0
    x0 = 2 * CELL_W
    crop = bust_crop(x0, cx)

    def at(*pts):
        """Landmarks given as (offset from the midline, height)."""
        return np.array([(cx + dx, y) for dx, y in pts], dtype=float)

    # --- landmarks ---------------------------------------------------------------------------
    head_half = at((0, VERTEX_Y), (31, VERTEX_Y + 2.8), (57, 57), (76, 72), (88.5, 93),
                   (93.5, 118), (93.5, 144), (91.5, 166), (89.5, 188), (86.5, 207), (82, 226),
                   (76, 243), (69, 256), (50, 266), (0, 270))
    head = area(smooth(head_half) + smooth(mirror_pts(head_half[::-1], cx)))
    ear_pts = at((86, EAR_TOP_Y + 2), (93, EAR_TOP_Y - 1.5), (100, 161), (103.5, 172),
                 (104, 190), (101, 208), (97, 222), (92, 231.5), (86.5, 235), (81, 232),
                 (80, 200), (82, 170))
    ears = both(blob(ear_pts), cx)
    # The nape is shaped by the trapezius, which sweeps out to the shoulders (cropped).
    neck_half = at((84, 226), (78, 244), (71, 260), (66.5, 280), (64.5, 300), (65.5, 318),
                   (72, 333), (88, 346), (116, 358), (150, 368), (182, 376), (215, 383))
    neck = smooth(neck_half).points()
    torso = shapely.make_valid(Polygon(np.vstack([
        [(cx, 220)], neck, [(cx + 215, CROP_Y + 20), (cx - 215, CROP_Y + 20)],
        mirror_pts(neck[::-1], cx)]))).buffer(0)
    silhouette = inter(union(head, ears, torso), crop)
    view = View("back", "Back", x0, silhouette)

    # --- outline -----------------------------------------------------------------------------
    contour_lines(view, crop)
    for pts, geo in sides(cx):
        for d in visible_d(LineString(geo(blob(ear_pts)).exterior.coords),
                           silhouette.exterior.buffer(0.6)):
            view.line("contour", d)  # the ears stand in front of the skull's outline
        view.draw("faint", smooth(pts(at((89, 165), (96, 173), (98, 192), (95, 211),
                                         (90, 223)))))
    # The superior nuchal line with the external occipital protuberance, the nuchal furrow,
    # the prominent spine of C7 and the midline of the back.
    view.draw("faint", smooth(at((-70, 226), (-57, 207), (-36, 193), (-16, 186), (0, 184),
                                 (16, 186), (36, 193), (57, 207), (70, 226))))
    view.draw("faint", smooth(at((-6, 179), (0, 185), (6, 179))))
    view.draw("faint", smooth(at((0, 276), (0, 305), (0, 338))))
    view.draw("detail", smooth(at((-5.5, 351), (0, 357.5), (5.5, 351))))
    view.draw("faint", straight(at((0, 368), (0, CROP_Y))))
    # Shoulder blades: superior angle at T2 a hand's width from the spine, the medial border
    # below it, and the spine of the scapula rising from T3 out to the acromion.
    for pts, _ in sides(cx):
        view.draw("detail", smooth(pts(at((110, 393.5), (96, 396), (84.5, 404), (86, 440),
                                          (90, 470)))))
        view.draw("faint", smooth(pts(at((90, 470), (93, 490), (94.5, CROP_Y)))))
        view.draw("detail", smooth(pts(at((88, 431), (120, 422.5), (160, 410), (200, 400),
                                          (220, 396)))))

    # --- regions -----------------------------------------------------------------------------
    vertex_line = at((-120, 116), (-72, 100), (-40, 91), (0, 88), (40, 91), (72, 100), (120, 116))
    # The lambdoid suture runs from the lambda, high on the midline, down and out to behind
    # the ears: the occipital bone (occiput) lies inside it, the parietal bones outside.
    lambdoid = at((0, 98), (28, 114), (50, 144), (64, 181), (73, 221), (92, 240), (92, 420))
    nuchal_cut = at((-140, 234), (-70, 226), (-57, 207), (-36, 193), (-16, 186), (0, 184),
                    (16, 186), (36, 193), (57, 207), (70, 226), (140, 234))
    neck_low = at((-120, 320), (-66, 318), (-58, 334), (-46, 352), (-20, 361), (0, 362),
                  (20, 361), (46, 352), (58, 334), (66, 318), (120, 320))
    shoulder_low = at((-230, 410), (-150, 397), (-90, 383), (-50, 369), (0, 365), (50, 369),
                      (90, 383), (150, 397), (230, 410))
    occipital_bone = area(smooth(np.vstack([mirror_pts(lambdoid[::-1], cx), lambdoid[1:]])))
    # Upper back: between the shoulder blades, from the spine out to just past the vertebral
    # border of each scapula (drawn at 84-95 out), from below the shoulder ridge and the nape
    # down to the crop. The back beyond the shoulder blades' inner borders is plain skin.
    interscapular = at((105, 360), (102, 404), (102, 440), (105, 470), (107, 490), (108, 520))
    upper_back = inter(beyond(interscapular, "left"),
                       beyond(mirror_pts(interscapular, cx), "right"))
    claims = [
        ("ear", minus(ears, head)),
        ("mastoid", both(ellipse(cx + 73, 240, 12.5, 15), cx)),
        ("vertex", beyond(vertex_line, "above")),
        ("occiput", inter(occipital_bone, beyond(nuchal_cut, "above"))),
        ("lateral_head", beyond(nuchal_cut, "above")),
        ("posterior_neck", beyond(neck_low, "above")),
        ("shoulder_top", beyond(shoulder_low, "above")),
        ("upper_back", upper_back),
        (SKIN, beyond(shoulder_low, "below")),
    ]
    regions_from(view, claims, ["upper_back", "shoulder_top", "posterior_neck", "occiput",
                                "lateral_head", "vertex", "mastoid", "ear"])

    # --- muscles -----------------------------------------------------------------------------
    # Upper trapezius (left half of the picture): from the external occipital protuberance,
    # the medial third of the superior nuchal line and the nuchal ligament, down and out to
    # the lateral clavicle and the acromion.
    trap = area(smooth(at((0, 184), (-17, 186.5), (-34, 192.5), (-46, 224), (-56, 258),
                          (-63, 292), (-90, 300)))
                + straight(at((-90, 300), (-250, 300), (-250, 414)))
                + smooth(at((-250, 414), (-220, 413), (-160, 404), (-90, 390), (-40, 378.5),
                            (0, 375)))
                + straight(at((0, 375), (0, 184))))
    trap_fibres = []
    for t in np.linspace(0, 1, 11):
        p0 = np.array([cx, 190 + 182 * t])
        p3 = np.array([cx - 215, 384 + 26 * t])
        p1 = p0 + (-34 * (1 - t) - 50 * t, 80 * (1 - t) + 6 * t)
        p2 = p3 + (120 * (1 - t) + 60 * t, -26 * (1 - t) - 3 * t)
        trap_fibres.append(Curve([[p0, p1, p2, p3]]).points())
    view.muscles.append(muscle("upper_trapezius", trap, trap_fibres, within=silhouette))
    # Right half, the trapezius lifted away. Splenius capitis: from the nuchal ligament and
    # the spines of C7-T3 up and out to the mastoid and the lateral superior nuchal line.
    splenius_cap = area(smooth(at((2, 300), (16, 258), (30, 220), (40, 197)))
                        + smooth(at((40, 197), (57, 207), (68, 222), (73, 240)))
                        + smooth(at((73, 240), (69, 272), (57, 322), (37, 376), (16, 412),
                                    (2, 428)))
                        + straight(at((2, 428), (2, 300))))
    sc_fibres = fan_fibres(at((2, 302), (2, 426)), smooth(at((40, 198), (57, 207), (68, 222),
                                                          (73, 240))).points(), 9)
    view.muscles.append(muscle("splenius_capitis", splenius_cap, sc_fibres, within=silhouette))
    # Levator scapulae: from the transverse processes of C1-C4 down to the superior angle.
    levator, lv_l, lv_r = band(at((46, 244), (52, 292), (64, 342), (78, 386), (85, 404)),
                               [11, 17, 20, 17, 9])
    view.muscles.append(muscle("levator_scapulae", levator, band_fibres(lv_l, lv_r, 4),
                               within=silhouette))
    # Splenius cervicis (deep): from the spines of T3-T6 up along the outer edge of splenius
    # capitis to the transverse processes of C1-C3.
    splenius_cerv = area(smooth(at((3, 430), (28, 408), (48, 370), (53, 322), (47, 280),
                                   (46, 250)))
                         + smooth(at((46, 250), (57, 270), (66, 320), (66, 372), (52, 420),
                                     (28, 465), (4, 500)))
                         + straight(at((4, 500), (3, 430))))
    scv_fibres = fan_fibres(at((4, 434), (4, 496)), at((47, 256), (60, 290)), 6,
                            bend=(0.28, 0.0))
    view.muscles.append(muscle("splenius_cervicis", splenius_cerv, scv_fibres, deep=True))
    # Semispinalis capitis (deep): vertical straps beside the midline, from the upper thoracic
    # transverse processes up to the occiput between the nuchal lines.
    semi, se_l, se_r = band(at((16, 199), (15.5, 260), (14, 340), (11, 420), (8, 480)),
                            [26, 22, 19, 14, 7])
    semi = rounded(semi, 2.0)
    view.muscles.append(muscle("semispinalis_capitis", semi, band_fibres(se_l, se_r, 5),
                               deep=True))
    # Suboccipitals (deepest): a small group between the skull, C1 and C2.
    subocc = blob(at((6, 211), (28, 207), (47, 217), (50, 232), (38, 246), (14, 250), (6, 236)))
    so_fibres = [at((9, 248), (11, 212)), at((12, 248), (30, 209)), at((14, 248), (46, 233)),
                 at((46, 233), (41, 212))]
    view.muscles.append(muscle("suboccipitals", subocc, so_fibres, deep=True))
    # Occipitalis: two small bellies above the lateral superior nuchal line.
    nuchal_arc = smooth(at((20, 187.5), (36, 193), (52, 203), (63, 216))).points()
    occipitalis = Polygon(np.vstack([nuchal_arc, nuchal_arc[::-1] + (3, -33)]))
    occipitalis = rounded(shapely.make_valid(occipitalis).buffer(0), 2.0)
    occ_fibres = [np.array([p + (0, 4), p + (3, -44)]) for p in resample(nuchal_arc, 8)]
    view.muscles.append(muscle("occipitalis", both(occipitalis, cx), both_lines(occ_fibres, cx),
                               within=head))

    # --- trigger points ----------------------------------------------------------------------
    view.marks += [
        ("upper_trapezius", cx - 108, 365), ("upper_trapezius", cx - 142, 381),
        ("occipitalis", cx - 42, 178), ("occipitalis", cx + 42, 178),
        ("splenius_capitis", cx + 64, 258),
        ("splenius_cervicis", cx + 53, 286), ("splenius_cervicis", cx + 55, 360),
        ("semispinalis_capitis", cx + 17, 224), ("semispinalis_capitis", cx + 18, 300),
        ("suboccipitals", cx + 36, 238),
        ("levator_scapulae", cx + 72, 334), ("levator_scapulae", cx + 84, 392),
    ]
    return view


# =============================================================================================
# 3. Tap targets
# =============================================================================================
def place_hits(items: list[Item], cell: Polygon) -> None:
    """Give every piece smaller than a fingertip a hit circle.

    The circle must contain the piece's visual centre with room to spare (``HIT_MARGIN``);
    among such places it takes the one that covers the least of the other shapes in the layer,
    weighting each neighbour by how small it is (covering half of a small shape hurts more than
    a corner of a big one). Circles may reach into the empty space around the figure but stay
    inside ``cell`` where they can.
    """
    reach = HIT_R - HIT_MARGIN
    steps = np.arange(-reach, reach + 0.01, 2.0)
    for item in items:
        for piece in polygons(item.shape):
            minx, miny, maxx, maxy = piece.bounds
            if min(maxx - minx, maxy - miny) >= MIN_TARGET:
                continue
            centre = polylabel(piece, tolerance=0.2)
            best = None
            for dy in steps:
                for dx in steps:
                    if math.hypot(dx, dy) > reach:
                        continue
                    c = Point(centre.x + dx, centre.y + dy)
                    disc = c.buffer(HIT_R, quad_segs=12)
                    cost = sum(disc.intersection(other.shape).area / max(other.shape.area, 300.0)
                               for other in items if other is not item)
                    outside = round(disc.difference(cell).area, 1)
                    key = (outside, cost + 1e-4 * math.hypot(dx, dy))
                    if best is None or key < best[0]:
                        best = (key, c)
            item.hits.append((round(best[1].x, 1), round(best[1].y, 1), HIT_R))


def hit_shape(item: Item):
    """Everything that catches a tap for this group: its shape and its hit circles."""
    return union(item.shape, *[Point(x, y).buffer(r, quad_segs=16) for x, y, r in item.hits])


def choose_taps(items: list[Item]) -> None:
    """Pick each group's tap point: the most central point of the part of its shape that no
    later sibling (drawn on top) covers. Fails loudly if some group could never be tapped."""
    for i, item in enumerate(items):
        covered = union(*[hit_shape(o) for o in items[i + 1:]]) if i + 1 < len(items) else None
        best = None
        for candidate in (item.shape, hit_shape(item)):
            free = minus(candidate, covered) if covered is not None else candidate
            for piece in polygons(free):
                p = polylabel(piece, tolerance=0.1)
                room = piece.exterior.distance(p)
                for hole in piece.interiors:
                    room = min(room, hole.distance(p))
                if best is None or room > best[0] + 1e-6:
                    best = (room, (round(p.x, 1), round(p.y, 1)))
            if best is not None and best[0] >= 4.0:
                break
        assert best is not None and best[0] >= 2.5, f"{item.ident} cannot be tapped"
        item.tap, item.tap_room = best[1], best[0]


# =============================================================================================
# 4. SVG writer
# =============================================================================================
def fmt(v: float) -> str:
    s = f"{round(float(v), 1):.1f}"
    s = s[:-2] if s.endswith(".0") else s
    return "0" if s == "-0" else s


def fmt_pt(p) -> str:
    return f"{fmt(p[0])} {fmt(p[1])}"


def polygon_d(geom) -> str:
    """Path data for a (multi)polygon; holes wind the other way so either fill rule works."""
    parts = []
    for poly in polygons(shapely.orient_polygons(geom)):
        for ring in [poly.exterior, *poly.interiors]:
            pts = np.asarray(ring.coords)[:-1]
            parts.append(polyline_d(pts) + "Z")
    return "".join(parts)


#: The tooltip of every region and muscle (its ``<title>``).
TITLES = {
    "forehead": "Forehead", "eyebrow": "Eyebrow", "periorbital": "Around the eye",
    "retro_orbital": "Behind the eye", "nose_bridge": "Bridge of the nose", "temple": "Temple",
    "lateral_head": "Side of the head", "vertex": "Top of the head",
    "occiput": "Back of the head", "ear": "Ear", "mastoid": "Behind the ear (mastoid)",
    "cheek": "Cheek", "upper_teeth": "Upper teeth", "lower_teeth": "Lower teeth",
    "tmj": "Jaw joint (TMJ)", "jaw": "Jaw", "angle_of_jaw": "Angle of the jaw", "chin": "Chin",
    "anterior_neck": "Front of the neck", "lateral_neck": "Side of the neck",
    "posterior_neck": "Back of the neck", "shoulder_top": "Top of the shoulder",
    "upper_back": "Upper back", "upper_chest": "Upper chest",
    "upper_trapezius": "Upper trapezius",
    "sternocleidomastoid_sternal": "Sternocleidomastoid, sternal head",
    "sternocleidomastoid_clavicular": "Sternocleidomastoid, clavicular head",
    "temporalis": "Temporalis", "splenius_capitis": "Splenius capitis",
    "splenius_cervicis": "Splenius cervicis", "suboccipitals": "Suboccipital muscles",
    "semispinalis_capitis": "Semispinalis capitis", "frontalis": "Frontalis",
    "zygomaticus_major": "Zygomaticus major", "orbicularis_oculi": "Orbicularis oculi",
    "platysma": "Platysma", "masseter": "Masseter", "lateral_pterygoid": "Lateral pterygoid",
    "medial_pterygoid": "Medial pterygoid", "levator_scapulae": "Levator scapulae",
    "occipitalis": "Occipitalis", "digastric": "Digastric",
}
DEEP_REGIONS = {"retro_orbital"}  # felt inside, not on the skin

HEADER = """<!--
  Referral Map: head and neck diagram.
  GENERATED by tools/draw_head.py - do not edit this file by hand. Change the script and run
      python tools/draw_head.py
  to regenerate it (the unit tests check that the committed file matches the script).

  Layout: viewBox 0 36 1200 490 (x 0-1200, y 36-526: the frame hugs the figure, which runs
  from the vertex at y 46 to the bust's crop at y 505, with the view labels at y 520).
  Three cells of 400 x 490 at one scale, side by side: front (x 0-400), right side
  (x 400-800, face to the right), back (x 800-1200). Coordinates, data-tap and data-bbox are
  all in these drawing units; the viewBox origin is not 0, so a reader that maps it to 0
  must add it back.

  Each view is <g id="view-VIEW" data-view="VIEW" data-bbox="x y width height"> (its cell,
  e.g. "400 36 400 490", usable as a viewBox to show that view alone) holding, in order:
    g.outline         neutral line art, not tappable; path.silhouette is the skin of the figure
                      (its outline cut by the bust crop).
    g.regions         one tappable group per pain region seen in that view:
                        <g id="VIEW-region-ID" class="region" data-region="ID" data-tap="x y">
                        with a <title>, path.shape and, for small shapes, ellipse.hit.
                        The regions of a view never overlap. They cover the whole head
                        and neck; of the torso only upper_chest (over the top of the
                        sternum) and upper_back (between the shoulder blades) are regions,
                        and the rest of the torso is plain, untappable skin (silhouette
                        only, no region group).
                        retro_orbital (behind the eye) carries data-depth="deep".
    g.muscles         one tappable group per muscle seen in that view:
                        <g id="VIEW-muscle-ID" class="muscle" data-muscle="ID" data-tap="x y">
                        with a <title>, path.shape (true position and extent), path.fibres
                        (fibre direction) and, for small shapes, ellipse.hit. Deep muscles
                        also have class "deep" and data-depth="deep" (dashed outline).
    g.trigger-points  X marks, not tappable:
                        <g id="VIEW-tp-MUSCLE-N" class="trigger-point" data-trigger-point="MUSCLE">
    text.view-label   the view's name.
  ID is a muscle or region id exactly as in the referral tables. Bilateral structures are one
  group with two subpaths. Later siblings are drawn on top, so small shapes come last;
  data-tap is a point inside the group's own shape that no later sibling covers. The muscles
  layer lies over the regions layer: to make regions tappable, set pointer-events: none on
  .muscles (and the other way round). In the back view the trapezius is drawn on the left
  half only; on the right half it is lifted away to show the deeper muscles.

  Colours are in the <style> element, every selector scoped under #head-regions, so a page
  can override them. <defs> holds two neutral grey patterns for CSS fills: #stipple (dots,
  for spillover zones) and #hatch (diagonal lines). Each pattern draws a background first,
  rect.pattern-bg filling its 6 x 6 tile (fill: none here, so the pattern is see-through; a
  page can colour it), then its ink: .pattern-ink dots, .pattern-line strokes.
-->"""

DEFS = """<defs>
<pattern id="stipple" patternUnits="userSpaceOnUse" width="6" height="6">\
<rect class="pattern-bg" width="6" height="6"/>\
<circle class="pattern-ink" cx="1.5" cy="1.5" r="0.9"/><circle class="pattern-ink" cx="4.5" \
cy="4.5" r="0.9"/></pattern>
<pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" \
patternTransform="rotate(45)"><rect class="pattern-bg" width="6" height="6"/>\
<path class="pattern-line" d="M0 0V6"/></pattern>
</defs>"""

STYLE = """<style>
#head-regions .outline path { fill: none; stroke: #4a4a4a;
  stroke-linecap: round; stroke-linejoin: round; }
#head-regions .outline .silhouette { fill: #fbf7f3; stroke: none; }
#head-regions .outline .contour { stroke-width: 1.6; }
#head-regions .outline .contour-thin { stroke-width: 1.2; }
#head-regions .outline .detail { stroke-width: 1; stroke: #5c5c5c; }
#head-regions .outline .faint { stroke-width: 0.8; stroke: #a3a3a3; }
#head-regions .outline .brow { fill: #bcb3ab; stroke: none; }
#head-regions .outline .iris { fill: #cfc9c3; stroke: #707070; stroke-width: 0.7; }
#head-regions .region .shape { fill: #e6edf2; fill-opacity: 0.25;
  stroke: #cdd6dd; stroke-width: 0.5; }
#head-regions .muscle .shape { fill: #a65a4e; fill-opacity: 0.12;
  stroke: #8f4c42; stroke-width: 0.8; stroke-opacity: 0.75; }
#head-regions .muscle .fibres { fill: none; stroke: #8f4c42;
  stroke-width: 0.45; stroke-opacity: 0.45; }
#head-regions .deep .shape { stroke-dasharray: 4 2.5; }
#head-regions .region, #head-regions .muscle { cursor: pointer; }
#head-regions .trigger-point path { fill: none; stroke: #9b1b1b;
  stroke-width: 2.2; stroke-linecap: round; }
#head-regions .view-label { fill: #8a8a8a; font: 15px system-ui, sans-serif;
  text-anchor: middle; }
#head-regions .pattern-bg { fill: none; }
#head-regions .pattern-ink { fill: #7a7a7a; }
#head-regions .pattern-line { stroke: #7a7a7a; stroke-width: 1.2; }
</style>"""


def build_views() -> list[View]:
    """All three views, with hit areas placed and tap points chosen."""
    views = [front_view(), side_view(), back_view()]
    for v in views:
        # Hit circles stay inside the cell, below the crown (so that every view's content
        # starts at the same height and the three views line up) and above the frame's bottom.
        cell = box(v.x0, VERTEX_Y, v.x0 + CELL_W, FRAME_BOTTOM)
        for layer in (v.regions, v.muscles):
            place_hits(layer, cell)
            choose_taps(layer)
    return views


def group_xml(view: View, kind: str, item: Item) -> list[str]:
    """One tappable group: title, shape, fibres and hit areas."""
    deep = item.deep or (kind == "region" and item.ident in DEEP_REGIONS)
    cls = f"{kind} deep" if item.deep else kind
    depth = ' data-depth="deep"' if deep else ""
    out = [f'<g id="{view.name}-{kind}-{item.ident}" class="{cls}" data-{kind}="{item.ident}"'
           f'{depth} data-tap="{fmt_pt(item.tap)}"><title>{TITLES[item.ident]}</title>',
           f'<path class="shape" d="{polygon_d(item.shape)}"/>']
    if item.fibres:
        out.append('<path class="fibres" d="' + "".join(polyline_d(f) for f in item.fibres)
                   + '"/>')
    for x, y, r in item.hits:
        out.append(f'<ellipse class="hit" cx="{fmt(x)}" cy="{fmt(y)}" rx="{fmt(r)}" '
                   f'ry="{fmt(r)}" fill="transparent" pointer-events="all"/>')
    out.append("</g>")
    return out


def trigger_point_xml(view: View) -> list[str]:
    """The X marks: two short crossing strokes per trigger point, numbered per muscle."""
    out, counts, h = [], {}, 5.5
    for mid, x, y in view.marks:
        counts[mid] = counts.get(mid, 0) + 1
        out.append(f'<g id="{view.name}-tp-{mid}-{counts[mid]}" class="trigger-point" '
                   f'data-trigger-point="{mid}"><path d="M{fmt(x - h)} {fmt(y - h)}'
                   f'L{fmt(x + h)} {fmt(y + h)}M{fmt(x - h)} {fmt(y + h)}'
                   f'L{fmt(x + h)} {fmt(y - h)}"/></g>')
    return out


def render(views: list[View]) -> str:
    """The whole SVG document."""
    out = [HEADER,
           '<svg xmlns="http://www.w3.org/2000/svg" id="head-regions" '
           f'viewBox="0 {fmt(FRAME_TOP)} {fmt(3 * CELL_W)} {fmt(FRAME_H)}">',
           "<title>Head and neck: muscles and the regions they refer pain to</title>",
           DEFS, STYLE]
    for v in views:
        out.append(f'<g id="view-{v.name}" data-view="{v.name}" '
                   f'data-bbox="{fmt(v.x0)} {fmt(FRAME_TOP)} {fmt(CELL_W)} {fmt(FRAME_H)}">')
        out.append('<g class="outline" pointer-events="none">')
        # The figure cut by the crop: the regions and the plain skin between them, whose
        # shared edges were simplified together, so the regions fit it exactly.
        silhouette = union(v.skin, *[r.shape for r in v.regions])
        out.append(f'<path class="silhouette" d="{polygon_d(silhouette)}"/>')
        out += [f'<path class="{cls}" d="{d}"/>' for cls, d in v.outline]
        out.append("</g>")
        for layer, kind in ((v.regions, "region"), (v.muscles, "muscle")):
            out.append(f'<g class="{kind}s">')
            for item in layer:
                out += group_xml(v, kind, item)
            out.append("</g>")
        out.append('<g class="trigger-points" pointer-events="none">')
        out += trigger_point_xml(v)
        out.append("</g>")
        out.append(f'<text id="{v.name}-label" class="view-label" x="{fmt(v.x0 + CELL_W / 2)}" '
                   f'y="{fmt(LABEL_Y)}" pointer-events="none">{v.label}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> None:
    """Write the diagram to ``assets/head_regions.svg`` or to the path given."""
    target = Path(argv[0]) if argv else OUTPUT
    target.write_text(render(build_views()), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
