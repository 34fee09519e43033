"""The highlight written into the drawing's markup, and the same classes as JSON for the browser."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from referral import Selection, highlight_for
from referral.markup import highlighted_markup, paint_for
from referral.selection import Highlight

NS = "{http://www.w3.org/2000/svg}"
DRAWING = (
    '<svg xmlns="http://www.w3.org/2000/svg" id="head-regions" viewBox="0 0 10 10">'
    '<g data-view="side">'
    '<g id="side-region-temple" class="region" data-region="temple"><title>Temple &amp; brow</title>'
    '<path class="shape" d="M0 0H1V1Z"/></g>'
    '<g id="side-region-occiput" class="region" data-region="occiput"><path class="shape" d="M0 0H1V1Z"/></g>'
    '<g id="side-muscle-temporalis" class="muscle deep" data-muscle="temporalis"><path class="shape" d="M0 0H2V2Z"/></g>'
    '<g id="side-muscle-upper_trapezius" class="muscle" data-muscle="upper_trapezius"><path d="M0 0H2V2Z"/></g>'
    '<g id="side-tp-temporalis-1" class="trigger-point" data-trigger-point="temporalis"><path d="M0 0L1 1"/></g>'
    "</g></svg>"
)


def classes_by_id(markup: str) -> dict[str, list[str]]:
    root = ET.fromstring(markup)
    out = {"<root>": root.get("class", "").split()}
    for element in root.iter():
        if element.get("id") and element is not root:
            out[element.get("id")] = element.get("class", "").split()
    return out


def test_a_selected_muscle_lights_its_zones_and_marks_on_the_markup(tiny_map):
    markup = highlighted_markup(DRAWING, highlight_for(Selection("muscle", "temporalis"), tiny_map), "muscle")
    classes = classes_by_id(markup)
    assert classes["<root>"] == ["mode-muscle", "has-selection"]
    assert classes["side-muscle-temporalis"] == ["muscle", "deep", "is-selected"]
    assert classes["side-muscle-upper_trapezius"] == ["muscle"]
    assert classes["side-region-temple"] == ["region", "is-essential"]
    assert classes["side-region-occiput"] == ["region"]
    assert classes["side-tp-temporalis-1"] == ["trigger-point", "is-shown"]


def test_marked_regions_light_the_referring_muscles_in_region_mode(tiny_map):
    highlight = highlight_for(Selection("region", None, ("temple",)), tiny_map)
    classes = classes_by_id(highlighted_markup(DRAWING, highlight, "region"))
    assert classes["<root>"] == ["mode-region", "has-selection"]
    assert classes["side-region-temple"] == ["region", "is-selected"]
    assert "is-referring" in classes["side-muscle-temporalis"]
    assert "is-referring" in classes["side-muscle-upper_trapezius"]


def test_nothing_selected_changes_only_the_root(tiny_map):
    markup = highlighted_markup(DRAWING, Highlight(), "muscle")
    classes = classes_by_id(markup)
    assert classes["<root>"] == ["mode-muscle"]
    assert classes["side-muscle-temporalis"] == ["muscle", "deep"]


def test_the_markup_stays_plain_svg_with_text_escaped_and_a_label(tiny_map):
    markup = highlighted_markup(DRAWING, Highlight(), "muscle", label='Diagram: "Temporalis" <highlighted>')
    assert markup.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "ns0" not in markup and "<title>Temple &amp; brow</title>" in markup
    assert 'aria-label="Diagram: &quot;Temporalis&quot; &lt;highlighted&gt;"' in markup
    assert 'role="img"' in markup


def test_the_browser_paint_lists_the_same_classes_as_the_markup(tiny_map):
    for selection, mode in ((Selection("muscle", "upper_trapezius"), "muscle"),
                            (Selection("region", None, ("temple", "occiput")), "region")):
        highlight = highlight_for(selection, tiny_map)
        paint = paint_for(highlight, mode)
        classes = classes_by_id(highlighted_markup(DRAWING, highlight, mode))
        assert paint["root"] == classes["<root>"]
        root = ET.fromstring(DRAWING)
        for element in root.iter():
            for attribute, kind in (("data-muscle", "muscle"), ("data-region", "region"),
                                    ("data-trigger-point", "mark")):
                if attribute in element.attrib:
                    painted = paint[kind].get(element.get(attribute), [])
                    written = [c for c in classes[element.get("id")] if c.startswith("is-")]
                    assert painted == written, (element.get("id"), painted, written)
