"""The handout page through Flask's test client: what it names, what it escapes, what it loads."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referral import load
from referral.handout import MAX_CANDIDATES
from tests.conftest import DATA

app_module = pytest.importorskip("app")  # importing the app runs its start-up checks
CLIENT = app_module.server.test_client()
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


def test_a_muscle_handout_names_the_muscle_and_every_zone_with_the_main_page_highlight():
    status, html, outline = fetch("?muscle=upper_trapezius")
    assert status == 200
    text = text_of(outline)
    muscle = REFERRAL_MAP.muscles["upper_trapezius"]
    assert muscle.name in text and muscle.plain_words in text and muscle.why_it_matters in text
    zones = REFERRAL_MAP.zones_of("upper_trapezius")
    for region_id in zones.all:
        assert REFERRAL_MAP.regions[region_id].patient_words[1:] in text
        expected = "is-essential" if region_id in zones.essential else "is-spillover"
        drawn = outline.classes("data-region", region_id)
        assert drawn and all(expected in classes for classes in drawn)
    for region_id in set(REFERRAL_MAP.regions) - zones.all:
        assert all(not classes & {"is-essential", "is-spillover"} for classes in outline.classes("data-region", region_id))
    assert all("is-selected" in c for c in outline.classes("data-muscle", "upper_trapezius"))
    assert all("is-shown" in c for c in outline.classes("data-trigger-point", "upper_trapezius"))
    svg = next(a for tag, a in outline.attrs if tag == "svg")
    assert {"mode-muscle", "has-selection"} <= set(svg["class"].split())
    assert "Upper trapezius stretch" in text


def test_a_regions_handout_names_the_marked_places_and_the_ranked_muscles():
    status, html, outline = fetch("?regions=temple,occiput")
    assert status == 200
    text = text_of(outline)
    assert "Where it hurts: the temple and the back of the head" in text
    ranked = REFERRAL_MAP.rank_muscles(("temple", "occiput")).muscles
    shown = [a["data-muscle-item"] for _, a in outline.attrs if "data-muscle-item" in a]
    assert shown == [item.muscle_id for item in ranked[:MAX_CANDIDATES]]
    for item in ranked[:MAX_CANDIDATES]:
        assert REFERRAL_MAP.muscles[item.muscle_id].name in text
    assert f"{len(ranked) - MAX_CANDIDATES} more muscles" in text
    for region_id in ("temple", "occiput"):
        assert all("is-selected" in c for c in outline.classes("data-region", region_id))
    for item in ranked:
        assert all("is-referring" in c for c in outline.classes("data-muscle", item.muscle_id))
    svg = next(a for tag, a in outline.attrs if tag == "svg")
    assert "mode-region" in svg["class"].split()


@pytest.mark.parametrize("query", ["?muscle=upper_trapezius", "?regions=temple,occiput", ""])
def test_every_handout_carries_the_note_red_flags_what_to_expect_evidence_and_sources(query):
    _, html, outline = fetch(query)
    text = text_of(outline)
    assert "It is not a diagnosis" in text
    for words in ("thunderclap", "fever and a stiff neck", "weakness", "blow to the head"):
        assert words in text
    for words in ("1 to 3 sessions", "4 to 6 sessions", "3 to 5 sessions", "24 to 72 hours"):
        assert words in text
    assert "What the research says" in text and "Rezaeian T" in text and "Perreault T" in text
    assert "We found no such article" in text
    assert "Sources" in text


def test_unknown_ids_are_ignored_with_a_visible_notice_and_nothing_is_echoed_raw():
    _, html, outline = fetch("?muscle=%3Cscript%3Ealert(1)%3C/script%3E&regions=temple")
    text = text_of(outline)
    assert "not a muscle in the referral table" in text
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    _, _, outline = fetch("?regions=temple,nowhere")
    assert "Ignored “nowhere”: not a region in the referral table." in text_of(outline)
    assert "Where it hurts: the temple" in text_of(outline)


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
