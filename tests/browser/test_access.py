"""What a keyboard user, a screen-reader user and a tablet held either way meet: axe-core's
checks, the diagram walked by keyboard, and panels that fit the screen."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from referral import load
from tests.browser.conftest import (
    TABLET_LANDSCAPE,
    TABLET_PORTRAIT,
    open_app,
    open_context,
    screen_point,
    shape_selector,
)
from tests.conftest import DATA

pytestmark = pytest.mark.browser
REFERRAL_MAP = load(DATA)

PAGES = [
    "/",
    "/?muscle=upper_trapezius&side=left",
    "/?point=upper_trapezius_trp2&side=right",
    "/?regions=temple:left:7,occiput",
    "/?nerve=greater_occipital&side=left",
    "/study/",
    "/handout?muscle=masseter&side=left",
]


@pytest.mark.parametrize("path", PAGES)
def test_acc001_axe_finds_no_serious_or_critical_problem(browser, app_url, path):
    context = open_context(browser, TABLET_LANDSCAPE)
    page = context.new_page()
    page.goto(app_url + path)
    if not path.startswith(("/study", "/handout")):
        page.wait_for_selector("#diagram[data-ready=true][data-address=read]", state="attached")
        page.wait_for_selector("#details h2")
    else:
        page.wait_for_load_state("networkidle")
    # Dash's own dropdown (the study page's muscle picker) puts an aria-hidden input in the tab
    # order that hands the focus straight on to the labelled control; axe flags that input. It
    # is Dash's markup, not ours, and is left out of the check by name.
    results = Axe().run(page, context={"exclude": [[".dash-dropdown-focus-target"]]})
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    context.close()
    assert bad == [], bad


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {tag: el.tagName, key: el.dataset ? [el.dataset.region || el.dataset.muscle || el.dataset.nerve ||
                  el.dataset.triggerPoint || '', el.dataset.side || ''].join(':') : '',
                view: el.closest && el.closest('[data-view]') ? el.closest('[data-view]').dataset.view : '',
                label: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40),
                outline: style.outlineStyle + ' ' + style.outlineWidth};
    }""")


def test_acc002_the_keyboard_reaches_the_diagram_and_marks_the_left_temple(tablet, app_url):
    """From the address bar: Tab to the skip link, into the front view, then arrows towards the
    left temple as a sighted keyboard user would steer, Enter to mark it."""
    page, console = tablet
    open_app(page, app_url + "/?regions=")
    presses = 0
    while focused(page)["view"] != "front":
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= 8, f"the front view was not reached in 8 Tab presses: {focused(page)}"
    target = screen_point(page, shape_selector("region", "temple", "left", "front"))
    for _step in range(30):
        now = focused(page)
        if now["key"] == "temple:left":
            break
        here = page.evaluate("""() => { const r = document.activeElement.getBoundingClientRect();
                                        return [r.left + r.width / 2, r.top + r.height / 2]; }""")
        dx, dy = target[0] - here[0], target[1] - here[1]
        page.keyboard.press(("ArrowRight" if dx > 0 else "ArrowLeft") if abs(dx) > abs(dy)
                            else ("ArrowDown" if dy > 0 else "ArrowUp"))
        presses += 1
    assert focused(page)["key"] == "temple:left", focused(page)
    assert presses <= 20, presses
    # the focus ring is visible on the shape: the stylesheet draws it on the shape's stroke
    stroke = page.evaluate("() => getComputedStyle(document.activeElement.querySelector('.shape')).strokeWidth")
    assert float(stroke.rstrip("px")) >= 3
    page.keyboard.press("Enter")
    page.wait_for_selector(
        "#diagram [data-view=front] [data-region=temple][data-side=left].is-selected", state="attached"
    )
    assert "temple" in page.url and "left" in page.url
    # the screen reader hears what happened
    assert "temple" in page.inner_text("#announce").lower()
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('#diagram .is-selected')")
    console.assert_clean()


def test_acc003_every_shape_can_be_reached_by_arrows_from_the_first(tablet, app_url):
    """No shape of the front view is an island the arrow keys never reach."""
    page, console = tablet
    open_app(page, app_url + "/?regions=")
    reachable = page.evaluate("""() => {
        const view = document.querySelector('#diagram [data-view=front]');
        return [...view.querySelectorAll('.region[data-region]')].map(el => el.dataset.region + ':' + el.dataset.side);
    }""")
    page.focus('#diagram [data-view=front] [tabindex="0"]')
    seen = set()
    frontier = [focused(page)["key"]]
    # breadth-first over the arrow keys, from each shape reached
    while frontier:
        key = frontier.pop()
        if key in seen:
            continue
        seen.add(key)
        region, side = key.split(":")
        for arrow in ("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"):
            page.focus(shape_selector("region", region, side, "front"))
            page.keyboard.press(arrow)
            nxt = focused(page)["key"]
            if nxt and nxt not in seen:
                frontier.append(nxt)
    assert set(reachable) - seen == set()
    console.assert_clean()


def overflow(page) -> list:
    """Elements of the details panel that reach past the panel's right edge or the screen's."""
    return page.evaluate("""() => {
        const panel = document.querySelector('#details');
        const limit = Math.min(panel.getBoundingClientRect().right, document.documentElement.clientWidth) + 1;
        const out = [];
        panel.querySelectorAll('*').forEach(el => {
            const r = el.getBoundingClientRect();
            if (r.width && r.right > limit) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
        });
        if (panel.scrollWidth > panel.clientWidth + 1) out.push('panel scrolls sideways');
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push('page scrolls sideways');
        return out.slice(0, 5);
    }""")


def panel_overflow(browser, app_url, viewport, kind: str, items: dict) -> dict:
    """Pick each item from the list and collect what of its panel reaches past its column."""
    context = open_context(browser, viewport)
    page = context.new_page()
    open_app(page, app_url)
    problems = {}
    for item_id, item in items.items():
        page.evaluate("(pick) => document.querySelector(`[data-pick=\"${pick}\"]`).click()", f"{kind}:{item_id}")
        page.wait_for_function("(name) => { const h = document.querySelector('#details h2');"
                               " return h && h.textContent.startsWith(name); }", arg=item.name)
        found = overflow(page)
        if found:
            problems[item_id] = found
        page.evaluate("() => document.querySelector('[data-action=clear]').click()")
    context.close()
    return problems


@pytest.mark.parametrize("viewport", [TABLET_PORTRAIT, {"width": 600, "height": 960}, {"width": 320, "height": 640},
                                      TABLET_LANDSCAPE], ids=lambda v: f"{v['width']}x{v['height']}")
def test_acc004_the_details_panel_fits_for_every_muscle(browser, app_url, viewport):
    assert panel_overflow(browser, app_url, viewport, "muscle", REFERRAL_MAP.muscles) == {}


@pytest.mark.parametrize("viewport", [TABLET_PORTRAIT, {"width": 320, "height": 640}],
                         ids=lambda v: f"{v['width']}x{v['height']}")
def test_acc009_the_details_panel_fits_for_every_nerve(browser, app_url, viewport):
    assert panel_overflow(browser, app_url, viewport, "nerve", REFERRAL_MAP.nerves) == {}


def test_acc005_a_landscape_tablet_shows_the_first_three_ranked_muscles_beside_the_drawing(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?regions=temple:right,retro_orbital:right")
    page.wait_for_selector("#details .ranking li")
    seen = page.evaluate("""() => [...document.querySelectorAll('#details .ranking > li')].slice(0, 3).map(li => {
        const r = li.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    })""")
    assert seen == [True, True, True]
    # and the drawing is on screen at the same time
    box = page.locator("#diagram svg").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 768
    console.assert_clean()


def test_acc006_the_mode_switch_and_view_buttons_show_where_the_focus_is(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    for selector in ("#mode-region", "[data-view-choice=front]", "[data-lateral-choice=left]"):
        page.focus(selector)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        ring = page.evaluate("""(s) => { const st = getComputedStyle(document.querySelector(s));
                                         return [st.outlineStyle, parseFloat(st.outlineWidth), st.boxShadow]; }""", selector)
        assert (ring[0] != "none" and ring[1] >= 2) or ring[2] != "none", (selector, ring)
    console.assert_clean()


PAGE_WIDTH_JS = """() => {
    const d = document.documentElement;
    if (d.scrollWidth <= d.clientWidth + 1) return null;
    // Name what reaches furthest right, for the failure message.
    let far = null;
    document.querySelectorAll('body *').forEach(el => {
        const r = el.getBoundingClientRect();
        if (r.width && (!far || r.right > far.right)) far = {name: el.tagName + '.' + (el.className.baseVal ?? el.className), right: Math.round(r.right)};
    });
    return {scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, furthest: far};
}"""


@pytest.mark.parametrize("viewport", [TABLET_LANDSCAPE, TABLET_PORTRAIT, {"width": 390, "height": 844},
                                      {"width": 320, "height": 640}], ids=lambda v: f"{v['width']}x{v['height']}")
def test_acc008_no_page_scrolls_sideways(browser, app_url, viewport):
    # Wide tables scroll inside their own box; the page itself never does (the heatmap's hidden
    # cell words once widened the study page to 900 px, a source's long title the handout).
    context = open_context(browser, viewport)
    page = context.new_page()
    problems = {}
    for address in ("/study/", "/handout?muscle=temporalis", "/handout?muscle=upper_trapezius",
                    "/handout?regions=temple,occiput", "/handout?nerve=greater_occipital", "/handout"):
        page.goto(app_url + address)
        page.wait_for_load_state("networkidle")
        found = page.evaluate(PAGE_WIDTH_JS)
        if found:
            problems[address] = found
    context.close()
    assert problems == {}
