"""Browsers keep the files whose address carries their version, and only those."""

from __future__ import annotations

import re

import pytest

from app import create_app

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
