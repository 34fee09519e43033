"""A student on a tablet: reads the whole table, taps a row, takes the quiz.

Real headless Chromium with touch emulation, against the app started as ``python app.py``.
"""

from __future__ import annotations

import json
import re

import pytest

from referral import Selection, highlight_for, load_checked
from referral.index import short_name
from referral.quiz import WRONG_GAP
from tests.browser.conftest import KIND_ATTRIBUTES, STATES, Console, expected_classes
from tests.conftest import DATA, DRAWING

pytestmark = pytest.mark.browser

REFERRAL_MAP, DRAWN = load_checked(DATA, DRAWING)
QUIZ_KEY = "study-quiz"  # dcc.Store(storage_type="local") keeps the quiz under its id


def open_study(page, url: str) -> None:
    page.goto(url + "/study/")
    page.wait_for_selector("#study-diagram[data-ready=true]", state="attached")
    page.wait_for_selector("#study-heatmap[data-ready=true]", state="attached")


def wait_for_study_classes(page, expected: dict) -> None:
    """Wait until the study diagram shows exactly ``expected`` (see conftest.expected_classes)."""
    page.wait_for_function(
        """([expected, states, attributes]) => {
            const out = {};
            Object.entries(attributes).forEach(([kind, attribute]) => {
                document.querySelectorAll('#study-diagram [' + attribute + ']').forEach((el) => {
                    const classes = states.filter((n) => el.classList.contains(n)).sort();
                    if (classes.length) out[kind + ':' + el.getAttribute(attribute) + ':' + el.dataset.side] = classes;
                });
            });
            const sorted = {};
            Object.keys(out).sort().forEach((k) => { sorted[k] = out[k]; });
            return JSON.stringify(sorted) === JSON.stringify(expected);
        }""",
        arg=[expected, STATES, KIND_ATTRIBUTES],
        timeout=8000,
    )


def tap_row(page, muscle_id: str) -> None:
    """Tap the heatmap cell in the middle of a muscle's row, scrolled into view first."""
    cells = page.locator(f'#study-heatmap tr[data-muscle="{muscle_id}"] td')
    cell = cells.nth(cells.count() // 2)
    cell.evaluate("(el) => el.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'})")
    box = cell.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def tap_study_shape(page, kind: str, item_id: str, side: str = "right") -> None:
    """Tap a shape of the study diagram with a finger, as a person does on the small diagram: at
    the tap point the drawing gives for it; if the page enlarges the view first, again there; if it
    asks which was meant, choose it."""
    for _ in range(2):
        view = page.get_attribute("#study-diagram", "data-view")
        tap_study_point(page, kind, item_id, side)
        if page.get_attribute("#study-diagram", "data-view") == view:
            break
    chooser = page.locator(".study-chooser")
    if chooser.count():
        names = REFERRAL_MAP.muscles if kind == "muscle" else REFERRAL_MAP.regions
        name = names[item_id].name if kind == "muscle" else short_name(names[item_id].name)
        chooser.get_by_role("button", name=f"{name}, {side}", exact=True).tap()


def tap_study_point(page, kind: str, item_id: str, side: str) -> None:
    x, y = page.evaluate(
        """([kind, id, side]) => {
            const el = Array.from(document.querySelectorAll(`#study-diagram [data-${kind}="${id}"][data-side="${side}"]`))
                .find((shape) => shape.closest('[data-view]').style.display !== 'none'
                      && (!shape.closest('[data-layer]') || shape.closest('[data-layer]').style.display !== 'none'));
            el.scrollIntoView({block: 'center', behavior: 'instant'});
            const [x, y] = el.dataset.tap.split(/[ ,]+/).map(Number);
            const point = new DOMPoint(x, y).matrixTransform(el.ownerSVGElement.getScreenCTM());
            return [point.x, point.y];
        }""",
        [kind, item_id, side],
    )
    page.touchscreen.tap(x, y)


def stored_quiz(page) -> dict:
    return json.loads(page.evaluate("(key) => window.localStorage.getItem(key)", QUIZ_KEY))


def test_stu001_the_heatmap_shows_the_table_and_a_row_tap_selects_the_muscle_on_the_diagram(tablet, app_url):
    page, console = tablet
    open_study(page, app_url)
    assert page.locator("#study-heatmap tbody th").count() == len(REFERRAL_MAP.muscles)
    assert page.locator("#study-heatmap thead th[scope=col] span").count() == len(REFERRAL_MAP.regions)
    essential = sum(len(REFERRAL_MAP.zones_of(m).essential) for m in REFERRAL_MAP.muscles)
    assert page.locator("#study-heatmap td.cell-essential").count() == essential
    assert page.locator(".study-table .swatch-essential").is_visible()
    assert page.locator(".study-table .swatch-spillover").is_visible()

    tap_row(page, "masseter")
    wait_for_study_classes(page, expected_classes(highlight_for(Selection("muscle", "masseter"), REFERRAL_MAP)))
    page.wait_for_selector("#study-diagram-caption h2:has-text('Masseter')")
    assert "Masseter" in page.inner_text("#study-muscle")
    page.wait_for_selector('#study-heatmap tr.is-picked[data-muscle="masseter"]')
    assert page.locator("#study-heatmap tr.is-picked").count() == 1

    tap_study_shape(page, "muscle", "temporalis")  # the diagram picks a muscle too
    wait_for_study_classes(page, expected_classes(highlight_for(Selection("muscle", "temporalis"), REFERRAL_MAP)))
    page.wait_for_selector("#study-diagram-caption h2:has-text('Temporalis')")
    console.assert_clean()


def choice_button(page, kind: str, choice: str):
    """The answer button of a choice, found by what it says: the muscle's or the nerve's name, or
    the trigger point's label."""
    if kind == "point":
        return page.locator(".quiz-choice", has_text=REFERRAL_MAP.trigger_points[choice].label)
    names = REFERRAL_MAP.nerves if kind == "nerve" else REFERRAL_MAP.muscles
    return page.get_by_role("button", name=names[choice].name, exact=True)


def answer_right(page, quiz: dict) -> None:
    """Answer with a finger: the right choice's button, or a tap on the muscle's essential zone."""
    question = quiz["question"]
    if question["kind"] != "tap":
        choice_button(page, question["kind"], question["subject"]).tap()
    else:
        region = sorted(REFERRAL_MAP.zones_of(question["subject"]).essential)[0]
        page.wait_for_selector("#study-diagram[data-accept=region]")
        tap_study_shape(page, "region", region)


def answer_wrong_by_keyboard(page, quiz: dict) -> tuple[str, int]:
    """Answer wrongly with the keyboard only; return what was given and the keys pressed."""
    question = quiz["question"]
    if question["kind"] != "tap":
        given = next(c for c in question["choices"] if c != question["subject"])
        return given, press_tab_until(page, choice_button(page, question["kind"], given)) + press(page, "Enter")
    zones = REFERRAL_MAP.zones_of(question["subject"])
    given = next(r for r in REFERRAL_MAP.regions if r not in zones.all)
    keys = press_tab_until(page, page.locator(".quiz-place-details summary")) + press(page, "Enter")
    place = page.locator(f'.quiz-place:has-text("{REFERRAL_MAP.regions[given].patient_words.split(",")[0]}")').first
    return given, keys + press_tab_until(page, place) + press(page, "Enter")


def answer_right_by_keyboard(page, quiz: dict) -> int:
    """Answer rightly with the keyboard only; return the keys pressed."""
    question = quiz["question"]
    if question["kind"] != "tap":
        return press_tab_until(page, choice_button(page, question["kind"], question["subject"])) + press(page, "Enter")
    region = sorted(REFERRAL_MAP.zones_of(question["subject"]).essential)[0]
    keys = press_tab_until(page, page.locator(".quiz-place-details summary")) + press(page, "Enter")
    place = page.locator(".quiz-place", has=page.locator(".pick-name", has_text=re.compile(
        "^" + re.escape(short_name(REFERRAL_MAP.regions[region].name)) + "$")))
    return keys + press_tab_until(page, place) + press(page, "Enter")


def press(page, key: str) -> int:
    page.keyboard.press(key)
    return 1


def press_tab_until(page, target, limit: int = 120) -> int:
    """Press Tab until ``target`` has the focus; return how many presses it took."""
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return count
    raise AssertionError(f"Tab never reached the target in {limit} presses")


def test_stu002_a_quiz_round_scores_a_right_and_a_wrong_answer_and_brings_the_miss_back(tablet, app_url):
    page, console = tablet
    open_study(page, app_url)
    page.get_by_role("tab", name="Quiz").tap()
    page.get_by_role("button", name="Start the quiz").tap()
    page.wait_for_selector("#study-quiz-panel:not([hidden]) .quiz-prompt h2")
    page.wait_for_function("(key) => window.localStorage.getItem(key) !== null", arg=QUIZ_KEY)

    first = stored_quiz(page)
    answer_right(page, first)
    page.wait_for_selector(".quiz-verdict[data-correct=true]")
    assert page.inner_text("#study-quiz-score").startswith("1 right · 0 wrong")
    if stored_quiz(page)["question"]["kind"] != "tap":
        assert page.locator(".quiz-choice.is-right").count() == 1

    page.get_by_role("button", name="Next question").tap()
    page.wait_for_selector(".quiz-verdict", state="detached")
    quiz = stored_quiz(page)
    missed = f'{quiz["question"]["kind"]}:{quiz["question"]["subject"]}'
    _, keys = answer_wrong_by_keyboard(page, quiz)
    print(f"keyboard: a wrong answer to a {quiz['question']['kind']} question took {keys} key presses")
    page.wait_for_selector(".quiz-verdict[data-correct=false]")
    assert page.inner_text("#study-quiz-score").startswith("1 right · 1 wrong")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'study-quiz-next'")
    page.keyboard.press("Enter")  # focus moved to "Next question"
    page.wait_for_selector(".quiz-verdict", state="detached")
    assert stored_quiz(page)["queue"].index(missed) == WRONG_GAP  # the miss comes back soon

    # Every kind of question answered by keys only and by touch: go on until each has been.
    every = {"name", "tap", "point", "nerve"}
    by_touch, by_keys = {first["question"]["kind"]}, set()
    right = 1
    while by_touch != every or by_keys != every:
        quiz = stored_quiz(page)
        kind = quiz["question"]["kind"]
        if kind not in by_keys:
            keys = answer_right_by_keyboard(page, quiz)
            print(f"keyboard: a right answer to a {kind} question took {keys} key presses")
            by_keys.add(kind)
        else:
            answer_right(page, quiz)
            by_touch.add(kind)
        right += 1
        page.wait_for_selector(".quiz-verdict[data-correct=true]")
        page.get_by_role("button", name="Next question").tap()
        page.wait_for_selector(".quiz-verdict", state="detached")
    score = f"{right} right · 1 wrong"
    assert page.inner_text("#study-quiz-score").startswith(score)

    console.settle(page)  # the last answer's callbacks arrive before the reload
    page.reload()
    page.wait_for_selector("#study-diagram[data-ready=true]", state="attached")
    page.get_by_role("tab", name="Quiz").tap()
    page.wait_for_selector(f"#study-quiz-score:has-text('{score}')")  # kept on this device
    console.assert_clean()


def test_stu003_each_page_loads_only_its_own_scripts_and_only_from_the_app_itself(browser, app_url):
    from tests.browser.conftest import open_app, open_context, tap_shape

    context = open_context(browser)
    page = context.new_page()
    console = Console(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_app(page, app_url)
    tap_shape(page, "muscle", "temporalis", "right", "side-right")
    page.wait_for_selector("#details h2:has-text('Temporalis')")
    assert not [url for url in requests if "study" in url.lower() or "graph" in url.lower()]

    open_study(page, app_url)
    study = [url for url in requests if "study.js" in url]
    assert study and all(url.startswith(app_url + "/study/") for url in study)
    # The heatmap is a table: no plotting library is sent at all.
    assert not [url for url in requests if "plotly" in url.lower() or "graph" in url.lower()]
    assert all(url.startswith(app_url) for url in requests)
    console.assert_clean()
    context.close()
