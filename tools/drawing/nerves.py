"""The nerves: each declared once, with its course in every view where it is seen.

A nerve's view function takes that view's canvas and returns its course as one or more
polylines on one side (in the front and back views the viewer's right of the midline, written
``c.at((dx, y), ...)``; in the side view the patient's right side, in absolute units); the
builder mirrors it for the other side. A nerve whose course runs under the muscles or inside the
skull (the three trigeminal divisions) is declared ``deep`` and drawn dashed.

Where the courses come from (``data/nerves.csv`` names the sources): the supraorbital nerve
leaves the orbit at the notch in the medial third of its upper rim and the supratrochlear nerve
medial to it, both climbing the forehead; the infraorbital nerve leaves its foramen just below
the lower rim in line with the pupil and fans to the lower lid, the side of the nose and the
upper lip; the mental nerve leaves the mandible below the second premolar, halfway up the
bone, for the lower lip and chin; the zygomaticotemporal branch comes through the temporal
fascia just behind the orbit's outer rim; the auriculotemporal nerve climbs in front of the ear
beside the superficial temporal vessels; the three divisions fan forward from the trigeminal
ganglion, deep to the temple. At the back, the greater occipital nerve surfaces a little
lateral to the external occipital protuberance and runs up over the occiput towards the
vertex; the third occipital nerve stays close to the midline on the upper neck and the low
occiput; the lesser occipital nerve climbs along the back edge of the sternocleidomastoid to
the scalp behind the ear. From the middle of that edge (Erb's point) the great auricular nerve
crosses the muscle up to the ear lobe and the angle of the jaw, the transverse cervical nerve
runs forward across the neck, and the supraclavicular nerves fan down over the clavicle to the
shoulder and the upper chest. One unit is about 0.8 mm (the head is 180 units wide).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from tools.drawing.canvas import Canvas


@dataclass(frozen=True)
class Nerve:
    ident: str
    views: dict[str, Callable[[Canvas], list]]  # view name -> function(canvas) -> polylines
    deep: bool = False


def _abs(*pts) -> np.ndarray:
    return np.array(pts, dtype=float)


# The face (front view offsets; side view absolute points, face to the right).

def supraorbital_front(c):
    return [c.at((33, 160), (34, 135), (37, 110), (41, 85), (45, 62)), c.at((33, 148), (29, 118), (27, 88))]


def supraorbital_side(c):
    # Up the forehead under the frontalis, about a centimetre inside the profile, towards the
    # crown.
    return [_abs((711, 161), (712, 140), (707, 112), (694, 88), (675, 70), (655, 60))]


def supratrochlear_front(c):
    return [c.at((20, 159), (19.5, 130), (19, 100))]


def infraorbital_front(c):
    return [c.at((36, 200), (31, 224), (25, 249)), c.at((36, 200), (36, 190)), c.at((36, 200), (14, 210))]


def infraorbital_side(c):
    # From the foramen below the orbit: up to the lower lid, forward to the side of the nose,
    # down to the upper lip.
    return [_abs((709, 203), (715, 217), (717, 238)), _abs((709, 203), (708, 190)),
            _abs((709, 203), (722, 213))]


def zygomaticotemporal_front(c):
    return [c.at((72, 172), (75, 160), (77, 148))]


def zygomaticotemporal_side(c):
    return [_abs((683, 172), (677, 152), (671, 132))]


def mental_front(c):
    return [c.at((32, 284), (26, 272), (20, 263)), c.at((32, 284), (24, 298))]


def mental_side(c):
    # The foramen lies below the second premolar, just behind the corner of the mouth and
    # about 2 cm behind the front of the chin, halfway up the body of the mandible.
    return [_abs((703, 289), (712, 279), (718, 269)), _abs((703, 289), (714, 297))]


def auriculotemporal_side(c):
    return [_abs((606, 226), (607, 206), (610, 180), (615, 150), (620, 122), (624, 98))]


def ophthalmic_side(c):
    return [_abs((629, 188), (660, 180), (688, 171), (703, 166))]


def maxillary_side(c):
    return [_abs((629, 192), (656, 199), (684, 204), (706, 204))]


def mandibular_side(c):
    return [_abs((629, 195), (631, 218), (637, 246), (648, 268), (668, 281), (688, 287), (703, 289))]


# The back of the head and the neck (back view offsets to the patient's right; side view).

def greater_occipital_back(c):
    return [c.at((38, 250), (22, 235), (20, 222), (27, 208), (31, 194), (33, 168), (31, 138), (26, 108), (18, 78)),
            c.at((32, 160), (42, 128), (49, 96))]


def greater_occipital_side(c):
    # Seen from the side a nerve 2-3 cm from the midline lies close to the back of the skull:
    # it leaves the nape below the occiput and climbs just inside the skull's outline.
    return [_abs((514, 246), (508, 222), (493, 198), (484, 174), (482, 148), (488, 116),
                 (505, 88), (530, 66), (560, 56))]


def third_occipital_back(c):
    # Up beside the midline from the upper nape to the skin just over the protuberance.
    return [c.at((14, 262), (12, 240), (9, 215), (7, 195), (6, 182))]


def lesser_occipital_back(c):
    return [c.at((58, 288), (62, 258), (66, 228), (69, 198), (70, 170))]


def lesser_occipital_side(c):
    return [_abs((578, 318), (566, 286), (556, 256), (547, 226), (539, 196), (534, 168))]


def great_auricular_side(c):
    # Up over the sternocleidomastoid to the ear lobe, with a branch forward over the angle
    # of the jaw and the parotid and one back to the skin over the mastoid.
    return [_abs((582, 322), (590, 296), (596, 270), (598, 250), (594, 235)),
            _abs((595, 276), (609, 272)), _abs((593, 264), (578, 250), (562, 243))]


def great_auricular_front(c):
    # Seen from the front the upper sternocleidomastoid is the outline of the neck, so the
    # nerve runs just inside that outline, from Erb's point up to below the ear lobe, over
    # the angle of the jaw.
    return [c.at((59, 336), (57.5, 316), (58.5, 300), (61, 284), (66, 268), (72, 253), (77, 240))]


def transverse_cervical_side(c):
    return [_abs((584, 326), (608, 329), (630, 333), (646, 337))]


def transverse_cervical_front(c):
    # Forward across the sternocleidomastoid, then its upper and lower branches to the skin of
    # the front of the neck.
    return [c.at((60, 338), (42, 338), (26, 340), (12, 330)), c.at((26, 340), (13, 354))]


def supraclavicular_side(c):
    # Lateral branches back over the acromion, intermediate ones over the clavicle to the top
    # of the deltoid and the chest, medial ones across the lower sternocleidomastoid towards
    # the sternum.
    return [_abs((580, 332), (574, 364), (568, 398)), _abs((582, 334), (598, 368), (612, 400), (620, 420)),
            _abs((584, 334), (612, 364), (636, 392), (652, 414))]


def supraclavicular_front(c):
    # The trunk's medial, intermediate and lateral branches cross the clavicle: the first two
    # reach the chest to about the second rib, the lateral one the acromion and the shoulder.
    return [c.at((58, 348), (44, 372), (34, 400), (26, 446)), c.at((60, 348), (66, 380), (74, 410), (80, 446)),
            c.at((62, 346), (100, 366), (140, 380), (186, 394))]


NERVES: tuple[Nerve, ...] = (
    Nerve("ophthalmic", {"side": ophthalmic_side}, deep=True),
    Nerve("maxillary", {"side": maxillary_side}, deep=True),
    Nerve("mandibular", {"side": mandibular_side}, deep=True),
    Nerve("supraorbital", {"front": supraorbital_front, "side": supraorbital_side}),
    Nerve("supratrochlear", {"front": supratrochlear_front}),
    Nerve("infraorbital", {"front": infraorbital_front, "side": infraorbital_side}),
    Nerve("zygomaticotemporal", {"front": zygomaticotemporal_front, "side": zygomaticotemporal_side}),
    Nerve("mental", {"front": mental_front, "side": mental_side}),
    Nerve("auriculotemporal", {"side": auriculotemporal_side}),
    Nerve("greater_occipital", {"back": greater_occipital_back, "side": greater_occipital_side}),
    Nerve("third_occipital", {"back": third_occipital_back}),
    Nerve("lesser_occipital", {"back": lesser_occipital_back, "side": lesser_occipital_side}),
    Nerve("great_auricular", {"front": great_auricular_front, "side": great_auricular_side}),
    Nerve("transverse_cervical", {"front": transverse_cervical_front, "side": transverse_cervical_side}),
    Nerve("supraclavicular", {"front": supraclavicular_front, "side": supraclavicular_side}),
)
