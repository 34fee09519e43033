"""Geometry for the drawing: smooth curves through landmarks, straps and fans, half-planes for
cutting, mirroring, set operations snapped to the output grid, and SVG path data.

Everything is in drawing units (the SVG's viewBox), y growing downwards.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Polygon

GRID = 0.1  # every coordinate in the output lies on this grid
STEP = 1.0  # sampling step along curves, in drawing units


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
            n = max(2, math.ceil((np.linalg.norm(p1 - p0) + np.linalg.norm(p2 - p1)
                                      + np.linalg.norm(p3 - p2)) / step))
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
    p = np.vstack([p[-1:], p, p[:2]]) if closed else np.vstack([2 * p[0] - p[1], p, 2 * p[-1] - p[-2]])
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
    return Curve([[a, a + (b - a) / 3, a + 2 * (b - a) / 3, b] for a, b in itertools.pairwise(p)])


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
    for p, q in zip(a, b, strict=True):
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



# SVG path data
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


def visible_lines(curve_or_line, hidden=None, tolerance: float = 0.08) -> list[np.ndarray]:
    """The parts of a line (a curve, a LineString or a ring) not hidden behind ``hidden``,
    simplified, as point arrays."""
    line = LineString(curve_or_line.points()) if isinstance(curve_or_line, Curve) else curve_or_line
    if hidden is not None:
        line = line.difference(hidden)
    out = []
    for coords in lines_of(line):
        simple = LineString(coords).simplify(tolerance)
        if simple.length > 1.0:
            out.append(np.asarray(simple.coords))
    return out
