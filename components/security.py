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


def secure(app: Dash) -> Talisman:
    """Add the security headers to every response of ``app``; call after all callbacks exist."""
    return Talisman(
        app.server,
        content_security_policy=content_security_policy(app.csp_hashes()),
        force_https=False,
        strict_transport_security=False,
        session_cookie_secure=False,
        frame_options="DENY",
        referrer_policy="no-referrer",
        permissions_policy={"camera": "()", "microphone": "()", "geolocation": "()", "payment": "()", "usb": "()"},
    )
