"""The top bar: the app's name, the switch between the ways of looking, clear, handout, study.

Static markup in the page itself (``templates/controls.html``): the buttons carry data
attributes that the browser script answers at once (assets/referral_map.js); none needs the
server. The skip link before it takes keyboard users straight to the diagram.
"""

from __future__ import annotations

from components import ids
from components.templates import render
from components.theme import APP_TITLE, HANDOUT_PATH, MODE_LABELS, STUDY_PATH, TAGLINE


def render_controls() -> str:
    """The app bar with the mode switch and the actions."""
    return render("controls.html", ids=ids, title=APP_TITLE, tagline=TAGLINE, modes=MODE_LABELS,
                  handout=HANDOUT_PATH, study=STUDY_PATH)
