"""Browsers keep the files whose address carries their version, and only those."""

from __future__ import annotations

import gzip
import re

import brotli
import pytest

from app import create_app
from components.caching import choose_encoding

APP = create_app()  # loads and checks the project's tables and drawing
CLIENT = APP.server.test_client()


def page_files(page: str, prefix: str) -> list[str]:
    html = CLIENT.get(page).get_data(as_text=True)
    return [url for url in re.findall(r'(?:href|src)="([^"]+)"', html) if url.startswith(prefix)]


@pytest.mark.parametrize("page, prefix", [("/", "/assets/"), ("/study/", "/study/assets/")])
def test_the_pages_assets_and_favicon_are_kept_for_a_year(page, prefix):
    files = page_files(page, prefix) + [url for url in page_files(page, "/") if "_favicon.ico?v=" in url]
    assert len(files) >= 2
    for url in files:
        response = CLIENT.get(url, buffered=True)
        assert response.status_code == 200
        assert response.cache_control.max_age == 365 * 24 * 3600 and not response.cache_control.no_cache, url


def test_an_asset_without_its_version_is_checked_again_every_time():
    response = CLIENT.get("/assets/referral_map.css", buffered=True)
    assert response.status_code == 200 and response.cache_control.no_cache


def test_the_page_and_its_data_are_never_kept():
    for path in ("/", "/_dash-layout", "/_dash-dependencies"):
        assert CLIENT.get(path).cache_control.max_age is None, path


@pytest.mark.parametrize("path", ["/handout?muscle=temporalis", "/handout?regions=temple", "/assets/referral_map.css",
                                  "/assets/handout.css", "/_dash-layout", "/study/_dash-dependencies"])
@pytest.mark.parametrize("encoding", ["zstd", "br", "gzip", "identity"])
def test_asking_again_with_the_etag_of_a_compressed_answer_gets_304(path, encoding):
    headers = {"Accept-Encoding": encoding}
    first = CLIENT.get(path, headers=headers, buffered=True)
    etag = first.headers["ETag"]
    assert first.status_code == 200 and etag.startswith('W/"') and not etag.endswith(':zstd"')
    again = CLIENT.get(path, headers={**headers, "If-None-Match": etag}, buffered=True)
    assert again.status_code == 304 and again.get_data() == b""


def test_another_handout_does_not_match_the_etag_of_the_first():
    etag = CLIENT.get("/handout?muscle=temporalis", headers={"Accept-Encoding": "zstd"}).headers["ETag"]
    other = CLIENT.get("/handout?regions=temple", headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["ETag"] != etag
    assert "temple" in other.get_data(as_text=True).lower()


@pytest.mark.parametrize("page", ["/", "/study/"])
def test_a_dash_page_is_the_same_for_every_load_and_a_browser_that_has_it_gets_304(page):
    plain = CLIENT.get(page, headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
    text = plain.get_data()
    assert b'id="_dash-config"' in text and b'"end_id":"' in text
    # the same page, whatever the address's query string and however it is encoded
    assert CLIENT.get(page + "?muscle=temporalis&side=left", headers={"Accept-Encoding": "identity"}).get_data() == text
    br = CLIENT.get(page, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert br.headers["Content-Encoding"] == "br" and brotli.decompress(br.get_data()) == text
    gz = CLIENT.get(page, headers={"Accept-Encoding": "gzip, br;q=0"})
    assert gz.headers["Content-Encoding"] == "gzip" and gzip.decompress(gz.get_data()) == text
    for answer in (plain, br, gz):
        assert answer.headers["ETag"] == plain.headers["ETag"] and answer.headers["ETag"].startswith('W/"')
        assert answer.cache_control.no_cache and "Accept-Encoding" in answer.headers["Vary"]
        assert "Content-Security-Policy" in answer.headers
    again = CLIENT.get(page, headers={"Accept-Encoding": "br", "If-None-Match": plain.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""


@pytest.mark.parametrize("why", ["a background callback", "--debug"])
def test_a_page_that_must_differ_per_load_is_written_afresh_each_time(why):
    """Dash's token per page load guards background callbacks; under --debug the page follows
    the files as they change. Either way the page is not kept."""
    from dash import html

    from components.security import PrivateDash

    app = PrivateDash(__name__, serve_locally=True)
    app.layout = html.Div()
    if why == "--debug":
        app.enable_dev_tools(debug=True, dev_tools_hot_reload=True)
    with app.server.test_request_context("/"):
        app.server.preprocess_request()
        if why == "a background callback":
            app.callback_map["out.children"] = {"background": {"interval": 1000}}
        first, second = app.index(), app.index()
    tokens = [re.search(r'"end_id":"([^"]+)"', page).group(1) for page in (first, second)]
    assert tokens[0] != tokens[1]


@pytest.mark.parametrize("header, expected", [
    ("gzip, deflate, br, zstd", "br"),  # Chromium
    ("gzip, deflate, br", "br"),  # Safari, Firefox
    ("gzip, deflate", "gzip"),
    ("br;q=0, gzip;q=0.5", "gzip"),
    ("br;q=0, gzip;q=0", "identity"),
    ("*", "br"),
    ("*;q=0", "identity"),
    ("gzip;q=zero", "identity"),  # an unreadable weight counts as a refusal
    ("", "identity"),
    ("identity", "identity"),
    ("BR", "br"),
    ("gzip;q=1;level=9", "gzip"),  # a parameter beside the weight
    ("br;level=1;q=0, gzip", "gzip"),
])
def test_the_encoding_of_a_kept_page_follows_the_browsers_preferences(header, expected):
    assert choose_encoding(header) == expected
