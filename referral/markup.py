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

from referral.selection import CLASSES, Highlight, Kind, Mode

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
HAS_SELECTION = "has-selection"
KIND_ATTRIBUTES: tuple[tuple[str, Kind], ...] = (
    ("data-muscle", "muscle"),
    ("data-region", "region"),
    ("data-nerve", "nerve"),
    ("data-trigger-point", "point"),
)


def root_classes(highlight: Highlight, mode: Mode) -> tuple[str, ...]:
    """The classes of the drawing's root: its mode, and whether anything is lit."""
    return (f"mode-{mode}", HAS_SELECTION) if highlight.is_lit else (f"mode-{mode}",)


def element_classes(attributes: dict[str, str], highlight: Highlight) -> frozenset[str]:
    """The state classes of one element of the drawing, read from its data attributes."""
    for attribute, kind in KIND_ATTRIBUTES:
        if attribute in attributes:
            return highlight.classes_of(kind, attributes[attribute], attributes.get("data-side", ""))
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

    ``{"root": [...], "classes": {"kind:id:side": [...]}, "states": [...]}``; elements without
    classes are left out, so the script clears every class it does not find; ``states`` names
    every state class there is, so the script knows which to clear.
    """
    return {"root": list(root_classes(highlight, mode)), **highlight.to_json(), "states": sorted(CLASSES.values())}


def _add_classes(element: ET.Element, names) -> None:
    existing = element.get("class", "").split()
    element.set("class", " ".join(existing + [name for name in names if name not in existing]))
