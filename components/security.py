"""Response headers that keep the app to its own origin (flask-talisman).

Content-Security-Policy: everything from the app's own origin only. The exceptions Dash needs,
each for a reason:

- ``script-src`` adds the hash of Dash's one inline start-up script (``new DashRenderer()``),
  computed by ``app.csp_hashes()``; no other inline script is allowed and no ``eval``.
- ``style-src`` adds ``'unsafe-inline'`` because Dash's own component bundles install their
  stylesheets as ``<style>`` elements when they load. Styles cannot run code; scripts stay
  locked to the app's own files.
- ``img-src`` allows ``data:`` because Bootstrap draws small control icons as inline data URIs.

Also: ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``, framing refused
(``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``), and a Permissions-Policy that
turns off sensors the app never uses. HTTPS is left to the clinic's reverse proxy, so the app
does not redirect or send HSTS itself.

Requests the app's own pages never send are refused before they reach Dash
(``guard_callback_requests``, ``guard_static_paths``): a callback body too large, too deeply
nested or of the wrong shape gets a short 400, an odd address under the script and asset folders
a 404, and a redirect never names the host the client claimed to be.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit, urlunsplit

from dash import Dash
from dash.exceptions import DependencyException
from flask import Flask, Response, jsonify, request
from flask_talisman import Talisman
from markupsafe import escape
from werkzeug.exceptions import HTTPException, InternalServerError, NotFound

from components.caching import PageCache

SELF = "'self'"
# The largest request body accepted. The app's pages send only callback requests, a few kB at
# most (the study quiz's state is the largest); 256 kB leaves room and keeps a hostile body from
# being read and parsed. The production server refuses larger bodies before the app sees them.
MAX_BODY_BYTES = 256 * 1024
# The deepest nesting a callback body may have. Dash's own bodies stay under 10 levels; JSON
# nested thousands of levels deep exhausts Python's recursion limit while it is parsed or used.
MAX_DEPTH = 32
STATIC_FOLDERS = ("_dash-component-suites/", "assets/")
LOG = logging.getLogger(__name__)


def content_security_policy(script_hashes) -> dict:
    return {
        "default-src": SELF,
        "script-src": [SELF, *script_hashes],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": SELF,
        "connect-src": SELF,
        "object-src": "'none'",
        "base-uri": SELF,
        "form-action": SELF,
        "frame-ancestors": "'none'",
    }


def secure(app: Dash, *mounted: Dash) -> Talisman:
    """Add the security headers to every response of ``app``'s server; call after all callbacks exist.

    ``mounted`` are further Dash apps on the same server (the study page): their inline start-up
    scripts are allowed too. Also refuses odd script and asset addresses and keeps redirects
    relative, for every app on the server (``guard_static_paths``).
    """
    guard_static_paths(app.server)
    hashes = dict.fromkeys(h for each in (app, *mounted) for h in each.csp_hashes())
    return Talisman(
        app.server,
        content_security_policy=content_security_policy(list(hashes)),
        force_https=False,
        strict_transport_security=False,
        session_cookie_secure=False,
        frame_options="DENY",
        referrer_policy="no-referrer",
        permissions_policy={"camera": "()", "microphone": "()", "geolocation": "()", "payment": "()", "usb": "()"},
    )


def guard_callback_requests(app: Dash) -> None:
    """Refuse malformed callback requests with a short 400 before Dash handles them.

    Dash trusts the shape of what its own front end sends; a hand-made request with a missing
    field or an unknown output would otherwise end in a 500. Well-formed requests pass through
    untouched.
    """
    path = app.config.routes_pathname_prefix + "_dash-update-component"
    # Flask's own limit, for any server in front of it (``python app.py`` included): a longer
    # body gets 413 before it is read.
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES

    @app.server.before_request
    def check_callback_request():
        if request.path != path or request.method != "POST":
            return None
        problem: str | None
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # the parser itself gives up on very deep nesting
            body, problem = None, "nested too deeply"
        else:
            problem = callback_request_problem(body, app.callback_map)
        if problem:
            return jsonify({"error": f"malformed callback request: {problem}"}), 400
        return None

    app.server.register_error_handler(Exception, refuse_failed_callbacks)


def refuse_failed_callbacks(error: Exception):
    """Answer 400 when a callback fails on a request that passed the checks; other failures stay 500.

    Dash's front end only sends values its components produce; a callback that fails on a
    hand-made value (a number where a list belongs) is the request's fault, not the server's.
    The failure is logged with its traceback, and the client gets no details.
    """
    if isinstance(error, HTTPException):
        return error
    if request.path.endswith("/_dash-update-component"):
        LOG.warning("callback request refused: the callback failed on it", exc_info=error)
        return jsonify({"error": "malformed callback request: the callback cannot use these values"}), 400
    LOG.error("request failed: %s %s", request.method, request.path, exc_info=error)
    return InternalServerError()


def callback_request_problem(body, callback_map) -> str | None:
    """What is wrong with a callback request's body, or None when it is well formed."""
    if not isinstance(body, dict):
        return "expected a JSON object"
    if nesting_depth(body) > MAX_DEPTH:
        return "nested too deeply"
    output = body.get("output")
    # A callback run in the browser has no server-side function to call.
    if not isinstance(output, str) or "callback" not in callback_map.get(output, {}):
        return "unknown output"
    declared = callback_map[output]
    problem = outputs_problem(body.get("outputs"), declared["output"])
    if problem:
        return problem
    for key in ("inputs", "state"):
        items = body.get(key, [])
        if not isinstance(items, list) or len(items) != len(declared.get(key, [])):
            return f"expected {len(declared.get(key, []))} {key}"
        # A pattern-matching input (ALL) arrives as a list of such items, one per match.
        flat = [part for item in items for part in (item if isinstance(item, list) else [item])]
        if not all(isinstance(item, dict) and "id" in item and "property" in item for item in flat):
            return f"every item of {key} needs an id and a property"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(item, str) for item in changed):
        return "changedPropIds must be a list of strings"
    return None


def outputs_problem(outputs, declared) -> str | None:
    """What is wrong with the ``outputs`` of a callback body, given the callback's declared output(s)."""
    if isinstance(declared, (list, tuple)):
        if not isinstance(outputs, list) or len(outputs) != len(declared):
            return f"expected a list of {len(declared)} outputs"
        items = outputs
    else:
        if not isinstance(outputs, dict):
            return "expected one output"
        items = [outputs]
    if not all(isinstance(item, dict) and isinstance(item.get("id"), (str, dict))
               and isinstance(item.get("property"), str) for item in items):
        return "every output needs an id and a property"
    return None


def nesting_depth(value) -> int:
    """How many lists and objects deep ``value`` goes (0 for a plain value), without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                break
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return deepest


def guard_static_paths(server: Flask) -> None:
    """Answer 404 for odd addresses of scripts and assets, and keep redirects on the client's own page.

    Under ``/_dash-component-suites/`` and ``/assets/`` (of every Dash app on the server) only
    plain relative file names are served: a path with a NUL, a backslash, a ``..`` segment, a
    percent sign left after decoding (a doubly encoded address) or bytes that are not UTF-8 is
    refused before Dash looks it up, and Dash's own refusal of an unknown script is a 404, not
    a 500. Redirects (``/study`` to ``/study/``) are made relative, because Werkzeug builds an
    absolute address from the Host header the client sent.
    """

    @server.before_request
    def refuse_odd_static_paths():
        path = request.path
        if any(f"/{folder}" in path for folder in STATIC_FOLDERS) and is_odd_path(path):
            return NotFound()
        return None

    @server.after_request
    def relative_redirects(response: Response) -> Response:
        location = response.headers.get("Location")
        if location:
            parts = urlsplit(location)
            if parts.scheme or parts.netloc:
                relative = urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
                response.headers["Location"] = relative
                # Werkzeug's page for the redirect repeats the absolute address: replace it too.
                response.set_data(f'<!doctype html>\n<title>Redirecting</title>\n<a href="{escape(relative)}">'
                                  f"{escape(relative)}</a>\n")
        return response

    server.register_error_handler(DependencyException, lambda _error: NotFound())


def is_odd_path(path: str) -> bool:
    """True for a path no file of the app has: NUL, backslash, '..' segment, '%', undecodable bytes."""
    if any(char in path for char in ("\x00", "\\", "%", "\ufffd")) or not path.isascii():
        return True
    return ".." in path.split("/")


class PrivateDash(Dash):
    """Dash, minus what its page configuration tells every visitor about the server, and minus
    the script of a component the pages do not use.

    The front-end configuration names a version-check address on a Plotly host and the exact
    Python build. The version check only runs with dev tools on and the CSP would block it
    anyway; removing both keeps every page free of outside addresses and server details.
    """

    # Dash adds the DataTable's script to every page whether or not a page uses one; these
    # pages draw their tables as HTML, so it is left out (9 kB compressed of each first load).
    # A page that starts using dash_table.DataTable must take its address out of this list.
    UNUSED_SCRIPTS: tuple[str, ...] = ("/_dash-component-suites/dash/dash_table/",)
    # A page whose layout has no component of Dash's core set (``core_components=False``; the
    # map page holds its values in components/holder.py) leaves out that set's scripts, 470 kB,
    # and Babel's polyfill (core-js 2 and regenerator), 99 kB: the polyfill is for browsers older
    # than any this product supports, and its one use in Dash's scripts is loading core
    # components lazily (a dropdown, a graph). Together they were two thirds of the map page's
    # script and most of a slow tablet's wait for the panel (BENCHMARKS.md).
    CORE_SCRIPTS = ("/_dash-component-suites/dash/dcc/", "/_dash-component-suites/dash/deps/polyfill@")

    def __init__(self, *args, core_components: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self._core_components = core_components
        if not core_components:
            self.UNUSED_SCRIPTS = (*self.UNUSED_SCRIPTS, *self.CORE_SCRIPTS)
        self._page = PageCache()
        self._keep_page: bool | None = None  # decided on the first request (``index``)
        self._end_id: str | None = None

    def _config(self):
        config = super()._config()
        config["dash_version_url"] = ""
        config["python_version"] = ""
        # Dash signs a fresh token into every page it writes (``end_id``), to which it binds the
        # handles of background callbacks, so that one page load cannot use another's. An app
        # without background callbacks has nothing the token guards: one per server, signed the
        # same way, lets its page be written once for every visitor (``PageCache``).
        if self._keep_page:
            if self._end_id is None:
                self._end_id = config["end_id"]
            config["end_id"] = self._end_id
        return config

    def index(self, *args, **kwargs):
        if self._keep_page is None:
            self._check_layout()
            self._keep_page = self._page_is_the_same_for_everyone()
        if not self._keep_page:
            return super().index(*args, **kwargs)
        return self._page.respond(lambda: super(PrivateDash, self).index(*args, **kwargs))

    def _check_layout(self) -> None:
        """Refuse a layout with a core component on a page served without their scripts: the
        browser would only say that it does not know the component."""
        if self._core_components:
            return
        core = [item for item in _components_of(self.layout) if item._namespace == "dash_core_components"]
        if core:
            raise RuntimeError(f"the layout uses {core[0]._type} but this page is served without Dash's core components")

    def _page_is_the_same_for_everyone(self) -> bool:
        """Whether Dash writes this app's page alike for every request: not under ``--debug``
        (the page follows the files as they change), not with Dash's multi-page routing or an
        index hook (either may depend on the request), not with background callbacks (they
        need their token per page load)."""
        if self._dev_tools.hot_reload or self.use_pages or self._hooks.get_hooks("index"):
            return False
        return not any(callback.get("background") for callback in self.callback_map.values())

    def _generate_scripts_html(self) -> str:
        tags = super()._generate_scripts_html().split("\n")
        return "\n".join(tag for tag in tags if not any(address in tag for address in self.UNUSED_SCRIPTS))


def _components_of(layout) -> list:
    """Every component of a layout (a component, a list of them, or a function returning
    either), the top ones included."""
    roots = layout() if callable(layout) else layout
    roots = roots if isinstance(roots, (list, tuple)) else [roots]
    return [item for root in roots if root is not None for item in (root, *root._traverse())]
