"""Contrast of the drawing's graphics, as the browser paints them (WCAG 2.2, 1.4.11: 3:1 for the
parts of a graphic needed to understand it, and for focus indicators). axe-core checks text
only; these checks read the computed colours of the shapes a person has to tell apart from the
skin they lie on, in each mode, and compute the ratio by the WCAG formula."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import open_app

pytestmark = pytest.mark.browser

COLOURS_JS = """([selector, property]) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const style = getComputedStyle(el);
    return {colour: style.getPropertyValue(property), opacity: style.getPropertyValue(property + '-opacity') || '1'};
}"""


def rgb(text: str) -> tuple[float, float, float]:
    numbers = re.findall(r"[\d.]+", text)
    assert len(numbers) >= 3, f"not a colour: {text!r}"
    return tuple(float(n) for n in numbers[:3])


def blend(top: tuple, opacity: float, below: tuple) -> tuple:
    return tuple(opacity * t + (1 - opacity) * b for t, b in zip(top, below, strict=True))


def luminance(colour: tuple) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple, b: tuple) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_wcag_ratio_is_computed_as_the_standard_gives_it():
    # Known pairs: black on white is 21:1; #767676 on white is the classic 4.54:1.
    assert ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def painted(page, selector: str, prop: str, skin: tuple) -> tuple:
    found = page.evaluate(COLOURS_JS, [selector, prop])
    assert found is not None, f"nothing matches {selector}"
    return blend(rgb(found["colour"]), float(found["opacity"]), skin)


CASES = [
    # (address, what a person must see, selector, painted property)
    ("/?regions=temple", "an unmarked place's outline in the pain drawing",
     "#head-regions .region:not(.is-selected):not(.is-marked) .shape", "stroke"),
    ("/?regions=temple", "a muscle's outline behind the pain drawing",
     "#head-regions .muscle:not(.is-referring) .shape", "stroke"),
    ("/?muscle=temporalis", "a muscle not looked at",
     "#head-regions .muscle:not(.is-selected) .shape", "stroke"),
    ("/?muscle=temporalis", "the muscle looked at",
     "#head-regions .muscle.is-selected .shape", "stroke"),
    ("/?nerve=greater_occipital", "a nerve's course not looked at",
     "#head-regions .nerve:not(.is-selected) .course", "stroke"),
    ("/?nerve=greater_occipital", "the nerve looked at",
     "#head-regions .nerve.is-selected .course", "stroke"),
]


@pytest.mark.parametrize(("address", "what", "selector", "prop"), CASES, ids=[c[1] for c in CASES])
def test_what_must_be_told_apart_from_the_skin_has_3_to_1(tablet, app_url, address, what, selector, prop):
    page, console = tablet
    open_app(page, app_url + address)
    skin = rgb(page.evaluate(COLOURS_JS, ["#head-regions .outline .silhouette", "fill"])["colour"])
    colour = painted(page, selector, prop, skin)
    assert ratio(colour, skin) >= 3, f"{what}: {ratio(colour, skin):.2f}:1 against the skin"
    console.assert_clean()


def test_the_focus_ring_of_a_shape_has_3_to_1_against_the_skin(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/")
    skin = rgb(page.evaluate(COLOURS_JS, ["#head-regions .outline .silhouette", "fill"])["colour"])
    shape = page.locator("#head-regions [data-muscle][tabindex='0']").first
    shape.focus()
    page.keyboard.press("ArrowRight")  # focus shown as from the keyboard
    focused = page.evaluate("""() => { const el = document.activeElement.querySelector('.shape, .course') || document.activeElement;
        const s = getComputedStyle(el); return {colour: s.stroke, width: s.strokeWidth}; }""")
    assert ratio(rgb(focused["colour"]), skin) >= 3, focused
    assert float(focused["width"].rstrip("px")) >= 2, focused
    console.assert_clean()
