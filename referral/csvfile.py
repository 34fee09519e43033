"""Reading one spreadsheet-edited CSV file into checked rows.

A file is described by its columns; each column knows whether it is required and how to check
a value. Reading never raises on bad content: every problem is added to a list, so that one
run reports everything that is wrong. No Dash imports here.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from referral.errors import Problem, display_path

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")
LIST_SEPARATOR = ";"
MAX_TEXT = 2000
# C0 control characters except tab, and DEL: invisible in a spreadsheet, and a NUL or an escape
# in a cell would reach the page and the handout. Line breaks inside a quoted cell are allowed.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# A check returns None when the value is fine, else what a valid value would look like.
Check = Callable[[str], "str | None"]


def is_id(value: str) -> bool:
    """True for a snake_case id: lower-case letters, digits and underscores, from a letter."""
    return ID_PATTERN.fullmatch(value) is not None


def check_id(value: str) -> str | None:
    if is_id(value):
        return None
    return "expected a snake_case id: lower-case letters, digits and '_', starting with a letter"


def check_text(value: str) -> str | None:
    if len(value) <= MAX_TEXT:
        return None
    return f"expected at most {MAX_TEXT} characters of text"


def one_of(*allowed: str) -> Check:
    def check(value: str) -> str | None:
        if value in allowed:
            return None
        return "expected " + " or ".join(repr(option) for option in allowed)

    return check


def split_list(value: str) -> tuple[str, ...]:
    """The ids of a multi-value cell, in order, without blanks."""
    return tuple(part.strip() for part in value.split(LIST_SEPARATOR) if part.strip())


def check_id_list(value: str) -> str | None:
    parts = split_list(value)
    if parts and all(is_id(part) for part in parts):
        return None
    return f"expected one or more snake_case ids separated by {LIST_SEPARATOR!r}"


def check_year(value: str) -> str | None:
    if re.fullmatch(r"(1[5-9]|20)\d\d", value) or value == "n.d.":
        return None
    return "expected a four-digit year or 'n.d.'"


def check_url(value: str) -> str | None:
    if re.fullmatch(r"https://[^\s<>\"']+", value):
        return None
    return "expected an address starting with 'https://', without spaces"


@dataclass(frozen=True)
class Column:
    name: str
    check: Check
    required: bool = True


@dataclass(frozen=True)
class Row:
    """One data line of a file: where it starts, and its cleaned values by column name."""

    file: str
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def problem(self, column: str | None, value: str | None, expected: str) -> Problem:
        return Problem(self.file, self.line, column, value, expected)


def read_rows(path: Path, columns: tuple[Column, ...], problems: list[Problem]) -> list[Row]:
    """Read ``path``; return its well-formed rows and add every problem found to ``problems``."""
    name = display_path(path)
    text = _read_text(path, name, problems)
    if text is None:
        return []
    expected_header = ", ".join(column.name for column in columns)
    if not text.strip():
        problems.append(
            Problem(name, 1, None, None, f"the file is empty; expected a header row: {expected_header}")
        )
        return []

    first_line = text.splitlines()[0]
    if ";" in first_line and "," not in first_line and len(columns) > 1:
        # Spreadsheets set to a European locale save "CSV" with semicolons between the cells.
        problems.append(Problem(name, 1, None, None, "this file uses ';' between its cells; save it from the "
                                                     "spreadsheet as comma-separated CSV (UTF-8)"))
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip() for cell in next(reader)]
    except csv.Error as error:
        problems.append(Problem(name, 1, None, None, f"cannot be read as CSV ({error})"))
        return []
    if not _header_is_valid(name, header, columns, expected_header, problems):
        return []

    rows: list[Row] = []
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(name, line, None, None, f"cannot be read as CSV ({error})"))
            break
        row = _check_cells(name, line, header, cells, columns, problems)
        if row is not None:
            rows.append(row)
    if not rows and not any(p.file == name for p in problems):
        problems.append(Problem(name, 2, None, None, "the file has a header but no rows; expected at least one row"))
    return rows


def _read_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(name, None, None, None, "the file is missing (see data/README.md for what it holds)"))
        return None
    except OSError as error:
        problems.append(Problem(name, None, None, None, f"the file cannot be read ({error.strerror})"))
        return None
    try:
        return raw.decode("utf-8-sig")  # a spreadsheet's byte-order mark is dropped
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(
            Problem(name, line, None, None, "the file is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'")
        )
        return None


def _header_is_valid(
    name: str, header: list[str], columns: tuple[Column, ...], expected: str, problems: list[Problem]
) -> bool:
    known = {column.name for column in columns}
    before = len(problems)
    seen: set[str] = set()
    for cell in header:
        if cell in seen:
            problems.append(Problem(name, 1, cell, cell, "each column name may appear only once"))
        elif cell not in known:
            problems.append(Problem(name, 1, None, cell, f"is not a column of this file; expected columns: {expected}"))
        seen.add(cell)
    for column in columns:
        if column.name not in seen and column.required:
            problems.append(
                Problem(name, 1, column.name, None, f"the required column is missing; expected columns: {expected}")
            )
    return len(problems) == before


def _check_cells(
    name: str,
    line: int,
    header: list[str],
    cells: list[str],
    columns: tuple[Column, ...],
    problems: list[Problem],
) -> Row | None:
    cells = [cell.strip() for cell in cells]
    if not any(cells):
        return None  # an empty line, or one with only separators
    if len(cells) != len(header):
        # A short line is refused rather than padded: padding would slide every later value into
        # the wrong column (a source's address into its locator).
        if len(cells) > len(header):
            hint = f"(extra: {','.join(cells[len(header):])!r}); put text that contains commas in double quotes"
        else:
            hint = (f"(last cell: {cells[-1]!r}); every line needs a cell for each column, "
                    "left empty where there is no value")
        problems.append(Problem(name, line, None, None,
                                f"the line has {len(cells)} cells but the header has {len(header)} columns {hint}"))
        return None
    values = dict(zip(header, cells, strict=True))
    valid = True
    for column_name, value in values.items():
        found = CONTROL.search(value)
        if found:
            problems.append(
                Problem(
                    name,
                    line,
                    column_name,
                    value,
                    f"it holds the control character U+{ord(found.group()):04X} at character "
                    f"{found.start() + 1}; expected text without control characters (tab and line breaks "
                    "are allowed)",
                )
            )
            valid = False
    if not valid:
        return None
    for column in columns:
        value = values.setdefault(column.name, "")
        if not value:
            if column.required:
                problems.append(Problem(name, line, column.name, None, "a value is required"))
                valid = False
            continue
        expected = column.check(value)
        if expected is not None:
            problems.append(Problem(name, line, column.name, value, expected))
            valid = False
    return Row(name, line, values) if valid else None
