"""The drawing generator stays readable: no function in ``tools/drawing/`` is 60 lines or longer.

A view that needs a long function is a sign that a structure (an ear, the eyes, the neck) has
not been given its own small function or landmark list. Every module of the package is parsed,
and every function in it, nested ones and methods included, is measured from its first
decorator (or its ``def``) to its last line.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import PROJECT

PACKAGE = PROJECT / "tools" / "drawing"
MAX_LINES = 60  # a function this long or longer fails
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def function_lengths(path: Path) -> list[tuple[str, int, int]]:
    """(name, first line, length in lines) of every function in a module, nested ones too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, FUNCTIONS):
            first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            out.append((getattr(node, "name", "<lambda>"), first, node.end_lineno - first + 1))
    return out


def test_the_package_is_measured():
    modules = sorted(PACKAGE.glob("*.py"))
    assert PACKAGE / "figure.py" in modules and len(modules) >= 5, modules
    names = {name for module in modules for name, _, _ in function_lengths(module)}
    assert {"front_canvas", "side_canvas", "back_canvas", "generate"} <= names


def test_no_generator_function_is_60_lines_or_longer():
    too_long = [
        f"{module.relative_to(PROJECT)}:{line} {name} is {length} lines"
        for module in sorted(PACKAGE.glob("*.py"))
        for name, line, length in function_lengths(module)
        if length >= MAX_LINES
    ]
    assert not too_long, (
        f"functions in tools/drawing/ must be under {MAX_LINES} lines (split them along "
        "anatomical lines, one small function or landmark list per structure):\n"
        + "\n".join(too_long))
