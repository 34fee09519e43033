"""The nerve mode, as a clinician meets it on a touch tablet: a nerve's territory beside the
muscles' referral zones. Expected answers are read by hand from data/nerve_territories.csv and
data/nerve_muscles.csv."""

from __future__ import annotations

import pytest

from tests.browser.conftest import diagram_classes, open_app, tap_shape

pytestmark = pytest.mark.browser

TERRITORY = {"is-territory", "is-territory-part"}


def classes_of(page, kind, item_id, side):
    return set(diagram_classes(page).get(f"{kind}:{item_id}:{side}", []))


def wait_lit(page, key: str, state: str) -> None:
    kind, item_id, side = key.split(":")
    attribute = {"region": "data-region", "nerve": "data-nerve", "muscle": "data-muscle"}[kind]
    page.wait_for_selector(f'#diagram [{attribute}="{item_id}"][data-side="{side}"].{state}', state="attached")


def test_nrv001_a_nerve_address_lights_the_back_of_the_head_not_the_forehead(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?nerve=greater_occipital&side=left")
    wait_lit(page, "nerve:greater_occipital:left", "is-selected")
    # greater_occipital supplies the occiput and the vertex in part (shared with the lesser and
    # third occipital nerves); it passes the suboccipitals, the semispinalis capitis and the
    # trapezius's attachment.
    assert classes_of(page, "region", "occiput", "left") == {"is-territory-part"}
    assert classes_of(page, "region", "vertex", "left") == {"is-territory-part"}
    for side in ("left", "right"):
        assert not classes_of(page, "region", "forehead", side) & TERRITORY
    assert not classes_of(page, "region", "occiput", "right") & TERRITORY
    for muscle in ("suboccipitals", "semispinalis_capitis", "upper_trapezius"):
        assert "is-related" in classes_of(page, "muscle", muscle, "left"), muscle
    page.wait_for_selector("#details h2:has-text('Greater occipital nerve (left)')")
    text = page.inner_text("#details")
    assert "Semispinalis capitis" in text and "left" in text
    assert page.get_attribute("#mode-nerve", "aria-pressed") == "true"
    console.assert_clean()


def test_nrv002_tapping_the_mandibular_nerve_lights_chin_and_lower_teeth_not_the_angle_of_the_jaw(tablet, app_url):
    page, console = tablet
    open_app(page, app_url)
    page.click("#mode-nerve")
    tap_shape(page, "nerve", "mandibular", "right", "side-right")
    wait_lit(page, "nerve:mandibular:right", "is-selected")
    assert classes_of(page, "region", "chin", "right") == {"is-territory"}
    assert classes_of(page, "region", "lower_teeth", "right") == {"is-territory"}
    assert classes_of(page, "region", "temple", "right") == {"is-territory-part"}
    # The skin over the angle of the jaw is the great auricular nerve's, not the trigeminal's.
    for side in ("left", "right"):
        assert not classes_of(page, "region", "angle_of_jaw", side) & TERRITORY
    assert page.url.endswith("/?nerve=mandibular&side=right")
    console.assert_clean()


def test_nrv003_the_pain_drawing_lists_the_nerves_of_the_marked_places(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?regions=occiput:left,angle_of_jaw:left")
    page.wait_for_selector("#details h3:has-text('Nerves of these places')")
    nerves = page.inner_text("#details .place-nerves")
    # occiput: greater, lesser and third occipital (each in part); angle of the jaw: great auricular.
    for name in ("Greater occipital", "Lesser occipital", "Third occipital", "Great auricular"):
        assert name in nerves, (name, nerves)
    assert "Mandibular" not in nerves
    console.assert_clean()


def test_nrv004_a_bad_nerve_in_the_address_is_ignored_with_a_notice(tablet, app_url):
    page, console = tablet
    open_app(page, app_url + "/?nerve=vagus")
    page.wait_for_selector("#notice:has-text('vagus')")
    assert not page.locator("#diagram .is-selected").count()
    console.assert_clean()
