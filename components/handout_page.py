"""The printable patient handout: ``/handout?muscle=<id>`` or ``/handout?regions=<id>,<id>``.

A plain Flask page on the app's server, not a Dash page: it needs no interactivity and must
print well. The address is read with the core's ``selection_from_query`` (unknown ids are
dropped and named in a notice, as on the main page), the words come from
``referral.handout.handout_for`` and the drawing from ``referral.markup.highlighted_markup``;
this module only lays them out as semantic HTML, escaping every text. Its stylesheet
(assets/handout.css, with the print rules) and its one script (assets/handout.js, the Print
button) are files, so the page runs under the same Content-Security-Policy as the app.
"""

from __future__ import annotations

from html import escape

from dash import Dash
from flask import Response, request

from components.data import DRAWING_INLINE, GUIDANCE, REFERRAL_MAP
from referral import ReferralMap, highlight_for, query_for, selection_from_query
from referral.guidance import Guidance
from referral.handout import Candidate, Handout, Place, handout_for
from referral.markup import highlighted_markup
from referral.model import SelfCare

ROUTE = "handout"
PRINT_LABEL = "Print / Save as PDF"
HEADINGS = {
    "why": "Why it hurts there",
    "where": "Where it can hurt",
    "marked": "Where you marked pain",
    "candidates": "Muscles that can cause this pain",
    "self_care": "What you can do",
    "expect": "What to expect from treatment",
    "red_flags": "See a doctor straight away, or call your emergency number, if you have:",
    "evidence": "What the research says",
    "sources": "Sources",
}
LEGENDS = {
    "muscle": (("swatch-essential", "Nearly always hurts here"), ("swatch-spillover", "Sometimes hurts here"),
               ("swatch-trigger", "Trigger point")),
    "regions": (("swatch-marked", "Where you marked pain"), ("swatch-referring", "Muscle that can cause it"),
                ("swatch-trigger", "Trigger point")),
    "general": (),
}


def register_handout(app: Dash) -> None:
    """Serve the handout beside ``app``'s pages, with links relative to the app's address."""
    prefix = app.config.requests_pathname_prefix

    def handout() -> Response:
        page = render_page(request.query_string.decode("utf-8", "replace"), REFERRAL_MAP, GUIDANCE, DRAWING_INLINE,
                           prefix)
        return Response(page, mimetype="text/html")

    app.server.add_url_rule(app.config.routes_pathname_prefix + ROUTE, endpoint="handout", view_func=handout)


def render_page(query: str, referral_map: ReferralMap, guidance: Guidance, drawing: str, prefix: str = "/") -> str:
    """The whole handout page for an address's query string."""
    reading = selection_from_query(query, referral_map)
    selection = reading.selection
    content = handout_for(selection, referral_map, guidance)
    mode = "region" if content.kind == "regions" else "muscle"
    svg = highlighted_markup(drawing, highlight_for(selection, referral_map), mode, label=content.diagram_label)
    notices = "".join(f'<p class="notice-line">{escape(text)}</p>' for text in reading.notices)
    back = escape(prefix + query_for(selection), quote=True)
    body = [
        f'<nav class="handout-bar no-print" aria-label="Handout"><a class="back" href="{back}">Back to the map</a>'
        f'<button type="button" class="print-button" data-print hidden>{escape(PRINT_LABEL)}</button></nav>',
        f'<div class="notice no-print" role="status">{notices}</div>' if notices else "",
        '<main class="handout">',
        _head(content),
        f'<figure class="handout-diagram">{svg}{_legend(content.kind)}</figure>',
        '<div class="flow">',
        *_body(content),
        _section("expect", HEADINGS["expect"], "".join(f"<p>{escape(text)}</p>" for text in content.expect)),
        _red_flags(content),
        _evidence(content),
        _sources(content),
        "</div></main>",
    ]
    assets = prefix + "assets/"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(content.title)} · Referral Map handout</title>"
        f'<link rel="stylesheet" href="{assets}referral_map.css">'
        f'<link rel="stylesheet" href="{assets}handout.css">'
        f'<script src="{assets}handout.js" defer></script>'
        f'</head><body class="handout-page" data-kind="{content.kind}">{"".join(body)}</body></html>'
    )


def _head(content: Handout) -> str:
    disclaimer = " ".join(escape(text) for text in content.disclaimer)
    return (
        '<header class="handout-head"><p class="kicker">Referral Map · Patient handout</p>'
        f"<h1>{escape(content.title)}</h1><p class=\"lead\">{escape(content.lead)}</p>"
        f'<p class="disclaimer"><strong>Please note:</strong> {disclaimer}</p></header>'
    )


def _legend(kind: str) -> str:
    items = "".join(
        f'<li><span class="swatch {swatch}" aria-hidden="true"></span>{escape(text)}</li>' for swatch, text in LEGENDS[kind]
    )
    return f'<figcaption><ul class="legend">{items}</ul></figcaption>' if items else ""


def _body(content: Handout) -> list[str]:
    """The sections that depend on what is selected, in reading order."""
    why = _section("why", HEADINGS["why"], "".join(f"<p>{escape(text)}</p>" for text in content.about))
    if content.kind == "muscle":
        muscle = content.muscle
        where = (
            _places("Nearly always", content.usually, "essential")
            + (_places("Sometimes also", content.sometimes, "spillover") if content.sometimes else "")
        )
        about = f"<p>{escape(muscle.plain_words)}</p><p>{escape(muscle.why_it_matters)}</p>"
        return [_section("muscle", "About this muscle", about), _section("where", HEADINGS["where"], where), why,
                _self_care(content.self_care)]
    if content.kind == "regions":
        marked = _places("", content.marked, "marked")
        return [_section("marked", HEADINGS["marked"], marked), _candidates(content), why,
                _self_care(content.self_care)]
    return [
        _section("why", "What trigger points are", "".join(f"<p>{escape(text)}</p>" for text in content.about)),
        _section("self_care", HEADINGS["self_care"],
                 "<p>Ask your clinician to print this handout for the muscle or the pain pattern you talked about: "
                 "it will then show where that pain comes from and the exercises that ease it.</p>"),
    ]


def _section(name: str, heading: str, inner: str) -> str:
    return f'<section class="block" data-section="{name}"><h2>{escape(heading)}</h2>{inner}</section>'


def _places(label: str, places: tuple[Place, ...], pattern: str) -> str:
    items = "".join(
        f'<li data-region-item="{escape(p.region_id, quote=True)}"><strong>{escape(_capital(p.phrase))}</strong>'
        f' — {escape(p.words)} <span class="term">{escape(p.name)}</span></li>'
        for p in places
    )
    heading = (f'<h3><span class="swatch swatch-{pattern}" aria-hidden="true"></span>{escape(label)}</h3>'
               if label else "")
    return f'{heading}<ul class="places" data-pattern="{pattern}">{items}</ul>'


def _candidates(content: Handout) -> str:
    rows = "".join(_candidate(candidate) for candidate in content.candidates)
    inner = f'<ol class="candidates">{rows}</ol>' if rows else ""
    if content.more_candidates:
        more = content.more_candidates
        inner += (f'<p class="muted">{more} more muscle{"s" if more > 1 else ""} can also send pain to these places; '
                  "your clinician can show you them on the map.</p>")
    if content.unexplained:
        names = ", ".join(escape(p.phrase) for p in content.unexplained)
        inner += f'<p class="unexplained">No muscle in this map sends pain to: {names}.</p>'
    return _section("candidates", HEADINGS["candidates"], inner)


def _candidate(candidate: Candidate) -> str:
    muscle = candidate.muscle
    return (
        f'<li data-muscle-item="{escape(muscle.id, quote=True)}" data-side="{escape(candidate.side, quote=True)}">'
        f'<h3>{escape(muscle.name)}, on your {escape(candidate.side)} side</h3>'
        f'<p class="explains">{escape(candidate.explains)}</p><p>{escape(muscle.plain_words)}</p></li>'
    )


def _self_care(items: tuple[SelfCare, ...]) -> str:
    if not items:
        return _section("self_care", HEADINGS["self_care"],
                        "<p>Ask your clinician which exercises suit you.</p>")
    cards = []
    for care in items:
        steps = "".join(f"<li>{escape(step)}</li>" for step in care.steps)
        caution = f'<p class="caution"><strong>Take care:</strong> {escape(care.caution)}</p>' if care.caution else ""
        cards.append(
            f'<article class="care" data-self-care="{escape(care.id, quote=True)}"><h3>{escape(care.name)}</h3>'
            f"<p>{escape(care.purpose)}</p><ol>{steps}</ol>"
            f"<p><strong>How long:</strong> {escape(care.dose)}</p>{caution}</article>"
        )
    return _section("self_care", HEADINGS["self_care"], f'<div class="care-list">{"".join(cards)}</div>')


def _red_flags(content: Handout) -> str:
    items = "".join(f"<li>{escape(text)}</li>" for text in content.red_flags)
    return (f'<section class="block red-flags" data-section="red_flags" role="note">'
            f'<h2>{escape(HEADINGS["red_flags"])}</h2><ul>{items}</ul></section>')


def _evidence(content: Handout) -> str:
    items = []
    for item in content.evidence:
        numbers = dict.fromkeys(content.reference_number(s) for s in item.sources)
        refs = ", ".join(str(number) for number in numbers if number is not None)
        note = f'<p class="citation-note">{escape(item.citation_note)}</p>' if item.citation_note else ""
        items.append(
            f'<article class="evidence" data-evidence="{escape(item.id, quote=True)}">'
            f'<h3>{escape(item.title)} <span class="refs">[{refs}]</span></h3>'
            f'<p><span class="design">{escape(item.design)}.</span> {escape(item.found)}</p>'
            f"<p><strong>What it means for you:</strong> {escape(item.meaning)}</p>"
            f'<p class="limits"><strong>Limits:</strong> {escape(item.limits)}</p>{note}</article>'
        )
    return _section("evidence", HEADINGS["evidence"], "".join(items))


def _sources(content: Handout) -> str:
    items = []
    for reference in content.references:
        link = (f' <a href="{escape(reference.url, quote=True)}" rel="noopener noreferrer">{escape(reference.url)}</a>'
                if reference.url else "")
        ids = escape(" ".join(reference.source_ids), quote=True)
        items.append(f'<li data-source="{ids}">{escape(reference.text)}{link}</li>')
    return _section("sources", HEADINGS["sources"], f'<ol class="source-list">{"".join(items)}</ol>')


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
