"""The handout page through Flask's test client: what it names, what it escapes, what it loads."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from referral import load
from referral.handout import MAX_CANDIDATES
from tests.conftest import DATA

APP = create_app()  # loads and checks the project's tables and drawing
CLIENT = APP.server.test_client()
REFERRAL_MAP = load(DATA)


class Outline(HTMLParser):
    """The page's text, element classes by data attribute, and its scripts."""

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.scripts: list[dict] = []
        self.attrs: list[tuple[str, dict]] = []
        self.inline_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attrs.append((tag, attrs))
        if tag == "script":
            self.scripts.append(attrs)
            self.inline_script = "src" not in attrs

    def handle_data(self, data):
        if self.inline_script and data.strip():
            raise AssertionError(f"inline script: {data[:60]}")
        self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "script":
            self.inline_script = False

    def classes(self, attribute: str, value: str) -> list[set[str]]:
        return [set(a.get("class", "").split()) for _, a in self.attrs if a.get(attribute) == value]


def fetch(query: str = "") -> tuple[int, str, Outline]:
    response = CLIENT.get("/handout" + query)
    html = response.get_data(as_text=True)
    outline = Outline()
    outline.feed(html)
    return response.status_code, html, outline


def text_of(outline: Outline) -> str:
    return re.sub(r"\s+", " ", " ".join(outline.text))


# The left upper trapezius, from the table by hand: TrP1 and TrP2, all zones on the same side.
TRAPEZIUS_ESSENTIAL = {"lateral_neck", "mastoid", "temple", "occiput", "posterior_neck"}
TRAPEZIUS_SPILLOVER = {"retro_orbital", "lateral_head", "angle_of_jaw"}


def classes_of(outline, kind, item_id, side):
    return [c for tag, a in outline.attrs if a.get(f"data-{kind}") == item_id and a.get("data-side") == side
            for c in [set(a.get("class", "").split())]]


def test_a_muscle_handout_names_the_muscle_its_side_and_draws_its_zones_on_that_side():
    status, _html, outline = fetch("?muscle=upper_trapezius&side=left")
    assert status == 200
    text = text_of(outline)
    muscle = REFERRAL_MAP.muscles["upper_trapezius"]
    assert "Trapezius, upper fibres (left side)" in text
    assert muscle.plain_words in text and muscle.why_it_matters in text
    assert "Left temple" in text and "The left side of the back of the head" in text
    for region_id in TRAPEZIUS_ESSENTIAL | TRAPEZIUS_SPILLOVER:
        expected = "is-essential" if region_id in TRAPEZIUS_ESSENTIAL else "is-spillover"
        drawn = classes_of(outline, "region", region_id, "left")
        assert drawn and all(expected in c for c in drawn), region_id
        assert all(not c & {"is-essential", "is-spillover"} for c in classes_of(outline, "region", region_id, "right"))
    assert all("is-selected" in c for c in classes_of(outline, "muscle", "upper_trapezius", "left"))
    assert not any("is-selected" in c for c in classes_of(outline, "muscle", "upper_trapezius", "right"))
    svg = next(a for tag, a in outline.attrs if tag == "svg")
    assert {"mode-muscle", "has-selection"} <= set(svg["class"].split())
    assert "Upper trapezius stretch" in text


def test_a_regions_handout_names_the_marked_places_and_the_ranked_muscles_by_side():
    status, _html, outline = fetch("?regions=temple:left,occiput:left")
    assert status == 200
    text = text_of(outline)
    assert "Where it hurts: left temple and the left side of the back of the head" in text
    shown = [(a["data-muscle-item"], a["data-side"]) for _, a in outline.attrs if "data-muscle-item" in a]
    # The left upper trapezius explains both places essentially (TrP1 the temple, TrP2 the
    # occiput): it comes first; every muscle listed is on the left but for bilateral zones.
    assert shown[0] == ("upper_trapezius", "left") and len(shown) == MAX_CANDIDATES
    assert "Trapezius, upper fibres, on your left side" in text
    for region_id in ("temple", "occiput"):
        assert all("is-selected" in c for c in classes_of(outline, "region", region_id, "left"))
        assert not any("is-selected" in c for c in classes_of(outline, "region", region_id, "right"))
    assert all("is-referring" in c for c in classes_of(outline, "muscle", "temporalis", "left"))
    assert not any("is-referring" in c for c in classes_of(outline, "muscle", "temporalis", "right"))
    svg = next(a for tag, a in outline.attrs if tag == "svg")
    assert "mode-region" in svg["class"].split()


@pytest.mark.parametrize("query", ["?muscle=upper_trapezius", "?regions=temple,occiput", ""])
def test_every_handout_carries_the_note_red_flags_what_to_expect_studies_diary_and_sources(query):
    _, _html, outline = fetch(query)
    text = text_of(outline)
    assert "It is not a diagnosis" in text
    for words in ("thunderclap", "fever and a stiff neck", "weakness", "blow to the head"):
        assert words in text
    for words in ("1 to 3 sessions", "4 to 6 sessions", "3 to 5 sessions", "24 to 72 hours"):
        assert words in text
    assert "What studies show so far" in text and "Rezaeian T" in text and "Perreault T" in text
    assert "Your four-week diary" in text and "medication-overuse headache" in text
    assert "We found no such article" not in text  # an editors' note, never a patient's
    assert "Sources" in text


def test_unknown_ids_are_ignored_with_a_visible_notice_and_nothing_is_echoed_raw():
    _, html, outline = fetch("?muscle=%3Cscript%3Ealert(1)%3C/script%3E&regions=temple")
    text = text_of(outline)
    assert "not a muscle in the referral table" in text
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    _, _, outline = fetch("?regions=temple:left,nowhere")
    assert "Ignored “nowhere”: not a region in the referral table." in text_of(outline)
    assert "Where it hurts: left temple" in text_of(outline)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(muscle=st.text(max_size=40), regions=st.text(max_size=60))
def test_hostile_addresses_never_fail_and_never_echo_markup(muscle, regions):
    from urllib.parse import urlencode

    response = CLIENT.get("/handout?" + urlencode({"muscle": muscle, "regions": regions}))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for bad in ("<script>", "<img", "javascript:"):
        if bad in muscle + regions:
            assert bad not in html


def test_the_page_loads_only_its_own_files_under_the_same_security_headers():
    response = CLIENT.get("/handout?muscle=temporalis")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert response.headers["X-Frame-Options"] == "DENY"
    _, html, outline = fetch("?muscle=temporalis")
    assert [s["src"] for s in outline.scripts] == ["/assets/handout.js"]
    stylesheets = [a["href"] for tag, a in outline.attrs if tag == "link" and a.get("rel") == "stylesheet"]
    assert stylesheets == ["/assets/referral_map.css", "/assets/handout.css"]
    assert not re.search(r'(src|href)="(https?:)?//', html.split("<main")[0])
    for path in (*stylesheets, "/assets/handout.js"):
        assert CLIENT.get(path).status_code == 200


def test_the_main_page_does_not_load_the_handout_files():
    html = CLIENT.get("/").get_data(as_text=True)
    assert "handout.css" not in html and "handout.js" not in html


def test_the_page_links_to_its_pdf_for_the_same_selection():
    _, _, outline = fetch("?point=upper_trapezius_trp1&side=left&regions=temple:left")
    (link,) = [a for tag, a in outline.attrs if tag == "a" and "pdf-link" in a.get("class", "")]
    assert link["href"] == "/handout.pdf?point=upper_trapezius_trp1&side=left&regions=temple:left"
    assert "download" in link
