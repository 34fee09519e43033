"""A patient's handout: opened from the map, read on a tablet, printed to PDF by Chromium."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from referral import Selection, highlight_for, load_checked
from referral.handout import MAX_CANDIDATES
from referral.selection import Place
from tests.browser.conftest import (
    KIND_ATTRIBUTES,
    STATES,
    TABLET_LANDSCAPE,
    Console,
    expected_classes,
    open_app,
    open_context,
    tap_shape,
)
from tests.conftest import DATA, DRAWING

pytestmark = pytest.mark.browser

REFERRAL_MAP, DRAWN = load_checked(DATA, DRAWING)
PAGE = re.compile(rb"/Type\s*/Page\b")


def handout_classes(page) -> dict:
    """The state classes of the handout drawing's shapes, by "kind:id:side", as conftest.expected_classes lists them."""
    return page.evaluate(
        """([states, attributes]) => {
            const out = {};
            const root = document.querySelector('.handout-diagram svg');
            Object.entries(attributes).forEach(([kind, attribute]) => {
                root.querySelectorAll('[' + attribute + ']').forEach((el) => {
                    const classes = states.filter((n) => el.classList.contains(n)).sort();
                    if (classes.length) out[kind + ':' + el.getAttribute(attribute) + ':' + el.dataset.side] = classes;
                });
            });
            return out;
        }""",
        [STATES, KIND_ATTRIBUTES],
    )


def open_handout(page, url: str, query: str) -> None:
    page.goto(url + "/handout" + query)
    page.wait_for_selector(".print-button:not([hidden])")  # the page's script has run


def test_hnd001_a_muscle_handout_names_the_muscle_and_its_zones_with_the_main_page_highlight(tablet, app_url):
    page, console = tablet
    open_handout(page, app_url, "?muscle=upper_trapezius&side=left")
    assert page.inner_text("h1") == "Trapezius, upper fibres (left side)"
    # by hand from the table: TrP1 and TrP2's zones
    for pattern, expected in (("essential", {"lateral_neck", "mastoid", "temple", "occiput", "posterior_neck"}),
                              ("spillover", {"retro_orbital", "lateral_head", "angle_of_jaw"})):
        listed = page.eval_on_selector_all(f'.places[data-pattern="{pattern}"] li',
                                           "items => items.map((li) => li.dataset.regionItem)")
        assert set(listed) == expected
    assert handout_classes(page) == expected_classes(
        highlight_for(Selection("muscle", "upper_trapezius", side="left"), REFERRAL_MAP))
    text = page.inner_text("main")
    assert "Upper trapezius stretch" in text and "not a diagnosis" in text and "thunderclap" in text
    console.assert_clean()


def test_hnd002_a_handout_for_several_regions_names_the_marked_places_and_the_best_muscles(tablet, app_url):
    page, console = tablet
    open_handout(page, app_url, "?regions=temple:left,occiput:left")
    assert page.inner_text("h1") == "Where it hurts: left temple and the left side of the back of the head"
    marked = page.eval_on_selector_all(
        '.places[data-pattern="marked"] li', "items => items.map((li) => li.dataset.regionItem)"
    )
    assert marked == ["temple", "occiput"]
    shown = page.eval_on_selector_all(".candidates li", "items => items.map((li) => [li.dataset.muscleItem, li.dataset.side])")
    assert shown[0] == ["upper_trapezius", "left"] and len(shown) == MAX_CANDIDATES
    for muscle_id, _ in shown:
        assert REFERRAL_MAP.muscles[muscle_id].name in page.inner_text(".candidates")
    places = (Place("temple", "left"), Place("occiput", "left"))
    assert handout_classes(page) == expected_classes(highlight_for(Selection("region", places=places), REFERRAL_MAP))
    console.assert_clean()


@pytest.mark.parametrize("query", ["?muscle=upper_trapezius&side=left", "?regions=temple:left,occiput:left"])
def test_hnd003_the_handout_prints_to_a_pdf_of_one_or_two_pages_without_controls(browser, app_url, query):
    context = open_context(browser, TABLET_LANDSCAPE, touch=False)
    page = context.new_page()
    console = Console(page)
    open_handout(page, app_url, query)
    page.emulate_media(media="print")
    assert not page.locator(".handout-bar").is_visible() and page.locator(".red-flags").is_visible()
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, print_background=True)
        assert pdf.startswith(b"%PDF")
        assert 1 <= len(PAGE.findall(pdf)) <= 2, (paper, len(PAGE.findall(pdf)))
    console.assert_clean()
    context.close()


def test_hnd004_the_maps_handout_button_downloads_the_pdf_for_the_current_selection(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    tap_shape(page, "muscle", "temporalis", "right", "side-right")
    link = page.locator("#handout-link")
    assert " ".join(link.inner_text().split()) == "Handout (PDF)"
    page.wait_for_function(
        "() => document.getElementById('handout-link').getAttribute('href') === "
        "'/handout.pdf?muscle=temporalis&side=right'")
    with page.expect_download() as downloading:
        link.tap()
    download = downloading.value
    assert download.suggested_filename == "referral-map-temporalis-right.pdf"
    reader = PdfReader(download.path())
    assert 1 <= len(reader.pages) <= 2 and "Temporalis (right side)" in reader.pages[0].extract_text()
    console.assert_clean()
