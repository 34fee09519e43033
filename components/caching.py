"""Cache headers for files whose address changes whenever the file does.

Dash writes every asset into the page with its modification time in the address
(``/assets/referral_map.css?m=1795...``) and the favicon with its own version (``?v=4.4.1``),
so a browser may keep those answers for a year: a changed file gets a new address. Flask's
default is ``Cache-Control: no-cache``, and because the compressed answer's ETag no longer
matches the file's, asking again always got the whole file back: every opening of the page
downloaded the stylesheets and the script again (BENCHMARKS.md, page loads). Addresses
without a version, such as the handout page's links, keep Flask's default.

Revalidation must work after compression too. Flask-Compress appends the encoding to a strong
ETag (``"…:zstd"``) but Flask has already compared the browser's ``If-None-Match`` with the
file's own ETag, so a compressed file never got its 304. Every ETag is therefore made weak
(``W/"…"``): the same content whatever the encoding, which is what a weak validator means, and
the compressor leaves weak ETags alone. The handout and Dash's layout and dependencies get an
ETag from their content, so that asking again answers 304 when nothing changed; they are never
kept without asking (``no-cache``).

Dash's own pages (the map, the study page) are the same for every visitor while the server
runs (``PageCache``; ``components/security.py`` explains the one token Dash signs into them):
each is written once, compressed once per encoding, and answered 304 when the browser has it.
Writing and compressing the map's 290 kB page took 9 ms of the server's time per load.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections.abc import Callable

import brotli
from dash import Dash
from flask import Response, request

ONE_YEAR = 365 * 24 * 3600
PAGE_TYPES = ("text/html", "application/json")


def is_versioned(endpoint: str | None, path: str, args) -> bool:
    """True for an asset addressed with its modification time, or the favicon with its version."""
    if endpoint and endpoint.endswith("dash_assets.static"):
        return "m" in args
    return path.endswith("/_favicon.ico") and "v" in args


def cache_versioned_files(app: Dash) -> None:
    """Let browsers keep the versioned files of every Dash app on ``app``'s server for a year."""

    @app.server.after_request
    def add_cache_headers(response: Response) -> Response:
        if request.method not in ("GET", "HEAD") or response.status_code not in (200, 304):
            return response
        etag, weak = response.get_etag()
        if etag and not weak:
            response.set_etag(etag, weak=True)
        if response.status_code != 200:
            return response
        if is_versioned(request.endpoint, request.path, request.args):
            response.cache_control.no_cache = None
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR
        elif (etag is None and not response.is_streamed and response.mimetype in PAGE_TYPES
              and not is_dash_page(request.endpoint)):
            response.set_etag(content_tag(response.get_data()), weak=True)
            response.cache_control.no_cache = True
            response.make_conditional(request)
        return response


def is_dash_page(endpoint: str | None) -> bool:
    """True for the endpoints of Dash's index pages (``/``, ``/study/`` and the paths below them),
    which carry their own ETag when kept (``PageCache``) and differ on every load when not
    (under ``--debug``), so they get none here."""
    return endpoint is None or endpoint.endswith(("/", "<path:path>"))


def content_tag(body: bytes) -> str:
    """A short fingerprint of a response body, for its ETag."""
    return hashlib.blake2b(body, digest_size=16).hexdigest()


# Compressed once per server, so at the strongest settings: brotli's quality 11 makes the map's
# page 47 kB where the per-response level 4 made it 63 kB (about 0.5 s, once, on the first load).
BROTLI_QUALITY = 11
GZIP_LEVEL = 9
ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "br": lambda body: brotli.compress(body, quality=BROTLI_QUALITY),
    "gzip": lambda body: gzip.compress(body, GZIP_LEVEL, mtime=0),
    "identity": lambda body: body,
}


def choose_encoding(accept_encoding: str) -> str:
    """The encoding to send for an ``Accept-Encoding`` header: brotli, else gzip, else none;
    a coding the browser gives ``q=0`` (or a weight that cannot be read) is refused, a ``*``
    stands for any other. (A browser that takes neither gets the page as it is, which the
    app's compressor may then encode in a coding it has, as it does any other answer.)"""
    quality: dict[str, float] = {}
    for part in accept_encoding.lower().split(","):
        coding, *parameters = (piece.strip() for piece in part.split(";"))
        value = 1.0
        for parameter in parameters:
            name, _, number = parameter.partition("=")
            if name.strip() == "q":
                try:
                    value = float(number)
                except ValueError:
                    value = 0.0
        if coding:
            quality[coding] = value
    for coding in ("br", "gzip"):
        if quality.get(coding, quality.get("*", 0.0)) > 0:
            return coding
    return "identity"


class PageCache:
    """A Dash page written once (``render``, on the first request) and kept in each encoding a
    browser has asked for, with a weak ETag from its text, so that a returning browser that has
    it gets a 304."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._text: bytes | None = None
        self._tag = ""
        self._bodies: dict[str, bytes] = {}

    def respond(self, render: Callable[[], str]) -> Response:
        coding = choose_encoding(request.headers.get("Accept-Encoding", ""))
        with self._lock:  # the first requests wait for the one writing it
            if self._text is None:
                self._text = render().encode("utf-8")
                self._tag = content_tag(self._text)
            body = self._bodies.get(coding)
            if body is None:
                body = self._bodies[coding] = ENCODERS[coding](self._text)
        response = Response(body, mimetype="text/html")
        if coding != "identity":
            response.headers["Content-Encoding"] = coding  # so the compressor leaves it alone
        response.vary.add("Accept-Encoding")
        response.set_etag(self._tag, weak=True)
        response.cache_control.no_cache = True
        response.make_conditional(request)  # a 304 without a body when the browser has this page
        return response
