"""The patient-facing tables: what studies found (``evidence.csv``) and the handout's own words
(``handout.csv``: what to expect from treatment, what studies show so far, the diary's words,
when to see a doctor instead).

``load_guidance(data_dir, referral_map)`` reads and checks both files the same way ``load``
checks the referral tables (every problem with its file, line, column, value and what would be
valid) and checks their ``sources`` against the referral map's sources. The texts live in data,
not code, so a clinic can update them without a programmer. No Dash imports here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from referral.csvfile import Column, Row, check_id, check_id_list, check_text, one_of, read_rows, split_list
from referral.errors import DataError, Problem, display_path

if TYPE_CHECKING:
    from referral.index import ReferralMap

EVIDENCE = "evidence.csv"
HANDOUT = "handout.csv"

Section = Literal["about", "expect", "studies", "diary", "medication", "red_flag", "disclaimer"]
SECTIONS: tuple[Section, ...] = ("about", "expect", "studies", "diary", "medication", "red_flag", "disclaimer")

EVIDENCE_COLUMNS = (
    Column("evidence_id", check_id),
    Column("sources", check_id_list),
    Column("title", check_text),
    Column("design", check_text),
    Column("found", check_text),
    Column("meaning", check_text),
    Column("limits", check_text),
    Column("citation_note", check_text, required=False),
)
HANDOUT_COLUMNS = (
    Column("section", one_of(*SECTIONS)),
    Column("text", check_text),
    Column("sources", check_id_list, required=False),
)


@dataclass(frozen=True)
class Evidence:
    """One study, summarised in plain words for a patient."""

    id: str
    sources: tuple[str, ...]  # the study first, then related records
    title: str
    design: str
    found: str
    meaning: str
    limits: str
    citation_note: str  # where the citation we started from could not be matched, and what was found


@dataclass(frozen=True)
class Note:
    """One paragraph or list item of the handout's fixed text."""

    section: Section
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Guidance:
    evidence: tuple[Evidence, ...]
    notes: tuple[Note, ...]

    def section(self, name: Section) -> tuple[Note, ...]:
        """The notes of one section, in the file's order."""
        return tuple(note for note in self.notes if note.section == name)

    def source_ids(self) -> tuple[str, ...]:
        """Every source these texts rest on, in order of first use."""
        ids = [s for item in self.evidence for s in item.sources] + [s for note in self.notes for s in note.sources]
        return tuple(dict.fromkeys(ids))


def load_guidance(data_dir: str | Path, referral_map: ReferralMap) -> Guidance:
    """Read and check ``evidence.csv`` and ``handout.csv``; raise ``DataError`` naming every problem."""
    folder = Path(data_dir)
    problems: list[Problem] = []
    evidence_rows = read_rows(folder / EVIDENCE, EVIDENCE_COLUMNS, problems)
    note_rows = read_rows(folder / HANDOUT, HANDOUT_COLUMNS, problems)

    first_line: dict[str, int] = {}
    for row in evidence_rows:
        key = row["evidence_id"]
        if key in first_line:
            problems.append(row.problem("evidence_id", key, f"the id is already used on line {first_line[key]}"))
        first_line.setdefault(key, row.line)
    seen_note: dict[tuple[str, str], int] = {}
    for row in note_rows:
        note_key = (row["section"], row["text"])
        if note_key in seen_note:
            problems.append(
                row.problem(
                    "text",
                    row["text"][:40],
                    f"the same note is already on line {seen_note[note_key]}; expected each note once",
                )
            )
        seen_note.setdefault(note_key, row.line)
    for row in (*evidence_rows, *note_rows):
        for source in split_list(row["sources"]):
            if source not in referral_map.sources:
                problems.append(row.problem("sources", source, "expected a source_id from sources.csv"))
    if note_rows and not problems:  # a file with broken rows is reported for those first
        present = {row["section"] for row in note_rows}
        for section in SECTIONS:
            if section not in present:
                problems.append(Problem(display_path(folder / HANDOUT), None, "section", section,
                                        "the handout has lost this section; expected at least one row of it"))
    if problems:
        raise DataError(problems)
    return Guidance(
        evidence=tuple(_evidence(row) for row in evidence_rows),
        notes=tuple(Note(cast(Section, row["section"]), row["text"], split_list(row["sources"])) for row in note_rows),
    )


def _evidence(row: Row) -> Evidence:
    return Evidence(
        id=row["evidence_id"],
        sources=split_list(row["sources"]),
        title=row["title"],
        design=row["design"],
        found=row["found"],
        meaning=row["meaning"],
        limits=row["limits"],
        citation_note=row["citation_note"],
    )
