"""The page: the top bar, the diagram as the hero, and beside it the list and the details.

The top bar, the diagram and the list are static markup in the page's HTML (``page_template``),
so the diagram is drawn and answers taps before Dash has started; Dash renders the part the
server fills in (``create_layout``): the notice about the address and the details panel.
"""

from __future__ import annotations

from pathlib import Path

from dash import ClientsideFunction, Dash, Input, html

from components import ids
from components.controls import render_controls
from components.data import Content
from components.details import create_details, register_details
from components.diagram import render_diagram
from components.evidence import register_evidence
from components.holder import Holder
from components.notice import create_notice, register_notice
from components.picker import render_picker
from referral import Selection

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
{%metas%}
<title>{%title%}</title>
{%favicon%}
{%css%}
</head>
<body>
<div class="app-shell">
CONTROLS
<main class="workspace">
DIAGRAM
<div class="side-panel">
PICKER
SCRIPTS
{%app_entry%}
</div>
</main>
</div>
<footer>
{%config%}
{%scripts%}
{%renderer%}
</footer>
</body>
</html>"""


ASSETS = Path(__file__).resolve().parent.parent / "assets"
# The browser script and the rules it applies. They come right after the blocks they answer
# for, not among Dash's scripts at the end of the page (app.py leaves them out there): the map
# answers taps once the page's HTML, its stylesheets and these two small files are in, without
# waiting for Dash's 300 kB of scripts to arrive and run. On a slow link or a slow tablet that
# wait was most of the time before the first tap could be answered (BENCHMARKS.md).
EARLY_SCRIPTS = ("referral_core.js", "referral_map.js")


def render_early_scripts(prefix: str = "/assets/") -> str:
    """The early scripts' tags, each address carrying the file's modification time as Dash
    writes it, so that browsers keep them as they keep Dash's own (components/caching.py)."""
    return "".join(f'<script src="{prefix}{name}?m={(ASSETS / name).stat().st_mtime}"></script>'
                   for name in EARLY_SCRIPTS)


def page_template(content: Content) -> str:
    """The page's HTML with its static blocks in place and Dash's placeholders around them."""
    return (PAGE.replace("CONTROLS", render_controls(), 1)
            .replace("DIAGRAM", render_diagram(content.referral_map, content.drawing_inline), 1)
            .replace("PICKER", render_picker(content.referral_map, content.search_terms), 1)
            .replace("SCRIPTS", render_early_scripts(), 1))


def create_layout(content: Content) -> html.Div:
    """What Dash renders: the selection, the notice and the details. Every id exists from the
    start, so callbacks are checked at start-up. No component of Dash's core set is used, so
    the page does without its scripts (components/holder.py)."""
    return html.Div(
        [
            Holder(id=ids.SELECTION, data=Selection().to_json()),
            create_notice(),
            create_details(content.referral_map),
        ],
        className="dash-part",
    )


def register_callbacks(app: Dash, content: Content) -> None:
    """The page's callbacks, on ``app``: the browser script's connection, the address, the
    details panel and the evidence block."""
    app.clientside_callback(
        ClientsideFunction(namespace="referral", function_name="connect"),
        Input(ids.SELECTION, "data"),
    )
    register_notice(app, content.referral_map)
    register_details(app, content.referral_map)
    register_evidence(app, content.guidance, content.referral_map)
