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

import contextlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

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
# The study page is ready when its table of the whole map is drawn.
STUDY_READY_SELECTOR = "#study-heatmap[data-ready=true]"
CALLBACK_PATH = "/_dash-update-component"
DETAILS_OUTPUT = "details-markup.data"
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
    """The Chromium to drive; the benchmarks, the browser tests and the screenshot tool all launch
    it this way, with ``CHROMIUM_ARGS``.

    ``CHROMIUM`` if set; else the system's (Debian's chromium package); else the build that
    ``python -m playwright install chromium`` downloads, which is what ``make chromium`` installs
    on Ubuntu, whose ``chromium`` package is only a stub that asks for snap.
    """
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path and not is_snap_stub(path):
            return path
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache" / "ms-playwright")
    downloaded = sorted(cache.glob("chromium-*/chrome-linux*/chrome"))
    return str(downloaded[-1]) if downloaded else None


def is_snap_stub(path: str) -> bool:
    """Ubuntu's chromium packages install a script that only hands over to snap."""
    target = Path(path).resolve()
    if str(target).startswith("/snap/"):
        return True
    try:
        return target.stat().st_size < 64 * 1024 and b"snap" in target.read_bytes()
    except OSError:
        return True


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
        return [
            exchange for exchange in self.completed() if not exchange.from_cache and exchange.url.startswith("http")
        ]


@dataclass(frozen=True)
class Throttle:
    """A slower tablet, emulated by Chromium through the DevTools Protocol: the CPU slowed
    ``cpu`` times (``Emulation.setCPUThrottlingRate``) and, optionally, a slow link
    (``Network.emulateNetworkConditions``: round-trip latency, download and upload rates)."""

    cpu: float = 1
    latency_ms: float | None = None
    down_kbps: float | None = None
    up_kbps: float | None = None

    @property
    def label(self) -> str:
        text = f"{self.cpu:g}× CPU"
        if self.latency_ms is not None:
            text += f", {self.down_kbps / 1000:g} Mbps / {self.latency_ms:g} ms"
        return text

    def apply(self, cdp) -> None:
        """Slow down the page of ``cdp`` (a CDP session on it, with Network enabled)."""
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": self.cpu})
        if self.latency_ms is not None:
            cdp.send("Network.emulateNetworkConditions", {
                "offline": False,
                "latency": self.latency_ms,
                # The protocol takes bytes per second.
                "downloadThroughput": self.down_kbps * 1000 / 8,
                "uploadThroughput": self.up_kbps * 1000 / 8,
            })


FAST = Throttle()
SLOW_CPU = Throttle(cpu=4)  # about a mid-range tablet
# A slow mobile link: 1.6 Mbps down, 750 kbps up, 150 ms round trips.
SLOW_LINK = Throttle(cpu=1, latency_ms=150, down_kbps=1600, up_kbps=750)
SLOW_LINK_4X = Throttle(cpu=4, latency_ms=150, down_kbps=1600, up_kbps=750)


def _open(browser: Browser, url: str, ready_selector: str, settled_selector: str | None = None, context=None,
          throttle: Throttle = FAST):
    """Open ``url`` in a new page slowed by ``throttle``; return (page, network log, ready time,
    settled time), the times in ms from navigation start. Settled is when ``settled_selector``
    first matches (the app: Dash has started and read the address, so the details panel
    answers); without one, ready."""
    context = context or browser.new_context(**TABLET)
    page = context.new_page()
    selectors = {"ready": ready_selector, "settled": settled_selector or ready_selector}
    page.add_init_script(script=READY_WATCH_JS % json.dumps(selectors))
    log = NetworkLog(page)
    throttle.apply(log.cdp)
    page.goto(url)
    page.wait_for_function("() => Object.keys(window.__stamps).length === 2", timeout=60_000)
    page.wait_for_load_state("networkidle", timeout=60_000)
    stamps = page.evaluate("window.__stamps")
    return page, log, stamps["ready"], stamps["settled"]


def first_load(browser: Browser, url: str, ready_selector: str, settled_selector: str | None = None,
               throttle: Throttle = FAST) -> dict:
    """One first visit with nothing cached: bytes over the wire, requests, ready and settled times (ms)."""
    context = browser.new_context(**TABLET)
    try:
        _page, log, ready_ms, settled_ms = _open(browser, url, ready_selector, settled_selector, context=context,
                                                 throttle=throttle)
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


# Where a shape can be tapped: its data-tap point in screen pixels, scrolled into view if needed,
# or null unless a finger there really lands on that shape.
TAP_POINT_JS = """
([elementId]) => {
    const el = document.getElementById(elementId);
    const point = () => {
        const [x, y] = el.dataset.tap.split(/[ ,]+/).map(Number);
        return new DOMPoint(x, y).matrixTransform(el.ownerSVGElement.getScreenCTM());
    };
    let p = point();
    if (p.x < 0 || p.y < 0 || p.x >= innerWidth || p.y >= innerHeight) {
        el.scrollIntoView({block: "center", inline: "center", behavior: "instant"});
        p = point();
    }
    const hit = document.elementFromPoint(p.x, p.y);
    const landed = hit && hit.closest("[data-muscle],[data-region]");
    return landed === el ? [p.x, p.y] : null;
}
"""

# Every shape of one kind, one list per muscle (or region): the element, its view and the
# back view's muscle layer it lies in (null elsewhere).
SHAPES_JS = """
([kind]) => {
    const byItem = new Map();
    document.querySelectorAll(`#diagram [data-${kind}]`).forEach((el) => {
        const id = el.dataset[kind];
        const layer = el.closest("[data-layer]");
        if (!byItem.has(id)) byItem.set(id, []);
        byItem.get(id).push({id: el.id, view: el.closest("[data-view]").dataset.view,
                             layer: layer ? layer.dataset.layer : null});
    });
    return Array.from(byItem.values());
}
"""

# The chooser's option for one shape ("kind:id:side"), when the chooser is open.
CHOOSER_OPTION_JS = """
([elementId]) => {
    const chooser = document.getElementById("chooser");
    if (!chooser || chooser.hidden) return null;
    const el = document.getElementById(elementId);
    const kind = el.dataset.muscle ? "muscle" : "region";
    const button = chooser.querySelector(`[data-key="${kind}:${el.dataset[kind]}:${el.dataset.side}"]`);
    if (!button) return null;
    const r = button.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
}
"""


def _targets(page: Page, kind: str) -> list[dict]:
    """One shape per muscle (or region), the copies (views and sides) taken in turn."""
    return [copies[index % len(copies)] for index, copies in enumerate(page.evaluate(SHAPES_JS, [kind]))]


def _finger_tap(page: Page, selector: str) -> None:
    """Tap the middle of a button with a finger."""
    button = page.locator(selector).first
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _show_view_of(page: Page, shape: dict) -> None:
    """Bring the side view or the back view's layer that holds the shape on screen, with the
    buttons a user presses (the page may have switched them after the previous tap). A user
    looks at the new view before tapping in it: so does the benchmark (the pause between taps),
    rather than tapping in the same frame, before the browser has drawn it."""
    switched = False
    if shape["view"].startswith("side-"):
        lateral = shape["view"][5:]
        if page.get_attribute("#diagram", "data-lateral") != lateral:
            _finger_tap(page, f"[data-lateral-choice={lateral}]")
            page.wait_for_selector(f"#diagram[data-lateral={lateral}]", state="attached")
            switched = True
    if shape["layer"] and page.get_attribute("#diagram", "data-layer") != shape["layer"]:
        _finger_tap(page, f"[data-layer-choice={shape['layer']}]")
        page.wait_for_selector(f"#diagram[data-layer={shape['layer']}]", state="attached")
        switched = True
    if switched:
        page.wait_for_timeout(PAUSE_BETWEEN_TAPS_MS)


def _tap_element(page: Page, shape: dict) -> bool:
    _show_view_of(page, shape)
    point = page.evaluate(TAP_POINT_JS, [shape["id"]])
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


def _region_plan(regions: list[dict], taps: int) -> list[dict]:
    """Mark regions one after another; with three marked, the next tap unmarks the oldest."""
    plan, marked, upcoming = [], [], iter(regions * (taps // max(len(regions), 1) + 2))
    while len(plan) < taps:
        if len(marked) == 3:
            plan.append(marked.pop(0))
        else:
            region = next(upcoming)
            if any(other["id"] == region["id"] for other in marked):
                continue
            marked.append(region)
            plan.append(region)
    return plan


def tap_session(browser: Browser, url: str, names: dict, taps: int, start: int = 0, throttle: Throttle = FAST) -> dict:
    """Tap ``taps`` times, half on muscles in muscle mode and half on regions in region mode.

    The muscles and regions are taken in turn from the ``start``-th on, so that sessions with
    different starts tap different shapes. Returns the per-tap records of the probe (ms after
    pointerup), how many taps missed their shape, and the details-panel callback requests the
    page sent (for the load generator).
    """
    context = browser.new_context(**TABLET)
    try:
        page, log, _, _ = _open(browser, url, APP_READY_SELECTOR, APP_SETTLED_SELECTOR, context=context,
                                throttle=throttle)
        page.evaluate(PROBE_JS, names)
        records: list[dict] = []
        missed = _run_taps(page, _tap_plan(page, taps // 2, start, "muscle"), records)
        _switch_mode(page, "region")
        missed += _run_taps(page, _tap_plan(page, taps - taps // 2, start, "region"), records)
        page.wait_for_load_state("networkidle")
        callbacks = [exchange for exchange in log.completed() if exchange.is_details_callback()]
        return {"records": records, "missed": missed, "callbacks": callbacks, "throttle": throttle.label}
    finally:
        context.close()


def _tap_plan(page: Page, taps: int, start: int, mode: str) -> list[tuple[str, dict]]:
    """``taps`` taps of the current mode: different muscles in turn, or regions marked and unmarked."""
    if mode == "muscle":
        muscles = _rotated(_targets(page, "muscle"), start)
        return [("muscle", muscles[i % len(muscles)]) for i in range(taps)]
    regions = _rotated(_targets(page, "region"), start)
    return [("region", shape) for shape in _region_plan(regions, taps)]


def _heap_bytes(cdp) -> int:
    """The page's script heap in use after a full garbage collection."""
    cdp.send("HeapProfiler.collectGarbage")
    return int(cdp.send("Runtime.getHeapUsage")["usedSize"])


def heap_session(browser: Browser, url: str, names: dict, taps: int) -> dict:
    """The script heap before and after ``taps`` taps in one page (half muscles, half regions),
    each reading after a full garbage collection, the first after a warm-up of a few taps in
    each mode (so that what the page builds once, on its first taps, is not counted)."""
    context = browser.new_context(**TABLET)
    try:
        page, log, _, _ = _open(browser, url, APP_READY_SELECTOR, APP_SETTLED_SELECTOR, context=context)
        page.evaluate(PROBE_JS, names)
        records: list[dict] = []
        _run_taps(page, _tap_plan(page, 4, 0, "muscle"), records, pause_ms=50)
        _switch_mode(page, "region")
        _run_taps(page, _tap_plan(page, 4, 0, "region"), records, pause_ms=50)
        _switch_mode(page, "muscle")
        page.wait_for_load_state("networkidle")
        before = _heap_bytes(log.cdp)
        measured: list[dict] = []
        missed = _run_taps(page, _tap_plan(page, taps // 2, 4, "muscle"), measured, pause_ms=50)
        _switch_mode(page, "region")
        missed += _run_taps(page, _tap_plan(page, taps - taps // 2, 4, "region"), measured, pause_ms=50)
        page.wait_for_load_state("networkidle")
        after = _heap_bytes(log.cdp)
        return {"taps": taps, "missed": missed, "records": len(measured), "before_bytes": before,
                "after_bytes": after}
    finally:
        context.close()


def merge_sessions(sessions: list[dict]) -> dict:
    """Several tap sessions on the same page as one."""
    return {
        "records": [record for session in sessions for record in session["records"]],
        "missed": sum(session["missed"] for session in sessions),
        "callbacks": [exchange for session in sessions for exchange in session["callbacks"]],
    }


def _rotated(items: list, start: int) -> list:
    if not items:
        return items
    start %= len(items)
    return items[start:] + items[:start]


RECORD_DONE_JS = """(n) => {
    const r = window.__referralProbe.records[n];
    return r && (r.chooser !== null || (r.highlight !== null && r.frame !== null && r.details !== null));
}"""


def _wait_for_record(page: Page, number: int) -> dict | None:
    """The probe's record of tap ``number``, once complete (or as far as it got in time)."""
    # On a timeout the record is kept with whatever was observed; a missing time counts as not measured.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(RECORD_DONE_JS, arg=number, timeout=TAP_TIMEOUT_MS)
    return page.evaluate("(n) => window.__referralProbe.records[n] || null", number)


CHOOSER_READ_MS = 450


def _run_taps(page: Page, plan: list[tuple[str, dict]], records: list, pause_ms: int = PAUSE_BETWEEN_TAPS_MS) -> int:
    """Tap every planned shape in turn and collect its record; return how many could not be tapped.

    When the fingertip also reached a small neighbour and the page asks which was meant, the
    option for the planned shape is tapped as a user would: the first tap's record then holds
    the time to the chooser, the option's the time to the highlight and the panel.
    """
    missed = 0
    for kind, shape in plan:
        before = page.evaluate("window.__referralProbe.records.length")
        if not _tap_element(page, shape):
            missed += 1
            continue
        record = _wait_for_record(page, before)
        if record is None:
            missed += 1
            continue
        records.append({**record, "kind": kind, "element": shape["id"]})
        if record["chooser"] is not None:
            # A person reads the question first; the map also ignores a click on an option in
            # its first 400 ms (the touch's own click, landing under the finger).
            page.wait_for_timeout(max(pause_ms, CHOOSER_READ_MS))
            option = page.evaluate(CHOOSER_OPTION_JS, [shape["id"]])
            if option is None:
                missed += 1
                continue
            page.touchscreen.tap(*option)
            answer = _wait_for_record(page, before + 1)
            if answer is None:
                missed += 1
            else:
                records.append({**answer, "kind": kind, "element": shape["id"]})
        page.wait_for_timeout(pause_ms)
    return missed
