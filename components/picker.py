"""The searchable list of muscles, places and nerves beside the diagram.

Every entry is a real button, so the list works by keyboard and screen reader; the browser
script filters it as the user types and mirrors the diagram's state onto it. Search finds the
words people use as well as the clinical names: the abbreviations, synonyms and patient words
in ``data/search_terms.csv``.

The list is plain markup in the page itself, from ``templates/picker.html``. Built from Dash
components, its buttons took the page about as long to render as everything else on it together
(BENCHMARKS.md, first load and growth).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import groupby

from components import ids
from components.templates import render
from referral import ReferralMap


def search_text(*parts: str) -> str:
    return " ".join(parts).lower()


def render_picker(referral_map: ReferralMap, terms: Mapping[tuple[str, str], tuple[str, ...]]) -> str:
    """The search box and the grouped list."""
    extra = lambda kind, item_id: terms.get((kind, item_id), ())  # noqa: E731
    muscles = sorted(referral_map.muscles.values(), key=lambda m: (m.group, m.name))
    groups = [
        (group, [{"id": m.id, "name": m.name,
                  "search": search_text(m.name, m.group, m.plain_words, *extra("muscle", m.id))} for m in members])
        for group, members in groupby(muscles, key=lambda m: m.group)
    ]
    regions = [{"id": r.id, "name": r.name, "words": r.patient_words,
                "search": search_text(r.name, r.patient_words, *extra("region", r.id))}
               for r in sorted(referral_map.regions.values(), key=lambda r: r.name)]
    nerves = [{"id": n.id, "name": n.name, "words": n.patient_words,
               "search": search_text(n.name, n.patient_words, n.origin, *extra("nerve", n.id))}
              for n in sorted(referral_map.nerves.values(), key=lambda n: n.name)]
    return render("picker.html", ids=ids, muscle_groups=groups, regions=regions, nerves=nerves)
