"""The figure in each view: its landmarks, its silhouette and its line art (nothing tappable).

Each ``*_canvas()`` writes the landmarks of one view as coordinates derived from the
proportions in ``canvas.py``, builds the silhouette (head, ears, neck and shoulders, cut by the
bust crop) and strokes the detail lines, clipped to the figure and hidden where something lies
in front. The named shapes it keeps (``canvas.shapes``) are what regions and muscles are clipped
to. In the front and back views everything paired is written on the viewer's right of the
midline (``c.at(dx, y)``) and mirrored.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, Polygon

from tools.drawing.canvas import (
    CELL_W, CROP_Y, EAR_TOP_Y, EYE_Y, HAIRLINE_Y, LEFT, LIPS_Y, RIGHT, VERTEX_Y, CHIN_Y, Canvas,
    bust_crop, contour,
)
from tools.drawing.geometry import (
    area, blob, ellipse, inter, mirror, mirror_pts, smooth, straight, union, visible_lines,
)


def _both(geom, cx: float):
    return union(geom, mirror(geom, cx))


def front_canvas() -> Canvas:
    """The front: face, neck, collarbones, the top of the shoulders and the upper chest."""
    cx = 200.0
    crop = bust_crop(0.0, cx)
    c = Canvas("front", 0.0, cx, LEFT, Polygon())
    at = c.at
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
    ears = _both(blob(ear_pts), cx)
    # The neck is two thirds of the head width; the trapezius then sweeps out to shoulders
    # that run out of the picture (shoulder width is about two head heights).
    neck_half = at((84, 226), (79, 244), (71.5, 262), (64.5, 284), (61, 305), (60.5, 321),
                   (63, 334), (72, 345), (90, 355), (118, 364), (152, 372), (184, 379),
                   (215, 385))
    neck = smooth(neck_half).points()
    torso = shapely.make_valid(Polygon(np.vstack([
        [(cx, 220)], neck, [(cx + 215, CROP_Y + 20), (cx - 215, CROP_Y + 20)],
        mirror_pts(neck[::-1], cx)]))).buffer(0)
    c.silhouette = inter(union(head, ears, torso), crop)
    upper_lid = at((18, 178), (26, 172.6), (37, 170.3), (47.5, 172), (54, 176.6))
    lower_lid = at((18, 178), (28, 181.6), (40, 182.4), (49, 180.6), (54, 176.6))
    opening = area(smooth(upper_lid) + smooth(lower_lid[::-1]))
    c.shapes.update(head=head, ears=ears, opening=opening, crop=crop)

    contour(c, crop)
    c.line("contour", visible_lines(LineString(head.exterior.coords), c.silhouette.exterior.buffer(0.6)))
    helix = at((92, 160.5), (98.5, 166), (100.5, 180), (99.5, 198), (96.5, 212), (92.5, 224))
    antihelix = at((91.5, 174), (94.5, 186), (93.5, 201), (90.5, 212))
    c.both("detail", smooth(helix), hidden=head)
    c.both("faint", smooth(antihelix), hidden=head)
    hairline = at((88, 158), (86, 134), (79.5, 113), (67, 97.5), (47, 88.5), (24, 84.4),
                  (0, HAIRLINE_Y))
    c.draw("detail", smooth(hairline) + smooth(mirror_pts(hairline[::-1], cx)))
    # Eyes: 36 wide (a fifth of the head), one eye width apart, on the midline of the head.
    lid_crease = at((21, 171), (30, 166.8), (40, 165.8), (50, 168.2), (55.5, 172.5))
    iris = ellipse(cx + 36.5, EYE_Y, 6.2, 6.2)
    brow = blob(at((14, 162.5), (13.5, 157.5), (24, 151.4), (40, 147.8), (56, 150.3),
                   (68.5, 157.5), (56.5, 155.4), (40, 154.4), (24, 157.6)))
    for geo in (lambda g: g, lambda g: mirror(g, cx)):
        c.fill("brow", geo(brow))
        c.fill("iris", inter(geo(iris), geo(opening)))
    c.both("contour-thin", smooth(upper_lid))
    c.both("detail", smooth(lower_lid))
    c.both("faint", smooth(lid_crease))
    # Nose: the bridge as two soft lines, the wings and nostrils at the nose base.
    c.both("faint", smooth(at((11, 166), (8.5, 184), (8.5, 204), (11.5, 214))))
    c.both("detail", smooth(at((12, 213), (19, 219), (21.5, 226.5), (18.5, 231.5), (11, 231.5))))
    c.both("detail", smooth(at((4.5, 230.6), (8, 229.2), (11.5, 231.2))))
    c.both("faint", smooth(at((23.5, 222), (29.5, 234), (33, 246), (35, 253))))
    c.draw("detail", smooth(at((-4.5, 232.6), (0, 233.6), (4.5, 232.6))))
    # Mouth: a third of the way from the nose base to the chin, corners below the irises.
    c.draw("contour-thin", smooth(at((-31, LIPS_Y), (-16, 256.2), (0, 257.8), (16, 256.2),
                                     (31, LIPS_Y))))
    c.draw("detail", smooth(at((-31, LIPS_Y), (-16, 250.6), (-5.5, 249), (0, 250.6),
                               (5.5, 249), (16, 250.6), (31, LIPS_Y))))
    c.draw("detail", smooth(at((-26, 259.5), (-14, 266.6), (0, 268.6), (14, 266.6),
                               (26, 259.5))))
    c.draw("faint", smooth(at((-11, 281), (0, 282.6), (11, 281))))
    # Neck and chest: thyroid cartilage, sternal notch, collarbones, the edge of the chest
    # muscles towards the armpit.
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
    return c


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


def side_canvas() -> Canvas:
    """The right side: profile, ear, jaw joint, the side and back of the neck, the shoulder and
    the top of the arm. The left side view is this view's mirror image."""
    x0 = CELL_W
    crop = bust_crop(x0, 585.0, sag=8.0, reach=100.0)
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
    skull_back = np.array([(597, 242), (586, 248.5), (570, 251), (556, 250), (530, 238),
                           (502, 218), (484, 199), (473.5, 176), (470.5, 148), (476.5, 112),
                           (494, 82), (524, 59.5), (561, 48.5), (600, VERTEX_Y)])
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
                          (488, 540), (488.5, CROP_Y + 20)])
    neck_front = np.array([(682, CROP_Y + 20), (681, 540), (678.5, 500), (675.5, 468),
                           (667.5, 434), (657.5, 410), (650, 399.5), (648, 384), (648.5, 362),
                           (651, 344), (653.8, 335), (652.5, 326), (657, 318.5), (670, 313.8),
                           (690, 311.2), (708, 309)])
    torso = area(smooth(neck_back) + smooth(neck_front)
                 + smooth([(708, 309), (660, 270), (600, 222), (540, 205), (500, 205)]))
    # The arm hangs from the shoulder in front of the side of the chest: the deltoid's cap
    # from the acromion, then the upper arm, about as deep as the chest is (ANATOMY.md).
    arm = blob([(594, 381), (618, 388), (632, 404), (636, 432), (634, 470), (630, 520),
                (628, CROP_Y + 20), (561, CROP_Y + 20), (555, 520), (548, 470), (546, 432),
                (554, 400), (570, 386)])
    silhouette = inter(union(head, ear, torso), crop)
    c = Canvas("side", x0, x0 + CELL_W / 2, RIGHT, silhouette, paired=False)
    c.shapes.update(head=head, ear=ear, crop=crop, arm=inter(arm, silhouette),
                    neck_front=neck_front, neck_back=neck_back)

    contour(c, crop)
    c.draw("contour", smooth(jaw_border[:-1]), hidden=ear)
    c.draw("contour", smooth(ear_pts, closed=True), closed=True)
    helix = [(591, 162.5), (576, 162), (566, 170), (563, 185), (565.5, 202), (571, 216),
             (578, 226.5)]
    antihelix = [(589, 169), (580, 173.5), (573.5, 185), (573.5, 200), (578.5, 211),
                 (586, 216)]
    c.draw("detail", smooth(ear_tilt(helix)))
    c.draw("detail", smooth(ear_tilt(antihelix)))
    c.draw("faint", smooth(ear_tilt([(580, 173.5), (590, 181)])))
    c.draw("faint", smooth(ear_tilt([(593, 188), (585, 187), (579.5, 195), (582, 206),
                                     (590, 209)])))
    c.draw("detail", smooth(ear_tilt([(596.5, 190), (600, 197), (597, 205)])))
    # Eye in profile, set back from the brow; the eyebrow above it.
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
    # Nose wing and nostril, the corner of the lips, the zygomatic arch.
    c.draw("detail", smooth([(725, 219), (731.5, 222.5), (734, 228.5), (731, 233), (725.5, 232)]))
    c.draw("faint", smooth([(726, 218.5), (720.5, 226), (721, 236), (725.5, 246)]))
    c.draw("contour-thin", smooth([(729, LIPS_Y), (722, 258.2), (714.5, 258.8)]))
    c.draw("faint", smooth([(714.5, 258.8), (711.5, 262.5)]))
    c.draw("faint", smooth([(694, 196), (660, 193), (630, 192.5), (612, 193.5)]))
    # Hairline: over the forehead and the temple to the sideburn; behind the ear to the nape.
    c.draw("faint", smooth([(706, 88), (689, 97), (676, 114), (668, 136), (660, 160),
                            (650, 178), (638, 190), (628, 200)]))
    c.draw("faint", smooth([(547, 178), (541, 205), (531, 228), (516, 244), (507, 250)]))
    # Collarbone, from the sternal notch back to the shoulder tip; the arm's outline in front
    # of the chest, and the crease of the armpit.
    c.draw("detail", smooth([(651, 399.5), (636, 395), (614, 389), (594, 383.5)]))
    c.draw("detail", smooth([(570, 386), (554, 400), (546, 432), (548, 470), (555, 520),
                             (559, CROP_Y)]))
    c.draw("detail", smooth([(618, 388), (632, 404), (636, 432), (634, 470), (630, 520),
                             (629, CROP_Y)]))
    c.draw("faint", smooth([(562, 462), (592, 476), (624, 472)]))
    return c


def back_canvas() -> Canvas:
    """The back: skull, nape, shoulders and shoulder blades."""
    cx = 1000.0
    x0 = 2 * CELL_W
    crop = bust_crop(x0, cx)
    c = Canvas("back", x0, cx, RIGHT, Polygon())
    at = c.at
    head_half = at((0, VERTEX_Y), (31, VERTEX_Y + 2.8), (57, 57), (76, 72), (88.5, 93),
                   (93.5, 118), (93.5, 144), (91.5, 166), (89.5, 188), (86.5, 207), (82, 226),
                   (76, 243), (69, 256), (50, 266), (0, 270))
    head = area(smooth(head_half) + smooth(mirror_pts(head_half[::-1], cx)))
    ear_pts = at((86, EAR_TOP_Y + 2), (93, EAR_TOP_Y - 1.5), (100, 161), (103.5, 172),
                 (104, 190), (101, 208), (97, 222), (92, 231.5), (86.5, 235), (81, 232),
                 (80, 200), (82, 170))
    ears = _both(blob(ear_pts), cx)
    # The nape is shaped by the trapezius, which sweeps out to the shoulders (cropped).
    neck_half = at((84, 226), (78, 244), (71, 260), (66.5, 280), (64.5, 300), (65.5, 318),
                   (72, 333), (88, 346), (116, 358), (150, 368), (182, 376), (215, 383))
    neck = smooth(neck_half).points()
    torso = shapely.make_valid(Polygon(np.vstack([
        [(cx, 220)], neck, [(cx + 215, CROP_Y + 20), (cx - 215, CROP_Y + 20)],
        mirror_pts(neck[::-1], cx)]))).buffer(0)
    c.silhouette = inter(union(head, ears, torso), crop)
    c.shapes.update(head=head, ears=ears, crop=crop)

    contour(c, crop)
    for ear_geom in (blob(ear_pts), mirror(blob(ear_pts), cx)):
        # the ears stand in front of the skull's outline
        c.line("contour", visible_lines(LineString(ear_geom.exterior.coords),
                                        c.silhouette.exterior.buffer(0.6)))
    c.both("faint", smooth(at((89, 165), (96, 173), (98, 192), (95, 211), (90, 223))))
    # The superior nuchal line with the external occipital protuberance, the nuchal furrow,
    # the prominent spine of C7 and the midline of the back.
    c.draw("faint", smooth(at((-70, 226), (-57, 207), (-36, 193), (-16, 186), (0, 184),
                              (16, 186), (36, 193), (57, 207), (70, 226))))
    c.draw("faint", smooth(at((-6, 179), (0, 185), (6, 179))))
    c.draw("faint", smooth(at((0, 276), (0, 305), (0, 338))))
    c.draw("detail", smooth(at((-5.5, 351), (0, 357.5), (5.5, 351))))
    c.draw("faint", straight(at((0, 368), (0, CROP_Y))))
    # Shoulder blades: the superior angle at T2 a hand's width from the spine, the medial
    # border down to the inferior angle at T7, the lateral border up towards the armpit, and
    # the spine of the scapula rising from T3 out to the acromion.
    scapula = at((96, 396), (85, 404), (86, 440), (90, 478), (97, 515), (110, 546),
                 (128, 530), (152, 498), (178, 462), (196, 440))
    c.both("detail", smooth(scapula))
    c.both("detail", smooth(at((88, 431), (120, 422.5), (160, 410), (200, 400), (220, 396))))
    c.shapes.update(scapula=scapula)
    return c
