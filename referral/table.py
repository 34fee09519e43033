"""Loading and validating the referral tables in ``data/``.

``load(data_dir)`` reads the CSV files (the referral tables and the nerve tables), checks every value and every cross-reference, and
returns an immutable ``ReferralMap`` — or raises ``DataError`` listing every problem with its
file, line, column, value and what would be valid. No Dash imports here.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from referral.csvfile import (
    Column,
    Row,
    check_id,
    check_id_list,
    check_text,
    check_url,
    check_year,
    one_of,
    read_rows,
    split_list,
)
from referral.errors import DataError, Problem, display_path
from referral.index import ReferralMap
from referral.model import (
    EXTENTS,
    GRADES,
    LATERALITIES,
    PATTERNS,
    Depth,
    Extent,
    Grade,
    Link,
    Muscle,
    MuscleDepth,
    Nerve,
    NerveMuscle,
    Pattern,
    Region,
    SelfCare,
    Source,
    Territory,
    TriggerPoint,
    frozen_mapping,
)

STEP_SEPARATOR = "|"

SOURCES = "sources.csv"
REGIONS = "regions.csv"
SELF_CARE = "self_care.csv"
MUSCLES = "muscles.csv"
TRIGGER_POINTS = "trigger_points.csv"
REFERRAL_MAP = "referral_map.csv"
NERVES = "nerves.csv"
NERVE_TERRITORIES = "nerve_territories.csv"
NERVE_MUSCLES = "nerve_muscles.csv"

SOURCE_COLUMNS = (
    Column("source_id", check_id),
    Column("authors", check_text),
    Column("year", check_year),
    Column("title", check_text),
    Column("published_in", check_text),
    Column("locator", check_text),
    Column("url", check_url, required=False),
)
REGION_COLUMNS = (
    Column("region_id", check_id),
    Column("name", check_text),
    Column("patient_words", check_text),
    Column("depth", one_of("surface", "deep")),
)
SELF_CARE_COLUMNS = (
    Column("self_care_id", check_id),
    Column("name", check_text),
    Column("purpose", check_text),
    Column("steps", check_text),
    Column("dose", check_text),
    Column("caution", check_text, required=False),
    Column("sources", check_id_list),
)
MUSCLE_COLUMNS = (
    Column("muscle_id", check_id),
    Column("name", check_text),
    Column("group", check_text),
    Column("depth", one_of("superficial", "deep")),
    Column("plain_words", check_text),
    Column("trigger_points", check_text),
    Column("why_it_matters", check_text),
    Column("self_care", check_id_list, required=False),
    Column("sources", check_id_list),
)
TRIGGER_POINT_COLUMNS = (
    Column("trigger_point_id", check_id),
    Column("muscle_id", check_id),
    Column("label", check_text),
    Column("location", check_text),
    Column("sources", check_id_list),
    Column("editor_note", check_text, required=False),
)
LINK_COLUMNS = (
    Column("muscle_id", check_id),
    Column("region_id", check_id),
    Column("trigger_points", check_id_list),
    Column("pattern", one_of(*PATTERNS)),
    Column("laterality", one_of(*LATERALITIES)),
    Column("evidence", one_of(*GRADES)),
    Column("sources", check_id_list),
    Column("note", check_text, required=False),
    Column("editor_note", check_text, required=False),
)
NERVE_COLUMNS = (
    Column("nerve_id", check_id),
    Column("name", check_text),
    Column("patient_words", check_text),
    Column("origin", check_text),
    Column("parent", check_id, required=False),
    Column("plain", check_text),
    Column("sources", check_id_list),
)
TERRITORY_COLUMNS = (
    Column("nerve_id", check_id),
    Column("region_id", check_id),
    Column("extent", one_of(*EXTENTS)),
    Column("sources", check_id_list),
    Column("note", check_text, required=False),
)
NERVE_MUSCLE_COLUMNS = (
    Column("nerve_id", check_id),
    Column("muscle_id", check_id),
    Column("relation", check_text),
    Column("sources", check_id_list),
    Column("note", check_text, required=False),
)


def load(data_dir: str | Path) -> ReferralMap:
    """Read and validate the tables in ``data_dir``; raise ``DataError`` naming every problem."""
    folder = Path(data_dir)
    problems: list[Problem] = []

    source_rows = _read(folder / SOURCES, SOURCE_COLUMNS, "source_id", problems)
    region_rows = _read(folder / REGIONS, REGION_COLUMNS, "region_id", problems)
    care_rows = _read(folder / SELF_CARE, SELF_CARE_COLUMNS, "self_care_id", problems)
    muscle_rows = _read(folder / MUSCLES, MUSCLE_COLUMNS, "muscle_id", problems)
    point_rows = _read(folder / TRIGGER_POINTS, TRIGGER_POINT_COLUMNS, "trigger_point_id", problems)
    link_rows = read_rows(folder / REFERRAL_MAP, LINK_COLUMNS, problems)
    nerve_rows = _read(folder / NERVES, NERVE_COLUMNS, "nerve_id", problems)
    territory_rows = read_rows(folder / NERVE_TERRITORIES, TERRITORY_COLUMNS, problems)
    nerve_muscle_rows = read_rows(folder / NERVE_MUSCLES, NERVE_MUSCLE_COLUMNS, problems)

    # References into a table are checked only once that table is itself clean: otherwise one
    # mistake (a misspelt id) would be reported again on every line that uses the id.
    tables = (SOURCES, REGIONS, SELF_CARE, MUSCLES, TRIGGER_POINTS, NERVES)
    clean = {name for name in tables if not _has_problems(folder / name, problems)}
    references = []
    if SOURCES in clean:
        for rows in (care_rows, muscle_rows, point_rows, link_rows, nerve_rows, territory_rows, nerve_muscle_rows):
            references.append((rows, "sources", source_rows, "source_id", "a source_id from sources.csv"))
    if SELF_CARE in clean:
        references.append((muscle_rows, "self_care", care_rows, "self_care_id", "a self_care_id from self_care.csv"))
    if MUSCLES in clean:
        references.append((point_rows, "muscle_id", muscle_rows, "muscle_id", "a muscle_id from muscles.csv"))
        references.append((link_rows, "muscle_id", muscle_rows, "muscle_id", "a muscle_id from muscles.csv"))
        references.append((nerve_muscle_rows, "muscle_id", muscle_rows, "muscle_id", "a muscle_id from muscles.csv"))
    if REGIONS in clean:
        references.append((link_rows, "region_id", region_rows, "region_id", "a region_id from regions.csv"))
        references.append((territory_rows, "region_id", region_rows, "region_id", "a region_id from regions.csv"))
    if NERVES in clean:
        for rows in (territory_rows, nerve_muscle_rows):
            references.append((rows, "nerve_id", nerve_rows, "nerve_id", "a nerve_id from nerves.csv"))
        _check_parents(nerve_rows, problems)
    for rows, column, targets, target_key, what in references:
        _check_references(rows, column, targets, target_key, what, problems)
    _check_pairs(link_rows, "muscle_id", "region_id", problems)
    _check_pairs(territory_rows, "nerve_id", "region_id", problems)
    _check_pairs(nerve_muscle_rows, "nerve_id", "muscle_id", problems)
    if TRIGGER_POINTS in clean and MUSCLES in clean:
        _check_trigger_points(point_rows, link_rows, {row["muscle_id"] for row in muscle_rows}, problems)
    if not problems:
        # Every muscle then has trigger points too: each of its rows names at least one, and each
        # named point was found above to be one of its own.
        _every_muscle_has_rows(muscle_rows, link_rows, problems)
        _every_nerve_has_a_territory(nerve_rows, territory_rows, problems)

    if problems:
        raise DataError(problems)
    return ReferralMap(
        muscles=frozen_mapping({row["muscle_id"]: _muscle(row) for row in muscle_rows}),
        regions=frozen_mapping({row["region_id"]: _region(row) for row in region_rows}),
        self_care=frozen_mapping({row["self_care_id"]: _self_care(row) for row in care_rows}),
        sources=frozen_mapping({row["source_id"]: _source(row) for row in source_rows}),
        links=tuple(_link(row) for row in link_rows),
        trigger_points=frozen_mapping({row["trigger_point_id"]: _trigger_point(row) for row in point_rows}),
        nerves=frozen_mapping({row["nerve_id"]: _nerve(row) for row in nerve_rows}),
        territories=tuple(_territory(row) for row in territory_rows),
        nerve_muscles=tuple(_nerve_muscle(row) for row in nerve_muscle_rows),
    )


def _read(path: Path, columns, id_column: str, problems: list[Problem]) -> list[Row]:
    """The rows of a table keyed by ``id_column``, reporting a repeated id."""
    first_line: dict[str, int] = {}
    kept = []
    for row in read_rows(path, columns, problems):
        key = row[id_column]
        if key in first_line:
            problems.append(row.problem(id_column, key, f"the id is already used on line {first_line[key]}"))
        else:
            first_line[key] = row.line
            kept.append(row)
    return kept


def _has_problems(path: Path, problems: list[Problem]) -> bool:
    name = display_path(path)
    return any(problem.file == name for problem in problems)


def _check_references(
    rows: list[Row], column: str, targets: list[Row], target_key: str, what: str, problems: list[Problem]
) -> None:
    known = {target[target_key] for target in targets}
    for row in rows:
        for ref in split_list(row[column]):
            if ref not in known:
                problems.append(row.problem(column, ref, f"expected {what}"))


def _check_pairs(rows: list[Row], first: str, second: str, problems: list[Problem]) -> None:
    """Each (first, second) pair, such as (muscle, region), appears on one line only."""
    first_line: dict[tuple[str, str], int] = {}
    what = {"muscle_id": "muscle", "region_id": "region", "nerve_id": "nerve"}
    for row in rows:
        pair = (row[first], row[second])
        if pair in first_line:
            problems.append(
                row.problem(
                    second,
                    row[second],
                    f"the pair ({pair[0]}, {pair[1]}) is already on line {first_line[pair]}; "
                    f"expected each {what[first]} and {what[second]} pair once",
                )
            )
        else:
            first_line[pair] = row.line


def _check_parents(nerve_rows: list[Row], problems: list[Problem]) -> None:
    """A branch names its nerve in ``parent``: a nerve of the table that is not itself a branch."""
    parents = {row["nerve_id"]: row["parent"] for row in nerve_rows}
    for row in nerve_rows:
        parent = row["parent"]
        if not parent:
            continue
        if parent not in parents:
            problems.append(row.problem("parent", parent, f"expected a nerve_id from {NERVES}"))
        elif parent == row["nerve_id"] or parents[parent]:
            problems.append(row.problem("parent", parent, "expected a nerve that is not itself a branch "
                                                          "(a branch's parent is a main nerve)"))


def _every_nerve_has_a_territory(nerve_rows: list[Row], territory_rows: list[Row], problems: list[Problem]) -> None:
    supplying = {row["nerve_id"] for row in territory_rows}
    for row in nerve_rows:
        if row["nerve_id"] not in supplying:
            problems.append(row.problem("nerve_id", row["nerve_id"],
                                        f"the nerve has no rows in {NERVE_TERRITORIES}; expected at least one"))


def _check_trigger_points(point_rows: list[Row], link_rows: list[Row], muscles: set[str],
                          problems: list[Problem]) -> None:
    """Each row names trigger points of its own muscle, and each point refers somewhere (rows
    and points of an unknown muscle are already reported as such)."""
    muscle_of = {row["trigger_point_id"]: row["muscle_id"] for row in point_rows}
    used: set[str] = set()
    for row in link_rows:
        if row["muscle_id"] not in muscles:
            continue
        for point in split_list(row["trigger_points"]):
            owner = muscle_of.get(point)
            if owner is None:
                problems.append(
                    row.problem("trigger_points", point, f"expected a trigger_point_id from {TRIGGER_POINTS}")
                )
            elif owner != row["muscle_id"]:
                problems.append(row.problem("trigger_points", point,
                                            f"the trigger point belongs to {owner}; expected one of "
                                            f"{row['muscle_id']}'s trigger points"))
            else:
                used.add(point)
    for row in point_rows:
        if row["muscle_id"] in muscles and row["trigger_point_id"] not in used \
                and not _has_problems_in(problems, REFERRAL_MAP):
            problems.append(row.problem("trigger_point_id", row["trigger_point_id"],
                                        f"the trigger point refers to no region; expected it in the "
                                        f"trigger_points column of at least one row of {REFERRAL_MAP}"))


def _has_problems_in(problems: list[Problem], file_name: str) -> bool:
    return any(problem.file.endswith(file_name) for problem in problems)


def _every_muscle_has_rows(muscle_rows: list[Row], link_rows: list[Row], problems: list[Problem]) -> None:
    referring = {row["muscle_id"] for row in link_rows}
    for row in muscle_rows:
        if row["muscle_id"] not in referring:
            problems.append(
                row.problem("muscle_id", row["muscle_id"], f"the muscle has no rows in {REFERRAL_MAP}; expected at least one")
            )


def _link(row: Row) -> Link:
    return Link(
        muscle_id=row["muscle_id"],
        region_id=row["region_id"],
        pattern=cast(Pattern, row["pattern"]),  # each value was checked against PATTERNS
        laterality=row["laterality"],
        sources=split_list(row["sources"]),
        note=row["note"],
        trigger_points=split_list(row["trigger_points"]),
        editor_note=row["editor_note"],
        evidence=cast(Grade, row["evidence"]),
    )


def _trigger_point(row: Row) -> TriggerPoint:
    return TriggerPoint(
        id=row["trigger_point_id"],
        muscle_id=row["muscle_id"],
        label=row["label"],
        location=row["location"],
        sources=split_list(row["sources"]),
        editor_note=row["editor_note"],
    )


def _source(row: Row) -> Source:
    return Source(
        id=row["source_id"],
        authors=row["authors"],
        year=row["year"],
        title=row["title"],
        published_in=row["published_in"],
        locator=row["locator"],
        url=row["url"],
    )


def _region(row: Row) -> Region:
    return Region(id=row["region_id"], name=row["name"], patient_words=row["patient_words"], depth=cast(Depth, row["depth"]))


def _self_care(row: Row) -> SelfCare:
    steps = tuple(step.strip() for step in row["steps"].split(STEP_SEPARATOR) if step.strip())
    return SelfCare(
        id=row["self_care_id"],
        name=row["name"],
        purpose=row["purpose"],
        steps=steps,
        dose=row["dose"],
        caution=row["caution"],
        sources=split_list(row["sources"]),
    )


def _muscle(row: Row) -> Muscle:
    return Muscle(
        id=row["muscle_id"],
        name=row["name"],
        group=row["group"],
        depth=cast(MuscleDepth, row["depth"]),
        plain_words=row["plain_words"],
        trigger_points=row["trigger_points"],
        why_it_matters=row["why_it_matters"],
        self_care=split_list(row["self_care"]),
        sources=split_list(row["sources"]),
    )


def _nerve(row: Row) -> Nerve:
    return Nerve(
        id=row["nerve_id"],
        name=row["name"],
        patient_words=row["patient_words"],
        origin=row["origin"],
        parent=row["parent"],
        plain=row["plain"],
        sources=split_list(row["sources"]),
    )


def _territory(row: Row) -> Territory:
    return Territory(nerve_id=row["nerve_id"], region_id=row["region_id"], extent=cast(Extent, row["extent"]),
                     sources=split_list(row["sources"]), note=row["note"])


def _nerve_muscle(row: Row) -> NerveMuscle:
    return NerveMuscle(nerve_id=row["nerve_id"], muscle_id=row["muscle_id"], relation=row["relation"],
                       sources=split_list(row["sources"]), note=row["note"])
