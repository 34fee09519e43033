"""The server without a browser: headers, hostile addresses, malformed callback requests, start-up.

Requests go through Flask's test client against the real app object; start-up behaviour is
checked by running ``python app.py`` and ``python serve.py`` as a clinic would.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from referral import load
from tests.conftest import DATA, DRAWING, FIXTURES, PROJECT

APP = create_app()  # loads and checks the project's tables and drawing
CLIENT = APP.server.test_client()
PROJECT_MAP = load(DATA)
CALLBACK = "/_dash-update-component"


def post_callback(body) -> tuple[int, dict | str]:
    response = CLIENT.post(CALLBACK, data=json.dumps(body), content_type="application/json")
    try:
        return response.status_code, response.get_json()
    except Exception:
        return response.status_code, response.get_data(as_text=True)


def read_address(search) -> tuple[dict, str]:
    """Call the address-reading callback as the browser does; return the reading and notice text."""
    status, body = post_callback(
        {
            "output": "..address-reading.data...notice.children..",
            "outputs": [{"id": "address-reading", "property": "data"}, {"id": "notice", "property": "children"}],
            "inputs": [{"id": "address", "property": "data", "value": search}],
            "changedPropIds": ["address.data"],
        }
    )
    assert status == 200, body
    response = body["response"]
    notices = response["notice"]["children"]
    return response["address-reading"]["data"], " ".join(n["props"]["children"] for n in notices)


@pytest.mark.parametrize("path", ["/", "/_dash-layout", "/_dash-dependencies", "/assets/referral_map.css", "/nowhere"])
def test_every_response_carries_the_security_headers(path):
    response = CLIENT.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src 'self' 'sha256-" in csp and "unsafe-eval" not in csp
    script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_page_names_no_other_host_and_does_not_load_plotly():
    html = CLIENT.get("/").get_data(as_text=True)
    assert re.search(r'<div id="diagram"[^>]*><svg ', html)  # the drawing travels in the page itself
    html = html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # a name, never fetched
    assert "http://" not in html and "https://" not in html
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert scripts and all(src.startswith("/") for src in scripts)
    assert not [src for src in scripts if "plotly" in src.lower()]
    assert sys.version.split()[0] not in html


def test_responses_are_compressed():
    response = CLIENT.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("Content-Encoding") == "gzip"


@pytest.mark.parametrize("path", ["/_dash-layout", "/study/_dash-layout"])
def test_responses_are_compressed_once_with_the_fastest_encoding_the_browser_takes(path):
    # A second compressor (one per Dash app on the server) would answer gzip to everyone.
    response = CLIENT.get(path, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert response.headers.get("Content-Encoding") == "zstd"


hostile = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["", "<script>alert(1)</script>", "temporalis\"><img src=x onerror=alert(1)>", "x" * 10_000,
                     "%00", "../../etc/passwd", "temporalis,temporalis", "🦷", "muscle=temporalis"]),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(muscle=hostile, regions=hostile)
def test_hostile_addresses_never_fail_and_never_echo_markup(muscle, regions):
    from urllib.parse import urlencode

    query = "?" + urlencode([("muscle", muscle), ("regions", regions), ("muscle", muscle)])
    page = CLIENT.get("/" + query)
    assert page.status_code == 200
    assert "<script>alert" not in page.get_data(as_text=True)
    reading, notice = read_address(query)
    selection = reading["selection"]
    assert selection["muscle"] in (None, *PROJECT_MAP.muscles)
    assert all(region in PROJECT_MAP.regions and side in ("left", "right") for region, side, _ in selection["places"])
    assert len(notice) < 1000


def test_unknown_ids_in_the_address_are_named_in_a_notice():
    reading, notice = read_address("?regions=temple:left,elbow")
    assert reading["selection"] == {"mode": "region", "muscle": None, "point": None, "nerve": None, "side": "right",
                                    "places": [["temple", "left", None]]}
    assert notice == "Ignored “elbow”: not a region in the referral table."


@pytest.mark.parametrize(
    "body",
    [
        "not json at all",
        {},
        {"output": "details-markup.data", "inputs": [], "changedPropIds": []},
        {"output": "nowhere.children", "inputs": [{"id": "nowhere", "property": "data"}]},
        {"output": "details-markup.data", "inputs": [{"id": "selection"}], "changedPropIds": []},
        {"output": "details-markup.data", "inputs": [{"id": "selection", "property": "data"}], "changedPropIds": "x"},
        {"output": ["details-markup.data"], "inputs": []},
    ],
)
def test_malformed_callback_requests_get_a_short_400_and_the_server_goes_on(body):
    if isinstance(body, str):
        response = CLIENT.post(CALLBACK, data=body, content_type="application/json")
    else:
        response = CLIENT.post(CALLBACK, json=body)
    assert response.status_code == 400
    assert "Traceback" not in response.get_data(as_text=True)
    status, answer = post_callback(
        {
            "output": "details-markup.data",
            "outputs": {"id": "details-markup", "property": "data"},
            "inputs": [{"id": "selection", "property": "data", "value": {"mode": "muscle", "muscle": "masseter"}}],
            "changedPropIds": ["selection.data"],
        }
    )
    assert status == 200 and "Masseter" in json.dumps(answer)


def test_a_selection_with_unexpected_values_renders_the_empty_panel():
    status, answer = post_callback(
        {
            "output": "details-markup.data",
            "outputs": {"id": "details-markup", "property": "data"},
            "inputs": [{"id": "selection", "property": "data", "value": {"mode": ["muscle"], "muscle": {"a": 1}}}],
            "changedPropIds": ["selection.data"],
        }
    )
    assert status == 200 and "Tap a muscle" in json.dumps(answer)


def run(command: list[str], env: dict, timeout: float = 60) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(command, cwd=PROJECT, env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture
def broken_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    shutil.copyfile(FIXTURES / "broken" / "referral_map.bad_pattern.csv", data / "referral_map.csv")
    return data


def test_broken_table_stops_python_app_py_with_the_validators_message(broken_data):
    result = run([sys.executable, "app.py", "--port", "1"], {"REFERRAL_MAP_DATA": str(broken_data)})
    assert result.returncode == 1
    assert "Referral Map cannot start." in result.stderr
    assert "referral_map.csv" in result.stderr and "'esential' is not valid" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_drawing_missing_a_muscle_stops_the_start(tmp_path):
    drawing = tmp_path / "head_regions.svg"
    text = DRAWING.read_text(encoding="utf-8").replace('data-muscle="digastric"', 'data-muscle="digastrik"')
    drawing.write_text(text, encoding="utf-8")
    result = run([sys.executable, "app.py", "--port", "1"], {"REFERRAL_MAP_DRAWING": str(drawing)})
    assert result.returncode == 1
    assert "'digastrik' is not valid; expected a muscle id of the tables (muscles.csv)" in result.stderr
    assert ("'digastric' is not valid; the muscle is in muscles.csv but drawn in no view; draw it in the generator "
            "(tools/drawing/muscles.py) and run python -m tools.drawing") in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_table_stops_the_production_server_too(broken_data):
    result = run([sys.executable, "serve.py", "--port", "0"], {"REFERRAL_MAP_DATA": str(broken_data)})
    assert result.returncode == 1
    assert "Referral Map cannot start." in result.stderr
    assert "'esential' is not valid" in result.stderr
    assert "Traceback" not in result.stderr


def _page_config(url: str) -> dict:
    import urllib.request

    html = urllib.request.urlopen(url + "/", timeout=10).read().decode()
    return json.loads(re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', html, re.S)[1])


def test_python_app_py_listens_on_this_machine_only_with_dev_tools_off():
    from tests.browser.conftest import start_app, stop_app

    running = start_app()
    try:
        assert running.url.startswith("http://127.0.0.1:")
        config = _page_config(running.url)
        assert config["ui"] is False and config["props_check"] is False
        assert config["dash_version_url"] == "" and config["python_version"] == ""
    finally:
        stop_app(running)


def test_debug_flag_turns_dev_tools_on_and_says_so():
    from tests.browser.conftest import start_app, stop_app

    running = start_app("--debug")
    try:
        assert _page_config(running.url)["ui"] is True
    finally:
        stop_app(running)
    assert "Debug mode: Dash dev tools are ON" in "\n".join(running.log)
