"""The results table: one row per figure with its target, printed as text and saved as JSON."""

from __future__ import annotations

import json
import math
import os
import platform
import re
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.stats import summarise


@dataclass(frozen=True)
class Target:
    """A target on one column of a row: ``median <= 16`` and the like."""

    column: str  # the Row field judged: "median", "p95" or "high" (the maximum)
    op: str  # "<=", "<", ">=" or "=="
    value: float

    def met(self, row: Row) -> bool | None:
        actual = getattr(row, self.column)
        if actual is None or math.isnan(actual):
            return None
        return {"<=": actual <= self.value, "<": actual < self.value, ">=": actual >= self.value,
                "==": actual == self.value}[self.op]

    def describe(self) -> str:
        column = {"median": "", "p95": "p95 ", "high": "max "}[self.column]
        return f"{column}{self.op} {self.value:g}"


@dataclass
class Row:
    figure: str
    unit: str
    n: int
    median: float
    p95: float | None = None
    low: float | None = None
    high: float | None = None
    target: Target | None = None
    note: str = ""
    met: bool | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.met = self.target.met(self) if self.target else None


def samples_row(figure: str, unit: str, values: list[float], target: Target | None = None, note: str = "") -> Row:
    """A row summarising individual samples: median, p95 and the range."""
    stats = summarise(values)
    return Row(figure, unit, stats["n"], stats["median"], stats["p95"], stats["min"], stats["max"], target, note)


def runs_row(figure: str, unit: str, values: list[float], target: Target | None = None, note: str = "") -> Row:
    """A row summarising whole runs (e.g. requests per second): median and the range, no p95."""
    stats = summarise(values)
    return Row(figure, unit, stats["n"], stats["median"], None, stats["min"], stats["max"], target, note)


def value_row(figure: str, unit: str, value: float, target: Target | None = None, note: str = "") -> Row:
    """A row holding one derived value, e.g. a ratio of two medians."""
    return Row(figure, unit, 1, value, None, None, None, target, note)


def _number(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit in ("×", "s"):
        return f"{value:.2f}"
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:.1f}"


def format_table(rows: list[Row], judged: bool) -> str:
    """The rows as an aligned Markdown table."""
    header = ["Figure", "Unit", "n", "Median", "p95", "Min–max", "Target", "Met"]
    lines = []
    for row in rows:
        spread = "—" if row.low is None else f"{_number(row.low, row.unit)}–{_number(row.high, row.unit)}"
        if row.target is None:
            met = ""
        elif not judged:
            met = "not judged"
        else:
            met = {True: "yes", False: "**no**", None: "not measured"}[row.met]
        lines.append([row.figure + (f" ({row.note})" if row.note else ""), row.unit, str(row.n),
                      _number(row.median, row.unit), _number(row.p95, row.unit), spread,
                      row.target.describe() if row.target else "", met])
    widths = [max(len(header[i]), *(len(line[i]) for line in lines)) for i in range(len(header))]

    def render(cells: list[str]) -> str:
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"

    return "\n".join([render(header), render(["-" * width for width in widths])] + [render(line) for line in lines])


def machine() -> dict:
    """What the figures were measured on."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    os_release = Path("/etc/os-release").read_text() if Path("/etc/os-release").exists() else ""
    model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
    memory = re.search(r"MemTotal:\s*(\d+) kB", meminfo)
    pretty = re.search(r'PRETTY_NAME="?([^"\n]+)', os_release)
    try:
        wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False).stdout.split("\n")[0]
    except OSError:
        wrk = ""
    from dash import __version__ as dash_version

    return {
        "cpu": model.group(1).strip() if model else platform.processor(),
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory.group(1)) / 1024 / 1024, 1) if memory else None,
        "os": pretty.group(1) if pretty else platform.platform(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "dash": dash_version,
        "wrk": wrk.split(" [")[0].strip(),
    }


def save(path: Path, rows: list[Row], details: dict) -> None:
    """Write the rows and every raw measurement as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"rows": [{**asdict(row), "target": row.target.describe() if row.target else None} for row in rows],
               **details}
    path.write_text(json.dumps(payload, indent=1, default=_plain), encoding="utf-8")


def _plain(value):
    if hasattr(value, "__dict__"):
        return value.__dict__
    return str(value)
