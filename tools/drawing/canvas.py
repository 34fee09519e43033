"""The frame every view shares, and a view's canvas: its cell, its midline, which of the
patient's sides it shows where, its silhouette and its line art.

Proportions (``ANATOMY.md``): one head is 180 units wide at the cheekbones and 1.45 times that
high; the face below the hairline splits into equal thirds, the hairline half a third below the
vertex, the eyes on the head's horizontal midline. Every view uses one scale and one set of
heights, so a landmark sits at the same height in every view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from shapely.geometry import LineString, Polygon

from tools.drawing.geometry import Curve, mirror, mirror_pts, polyline_d, visible_lines

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
CROP_Y = 565.0  # the bust is cut here, below the shoulder blades' lower corners
LABEL_Y = 582.0  # the view labels, below the crop and inside the frame

# The frame (the root viewBox): x 0-1200, y FRAME_TOP to FRAME_TOP + FRAME_H. It hugs the
# content, so the figure is drawn as large as the page allows; each view is a CELL_W-wide cell
# of the full frame height. The two side views share the middle cell: one is shown at a time.
FRAME_TOP, FRAME_H = 36.0, 554.0
FRAME_BOTTOM = FRAME_TOP + FRAME_H  # 590
CELL_W = 400.0

RIGHT, LEFT, MIDLINE = "right", "left", "midline"
OTHER_SIDE = {RIGHT: LEFT, LEFT: RIGHT}


@dataclass
class Stroke:
    """One line of the line art: a curve kept whole, or polylines clipped to the figure."""

    cls: str
    curve: Curve | None = None
    closed: bool = False
    lines: tuple = ()
    area: Polygon | None = None  # a filled detail (the eyebrows, the irises)

    def mirrored(self, cx: float) -> Stroke:
        curve = None
        if self.curve is not None:
            curve = Curve(mirror_pts(self.curve.segs, cx))
        return Stroke(self.cls, curve, self.closed, tuple(mirror_pts(p, cx) for p in self.lines),
                      mirror(self.area, cx) if self.area is not None else None)

    def d(self) -> str:
        if self.curve is not None:
            return self.curve.d(self.closed)
        return "".join(polyline_d(p) for p in self.lines)


@dataclass
class Canvas:
    """A view's cell and landmarks, before anything tappable is put on it.

    In the front and back views paired structures are declared once, on the viewer's right of
    the midline (``at(dx, y)`` is the point ``dx`` to the right of the midline), and mirrored;
    ``declared_side`` says which of the patient's sides that half shows: the patient's left in
    the front view (the viewer faces the patient), the patient's right in the back view. The
    side view is drawn as the patient's right side; the left side view is its mirror image.
    """

    name: str
    x0: float
    cx: float  # the midline (front, back, the mouth) or the middle of the cell (side)
    declared_side: str
    silhouette: Polygon
    paired: bool = True  # structures are declared on one half and mirrored about ``cx``
    shapes: dict = field(default_factory=dict)  # named landmark shapes: head, ears, ...
    strokes: list = field(default_factory=list)

    def at(self, *pts) -> np.ndarray:
        """Landmarks given as (offset to the viewer's right of the midline, height)."""
        return np.array([(self.cx + dx, y) for dx, y in pts], dtype=float)

    def line(self, cls: str, lines) -> None:
        """Add ready-made polylines to the line art."""
        self.strokes.append(Stroke(cls, lines=tuple(np.asarray(p) for p in lines)))

    def fill(self, cls: str, area: Polygon) -> None:
        """Add a filled detail (an eyebrow, an iris) to the line art."""
        self.strokes.append(Stroke(cls, area=area))

    def draw(self, cls: str, curve: Curve, hidden=None, closed: bool = False) -> None:
        """Add a curve to the line art, leaving out what falls off the figure or behind
        ``hidden``. Curves that stay whole keep their Bézier form."""
        line = LineString(curve.points())
        keep = self.silhouette.buffer(0.5)
        if hidden is None and keep.contains(line):
            self.strokes.append(Stroke(cls, curve=curve, closed=closed))
            return
        line = line.intersection(keep)
        if hidden is not None:
            line = line.difference(hidden)
        self.strokes.append(Stroke(cls, lines=tuple(visible_lines(line))))

    def both(self, cls: str, curve: Curve, hidden=None) -> None:
        """Draw a curve on the viewer's right of the midline and its mirror image."""
        self.draw(cls, curve, hidden)
        self.draw(cls, Curve(mirror_pts(curve.segs, self.cx)), hidden)


def bust_crop(x0: float, centre: float, sag: float = 16.0, reach: float = 200.0) -> Polygon:
    """The part of a cell the figure may fill: the bust is cut along a shallow curve, lowest
    (at ``CROP_Y``) under the middle of the figure and ``sag`` higher ``reach`` to each side."""
    xs = np.linspace(x0 + 1, x0 + CELL_W - 1, 81)
    ys = CROP_Y - sag * ((xs - centre) / reach) ** 2
    return Polygon([(x0 + 1, 0), (x0 + CELL_W - 1, 0), *zip(xs[::-1], ys[::-1], strict=True)])


def contour(canvas: Canvas, crop: Polygon) -> None:
    """Stroke the silhouette's edge, leaving out the straight crop edges of the cell."""
    canvas.strokes.append(Stroke("contour", lines=tuple(
        visible_lines(canvas.silhouette.exterior, crop.exterior.buffer(0.6)))))
