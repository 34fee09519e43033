"""Summaries of repeated measurements: median, p95, p99, min and max of a list of numbers."""

from __future__ import annotations

import math
import statistics


def percentile(values: list[float], share: float) -> float:
    """The ``share`` (0..1) percentile, interpolated linearly between the nearest ranks."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    position = share * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarise(values: list[float]) -> dict:
    """Count, min, median, p95, p99 and max of ``values`` (NaN for an empty list)."""
    values = [value for value in values if value is not None and not math.isnan(value)]
    if not values:
        return {"n": 0, "min": math.nan, "median": math.nan, "p95": math.nan, "p99": math.nan, "max": math.nan}
    return {
        "n": len(values),
        "min": min(values),
        "median": statistics.median(values),
        "p95": percentile(values, 0.95),
        "p99": percentile(values, 0.99),
        "max": max(values),
    }


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, NaN when either is missing or the denominator is zero."""
    if denominator is None or numerator is None or denominator == 0 or math.isnan(denominator):
        return math.nan
    return numerator / denominator
