"""Names and words shared by the page's blocks. Colours live in assets/referral_map.css."""

APP_TITLE = "Referral Map"
TAGLINE = "Where muscles of the head and neck send pain"
MODE_LABELS = {"muscle": "Which muscle?", "region": "Where does it hurt?", "nerve": "Which nerve?"}
MODE_HINTS = {
    "muscle": "Tap a muscle to see where it sends pain.",
    "region": "Tap every place that hurts, on the side it hurts, to see which muscles can send pain there.",
    "nerve": "Tap a nerve to see the skin it supplies and where muscles can press on it.",
}
SIDE_WORDS = {"left": "left", "right": "right"}
VIEW_NAMES = {"front": "front view", "side-right": "right side view", "side-left": "left side view",
              "back": "back view"}
VIEW_GROUP_LABELS = {
    "front": "Front view: the patient's right side is on your left",
    "side-right": "Right side view",
    "side-left": "Left side view",
    "back": "Back view: the patient's right side is on your right",
}
HANDOUT_PATH = "/handout.pdf"  # the map's Handout button downloads the PDF; /handout is the page
STUDY_PATH = "/study/"
LATERALITY_LABELS = {"ipsilateral": "same side", "bilateral": "both sides", "midline": "midline"}
