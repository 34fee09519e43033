"""The highlight as classes on the drawing: for pages the server draws whole, and for the browser.

The main page's browser script puts state classes on the inlined drawing (assets/
referral_map.js). Pages without that script use the same classes, computed here from a
``Highlight``: ``highlighted_markup`` returns the drawing's markup with the classes written in
(the printable handout), and ``paint_for`` returns them as plain JSON for a small script to
apply (the study page). Class names are the ones ``referral.selection`` defines. No Dash imports
here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from referral.selection import Highlight, Mode

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
ROOT_MODE = {"muscle": "mode-muscle", "region": "mode-region"}
HAS_SELECTION = "has-selection"


def root_classes(highlight: Highlight, mode: Mode) -> tuple[str, ...]:
    """The classes of the drawing's root: its mode, and whether anything is lit."""
    lit = any((highlight.selected_muscles, highlight.selected_regions, highlight.essential, highlight.spillover,
               highlight.referring))
    return (ROOT_MODE[mode], HAS_SELECTION) if lit else (ROOT_MODE[mode],)


def element_classes(attributes: dict[str, str], highlight: Highlight) -> frozenset[str]:
    """The state classes of one element of the drawing, read from its data attributes."""
    if "data-muscle" in attributes:
        return highlight.muscle_classes(attributes["data-muscle"])
    if "data-region" in attributes:
        return highlight.region_classes(attributes["data-region"])
    if "data-trigger-point" in attributes:
        return highlight.trigger_point_classes(attributes["data-trigger-point"])
    return frozenset()


def highlighted_markup(markup: str, highlight: Highlight, mode: Mode, label: str | None = None) -> str:
    """The drawing's SVG markup with the highlight's classes on its root and on every shape.

    ``markup`` is the drawing as inlined in pages (one ``<svg>`` element in the SVG namespace,
    already checked by ``read_drawing``). Existing classes are kept; ``label`` becomes the
    drawing's accessible name. The drawing itself is never changed.
    """
    root = ET.fromstring(markup)
    for element in root.iter():
        # Plain tag names and one xmlns on the root, as the drawing was written: ElementTree
        # would otherwise invent "ns0:" prefixes, which an HTML page does not understand.
        element.tag = element.tag.rpartition("}")[2]
    root.attrib = {"xmlns": SVG_NAMESPACE, **root.attrib}
    _add_classes(root, root_classes(highlight, mode))
    if label is not None:
        root.set("role", "img")
        root.set("aria-label", label)
    for element in root.iter():
        classes = element_classes(element.attrib, highlight)
        if classes:
            _add_classes(element, sorted(classes))
    return ET.tostring(root, encoding="unicode")


def paint_for(highlight: Highlight, mode: Mode) -> dict:
    """The same classes as plain JSON, for a browser script to put on an inlined drawing.

    ``{"root": [...], "muscle": {id: [...]}, "region": {id: [...]}, "mark": {id: [...]}}``;
    ids without classes are left out, so the script clears every class it does not find.
    """
    muscles = highlight.selected_muscles | highlight.referring
    regions = highlight.selected_regions | highlight.essential | highlight.spillover

    def table(ids, classes_of) -> dict:
        return {item: sorted(classes_of(item)) for item in sorted(ids) if classes_of(item)}

    return {
        "root": list(root_classes(highlight, mode)),
        "muscle": table(muscles, highlight.muscle_classes),
        "region": table(regions, highlight.region_classes),
        "mark": table(highlight.trigger_points, highlight.trigger_point_classes),
    }


def _add_classes(element: ET.Element, names) -> None:
    existing = element.get("class", "").split()
    element.set("class", " ".join(existing + [name for name in names if name not in existing]))
