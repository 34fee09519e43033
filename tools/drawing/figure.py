"""The figure in each view: its landmarks, its silhouette and its line art (nothing tappable).

Each ``*_canvas()`` assembles one view from its structures (head, ears, neck and shoulders,
eyes, nose, mouth, ...). Every structure is one small function below, or one landmark list
when several views or several strokes share it, with coordinates derived from the proportions
in ``canvas.py``. A view builds its silhouette (head, ears, neck and shoulders, cut by the bust
crop) and then strokes the detail lines of each structure, clipped to the figure and hidden
where something lies in front. The named shapes it keeps (``canvas.shapes``) are what regions
and muscles are clipped to. In the front and back views everything paired is written on the
viewer's right of the midline (``c.at(dx, y)``) and mirrored.

The order in which a view calls its structures is the drawing order of the line art.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, Polygon

from tools.drawing.canvas import (
    CELL_W,
    CHIN_Y,
    CROP_Y,
    EAR_TOP_Y,
    EYE_Y,
    HAIRLINE_Y,
    LEFT,
    LIPS_Y,
    RIGHT,
    VERTEX_Y,
    Canvas,
    bust_crop,
    contour,
)
from tools.drawing.geometry import (
    area,
    blob,
    ellipse,
    inter,
    mirror,
    mirror_pts,
    smooth,
    straight,
    union,
    visible_lines,
)

# --- Helpers shared by the views -------------------------------------------------------------

def _pair(geom, cx: float) -> tuple:
    """A shape declared on the viewer's right of the midline, and its mirror image."""
    return geom, mirror(geom, cx)


def _both(geom, cx: float):
    """A paired shape as one: the declared half and its mirror image together."""
    return union(*_pair(geom, cx))


def _symmetric_curve(c: Canvas, half: np.ndarray):
    """A curve through the landmarks of one half (midline to midline) and back through their
    mirror image, so that symmetric outlines are declared once."""
    return smooth(half) + smooth(mirror_pts(half[::-1], c.cx))


def _edge_within(c: Canvas, geom) -> None:
    """Stroke the outline of ``geom`` where it lies inside the figure (where it is not already
    the silhouette's edge, which ``contour`` draws)."""
    c.line("contour", visible_lines(LineString(geom.exterior.coords),
                                    c.silhouette.exterior.buffer(0.6)))


def _bust(c: Canvas, neck_half) -> Polygon:
    """The neck and shoulders of the front or back view, from one half of their outline: the
    neck's side, then the trapezius sweeping out to shoulders that run out of the picture."""
    neck = smooth(c.at(*neck_half)).points()
    return shapely.make_valid(Polygon(np.vstack([
        [(c.cx, 220)], neck, [(c.cx + 215, CROP_Y + 20), (c.cx - 215, CROP_Y + 20)],
        mirror_pts(neck[::-1], c.cx)]))).buffer(0)


# The top of the head seen from in front or behind, half of it, from the vertex: the cranium is
# widest just above the ears. The front and back views continue it down the face or the skull.
CRANIUM_HALF = ((0, VERTEX_Y), (31, VERTEX_Y + 2.8), (57, 57), (76, 72), (88.5, 93),
                (93.5, 118), (93.5, 144))


def _auricle(c: Canvas, lobe_dx: float) -> Polygon:
    """The right ear seen from in front or from behind: the auricle sticks out beside the head
    from brow level to nose-base level. ``lobe_dx`` is where the lobe meets the head (seen from
    behind it tucks in a unit further)."""
    return blob(c.at((86, EAR_TOP_Y + 2), (93, EAR_TOP_Y - 1.5), (100, 161), (103.5, 172),
                     (104, 190), (101, 208), (97, 222), (92, 231.5), (86.5, 235), (lobe_dx, 232),
                     (80, 200), (82, 170)))


# --- The front view --------------------------------------------------------------------------

def _front_head(c: Canvas) -> Polygon:
    """The head outline, vertex to chin: below the cranium, the cheekbones 90 out below the
    eyes, the jaw's angle a little below the lips' line, then the chin."""
    half = c.at(*CRANIUM_HALF, (91, 166), (90.5, 186), (88.5, 204), (85, 222), (80, 240),
                (75, 255), (70.5, 267), (61, 282), (46, 295.5), (27, 304), (0, CHIN_Y))
    return area(_symmetric_curve(c, half))


# The neck is two thirds of the head width; the trapezius then sweeps out to shoulders that run
# out of the picture (shoulder width is about two head heights).
FRONT_NECK_HALF = ((84, 226), (79, 244), (71.5, 262), (64.5, 284), (61, 305), (60.5, 321),
                   (63, 334), (72, 345), (90, 355), (118, 364), (152, 372), (184, 379),
                   (215, 385))


def _front_lids(c: Canvas) -> tuple[np.ndarray, np.ndarray]:
    """The upper and lower lid of the right eye, corner to corner. Eyes are 36 wide (a fifth of
    the head), one eye width apart, on the horizontal midline of the head."""
    upper = c.at((18, 178), (26, 172.6), (37, 170.3), (47.5, 172), (54, 176.6))
    lower = c.at((18, 178), (28, 181.6), (40, 182.4), (49, 180.6), (54, 176.6))
    return upper, lower


def _front_eye_opening(c: Canvas) -> Polygon:
    """The opening between the lids of the right eye."""
    upper, lower = _front_lids(c)
    return area(smooth(upper) + smooth(lower[::-1]))


def _front_ears(c: Canvas) -> None:
    """The rim (helix) and the inner ridge (antihelix) of each ear, behind the cheek."""
    at, head = c.at, c.shapes["head"]
    c.both("detail", smooth(at((92, 160.5), (98.5, 166), (100.5, 180), (99.5, 198),
                               (96.5, 212), (92.5, 224))), hidden=head)
    c.both("faint", smooth(at((91.5, 174), (94.5, 186), (93.5, 201), (90.5, 212))), hidden=head)


def _front_hairline(c: Canvas) -> None:
    """The hairline, from one temple over the forehead to the other."""
    half = c.at((88, 158), (86, 134), (79.5, 113), (67, 97.5), (47, 88.5), (24, 84.4),
                (0, HAIRLINE_Y))
    c.draw("detail", _symmetric_curve(c, half))


def _front_eyes(c: Canvas) -> None:
    """Eyebrows, irises (showing only between the lids), the lids and the lid creases."""
    at = c.at
    upper, lower = _front_lids(c)
    brow = blob(at((14, 162.5), (13.5, 157.5), (24, 151.4), (40, 147.8), (56, 150.3),
                   (68.5, 157.5), (56.5, 155.4), (40, 154.4), (24, 157.6)))
    iris = ellipse(c.cx + 36.5, EYE_Y, 6.2, 6.2)
    opening = c.shapes["opening"]
    for brow_, iris_, opening_ in zip(_pair(brow, c.cx), _pair(iris, c.cx), _pair(opening, c.cx), strict=True):
        c.fill("brow", brow_)
        c.fill("iris", inter(iris_, opening_))
    c.both("contour-thin", smooth(upper))
    c.both("detail", smooth(lower))
    c.both("faint", smooth(at((21, 171), (30, 166.8), (40, 165.8), (50, 168.2), (55.5, 172.5))))


def _front_nose(c: Canvas) -> None:
    """The bridge as two soft lines, the wings and nostrils at the nose base, the folds from
    the wings to the corners of the mouth, and the base between the nostrils."""
    at = c.at
    c.both("faint", smooth(at((11, 166), (8.5, 184), (8.5, 204), (11.5, 214))))
    c.both("detail", smooth(at((12, 213), (19, 219), (21.5, 226.5), (18.5, 231.5), (11, 231.5))))
    c.both("detail", smooth(at((4.5, 230.6), (8, 229.2), (11.5, 231.2))))
    c.both("faint", smooth(at((23.5, 222), (29.5, 234), (33, 246), (35, 253))))
    c.draw("detail", smooth(at((-4.5, 232.6), (0, 233.6), (4.5, 232.6))))


def _front_mouth(c: Canvas) -> None:
    """The mouth, a third of the way from the nose base to the chin, corners below the irises:
    the line between the lips, the upper lip's bow, the lower lip, and the chin's crease."""
    at = c.at
    c.draw("contour-thin", smooth(at((-31, LIPS_Y), (-16, 256.2), (0, 257.8), (16, 256.2),
                                     (31, LIPS_Y))))
    c.draw("detail", smooth(at((-31, LIPS_Y), (-16, 250.6), (-5.5, 249), (0, 250.6),
                               (5.5, 249), (16, 250.6), (31, LIPS_Y))))
    c.draw("detail", smooth(at((-26, 259.5), (-14, 266.6), (0, 268.6), (14, 266.6),
                               (26, 259.5))))
    c.draw("faint", smooth(at((-11, 281), (0, 282.6), (11, 281))))


def _front_neck_and_chest(c: Canvas) -> None:
    """Thyroid cartilage, sternal notch, collarbones (kept as ``clavicle``), the sternum's
    midline and the edge of the chest muscles towards the armpit."""
    at = c.at
    c.draw("faint", smooth(at((-7, 331), (0, 340), (7, 331))))
    c.draw("detail", smooth(at((-13, 395.5), (-6, 400), (0, 401.2), (6, 400), (13, 395.5))))
    clavicle = at((11, 393.5), (22, 395.5), (45, 396.2), (80, 392.5), (120, 387.6),
                  (160, 385.2), (205, 386))
    clavicle_low = at((16, 401.5), (40, 403.2), (80, 399.8), (120, 394.8), (160, 392.4),
                      (205, 393))
    c.both("detail", smooth(clavicle))
    c.both("faint", smooth(clavicle_low))
    c.draw("faint", straight(at((0, 412), (0, CROP_Y))))
    c.both("faint", smooth(at((196, 430), (176, 470), (150, 512), (122, 540), (96, 556))))
    c.shapes.update(clavicle=clavicle)


def front_canvas() -> Canvas:
    """The front: face, neck, collarbones, the top of the shoulders and the upper chest."""
    c = Canvas("front", 0.0, 200.0, LEFT, Polygon())
    crop = bust_crop(0.0, c.cx)
    head = _front_head(c)
    ears = _both(_auricle(c, lobe_dx=82), c.cx)
    c.silhouette = inter(union(head, ears, _bust(c, FRONT_NECK_HALF)), crop)
    c.shapes.update(head=head, ears=ears, opening=_front_eye_opening(c), crop=crop)

    contour(c, crop)
    _edge_within(c, head)  # the head's outline where it passes in front of the ears
    _front_ears(c)
    _front_hairline(c)
    _front_eyes(c)
    _front_nose(c)
    _front_mouth(c)
    _front_neck_and_chest(c)
    return c


# --- The inset of the front view: inside the mouth -------------------------------------------

def mouth_canvas() -> Canvas:
    """An inset in the front view's top corner: the open mouth as the viewer looks in, so the
    teeth and the inside of the mouth and throat can be shown as what they are. Like the front
    view, the patient's left is on the viewer's right."""
    cx, cy = 52.0, 101.0
    frame = ellipse(cx, cy, 47, 47)
    c = Canvas("mouth", 0.0, cx, LEFT, frame)
    at = c.at
    lips = ellipse(cx, cy + 2, 41, 33)
    opening = ellipse(cx, cy + 2, 33.5, 25.5)
    c.shapes.update(frame=frame, opening=opening, lips=lips)
    c.fill("inset-lips", lips.difference(opening))
    c.line("inset-frame", [np.asarray(frame.exterior.coords)])
    c.line("detail", [np.asarray(opening.exterior.coords)])
    # The tongue's dome rising behind the lower teeth, the uvula hanging from the soft palate
    # at the back, the arches' dividing lines between the teeth.
    c.draw("faint", smooth(at((-22, 112), (-13, 106), (0, 104.5), (13, 106), (22, 112))))
    c.draw("detail", smooth(at((-4, 96), (-3, 100.5), (0, 103), (3, 100.5), (4, 96))))
    for dx in (0, 8, 16, 24):
        for sign in ((1, -1) if dx else (1,)):
            c.draw("faint", straight(at((sign * dx, 78), (sign * dx * 1.04, 93.5 - dx / 8))))
            c.draw("faint", straight(at((sign * dx, 112.5 + dx / 8), (sign * dx * 1.04, 128))))
    return c


# --- The side view ---------------------------------------------------------------------------
# Drawn as the patient's right side, facing the viewer's right, in absolute coordinates. Head
# depth (brow to back of the skull) is about the head height; the ear sits just behind the
# skull's vertical midline (x 597), tilted back, the tragus halfway down it and level with the
# lower rim of the orbit; the jaw joint lies just in front of the tragus.

SIDE_PROFILE = np.array([
    (600, VERTEX_Y), (641, 49.5), (675, 62), (700, 82), (714.5, 106), (721.5, 130),
    (724.5, 150), (722.5, 163), (718.5, 170.5), (721.5, 180), (728.5, 196), (737, 210),
    (743.5, 221), (745, 227.5), (742, 232), (735, 233.4), (731.5, 235), (733.5, 242),
    (737, 249), (733.5, 254.6), (729, LIPS_Y), (732.5, 261), (735, 266.5), (731.5, 273),
    (725.5, 279.5), (727.5, 288), (730.5, 296), (727, 303.5), (714, 308.6)])
SIDE_JAW_BORDER = np.array([(714, 308.6), (690, 303.5), (652, 292), (618, 281.5), (602, 275.5),
                            (596.5, 268.5), (596, 254), (597, 242)])
SIDE_SKULL_BACK = np.array([(597, 242), (586, 248.5), (570, 251), (556, 250), (530, 238),
                            (502, 218), (484, 199), (473.5, 176), (470.5, 148), (476.5, 112),
                            (494, 82), (524, 59.5), (561, 48.5), (600, VERTEX_Y)])
SIDE_NECK_BACK = np.array([(500, 205), (505.5, 240), (509.5, 275), (510, 305), (506.5, 333),
                           (501, 356), (496, 381), (492.5, 410), (490, 450), (488.5, 500),
                           (488, 540), (488.5, CROP_Y + 20)])
SIDE_NECK_FRONT = np.array([(682, CROP_Y + 20), (681, 540), (678.5, 500), (675.5, 468),
                            (667.5, 434), (657.5, 410), (650, 399.5), (648, 384), (648.5, 362),
                            (651, 344), (653.8, 335), (652.5, 326), (657, 318.5), (670, 313.8),
                            (690, 311.2), (708, 309)])
SIDE_TRAGUS = (600, 198)
SIDE_EAR = [(590, 157.5), (575, 157), (563.5, 163.5), (557.5, 177), (558.5, 194), (563, 210),
            (569, 224), (576, 233.5), (583.5, 235), (589.5, 230), (592, 221), (596.5, 211),
            (600.5, 203), (600.5, 193), (597.5, 178), (596, 165)]
# The arm hangs from the shoulder in front of the side of the chest: the deltoid's cap from the
# acromion, then the upper arm, about as deep as the chest is (ANATOMY.md). Its front and back
# edges, from the shoulder down to where the crop cuts them:
SIDE_ARM_FRONT = [(618, 388), (632, 404), (636, 432), (634, 470), (630, 520)]
SIDE_ARM_BACK = [(570, 386), (554, 400), (546, 432), (548, 470), (555, 520)]


def _ear_tilt(pts) -> np.ndarray:
    """Ear landmarks as drawn: the auricle leans back about 12 degrees around the tragus."""
    return np.asarray(affinity.rotate(LineString(pts), -12, origin=SIDE_TRAGUS).coords)


def _side_head() -> Polygon:
    """The head in profile: face, jaw border and the back of the skull."""
    return area(smooth(SIDE_PROFILE) + smooth(SIDE_JAW_BORDER) + smooth(SIDE_SKULL_BACK))


def _side_torso() -> Polygon:
    """The neck and shoulder: the nape, the front of the neck and chest, closed under the jaw."""
    return area(smooth(SIDE_NECK_BACK) + smooth(SIDE_NECK_FRONT)
                + smooth([(708, 309), (660, 270), (600, 222), (540, 205), (500, 205)]))


def _side_arm() -> Polygon:
    """The shoulder's cap and the upper arm, down past the crop."""
    return blob([(594, 381), *SIDE_ARM_FRONT, (628, CROP_Y + 20), (561, CROP_Y + 20),
                 *SIDE_ARM_BACK[::-1]])


def _side_ear(c: Canvas) -> None:
    """The auricle's outline, the helix and antihelix, the ridges of the concha, the tragus."""
    c.draw("contour", smooth(_ear_tilt(SIDE_EAR), closed=True), closed=True)
    c.draw("detail", smooth(_ear_tilt([(591, 162.5), (576, 162), (566, 170), (563, 185),
                                       (565.5, 202), (571, 216), (578, 226.5)])))
    c.draw("detail", smooth(_ear_tilt([(589, 169), (580, 173.5), (573.5, 185), (573.5, 200),
                                       (578.5, 211), (586, 216)])))
    c.draw("faint", smooth(_ear_tilt([(580, 173.5), (590, 181)])))
    c.draw("faint", smooth(_ear_tilt([(593, 188), (585, 187), (579.5, 195), (582, 206),
                                      (590, 209)])))
    c.draw("detail", smooth(_ear_tilt([(596.5, 190), (600, 197), (597, 205)])))


def _side_eye(c: Canvas) -> None:
    """The eye in profile, set back from the brow (its opening kept as ``eye_opening``), the
    iris, the lids, the lid crease and the eyebrow above it."""
    upper_lid = [(699.5, 174), (707, 170.8), (713.5, 172.5), (716, 176.8)]
    lower_lid = [(716, 176.8), (711.5, 181), (704, 182), (699.5, 179)]
    eye_opening = area(smooth(upper_lid) + smooth(lower_lid))
    c.shapes.update(eye_opening=eye_opening)
    c.fill("iris", inter(ellipse(712, 176.7, 2.6, 5.6), eye_opening))
    c.draw("contour-thin", smooth(upper_lid))
    c.draw("detail", smooth(lower_lid))
    c.draw("faint", smooth([(700, 168.5), (708, 165.5), (715, 168)]))
    c.fill("brow", blob([(689, 156), (700, 150.5), (714, 149.5), (722.5, 153), (714, 154.8),
                         (701, 155.8)]))


def _side_nose_mouth_and_cheek(c: Canvas) -> None:
    """Nose wing and nostril, the fold from the wing, the corner of the lips, the zygomatic
    arch."""
    c.draw("detail", smooth([(725, 219), (731.5, 222.5), (734, 228.5), (731, 233), (725.5, 232)]))
    c.draw("faint", smooth([(726, 218.5), (720.5, 226), (721, 236), (725.5, 246)]))
    c.draw("contour-thin", smooth([(729, LIPS_Y), (722, 258.2), (714.5, 258.8)]))
    c.draw("faint", smooth([(714.5, 258.8), (711.5, 262.5)]))
    c.draw("faint", smooth([(694, 196), (660, 193), (630, 192.5), (612, 193.5)]))


def _side_hairline(c: Canvas) -> None:
    """The hairline: over the forehead and the temple to the sideburn; behind the ear to the
    nape."""
    c.draw("faint", smooth([(706, 88), (689, 97), (676, 114), (668, 136), (660, 160),
                            (650, 178), (638, 190), (628, 200)]))
    c.draw("faint", smooth([(547, 178), (541, 205), (531, 228), (516, 244), (507, 250)]))


def _side_shoulder_and_arm(c: Canvas) -> None:
    """The collarbone, from the sternal notch back to the shoulder tip; the arm's outline in
    front of the chest, and the crease of the armpit."""
    c.draw("detail", smooth([(651, 399.5), (636, 395), (614, 389), (594, 383.5)]))
    c.draw("detail", smooth([*SIDE_ARM_BACK, (559, CROP_Y)]))
    c.draw("detail", smooth([*SIDE_ARM_FRONT, (629, CROP_Y)]))
    c.draw("faint", smooth([(562, 462), (592, 476), (624, 472)]))


def side_canvas() -> Canvas:
    """The right side: profile, ear, jaw joint, the side and back of the neck, the shoulder and
    the top of the arm. The left side view is this view's mirror image."""
    x0 = CELL_W
    crop = bust_crop(x0, 585.0, sag=8.0, reach=100.0)
    head = _side_head()
    ear = blob(_ear_tilt(SIDE_EAR))
    silhouette = inter(union(head, ear, _side_torso()), crop)
    c = Canvas("side", x0, x0 + CELL_W / 2, RIGHT, silhouette, paired=False)
    c.shapes.update(head=head, ear=ear, crop=crop, arm=inter(_side_arm(), silhouette),
                    neck_front=SIDE_NECK_FRONT, neck_back=SIDE_NECK_BACK)

    contour(c, crop)
    c.draw("contour", smooth(SIDE_JAW_BORDER[:-1]), hidden=ear)  # the jaw's lower border
    _side_ear(c)
    _side_eye(c)
    _side_nose_mouth_and_cheek(c)
    _side_hairline(c)
    _side_shoulder_and_arm(c)
    return c


# --- The back view ---------------------------------------------------------------------------

def _back_head(c: Canvas) -> Polygon:
    """The back of the head: below the cranium, the skull narrows to its base at the nape."""
    half = c.at(*CRANIUM_HALF, (91.5, 166), (89.5, 188), (86.5, 207), (82, 226), (76, 243),
                (69, 256), (50, 266), (0, 270))
    return area(_symmetric_curve(c, half))


# The nape is shaped by the trapezius, which sweeps out to the shoulders (cropped).
BACK_NECK_HALF = ((84, 226), (78, 244), (71, 260), (66.5, 280), (64.5, 300), (65.5, 318),
                  (72, 333), (88, 346), (116, 358), (150, 368), (182, 376), (215, 383))


def _back_skull_and_spine(c: Canvas) -> None:
    """The superior nuchal line with the external occipital protuberance, the nuchal furrow,
    the prominent spine of C7 and the midline of the back."""
    at = c.at
    c.draw("faint", smooth(at((-70, 226), (-57, 207), (-36, 193), (-16, 186), (0, 184),
                              (16, 186), (36, 193), (57, 207), (70, 226))))
    c.draw("faint", smooth(at((-6, 179), (0, 185), (6, 179))))
    c.draw("faint", smooth(at((0, 276), (0, 305), (0, 338))))
    c.draw("detail", smooth(at((-5.5, 351), (0, 357.5), (5.5, 351))))
    c.draw("faint", straight(at((0, 368), (0, CROP_Y))))


def _back_shoulder_blades(c: Canvas) -> None:
    """The shoulder blades (kept as ``scapula``): the superior angle at T2 a hand's width from
    the spine, the medial border down to the inferior angle at T7, the lateral border up
    towards the armpit, and the spine of the scapula rising from T3 out to the acromion."""
    at = c.at
    scapula = at((96, 396), (85, 404), (86, 440), (90, 478), (97, 515), (110, 546),
                 (128, 530), (152, 498), (178, 462), (196, 440))
    c.both("detail", smooth(scapula))
    c.both("detail", smooth(at((88, 431), (120, 422.5), (160, 410), (200, 400), (220, 396))))
    c.shapes.update(scapula=scapula)


def back_canvas() -> Canvas:
    """The back: skull, nape, shoulders and shoulder blades."""
    c = Canvas("back", 2 * CELL_W, 1000.0, RIGHT, Polygon())
    crop = bust_crop(c.x0, c.cx)
    head = _back_head(c)
    ear = _auricle(c, lobe_dx=81)
    ears = _both(ear, c.cx)
    c.silhouette = inter(union(head, ears, _bust(c, BACK_NECK_HALF)), crop)
    c.shapes.update(head=head, ears=ears, crop=crop)

    contour(c, crop)
    for each_ear in _pair(ear, c.cx):
        _edge_within(c, each_ear)  # the ears stand in front of the skull's outline
    c.both("faint", smooth(c.at((89, 165), (96, 173), (98, 192), (95, 211), (90, 223))))
    _back_skull_and_spine(c)
    _back_shoulder_blades(c)
    return c
