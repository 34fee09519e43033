"""Loading evidence.csv and handout.csv: valid files load; broken ones are refused like the tables."""

from __future__ import annotations

import shutil

import pytest

from referral import DataError
from referral.guidance import load_guidance
from tests.conftest import FIXTURES

BROKEN = FIXTURES / "broken_guidance"

# fixture file -> the one problem line the loader must report (after the file name).
EXPECTED = {
    "evidence.unknown_source.csv": "line 3, column 'sources': 'wong2025' is not valid; "
    "expected a source_id from sources.csv",
    "evidence.duplicate_id.csv": "line 3, column 'evidence_id': 'small_trial' is not valid; "
    "the id is already used on line 2",
    "evidence.missing_column.csv": "line 1, column 'meaning': the required column is missing; expected columns: "
    "evidence_id, sources, title, design, found, meaning, limits, citation_note",
    "evidence.no_limits.csv": "line 2, column 'limits': a value is required",
    "handout.bad_section.csv": "line 3, column 'section': 'red flag' is not valid; "
    "expected 'about' or 'expect' or 'studies' or 'diary' or 'medication' or 'red_flag' or 'disclaimer'",
    "handout.unknown_source.csv": "line 3, column 'sources': 'morningside' is not valid; "
    "expected a source_id from sources.csv",
    "handout.header_only.csv": "line 2: the file has a header but no rows; expected at least one row",
}


def test_every_broken_fixture_has_an_expected_message():
    assert {path.name for path in BROKEN.glob("*.csv")} == set(EXPECTED)


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_broken_guidance_is_refused_naming_file_line_column_and_value(tiny_copy, tiny_map, fixture):
    table = tiny_copy / (fixture.split(".")[0] + ".csv")
    shutil.copyfile(BROKEN / fixture, table)
    with pytest.raises(DataError) as raised:
        load_guidance(tiny_copy, tiny_map)
    lines = [str(problem) for problem in raised.value.problems]
    assert lines == [f"{table}, {EXPECTED[fixture]}"]


def test_a_missing_evidence_file_is_named(tiny_copy, tiny_map):
    (tiny_copy / "evidence.csv").unlink()
    with pytest.raises(DataError) as raised:
        load_guidance(tiny_copy, tiny_map)
    assert [str(p) for p in raised.value.problems] == [
        f"{tiny_copy / 'evidence.csv'}: the file is missing (see data/README.md for what it holds)"
    ]


def test_guidance_loads_in_file_order_with_every_column(tiny_map):
    guidance = load_guidance(FIXTURES / "tiny", tiny_map)
    assert [item.id for item in guidance.evidence] == ["small_trial", "big_review"]
    review = guidance.evidence[1]
    assert review.sources == ("review", "manual")
    assert review.citation_note == "Cited elsewhere as another paper"
    assert guidance.evidence[0].citation_note == ""
    assert [note.text for note in guidance.section("red_flag")] == [
        "A thunderclap headache.",
        "A headache after a blow to the head.",
    ]
    assert guidance.section("about")[0].sources == ("manual",)
    assert guidance.source_ids() == ("review", "manual")


def test_the_project_evidence_cites_the_three_seed_studies_and_says_where_citations_did_not_match(
    project_map,
):
    from tests.conftest import DATA

    guidance = load_guidance(DATA, project_map)
    cited = {item.sources[0] for item in guidance.evidence}
    assert {"perreault2025", "rezaeian2020", "pourahmadi2021"} <= cited
    notes = " ".join(item.citation_note for item in guidance.evidence)
    for seed_citation in ("Wong C", "Madani SP", "Lu W"):
        assert seed_citation in notes
    assert all(guidance.section(name) for name in ("about", "expect", "red_flag", "disclaimer"))
    expect = " ".join(note.text for note in guidance.section("expect"))
    for fact in ("1 to 3 sessions", "4 to 6 sessions", "3 to 5 sessions", "24 to 72 hours", "bad days",
                 "headache medicine"):
        assert fact in expect
    red_flags = " ".join(note.text for note in guidance.section("red_flag")).lower()
    for sign in ("thunderclap", "fever and a stiff neck", "weakness", "blow to the head"):
        assert sign in red_flags


def test_a_note_written_twice_is_refused_naming_the_first_line(tiny_copy, tiny_map):
    handout = tiny_copy / "handout.csv"
    lines = handout.read_text(encoding="utf-8").splitlines()
    # line 10 of the tiny handout.csv is the medication note; a copy of it becomes line 11
    handout.write_text("\n".join([*lines, lines[9]]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_guidance(tiny_copy, tiny_map)
    assert [str(p) for p in raised.value.problems] == [
        f"{handout}, line 11, column 'text': 'Painkillers on many days a month can kee' is not valid; "
        "the same note is already on line 10; expected each note once"
    ]


def test_a_handout_without_one_of_its_sections_is_refused_naming_it(tiny_copy, tiny_map):
    handout = tiny_copy / "handout.csv"
    lines = handout.read_text(encoding="utf-8").splitlines()
    assert lines[8].startswith("diary,")  # the only diary row
    handout.write_text("\n".join(lines[:8] + lines[9:]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_guidance(tiny_copy, tiny_map)
    assert [str(p) for p in raised.value.problems] == [
        f"{handout}, column 'section': 'diary' is not valid; "
        "the handout has lost this section; expected at least one row of it"
    ]
