"""The diagram: the head-and-neck drawing, the view switch, the chooser and the legend.

The drawing and the referral index travel once, in the page's HTML (``templates/diagram.html``);
the browser script answers every tap itself from then on (assets/referral_map.js). The server
never re-sends geometry. Before the drawing is put in the page, every tappable shape is given
its accessible name ("Temple, left, front view") and role from the tables, and every view its
label. The legend's marks are inline SVG, so they print as they show.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup, escape

from components import ids
from components.templates import render
from components.theme import VIEW_GROUP_LABELS, VIEW_NAMES
from referral import ReferralMap
from referral.index import short_name

_VIEW = re.compile(r'<g id="view-([a-z-]+)" data-view="([a-z-]+)"')
_TAPPABLE = re.compile(
    r'<g id="(?P<view>front|side-right|side-left|back)-(?P<what>muscle|region|nerve|tp)-[^"]*" '
    r'class="(?P<cls>[^"]*)" data-(?P<kind>muscle|region|nerve|trigger-point)="(?P<id>[a-z0-9_]+)" '
    r'data-side="(?P<side>[a-z]+)"')


def accessible_name(kind: str, item_id: str, side: str, view: str, referral_map: ReferralMap) -> str:
    """What a screen reader says for one shape: its name, the side and the view."""
    if kind == "muscle":
        name = referral_map.muscles[item_id].name
    elif kind == "region":
        name = short_name(referral_map.regions[item_id].name)
    elif kind == "nerve":
        name = referral_map.nerves[item_id].name
    else:
        point = referral_map.trigger_points[item_id]
        name = f"{referral_map.muscles[point.muscle_id].name}: trigger point {point.label}"
    return f"{name}, {side}, {VIEW_NAMES[view]}"


def label_drawing(markup: str, referral_map: ReferralMap) -> str:
    """The drawing with a role and a name on every view and every tappable shape."""
    def view(match: re.Match) -> str:
        return f'{match.group(0)} role="group" aria-label="{escape(VIEW_GROUP_LABELS[match.group(2)])}"'

    def shape(match: re.Match) -> str:
        kind = "point" if match["kind"] == "trigger-point" else match["kind"]
        name = accessible_name(kind, match["id"], match["side"], match["view"], referral_map)
        return (f'{match.group(0)} role="button" tabindex="-1" aria-pressed="false" '
                f'aria-label="{escape(name)}"')

    return _TAPPABLE.sub(shape, _VIEW.sub(view, markup))


def render_diagram(referral_map: ReferralMap, drawing: str) -> str:
    """The hero block: the drawing, the view buttons under its views, the chooser, the spoken
    summary and the index.

    The index (each muscle's trigger points and rows, each nerve's territory, the names) rides
    along as a JSON data block, which browsers never run; the browser script reads it once.
    """
    index = json.dumps(referral_map.index_json(), separators=(",", ":"), ensure_ascii=False)
    return render("diagram.html", ids=ids, drawing=Markup(label_drawing(drawing, referral_map)),
                  index=Markup(index.replace("</", "<\\/")), legend=legend_items())


SWATCHES = {
    # Each mark is drawn, not painted with CSS gradients, so it prints as it shows.
    "essential": '<rect x="1" y="1" width="16" height="16" rx="3" class="sw-essential"/>',
    "spillover": (
        '<rect x="1" y="1" width="16" height="16" rx="3" class="sw-spillover"/>'
        '<g class="sw-dots"><circle cx="5" cy="5" r="1.4"/><circle cx="11" cy="5" r="1.4"/>'
        '<circle cx="8" cy="9" r="1.4"/><circle cx="5" cy="13" r="1.4"/><circle cx="11" cy="13" r="1.4"/></g>'
    ),
    "marked": (
        '<rect x="1" y="1" width="16" height="16" rx="3" class="sw-marked"/>'
        '<path class="sw-hatch" d="M1 9L9 1M1 17L17 1M9 17L17 9"/>'
    ),
    "referring": '<rect x="1" y="1" width="16" height="16" rx="3" class="sw-referring"/>',
    "territory": '<rect x="1" y="1" width="16" height="16" rx="3" class="sw-territory"/>',
    "territory_part": (
        '<rect x="1" y="1" width="16" height="16" rx="3" class="sw-territory-part"/>'
        '<path class="sw-stripes" d="M1 5H17M1 9H17M1 13H17"/>'
    ),
    "trigger": ('<circle cx="9" cy="9" r="7.5" class="sw-badge"/><path class="sw-x" d="M5 5L13 13M13 5L5 13"/>'),
}


LEGEND = (
    ("essential", "Usual zone: felt by nearly everyone", "muscle"),
    ("spillover", "Spillover zone: felt by some", "muscle"),
    ("marked", "Where it hurts", "region"),
    ("referring", "Muscle that can cause it", "region"),
    ("territory", "Skin the nerve supplies", "nerve"),
    ("territory_part", "Skin it shares with another nerve", "nerve"),
    ("trigger", "Trigger point", "muscle region"),
)


def legend_items() -> list[dict]:
    """The legend's entries: each mark as inline SVG, what it means, and the modes it shows in."""
    return [{"name": name, "svg": Markup(SWATCHES[name]), "label": label, "modes": modes}
            for name, label, modes in LEGEND]
