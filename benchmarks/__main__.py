"""``python -m benchmarks [--smoke]``: measure every figure and print one table.

Order of the run, so that one measurement does not disturb another, and so that whatever else
the machine is doing weighs alike on a figure and its baseline (they are always taken in turn):

1. Start-up: ``python app.py`` and the bare Dash app, alternately, to their first 200.
2. In headless Chromium, against ``python app.py`` (real table), the bare page and the app on
   the synthetic ten-times table, all three running: first loads taken in turn (app, bare,
   synthetic, app, ...), then rounds of taps on the real and on the synthetic app in turn.
3. Under the production server (``python serve.py``), for the real and the synthetic table at once:
   rounds of page loads, first visits and details-panel callbacks replayed by wrk against the
   real table, then the callback time with one connection against each table.

``--smoke`` runs every figure briefly (for CI). Nothing is judged there and, as in the full
run, the exit status is 0 whatever the figures: a slow machine gives slow figures, not a
failure. Only a benchmark that cannot run at all (the app does not start, Chromium or wrk is
missing) exits non-zero.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks import browser, load, servers, synthetic
from benchmarks.report import Row, Target, format_table, machine, runs_row, samples_row, save, value_row
from benchmarks.stats import ratio, summarise
from referral import load as load_table
from referral.wording import place_words

OUT = Path(__file__).resolve().parent / "out"
KB = 1000


@dataclass(frozen=True)
class Settings:
    taps: int  # taps per table (half on muscles, half on regions)
    tap_rounds: int  # tap sessions per table, real and synthetic in turn
    loads: int  # first loads per page (app, bare, synthetic)
    load_seconds: int  # length of one wrk run (wrk takes whole seconds)
    load_runs: int  # rounds of wrk runs (each request mix, then the callback time of each table)
    warmup_seconds: int  # wrk run before measuring, not counted
    latency_seconds: int  # single-connection callback run, per table and round
    startups: int  # start-ups of the app and of the bare app
    heap_taps: int  # taps in one page between two readings of the script heap


FULL = Settings(taps=48, tap_rounds=4, loads=12, load_seconds=6, load_runs=5, warmup_seconds=2, latency_seconds=3,
                startups=5, heap_taps=200)
SMOKE = Settings(taps=8, tap_rounds=1, loads=2, load_seconds=2, load_runs=1, warmup_seconds=1, latency_seconds=1,
                 startups=2, heap_taps=20)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def table_names(data_dir: Path) -> dict:
    """The words the details panel shows for every muscle and for every region on each side,
    from the table itself (a region marked on the left: "left temple", "behind the left eye")."""
    table = load_table(data_dir)
    return {"muscle": {key: item.name for key, item in table.muscles.items()},
            "region": {f"{key}:{side}": place_words(key, side, table) for key in table.regions
                       for side in ("left", "right")}}


def real_paths() -> tuple[Path, Path]:
    """The table and drawing the app reads (the same environment variables as the app)."""
    data = Path(os.environ.get("REFERRAL_MAP_DATA", servers.PROJECT / "data"))
    drawing = Path(os.environ.get("REFERRAL_MAP_DRAWING", servers.PROJECT / "assets" / "head_regions.svg"))
    return data, drawing


def file_info(path: Path) -> dict:
    """Name, size and a short hash of a file, to say which drawing a run measured."""
    raw = path.read_bytes()
    return {"name": path.name, "bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest()[:12]}


def measure_startup(settings: Settings, bare_dir: Path) -> dict:
    """Seconds from process start to the first 200 on /, app and bare app in turn."""
    times = {"app": [], "bare": []}
    for attempt in range(settings.startups):
        say(f"start-up {attempt + 1}/{settings.startups}")
        for name, start in (("app", servers.start_app), ("bare", lambda: servers.start_bare(bare_dir))):
            server = start()
            times[name].append(server.startup_seconds)
            server.stop()
    return times


def measure_in_browser(settings: Settings, bare_dir: Path, synthetic_env: dict, names: dict) -> dict:
    """First loads, the requests of a visit, and tap sessions, in headless Chromium.

    Every page is loaded on a plain tablet (1× CPU) and the app's pages also on a slow one
    (4× CPU); the map is also loaded over a slow link, and the study page for its weight. The
    tap sessions run on the real table at 1× and 4× and on the synthetic table at 1×, in turn.
    """
    synthetic_names = table_names(Path(synthetic_env["REFERRAL_MAP_DATA"]))
    results: dict = {"loads": {}}
    with sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        results["chromium"] = chromium.version
        started = []
        try:
            app = servers.start_app()
            started.append(app)
            bare = servers.start_bare(bare_dir)
            started.append(bare)
            grown = servers.start_app("synthetic", env=synthetic_env)
            started.append(grown)
            ready, settled = browser.APP_READY_SELECTOR, browser.APP_SETTLED_SELECTOR
            study = app.url + "/study/"
            pages = (("app", app.url, ready, settled, browser.FAST),
                     ("bare", bare.url, servers.BARE_READY_SELECTOR, None, browser.FAST),
                     ("synthetic", grown.url, ready, settled, browser.FAST),
                     ("app_4x", app.url, ready, settled, browser.SLOW_CPU),
                     ("bare_4x", bare.url, servers.BARE_READY_SELECTOR, None, browser.SLOW_CPU),
                     ("study", study, browser.STUDY_READY_SELECTOR, None, browser.FAST),
                     ("study_4x", study, browser.STUDY_READY_SELECTOR, None, browser.SLOW_CPU),
                     ("app_slow_link", app.url, ready, settled, browser.SLOW_LINK),
                     ("app_slow_link_4x", app.url, ready, settled, browser.SLOW_LINK_4X))
            results["loads"] = {name: [] for name, *_ in pages}
            # One unmeasured visit each, so that no page pays for the servers' first request.
            for _name, url, ready_at, settled_at, _throttle in pages[:3] + pages[5:6]:
                browser.first_load(chromium, url, ready_at, settled_at)
            for attempt in range(settings.loads):
                say(f"first load {attempt + 1}/{settings.loads}")
                for name, url, ready_at, settled_at, throttle in pages:
                    results["loads"][name].append(browser.first_load(chromium, url, ready_at, settled_at, throttle))
            results["visits"] = browser.capture_visits(chromium, app.url)
            sessions: dict[str, list] = {"taps": [], "taps_4x": [], "synthetic_taps": []}
            per_round = settings.taps // settings.tap_rounds
            for attempt in range(settings.tap_rounds):
                say(f"taps {attempt + 1}/{settings.tap_rounds}")
                start = attempt * per_round // 2
                sessions["taps"].append(browser.tap_session(chromium, app.url, names, per_round, start))
                sessions["taps_4x"].append(
                    browser.tap_session(chromium, app.url, names, per_round, start, browser.SLOW_CPU))
                sessions["synthetic_taps"].append(
                    browser.tap_session(chromium, grown.url, synthetic_names, per_round, start))
            results.update({key: browser.merge_sessions(found) for key, found in sessions.items()})
            say(f"heap over {settings.heap_taps} taps")
            results["heap"] = browser.heap_session(chromium, app.url, names, settings.heap_taps)
        finally:
            for server in started:
                server.stop()
    return results


def measure_load(settings: Settings, visits: dict, callbacks: list, synthetic_env: dict,
                 synthetic_callbacks: list) -> dict:
    """wrk against the production server, real and synthetic table at once, in rounds (see the module's docstring)."""
    mixes = {"return_visit": visits["return_visit"], "first_visit": visits["first_visit"], "callbacks": callbacks}
    results: dict = {name: [] for name in (*mixes, "callback_time", "synthetic_callback_time")}
    started = []
    try:
        real = servers.start_production()
        started.append(real)
        grown = servers.start_production("production-synthetic", env=synthetic_env)
        started.append(grown)
        timed = {"callback_time": (real, callbacks), "synthetic_callback_time": (grown, synthetic_callbacks)}
        for exchanges in mixes.values():
            load.run(real.url, exchanges, settings.warmup_seconds)
        load.run(grown.url, synthetic_callbacks, settings.warmup_seconds)
        for attempt in range(settings.load_runs):
            say(f"load {attempt + 1}/{settings.load_runs}")
            for name, exchanges in mixes.items():
                results[name].append(load.run(real.url, exchanges, settings.load_seconds, server_cpu=real.cpu_seconds))
            for name, (server, exchanges) in timed.items():
                results[name].append(load.run(server.url, exchanges, settings.latency_seconds, connections=1))
        # What each worker holds once it has served every kind of request many times.
        results["worker_rss_mb"] = real.worker_rss_mb()
    finally:
        for server in started:
            server.stop()
    return results


def tap_times(session: dict, key: str) -> list[float]:
    """One time of every measured tap of a session (``highlight``, ``frame``, ``details``,
    ``chooser``). A tap that opened the chooser has only its chooser time; the option tapped
    next has the others."""
    return [record[key] for record in session["records"] if record[key] is not None]


def tap_note(session: dict) -> str:
    """How many taps a row counts, how many opened the chooser, and how many were not measured."""
    records = session["records"]
    chooser = sum(1 for r in records if r["chooser"] is not None)
    missed = session["missed"] + sum(1 for r in records if r["chooser"] is None
                                     and (r["highlight"] is None or r["details"] is None))
    note = f"{len(records) - chooser} taps, both modes; {chooser} more opened the chooser"
    return note + (f"; {missed} not measured" if missed else "")


def build_rows(browser_results: dict, load_results: dict, startup: dict) -> list[Row]:
    """The table's rows, in the order of the six figures, each with its target."""
    taps, grown_taps = browser_results["taps"], browser_results["synthetic_taps"]
    slow_taps = browser_results["taps_4x"]
    loads = browser_results["loads"]
    ready = {name: [load_["ready_ms"] for load_ in items] for name, items in loads.items()}
    settled = {name: [load_["settled_ms"] for load_ in items] for name, items in loads.items()}
    wire = {name: [load_["wire_bytes"] / KB for load_ in items] for name, items in loads.items()}
    return_visits, first_visits = load_results["return_visit"], load_results["first_visit"]
    callbacks = load_results["callbacks"]
    every_run = [run for runs in load_results.values() for run in runs if isinstance(run, dict)]
    median = {name: summarise(values)["median"] for name, values in ready.items()}
    tap_stats = {key: summarise(tap_times(taps, key)) for key in ("highlight", "details")}
    grown_stats = {key: summarise(tap_times(grown_taps, key)) for key in ("highlight", "details")}
    startup_median = {name: summarise(values)["median"] for name, values in startup.items()}
    callback_time = {name: summarise([run["latency_us"]["p50"] for run in load_results[name]])["median"]
                     for name in ("callback_time", "synthetic_callback_time")}
    heap = browser_results["heap"]
    rows = [
        samples_row("1 Tap → highlight in the DOM, 1× CPU", "ms", tap_times(taps, "highlight"),
                    Target("p95", "<=", 16), tap_note(taps)),
        samples_row("1 Tap → highlight in the DOM, 4× CPU", "ms", tap_times(slow_taps, "highlight"),
                    Target("p95", "<=", 16), tap_note(slow_taps)),
        samples_row("1 Tap → next frame, 1× CPU", "ms", tap_times(taps, "frame")),
        samples_row("1 Tap → next frame, 4× CPU", "ms", tap_times(slow_taps, "frame")),
        samples_row("1 Tap → chooser shown, 1× CPU", "ms", tap_times(taps, "chooser"),
                    note="taps whose fingertip reached several small shapes"),
        samples_row("1 Tap → chooser shown, 4× CPU", "ms", tap_times(slow_taps, "chooser")),
        value_row("1 Script heap growth", "kB", (heap["after_bytes"] - heap["before_bytes"]) / KB,
                  note=f"{heap['taps']} taps in one page, after garbage collection"),
        samples_row("2 Tap → details panel filled, 1× CPU", "ms", tap_times(taps, "details"),
                    Target("p95", "<=", 100)),
        samples_row("2 Tap → details panel filled, 4× CPU", "ms", tap_times(slow_taps, "details"),
                    Target("p95", "<=", 200)),
        samples_row("3 First load, bytes: app", "kB", wire["app"], Target("high", "<=", 400)),
        samples_row("3 First load, bytes: bare Dash page", "kB", wire["bare"]),
        samples_row("3 First load, ready: app", "ms", ready["app"]),
        samples_row("3 First load, ready: bare Dash page", "ms", ready["bare"]),
        value_row("3 Ready time, app ÷ bare", "×", ratio(median["app"], median["bare"]), Target("median", "<=", 1.2),
                  "medians"),
        samples_row("3 First load, details panel live: app", "ms", settled["app"],
                    note="Dash started and the address read"),
        value_row("3 Details panel live, app ÷ bare ready", "×",
                  ratio(summarise(settled["app"])["median"], median["bare"]), note="medians"),
        samples_row("3 First load, ready: app, 4× CPU", "ms", ready["app_4x"], Target("median", "<=", 1000),
                    "diagram tappable"),
        samples_row("3 First load, ready: bare Dash page, 4× CPU", "ms", ready["bare_4x"]),
        samples_row("3 First load, details panel live: app, 4× CPU", "ms", settled["app_4x"],
                    Target("median", "<=", 1500)),
        samples_row("3 Slow link, ready: app, 1× CPU", "ms", ready["app_slow_link"], Target("median", "<=", 1500),
                    "1.6 Mbps, 150 ms round trip"),
        samples_row("3 Slow link, details panel live: app, 1× CPU", "ms", settled["app_slow_link"]),
        samples_row("3 Slow link, ready: app, 4× CPU", "ms", ready["app_slow_link_4x"]),
        samples_row("3 Slow link, details panel live: app, 4× CPU", "ms", settled["app_slow_link_4x"]),
        samples_row("3 First load, bytes: study page", "kB", wire["study"], Target("high", "<=", 700)),
        samples_row("3 First load, ready: study page, 1× CPU", "ms", ready["study"], note="the whole table drawn"),
        samples_row("3 First load, ready: study page, 4× CPU", "ms", ready["study_4x"]),
        runs_row("4 Page loads/s, returning tablet", "/s", [r["cycles_per_second"] for r in return_visits],
                 Target("median", ">=", 200), f"{len(browser_results['visits']['return_visit'])} requests each"),
        runs_row("4 Page loads/s, first visit", "/s", [r["cycles_per_second"] for r in first_visits],
                 note=f"{len(browser_results['visits']['first_visit'])} requests each, nothing cached"),
        runs_row("4 Page-load requests, p99 latency", "ms", [r["latency_us"]["p99"] / 1000 for r in return_visits]),
        runs_row("4 Server CPU per returning page load", "ms", [r["cpu_ms_per_cycle"] for r in return_visits],
                 note="the server's CPU time ÷ page loads"),
        runs_row("4 Details-panel callbacks/s", "/s", [r["per_second"] for r in callbacks],
                 Target("median", ">=", 1000)),
        runs_row("4 Server CPU per callback", "ms", [r["cpu_ms_per_request"] for r in callbacks]),
        runs_row("4 Callback p99 latency", "ms", [r["latency_us"]["p99"] / 1000 for r in callbacks],
                 Target("high", "<", 50)),
        value_row("4 Errors in all load runs", "count", sum(r["error_count"] for r in every_run),
                  Target("median", "==", 0), "non-2xx/3xx, socket errors, timeouts"),
        samples_row("4 Server worker memory (RSS)", "MB", load_results["worker_rss_mb"],
                    note="each worker, or the one server process, after all load runs"),
        value_row("5 Growth ×10: ready time", "×", ratio(median["synthetic"], median["app"]),
                  Target("median", "<=", 2), "medians"),
        value_row("5 Growth ×10: first-load bytes", "×",
                  ratio(summarise(wire["synthetic"])["median"], summarise(wire["app"])["median"])),
        value_row("5 Growth ×10: tap → highlight", "×", ratio(grown_stats["highlight"]["p95"],
                                                              tap_stats["highlight"]["p95"]),
                  Target("median", "<=", 2), "p95s"),
        value_row("5 Growth ×10: tap → details", "×", ratio(grown_stats["details"]["p95"],
                                                            tap_stats["details"]["p95"]),
                  Target("median", "<=", 2), "p95s"),
        value_row("5 Growth ×10: callback time", "×", ratio(callback_time["synthetic_callback_time"],
                                                            callback_time["callback_time"]),
                  Target("median", "<=", 2), "median latency, one connection"),
        samples_row("6 Start-up: python app.py", "s", startup["app"]),
        samples_row("6 Start-up: bare Dash app", "s", startup["bare"]),
        value_row("6 Start-up, app ÷ bare", "×", ratio(startup_median["app"], startup_median["bare"]),
                  Target("median", "<=", 1.5), "medians"),
    ]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="run every figure briefly; judge nothing")
    parser.add_argument("--out", type=Path, default=None, help="JSON file to write (default benchmarks/out/)")
    args = parser.parse_args(argv)
    settings = SMOKE if args.smoke else FULL
    load.wrk_path()  # fail early, before minutes of browser work, if wrk is missing
    data_dir, drawing = real_paths()
    names = table_names(data_dir)
    started = time.perf_counter()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="referral-bench-") as folder:
        bare_dir = servers.write_bare_app(Path(folder) / "bare")
        synthetic_env = synthetic.write(Path(folder) / "synthetic", data_dir, drawing)
        synthetic_drawing = file_info(Path(synthetic_env["REFERRAL_MAP_DRAWING"]))
        startup = measure_startup(settings, bare_dir)
        in_browser = measure_in_browser(settings, bare_dir, synthetic_env, names)
        under_load = measure_load(settings, in_browser["visits"], in_browser["taps"]["callbacks"], synthetic_env,
                                  in_browser["synthetic_taps"]["callbacks"])
    rows = build_rows(in_browser, under_load, startup)
    context = {
        "command": "python -m benchmarks" + (" --smoke" if args.smoke else ""),
        "machine": {**machine(), "chromium": in_browser["chromium"]},
        "settings": asdict(settings),
        "drawing": file_info(drawing),
        "synthetic_drawing": synthetic_drawing,
        "seconds": round(time.perf_counter() - started, 1),
        # Other work on the machine slows every figure; the 1-minute load average shows it.
        "load_average": {"before": load_before[0], "after": os.getloadavg()[0]},
    }
    out = args.out or OUT / ("smoke.json" if args.smoke else "full.json")
    save(out, rows, {**context, "startup": startup, "browser": in_browser, "load": under_load})
    host = context["machine"]
    print(f"\nReferral Map benchmarks: {context['command']} ({context['seconds']} s)")
    print(f"{host['cpu']}, {host['cores']} cores, {host['memory_gib']} GiB, {host['os']}; "
          f"Python {host['python']}, Dash {host['dash']}, Chromium {host['chromium']}, {host['wrk']}")
    print(f"Load average {context['load_average']['before']:.1f} before, {context['load_average']['after']:.1f} after. "
          f"Drawing: {context['drawing']['name']} ({context['drawing']['bytes']:,} bytes); "
          f"synthetic drawing {synthetic_drawing['bytes']:,} bytes\n")
    print(format_table(rows, judged=not args.smoke))
    shown = out.resolve().relative_to(Path.cwd()) if out.resolve().is_relative_to(Path.cwd()) else out
    print(f"\nRaw measurements: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
