"""Measurements in real headless Chromium, emulating a landscape tablet with touch.

- ``first_load``: bytes over the wire (Chrome DevTools Protocol network events, compressed
  sizes with headers) and the time from navigation start until the page is ready, for one
  visit with nothing cached.
- ``tap_session``: taps with a finger on muscles and regions in both modes, timed inside the
  page by ``probe.js``; also returns the details-panel callback requests the page sent
  (``merge_sessions`` joins several sessions).
- ``capture_visits``: the requests a first visit and a return visit send to the server, to be
  replayed by the load generator.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, TimeoutError as PlaywrightTimeout

HERE = Path(__file__).resolve().parent
PROBE_JS = (HERE / "probe.js").read_text(encoding="utf-8")

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
TABLET = {"viewport": {"width": 1024, "height": 768}, "has_touch": True, "device_scale_factor": 1}
APP_READY_SELECTOR = "#diagram[data-ready=true]"
APP_SETTLED_SELECTOR = "#diagram[data-ready=true][data-address=read]"
CALLBACK_PATH = "/_dash-update-component"
DETAILS_OUTPUT = "details.children"
# Request headers worth replaying: what changes the server's answer (encoding, body type,
# conditional requests). The load generator adds Host and Content-Length itself.
REPLAYED_HEADERS = ("accept", "accept-encoding", "content-type", "if-none-match", "if-modified-since", "x-csrftoken")
# A human taps at most a few times a second; the pause also lets the previous tap settle.
PAUSE_BETWEEN_TAPS_MS = 150
TAP_TIMEOUT_MS = 5000

# Stamps performance.now() the first time each selector matches (``window.__stamps[name]``),
# watching the document from before the page's own scripts run.
READY_WATCH_JS = """
(() => {
    const selectors = %s;
    window.__stamps = {};
    const check = () => {
        for (const [name, selector] of Object.entries(selectors)) {
            if (window.__stamps[name] === undefined && document.querySelector(selector)) {
                window.__stamps[name] = performance.now();
            }
        }
        if (Object.keys(window.__stamps).length === Object.keys(selectors).length) {
            observer.disconnect();
        }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, {subtree: true, childList: true, attributes: true});
})();
"""


def find_chromium() -> str | None:
    """The system's Chromium (``CHROMIUM`` overrides); the benchmarks, the browser tests and the
    screenshot tool all launch it this way, with ``CHROMIUM_ARGS``."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def chromium_path() -> str:
    path = find_chromium()
    if not path:
        raise SystemExit("Chromium is not installed: `make bench` installs Debian's chromium package")
    return path


def launch(playwright) -> Browser:
    """Headless Chromium with the browser tests' flags."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


@dataclass
class Exchange:
    """One request the page made and what came back, from DevTools Protocol network events."""

    method: str
    url: str
    headers: dict = field(default_factory=dict)
    body: str | None = None
    status: int | None = None
    from_cache: bool = False
    wire_bytes: int = 0

    @property
    def path(self) -> str:
        """The path with its query, as the request line carries it."""
        parts = urlsplit(self.url)
        return parts.path + ("?" + parts.query if parts.query else "")

    def is_details_callback(self) -> bool:
        """True for the callback that fills the details panel from the selection."""
        if self.method != "POST" or urlsplit(self.url).path != CALLBACK_PATH or not self.body:
            return False
        return json.loads(self.body).get("output") == DETAILS_OUTPUT

    def replay_headers(self) -> dict:
        """The request's headers that the load generator sends again."""
        return {name: value for name, value in self.headers.items() if name.lower() in REPLAYED_HEADERS}


class NetworkLog:
    """Every request of one page, with the headers actually sent and the bytes received."""

    def __init__(self, page: Page):
        self.exchanges: dict[str, Exchange] = {}
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.requestWillBeSentExtraInfo", self._sent_extra)
        self.cdp.on("Network.requestServedFromCache", self._from_cache)
        self.cdp.on("Network.responseReceived", self._received)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.send("Network.enable")

    def _exchange(self, request_id: str) -> Exchange:
        return self.exchanges.setdefault(request_id, Exchange("", ""))

    def _sent(self, event: dict) -> None:
        exchange = self._exchange(event["requestId"])
        request = event["request"]
        exchange.method, exchange.url = request["method"], request["url"]
        exchange.body = request.get("postData")
        exchange.headers = {**request.get("headers", {}), **exchange.headers}

    def _sent_extra(self, event: dict) -> None:
        # The headers as sent on the wire, including the cache's conditional ones.
        exchange = self._exchange(event["requestId"])
        exchange.headers.update(event.get("headers", {}))

    def _from_cache(self, event: dict) -> None:
        self._exchange(event["requestId"]).from_cache = True

    def _received(self, event: dict) -> None:
        exchange = self._exchange(event["requestId"])
        response = event["response"]
        exchange.status = response.get("status")
        exchange.from_cache = exchange.from_cache or response.get("fromDiskCache", False)

    def _finished(self, event: dict) -> None:
        self._exchange(event["requestId"]).wire_bytes = int(event.get("encodedDataLength", 0))

    def completed(self) -> list[Exchange]:
        """The requests that got an answer, in the order they were sent."""
        return [exchange for exchange in self.exchanges.values() if exchange.url and exchange.status is not None]

    def to_server(self) -> list[Exchange]:
        """The requests that reached the server (not answered from the browser's cache)."""
        return [exchange for exchange in self.completed() if not exchange.from_cache and exchange.url.startswith("http")]


def _open(browser: Browser, url: str, ready_selector: str, settled_selector: str | None = None, context=None):
    """Open ``url`` in a new page; return (page, network log, ready time, settled time), the times
    in ms from navigation start. Settled is when ``settled_selector`` first matches (the app:
    Dash has started and read the address, so the details panel answers); without one, ready."""
    context = context or browser.new_context(**TABLET)
    page = context.new_page()
    selectors = {"ready": ready_selector, "settled": settled_selector or ready_selector}
    page.add_init_script(script=READY_WATCH_JS % json.dumps(selectors))
    log = NetworkLog(page)
    page.goto(url)
    page.wait_for_function("() => Object.keys(window.__stamps).length === 2", timeout=60_000)
    page.wait_for_load_state("networkidle", timeout=60_000)
    stamps = page.evaluate("window.__stamps")
    return page, log, stamps["ready"], stamps["settled"]


def first_load(browser: Browser, url: str, ready_selector: str, settled_selector: str | None = None) -> dict:
    """One first visit with nothing cached: bytes over the wire, requests, ready and settled times (ms)."""
    context = browser.new_context(**TABLET)
    try:
        _page, log, ready_ms, settled_ms = _open(browser, url, ready_selector, settled_selector, context=context)
        exchanges = log.completed()
        return {
            "ready_ms": ready_ms,
            "settled_ms": settled_ms,
            "wire_bytes": sum(exchange.wire_bytes for exchange in exchanges),
            "requests": len(exchanges),
            "by_path": {exchange.path: exchange.wire_bytes for exchange in exchanges},
        }
    finally:
        context.close()


def capture_visits(browser: Browser, url: str) -> dict[str, list[Exchange]]:
    """The requests that reach the server on a first visit and on a return visit of the same tablet."""
    context = browser.new_context(**TABLET)
    try:
        _page, first, _, _ = _open(browser, url, APP_READY_SELECTOR, APP_SETTLED_SELECTOR, context=context)
        _page, again, _, _ = _open(browser, url, APP_READY_SELECTOR, APP_SETTLED_SELECTOR, context=context)
        return {"first_visit": first.to_server(), "return_visit": again.to_server()}
    finally:
        context.close()


# Where each visible shape of one kind can be tapped: its data-tap point in screen pixels,
# scrolled into view if needed, kept only if a finger there really lands on that shape.
TAP_POINT_JS = """
([elementId]) => {
    const el = document.getElementById(elementId);
    const point = () => {
        const [x, y] = el.dataset.tap.split(/[ ,]+/).map(Number);
        return new DOMPoint(x, y).matrixTransform(el.ownerSVGElement.getScreenCTM());
    };
    let p = point();
    if (p.x < 0 || p.y < 0 || p.x >= innerWidth || p.y >= innerHeight) {
        el.scrollIntoView({block: "center", inline: "center"});
        p = point();
    }
    const hit = document.elementFromPoint(p.x, p.y);
    const landed = hit && hit.closest("[data-muscle],[data-region]");
    return landed === el ? [p.x, p.y] : null;
}
"""

SHAPES_JS = """
([kind]) => {
    const byItem = new Map();
    document.querySelectorAll(`#diagram [data-${kind}]`).forEach((el) => {
        if (el.closest("[data-view]").style.display === "none") return;
        const id = el.dataset[kind];
        if (!byItem.has(id)) byItem.set(id, []);
        byItem.get(id).push(el.id);
    });
    return Array.from(byItem.values());
}
"""


def _targets(page: Page, kind: str) -> list[str]:
    """One tappable shape per muscle (or region), taking the views in turn, that a finger can hit."""
    targets = []
    for index, shapes in enumerate(page.evaluate(SHAPES_JS, [kind])):
        hit = next((shape for shape in _rotated(shapes, index) if page.evaluate(TAP_POINT_JS, [shape])), None)
        if hit:
            targets.append(hit)
    return targets


def _tap_element(page: Page, element_id: str) -> bool:
    point = page.evaluate(TAP_POINT_JS, [element_id])
    if point is None:
        return False
    page.touchscreen.tap(*point)
    return True


def _switch_mode(page: Page, mode: str) -> None:
    """Tap the mode button with a finger and wait until it shows as pressed."""
    selector = f"button[data-mode={mode}]"
    button = page.locator(selector).first
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(f"{selector}[aria-pressed=true]", state="attached")
    page.wait_for_timeout(PAUSE_BETWEEN_TAPS_MS)


def _region_plan(regions: list[str], taps: int) -> list[str]:
    """Mark regions one after another; with three marked, the next tap unmarks the oldest."""
    plan, marked, upcoming = [], [], iter(regions * (taps // max(len(regions), 1) + 2))
    while len(plan) < taps:
        if len(marked) == 3:
            plan.append(marked.pop(0))
        else:
            region = next(upcoming)
            if region in marked:
                continue
            marked.append(region)
            plan.append(region)
    return plan


def tap_session(browser: Browser, url: str, names: dict, taps: int, start: int = 0) -> dict:
    """Tap ``taps`` times, half on muscles in muscle mode and half on regions in region mode.

    The muscles and regions are taken in turn from the ``start``-th on, so that sessions with
    different starts tap different shapes. Returns the per-tap records of the probe (ms after
    pointerup), how many taps missed their shape, and the details-panel callback requests the
    page sent (for the load generator).
    """
    context = browser.new_context(**TABLET)
    try:
        page, log, _, _ = _open(browser, url, APP_READY_SELECTOR, APP_SETTLED_SELECTOR, context=context)
        page.evaluate(PROBE_JS, names)
        records: list[dict] = []
        muscle_taps = taps // 2
        muscles = _rotated(_targets(page, "muscle"), start)
        plan = [("muscle", muscles[i % len(muscles)]) for i in range(muscle_taps)]
        missed = _run_taps(page, plan, records)
        _switch_mode(page, "region")
        regions = _rotated(_targets(page, "region"), start)
        plan = [("region", element) for element in _region_plan(regions, taps - muscle_taps)]
        missed += _run_taps(page, plan, records)
        page.wait_for_load_state("networkidle")
        callbacks = [exchange for exchange in log.completed() if exchange.is_details_callback()]
        return {"records": records, "missed": missed, "callbacks": callbacks,
                "targets": {"muscle": len(muscles), "region": len(regions)}}
    finally:
        context.close()


def merge_sessions(sessions: list[dict]) -> dict:
    """Several tap sessions on the same page as one."""
    return {
        "records": [record for session in sessions for record in session["records"]],
        "missed": sum(session["missed"] for session in sessions),
        "callbacks": [exchange for session in sessions for exchange in session["callbacks"]],
        "targets": sessions[0]["targets"] if sessions else {},
    }


def _rotated(items: list, start: int) -> list:
    if not items:
        return items
    start %= len(items)
    return items[start:] + items[:start]


def _run_taps(page: Page, plan: list[tuple[str, str]], records: list) -> int:
    """Tap every planned shape in turn and collect its record; return how many could not be tapped."""
    missed = 0
    for kind, element_id in plan:
        before = page.evaluate("window.__referralProbe.records.length")
        if not _tap_element(page, element_id):
            missed += 1
            continue
        try:
            page.wait_for_function(
                """(n) => {
                    const r = window.__referralProbe.records[n];
                    return r && r.highlight !== null && r.frame !== null && r.details !== null;
                }""",
                arg=before,
                timeout=TAP_TIMEOUT_MS,
            )
        except PlaywrightTimeout:
            pass  # kept with whatever was observed; a missing time counts as not measured
        record = page.evaluate("(n) => window.__referralProbe.records[n] || null", before)
        if record is None:
            missed += 1
        else:
            records.append({**record, "kind": kind, "element": element_id})
        page.wait_for_timeout(PAUSE_BETWEEN_TAPS_MS)
    return missed
