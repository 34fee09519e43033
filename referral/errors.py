"""Problems found in the referral tables or the drawing, and the error that carries them.

Every problem names the file, the line, the column (or attribute), the bad value and what
would be valid, so that a clinician editing a spreadsheet can find and mend it without reading
a traceback. No Dash imports here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place of one file."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column:
            where.append(f"column {self.column!r}")
        head = ", ".join(where)
        if self.value is None:
            return f"{head}: {self.expected}"
        return f"{head}: {_quote(self.value)} is not valid; {self.expected}"


def _quote(value: str, limit: int = 80) -> str:
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(shown) if shown else "an empty value"


class DataError(Exception):
    """The referral data or the drawing cannot be used; ``problems`` says why."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        lines = [f"{head} in the referral data:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


def display_path(path: Path) -> str:
    """Show a data file as the user named it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
