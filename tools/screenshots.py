"""Take the README's screenshot, and optionally a set of review screenshots, in headless Chromium.

    python -m tools.screenshots                 # docs/screenshot.png (1024x768, the upper trapezius)
    python -m tools.screenshots --review DIR    # also every size x a muscle, regions, study, handout

The app is started as ``python app.py`` on a free port and stopped afterwards. Review
screenshots are for looking at a change; only docs/screenshot.png belongs in the repository.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.browser import CHROMIUM_ARGS, find_chromium
from benchmarks.servers import free_port

PROJECT = Path(__file__).resolve().parent.parent
README_SHOT = PROJECT / "docs" / "screenshot.png"
SIZES = {"landscape": (1024, 768), "portrait": (768, 1024), "phone": (390, 844)}
PAGES = {
    "muscle": "/?muscle=upper_trapezius",
    "regions": "/?regions=temple,retro_orbital,occiput",
    "study": "/study/",
    "handout": "/handout?muscle=sternocleidomastoid_clavicular",
}


def serve() -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=PROJECT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=1)
            return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the app did not start")


def shoot(browser, url: str, size: tuple[int, int], target: Path) -> None:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, has_touch=True,
                                  is_mobile=size[0] < 900)
    page = context.new_page()
    page.goto(url)
    if "/study" not in url and "/handout" not in url:
        page.wait_for_selector("#diagram[data-ready=true][data-address=read]", state="attached")
        page.wait_for_function("() => !document.querySelector('#details h2.intro') || location.search === ''")
    page.wait_for_load_state("networkidle")
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--review", type=Path, help="also write review screenshots into this folder")
    args = parser.parse_args()
    chromium = find_chromium()
    if not chromium:
        raise SystemExit("Chromium is not installed (Debian: apt-get install chromium)")
    process, url = serve()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            shoot(browser, url + PAGES["muscle"], SIZES["landscape"], README_SHOT)
            print(f"wrote {README_SHOT.relative_to(PROJECT)}")
            if args.review:
                for page_name, path in PAGES.items():
                    for size_name, size in SIZES.items():
                        target = args.review / f"{page_name}-{size_name}.png"
                        shoot(browser, url + path, size, target)
                        print(f"wrote {target}")
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
