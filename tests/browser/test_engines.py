"""The map's core in the two other engines a clinician may hold: WebKit (every browser on an iPad)
and Firefox ESR, each run through the same few decisive cases.

The app is started as ``python app.py`` (the session's ``app_url``); WebKit runs in Debian's
MiniBrowser on a virtual display started here, Firefox ESR headless (see ``engine_drivers``).
A tap lands where the shape is drawn: the centre of the largest part of it the engine itself
paints on top (``document.elementFromPoint`` over its box), never the tap point the drawing
suggests. Expected zones and rankings are written by hand from ``data/referral_map.csv``.
Every case ends by reading back the page's error collector, put in right after each load.
"""

from __future__ import annotations

import time

import pytest

from tests.browser.conftest import KIND_ATTRIBUTES, STATES, TABLET_LANDSCAPE, TABLET_PORTRAIT
from tests.browser.engine_drivers import FirefoxPage, WebKitPage, Xvfb

# Selenium's WebKitGTK driver still builds its connection the way Selenium now warns about.
pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning")]

ENGINES = ["webkit", "firefox"]


@pytest.fixture(scope="module", params=ENGINES)
def engine(request, app_url, tmp_path_factory):
    """One browser per engine for the whole file (starting one takes seconds)."""
    display = None
    if request.param == "webkit":
        display = Xvfb()
        try:
            page = WebKitPage(display.display)
        except BaseException:
            display.stop()
            raise
    else:
        page = FirefoxPage(tmp_path_factory.mktemp("firefox") / "profile")
    page.app_url = app_url
    yield page
    page.close()
    if display:
        display.stop()


@pytest.fixture
def page(engine):
    engine.resize(TABLET_LANDSCAPE["width"], TABLET_LANDSCAPE["height"])
    return engine


# ---- what the page does and shows ------------------------------------------------------------

COLLECT_ERRORS = """() => {
    if (window.__pageErrors) return;
    const errors = window.__pageErrors = [];
    const said = (v) => (v && v.message !== undefined ? v.message + (v.stack ? ' at ' + v.stack : '') : String(v));
    window.addEventListener('error', (e) => errors.push('uncaught: ' + (e.error ? said(e.error) : e.message
        || ('failed to load ' + (e.target && (e.target.src || e.target.href))))), true);
    window.addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + said(e.reason)));
    const original = console.error;
    console.error = function (...args) {
        errors.push('console.error: ' + args.map(said).join(' '));
        return original.apply(this, args);
    };
}"""


def wait_for(page, function: str, *args, timeout: float = 15, what: str = "the page"):
    """Call ``function`` in the page until it returns something truthy; return that."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.js(function, *args)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{page.name}: waited {timeout} s for {what}")
        time.sleep(0.05)


def open_map(page, address: str = "/") -> None:
    """Load the page, put the error collector in, and wait until the map has read the address."""
    page.goto(page.app_url + address)
    page.js(COLLECT_ERRORS)
    wait_for(page, "() => !!document.querySelector('#diagram[data-ready=true][data-address=read]')",
             what="the diagram to be ready")


def assert_no_page_errors(page) -> None:
    errors = page.js("() => window.__pageErrors || ['the error collector is gone: the page was reloaded']")
    errors += page.console_errors()
    assert errors == [], f"{page.name}: {errors}"


def settled(page) -> None:
    """Two animation frames: whatever the last change scheduled has been laid out and painted."""
    page.js("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))")


# The centre of the largest part of a shape that the engine paints on top, on screen: a grid over
# the shape's box (clipped to the viewport), each point asked of document.elementFromPoint; the
# chosen point is the one deepest inside the area found (the most grid steps from anything else).
WHERE_DRAWN = """(selector, step) => {
    const el = document.querySelector(selector);
    if (!el) return {error: 'no element ' + selector};
    const r = el.getBoundingClientRect();
    const left = Math.max(r.left, 0), top = Math.max(r.top, 0);
    const cols = Math.floor((Math.min(r.right, innerWidth) - left) / step);
    const rows = Math.floor((Math.min(r.bottom, innerHeight) - top) / step);
    if (cols < 1 || rows < 1) return {error: selector + ' is not on screen'};
    const depth = [];
    let hits = 0;
    for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++) {
        const under = document.elementFromPoint(left + (i + 0.5) * step, top + (j + 0.5) * step);
        const shape = under && under.closest('[data-muscle],[data-region],[data-nerve],[data-trigger-point]');
        depth.push(shape === el ? Infinity : 0);
        if (shape === el) hits++;
    }
    if (!hits) return {error: 'nothing of ' + selector + ' is painted on top'};
    const at = (i, j) => (i < 0 || j < 0 || i >= cols || j >= rows) ? 0 : depth[j * cols + i];
    // chessboard distance to the nearest point that is not the shape (two passes)
    const lower = (i, j, before) => {
        if (depth[j * cols + i]) depth[j * cols + i] = Math.min(depth[j * cols + i], 1 + before);
    };
    for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++)
        lower(i, j, Math.min(at(i - 1, j), at(i - 1, j - 1), at(i, j - 1), at(i + 1, j - 1)));
    for (let j = rows - 1; j >= 0; j--) for (let i = cols - 1; i >= 0; i--)
        lower(i, j, Math.min(at(i + 1, j), at(i + 1, j + 1), at(i, j + 1), at(i - 1, j + 1)));
    const deepest = Math.max(...depth);
    const cells = [];
    depth.forEach((d, k) => { if (d === deepest) cells.push([k % cols, Math.floor(k / cols)]); });
    // of the deepest points, the one nearest their middle
    const mx = cells.reduce((s, c) => s + c[0], 0) / cells.length;
    const my = cells.reduce((s, c) => s + c[1], 0) / cells.length;
    const off = (c) => Math.hypot(c[0] - mx, c[1] - my);
    const [ci, cj] = cells.reduce((b, c) => off(c) < off(b) ? c : b);
    return {x: left + (ci + 0.5) * step, y: top + (cj + 0.5) * step,
            inside: deepest * step, painted: hits * step * step};
}"""


def tap_element(page, selector: str) -> None:
    """Tap a button or list item in the middle of its box, once it is what is there."""
    point = page.js("""(selector) => {
        const el = document.querySelector(selector);
        if (!el) return null;
        el.scrollIntoView({block: 'nearest', behavior: 'instant'});
        const r = el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
        const there = document.elementFromPoint(x, y);
        return there && el.contains(there) ? [x, y] : null;
    }""", selector)
    assert point, f"{page.name}: {selector} is not on screen to tap"
    page.tap(*point)


def tap_where_drawn(page, kind: str, item_id: str, side: str, view: str) -> dict:
    """Tap a shape with a finger where it is drawn (bringing its side view or layer on screen with
    the buttons a person would tap); if the map asks which of the shapes under the finger was
    meant, answer with this one."""
    selector = f'#diagram [data-view="{view}"] [{KIND_ATTRIBUTES[kind]}="{item_id}"][data-side="{side}"]'
    if view.startswith("side-") and page.js("() => document.querySelector('#diagram').dataset.lateral") != view[5:]:
        tap_element(page, f"[data-lateral-choice={view[5:]}]")
    layer = page.js("(s) => document.querySelector(s).closest('[data-layer]')?.dataset.layer ?? null", selector)
    if layer and page.js("() => document.querySelector('#diagram').dataset.layer") != layer:
        tap_element(page, f"[data-layer-choice={layer}]")
    settled(page)
    where = page.js(WHERE_DRAWN, selector, 3)
    assert "error" not in where, f"{page.name}: {where['error']}"
    assert where["inside"] >= 6, f"{page.name}: {selector} shows only slivers on screen: {where}"
    page.tap(where["x"], where["y"])
    if page.js("() => !!document.querySelector('#chooser:not([hidden])')"):
        time.sleep(0.45)  # a person reads the question first (the map ignores an answer within 400 ms)
        tap_element(page, f'#chooser [data-key="{kind}:{item_id}:{side}"]')
    return where


READ_STATES = """(states, attributes, kinds) => {
    const out = {};
    kinds.forEach((kind) => document.querySelectorAll('#diagram [' + attributes[kind] + ']').forEach((el) => {
        const key = kind + ':' + el.getAttribute(attributes[kind]) + ':' + el.dataset.side;
        const classes = states.filter((n) => el.classList.contains(n));
        if (key in out && out[key].join() !== classes.join()) out[key + ' (another view)'] = classes;
        else out[key] = classes;
    }));
    Object.keys(out).forEach((k) => { if (!out[k].length) delete out[k]; });
    return out;
}"""


def states_of(page, *kinds: str) -> dict:
    """The state classes of every shape of these kinds, by "kind:id:side" (every view's copy)."""
    return page.js(READ_STATES, STATES, KIND_ATTRIBUTES, list(kinds))


def zones(side: str, essential: tuple[str, ...], spillover: tuple[str, ...] = ()) -> dict:
    return {f"region:{r}:{side}": ["is-essential"] for r in essential} | \
        {f"region:{r}:{side}": ["is-spillover"] for r in spillover}


RANKING = "() => Array.from(document.querySelectorAll('#details .ranking [data-muscle-item]'))" \
          ".map((row) => row.dataset.muscleItem + ':' + row.dataset.side)"


# ---- the cases ---------------------------------------------------------------------------------

def test_eng001_tapping_the_temporalis_where_it_is_drawn_lights_its_zones_on_its_side(page):
    open_map(page)
    tap_where_drawn(page, "muscle", "temporalis", "right", "side-right")
    wait_for(page, "() => location.search === '?muscle=temporalis&side=right'", what="the address of the temporalis")
    # By hand from the table: the temple, eyebrow, upper teeth and behind the eye usually; the side
    # of the head, the jaw joint and the cheek sometimes; all on the same side, nothing on the other.
    expected = zones("right", ("temple", "eyebrow", "upper_teeth", "retro_orbital"), ("lateral_head", "tmj", "cheek"))
    assert states_of(page, "region") == expected
    assert states_of(page, "muscle") == {"muscle:temporalis:right": ["is-selected"]}
    wait_for(page, "() => document.querySelector('#details h2')?.textContent.includes('Temporalis (right)')",
             what="the panel to show the right temporalis")
    assert_no_page_errors(page)


def test_eng002_tapping_the_upper_trapezius_in_the_back_view_lights_its_zones(page):
    open_map(page)
    tap_where_drawn(page, "muscle", "upper_trapezius", "right", "back")
    wait_for(page, "() => location.search === '?muscle=upper_trapezius&side=right'",
             what="the address of the upper trapezius")
    # By hand: TrP1 up the side of the neck to the mastoid and the temple, TrP2 the occiput and the
    # back of the neck (usually); behind the eye, the side of the head, the angle of the jaw (sometimes).
    expected = zones("right", ("lateral_neck", "mastoid", "temple", "occiput", "posterior_neck"),
                     ("retro_orbital", "lateral_head", "angle_of_jaw"))
    assert states_of(page, "region") == expected
    assert states_of(page, "muscle") == {"muscle:upper_trapezius:right": ["is-selected"]}
    assert_no_page_errors(page)


def test_eng003_tapping_the_temple_where_it_hurts_ranks_the_muscles_that_refer_there(page):
    open_map(page)
    tap_element(page, "[data-mode=region]")
    wait_for(page, "() => document.querySelector('#diagram svg').classList.contains('mode-region')",
             what="Where does it hurt? mode")
    tap_where_drawn(page, "region", "temple", "right", "side-right")
    wait_for(page, "() => location.search === '?regions=temple:right'", what="the address of the right temple")
    # By hand: three muscles refer to the temple, all usually and on the same side. The temporalis
    # and the upper trapezius tie (five sources each); the temporalis refers to fewer other places.
    ranked = wait_for(page, f"() => {{ const r = ({RANKING})(); return r.length ? r : null; }}", what="the ranking")
    assert ranked == ["temporalis:right", "upper_trapezius:right", "semispinalis_capitis:right"]
    assert states_of(page, "muscle") == {
        "muscle:temporalis:right": ["is-referring"], "muscle:upper_trapezius:right": ["is-referring"],
        "muscle:semispinalis_capitis:right": ["is-referring"]}
    assert_no_page_errors(page)


# Any ranking row that carries one of the diagram's state classes, at any moment: the map once
# marked every [data-pick] on the page, the panel's ranking rows included, and whether a row kept
# the mark depended on which came first, the panel's new markup or the diagram's update.
WATCH_RANKING = """(states) => {
    const seen = window.__rowStates = [];
    const check = () => document.querySelectorAll('#details [data-pick]').forEach((row) => {
        const marked = states.filter((n) => row.classList.contains(n));
        if (marked.length) seen.push(row.dataset.pick + ' ' + marked.join(' '));
    });
    new MutationObserver(check).observe(document.getElementById('details'),
                                        {subtree: true, childList: true, attributes: true, attributeFilter: ['class']});
    return true;
}"""


def test_eng004_after_region_taps_the_ranking_rows_never_carry_the_diagrams_states(page):
    open_map(page, "/?regions=occiput:right")
    wait_for(page, f"() => ({RANKING})().length > 0", what="the ranking of the occiput")
    page.js(WATCH_RANKING, STATES)
    for attempt in range(5):
        tap_where_drawn(page, "region", "temple", "right", "side-right")
        wait_for(page, "() => location.search === '?regions=occiput:right,temple:right'"
                       " && document.querySelector('#details')?.textContent.includes('2 places')",
                 what=f"the ranking of two places (tap {attempt + 1})")
        settled(page)
        rows = page.js("() => Array.from(document.querySelectorAll('#details .ranking [data-pick]'))"
                       ".map((row) => row.dataset.pick + ' ' + row.className)")
        assert rows and not any("is-" in row for row in rows), f"{page.name}, tap {attempt + 1}: {rows}"
        tap_where_drawn(page, "region", "temple", "right", "side-right")
        wait_for(page, "() => location.search === '?regions=occiput:right'"
                       " && document.querySelector('#details')?.textContent.includes('1 place')",
                 what=f"the ranking of the occiput again (tap {attempt + 1})")
        settled(page)
    seen = page.js("() => window.__rowStates")
    assert seen == [], \
        f"{page.name}: rows in the panel took the diagram's states {len(seen)} times: {sorted(set(seen))[:6]}"
    # the list beside the diagram is still marked as the diagram is
    assert page.js("() => document.querySelector('#picker [data-pick=\"muscle:upper_trapezius\"]')"
                   ".classList.contains('is-referring')")
    assert_no_page_errors(page)


def test_eng005_the_details_panel_fits_a_portrait_tablet_for_the_upper_trapezius(page):
    page.resize(TABLET_PORTRAIT["width"], TABLET_PORTRAIT["height"])
    open_map(page, "/?muscle=upper_trapezius&side=right")
    wait_for(page, "() => document.querySelector('#details h2')?.textContent.includes('Trapezius')"
                   " && document.fonts.status === 'loaded'", what="the panel of the upper trapezius")
    settled(page)
    report = page.js("""() => {
        const panel = document.getElementById('details');
        const box = panel.getBoundingClientRect();
        const edge = box.left + panel.clientLeft + panel.clientWidth;
        const past = [];
        panel.querySelectorAll('*').forEach((el) => {
            const r = el.getBoundingClientRect();
            if ((r.width || r.height) && r.right > edge + 0.5)
                past.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + r.right.toFixed(1));
        });
        return {scrollWidth: panel.scrollWidth, clientWidth: panel.clientWidth, edge: edge, past: past,
                right: box.right, screen: document.documentElement.clientWidth,
                pageWidth: document.documentElement.scrollWidth, text: panel.textContent.length};
    }""")
    assert report["text"] > 500, report  # the muscle's whole panel, not the introduction
    # the panel itself stays on screen (an engine may widen the panel for what it holds instead)
    assert report["right"] <= report["screen"] + 0.5, f"{page.name}: {report}"
    assert report["pageWidth"] <= report["screen"], f"{page.name}: {report}"
    assert report["scrollWidth"] <= report["clientWidth"], f"{page.name}: {report}"
    assert report["past"] == [], \
        f"{page.name}: past the panel's right edge ({report['edge']:.1f}): {report['past'][:8]}"
    assert_no_page_errors(page)


def test_eng006_the_error_collector_hears_an_uncaught_error(page):
    # the guard of every case above: an error thrown by a script of the page is recorded
    open_map(page)
    page.js("() => { setTimeout(() => { throw new Error('thrown on purpose'); }, 0); return true; }")
    errors = wait_for(page, "() => window.__pageErrors.length ? window.__pageErrors : null", what="the error")
    assert "thrown on purpose" in errors[0]
