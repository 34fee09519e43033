"""The handout's drawing: which side view and layer it shows, and the stylesheet it carries into the PDF."""

from __future__ import annotations

from components.handout_drawing import _longhand, _without_at_rules, drawing_stylesheet, shown_layer, shown_side
from referral.selection import Place, Selection


def test_the_side_view_follows_the_side_looked_at_or_the_last_place_marked():
    assert shown_side(Selection("muscle", "temporalis", side="left")) == "left"
    assert shown_side(Selection("nerve", nerve="ophthalmic", side="left")) == "left"
    assert shown_side(Selection("region", places=(Place("temple", "left"), Place("ear", "right")))) == "right"
    assert shown_side(Selection()) == "right"


def test_the_back_view_shows_the_deep_layer_only_for_a_muscle_drawn_only_there():
    drawing = ('<g data-layer="surface"><g data-muscle="upper_trapezius"/></g>'
               '<g data-layer="deep"><g data-muscle="suboccipitals"/><g data-muscle="upper_trapezius"/></g>')
    assert shown_layer(("suboccipitals",), drawing) == "deep"
    assert shown_layer(("upper_trapezius", "suboccipitals"), drawing) == "surface"
    assert shown_layer((), drawing) == "surface"


def test_the_pdfs_stylesheet_has_the_colours_written_out_and_no_interaction_rules():
    css = drawing_stylesheet("#head-regions")
    # referral_map.css by hand: --essential is #c8384f; essential zones are filled with it
    assert "#head-regions .region.is-essential .shape { fill: #c8384f;" in css
    assert "var(" not in css and "pointer-events" not in css and ":focus" not in css
    assert "font-size: 15px" in css and "font:" not in css
    swatches = drawing_stylesheet(".swatch")
    assert ".swatch .sw-essential { fill: #c8384f }" in swatches and "#head-regions" not in swatches


def test_font_shorthands_become_longhands_and_media_queries_are_dropped():
    assert _longhand("font: 600 15px system-ui, sans-serif") == [
        "font-weight: 600", "font-size: 15px", "font-family: system-ui, sans-serif"]
    assert _longhand("fill: red") == ["fill: red"]
    assert _without_at_rules("a { x: 1 } @media (max-width: 9px) { b { y: 2 } } c { z: 3 }") == "a { x: 1 }  c { z: 3 }"
