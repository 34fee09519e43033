"""Several people at once, and privacy: nothing crosses between tablets or leaves the machine."""

from __future__ import annotations

from urllib.parse import quote, urlparse

import pytest

from referral import Selection
from referral.selection import Place
from tests.browser.conftest import TABLET_LANDSCAPE, Console, open_app, open_context, tap_shape
from tests.browser.test_app import expect_selection

pytestmark = pytest.mark.browser


def test_rel001_several_tablets_at_once_each_keep_their_own_selection(browser, app_url):
    plans = [
        ("muscle", ["temporalis"], Selection("muscle", "temporalis"), "Temporalis"),
        ("muscle", ["masseter"], Selection("muscle", "masseter"), "Masseter"),
        (
            "region",
            ["temple", "occiput"],
            Selection(
                "region",
                places=(
                    Place("temple", "right"),
                    Place("temple", "left"),
                    Place("occiput", "right"),
                    Place("occiput", "left"),
                ),
            ),
            "Where it hurts",
        ),
        (
            "region",
            ["jaw"],
            Selection("region", places=(Place("jaw", "right"), Place("jaw", "left"))),
            "Where it hurts",
        ),
    ]
    tablets = []
    for _ in plans:
        context = open_context(browser, TABLET_LANDSCAPE)
        page = context.new_page()
        tablets.append((context, page, Console(page)))
        open_app(page, app_url)
    # Interleave the taps so the server sees the sessions mixed together.
    for step in range(2):
        for (_context, page, _), (mode, ids, _, _) in zip(tablets, plans, strict=True):
            if step == 0 and mode == "region":
                page.click("[data-mode=region]")
            for item_id in ids[step:step + 1]:
                page.click(f'#picker [data-pick="{mode}:{item_id}"]')
    for (_context, page, console), (_, _, selection, heading) in zip(tablets, plans, strict=True):
        expect_selection(page, selection)
        page.wait_for_selector(f"#details :text('{heading}')")
        console.assert_clean()
    for context, _, _ in tablets:
        context.close()


def test_rel002_a_whole_session_sends_no_request_to_another_host(browser, app_url):
    context = open_context(browser, TABLET_LANDSCAPE)
    page = context.new_page()
    console = Console(page)
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    open_app(page, app_url)
    tap_shape(page, "muscle", "temporalis", "right", "side-right")
    expect_selection(page, Selection("muscle", "temporalis"))
    page.click("[data-mode=region]")
    tap_shape(page, "region", "temple", "right", "side-right")
    expect_selection(page, Selection("region", side="right", places=(Place("temple", "right"),)))
    page.goto(app_url + "/handout?regions=temple:right")
    page.wait_for_load_state("networkidle")
    page.goto(app_url + "/study/")
    page.wait_for_load_state("networkidle")
    assert hosts == {urlparse(app_url).netloc}
    console.assert_clean()
    context.close()


def test_rel003_markup_in_the_address_is_shown_as_text_and_never_runs(tablet, app_url):
    page, console = tablet
    attack = '<img src=x onerror="window.pwned=1">'
    page.goto(app_url + "/?muscle=" + quote(attack) + "&regions=" + quote("<script>window.pwned=2</script>"))
    page.wait_for_selector("#diagram[data-ready=true][data-address=read]", state="attached")
    notice = page.inner_text("#notice")
    assert "Ignored “<img src=x onerror=" in notice
    assert page.locator("#notice img, #notice script").count() == 0
    assert page.evaluate("() => window.pwned === undefined")
    assert page.url == app_url + "/"  # the address is cleaned to what is shown
    expect_selection(page, Selection("muscle"))
    console.assert_clean()
