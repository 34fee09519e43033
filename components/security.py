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
"""

from __future__ import annotations

from dash import Dash
from flask import jsonify, request
from flask_talisman import Talisman

SELF = "'self'"


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
    scripts are allowed too.
    """
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

    @app.server.before_request
    def check_callback_request():
        if request.path != path or request.method != "POST":
            return None
        problem = callback_request_problem(request.get_json(silent=True), app.callback_map)
        if problem:
            return jsonify({"error": f"malformed callback request: {problem}"}), 400
        return None


def callback_request_problem(body, callback_map) -> str | None:
    """What is wrong with a callback request's body, or None when it is well formed."""
    if not isinstance(body, dict):
        return "expected a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        return "unknown output"
    declared = callback_map[output]
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


class PrivateDash(Dash):
    """Dash, minus what its page configuration tells every visitor about the server.

    The front-end configuration names a version-check address on a Plotly host and the exact
    Python build. The version check only runs with dev tools on and the CSP would block it
    anyway; removing both keeps every page free of outside addresses and server details.
    """

    def _config(self):
        config = super()._config()
        config["dash_version_url"] = ""
        config["python_version"] = ""
        return config
