"""Trigger points as their own patterns: an X on the diagram is a tap target, and an address
opens one point. Expected zones read by hand from data/referral_map.csv's trigger_points column:
upper trapezius TrP1 -> side of the neck, mastoid, temple (usual); behind the eye, side of the
head, angle of the jaw (sometimes). TrP2 -> mastoid, back of the head, back of the neck."""

from __future__ import annotations

import pytest

from tests.browser.conftest import diagram_classes, open_app, tap_shape, wait_for_classes

pytestmark = pytest.mark.browser

TRP1 = {"lateral_neck": "is-essential", "mastoid": "is-essential", "temple": "is-essential",
        "retro_orbital": "is-spillover", "lateral_head": "is-spillover", "angle_of_jaw": "is-spillover"}
TRP2 = {"mastoid": "is-essential", "occiput": "is-essential", "posterior_neck": "is-essential"}


def expected(zones: dict, side: str, point: str) -> dict:
    out = {f"region:{r}:{side}": [c] for r, c in zones.items()}
    out[f"muscle:upper_trapezius:{side}"] = ["is-selected"]
    out[f"point:upper_trapezius_trp1:{side}"] = ["is-shown"] + (["is-selected"] if point == "trp1" else [])
    out[f"point:upper_trapezius_trp2:{side}"] = ["is-shown"] + (["is-selected"] if point == "trp2" else [])
    return {k: sorted(v) for k, v in out.items()}


def test_pnt001_an_address_opens_one_trigger_point_on_its_side(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?point=upper_trapezius_trp1&side=left")
    wait_for_classes(page, expected(TRP1, "left", "trp1"))
    page.wait_for_selector("#details h2:has-text('TrP1')")
    assert "Whole muscle" in page.inner_text("#details")
    console.assert_clean()


def test_pnt002_tapping_an_x_shows_that_points_zones_and_whole_muscle_goes_back(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?muscle=upper_trapezius&side=right")
    tap_shape(page, "point", "upper_trapezius_trp2", "right", "back")
    wait_for_classes(page, expected(TRP2, "right", "trp2"))
    assert "temple" not in " ".join(diagram_classes(page))  # TrP2 does not reach the temple
    assert page.url.endswith("/?point=upper_trapezius_trp2&side=right")
    page.click("#details .whole-button")
    wait_for_classes(page, expected({**TRP1, **TRP2}, "right", ""))
    console.assert_clean()
