"""Dash components written as markup: for the details panel, which is built from ``dash.html``
components like every block Dash renders, and sent as markup that the browser script puts in the
page (BENCHMARKS.md, "The details panel travels as markup").

Static blocks of the page and the handout are Jinja2 templates (``components/templates.py``);
this module only turns components into the markup they render. Every text and attribute value
is escaped here, in ``_tag`` and ``_text``, and nowhere else.
"""

from __future__ import annotations

from html import escape


def _tag(name: str, content: str = "", /, **attributes) -> str:
    """An element; attribute names use ``_`` for ``-`` (``data_mode`` -> ``data-mode``), and
    ``class_`` for ``class``. ``True`` writes a bare attribute; ``None`` and ``False`` leave it out."""
    parts = [name]
    for key, value in attributes.items():
        if value is None or value is False:
            continue
        key = key.rstrip("_").replace("_", "-")
        parts.append(key if value is True else f'{key}="{escape(str(value), quote=True)}"')
    return f"<{' '.join(parts)}>{content}</{name}>"


def _text(value: str) -> str:
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
        return _text(node)
    if isinstance(node, (int, float)):
        return _text(str(node))
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
        return _tag(name, **attributes).removesuffix(f"</{name}>")
    return _tag(name, from_components(getattr(node, "children", None)), **attributes)
