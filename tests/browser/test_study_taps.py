"""Honest taps on the study page's small diagram: a finger lands where a muscle is drawn, and
the page answers with that muscle, or asks which was meant when the fingertip also covers small
neighbours. The expected muscle at each point comes from the browser's own hit test of the
painted drawing, never from the page's script.
"""

from __future__ import annotations

import re

import pytest

from referral import load
from tests.browser.conftest import PHONE, TABLET_LANDSCAPE, TABLET_PORTRAIT, open_context
from tests.browser.test_study import open_study
from tests.conftest import DATA

pytestmark = pytest.mark.browser
REFERRAL_MAP = load(DATA)

DRAWN_AT = """([x, y]) => {
    for (const el of document.elementsFromPoint(x, y)) {
        if (!el.closest('#study-diagram svg')) return null;
        const group = el.closest('[data-muscle],[data-region],[data-nerve],[data-trigger-point]');
        if (!group) continue;  // line art, the silhouette: look further down
        if (!group.hasAttribute('data-muscle')) return null;
        if (getComputedStyle(group).display === 'none') continue;
        return group.dataset.muscle + ':' + group.dataset.side;
    }
    return null;
}"""


def name_of(key: str) -> str:
    muscle, side = key.split(":")
    return REFERRAL_MAP.muscles[muscle].name + ("" if side == "midline" else f", {side}")


VIEW_OF = """([x, y]) => {
    for (const el of document.elementsFromPoint(x, y)) {
        const view = el.closest('#study-diagram [data-view]');
        if (view) return view.dataset.view;
    }
    return null;
}"""


def grid(page):
    box = page.locator("#study-diagram svg").bounding_box()
    step = max(box["width"] / 18, 16)
    y = box["y"] + step / 2
    while y < box["y"] + box["height"]:
        x = box["x"] + step / 2
        while x < box["x"] + box["width"]:
            yield round(x), round(y)  # whole pixels, as a touch reaches the page
            x += step
        y += step


def tap_drawn(page, x, y, drawn, wrong, outcomes) -> None:
    """Tap at a point where ``drawn`` is painted; the page must pick it, ask with it among the
    choices (then it is chosen), or, with all views shown, enlarge the view it is drawn in."""
    view = page.evaluate(VIEW_OF, [x, y])
    before = page.get_attribute("#study-diagram", "data-view")
    page.touchscreen.tap(x, y)
    chooser = page.locator(".study-chooser")
    after = page.get_attribute("#study-diagram", "data-view")
    if after != before:
        outcomes["zoomed"] += 1
        if before != "all" or after != view:
            wrong.append(f"({x:.0f},{y:.0f}) drawn {drawn} in {view}: the page showed {after}")
        page.locator('[data-study-view="all"]').tap()
        return
    if chooser.count():
        outcomes["asked"] += 1
        option = chooser.get_by_role("button", name=re.compile("^" + re.escape(name_of(drawn)) + "$"))
        if not option.count():
            wrong.append(f"({x:.0f},{y:.0f}) drawn {drawn}, asked without it: "
                         f"{chooser.locator('.chooser-option').all_inner_texts()}")
            page.keyboard.press("Escape")
            return
        option.tap()
    else:
        outcomes["direct"] += 1
    got = page.get_attribute("#study-diagram", "data-last-tap")
    if got != f"muscle:{drawn}":
        wrong.append(f"({x:.0f},{y:.0f}) drawn {drawn}, picked {got}")
        return
    # The muscle picked lights up (and may switch the back view to its layer): wait for the
    # drawing to settle before asking what is drawn at the next point.
    page.wait_for_selector(f'#study-diagram [data-muscle="{drawn.split(":")[0]}"].is-selected', state="attached")


CASES = [  # every size with all three views; each single view at a landscape tablet; the phone's front view
    ("all", TABLET_LANDSCAPE), ("all", TABLET_PORTRAIT), ("all", PHONE),
    ("front", TABLET_LANDSCAPE), ("side-right", TABLET_LANDSCAPE), ("back", TABLET_LANDSCAPE), ("front", PHONE),
]


@pytest.mark.parametrize("view, viewport", CASES, ids=[f"{v}-{s['width']}x{s['height']}" for v, s in CASES])
def test_every_muscle_drawn_on_the_study_diagram_answers_a_tap_there(browser, app_url, viewport, view):
    context = open_context(browser, viewport)
    page = context.new_page()
    open_study(page, app_url)
    page.wait_for_selector("#study-diagram[data-accept=muscle]", state="attached")
    if view != "all":
        button = page.locator(f'[data-study-view="{view}"]')
        if button.is_visible():
            button.tap()
        else:  # a phone hides the view buttons until a tap on the small diagram enlarges a view
            button.dispatch_event("click")
        page.wait_for_selector(f'#study-diagram[data-view="{view}"]', state="attached")
    page.locator("#study-diagram svg").scroll_into_view_if_needed()
    outcomes = {"direct": 0, "asked": 0, "zoomed": 0}
    wrong: list[str] = []
    seen: set[str] = set()
    for x, y in list(grid(page)):
        drawn = page.evaluate(DRAWN_AT, [x, y])
        if drawn:
            seen.add(drawn)
            tap_drawn(page, x, y, drawn, wrong, outcomes)
    print(f"study diagram {viewport['width']}x{viewport['height']}, {view}: {sum(outcomes.values())} taps on "
          f"{len(seen)} drawn muscles: {outcomes}")
    assert sum(outcomes.values()) > 30 and not wrong, wrong[:10]
    if view == "all":
        assert outcomes["zoomed"], "a tap on small shapes of all three views enlarges the view"
    context.close()


def test_the_chooser_names_the_small_muscles_under_the_finger_and_picks_the_one_chosen(tablet, app_url):
    page, console = tablet
    open_study(page, app_url)
    page.wait_for_selector("#study-diagram[data-accept=muscle]", state="attached")
    page.locator('[data-study-view="front"]').tap()
    # Where the masseter is drawn in the front view, the zygomaticus and the buccinator are close.
    point = page.evaluate("""() => {
        const el = document.querySelector('#study-diagram [data-view=front] [data-muscle=masseter][data-side=right] .shape');
        const b = el.getBoundingClientRect();
        for (let y = b.top + 1; y < b.bottom; y += 1) for (let x = b.left + 1; x < b.right; x += 1) {
            const top = document.elementFromPoint(x, y);
            if (top && top.closest('[data-muscle]') && top.closest('[data-muscle]').dataset.muscle === 'masseter') return [x, y];
        }
        return null;
    }""")
    assert point, "the masseter is drawn in the front view"
    page.touchscreen.tap(*point)
    chooser = page.locator(".study-chooser")
    chooser.wait_for()
    names = chooser.locator(".chooser-option").all_inner_texts()
    assert "Masseter, right" in names and len(names) >= 2
    chooser.get_by_role("button", name="Masseter, right").tap()
    page.wait_for_selector("#study-diagram-caption h2:has-text('Masseter')")
    assert not page.locator(".study-chooser").count()
    console.assert_clean()
