"""Rendering the page's static blocks and the handout from Jinja2 templates (``templates/``).

Autoescaping is on for every template: text from the tables is escaped where it is written,
never by hand. Markup built elsewhere (the drawing) is passed in as ``Markup`` on purpose.
Jinja2 ships with Flask, which Dash is built on.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"

ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

ENVIRONMENT.filters["capital"] = lambda text: text[:1].upper() + text[1:]  # "left temple" -> "Left temple"


def render(name: str, **context) -> str:
    """The template ``name`` filled in with ``context``."""
    return ENVIRONMENT.get_template(name).render(**context)


__all__ = ["Markup", "render"]
