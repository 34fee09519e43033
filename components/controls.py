"""The top bar: the app's name, the switch between the two ways of looking, clear, print, study.

Static markup in the page itself (see components/markup.py): the buttons carry data attributes
that the browser script answers at once (assets/referral_map.js); none needs the server.
"""

from __future__ import annotations

from components import ids
from components.markup import tag, text
from components.theme import APP_TITLE, MODE_LABELS, TAGLINE


def render_controls() -> str:
    """The app bar with the mode switch and the actions."""
    brand = tag("div", tag("h1", text(APP_TITLE), class_="brand-title") + tag("p", text(TAGLINE), class_="brand-tagline"),
                class_="brand")
    modes = "".join(
        tag("button", text(label), type="button", id=ids.MODE_MUSCLE if mode == "muscle" else ids.MODE_REGION,
            class_="btn mode-button" + (" active" if mode == "muscle" else ""), data_mode=mode,
            aria_pressed="true" if mode == "muscle" else "false")
        for mode, label in MODE_LABELS.items()
    )
    actions = "".join([
        tag("button", "Clear", type="button", id=ids.CLEAR, class_="btn btn-outline-secondary", data_action="clear"),
        tag("a", tag("span", "Print") + tag("span", "&nbsp;/ Save as PDF", class_="wide-only"), id=ids.HANDOUT_LINK,
            href="/handout", data_base="/handout", class_="btn btn-outline-secondary", target="_blank", rel="noopener",
            title="Print / Save as PDF: a handout of this view for the patient"),
        tag("a", "Study", href="/study/", class_="btn btn-outline-secondary",
            title="Study the whole table and take the quiz"),
    ])
    return tag("header", brand + tag("div", modes, class_="btn-group mode-switch", role="group",
                                      aria_label="Way of looking") + tag("div", actions, class_="actions"),
               class_="app-bar")
