"""The handout's drawing: the selection lit, one side view and one muscle layer shown.

The main page's script chooses which side view and which layer of the back view to show
(assets/referral_map.js); the handout has no script for that, so the server makes the same
choice here and hides the other view and layer (for the PDF, drops them from the markup). For the PDF the drawing also
carries its own stylesheet: WeasyPrint styles an inline SVG only from a ``<style>`` inside it,
not from the page's stylesheets. That stylesheet is the drawing's rules of
assets/referral_map.css, with the colour variables written out (WeasyPrint's SVG renderer
does not know ``var()``), so the PDF is lit exactly like the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from referral import ReferralMap, highlight_for
from referral.markup import SVG_NAMESPACE, highlighted_markup
from referral.selection import SHOWN, Selection

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SURFACE, DEEP = "surface", "deep"
_VARIABLE = re.compile(r"var\(\s*(--[a-z0-9-]+)\s*\)")
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_INTERACTION = {"pointer-events", "cursor", "outline"}  # nothing to tap on paper


def shown_side(selection: Selection) -> str:
    """The side view to show: the side looked at, or the side of the last place marked."""
    if selection.mode in ("muscle", "nerve") and (selection.muscle or selection.nerve):
        return selection.side
    if selection.places:
        return selection.places[-1].side
    return selection.side


def shown_layer(muscle_ids: tuple[str, ...], drawing: str) -> str:
    """The back view's layer: the deep one when the first muscle named is drawn only there."""
    if not muscle_ids:
        return SURFACE
    first = muscle_ids[0]
    surface, _, deep = drawing.partition('data-layer="deep"')
    in_surface = f'data-muscle="{first}"' in surface.split('data-layer="surface"', 1)[-1]
    return DEEP if not in_surface and f'data-muscle="{first}"' in deep else SURFACE


def handout_drawing(drawing: str, selection: Selection, referral_map: ReferralMap, label: str,
                    muscle_ids: tuple[str, ...] = (), printed: bool = False) -> str:
    """The drawing's markup for a handout: lit for ``selection``, with the other side view and
    the other back layer hidden; with ``printed``, those and every shape never shown removed,
    and its stylesheet inside."""
    mode = "region" if selection.mode == "region" else selection.mode
    if selection.is_empty:
        mode = "muscle"
    markup = highlighted_markup(drawing, highlight_for(selection, referral_map), mode, label=label)
    root = ET.fromstring(markup)
    for element in root.iter():
        element.tag = element.tag.rpartition("}")[2]  # keep the plain tags, as highlighted_markup writes them
    root.attrib.setdefault("xmlns", SVG_NAMESPACE)
    side, layer = shown_side(selection), shown_layer(muscle_ids, drawing)
    hidden_view = "side-left" if side == "right" else "side-right"
    for parent in root.iter():
        for child in list(parent):
            if printed and _unseen(child, hidden_view, layer, mode):
                parent.remove(child)  # less for WeasyPrint to read and draw
            elif child.get("data-view") == hidden_view or child.get("data-layer") not in (None, layer):
                child.set("display", "none")  # on the page, kept with its classes, as the map keeps it
    if printed:
        style = ET.Element("style")
        style.text = drawing_stylesheet("#head-regions")
        root.insert(0, style)
    root.set("class", root.get("class", "") + f" is-{side}")
    return ET.tostring(root, encoding="unicode")


def _unseen(element: ET.Element, hidden_view: str, layer: str, mode: str) -> bool:
    """Whether the handout never shows this part of the drawing: the other side view, the other
    back layer, a trigger point not shown, a nerve outside the nerve view."""
    classes = element.get("class", "").split()
    return (element.get("data-view") == hidden_view or element.get("data-layer") not in (None, layer)
            or ("trigger-point" in classes and SHOWN not in classes)
            or ("nerve" in classes and mode != "nerve"))


@cache
def _variables() -> tuple[str, dict[str, str]]:
    """referral_map.css without comments and at-rules, and its ``:root`` colour variables."""
    css = re.sub(r"/\*.*?\*/", "", (ASSETS / "referral_map.css").read_text(encoding="utf-8"), flags=re.S)
    css = _without_at_rules(css)
    variables = {}
    for selectors, body in _RULE.findall(css):
        if selectors.strip() == ":root":
            for name, value in re.findall(r"(--[a-z0-9-]+)\s*:\s*([^;]+);", body):
                variables[name] = value.strip()
    return css, variables


def colour_variables() -> str:
    """The ``:root`` rule of referral_map.css alone: the colours, for the handout's stylesheet."""
    return ":root { " + " ".join(f"{name}: {value};" for name, value in _variables()[1].items()) + " }"


@cache
def drawing_stylesheet(scope: str) -> str:
    """The rules of referral_map.css for one drawing (``#head-regions``, or ``.swatch`` for the
    legend's marks), outside any media query and without interaction states, with every
    ``var(--name)`` replaced by its value, for a renderer without variables."""
    css, variables = _variables()
    rules = []
    for selectors, body in _RULE.findall(css):
        kept = [s.strip() for s in selectors.split(",") if s.strip().startswith(scope) and ":" not in s]
        declarations = [d.strip() for d in body.split(";")
                        if d.strip() and d.split(":")[0].strip() not in _INTERACTION]
        declarations = [part for d in declarations for part in _longhand(d)]
        if kept and declarations:
            body = _VARIABLE.sub(lambda m: variables.get(m[1], m[0]), "; ".join(declarations))
            rules.append(f"{', '.join(kept)} {{ {body} }}")
    return "\n".join(rules)


def _longhand(declaration: str) -> list[str]:
    """``font: 600 15px family`` as its three longhands: the SVG renderer reads no shorthand."""
    name, _, value = declaration.partition(":")
    match = re.fullmatch(r"\s*(?:(\d{3}|bold)\s+)?(\d+(?:\.\d+)?px)\s+(.+)", value)
    if name.strip() != "font" or not match:
        return [declaration]
    weight, size, family = match.groups()
    return [*([f"font-weight: {weight}"] if weight else []), f"font-size: {size}", f"font-family: {family.strip()}"]


def _without_at_rules(css: str) -> str:
    """The stylesheet without its ``@media`` (and other block at-rule) sections."""
    out, depth, i = [], 0, 0
    while i < len(css):
        if depth == 0 and css.startswith("@", i):
            depth_start = css.find("{", i)
            if depth_start < 0:
                break
            depth, i = 1, depth_start + 1
            while i < len(css) and depth:
                depth += {"{": 1, "}": -1}.get(css[i], 0)
                i += 1
            continue
        out.append(css[i])
        i += 1
    return "".join(out)
