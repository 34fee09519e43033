"""The pain regions of each view, as claims that ``tiling.tile`` carves the silhouette into.

A claim is (region id, rough shape), most specific first: a region takes its rough shape minus
what the claims before it took, inside the silhouette. In the front, back and mouth views the
claims are carved on the viewer's right of the midline and the result is mirrored, so the two
sides are exact mirror images and every region is split at the midline into the patient's left
and right. To add a region: add its claim to every view where it is seen (and a row to
``data/regions.csv``).
"""

from __future__ import annotations

import numpy as np
from shapely.geometry import LineString, Polygon, box

from tools.drawing.canvas import CELL_W, LIPS_Y, Canvas
from tools.drawing.geometry import beyond, blob, ellipse, inter, minus, mirror, mirror_pts, smooth, union
from tools.drawing.tiling import SKIN


def _both(geom, cx):
    return union(geom, mirror(geom, cx))


def front(c: Canvas, head, ears) -> list:
    cx, at = c.cx, c.at
    lips_line = at((-60, 257.5), (-31, LIPS_Y), (-16, 256.2), (0, 257.8), (16, 256.2),
                   (31, LIPS_Y), (60, 257.5))
    clav_line = at((-260, 388), (-160, 385.2), (-80, 392.5), (-40, 397), (-14, 397),
                   (0, 401.2), (14, 397), (40, 397), (80, 392.5), (160, 385.2), (260, 388))
    hair_line = at((-130, 150), (-88, 158), (-86, 134), (-79.5, 113), (-67, 97.5),
                   (-47, 88.5), (-24, 84.4), (0, 83.3), (24, 84.4), (47, 88.5),
                   (67, 97.5), (79.5, 113), (86, 134), (88, 158), (130, 150))
    temporal_line = at((130, 90), (92, 98), (80, 110), (72, 128), (67.5, 150), (67, 172), (69, 200))
    crown_line = at((62, 20), (55, 52), (47, 76), (44, 92))
    v_line = smooth(at((70, 262), (58, 292), (40, 324), (22, 362), (9, 397))).points()
    split = at((75, 290), (61.5, 322), (66, 342), (80, 366), (99, 392))
    shoulder = inter(beyond(clav_line, "above"), beyond(split, "right"))
    # Upper chest: the skin over the manubrium and the top of the sternum, from the sternal
    # notch and the clavicles' medial ends down to the crop, a shield about two fingers wider
    # than the sternum each side. Beside it, below the collarbone, the chest over the pectoral
    # muscles down to their lower border; the rest of the chest is plain skin.
    sternal_edge = at((60, 380), (60, 398), (57.5, 440), (53.5, 476), (49, 520), (46, 600))
    upper_chest = inter(beyond(sternal_edge, "left"), beyond(mirror_pts(sternal_edge, cx), "right"),
                        beyond(clav_line, "below"))
    pectoral_low = at((40, 600), (96, 556), (122, 540), (150, 512), (176, 470), (196, 430),
                      (260, 420))
    return [
        ("retro_orbital", _both(ellipse(cx + 36, 177, 22.5, 12.5), cx)),
        ("eyebrow", _both(blob(at((12, 166), (11.5, 157), (24, 149.8), (40, 146), (56, 148.5),
                                  (71, 156), (57, 160), (40, 158.6), (24, 161.8))), cx)),
        ("nose_bridge", blob(at((0, 160.5), (12.5, 162), (11.5, 184), (12.5, 203), (19.5, 214),
                                (24, 225), (20, 235), (0, 241), (-20, 235), (-24, 225),
                                (-19.5, 214), (-12.5, 203), (-11.5, 184), (-12.5, 162)))),
        ("chin", inter(head, union(blob(at((0, 275), (22, 277), (32, 290), (26, 312), (0, 316),
                                            (-26, 312), (-32, 290), (-22, 277))),
                                   inter(beyond(lips_line, "below"), box(cx - 27, 250, cx + 27, 282))))),
        ("ear", minus(ears, head)),
        ("periorbital", _both(ellipse(cx + 37, 181, 37, 27.5), cx)),
        ("angle_of_jaw", inter(head, _both(ellipse(cx + 68, 266, 16, 17, angle=-35), cx))),
        ("temple", _both(inter(beyond(temporal_line, "right"), box(cx, 104, cx + 120, 194)), cx)),
        ("cheek", _both(inter(box(cx, 186, cx + 120, 262),
                              union(beyond(at((10, 252), (40, 251.5), (60, 249), (78, 243.5),
                                              (100, 235)), "above"),
                                    inter(beyond(lips_line, "above"), box(cx, 230, cx + 32, 262)))), cx)),
        ("jaw", inter(head, box(cx - 120, 240, cx + 120, 330))),
        ("forehead", inter(head, beyond(hair_line, "below"), box(0, 0, CELL_W, 172))),
        ("vertex", inter(beyond(crown_line, "left"), beyond(mirror_pts(crown_line, cx), "right"),
                         beyond(hair_line, "above"))),
        ("lateral_head", box(0, 0, CELL_W, 200)),
        ("anterior_neck", Polygon(np.vstack([v_line, mirror_pts(v_line[::-1], cx)]))),
        ("shoulder_top", _both(shoulder, cx)),
        ("lateral_neck", beyond(clav_line, "above")),
        ("upper_chest", upper_chest),
        ("pectoral", inter(beyond(clav_line, "below"), beyond(pectoral_low, "above"))),
        (SKIN, beyond(clav_line, "below")),
    ]


def mouth(c: Canvas) -> list:
    """The inset: the upper and lower dental arches along the top and bottom of the opening,
    and between them the inside of the mouth and the throat."""
    at = c.at
    opening = c.shapes["opening"]
    upper_edge = at((-40, 88), (-26, 93), (0, 95), (26, 93), (40, 88))
    lower_edge = at((-40, 118), (-26, 113), (0, 111), (26, 113), (40, 118))
    return [
        ("upper_teeth", inter(opening, beyond(upper_edge, "above"))),
        ("lower_teeth", inter(opening, beyond(lower_edge, "below"))),
        ("mouth_throat", opening),
        (SKIN, c.silhouette),
    ]


def side(c: Canvas) -> list:
    head, ear, arm = c.shapes["head"], c.shapes["ear"], c.shapes["arm"]
    neck_front, neck_back = c.shapes["neck_front"], c.shapes["neck_back"]
    vertex_line = [(470, 104), (505, 80), (550, 68), (600, 65), (650, 69), (690, 84), (730, 112)]
    occiput_line = [(515, 40), (522, 88), (530, 130), (537, 170), (546, 205), (552, 230)]
    nuchal_line = [(460, 192), (482, 196), (510, 208), (535, 222), (552, 230), (565, 242)]
    forehead_line = [(676, 60), (690, 100), (696, 130), (697.5, 150), (697.5, 165)]
    temple_raw = Polygon(np.vstack([smooth([(596, 196), (598, 160), (615, 136), (638, 124),
                                            (666, 122), (686, 130), (696, 146),
                                            (697.5, 165)]).points(), [(697.5, 194)]]))
    sternocleido_front = [(603, 264), (612, 300), (629, 347), (648, 398)]
    trap_front = [(524, 220), (531, 262), (543, 306), (563, 350), (594, 384)]
    neck_base = [(480, 356), (501, 357), (530, 363), (560, 372), (594, 384), (616, 390),
                 (636, 395), (652, 400), (700, 404)]
    # The top of the shoulder: the ridge from the neck out to the acromion and the top of the
    # deltoid's cap. Below it the arm: the back of the cap is the back of the shoulder, the
    # rest of the upper arm is the arm. In front of the arm, the chest: the sternum along the
    # front contour and the pectoral muscles behind it; behind the arm, a strip of the back.
    shoulder_low = [(470, 400), (530, 404), (572, 408), (612, 408), (700, 406)]
    cap_low = [(520, 470), (560, 474), (596, 476), (700, 472)]
    sternum_inner = np.vstack([[(652, 404)], neck_front[neck_front[:, 1] >= 410][::-1] - (13, 0)])
    back_inner = neck_back[neck_back[:, 1] >= 356] + (45, 0)
    ramus_front = [(644, 150), (643, 194), (640, 220), (634, 250), (626, 300)]
    cheek_low = [(600, 252), (634, 250), (664, 248), (700, 252), (716, 257.5), (760, 258)]
    arm_mid = [(596, 300), (596, 600)]
    return [
        ("ear", ear), ("tmj", ellipse(611, 199, 8.5, 8.5)),
        ("mastoid", ellipse(557, 244, 12.5, 15)),
        ("periorbital", ellipse(707, 178.5, 15.5, 17.5)),
        ("nose_bridge", inter(beyond([(715, 166), (721, 200), (723, 222), (726, 236)], "right"),
                              box(700, 166, 760, 235))),
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
        ("lateral_head", inter(head, beyond([*nuchal_line[:-1], (600, 236), (760, 236)], "above"))),
        ("anterior_neck", inter(beyond(sternocleido_front, "right"), beyond(neck_base, "above"))),
        ("lateral_neck", inter(beyond(trap_front, "right"), beyond(neck_base, "above"))),
        ("posterior_neck", beyond(neck_base, "above")),
        ("shoulder_top", inter(beyond(shoulder_low, "above"), union(arm, box(470, 300, 612, 420)))),
        ("posterior_shoulder", inter(arm, beyond(arm_mid, "left"), beyond(cap_low, "above"))),
        ("arm", arm),
        ("upper_chest", inter(beyond(sternum_inner, "right"), beyond(neck_base, "below"))),
        ("pectoral", minus(beyond(neck_base, "below"), beyond([(600, 300), (600, 600)], "left"))),
        ("upper_back", inter(beyond(back_inner, "left"), beyond(shoulder_low, "below"))),
        (SKIN, beyond(neck_base, "below")),
    ]


def back(c: Canvas) -> list:
    cx, at = c.cx, c.at
    head, ears = c.shapes["head"], c.shapes["ears"]
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
    occipital_bone = Polygon(smooth(np.vstack([mirror_pts(lambdoid[::-1], cx), lambdoid[1:]])).points())
    # The inner border of the shoulder blade, from its upper corner to its lower one, as a band
    # about a finger wide either side of the bone's edge. Between the two borders, the upper
    # back. (The back of the shoulder lies beyond the edge of this view; the side views show it.)
    border = smooth(c.shapes["scapula"][1:6]).points()
    medial_border = LineString(border).buffer(13, cap_style="round")
    interscapular = at((100, 360), (98, 404), (98, 440), (101, 470), (104, 500), (110, 540),
                       (116, 600))
    upper_back = inter(beyond(interscapular, "left"), beyond(mirror_pts(interscapular, cx), "right"))
    return [
        ("ear", minus(ears, head)),
        ("mastoid", _both(ellipse(cx + 73, 240, 12.5, 15), cx)),
        ("vertex", beyond(vertex_line, "above")),
        ("occiput", inter(occipital_bone, beyond(nuchal_cut, "above"))),
        ("lateral_head", beyond(nuchal_cut, "above")),
        ("posterior_neck", beyond(neck_low, "above")),
        ("shoulder_top", beyond(shoulder_low, "above")),
        ("scapula_medial_border", inter(_both(medial_border, cx), beyond(shoulder_low, "below"))),
        ("upper_back", upper_back),
        (SKIN, beyond(shoulder_low, "below")),
    ]
