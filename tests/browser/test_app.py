"""What a clinician does on a tablet: tap muscles and painful regions and read the answer.

Real headless Chromium with touch emulation on a 1024x768 landscape tablet, against the app
started as ``python app.py``.
"""

from __future__ import annotations

import pytest

from referral import Selection, highlight_for, load_checked
from tests.browser.conftest import (
    PHONE,
    TABLET_LANDSCAPE,
    TABLET_PORTRAIT,
    Console,
    diagram_classes,
    expected_classes,
    open_app,
    open_context,
    tap_shape,
)
from tests.conftest import DATA, DRAWING

pytestmark = pytest.mark.browser

REFERRAL_MAP, DRAWN = load_checked(DATA, DRAWING)


def details_text(page) -> str:
    return page.inner_text("#details")


def wait_for_classes(page, expected: dict) -> None:
    """Wait until the diagram shows exactly ``expected`` (or fail with the difference)."""
    try:
        page.wait_for_function(
            """(expected) => {
                const states = ['is-selected', 'is-essential', 'is-spillover', 'is-referring'];
                const seen = {muscle: {}, region: {}, mark: {}};
                document.querySelectorAll('#diagram [data-muscle], #diagram [data-region]').forEach((el) => {
                    const kind = el.dataset.muscle ? 'muscle' : 'region';
                    const id = el.dataset[kind];
                    (seen[kind][id] = seen[kind][id] || []).push(
                        states.filter((n) => el.classList.contains(n)).sort().join(' '));
                });
                document.querySelectorAll('#diagram [data-trigger-point]').forEach((el) => {
                    const id = el.dataset.triggerPoint;
                    (seen.mark[id] = seen.mark[id] || []).push(el.classList.contains('is-shown') ? 'is-shown' : '');
                });
                return JSON.stringify(seen) === JSON.stringify(expected);
            }""",
            arg=expected,
            timeout=15000,
        )
    except Exception:
        assert diagram_classes(page) == expected


def expect_selection(page, selection: Selection) -> None:
    wait_for_classes(page, expected_classes(highlight_for(selection, REFERRAL_MAP), REFERRAL_MAP, DRAWN))


def test_dgm001_tapping_a_muscle_lights_its_zones_and_fills_the_details(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    tap_shape(page, "muscle", "temporalis", view="side")
    expect_selection(page, Selection("muscle", "temporalis"))
    zones = REFERRAL_MAP.zones_of("temporalis")
    assert page.locator('#diagram [data-region="temple"].is-essential').count() >= 1
    page.wait_for_selector("#details h2:has-text('Temporalis')")
    text = details_text(page)
    for region_id in zones.essential | zones.spillover:
        assert REFERRAL_MAP.regions[region_id].name in text
    assert "Trigger points" in text and "Why it matters" in text and "Sources" in text
    assert page.locator('#diagram [data-trigger-point="temporalis"].is-shown').count() >= 1
    assert page.url.endswith("/?muscle=temporalis")
    console.assert_clean()


def test_dgm002_tapping_the_selected_muscle_again_clears_it(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?muscle=masseter")
    expect_selection(page, Selection("muscle", "masseter"))
    tap_shape(page, "muscle", "masseter", view="side")
    expect_selection(page, Selection("muscle"))
    page.wait_for_selector("#details h2.intro")
    assert page.url == app_url + "/"
    console.assert_clean()


def test_dgm003_marking_regions_lights_referring_muscles_and_ranks_them(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    page.click("[data-mode=region]")
    tap_shape(page, "region", "temple", view="side")
    tap_shape(page, "region", "occiput", view="back")
    expect_selection(page, Selection("region", None, ("temple", "occiput")))
    ranking = REFERRAL_MAP.rank_muscles(["temple", "occiput"])
    expected = [item.muscle_id for item in ranking.muscles]
    shown = "(rows) => rows.map((row) => row.dataset.muscleItem)"
    try:  # the panel answers each tap in turn: wait for the answer to the second one
        page.wait_for_function(
            "(expected) => JSON.stringify(Array.from(document.querySelectorAll("
            "'#details .ranking [data-muscle-item]')).map((row) => row.dataset.muscleItem)) === JSON.stringify(expected)",
            arg=expected, timeout=15000)
    finally:
        assert page.locator("#details .ranking [data-muscle-item]").evaluate_all(shown) == expected
    assert page.url.endswith("/?regions=temple,occiput")
    tap_shape(page, "region", "temple", view="side")
    expect_selection(page, Selection("region", None, ("occiput",)))
    console.assert_clean()


def test_dgm004_the_page_highlights_exactly_what_python_says_for_every_muscle_and_region(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    for muscle_id in sorted(REFERRAL_MAP.muscles):
        page.click(f'[data-pick="muscle:{muscle_id}"]')
        expect_selection(page, Selection("muscle", muscle_id))
        page.click(f'[data-pick="muscle:{muscle_id}"]')  # tap again: clear, so the next starts fresh
        expect_selection(page, Selection("muscle"))
    for region_id in sorted(REFERRAL_MAP.regions):
        page.click(f'[data-pick="region:{region_id}"]')
        expect_selection(page, Selection("region", None, (region_id,)))
        page.click(f'[data-pick="region:{region_id}"]')
        expect_selection(page, Selection("region"))
    console.assert_clean()


def test_dgm005_the_address_opens_a_selection_ignores_unknown_ids_and_follows_the_back_button(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?regions=temple,elbow,occiput")
    expect_selection(page, Selection("region", None, ("temple", "occiput")))
    assert "Ignored “elbow”: not a region in the referral table." in page.inner_text("#notice")
    assert page.url.endswith("/?regions=temple,occiput")
    page.click('[data-pick="muscle:upper_trapezius"]')
    expect_selection(page, Selection("muscle", "upper_trapezius"))
    page.click('[data-pick="muscle:frontalis"]')
    expect_selection(page, Selection("muscle", "frontalis"))
    page.go_back()
    expect_selection(page, Selection("muscle", "upper_trapezius"))
    page.wait_for_selector("#details h2:has-text('Trapezius')")
    page.go_back()
    expect_selection(page, Selection("region", None, ("temple", "occiput")))
    page.go_forward()
    expect_selection(page, Selection("muscle", "upper_trapezius"))
    console.assert_clean()


def test_dgm006_every_shape_is_a_44px_target_that_answers_at_its_tap_point(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    report = page.evaluate(
        """() => {
            const svg = document.querySelector('#diagram svg');
            const out = [];
            for (const mode of ['muscle', 'region']) {
                svg.classList.toggle('mode-muscle', mode === 'muscle');
                svg.classList.toggle('mode-region', mode === 'region');
                document.querySelectorAll('#diagram [data-' + mode + ']').forEach((el) => {
                    const box = el.getBoundingClientRect();
                    const [x, y] = el.dataset.tap.split(/[ ,]+/).map(Number);
                    const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
                    const hit = document.elementFromPoint(p.x, p.y);
                    const owner = hit && hit.closest('[data-muscle],[data-region]');
                    out.push({id: el.id, w: box.width, h: box.height, hits: owner === el,
                              onScreen: p.x >= 0 && p.y >= 0 && p.x <= innerWidth && p.y <= innerHeight,
                              hit: owner ? owner.id : (hit ? hit.tagName : null)});
                });
            }
            return out;
        }"""
    )
    small = [(r["id"], round(r["w"]), round(r["h"])) for r in report if r["w"] < 44 or r["h"] < 44]
    assert small == []
    misses = [(r["id"], r["hit"]) for r in report if not r["hits"]]
    assert misses == []
    assert all(r["onScreen"] for r in report)
    console.assert_clean()


@pytest.mark.parametrize("viewport", [TABLET_LANDSCAPE, TABLET_PORTRAIT, PHONE], ids=["landscape", "portrait", "phone"])
def test_dgm007_layout_keeps_the_diagram_on_screen_without_sideways_scrolling(browser, app_url, viewport):
    context = open_context(browser, viewport)
    page = context.new_page()
    console = Console(page)
    open_app(page, app_url + "/?muscle=sternocleidomastoid_sternal")
    page.wait_for_selector("#details h2:has-text('Sternocleidomastoid')")
    layout = page.evaluate(
        """() => {
            const svg = document.querySelector('#diagram svg').getBoundingClientRect();
            const views = Array.from(document.querySelectorAll('#diagram [data-view]'))
                .filter((g) => g.style.display !== 'none')
                .map((g) => g.getBoundingClientRect())
                .map((r) => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom}));
            return {svg: {top: svg.top, bottom: svg.bottom, left: svg.left, right: svg.right},
                    views: views, scrollWidth: document.documentElement.scrollWidth,
                    width: innerWidth, height: innerHeight,
                    bodyFont: parseFloat(getComputedStyle(document.body).fontSize)};
        }"""
    )
    assert layout["scrollWidth"] <= layout["width"]
    assert layout["bodyFont"] >= 16
    assert layout["svg"]["top"] >= 0 and layout["svg"]["bottom"] <= layout["height"]
    assert layout["svg"]["left"] >= 0 and layout["svg"]["right"] <= layout["width"]
    if viewport is PHONE:
        assert len(layout["views"]) == 1
        page.click("[data-view-choice=back]")
        page.wait_for_function("() => document.querySelector('#view-back').style.display !== 'none'")
    else:
        assert len(layout["views"]) == 3
        tops = {round(v["top"]) for v in layout["views"]}
        assert max(tops) - min(tops) < 5, "the three views sit side by side"
        lefts = sorted(v["left"] for v in layout["views"])
        assert lefts[0] < lefts[1] < lefts[2]
    console.assert_clean()
    context.close()


def test_dgm008_the_list_works_by_keyboard_and_follows_the_diagram(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    searchable = page.locator("#picker [data-pick]").evaluate_all(
        "(items) => items.map((i) => [i.dataset.pick, i.dataset.search])")
    page.focus("#picker-search")
    page.keyboard.type("Jaw joint")
    expected = [pick for pick, text in searchable if "jaw" in text and "joint" in text]
    assert "region:tmj" in expected and len(expected) < len(searchable)
    visible = page.locator("#picker [data-pick]:visible").evaluate_all("(items) => items.map((i) => i.dataset.pick)")
    assert visible == expected
    for _ in range(1 + expected.index("region:tmj")):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect_selection(page, Selection("region", None, ("tmj",)))
    assert page.get_attribute('[data-pick="region:tmj"]', "aria-pressed") == "true"
    page.fill("#picker-search", "")
    tap_shape(page, "region", "ear", view="side")
    page.wait_for_selector('[data-pick="region:ear"][aria-pressed=true]')
    names = page.locator('#diagram [data-region="tmj"]').first.get_attribute("aria-label")
    assert names and "(region)" in names
    console.assert_clean()


def test_dgm009_mode_switch_and_clear(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?muscle=temporalis")
    expect_selection(page, Selection("muscle", "temporalis"))
    page.click("[data-mode=region]")
    expect_selection(page, Selection("region"))
    assert page.get_attribute("[data-mode=region]", "aria-pressed") == "true"
    tap_shape(page, "region", "forehead", view="front")
    expect_selection(page, Selection("region", None, ("forehead",)))
    page.click("[data-action=clear]")
    expect_selection(page, Selection("region"))
    page.click("[data-mode=muscle]")
    tap_shape(page, "muscle", "upper_trapezius", view="back")
    expect_selection(page, Selection("muscle", "upper_trapezius"))
    console.assert_clean()


def test_dgm010_a_drag_across_the_diagram_is_not_a_tap(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    box = page.evaluate(
        """() => {
            const el = document.querySelector('#diagram [data-muscle="temporalis"]');
            const r = el.getBoundingClientRect();
            return {x: r.left + r.width / 2, y: r.top + r.height / 2};
        }"""
    )
    before = page.evaluate("history.length")
    cdp = page.context.new_cdp_session(page)
    points = [{"x": box["x"], "y": box["y"] + dy} for dy in (0, 15, 30, 45)]
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [points[0]]})
    for point in points[1:]:
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    tap_shape(page, "muscle", "frontalis", view="front")
    expect_selection(page, Selection("muscle", "frontalis"))  # the drag selected nothing before it
    assert page.evaluate("history.length") == before + 1  # only the tap made a history entry
    console.assert_clean()


def test_dgm011_the_evidence_block_opens_with_every_summary(tablet, app_url):
    from components.data import GUIDANCE

    page, console = tablet
    open_app(page, app_url)
    assert page.locator("[data-block=evidence] [data-evidence]").count() == 0  # closed, not yet filled
    page.click("#evidence-summary")
    page.wait_for_selector("[data-block=evidence][open] [data-evidence]")
    shown = page.locator("[data-block=evidence] [data-evidence]").evaluate_all("(items) => items.map((i) => i.dataset.evidence)")
    assert shown == [item.id for item in GUIDANCE.evidence]
    assert page.locator("[data-block=evidence] a[href^='https://']").count() >= 1
    console.assert_clean()


def test_dgm012_the_diagram_answers_before_dash_has_started_and_the_panel_catches_up(tablet, app_url):
    page, console = tablet
    held = []
    page.route("**/dash_renderer*", lambda route: held.append(route))  # hold Dash back
    page.goto(app_url + "/", wait_until="commit")
    page.wait_for_selector("#diagram[data-ready=true]", state="attached")
    page.wait_for_function("() => document.querySelectorAll('#diagram [data-muscle]').length > 0")
    assert held, "Dash's renderer is still on its way"
    tap_shape(page, "muscle", "masseter", view="side")
    expect_selection(page, Selection("muscle", "masseter"))
    assert page.locator("#details").count() == 0  # Dash has not rendered anything yet
    held[0].continue_()
    page.wait_for_selector("#details h2:has-text('Masseter')")
    expect_selection(page, Selection("muscle", "masseter"))  # the address reading did not undo the tap
    assert page.url.endswith("/?muscle=masseter")
    console.assert_clean()
