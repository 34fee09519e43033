"""Browser fixtures: the real app, started as a user starts it, driven in headless Chromium.

The app runs as ``python app.py --port <free port>`` in a subprocess; Playwright drives the
system's Chromium (Debian's ``chromium`` package) with touch emulation on a tablet viewport.
A missing Chromium fails these tests rather than skipping them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page, sync_playwright

from benchmarks.browser import CHROMIUM_ARGS, find_chromium
from benchmarks.servers import free_port
from tests.conftest import PROJECT

TABLET_LANDSCAPE = {"width": 1024, "height": 768}
TABLET_PORTRAIT = {"width": 768, "height": 1024}
PHONE = {"width": 390, "height": 844}


def chromium_path() -> str:
    path = find_chromium()
    if not path:
        pytest.fail("Chromium is not installed: run `make test`, which installs Debian's chromium package")
    return path


@dataclass
class RunningApp:
    url: str
    process: subprocess.Popen
    log: list[str] = field(default_factory=list)


def start_app(*args: str, env: dict | None = None, command: list[str] | None = None, timeout: float = 30):
    """Start the app on a free port and wait for its first page; return it running."""
    port = free_port()
    argv = command or [sys.executable, "app.py", "--port", str(port), *args]
    argv = [part.replace("{port}", str(port)) for part in argv]
    process = subprocess.Popen(
        argv, cwd=PROJECT, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode}:\n{process.stdout.read()}")
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as response:
                if response.status == 200:
                    running = RunningApp(url, process)
                    # Keep reading the app's output: the server logs every request, and once an
                    # unread pipe is full the server blocks on its next log line and stops answering.
                    threading.Thread(target=running.log.extend, args=(process.stdout,), daemon=True).start()
                    return running
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the app did not answer within {timeout} s")


def stop_app(app: RunningApp) -> None:
    app.process.terminate()
    try:
        app.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.process.kill()


@pytest.fixture(scope="session")
def app_url():
    app = start_app()
    yield app.url
    stop_app(app)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Console:
    """Everything the page logs, its uncaught errors and failed requests."""

    def __init__(self, page: Page):
        self.messages: list[str] = []
        self.errors: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        page.on("requestfailed", lambda request: self.errors.append(f"request failed: {request.url}"))
        self.pending = 0  # requests sent and not yet answered
        self.changed = time.monotonic()
        page.on("request", lambda _request: self._count(+1))
        page.on("requestfinished", lambda _request: self._count(-1))
        page.on("requestfailed", lambda _request: self._count(-1))

    def _count(self, step: int) -> None:
        self.pending += step
        self.changed = time.monotonic()

    def settle(self, page: Page, quiet: float = 0.3, timeout: float = 15) -> None:
        """Wait until no request is on its way and none has started for ``quiet`` seconds.

        Leaving or reloading a page aborts the requests still in flight (Dash's callbacks after
        the last tap), and the browser reports each as failed: a test that navigates waits for
        this first, as a person's next page would not begin before the last answer arrived.
        """
        deadline = time.monotonic() + timeout
        while not (self.pending <= 0 and time.monotonic() - self.changed >= quiet):
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.pending} requests still open after {timeout} s")
            page.wait_for_timeout(50)

    def _on_console(self, message) -> None:
        self.messages.append(f"{message.type}: {message.text}")
        if message.type in ("error", "assert"):
            self.errors.append(message.text)

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors


def open_context(browser, viewport=TABLET_LANDSCAPE, touch=True):
    return browser.new_context(
        viewport=viewport, has_touch=touch, is_mobile=touch and viewport["width"] < 900, device_scale_factor=1
    )


@pytest.fixture
def tablet(browser):
    """A landscape tablet: 1024x768 with touch."""
    context = open_context(browser, TABLET_LANDSCAPE)
    page = context.new_page()
    yield page, Console(page)
    context.close()


def open_app(page: Page, url: str) -> None:
    """Load the page and wait until the diagram is inlined and the address has been read."""
    page.goto(url)
    page.wait_for_selector("#diagram[data-ready=true][data-address=read]", state="attached")


STATES = ["is-selected", "is-essential", "is-spillover", "is-referring", "is-shown", "is-marked", "is-territory",
          "is-territory-part", "is-related"]
KIND_ATTRIBUTES = {
    "muscle": "data-muscle",
    "region": "data-region",
    "nerve": "data-nerve",
    "point": "data-trigger-point",
}


def screen_point(page: Page, selector: str, where: str = "tap") -> tuple[float, float]:
    """Where on the screen a shape's tap point (or the middle of its box) is, in CSS pixels."""
    return tuple(page.evaluate(
        """([selector, where]) => {
            const el = document.querySelector(selector);
            if (!el) throw new Error('no element ' + selector);
            if (where === 'box') {
                const r = el.getBoundingClientRect();
                return [r.left + r.width / 2, r.top + r.height / 2];
            }
            const [x, y] = el.dataset.tap.split(/[ ,]+/).map(Number);
            const point = new DOMPoint(x, y).matrixTransform(el.ownerSVGElement.getScreenCTM());
            return [point.x, point.y];
        }""",
        [selector, where],
    ))


def show_view_of(page: Page, selector: str, view: str) -> None:
    """Bring the side view or the back view's muscle layer holding a shape on screen, with the
    buttons a user would press."""
    if view.startswith("side-") and page.get_attribute("#diagram", "data-lateral") != view[5:]:
        page.click(f"[data-lateral-choice={view[5:]}]")
    layer = page.evaluate("(s) => { const g = document.querySelector(s).closest('[data-layer]'); return g && g.dataset.layer; }",
                          selector)
    if layer and page.get_attribute("#diagram", "data-layer") != layer:
        page.click(f"[data-layer-choice={layer}]")


def shape_selector(kind: str, item_id: str, side: str, view: str) -> str:
    return f'#diagram [data-view="{view}"] [{KIND_ATTRIBUTES[kind]}="{item_id}"][data-side="{side}"]'


def tap_shape(page: Page, kind: str, item_id: str, side: str, view: str) -> None:
    """Tap a shape with a finger where it is drawn (its tap point); when the fingertip also
    reaches a small neighbour and the page asks which was meant, answer as the user would."""
    selector = shape_selector(kind, item_id, side, view)
    show_view_of(page, selector, view)
    x, y = screen_point(page, selector)
    page.touchscreen.tap(x, y)
    key = f"{kind}:{item_id}:{side}"
    if page.locator("#chooser:not([hidden])").count():
        # a person reads the question before answering it (the map ignores a click on an option
        # in the first moments, which is the touch's own click landing under the finger)
        page.wait_for_timeout(450)
        page.click(f'#chooser [data-key="{key}"]')


def diagram_classes(page: Page) -> dict:
    """The state classes of every shape and mark, by "kind:id:side" (each copy in every view
    must carry the same; a difference is reported under the key with "!")."""
    return page.evaluate(
        """([states, attributes]) => {
            const out = {};
            Object.entries(attributes).forEach(([kind, attribute]) => {
                document.querySelectorAll('#diagram [' + attribute + ']').forEach((el) => {
                    const key = kind + ':' + el.getAttribute(attribute) + ':' + el.dataset.side;
                    const classes = states.filter((n) => el.classList.contains(n)).sort();
                    if (key in out && JSON.stringify(out[key]) !== JSON.stringify(classes)) out[key + '!'] = classes;
                    else out[key] = classes;
                });
            });
            Object.keys(out).forEach((k) => { if (!out[k].length) delete out[k]; });
            return out;
        }""",
        [STATES, KIND_ATTRIBUTES],
    )


def expected_classes(highlight) -> dict:
    """What ``diagram_classes`` should read for a Python highlight."""
    return {k: sorted(c & set(STATES)) for k, c in sorted(highlight.classes.items()) if c & set(STATES)}


def wait_for_classes(page: Page, expected: dict, timeout: float = 15000) -> None:
    """Wait until the diagram shows exactly ``expected`` (or fail with the difference)."""
    try:
        page.wait_for_function(
            """([expected, states, attributes]) => {
                const out = {};
                Object.entries(attributes).forEach(([kind, attribute]) => {
                    document.querySelectorAll('#diagram [' + attribute + ']').forEach((el) => {
                        const key = kind + ':' + el.getAttribute(attribute) + ':' + el.dataset.side;
                        const classes = states.filter((n) => el.classList.contains(n)).sort();
                        if (classes.length) out[key] = classes;
                    });
                });
                const keys = Object.keys(out).sort();
                const sorted = {};
                keys.forEach((k) => { sorted[k] = out[k]; });
                return JSON.stringify(sorted) === JSON.stringify(expected);
            }""",
            arg=[expected, STATES, KIND_ATTRIBUTES],
            timeout=timeout,
        )
    except Exception:
        assert diagram_classes(page) == expected
