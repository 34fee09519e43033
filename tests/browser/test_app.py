"""What a clinician does on a tablet: tap muscles and painful places on the side they are on,
and read the answer.

Real headless Chromium with touch emulation on a 1024x768 landscape tablet, against the app
started as ``python app.py``. Expected states are written by hand from the table where a case
names them; one test holds the page to the Python core for every muscle and region.
"""

from __future__ import annotations

import pytest

from referral import Selection, highlight_for, load_checked
from referral.selection import Place
from tests.browser.conftest import (
    PHONE,
    TABLET_LANDSCAPE,
    TABLET_PORTRAIT,
    Console,
    diagram_classes,
    expected_classes,
    open_app,
    open_context,
    screen_point,
    shape_selector,
    tap_shape,
    wait_for_classes,
)
from tests.conftest import DATA, DRAWING

pytestmark = pytest.mark.browser

REFERRAL_MAP, DRAWN = load_checked(DATA, DRAWING)


def details_text(page) -> str:
    return " ".join(page.inner_text("#details").split())


def expect_selection(page, selection: Selection) -> None:
    wait_for_classes(page, expected_classes(highlight_for(selection, REFERRAL_MAP)))


def lit(page, kind: str, item_id: str, side: str) -> list[str]:
    return diagram_classes(page).get(f"{kind}:{item_id}:{side}", [])


def test_dgm001_tapping_a_muscle_lights_its_zones_on_its_side_and_fills_the_details(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    tap_shape(page, "muscle", "temporalis", "right", "side-right")
    expect_selection(page, Selection("muscle", "temporalis", side="right"))
    # By hand from the table: temporalis refers to the temple (all four points), the eyebrow,
    # the upper teeth and behind the eye (usually), the side of the head, the jaw joint and the
    # cheek (sometimes), all on the same side.
    for region in ("temple", "eyebrow", "upper_teeth", "retro_orbital"):
        assert lit(page, "region", region, "right") == ["is-essential"], region
        assert lit(page, "region", region, "left") == [], region
    for region in ("lateral_head", "tmj", "cheek"):
        assert lit(page, "region", region, "right") == ["is-spillover"], region
    page.wait_for_selector("#details h2:has-text('Temporalis (right)')")
    text = details_text(page)
    assert (
        "Temple A — right temple" in text
        and "Trigger points" in text
        and "Why it matters" in text
        and "Sources" in text
    )
    assert page.url.endswith("/?muscle=temporalis&side=right")
    console.assert_clean()


def test_dgm002_tapping_the_muscle_looked_at_again_clears_it(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?muscle=masseter&side=left")
    expect_selection(page, Selection("muscle", "masseter", side="left"))
    # the side view follows the side looked at
    page.wait_for_selector("#diagram[data-lateral=left]", state="attached")
    tap_shape(page, "muscle", "masseter", "left", "side-left")
    expect_selection(page, Selection("muscle", side="left"))
    page.wait_for_selector("#details h2.intro")
    assert page.url == app_url + "/"
    console.assert_clean()


def test_dgm003_marking_places_on_the_left_ranks_the_left_muscles(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    page.click("[data-mode=region]")
    tap_shape(page, "region", "temple", "left", "front")  # the patient's left: the viewer's right
    tap_shape(page, "region", "occiput", "left", "back")  # and in the back view the viewer's left
    places = (Place("temple", "left"), Place("occiput", "left"))
    expect_selection(page, Selection("region", places=places))
    page.wait_for_function(
        "() => document.querySelectorAll('#details .ranking [data-muscle-item]').length > 0"
        " && document.querySelector('#details').innerText.includes('2 places')")
    ranked = page.locator("#details .ranking [data-muscle-item]").evaluate_all(
        "(rows) => rows.map((row) => [row.dataset.muscleItem, row.dataset.side])")
    # The left upper trapezius is the only muscle whose usual zone holds both places (TrP1 the
    # temple, TrP2 the occiput); only the suboccipitals' occiput zone is felt on both sides, so
    # they are the only muscle listed on the right.
    assert ranked[0] == ["upper_trapezius", "left"]
    assert {m for m, side in ranked if side == "right"} == {"suboccipitals"}
    assert "explains 2 of your 2 places: left temple (usually), the left side of the back of the head (usually)" \
        in details_text(page).lower()
    assert page.url.endswith("/?regions=temple:left,occiput:left")
    tap_shape(page, "region", "temple", "left", "front")
    expect_selection(page, Selection("region", places=(Place("occiput", "left"),)))
    console.assert_clean()


def test_dgm004_the_page_lights_exactly_what_python_says_for_every_muscle_and_region(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    for muscle_id in sorted(REFERRAL_MAP.muscles):
        page.click(f'#picker [data-pick="muscle:{muscle_id}"]')
        expect_selection(page, Selection("muscle", muscle_id))
        page.click(f'#picker [data-pick="muscle:{muscle_id}"]')  # again: clear, so the next starts fresh
        expect_selection(page, Selection("muscle"))
    for region_id in sorted(REFERRAL_MAP.regions):
        page.click(f'#picker [data-pick="region:{region_id}"]')
        expect_selection(page, Selection("region", places=(Place(region_id, "right"), Place(region_id, "left"))))
        page.click(f'#picker [data-pick="region:{region_id}"]')
        expect_selection(page, Selection("region"))
    console.assert_clean()


def test_dgm005_the_address_opens_a_selection_ignores_unknown_ids_and_follows_the_back_button(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?regions=temple:left,elbow,occiput:right:7")
    places = (Place("temple", "left"), Place("occiput", "right", 7))
    expect_selection(page, Selection("region", places=places))
    assert "Ignored “elbow”: not a region in the referral table." in page.inner_text("#notice")
    assert page.url.endswith("/?regions=temple:left,occiput:right:7")
    page.click('#picker [data-pick="muscle:upper_trapezius"]')
    expect_selection(page, Selection("muscle", "upper_trapezius", places=places))
    page.click('#picker [data-pick="muscle:frontalis"]')
    expect_selection(page, Selection("muscle", "frontalis", places=places))
    page.go_back()
    expect_selection(page, Selection("muscle", "upper_trapezius", places=places))
    page.wait_for_selector("#details h2:has-text('Trapezius')")
    page.go_back()
    expect_selection(page, Selection("region", places=places))
    page.go_forward()
    expect_selection(page, Selection("muscle", "upper_trapezius", places=places))
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
        assert len(layout["views"]) == 3, "front, one side and back"
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
    expect_selection(page, Selection("region", places=(Place("tmj", "right"), Place("tmj", "left"))))
    assert page.get_attribute('#picker [data-pick="region:tmj"]', "aria-pressed") == "true"
    page.fill("#picker-search", "")
    tap_shape(page, "region", "ear", "right", "side-right")
    page.wait_for_selector('#picker [data-pick="region:ear"][aria-pressed=true]')
    assert page.get_attribute(shape_selector("region", "tmj", "left", "side-left"), "aria-label") == \
        "Temporomandibular joint, left, left side view"
    console.assert_clean()


def test_dgm009_mode_switch_keeps_the_drawing_and_clear_starts_afresh(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?muscle=temporalis")
    expect_selection(page, Selection("muscle", "temporalis"))
    page.click("[data-mode=region]")
    expect_selection(page, Selection("region"))
    assert page.get_attribute("[data-mode=region]", "aria-pressed") == "true"
    tap_shape(page, "region", "forehead", "left", "front")
    expect_selection(page, Selection("region", places=(Place("forehead", "left"),)))
    page.click("[data-mode=muscle]")
    expect_selection(page, Selection("muscle", places=(Place("forehead", "left"),)))  # kept, outlined
    assert lit(page, "region", "forehead", "left") == ["is-marked"]
    page.click("[data-action=clear]")
    expect_selection(page, Selection("muscle"))
    tap_shape(page, "muscle", "upper_trapezius", "right", "back")
    expect_selection(page, Selection("muscle", "upper_trapezius"))
    console.assert_clean()


def test_dgm010_a_drag_across_the_diagram_is_not_a_tap(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    x, y = screen_point(page, shape_selector("muscle", "temporalis", "right", "side-right"))
    before = page.evaluate("history.length")
    cdp = page.context.new_cdp_session(page)
    points = [{"x": x, "y": y + dy} for dy in (0, 15, 30, 45)]
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [points[0]]})
    for point in points[1:]:
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    tap_shape(page, "muscle", "frontalis", "left", "front")
    expect_selection(page, Selection("muscle", "frontalis", side="left"))  # the drag selected nothing before it
    assert page.evaluate("history.length") == before + 1  # only the tap made a history entry
    console.assert_clean()


def test_dgm011_the_evidence_block_opens_with_every_summary(tablet, app_url):
    from referral.guidance import load_guidance

    GUIDANCE = load_guidance(DATA, REFERRAL_MAP)

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
    assert held, "Dash's renderer is still on its way"
    tap_shape(page, "muscle", "masseter", "right", "side-right")
    expect_selection(page, Selection("muscle", "masseter"))
    assert page.locator("#details").count() == 0  # Dash has not rendered anything yet
    held[0].continue_()
    page.wait_for_selector("#details h2:has-text('Masseter')")
    expect_selection(page, Selection("muscle", "masseter"))  # the address reading did not undo the tap
    assert page.url.endswith("/?muscle=masseter&side=right")
    console.assert_clean()


def test_dgm013_going_back_to_the_address_opened_with_shows_it_though_a_tap_came_first(tablet, app_url):
    """A tap before Dash has started wins over the address (dgm012); going back from it then
    shows what the address asked for, and a link within the page (the skip link) changes
    nothing."""
    page, console = tablet
    held = []
    page.route("**/dash_renderer*", lambda route: held.append(route))  # hold Dash back
    page.goto(app_url + "/?muscle=masseter&side=left", wait_until="commit")
    page.wait_for_selector("#diagram[data-ready=true]", state="attached")
    assert held, "Dash's renderer is still on its way"
    tap_shape(page, "muscle", "temporalis", "right", "side-right")
    expect_selection(page, Selection("muscle", "temporalis", side="right"))
    held[0].continue_()
    page.wait_for_selector("#diagram[data-address=read]", state="attached")
    page.wait_for_selector("#details h2:has-text('Temporalis')")
    page.go_back()
    expect_selection(page, Selection("muscle", "masseter", side="left"))
    page.wait_for_selector("#details h2:has-text('Masseter')")
    assert page.url.endswith("/?muscle=masseter&side=left")
    page.evaluate("() => { window.location.hash = 'diagram'; }")  # what the skip link does
    page.wait_for_timeout(300)
    expect_selection(page, Selection("muscle", "masseter", side="left"))
    console.settle(page)
    console.assert_clean()


# ---- one side is one side ------------------------------------------------------------------

def test_sid001_a_left_upper_trapezius_lights_the_left_temple_not_the_right(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?muscle=upper_trapezius&side=left")
    expect_selection(page, Selection("muscle", "upper_trapezius", side="left"))
    assert lit(page, "region", "temple", "left") == ["is-essential"]
    assert lit(page, "region", "temple", "right") == []
    assert lit(page, "muscle", "upper_trapezius", "left") == ["is-selected"]
    assert lit(page, "muscle", "upper_trapezius", "right") == []
    # in the front view the patient's left temple is on the viewer's right
    left_x, _ = screen_point(page, shape_selector("region", "temple", "left", "front"), "box")
    right_x, _ = screen_point(page, shape_selector("region", "temple", "right", "front"), "box")
    assert left_x > right_x
    page.wait_for_selector("#details:has-text('Showing the muscle on the patient\\'s left side.')")
    console.assert_clean()


def test_sid002_tapping_the_left_copy_selects_it_on_the_left_and_the_side_view_follows(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    tap_shape(page, "muscle", "sternocleidomastoid_sternal", "left", "front")
    expect_selection(page, Selection("muscle", "sternocleidomastoid_sternal", side="left"))
    page.wait_for_selector("#diagram[data-lateral=left]", state="attached")
    assert page.evaluate("document.querySelector('#view-side-left').style.display") == ""
    assert page.evaluate("document.querySelector('#view-side-right').style.display") == "none"
    assert page.url.endswith("/?muscle=sternocleidomastoid_sternal&side=left")
    console.assert_clean()


def test_sid003_the_clavicular_scms_forehead_pain_lights_both_sides(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?muscle=sternocleidomastoid_clavicular&side=left")
    expect_selection(page, Selection("muscle", "sternocleidomastoid_clavicular", side="left"))
    assert lit(page, "region", "forehead", "left") == ["is-essential"]
    assert lit(page, "region", "forehead", "right") == ["is-essential"]
    assert lit(page, "region", "ear", "left") == ["is-essential"] and lit(page, "region", "ear", "right") == []
    console.assert_clean()


def test_sid004_a_left_temple_makes_the_left_temporalis_referring_and_stays_visible_on_top(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?regions=temple:left")
    expect_selection(page, Selection("region", places=(Place("temple", "left"),)))
    assert lit(page, "muscle", "temporalis", "left") == ["is-referring"]
    assert lit(page, "muscle", "temporalis", "right") == []
    # The marked temple is drawn over the temporalis that lights up: at the temple's own tap
    # point the topmost element is the temple, although the temporalis lies under it.
    report = page.evaluate(
        """() => {
            const temple = document.querySelector('#view-side-left [data-region="temple"][data-side="left"]');
            const muscle = document.querySelector('#view-side-left [data-muscle="temporalis"][data-side="left"]');
            const [x, y] = temple.dataset.tap.split(' ').map(Number);
            const p = new DOMPoint(x, y).matrixTransform(temple.ownerSVGElement.getScreenCTM());
            const stack = document.elementsFromPoint(p.x, p.y).map((el) => el.closest('[data-region],[data-muscle]'));
            return {top: stack[0] === temple, under: stack.includes(muscle) || muscle.getBBox().x <= x,
                    fill: getComputedStyle(temple.querySelector('.shape')).fill};
        }""")
    assert report["top"] and report["under"] and report["fill"].startswith("url(")
    console.assert_clean()


def test_sid005_the_side_switch_strengths_and_the_ranked_items_keep_the_drawing(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?regions=temple:left,occiput:left")
    page.wait_for_selector("#details [data-strength-for='temple:left']")
    page.select_option("#details [data-strength-for='temple:left']", "8")
    places = (Place("temple", "left", 8), Place("occiput", "left"))
    expect_selection(page, Selection("region", places=places))
    page.wait_for_function("() => location.search === '?regions=temple:left:8,occiput:left'")
    # The new strength re-orders the ranking when the panel's answer arrives; a person reads the
    # new order before tapping, so the tap waits for it (before, a row could change under it).
    console.settle(page)
    page.wait_for_selector("#details .ranking [data-muscle-item='temporalis'][data-side='left']")
    page.click("#details .ranking [data-muscle-item='temporalis'][data-side='left']")
    expect_selection(page, Selection("muscle", "temporalis", side="left", places=places))
    page.wait_for_selector("#details h2:has-text('Temporalis (left)')")
    box = page.locator("#details [data-side-choice=right]").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    page.click("#details [data-side-choice=right]")
    expect_selection(page, Selection("muscle", "temporalis", side="right", places=places))
    page.click("#details .back-button")
    expect_selection(page, Selection("region", side="right", places=places))
    console.assert_clean()


def test_sid006_the_handout_names_the_side(tablet, app_url):
    page, console = tablet
    page.goto(app_url + "/handout?muscle=upper_trapezius&side=left")
    text = page.inner_text("main")
    assert "Trapezius, upper fibres (left side)" in text and "Left temple" in text
    console.assert_clean()
