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
