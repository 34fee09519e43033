"""The searchable list of muscles and regions beside the diagram.

Every entry is a real button, so the list works by keyboard and screen reader; the browser
script filters it as the user types and mirrors the diagram's state onto it.

The list is plain markup in the page itself (components/markup.py), built here with every text
escaped. Built from Dash components, its 130-odd buttons and labels took the page about as long
to render as everything else on it together, and ten times longer with a table ten times larger
(BENCHMARKS.md, first load and growth).
"""

from __future__ import annotations

from html import escape
from itertools import groupby

from components import ids
from components.data import REFERRAL_MAP
from components.markup import tag
from referral import ReferralMap


def _search_text(*parts: str) -> str:
    return " ".join(parts).lower()


def render_picker() -> str:
    """The search box and the grouped list."""
    label = tag("label", "Find a muscle or a place", for_=ids.PICKER_SEARCH, class_="picker-label")
    search = ('<input type="search" id="{}" class="form-control picker-search" autocomplete="off" '
              'placeholder="e.g. jaw, temple, trapezius">').format(ids.PICKER_SEARCH)
    return tag("section", label + search + tag("div", render_picker_list(REFERRAL_MAP), id=ids.PICKER_LIST,
                                                   class_="picker-list"),
               id=ids.PICKER, class_="picker", aria_label="Muscles and regions")


def _item(kind: str, item_id: str, search: str, label: str) -> str:
    return (f'<li><button type="button" class="pick pick-{kind}" data-pick="{kind}:{escape(item_id)}" '
            f'data-search="{escape(search)}" aria-pressed="false">{label}</button></li>')


def render_picker_list(referral_map: ReferralMap) -> str:
    """The list's HTML: the muscles by group, then the regions, then a line for no match."""
    parts = ['<h2 class="picker-heading">Muscles</h2>']
    muscles = sorted(referral_map.muscles.values(), key=lambda m: (m.group, m.name))
    for group, members in groupby(muscles, key=lambda m: m.group):
        items = "".join(_item("muscle", m.id, _search_text(m.name, m.group, m.plain_words), escape(m.name))
                        for m in members)
        parts.append(f'<div class="picker-group" data-picker-group="muscles">'
                     f'<h3 class="picker-group-title">{escape(group)}</h3><ul>{items}</ul></div>')
    regions = sorted(referral_map.regions.values(), key=lambda r: r.name)
    items = "".join(
        _item("region", r.id, _search_text(r.name, r.patient_words),
              f'<span class="pick-name">{escape(r.name)}</span><span class="pick-words">{escape(r.patient_words)}</span>')
        for r in regions
    )
    parts.append(f'<div class="picker-group" data-picker-group="regions">'
                 f'<h2 class="picker-heading">Regions</h2><ul>{items}</ul></div>')
    parts.append('<p class="picker-empty" hidden data-picker-empty="">Nothing matches.</p>')
    return "".join(parts)

