"""The handout's PDF through Flask's test client, read back with pypdf: what it names, how many
pages it takes on A4 and Letter, what it never prints, and what it never fetches."""

from __future__ import annotations

import io
import re
import time
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from pypdf import PdfReader

from app import create_app
from components import handout_page
from components.data import inline_markup
from referral import load
from referral.guidance import load_guidance
from tests.conftest import DATA, DRAWING

APP = create_app()  # loads and checks the project's tables and drawing
CLIENT = APP.server.test_client()

REFERRAL_MAP = load(DATA)
GUIDANCE = load_guidance(DATA, REFERRAL_MAP)
DRAWING_INLINE = inline_markup(DRAWING.read_text(encoding="utf-8"))
A4 = (595, 842)  # 210 x 297 mm in points
LETTER = (612, 792)  # 8.5 x 11 in

# Every editors' note of the tables: none may reach a patient. Compared by their opening words,
# which survive the PDF's line breaks once spaces are normalised.
EDITORS_NOTES = sorted({note for note in (
    [link.editor_note for link in REFERRAL_MAP.links]
    + [point.editor_note for point in REFERRAL_MAP.trigger_points.values()]
    + [item.citation_note for item in GUIDANCE.evidence]) if note})


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def get_pdf(query: str):
    response = CLIENT.get("/handout.pdf" + query)
    assert response.status_code == 200, response.status_code
    assert response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    return response, reader, [words(page.extract_text()) for page in reader.pages]


def filename(response) -> str:
    match = re.fullmatch(r'attachment; filename="([^"]+)"', response.headers["Content-Disposition"])
    assert match, response.headers["Content-Disposition"]
    return match[1]


def assert_patient_only(text: str) -> None:
    leaked = [note[:50] for note in EDITORS_NOTES if words(note)[:50] in text]
    assert not leaked, leaked


def assert_steps_on_one_page(pages: list[str], care_ids) -> None:
    """Each exercise's steps all on one page: the page holding its first step holds its last."""
    for care_id in care_ids:
        steps = REFERRAL_MAP.self_care[care_id].steps
        first = [i for i, text in enumerate(pages) if words(steps[0])[:60] in text]
        last = [i for i, text in enumerate(pages) if words(steps[-1])[:60] in text]
        assert first and first == last, (care_id, first, last)


DIARY = ("Your four-week diary", "Week 1", "Week 4", "Day 1", "Day 28", "Bad days this week",
         "Medication days this week", "Worst pain 0–10", "medication-overuse headache")

CASES = [
    # query, file name, words the PDF must hold (worked out by hand from the tables), exercises
    ("?muscle=upper_trapezius&side=left", "referral-map-upper-trapezius-left.pdf",
     ("Trapezius, upper fibres (left side)", "Left temple", "The left side of the back of the head"),
     ("upper_trapezius_stretch",)),
    ("?muscle=masseter&side=right", "referral-map-masseter-right.pdf",
     ("Masseter (right side)",), ()),
    ("?point=upper_trapezius_trp2&side=right", "referral-map-upper-trapezius-trp2-right.pdf",
     ("Trapezius, upper fibres, TrP2, just below and behind TrP1 (right side)",), ("upper_trapezius_stretch",)),
    ("?nerve=greater_occipital&side=right", "referral-map-greater-occipital-nerve-right.pdf",
     ("Greater occipital nerve (right side)", "The right side of the back of the head", "Semispinalis capitis"),
     ("suboccipital_release", "upper_trapezius_stretch")),
    ("?regions=temple:left:7,occiput:left,forehead:right,tmj:right:4,vertex:left", "referral-map-pain-drawing.pdf",
     ("Where it hurts: the 5 places you marked", "Left temple, 7 out of 10", "The right jaw joint, 4 out of 10",
      "The left side of the top of the head"), ("upper_trapezius_stretch", "suboccipital_release")),
    # five regions without a side: each marked on both sides, ten places
    ("?regions=temple,occiput,forehead,tmj,vertex&paper=letter", "referral-map-pain-drawing.pdf",
     ("Where it hurts: the 10 places you marked", "Right temple", "Left temple", "The left jaw joint"), ()),
]


@pytest.mark.parametrize("query, name, expected, care", CASES, ids=[c[1] for c in CASES])
def test_the_pdf_names_the_selection_and_side_and_holds_the_diary_in_two_pages(query, name, expected, care):
    response, reader, pages = get_pdf(query)
    assert filename(response) == name
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(pages)
    for phrase in (*expected, *DIARY, "What studies show so far", "See a doctor straight away"):
        assert phrase in text, phrase
    assert_patient_only(text)
    assert_steps_on_one_page(pages, care)
    assert "See a doctor straight away" in pages[0] and "Your four-week diary" in pages[-1]


def test_the_editors_notes_of_the_tables_are_in_no_handout_page_or_pdf():
    assert len(EDITORS_NOTES) > 20 and any("We found no such article" in n for n in EDITORS_NOTES)
    for query, *_ in [*CASES, ("", None, None, None)]:
        html = CLIENT.get("/handout" + query).get_data(as_text=True)
        text = []
        parser = HTMLParser()
        parser.handle_data = text.append
        parser.feed(html)
        assert_patient_only(words(" ".join(text)))
    # the PDFs are checked in the test above


@pytest.mark.parametrize("paper, size", [("a4", A4), ("letter", LETTER)])
def test_the_paper_is_a4_or_letter(paper, size):
    _, reader, _ = get_pdf(f"?muscle=temporalis&paper={paper}")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_the_default_paper_comes_from_the_setting(monkeypatch):
    monkeypatch.setenv("REFERRAL_MAP_PAPER", "Letter")
    assert handout_page.default_paper() == "letter"
    monkeypatch.setenv("REFERRAL_MAP_PAPER", "tabloid")
    assert handout_page.default_paper() == "a4"
    monkeypatch.delenv("REFERRAL_MAP_PAPER")
    assert handout_page.default_paper() == "a4"


@pytest.mark.parametrize("query, notice", [
    ("?muscle=%3Cscript%3Ealert(1)%3C/script%3E", "not a muscle in the referral table"),
    ("?muscle=temporalis&paper=tabloid", "Ignored the paper size “tabloid”"),
    ("?regions=temple:up,nowhere", "Ignored “nowhere”: not a region in the referral table."),
    ("?nerve=not_a_nerve&side=middle", "not a nerve in the referral table"),
])
def test_bad_values_give_a_pdf_with_the_notice_never_an_error(query, notice):
    _response, reader, pages = get_pdf(query)
    assert notice in pages[0] and 1 <= len(reader.pages) <= 2


def test_nothing_selected_gives_the_general_handout():
    response, reader, pages = get_pdf("")
    assert filename(response) == "referral-map-handout.pdf"
    assert "Trigger points and head and neck pain" in pages[0] and 1 <= len(reader.pages) <= 2


def test_the_pdf_fetches_nothing_but_the_apps_own_files(tmp_path):
    fetcher = handout_page.local_fetcher()
    for url in ("http://example.org/style.css", "https://127.0.0.1/x.svg", "data:text/css,body{}",
                (tmp_path / "outside.css").as_uri()):
        (tmp_path / "outside.css").write_text("body {}")
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    served = fetcher.fetch((handout_page.ASSETS / "handout.css").as_uri())
    assert b"@media print" in served.read()
    with pytest.raises(ValueError):
        fetcher.fetch((handout_page.ASSETS / ".." / "app.py").as_uri())


def test_a_page_asking_for_another_host_still_renders_without_fetching_it(monkeypatch):
    """An address in the page (say a reference's link) never makes WeasyPrint go out."""
    asked = []
    real = handout_page.local_fetcher().fetch

    def spy(url, headers=None):
        asked.append(url)
        return real(url, headers)

    monkeypatch.setattr(handout_page.local_fetcher(), "fetch", spy)
    from weasyprint import HTML

    html = '<p>x</p><img src="http://example.org/a.png"><link rel="stylesheet" href="https://example.org/b.css">'
    pdf = HTML(string=html, url_fetcher=handout_page.local_fetcher()).write_pdf()
    assert pdf.startswith(b"%PDF") and asked  # it asked the fetcher, which refused


def test_the_maps_button_downloads_the_pdf_of_the_current_selection():
    html = CLIENT.get("/").get_data(as_text=True)
    (tag,) = re.findall(r'<a id="handout-link"[^>]*>[^<]*</a>', html)
    assert 'href="/handout.pdf"' in tag and 'data-base="/handout.pdf"' in tag and " download" in tag
    assert tag.endswith(">Handout (PDF)</a>")


def _every_muscle_and_point():
    """Every muscle and every trigger point on Letter, the shorter page, where a handout runs
    out of room first; every fifth of them on A4 too. About 75 PDFs, under a minute on a quiet
    machine (BENCHMARKS.md, handout PDF); all of them on both papers take twice as long."""
    queries = [f"?muscle={m}&side=left" for m in REFERRAL_MAP.muscles]
    queries += [f"?point={p}&side=right" for p in REFERRAL_MAP.trigger_points]
    return [(q, "letter") for q in queries] + [(q, "a4") for q in queries[::5]]


def test_every_muscle_and_trigger_point_fits_two_pages():
    too_long, started = [], time.perf_counter()
    cases = _every_muscle_and_point()
    for query, paper in cases:
        pdf, _ = handout_page.render_pdf(query, REFERRAL_MAP, GUIDANCE, DRAWING_INLINE, paper=paper)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        if not 1 <= pages <= 2:
            too_long.append((query, paper, pages))
    assert not too_long, too_long
    assert len(cases) > 70 and len({q for q, _ in cases}) == len(REFERRAL_MAP.muscles) + len(
        REFERRAL_MAP.trigger_points
    )
    print(f"{len(cases)} handouts in {time.perf_counter() - started:.1f} s")


def test_the_query_of_the_pdf_is_the_page_s():
    query = "?" + urlencode({"muscle": "temporalis", "side": "left", "regions": "temple:left"})
    _, _, pages = get_pdf(query)
    assert "Temporalis (left side)" in pages[0]
