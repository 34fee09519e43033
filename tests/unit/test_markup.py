"""The highlight written into the drawing's markup, and the same classes as JSON for the browser."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from referral import Selection, highlight_for
from referral.markup import highlighted_markup, paint_for
from referral.selection import Highlight, Place

DRAWING = (
    '<svg xmlns="http://www.w3.org/2000/svg" id="head-regions" viewBox="0 0 10 10">'
    '<g data-view="side-right">'
    '<g id="r-temple-right" class="region" data-region="temple" data-side="right"><title>Temple &amp; brow</title>'
    '<path class="shape" d="M0 0H1V1Z"/></g>'
    '<g id="r-temple-left" class="region" data-region="temple" data-side="left"><path class="shape" d="M0 0H1V1Z"/></g>'
    '<g id="r-occiput-right" class="region" data-region="occiput" data-side="right"><path class="shape" d="M0 0H1V1Z"/></g>'
    '<g id="m-temporalis-right" class="muscle deep" data-muscle="temporalis" data-side="right"><path class="shape" d="M0 0H2V2Z"/></g>'
    '<g id="m-temporalis-left" class="muscle deep" data-muscle="temporalis" data-side="left"><path class="shape" d="M0 0H2V2Z"/></g>'
    '<g id="m-upper_trapezius-right" class="muscle" data-muscle="upper_trapezius" data-side="right"><path d="M0 0H2V2Z"/></g>'
    '<g id="tp-temporalis_trp1-right" class="trigger-point" data-trigger-point="temporalis_trp1" data-side="right">'
    '<path d="M0 0L1 1"/></g>'
    "</g></svg>"
)


def classes_by_id(markup: str) -> dict[str, list[str]]:
    root = ET.fromstring(markup)
    out = {"<root>": root.get("class", "").split()}
    for element in root.iter():
        if element.get("id") and element is not root:
            out[element.get("id")] = element.get("class", "").split()
    return out


def test_a_muscle_on_the_right_lights_its_zones_and_marks_on_the_right_only(tiny_map):
    markup = highlighted_markup(DRAWING, highlight_for(Selection("muscle", "temporalis"), tiny_map), "muscle")
    classes = classes_by_id(markup)
    assert classes["<root>"] == ["mode-muscle", "has-selection"]
    assert classes["m-temporalis-right"] == ["muscle", "deep", "is-selected"]
    assert classes["m-temporalis-left"] == ["muscle", "deep"]
    assert classes["m-upper_trapezius-right"] == ["muscle"]
    assert classes["r-temple-right"] == ["region", "is-essential"]
    assert classes["r-temple-left"] == ["region"]
    assert classes["r-occiput-right"] == ["region"]
    assert classes["tp-temporalis_trp1-right"] == ["trigger-point", "is-shown"]


def test_a_marked_left_temple_lights_the_left_muscles(tiny_map):
    highlight = highlight_for(Selection("region", places=(Place("temple", "left"),)), tiny_map)
    classes = classes_by_id(highlighted_markup(DRAWING, highlight, "region"))
    assert classes["<root>"] == ["mode-region", "has-selection"]
    assert classes["r-temple-left"] == ["region", "is-selected"]
    assert classes["r-temple-right"] == ["region"]
    assert classes["m-temporalis-left"] == ["muscle", "deep", "is-referring"]
    assert classes["m-temporalis-right"] == ["muscle", "deep"]


def test_nothing_selected_changes_only_the_root():
    classes = classes_by_id(highlighted_markup(DRAWING, Highlight(), "muscle"))
    assert classes["<root>"] == ["mode-muscle"]
    assert classes["m-temporalis-right"] == ["muscle", "deep"]


def test_the_markup_stays_plain_svg_with_text_escaped_and_a_label():
    markup = highlighted_markup(DRAWING, Highlight(), "muscle", label='Diagram: "Temporalis" <highlighted>')
    assert markup.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "ns0" not in markup and "<title>Temple &amp; brow</title>" in markup
    assert 'aria-label="Diagram: &quot;Temporalis&quot; &lt;highlighted&gt;"' in markup
    assert 'role="img"' in markup


def test_the_browser_paint_lists_the_same_classes_as_the_markup(tiny_map):
    for selection, mode in (
        (Selection("muscle", "upper_trapezius"), "muscle"),
        (Selection("region", places=(Place("temple", "right"), Place("occiput", "right"))), "region"),
    ):
        highlight = highlight_for(selection, tiny_map)
        paint = paint_for(highlight, mode)
        classes = classes_by_id(highlighted_markup(DRAWING, highlight, mode))
        assert paint["root"] == classes["<root>"]
        for element in ET.fromstring(DRAWING).iter():
            for attribute, kind in (("data-muscle", "muscle"), ("data-region", "region"), ("data-trigger-point", "point")):
                if attribute in element.attrib:
                    painted = paint["classes"].get(f"{kind}:{element.get(attribute)}:{element.get('data-side')}", [])
                    written = [c for c in classes[element.get("id")] if c.startswith("is-")]
                    assert painted == written, (element.get("id"), painted, written)


def test_the_browser_paint_names_every_state_class_so_the_script_can_clear_them():
    paint = paint_for(Highlight(), "nerve")
    assert paint["root"] == ["mode-nerve"] and paint["classes"] == {}
    # the state classes of referral/selection.py, written out by hand, in sorted order
    assert paint["states"] == ["is-essential", "is-marked", "is-referring", "is-related", "is-selected",
                               "is-shown", "is-spillover", "is-territory", "is-territory-part"]


def test_an_element_outside_the_svg_namespace_keeps_its_name():
    drawing = '<svg xmlns="http://www.w3.org/2000/svg"><metadata xmlns="">drawn by hand</metadata></svg>'
    markup = highlighted_markup(drawing, Highlight(), "muscle")
    assert "<metadata>drawn by hand</metadata>" in markup
