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
                    threading.Thread(target=lambda: running.log.extend(process.stdout), daemon=True).start()
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


def tap_shape(page: Page, kind: str, item_id: str, view: str | None = None) -> None:
    """Tap a muscle or region with a finger, at the tap point the drawing gives for it."""
    selector = f'#diagram [data-{kind}="{item_id}"]' + (f'[id^="{view}-"]' if view else "")
    x, y = page.evaluate(
        """(selector) => {
            const shapes = Array.from(document.querySelectorAll(selector))
                .filter((el) => el.closest('[data-view]').style.display !== 'none');
            const el = shapes[0];
            const [x, y] = el.dataset.tap.split(/[ ,]+/).map(Number);
            const svg = el.ownerSVGElement;
            const point = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
            return [point.x, point.y];
        }""",
        selector,
    )
    page.touchscreen.tap(x, y)


def diagram_classes(page: Page) -> dict:
    """The state classes of every tappable shape and trigger-point mark, by (kind, id)."""
    return page.evaluate(
        """() => {
            const states = ['is-selected', 'is-essential', 'is-spillover', 'is-referring'];
            const out = {muscle: {}, region: {}, mark: {}};
            document.querySelectorAll('#diagram [data-muscle], #diagram [data-region]').forEach((el) => {
                const kind = el.dataset.muscle ? 'muscle' : 'region';
                const id = el.dataset[kind];
                const classes = states.filter((name) => el.classList.contains(name)).sort().join(' ');
                (out[kind][id] = out[kind][id] || []).push(classes);
            });
            document.querySelectorAll('#diagram [data-trigger-point]').forEach((el) => {
                const id = el.dataset.triggerPoint;
                (out.mark[id] = out.mark[id] || []).push(el.classList.contains('is-shown') ? 'is-shown' : '');
            });
            return out;
        }"""
    )


def expected_classes(highlight, referral_map, drawing) -> dict:
    """What ``diagram_classes`` should read for a Python highlight, shape by shape."""
    out = {"muscle": {}, "region": {}, "mark": {}}
    for shape in drawing.tappables:
        classes = highlight.muscle_classes(shape.item_id) if shape.kind == "muscle" else highlight.region_classes(
            shape.item_id)
        out[shape.kind].setdefault(shape.item_id, []).append(" ".join(sorted(classes)))
    for mark in drawing.marks:
        out["mark"].setdefault(mark.muscle_id, []).append(" ".join(highlight.trigger_point_classes(mark.muscle_id)))
    return out
