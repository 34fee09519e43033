"""Apps built by ``create_app`` on tables other than the project's: the tiny table of the unit
tests, and a broken one. Each app serves only its own table, and two apps in one process keep
their callbacks apart."""

from __future__ import annotations

import re
import shutil

import pytest

from app import create_app
from components import ids
from referral import DataError
from tests.conftest import FIXTURES, TINY, run_callback


@pytest.fixture(scope="module")
def tiny_app(tiny_drawing):
    return create_app(TINY, tiny_drawing)


def picked(page: str, kind: str) -> list[str]:
    return sorted(set(re.findall(rf'data-pick="{kind}:([a-z_0-9]+)"', page)))


def test_an_app_on_the_tiny_table_offers_only_its_muscles_places_and_nerves(tiny_app):
    page = tiny_app.server.test_client().get("/").get_data(as_text=True)
    # The tiny table's own ids, written out from tests/fixtures/tiny/*.csv.
    assert picked(page, "muscle") == ["suboccipitals", "temporalis", "upper_trapezius"]
    assert picked(page, "region") == ["ear", "eyebrow", "occiput", "retro_orbital", "temple"]
    assert picked(page, "nerve") == ["auriculotemporal", "greater_occipital", "lesser_occipital", "mandibular",
                                     "ophthalmic"]
    assert 'data-muscle="masseter"' not in page  # its drawing was cut down to the table


def test_two_apps_in_one_process_answer_from_their_own_tables(tiny_app):
    project = create_app().server.test_client()
    tiny = tiny_app.server.test_client()
    selection = {"mode": "muscle", "muscle": "masseter", "side": "right"}
    ask = lambda client: run_callback(client, [(ids.DETAILS_MARKUP, "data")],  # noqa: E731
                                      [(ids.SELECTION, "data", selection)])[ids.DETAILS_MARKUP]["data"]
    assert "Masseter (right)" in ask(project)
    assert "Masseter" not in ask(tiny) and "Tap a muscle" in ask(tiny)  # the tiny table has no masseter


def test_the_study_page_of_an_app_lists_its_own_muscles(tiny_app):
    layout = tiny_app.server.test_client().get("/study/_dash-layout").get_data(as_text=True)
    assert sorted(set(re.findall(r'"value": ?"([a-z_]+)"', layout)) & {"temporalis", "upper_trapezius",
                                                                         "suboccipitals", "masseter"}) == [
        "suboccipitals", "temporalis", "upper_trapezius"]


def test_a_broken_table_raises_with_the_file_line_and_value(tmp_path, tiny_drawing):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    shutil.copyfile(FIXTURES / "broken" / "referral_map.bad_pattern.csv", data / "referral_map.csv")
    with pytest.raises(DataError) as raised:
        create_app(data, tiny_drawing)
    assert "referral_map.csv, line" in raised.value.message and "'esential' is not valid" in raised.value.message


def test_the_pages_load_dashs_scripts_but_not_those_of_components_they_do_not_use(tiny_app):
    client = tiny_app.server.test_client()
    for address in ("/", "/study/"):
        page = client.get(address).get_data(as_text=True)
        scripts = re.findall(r'<script src="([^"]+)"', page)
        assert any("/dash-renderer/" in s for s in scripts), address
        assert not any("dash_table" in s for s in scripts), address
        # the study page has a dropdown (a core component, loaded lazily, which needs Babel's
        # polyfill); the map page has no core component, so neither script
        for part in ("/dcc/", "/deps/polyfill@"):
            assert any(part in s for s in scripts) == (address == "/study/"), (address, part)


def test_a_panel_asked_for_again_is_the_one_written_the_first_time(tiny_app):
    from components.details import render_details
    from components.markup import from_components
    from referral import load
    from referral.selection import Selection

    client = tiny_app.server.test_client()
    tiny_map = load(TINY)
    for selection in ({"mode": "muscle", "muscle": "temporalis", "side": "left"},
                      {"mode": "muscle", "muscle": "temporalis", "side": "right"},
                      {"mode": "region", "places": [["temple", "left", 7], ["occiput", "right", None]]}):
        answers = [run_callback(client, [(ids.DETAILS_MARKUP, "data")], [(ids.SELECTION, "data", selection)])
                   [ids.DETAILS_MARKUP]["data"] for _ in range(3)]
        fresh = from_components(render_details(Selection.from_json(selection, tiny_map), tiny_map))
        assert answers == [fresh] * 3, selection
    left, right = (run_callback(client, [(ids.DETAILS_MARKUP, "data")],
                                [(ids.SELECTION, "data", {"mode": "muscle", "muscle": "temporalis", "side": s})])
                   [ids.DETAILS_MARKUP]["data"] for s in ("left", "right"))
    assert "Temporalis (left)" in left and "Temporalis (right)" in right


def test_a_page_served_without_the_core_components_refuses_a_layout_that_uses_one():
    from dash import dcc, html

    from components.security import PrivateDash

    app = PrivateDash(__name__, serve_locally=True, core_components=False)
    app.layout = html.Div([html.Div([dcc.Store(id="kept")])])
    with app.server.test_request_context("/"):
        app.server.preprocess_request()
        with pytest.raises(RuntimeError, match="the layout uses Store"):
            app.index()
