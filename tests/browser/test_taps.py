"""Honest taps: a finger lands where a shape is drawn, and the map answers with that shape.

The expected answer at each point comes from the browser's own hit test of the painted drawing
(``document.elementsFromPoint``: the topmost shape drawn there; for a nerve, a point on its
drawn course), never from the map's script.
Points are sampled on a grid over every view on screen, at a landscape tablet, a portrait tablet
and a phone, in each mode. Where the fingertip also covers small neighbours the map may ask which
was meant; the answer must then offer the shape drawn under the finger.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    PHONE,
    TABLET_LANDSCAPE,
    TABLET_PORTRAIT,
    open_app,
    open_context,
    screen_point,
    shape_selector,
)

pytestmark = pytest.mark.browser

# What the browser paints under a point, as "kind:id:side", for the layer the mode taps.
DRAWN_AT = """([x, y, mode]) => {
    const attribute = {muscle: ['data-trigger-point', 'data-muscle'], region: ['data-region'], nerve: ['data-nerve']}[mode];
    for (const el of document.elementsFromPoint(x, y)) {
        if (!el.closest('#diagram')) return null;
        const group = el.closest('[data-muscle],[data-region],[data-nerve],[data-trigger-point]');
        if (!group) continue;  // line art, the silhouette: look further down
        const kind = attribute.find((a) => group.hasAttribute(a));
        if (!kind) return null;  // something of another mode is painted on top here
        const style = getComputedStyle(group);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const name = kind === 'data-trigger-point' ? 'point' : kind.slice(5);
        return name + ':' + group.getAttribute(kind) + ':' + group.dataset.side;
    }
    return null;
}"""

SELECTED = """(key) => {
    const [kind, id, side] = key.split(':');
    const attribute = {point: 'data-trigger-point', muscle: 'data-muscle', region: 'data-region', nerve: 'data-nerve'}[kind];
    return !!document.querySelector(`#diagram [${attribute}="${id}"][data-side="${side}"].is-selected`);
}"""


def sample_points(page, mode: str) -> list[tuple]:
    """A grid over the drawing (for nerves: points along each course as drawn, every few
    millimetres, since a grid would seldom land on a line)."""
    if mode == "nerve":
        return [tuple(p) for p in page.evaluate("""() => {
            const out = [];
            document.querySelectorAll('#diagram .nerve .course').forEach((path, i) => {
                const box = path.getBoundingClientRect();
                if (!box.width && !box.height) return;  // a view not on screen
                const length = path.getTotalLength(), m = path.getScreenCTM();
                const g = path.closest('[data-nerve]');
                [0.3, 0.7].forEach((f) => {
                    const q = path.getPointAtLength(length * f).matrixTransform(m);
                    out.push([q.x, q.y, 'nerve:' + g.dataset.nerve + ':' + g.dataset.side + ':' + g.id]);
                });
            });
            return out;
        }""")]
    box = page.locator("#diagram svg").bounding_box()
    step = max(box["width"] / 20, 18)
    points = []
    y = box["y"] + step / 2
    while y < box["y"] + box["height"]:
        x = box["x"] + step / 2
        while x < box["x"] + box["width"]:
            points.append((x, y, None))
            x += step
        y += step
    return points


def tap_and_read(page, x, y) -> tuple[str, list[str]]:
    """Tap; return what the map did ("selected", "asked") and the chooser's keys if it asked."""
    page.touchscreen.tap(x, y)
    page.wait_for_timeout(30)
    if page.locator("#chooser:not([hidden])").count():
        keys = page.eval_on_selector_all("#chooser [data-key]", "els => els.map(e => e.dataset.key)")
        return "asked", keys
    return "selected", []


@pytest.mark.parametrize(
    "viewport", [TABLET_LANDSCAPE, TABLET_PORTRAIT, PHONE], ids=lambda v: f"{v['width']}x{v['height']}"
)
@pytest.mark.parametrize("mode,address", [("region", "/?regions="), ("muscle", "/"), ("nerve", "/?nerve=")])
def test_tap001_a_tap_where_a_shape_is_drawn_answers_that_shape(browser, app_url, viewport, mode, address):
    context = open_context(browser, viewport)
    page = context.new_page()
    open_app(page, app_url + address)
    if mode == "nerve":
        page.click("#mode-nerve")
    wrong, tapped = [], 0
    for x, y, course in sample_points(page, mode):
        # a nerve is a line, which the map picks by distance: what is drawn there is the course
        if course:  # still on screen? (the side view follows the side of what was tapped)
            *key, element_id = course.split(":")
            shown = page.evaluate("(id) => { const r = document.getElementById(id).getBoundingClientRect();"
                                  " return r.width > 0 || r.height > 0; }", element_id)
            expected = ":".join(key) if shown else None
        else:
            expected = page.evaluate(DRAWN_AT, [x, y, mode])
        if expected is None:
            continue
        tapped += 1
        what, keys = tap_and_read(page, x, y)
        if what == "asked":
            if expected not in keys:
                wrong.append((round(x), round(y), expected, "chooser offered", keys))
            page.keyboard.press("Escape")
        if not page.evaluate(SELECTED, expected) and what != "asked":
            got = page.eval_on_selector_all("#diagram .is-selected", "els => els.map(e => e.id)")
            wrong.append((round(x), round(y), expected, "not selected", got[:2]))
        page.evaluate("() => document.querySelector('[data-action=clear]').click()")
        if mode == "nerve":
            page.wait_for_function("() => !document.querySelector('#diagram .is-selected')")
    context.close()
    assert tapped >= 25, f"only {tapped} points landed on a {mode} shape"
    assert wrong == [], f"{len(wrong)} of {tapped} taps answered something else: {wrong[:6]}"


WATCH_ANSWER = """() => {
    window.__answer = {changed: null, clicks: 0, changedByLift: null};
    document.addEventListener('click', () => { window.__answer.clicks += 1; }, {capture: true});
    new MutationObserver(() => {
        if (window.__answer.changed === null) window.__answer.changed = performance.now();
    }).observe(document.getElementById('diagram'), {attributes: true, subtree: true, attributeFilter: ['class']});
    // the last listener the lift reaches, after the map's own: has the map changed by then?
    window.addEventListener('pointerup', () => {
        window.__answer.changedByLift = window.__answer.changed !== null;
    });
}"""

# At the moment the chooser opens, a click on its first option with no press before it: what
# the opening touch's own click would be, however slow the machine.
EARLY_CLICK = """() => {
    const chooser = document.getElementById('chooser');
    new MutationObserver((_, observer) => {
        if (chooser.hidden) return;
        observer.disconnect();
        chooser.querySelector('[data-choose]').click();
        window.__earlyClickDone = true;
    }).observe(chooser, {attributes: true, attributeFilter: ['hidden']});
}"""


def test_tap002_a_finger_answers_the_chooser_when_it_lifts_and_sends_no_click_after(tablet, app_url):
    """The option a finger lifts from is chosen in that lift's own task (the map has changed by
    the time the lift's last listener runs), and no click follows that could land on what lay
    under the closed chooser. A click in the chooser's first moments, with no press on the
    option (the opening touch's own click), is ignored."""
    page, console = tablet
    open_app(page, app_url + "/")
    page.evaluate(EARLY_CLICK)
    selector = shape_selector("muscle", "masseter", "left", "front")
    page.touchscreen.tap(*screen_point(page, selector))
    page.wait_for_function("() => window.__earlyClickDone === true")
    assert page.locator("#chooser:not([hidden])").count() == 1, "a click with no press answered the chooser"
    assert page.evaluate("() => !document.querySelector('#diagram .is-selected')")
    page.wait_for_timeout(450)  # a person reads the question
    page.evaluate(WATCH_ANSWER)
    option = '#chooser [data-key="muscle:masseter:left"]'
    page.touchscreen.tap(*screen_point(page, option, where="box"))
    page.wait_for_function("() => window.__answer.changedByLift !== null")
    page.wait_for_timeout(600)  # time for a late click to arrive
    answer = page.evaluate("() => window.__answer")
    assert page.evaluate(SELECTED, "muscle:masseter:left")
    assert page.locator("#chooser[hidden]").count() == 1
    assert answer["changedByLift"], "the map changed only after the lift (on a later event)"
    assert answer["clicks"] == 0, "the answering touch also sent a click"
    console.assert_clean()


def test_tap003_answering_the_chooser_by_keyboard_leaves_the_focus_on_the_drawing(tablet, app_url):
    """Answered with Enter (or a screen reader's activation), the chooser closes and the focus
    goes to the chosen shape's view (its one Tab stop), not to the page's start, so the user goes
    on from where they were."""
    page, console = tablet
    open_app(page, app_url + "/")
    page.touchscreen.tap(*screen_point(page, shape_selector("muscle", "masseter", "left", "front")))
    page.wait_for_selector("#chooser:not([hidden])", state="visible")
    page.wait_for_timeout(450)
    option = '#chooser [data-key="muscle:masseter:left"]'
    page.focus(option)
    page.keyboard.press("Enter")
    page.wait_for_selector("#chooser[hidden]", state="attached")
    assert page.evaluate(SELECTED, "muscle:masseter:left")
    page.wait_for_function("() => document.activeElement.closest('#diagram') !== null", timeout=5000)
    focused = page.evaluate("""() => { const el = document.activeElement;
        return [el.getAttribute('tabindex'), el.closest('[data-view]').dataset.view]; }""")
    assert focused == ["0", "front"]
    console.assert_clean()
