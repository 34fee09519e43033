"""``python -m tools.bootstrap_subset``: write the part of Bootstrap's stylesheet the pages use.

The pages use Bootstrap 5.3.8 for its base styles (the "reboot" of element styles and the
colour and type variables) and for a dozen components and helpers: buttons and button groups,
the tabs of the study page, form fields, a badge, the lead paragraph, the visually-hidden text
of screen readers. The whole stylesheet (``tools/vendor/bootstrap-5.3.8.min.css``, 232 kB,
31 kB compressed) would be sent with every first load and matched against every element on
each change of a class; ``assets/bootstrap.subset.css`` holds only:

- every rule whose selectors name no class (element styles, ``:root``, attributes);
- every selector whose classes (apart from those in ``:not(...)``) are all among the classes the project's sources name (the
  string literals of ``app.py``, ``components/``, ``study/``, ``referral/`` and the scripts and
  templates in ``assets/`` and ``components/templates/``); a rule keeps only those selectors;
- the ``@media`` and ``@supports`` blocks around kept rules, and the ``@keyframes`` they name.

A class that starts being used in the code is picked up by running this again; the unit tests
check that the committed file is what this writes and that every Bootstrap class the sources
name is styled. Nothing is rewritten inside a rule, so a kept rule is Bootstrap's own.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import tinycss2

PROJECT = Path(__file__).resolve().parent.parent
SOURCE = PROJECT / "tools" / "vendor" / "bootstrap-5.3.8.min.css"
OUTPUT = PROJECT / "assets" / "bootstrap.subset.css"
SOURCES = ("app.py", "components/*.py", "components/templates/*", "study/*.py", "referral/*.py", "assets/*.js")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
NEGATION = re.compile(r":not\(([^()]|\([^()]*\))*\)")
LITERAL = re.compile(r'"([^"\n]*)"|\'([^\'\n]*)\'|`([^`]*)`')
WORD = re.compile(r"[a-zA-Z][\w-]*")
NESTING = ("media", "supports", "container")


def used_words(project: Path = PROJECT) -> set[str]:
    """Every word inside a string literal of the project's page code: a superset of its classes."""
    words: set[str] = set()
    for pattern in SOURCES:
        for path in sorted(project.glob(pattern)):
            if path.name == OUTPUT.name:
                continue
            for literal in LITERAL.findall(path.read_text(encoding="utf-8")):
                for part in literal:
                    words.update(WORD.findall(part))
    return words


def selectors(prelude: str) -> list[str]:
    """A rule's selector list, split at its top-level commas (not those inside ``:not(...)``)."""
    parts, depth, current = [], 0, []
    for char in prelude:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return parts


def required(selector: str) -> set[str]:
    """The classes an element must have for ``selector`` to match it: those inside ``:not(...)``
    are ones it must lack, which an unused class never stops."""
    return set(CLASS.findall(NEGATION.sub("", selector)))


def _kept(nodes, keep: set[str], keyframes: dict[str, str]) -> list[str]:
    out = []
    for node in nodes:
        if node.type == "qualified-rule":
            chosen = [s for s in selectors(tinycss2.serialize(node.prelude)) if required(s) <= keep]
            if chosen:
                out.append(",".join(chosen) + "{" + tinycss2.serialize(node.content).strip() + "}")
        elif node.type == "at-rule" and node.lower_at_keyword in NESTING and node.content is not None:
            inner = _kept(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True),
                          keep, keyframes)
            if inner:
                out.append(f"@{node.at_keyword}{tinycss2.serialize(node.prelude).rstrip()}{{{''.join(inner)}}}")
        elif node.type == "at-rule" and node.lower_at_keyword == "keyframes":
            keyframes[tinycss2.serialize(node.prelude).strip()] = tinycss2.serialize([node])
    return out


def subset(css: str, keep: set[str]) -> str:
    """The rules of ``css`` that style only elements and the classes in ``keep``."""
    licence = css[css.index("/*!"):css.index("*/") + 2]
    keyframes: dict[str, str] = {}
    body = "".join(_kept(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), keep, keyframes))
    body += "".join(rule for name, rule in keyframes.items() if re.search(rf"\b{re.escape(name)}\b", body))
    note = ("/* The rules of Bootstrap v5.3.8 that Referral Map's pages use, chosen by "
            "tools/bootstrap_subset.py from tools/vendor/bootstrap-5.3.8.min.css. "
            "Generated: do not edit by hand. */")
    return f'@charset "UTF-8";{licence}\n{note}\n{body}\n'


def generate() -> str:
    return subset(SOURCE.read_text(encoding="utf-8"), used_words())


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else OUTPUT
    target.write_text(generate(), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
