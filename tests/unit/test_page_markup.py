"""Dash components written as markup (components/markup.py), for the blocks the browser puts in
the page itself (the details panel)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from dash import dcc, html

from app import create_app
from components import ids
from components.details import render_details
from components.markup import from_components
from referral import Selection
from tests.conftest import run_callback
from tests.unit.test_details import text_of

CLIENT = create_app().server.test_client()


def show_details(selection_data) -> str:
    """The panel's markup as the server sends it for a selection the browser reports."""
    answer = run_callback(CLIENT, [(ids.DETAILS_MARKUP, "data")], [(ids.SELECTION, "data", selection_data)])
    return answer[ids.DETAILS_MARKUP]["data"]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def shown_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    return " ".join(" ".join(parser.parts).split())


def test_components_become_elements_with_their_attributes_and_escaped_text():
    markup = from_components([
        html.Div([html.H2("A <b> & c", className="title big"),
                  html.Button("✕", type="button", **{"data-pick": "region:temple:left", "aria-label": 'say "x"'})],
                 id="panel"),
        " and ", 3,
    ])
    assert markup == ('<div id="panel"><h2 class="title big">A &lt;b&gt; &amp; c</h2>'
                      '<button aria-label="say &quot;x&quot;" data-pick="region:temple:left" type="button">✕</button>'
                      '</div> and 3')


def test_a_selected_option_is_a_bare_attribute_and_an_unselected_one_has_none():
    markup = from_components(html.Select([html.Option("–", value="", selected=False),
                                          html.Option("8", value="8", selected=True)], className="s"))
    assert markup == '<select class="s"><option value="">–</option><option selected value="8">8</option></select>'


def test_only_html_components_can_be_written_as_markup():
    with pytest.raises(TypeError):
        from_components(html.Div(dcc.Store(id="s")))


def test_the_panel_markup_shows_the_same_text_as_the_panel_components(project_map):
    places = [["temple", "left", 8], ["occiput", "right", None]]
    for data, selection in (({"mode": "muscle", "muscle": "upper_trapezius", "side": "left"},
                             Selection("muscle", "upper_trapezius", side="left")),
                            ({"mode": "region", "places": places},
                             Selection.from_json({"mode": "region", "places": places}, project_map))):
        markup = show_details(data)
        assert isinstance(markup, str)
        assert shown_text(markup) == text_of(render_details(selection, project_map))


def test_hostile_text_in_a_selection_never_becomes_markup():
    markup = show_details({"mode": "muscle", "muscle": "<img src=x onerror=alert(1)>"})
    assert "<img" not in markup and "Tap a muscle" in markup
