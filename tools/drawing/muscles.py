"""The muscles: each declared once, with its shape in every view where it is seen and the
places of its trigger points.

A muscle's view function takes that view's canvas and returns a ``Drawn``: its area on one side
(in the front and back views the viewer's right of the midline, ``c.at(dx, y)``; in the side
view the patient's right side), its fibre lines and what to clip it to. The builder mirrors it
for the other side. ``MUSCLES`` is in drawing order: big sheets first, small and deep muscles
last, so each keeps an area where it is on top. Trigger points are placed where the manuals put
them, in the same coordinates (``(dx, y)`` in the front and back views, ``(x, y)`` in the side
view).

To add a muscle: write its view functions, add a ``Muscle`` to ``MUSCLES`` at its depth, and add
its rows to the tables (``data/muscles.csv``, ``data/trigger_points.csv``,
``data/referral_map.csv``, ``data/search_terms.csv``; ``data/README.md`` gives the steps).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import Polygon, box

from tools.drawing.canvas import CELL_W, CROP_Y, Canvas
from tools.drawing.geometry import (
    Curve,
    area,
    band,
    band_fibres,
    beyond,
    blob,
    ellipse,
    fan_fibres,
    inter,
    minus,
    resample,
    rounded,
    smooth,
    straight,
    union,
)

SURFACE, DEEP = "surface", "deep"


@dataclass
class Drawn:
    """A muscle as drawn in one view, on one side."""

    shape: object
    fibres: list = field(default_factory=list)
    within: object = None  # clip the shape to this (the head, the silhouette, a window)


@dataclass(frozen=True)
class Muscle:
    ident: str
    views: dict  # view name -> function(canvas) -> Drawn
    deep: bool = False  # drawn dashed: it lies under other muscles
    back_layer: str = SURFACE  # in the back view: the surface layer or the deep one
    points: dict = field(default_factory=dict)  # trigger point id -> {view name: (x, y)}


# --- Trapezius -------------------------------------------------------------------------------
def upper_trapezius_front(c: Canvas) -> Drawn:
    # Its front border runs from high on the side of the neck down to the lateral third of the
    # clavicle, so from the front only the slope of the shoulder shows.
    at = c.at
    border = at((57, 292), (61, 326), (74, 352), (102, 373), (140, 386), (230, 394))
    shape = inter(beyond(border, "above"), beyond(at((58, 0), (58, 600)), "right"),
                  beyond(at((0, 326), (1, 326)), "below"))
    fibres = fan_fibres(at((59, 296), (63, 336), (84, 356)), at((118, 378), (168, 387), (214, 391)),
                        7, bend=(-0.12, 0.06))
    return Drawn(shape, fibres, c.silhouette)


def upper_trapezius_side(c: Canvas) -> Drawn:
    # From the occiput and nuchal ligament down and forward to the lateral clavicle and the
    # acromion; in profile it covers the back of the neck.
    shape = area(smooth([(466, 176), (488, 196), (508, 208), (521, 217), (527, 240), (531, 262),
                         (543, 306), (563, 350), (594, 384)])
                 + smooth([(594, 384), (560, 378), (520, 372), (470, 380)]))
    fibres = fan_fibres(smooth([(486, 196), (506, 260), (506, 330), (500, 366)]).points(),
                        smooth([(538, 236), (570, 330), (594, 380)]).points(), 9, bend=(-0.25, 0.1))
    return Drawn(shape, fibres, c.silhouette)


def upper_trapezius_back(c: Canvas) -> Drawn:
    # From the external occipital protuberance, the medial third of the superior nuchal line
    # and the nuchal ligament, down and out to the lateral clavicle and the acromion.
    at = c.at
    shape = area(smooth(at((0, 184), (17, 186.5), (34, 192.5), (46, 224), (56, 258), (63, 292),
                           (90, 300)))
                 + straight(at((90, 300), (250, 300), (250, 414)))
                 + smooth(at((250, 414), (220, 413), (160, 404), (90, 390), (40, 378.5), (0, 375)))
                 + straight(at((0, 375), (0, 184))))
    fibres = []
    for t in np.linspace(0, 1, 11):
        p0 = np.array([c.cx, 190 + 182 * t])
        p3 = np.array([c.cx + 215, 384 + 26 * t])
        p1 = p0 + (34 * (1 - t) + 50 * t, 80 * (1 - t) + 6 * t)
        p2 = p3 + (-120 * (1 - t) - 60 * t, -26 * (1 - t) - 3 * t)
        fibres.append(Curve([[p0, p1, p2, p3]]).points())
    return Drawn(shape, fibres, c.silhouette)


def middle_trapezius_back(c: Canvas) -> Drawn:
    # From the spines of C7-T3 almost horizontally out to the acromion and the upper lip of
    # the spine of the scapula, between the upper fibres and the lower ones.
    at = c.at
    shape = area(smooth(at((0, 375), (40, 378.5), (90, 390), (160, 404), (214, 412)))
                 + smooth(at((214, 412), (200, 402), (160, 410), (120, 422), (88, 431), (50, 438),
                             (0, 446)))
                 + straight(at((0, 446), (0, 375))))
    fibres = [np.array([(c.cx + 2, y0), (c.cx + 90, y0 + 0.45 * (y0 - 370) + 14),
                        (c.cx + 205, 406)]) for y0 in np.linspace(380, 440, 6)]
    return Drawn(shape, fibres, c.silhouette)


def lower_trapezius_back(c: Canvas) -> Drawn:
    # From the spines of T4-T12 up and out to the root of the spine of the scapula: a triangle
    # whose lower part runs off the picture.
    at = c.at
    shape = area(straight(at((0, 446), (50, 438), (88, 431), (96, 436)))
                 + smooth(at((96, 436), (88, 480), (76, 530), (62, CROP_Y + 20)))
                 + straight(at((62, CROP_Y + 20), (0, CROP_Y + 20), (0, 446))))
    fibres = fan_fibres(at((2, 452), (2, CROP_Y + 10)), at((86, 440), (62, CROP_Y + 10)), 7)
    return Drawn(shape, fibres, c.silhouette)


# --- Neck ------------------------------------------------------------------------------------
def platysma_front(c: Canvas) -> Drawn:
    # A thin sheet from below the clavicle up over the neck to the jaw border and the corner
    # of the mouth; the two sheets leave the lower front of the neck bare.
    at = c.at
    shape = area(smooth(at((14, 322), (12, 299), (30, 292), (48, 283.5), (62, 271), (71, 262),
                           (78, 296), (98, 345), (122, 386), (142, 420)))
                 + smooth(at((142, 420), (110, 423), (80, 421), (52, 416), (33, 410)))
                 + smooth(at((33, 410), (27, 392), (20, 352), (14, 322))))
    fibres = fan_fibres(at((33, 408), (90, 422), (140, 418)), at((14, 302), (44, 287), (70, 264)), 9)
    return Drawn(shape, fibres, c.silhouette)


def platysma_side(c: Canvas) -> Drawn:
    shape = blob([(712, 266), (700, 290), (676, 304), (658, 320), (649, 352), (652, 398),
                  (660, 428), (624, 432), (600, 412), (590, 384), (578, 338), (588, 298),
                  (606, 276), (650, 272), (690, 264)])
    fibres = fan_fibres(np.array([(656, 426), (600, 410)]), np.array([(710, 268), (606, 278)]), 9)
    return Drawn(shape, fibres, c.silhouette)


def _posterior_triangle(c: Canvas):
    """The side view's posterior triangle: between the trapezius and the sternocleidomastoid,
    above the clavicle, where the deeper neck muscles show."""
    neck_base = [(480, 356), (501, 357), (530, 363), (560, 372), (594, 384), (616, 390),
                 (636, 395), (652, 400), (700, 404)]
    clav, stern = _scm_side()
    return minus(inter(beyond([(518, 215), (527, 262), (539, 306), (559, 350), (590, 386)], "right"),
                       beyond(neck_base, "above")), clav[0], stern[0])


def scalenes_front(c: Canvas) -> Drawn:
    # From the transverse processes of C3-C7 down and out to the first and second ribs: the
    # floor of the neck between the sternocleidomastoid and the trapezius, passing behind the
    # middle of the collarbone.
    at = c.at
    shape, left, right = band(at((58, 296), (64, 338), (75, 370), (88, 392)), [10, 18, 24, 22])
    return Drawn(shape, band_fibres(left, right, 3), c.silhouette)


def scalenes_side(c: Canvas) -> Drawn:
    shape, left, right = band([(586, 262), (584, 312), (588, 356), (596, 396)], [12, 20, 30, 34])
    return Drawn(shape, band_fibres(left, right, 4), _posterior_triangle(c))


def _scm_side():
    clav = band([(560, 232), (586, 296), (611, 352), (630, 396)], [16, 22, 24, 24])
    stern = band([(569, 226), (597, 292), (625, 352), (647, 398)], [26, 28, 20, 9])
    return ((rounded(clav[0], 3.0), clav[1], clav[2]), (rounded(stern[0], 3.0), stern[1], stern[2]))


def _scm_front(c: Canvas):
    at = c.at
    clav = band(at((37, 397), (47, 352), (59, 306), (72, 266), (86, 226)), [22, 17, 16, 17, 16])
    stern = band(at((8.5, 399), (21, 362), (42, 318), (62, 282), (82, 232)), [7, 14, 19, 20, 20])
    return clav, stern


def scm_clavicular_front(c: Canvas) -> Drawn:
    # The clavicular head from the medial third of the clavicle; it joins the sternal head and
    # passes up behind the jaw to the mastoid.
    (shape, left, right), _ = _scm_front(c)
    return Drawn(minus(shape, union(c.shapes["head"], c.shapes["ears"])), band_fibres(left, right, 4))


def scm_sternal_front(c: Canvas) -> Drawn:
    _, (shape, left, right) = _scm_front(c)
    return Drawn(minus(shape, union(c.shapes["head"], c.shapes["ears"])), band_fibres(left, right, 5))


def scm_clavicular_side(c: Canvas) -> Drawn:
    (shape, left, right), _ = _scm_side()
    return Drawn(minus(shape, c.shapes["ear"]), band_fibres(left, right, 5), c.silhouette)


def scm_sternal_side(c: Canvas) -> Drawn:
    _, (shape, left, right) = _scm_side()
    return Drawn(minus(shape, c.shapes["ear"]), band_fibres(left, right, 5), c.silhouette)


def splenius_capitis_side(c: Canvas) -> Drawn:
    # In the floor of the posterior triangle, between the trapezius and the sternocleidomastoid.
    shape, left, right = band([(558, 232), (545, 272), (530, 312), (512, 350)], [26, 30, 30, 28])
    return Drawn(shape, band_fibres(left, right, 4), _posterior_triangle(c))


def splenius_capitis_back(c: Canvas) -> Drawn:
    # From the nuchal ligament and the spines of C7-T3 up and out to the mastoid and the
    # lateral superior nuchal line.
    at = c.at
    shape = area(smooth(at((2, 300), (16, 258), (30, 220), (40, 197)))
                 + smooth(at((40, 197), (57, 207), (68, 222), (73, 240)))
                 + smooth(at((73, 240), (69, 272), (57, 322), (37, 376), (16, 412), (2, 428)))
                 + straight(at((2, 428), (2, 300))))
    fibres = fan_fibres(at((2, 302), (2, 426)),
                        smooth(at((40, 198), (57, 207), (68, 222), (73, 240))).points(), 9)
    return Drawn(shape, fibres, c.silhouette)


def levator_scapulae_side(c: Canvas) -> Drawn:
    shape, left, right = band([(582, 250), (578, 300), (562, 350), (536, 404)], [14, 22, 24, 20])
    return Drawn(shape, band_fibres(left, right, 4), _posterior_triangle(c))


def levator_scapulae_back(c: Canvas) -> Drawn:
    # From the transverse processes of C1-C4 down to the upper inner corner of the shoulder blade.
    shape, left, right = band(c.at((46, 244), (52, 292), (64, 342), (78, 386), (90, 402)), [11, 17, 20, 17, 9])
    return Drawn(shape, band_fibres(left, right, 4), c.silhouette)


def splenius_cervicis_back(c: Canvas) -> Drawn:
    # From the spines of T3-T6 up along the outer edge of splenius capitis to the transverse
    # processes of C1-C3.
    at = c.at
    shape = area(smooth(at((3, 430), (28, 408), (48, 370), (53, 322), (47, 280), (46, 250)))
                 + smooth(at((46, 250), (57, 270), (66, 320), (66, 372), (52, 420), (28, 465),
                             (4, 500)))
                 + straight(at((4, 500), (3, 430))))
    fibres = fan_fibres(at((4, 434), (4, 496)), at((47, 256), (60, 290)), 6, bend=(0.28, 0.0))
    return Drawn(shape, fibres)


def semispinalis_capitis_back(c: Canvas) -> Drawn:
    # Vertical straps beside the midline, from the upper thoracic transverse processes up to
    # the occiput between the nuchal lines.
    shape, left, right = band(c.at((16, 199), (15.5, 260), (14, 340), (11, 420), (8, 480)), [26, 22, 19, 14, 7])
    return Drawn(rounded(shape, 2.0), band_fibres(left, right, 5))


def multifidi_back(c: Canvas) -> Drawn:
    # The cervical multifidi and semispinalis cervicis: short slips in the groove beside the
    # spinous processes, from C2 down to the upper thoracic spine, under semispinalis capitis.
    shape, left, right = band(c.at((7.5, 258), (8.5, 300), (9.5, 350), (10, 392)), [9, 11, 12, 12])
    return Drawn(rounded(shape, 1.5), band_fibres(left, right, 2))


def suboccipitals_back(c: Canvas) -> Drawn:
    # A small group between the skull, the atlas (C1) and the axis (C2), just under the occiput.
    at = c.at
    shape = blob(at((6, 211), (28, 207), (47, 217), (50, 232), (38, 246), (14, 250), (6, 236)))
    fibres = [at((9, 248), (11, 212)), at((12, 248), (30, 209)), at((14, 248), (46, 233)),
              at((46, 233), (41, 212))]
    return Drawn(shape, fibres)


def longus_colli_front(c: Canvas) -> Drawn:
    # Deep in front of the cervical vertebrae, behind the throat, from the atlas down to T3.
    shape, left, right = band(c.at((7, 322), (8.5, 352), (9, 384), (8, 404)), [9, 11, 11, 8])
    return Drawn(rounded(shape, 1.5), band_fibres(left, right, 2))


def longus_colli_side(c: Canvas) -> Drawn:
    shape, left, right = band([(576, 256), (576, 300), (573, 346), (568, 392)], [10, 12, 12, 10])
    return Drawn(rounded(shape, 1.5), band_fibres(left, right, 2), c.silhouette)


# --- Jaw -------------------------------------------------------------------------------------
def temporalis_front(c: Canvas) -> Drawn:
    # Only its front edge shows at the temple, above the zygomatic arch.
    at = c.at
    edge = at((92, 96), (84, 108), (79, 124), (76.5, 146), (76.5, 168), (79, 186), (81, 200))
    shape = inter(beyond(edge, "right"), box(c.cx, 0, CELL_W, 192))
    fibres = fan_fibres(at((78, 150), (80, 120), (88, 102)), at((80, 194), (86, 194), (91, 194)), 5)
    return Drawn(shape, fibres, c.shapes["head"])


def temporalis_side(c: Canvas) -> Drawn:
    # A fan from the temporal line converging under the zygomatic arch onto the coronoid
    # process; its lower back part runs under the upper half of the auricle.
    line = np.array([(694, 164), (690, 140), (679, 119), (657, 103), (625, 95), (590, 96),
                     (560, 104), (537, 120), (524, 142), (522, 166), (530, 186), (545, 198)])
    shape = area(smooth(line) + smooth([(545, 198), (575, 193), (606, 190)])
                 + straight([(606, 190), (693, 191.5), (694, 164)]))
    fibres = fan_fibres(smooth(line).points(), np.array([(668, 212), (642, 210)]), 15, bend=(0.0, 0.2))
    return Drawn(minus(shape, c.shapes["ear"]), fibres)


def masseter_front(c: Canvas) -> Drawn:
    # The lower outer face, from the zygomatic arch to the angle of the jaw.
    at = c.at
    shape = blob(at((73, 203.5), (81, 200.5), (89.5, 203), (88, 220), (84, 236), (78, 252),
                    (72, 265), (64, 270), (64.5, 250), (67.5, 226)))
    return Drawn(shape, fan_fibres(at((72, 206), (88.5, 205)), at((65, 266), (78, 253)), 5),
                 c.shapes["head"])


def masseter_side(c: Canvas) -> Drawn:
    # From the zygomatic arch down and slightly back to the angle and outer ramus.
    shape = rounded(area(straight([(612, 195.5), (652, 195), (691, 198.5)])
                         + smooth([(691, 198.5), (684, 232), (676, 262), (666, 288.5)])
                         + smooth([(666, 288.5), (634, 284), (602, 275.5)])
                         + smooth([(602, 275.5), (598.5, 250), (603, 222), (612, 195.5)])), 3.0)
    return Drawn(shape, fan_fibres(np.array([(618, 198), (688, 201)]), np.array([(602, 266), (662, 285)]), 9))


def buccinator_front(c: Canvas) -> Drawn:
    # The muscle of the cheek wall, from the pterygomandibular raphe and the alveolar bone by
    # the molars forward to the corner of the mouth, deep to the masseter and zygomaticus.
    at = c.at
    shape = blob(at((33, 252), (44, 246), (58, 244), (67, 247), (67, 266), (56, 269),
                    (44, 267), (33, 261)))
    fibres = [at((34, 254 + k), (66, 250 + 2 * k)) for k in (0, 4, 8)]
    return Drawn(shape, fibres, c.shapes["head"])


def buccinator_side(c: Canvas) -> Drawn:
    shape = blob([(676, 246), (694, 244), (712, 250), (716, 258), (712, 266), (694, 271), (676, 270)])
    fibres = [np.array([(678, 250 + k), (714, 255 + k / 3)]) for k in (0, 7, 14)]
    return Drawn(shape, fibres, c.shapes["head"])


def digastric_front(c: Canvas) -> Drawn:
    # The anterior bellies from under the chin down to the hyoid, the posterior bellies from
    # the hyoid back up toward the mastoid, vanishing behind the jaw's angle.
    shape, left, right = band(c.at((5, 301), (11, 315), (21, 321.5), (36, 315.5), (50, 305)), [6, 7, 5, 7, 3])
    return Drawn(minus(shape, c.shapes["head"]), band_fibres(left, right, 2))


def digastric_side(c: Canvas) -> Drawn:
    # Posterior belly from the mastoid notch down and forward to the hyoid, anterior belly
    # from the hyoid forward to the back of the chin.
    shape, left, right = band([(566, 248), (600, 284), (640, 318), (670, 316), (704, 307)], [10, 11, 5, 9, 8])
    return Drawn(shape, band_fibres(left, right, 2), c.silhouette)


def medial_pterygoid_side(c: Canvas) -> Drawn:
    # Deep, inside the ramus: from the pterygoid plate down and back to the inner surface of
    # the angle of the jaw.
    shape, left, right = band([(656, 212), (630, 242), (606, 266)], [16, 18, 13])
    return Drawn(shape, band_fibres(left, right, 3))


def lateral_pterygoid_side(c: Canvas) -> Drawn:
    # Deep and horizontal, just in front of the jaw joint under the arch, to the condyle's neck.
    shape, left, right = band([(660, 211), (636, 207), (612, 204)], [18, 15, 9])
    return Drawn(shape, band_fibres(left, right, 3))


# --- Face and scalp --------------------------------------------------------------------------
def frontalis_front(c: Canvas) -> Drawn:
    # A vertical sheet over the forehead, from the hairline to the eyebrows.
    at = c.at
    shape = blob(at((5, 160), (5, 118), (12, 92), (30, 87.5), (52, 91), (68, 104), (71, 126),
                    (67, 152), (58, 150), (40, 147.5), (24, 151.5)))
    fibres = [np.array([(c.cx + dx, 80), (c.cx + dx * 1.03, 170)]) for dx in np.linspace(10, 66, 8)]
    return Drawn(shape, fibres, c.shapes["head"])


def frontalis_side(c: Canvas) -> Drawn:
    forehead_line = [(676, 60), (690, 100), (696, 130), (697.5, 150), (697.5, 165)]
    shape = minus(beyond(forehead_line, "right"), beyond([(600, 92), (760, 92)], "above"),
                  beyond([(600, 150), (700, 153), (760, 156)], "below"))
    return Drawn(shape, [np.array([(x, 80), (x + 3, 160)]) for x in range(700, 726, 5)], c.shapes["head"])


def zygomaticus_front(c: Canvas) -> Drawn:
    # A strap from the cheekbone down and in to the corner of the mouth.
    shape, left, right = band(c.at((77, 203), (56, 230), (34, 255)), [12, 10, 7])
    return Drawn(shape, band_fibres(left, right, 3))


def zygomaticus_side(c: Canvas) -> Drawn:
    shape, left, right = band([(681, 204), (698, 232), (714, 256)], [11, 10, 7])
    return Drawn(shape, band_fibres(left, right, 3))


def orbicularis_front(c: Canvas) -> Drawn:
    # Concentric rings around the eye opening.
    cx = c.cx
    ring = minus(ellipse(cx + 36.5, 178, 32, 24), c.shapes["opening"])
    rings = [np.asarray(ellipse(cx + 36.5, 178, 12 + 20 * f, 6 + 18 * f).exterior.coords)
             for f in (0.22, 0.5, 0.72, 0.9)]
    return Drawn(ring, rings)


def orbicularis_side(c: Canvas) -> Drawn:
    ring = minus(ellipse(708, 178, 14, 17), c.shapes["eye_opening"])
    rings = [np.asarray(ellipse(708, 178, 5 + 9 * f, 5 + 12 * f).exterior.coords)
             for f in np.linspace(0.2, 0.95, 4)]
    return Drawn(ring, rings, c.shapes["head"])


def occipitalis_side(c: Canvas) -> Drawn:
    # Its belly shows at the back of the skull, above the superior nuchal line.
    shape = blob([(474, 176), (476, 150), (490, 136), (506, 140), (510, 168), (502, 196), (486, 190)])
    return Drawn(shape, [np.array([(x, 200), (x - 6, 128)]) for x in range(478, 512, 6)], c.shapes["head"])


def occipitalis_back(c: Canvas) -> Drawn:
    # A small belly either side, above the lateral superior nuchal line.
    arc = smooth(c.at((20, 187.5), (36, 193), (52, 203), (63, 216))).points()
    shape = rounded(shapely.make_valid(Polygon(np.vstack([arc, arc[::-1] + (3, -33)]))).buffer(0), 2.0)
    fibres = [np.array([p + (0, 4), p + (3, -44)]) for p in resample(arc, 8)]
    return Drawn(shape, fibres, c.shapes["head"])


MUSCLES: tuple[Muscle, ...] = (
    Muscle("temporalis", {"front": temporalis_front, "side": temporalis_side},
           points={"temporalis_trp1": {"front": (84, 160), "side": (684, 177)},
                   "temporalis_trp2": {"side": (660, 172)}, "temporalis_trp3": {"side": (634, 168)},
                   "temporalis_trp4": {"side": (588, 142)}}),
    Muscle("upper_trapezius", {"front": upper_trapezius_front, "side": upper_trapezius_side,
                               "back": upper_trapezius_back},
           points={"upper_trapezius_trp1": {"front": (112, 372), "side": (540, 350), "back": (115, 372)},
                   "upper_trapezius_trp2": {"back": (150, 388)}}),
    Muscle("middle_trapezius", {"back": middle_trapezius_back},
           points={"middle_trapezius_trp1": {"back": (58, 410)}}),
    Muscle("lower_trapezius", {"back": lower_trapezius_back},
           points={"lower_trapezius_trp1": {"back": (74, 528)}}),
    Muscle("platysma", {"front": platysma_front, "side": platysma_side},
           points={"platysma_trp1": {"front": (56, 383), "side": (630, 380)}}),
    Muscle("scalenes", {"front": scalenes_front, "side": scalenes_side}, deep=True,
           points={"scalenes_trp1": {"front": (76, 370), "side": (592, 362)}}),
    Muscle("sternocleidomastoid_clavicular", {"front": scm_clavicular_front, "side": scm_clavicular_side},
           points={"sternocleidomastoid_clavicular_middle": {"front": (54, 322), "side": (600, 325)},
                   "sternocleidomastoid_clavicular_upper": {"front": (68, 275), "side": (572, 262)}}),
    Muscle("sternocleidomastoid_sternal", {"front": scm_sternal_front, "side": scm_sternal_side},
           points={"sternocleidomastoid_sternal_lower": {"front": (16, 374), "side": (640, 383)},
                   "sternocleidomastoid_sternal_middle": {"front": (31, 340), "side": (616, 336)},
                   "sternocleidomastoid_sternal_upper": {"front": (50, 303), "side": (594, 282)}}),
    Muscle("buccinator", {"front": buccinator_front, "side": buccinator_side}, deep=True,
           points={"buccinator_trp1": {"front": (50, 258), "side": (696, 258)}}),
    Muscle("masseter", {"front": masseter_front, "side": masseter_side},
           points={"masseter_superficial_upper": {"side": (676, 212)},
                   "masseter_superficial_mid": {"front": (77, 232), "side": (652, 244)},
                   "masseter_superficial_lower": {"side": (630, 276)},
                   "masseter_deep": {"side": (622, 209)}}),
    Muscle("splenius_capitis", {"side": splenius_capitis_side, "back": splenius_capitis_back},
           back_layer=DEEP,
           points={"splenius_capitis_trp1": {"side": (544, 262), "back": (64, 258)}}),
    Muscle("levator_scapulae", {"side": levator_scapulae_side, "back": levator_scapulae_back},
           back_layer=DEEP,
           points={"levator_scapulae_upper": {"side": (562, 346), "back": (72, 334)},
                   "levator_scapulae_lower": {"back": (86, 394)}}),
    Muscle("splenius_cervicis", {"back": splenius_cervicis_back}, deep=True, back_layer=DEEP,
           points={"splenius_cervicis_upper": {"back": (53, 286)},
                   "splenius_cervicis_lower": {"back": (55, 360)}}),
    Muscle("semispinalis_capitis", {"back": semispinalis_capitis_back}, deep=True, back_layer=DEEP,
           points={"semispinalis_capitis_trp1": {"back": (19, 224)}}),
    Muscle("multifidi_cervical", {"back": multifidi_back}, deep=True, back_layer=DEEP,
           points={"multifidi_cervical_trp1": {"back": (9, 320)}}),
    Muscle("suboccipitals", {"back": suboccipitals_back}, deep=True, back_layer=DEEP,
           points={"suboccipitals_trp1": {"back": (36, 238)}}),
    Muscle("frontalis", {"front": frontalis_front, "side": frontalis_side},
           points={"frontalis_trp1": {"front": (24, 142)}}),
    Muscle("zygomaticus_major", {"front": zygomaticus_front, "side": zygomaticus_side},
           points={"zygomaticus_major_trp1": {"front": (56, 230), "side": (698, 232)}}),
    Muscle("orbicularis_oculi", {"front": orbicularis_front, "side": orbicularis_side},
           points={"orbicularis_oculi_trp1": {"front": (36, 163.5)}}),
    Muscle("occipitalis", {"side": occipitalis_side, "back": occipitalis_back},
           points={"occipitalis_trp1": {"side": (490, 165), "back": (42, 178)}}),
    Muscle("digastric", {"front": digastric_front, "side": digastric_side},
           points={"digastric_posterior": {"side": (578, 262)},
                   "digastric_anterior": {"front": (10, 312), "side": (690, 309)}}),
    Muscle("longus_colli", {"front": longus_colli_front, "side": longus_colli_side}, deep=True,
           points={"longus_colli_trp1": {"front": (8, 350), "side": (574, 330)}}),
    Muscle("medial_pterygoid", {"side": medial_pterygoid_side}, deep=True,
           points={"medial_pterygoid_trp1": {"side": (627, 248)}}),
    Muscle("lateral_pterygoid", {"side": lateral_pterygoid_side}, deep=True,
           points={"lateral_pterygoid_trp1": {"side": (648, 208)}}),
)
