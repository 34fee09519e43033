"""The patient handout: ``/handout?…`` to read on screen, ``/handout.pdf?…`` to take home.

Plain Flask routes on the app's server, not Dash pages: neither needs interactivity. Both take
the map's address (``referral.address``: a muscle or trigger point with its side, a nerve, the
pain drawing's places); unknown values are dropped and named in a notice, never an error. The
words come from ``referral.handout.handout_for`` and the drawing from ``handout_drawing``; one
Jinja2 template (``templates/handout.html``) lays them out for both, escaping every text. The
page's stylesheet (assets/handout.css, with the print rules) and its one script
(assets/handout.js, the Print button) are files, so the page runs under the same
Content-Security-Policy as the app. The PDF is made here by WeasyPrint from the same template
and stylesheets, read from the app's own files: its URL fetcher refuses every other address, so
making a PDF never reaches another host. A4 by default (``REFERRAL_MAP_PAPER=letter`` changes
the default; ``&paper=a4|letter`` chooses per handout).
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit
from urllib.request import url2pathname

from dash import Dash
from flask import Response, request

from components.data import Content
from components.diagram import SWATCHES
from components.handout_drawing import ASSETS, colour_variables, drawing_stylesheet, handout_drawing
from components.templates import Markup, render
from referral import ReferralMap, query_for, selection_from_query
from referral.guidance import Guidance
from referral.handout import DIARY_DAYS, DIARY_WEEKS, handout_for
from referral.selection import Selection

ROUTE = "handout"
PDF_ROUTE = "handout.pdf"
PDF_LABEL = "Download PDF"
PAPERS = {"a4": "A4", "letter": "letter"}
PAPER_KEY = "paper"
PAPER_ENV = "REFERRAL_MAP_PAPER"
STYLESHEET = "handout.css"
LEGENDS = {
    "muscle": (("essential", "Nearly always hurts here"), ("spillover", "Sometimes hurts here"),
               ("trigger", "Trigger point")),
    "regions": (("marked", "Where you marked pain"), ("referring", "Muscle that can cause it"),
                ("trigger", "Trigger point")),
    "nerve": (("territory", "Skin the nerve supplies"), ("territory_part", "Skin it shares with another nerve")),
    "general": (),
}


def default_paper() -> str:
    """The paper size when the address names none: ``REFERRAL_MAP_PAPER`` (a4 or letter), else A4."""
    value = os.environ.get(PAPER_ENV, "a4").strip().lower()
    if value not in PAPERS:
        print(f"{PAPER_ENV}={value!r} is not a4 or letter; using a4.", file=sys.stderr, flush=True)
        return "a4"
    return value


DEFAULT_PAPER = default_paper()


def register_handout(app: Dash, content: Content) -> None:
    """Serve the handout page and its PDF beside ``app``'s pages, with links relative to the app."""
    prefix = app.config.requests_pathname_prefix

    def handout() -> Response:
        page = render_page(_query(), content.referral_map, content.guidance, content.drawing_inline, prefix)
        return Response(page, mimetype="text/html")

    def handout_pdf() -> Response:
        pdf, filename = render_pdf(_query(), content.referral_map, content.guidance, content.drawing_inline)
        return Response(pdf, mimetype="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})

    routes = app.config.routes_pathname_prefix
    app.server.add_url_rule(routes + ROUTE, endpoint="handout", view_func=handout)
    app.server.add_url_rule(routes + PDF_ROUTE, endpoint="handout_pdf", view_func=handout_pdf)


def _query() -> str:
    return request.query_string.decode("utf-8", "replace")


def render_page(query: str, referral_map: ReferralMap, guidance: Guidance, drawing: str, prefix: str = "/") -> str:
    """The handout web page for an address's query string."""
    return _render(query, referral_map, guidance, drawing, prefix, printed=False)[0]


def render_pdf(query: str, referral_map: ReferralMap, guidance: Guidance, drawing: str,
               paper: str | None = None) -> tuple[bytes, str]:
    """The handout as a PDF for an address's query string, and its file name.

    The paper is ``paper``, else the address's ``paper=``, else the default setting.
    """
    html, selection, asked = _render(query, referral_map, guidance, drawing, "/", printed=True)
    size = PAPERS[paper or asked or DEFAULT_PAPER]
    from weasyprint import CSS, HTML  # imported on first use: the map's own pages never need it

    page_size = CSS(string=f"@page {{ size: {size}; }}")
    document = HTML(string=html, base_url=ASSETS.as_uri() + "/", url_fetcher=local_fetcher())
    return document.write_pdf(stylesheets=[*print_stylesheets(), page_size]), pdf_filename(selection, referral_map)


def _render(query: str, referral_map: ReferralMap, guidance: Guidance, drawing: str, prefix: str,
            printed: bool) -> tuple[str, Selection, str | None]:
    reading = selection_from_query(query, referral_map)
    notices = list(reading.notices)
    paper = None
    for name, value in parse_qsl((query or "").lstrip("?")[:4000], keep_blank_values=True):
        if name == PAPER_KEY:
            if value.strip().lower() in PAPERS:
                paper = value.strip().lower()
            else:
                notices.append(f"Ignored the paper size {_shown(value)}: expected a4 or letter.")
    selection = reading.selection
    content = handout_for(selection, referral_map, guidance)
    svg = handout_drawing(drawing, selection, referral_map, content.diagram_label, content.muscle_ids, printed)
    address = query_for(selection)
    html = render(
        "handout.html",
        content=content,
        printed=printed,
        notices=notices,
        drawing=Markup(svg),
        legend=[{"svg": swatch(name, printed), "label": label} for name, label in LEGENDS[content.kind]],
        swatches={name: swatch(name, printed) for name in SWATCHES},
        weeks=diary_weeks(),
        medication_sources=tuple(s for note in guidance.section("medication") for s in note.sources),
        back=prefix + address,
        pdf_href=prefix + PDF_ROUTE + address,
        pdf_label=PDF_LABEL,
        assets=prefix + "assets/",
    )
    return html, selection, paper


def diary_weeks() -> list[dict]:
    """The diary's weeks, each with its numbered days (1 to 28)."""
    return [{"number": week + 1, "days": [week * DIARY_DAYS + day + 1 for day in range(DIARY_DAYS)]}
            for week in range(DIARY_WEEKS)]


def swatch(name: str, printed: bool = False) -> Markup:
    """A legend mark as inline SVG; for the PDF with its colours inside (see handout_drawing)."""
    style = f"<style>{drawing_stylesheet('.swatch')}</style>" if printed else ""
    return Markup(f'<svg class="swatch" viewBox="0 0 18 18" width="18" height="18" aria-hidden="true" '
                  f'focusable="false">{style}{SWATCHES[name]}</svg>')


def pdf_filename(selection: Selection, referral_map: ReferralMap) -> str:
    """``referral-map-upper-trapezius-left.pdf``, ``…-upper-trapezius-trp1-left.pdf``,
    ``…-greater-occipital-nerve-left.pdf``, ``…-pain-drawing.pdf``, ``referral-map-handout.pdf``."""
    if selection.mode == "muscle" and selection.muscle in referral_map.muscles:
        name = f"{selection.point or selection.muscle}-{selection.side}"
    elif selection.mode == "nerve" and selection.nerve in referral_map.nerves:
        name = f"{selection.nerve}-nerve-{selection.side}"
    elif selection.mode == "region" and selection.places:
        name = "pain-drawing"
    else:
        name = "handout"
    return "referral-map-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + ".pdf"


@cache
def print_stylesheets() -> tuple:
    """The handout's stylesheet with the colour variables of referral_map.css, parsed once.

    The rest of referral_map.css styles the map's page, not the handout: leaving it out keeps
    each PDF quicker to lay out.
    """
    from weasyprint import CSS

    return (CSS(string=colour_variables()),
            CSS(filename=str(ASSETS / STYLESHEET), url_fetcher=local_fetcher()))


@cache
def local_fetcher():
    """WeasyPrint's URL fetcher, limited to the files of assets/: anything else is refused."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = ASSETS.resolve()

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith("file:"):
                raise ValueError(f"the handout loads nothing from other hosts: {url[:80]}")
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if root not in path.parents or not path.is_file():
                raise ValueError(f"not one of the app's files: {url[:80]}")
            return URLFetcherResponse(url, body=path.read_bytes())

    return LocalFetcher()


def _shown(value: str) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in value)
    return f"“{printable[:39] + '…' if len(printable) > 40 else printable}”"
