"""Building the page's static HTML: the blocks that need no server after the page has loaded.

The top bar, the diagram and the list are plain markup in the page itself, so the diagram is
drawn and answers taps as soon as the page's HTML and the browser script are in, before Dash has
started; Dash renders only what the server fills in (the notice and the details panel).
Every text and attribute value is escaped here; ``content`` arguments are markup already built
with these functions.
"""

from __future__ import annotations

from html import escape


def tag(name: str, content: str = "", /, **attributes) -> str:
    """An element; attribute names use ``_`` for ``-`` (``data_mode`` -> ``data-mode``), and
    ``class_`` for ``class``. ``True`` writes a bare attribute; ``None`` and ``False`` leave it out."""
    parts = [name]
    for key, value in attributes.items():
        if value is None or value is False:
            continue
        key = key.rstrip("_").replace("_", "-")
        parts.append(key if value is True else f'{key}="{escape(str(value), quote=True)}"')
    return f"<{' '.join(parts)}>{content}</{name}>"


def text(value: str) -> str:
    """Text content, escaped."""
    return escape(value, quote=False)


# Dash's own bookkeeping props, which are not attributes of the element.
_NOT_ATTRIBUTES = frozenset({"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "key",
                             "loading_state", "setProps"})
_RENAMED = {"className": "class", "htmlFor": "for", "tabIndex": "tabindex", "colSpan": "colspan",
            "rowSpan": "rowspan"}
_VOID = frozenset({"area", "br", "col", "hr", "img", "input", "wbr"})


def from_components(node) -> str:
    """Dash html components (one, a list, text or numbers, nested) as the markup they render.

    For a block the browser script puts in the page itself instead of Dash rendering it
    component by component. Only ``dash.html`` components are accepted (a component with its
    own script would not work as markup); every text and attribute value is escaped.
    """
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, str):
        return text(node)
    if isinstance(node, (int, float)):
        return text(str(node))
    if isinstance(node, (list, tuple)):
        return "".join(from_components(child) for child in node)
    if getattr(node, "_namespace", None) != "dash_html_components":
        raise TypeError(f"only dash.html components can be written as markup, not {type(node).__name__}")
    name = node._type.lower()
    attributes = {}
    # In name order: Dash keeps data-* and aria-* props in a set, so its own order varies by process.
    for prop, value in sorted(node.to_plotly_json()["props"].items()):
        if prop in _NOT_ATTRIBUTES:
            continue
        if prop == "style":
            raise TypeError("style props are not written as markup: use a class")
        attributes[_RENAMED.get(prop, prop).replace("-", "_") + ("_" if prop == "className" else "")] = value
    if name in _VOID:
        return tag(name, **attributes).removesuffix(f"</{name}>")
    return tag(name, from_components(getattr(node, "children", None)), **attributes)
