"""The words people search the list with: abbreviations, synonyms and patient words.

``data/search_terms.csv`` gives, for a muscle, a region or a nerve, the extra words that should
find it ("SCM", "TMJ", "headache", "clenching"): kept as data beside the tables so that a clinic
can add its own words without touching code. No Dash imports here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from referral.csvfile import Column, check_id, check_text, one_of, read_rows
from referral.errors import DataError, Problem

if TYPE_CHECKING:
    from referral.index import ReferralMap

SEARCH_TERMS = "search_terms.csv"
TERM_SEPARATOR = ";"
COLUMNS = (
    Column("kind", one_of("muscle", "region", "nerve")),
    Column("id", check_id),
    Column("terms", check_text),
)


def load_search_terms(data_dir: str | Path, referral_map: ReferralMap) -> Mapping[tuple[str, str], tuple[str, ...]]:
    """(kind, id) -> the extra words for it, lower case; raise ``DataError`` on a bad row."""
    problems: list[Problem] = []
    rows = read_rows(Path(data_dir) / SEARCH_TERMS, COLUMNS, problems)
    known = {"muscle": referral_map.muscles, "region": referral_map.regions, "nerve": referral_map.nerves}
    out: dict[tuple[str, str], list[str]] = {}
    first_line: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (row["kind"], row["id"])
        if key in first_line:
            problems.append(row.problem("id", row["id"], f"the {row['kind']} already has its words on line "
                                                         f"{first_line[key]}; expected one line each"))
            continue
        first_line[key] = row.line
        if row["id"] not in known[row["kind"]]:  # the kind was checked to be one of these three
            problems.append(row.problem("id", row["id"], f"expected a {row['kind']} id of the tables"))
            continue
        words = [w.strip().lower() for w in row["terms"].split(TERM_SEPARATOR) if w.strip()]
        if not words:
            problems.append(row.problem("terms", row["terms"], f"expected words separated by {TERM_SEPARATOR!r}"))
        out.setdefault((row["kind"], row["id"]), []).extend(words)
    if problems:
        raise DataError(problems)
    return MappingProxyType({k: tuple(v) for k, v in out.items()})
