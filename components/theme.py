"""Names and words shared by the page's blocks. Colours live in assets/referral_map.css."""

APP_TITLE = "Referral Map"
TAGLINE = "Where muscles of the head and neck send pain"
MODE_LABELS = {"muscle": "Which muscle?", "region": "Where does it hurt?"}
MODE_HINTS = {
    "muscle": "Tap a muscle to see where it sends pain.",
    "region": "Tap every place that hurts to see which muscles can send pain there.",
}
LATERALITY_LABELS = {"ipsilateral": "same side", "bilateral": "both sides", "midline": "midline"}
VIEW_LABELS = {"all": "All views", "front": "Front", "side": "Right side", "back": "Back"}
