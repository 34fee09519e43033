"""Loading the referral tables: valid tables load; each broken one is refused with a clear message.

The last tests read one small file of three columns with ``referral.csvfile.read_rows`` itself, to
see which rows it keeps as well as what it reports.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from referral import DataError, load
from referral.csvfile import Column, Row, check_id, check_id_list, check_text, one_of, read_rows
from referral.errors import Problem
from referral.model import Link, Muscle, Nerve, NerveMuscle, Region, SelfCare, Source, Territory, TriggerPoint
from tests.conftest import FIXTURES

BROKEN = FIXTURES / "broken"

# fixture file -> the one problem line the loader must report (after the file name).
COLUMNS = "muscle_id, region_id, trigger_points, pattern, laterality, evidence, sources, note, editor_note"
EXPECTED = {
    "referral_map.missing_column.csv": "line 1, column 'pattern': the required column is missing; expected columns: "
    + COLUMNS,
    "referral_map.unknown_muscle.csv": "line 5, column 'muscle_id': 'masseter' is not valid; "
    "expected a muscle_id from muscles.csv",
    "referral_map.unknown_region.csv": "line 5, column 'region_id': 'forehead' is not valid; "
    "expected a region_id from regions.csv",
    "referral_map.duplicate_pair.csv": "line 5, column 'region_id': 'temple' is not valid; "
    "the pair (temporalis, temple) is already on line 2; expected each muscle and region pair once",
    "referral_map.bad_pattern.csv": "line 5, column 'pattern': 'esential' is not valid; "
    "expected 'essential' or 'spillover'",
    "referral_map.no_source.csv": "line 5, column 'sources': a value is required",
    "referral_map.unknown_source.csv": "line 5, column 'sources': 'travell' is not valid; "
    "expected a source_id from sources.csv",
    "referral_map.bad_laterality.csv": "line 5, column 'laterality': 'left' is not valid; "
    "expected 'ipsilateral' or 'bilateral' or 'midline'",
    "referral_map.extra_cells.csv": "line 5: the line has 10 cells but the header has 9 columns "
    "(extra: 'with a comma'); put text that contains commas in double quotes",
    "referral_map.empty.csv": "line 1: the file is empty; expected a header row: " + COLUMNS,
    "referral_map.header_only.csv": "line 2: the file has a header but no rows; expected at least one row",
    "referral_map.unknown_column.csv": "line 1: 'notes' is not valid; is not a column of this file; "
    "expected columns: " + COLUMNS,
    "referral_map.not_utf8.csv": "line 5: the file is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'",
    "referral_map.unknown_trigger_point.csv": "line 5, column 'trigger_points': 'temporalis_trp9' is not valid; "
    "expected a trigger_point_id from trigger_points.csv",
    "referral_map.point_of_another_muscle.csv": "line 5, column 'trigger_points': 'suboccipitals_trp1' is not "
    "valid; the trigger point belongs to suboccipitals; expected one of temporalis's trigger points",
    "referral_map.no_trigger_point.csv": "line 5, column 'trigger_points': a value is required",
    "referral_map.bad_grade.csv": "line 5, column 'evidence': 'D' is not valid; expected 'A' or 'B' or 'C'",
    "referral_map.no_grade.csv": "line 5, column 'evidence': a value is required",
    "trigger_points.unused.csv": "line 3, column 'trigger_point_id': 'temporalis_trp2' is not valid; the trigger "
    "point refers to no region; expected it in the trigger_points column of at least one row of referral_map.csv",
    "trigger_points.unknown_muscle.csv": "line 6, column 'muscle_id': 'masseter' is not valid; "
    "expected a muscle_id from muscles.csv",
    "muscles.muscle_without_rows.csv": "line 5, column 'muscle_id': 'masseter' is not valid; "
    "the muscle has no rows in referral_map.csv; expected at least one",
    "muscles.duplicate_id.csv": "line 5, column 'muscle_id': 'temporalis' is not valid; "
    "the id is already used on line 2",
    "muscles.bad_depth.csv": "line 2, column 'depth': 'surface' is not valid; expected 'superficial' or 'deep'",
    "muscles.unknown_self_care.csv": "line 2, column 'self_care': 'jaw_rest' is not valid; "
    "expected a self_care_id from self_care.csv",
    "sources.bad_url.csv": "line 3, column 'url': 'javascript:alert(1)' is not valid; "
    "expected an address starting with 'https://', without spaces",
    "sources.missing_cell.csv": "line 3: the line has 6 cells but the header has 7 columns "
    "(last cell: 'https://example.org/review'); every line needs a cell for each column, left empty where there "
    "is no value",
    "sources.nul_byte.csv": "line 3, column 'title': 'A re\\x00view' is not valid; it holds the control character "
    "U+0000 at character 5; expected text without control characters (tab and line breaks are allowed)",
    "sources.bad_year.csv": "line 2, column 'year': 'circa 1999' is not valid; expected a four-digit year or 'n.d.'",
    "nerves.bad_parent.csv": "line 4, column 'parent': 'maxillary' is not valid; expected a nerve_id from nerves.csv",
    "nerves.no_territory.csv": "line 7, column 'nerve_id': 'supraorbital' is not valid; "
    "the nerve has no rows in nerve_territories.csv; expected at least one",
    "nerve_territories.bad_extent.csv": "line 4, column 'extent': 'half' is not valid; expected 'whole' or 'part'",
    "nerve_territories.unknown_nerve.csv": "line 6, column 'nerve_id': 'greater_occipitale' is not valid; "
    "expected a nerve_id from nerves.csv",
    "nerve_territories.unknown_region.csv": "line 8, column 'region_id': 'mastoid' is not valid; "
    "expected a region_id from regions.csv",
    "nerve_territories.duplicate_pair.csv": "line 9, column 'region_id': 'eyebrow' is not valid; "
    "the pair (ophthalmic, eyebrow) is already on line 2; expected each nerve and region pair once",
    "nerve_muscles.unknown_muscle.csv": "line 4, column 'muscle_id': 'masseter' is not valid; "
    "expected a muscle_id from muscles.csv",
    "nerve_muscles.no_relation.csv": "line 3, column 'relation': a value is required",
    "regions.semicolons.csv": "line 1: this file uses ';' between its cells; save it from the spreadsheet as "
    "comma-separated CSV (UTF-8)",
    "regions.bad_id.csv": "line 2, column 'region_id': 'Temple' is not valid; "
    "expected a snake_case id: lower-case letters, digits and '_', starting with a letter",
}


def _break(data_dir: Path, fixture: str) -> Path:
    """Put a broken fixture in place of the table it stands for; return that table's path."""
    table = fixture.split(".")[0] + ".csv"
    shutil.copyfile(BROKEN / fixture, data_dir / table)
    return data_dir / table


def test_every_broken_fixture_has_an_expected_message():
    fixtures = {path.name for path in BROKEN.glob("*.csv")} - {"referral_map.bom_and_spaces.csv"}
    assert fixtures == set(EXPECTED)


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_broken_table_is_refused_naming_file_line_column_and_value(tiny_copy, fixture):
    table = _break(tiny_copy, fixture)
    with pytest.raises(DataError) as raised:
        load(tiny_copy)
    lines = [str(problem) for problem in raised.value.problems]
    assert f"{table}, {EXPECTED[fixture]}" in lines, "\n".join(lines)
    assert len(lines) == 1, "\n".join(lines)
    assert raised.value.message.startswith("1 problem in the referral data:")


def test_missing_file_is_refused_naming_it(tiny_copy):
    (tiny_copy / "regions.csv").unlink()
    with pytest.raises(DataError) as raised:
        load(tiny_copy)
    assert f"{tiny_copy / 'regions.csv'}: the file is missing (see data/README.md for what it holds)" in [
        str(p) for p in raised.value.problems
    ]


def test_every_problem_of_a_file_is_reported_at_once(tiny_copy):
    (tiny_copy / "referral_map.csv").write_text(
        "muscle_id,region_id,trigger_points,pattern,laterality,evidence,sources,note,editor_note\n"
        "temporalis,temple,temporalis_trp1,solid,ipsilateral,A,manual,,\n"
        "masseter,temple,masseter_trp1,essential,ipsilateral,A,manual,,\n"
        "upper_trapezius,temple,upper_trapezius_trp1;upper_trapezius_trp2,essential,ipsilateral,A,manual,,\n"
        "suboccipitals,occiput,suboccipitals_trp1,essential,ipsilateral,A,review,,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as raised:
        load(tiny_copy)
    assert [(p.line, p.column, p.value) for p in raised.value.problems] == [
        (2, "pattern", "solid"),
        (3, "muscle_id", "masseter"),
    ]
    assert raised.value.message.startswith("2 problems in the referral data:")


def test_byte_order_mark_blank_lines_and_stray_spaces_are_tolerated(tiny_copy):
    _break(tiny_copy, "referral_map.bom_and_spaces.csv")
    referral_map = load(tiny_copy)
    assert {(link.muscle_id, link.region_id) for link in referral_map.links} == {
        ("temporalis", "temple"),
        ("upper_trapezius", "temple"),
        ("suboccipitals", "occiput"),
    }
    assert referral_map.link("temporalis", "temple").sources == ("manual", "review")


def test_loaded_records_carry_every_column(tiny_map):
    trapezius = tiny_map.muscles["upper_trapezius"]
    assert trapezius.name == "Trapezius, upper fibres"
    assert trapezius.self_care == ("neck_stretch",)
    assert trapezius.sources == ("manual", "review")
    assert tiny_map.self_care["neck_stretch"].steps == ("Sit tall", "Tilt your head", "Breathe")
    assert tiny_map.regions["retro_orbital"].depth == "deep"
    assert tiny_map.link("upper_trapezius", "retro_orbital").note == "when intense"
    assert tiny_map.link("suboccipitals", "temple").editor_note == "Only one source gives this."
    assert [tiny_map.link(*pair).evidence for pair in [("temporalis", "temple"), ("temporalis", "eyebrow"),
                                                        ("suboccipitals", "temple")]] == ["A", "B", "C"]
    assert tiny_map.link("upper_trapezius", "occiput").trigger_points == ("upper_trapezius_trp2",)
    point = tiny_map.trigger_points["upper_trapezius_trp1"]
    assert (point.muscle_id, point.label, point.location) == (
        "upper_trapezius",
        "TrP1",
        "front edge of the upper border",
    )
    assert tiny_map.sources["manual"].citation == "Author A, Author B (1999). A trigger point manual. A publisher; Chapter 1."


def test_loaded_map_cannot_be_changed(tiny_map):
    with pytest.raises(TypeError):
        tiny_map.muscles["masseter"] = tiny_map.muscles["temporalis"]
    with pytest.raises(AttributeError):
        tiny_map.links = ()


def test_a_muscle_with_rows_but_no_trigger_points_is_refused(tiny_copy):
    points = (tiny_copy / "trigger_points.csv").read_text(encoding="utf-8").splitlines()
    (tiny_copy / "trigger_points.csv").write_text("\n".join(p for p in points if "suboccipitals" not in p) + "\n",
                                                  encoding="utf-8")
    rows = (tiny_copy / "referral_map.csv").read_text(encoding="utf-8").replace("suboccipitals_trp1", "")
    (tiny_copy / "referral_map.csv").write_text(rows, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load(tiny_copy)
    lines = [str(p) for p in raised.value.problems]
    # The rows lose their only trigger point (a required value), so those are reported first.
    assert sum("column 'trigger_points': a value is required" in line for line in lines) == 3, lines


def test_a_muscle_pattern_is_the_union_of_its_trigger_points_patterns(tiny_map):
    def regions(rows):
        return {(link.region_id, link.pattern) for link in rows}

    whole = regions(tiny_map.rows_of("upper_trapezius"))
    by_point = set().union(*(regions(tiny_map.rows_of("upper_trapezius", p)) for p in tiny_map.points_of("upper_trapezius")))
    assert whole == by_point == {("temple", "essential"), ("retro_orbital", "spillover"), ("occiput", "essential")}
    assert regions(tiny_map.rows_of("upper_trapezius", "upper_trapezius_trp2")) == {("occiput", "essential")}


@pytest.mark.parametrize("character, code", [("\x1b", "U+001B"), ("\x7f", "U+007F"), ("\x0c", "U+000C")])
def test_a_control_character_in_any_cell_is_refused_naming_its_column(tiny_copy, character, code):
    path = tiny_copy / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Table 2", f"Table{character}2"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load(tiny_copy)
    assert [str(p) for p in raised.value.problems] == [
        f"{path}, line 3, column 'locator': {'Table' + character + '2'!r} is not valid; it holds the control "
        f"character {code} at character 6; expected text without control characters (tab and line breaks are allowed)"
    ]


def test_a_tab_inside_a_cell_is_still_accepted(tiny_copy):
    path = tiny_copy / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Table 2", "Table\t2"), encoding="utf-8")
    assert load(tiny_copy).sources["review"]


def test_a_column_of_fixed_values_accepts_each_of_them_and_names_them_all_otherwise():
    check = one_of("essential", "spillover")
    assert check("essential") is None and check("spillover") is None
    assert check("stippled") == "expected 'essential' or 'spillover'"


def test_load_checked_measures_the_drawing_unless_told_not_to(tiny_drawing):
    from referral import load_checked

    referral_map, drawing = load_checked(FIXTURES / "tiny", tiny_drawing)
    assert set(referral_map.muscles) == {"temporalis", "upper_trapezius", "suboccipitals"}
    assert all(shape.bbox is not None for shape in drawing.shapes_of("muscle", "temporalis"))
    _, unmeasured = load_checked(FIXTURES / "tiny", tiny_drawing, geometry=False)
    assert all(shape.bbox is None for shape in unmeasured.shapes_of("muscle", "temporalis"))
    assert unmeasured.shapes_of("muscle", "temporalis")


def test_load_checked_refuses_a_drawing_of_muscles_the_table_lacks():
    from referral import load_checked
    from tests.conftest import DRAWING

    with pytest.raises(DataError) as raised:
        load_checked(FIXTURES / "tiny", DRAWING, geometry=False)
    assert any("masseter" in str(problem) for problem in raised.value.problems)


def test_a_branch_of_a_branch_is_refused(tiny_copy):
    nerves = tiny_copy / "nerves.csv"
    text = nerves.read_text(encoding="utf-8")
    # line 6, the lesser occipital nerve, is made a branch of the auriculotemporal branch
    nerves.write_text(text.replace('"Cervical plexus, C2",,', '"Cervical plexus, C2",auriculotemporal,'),
                      encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load(tiny_copy)
    assert [str(p) for p in raised.value.problems] == [
        f"{nerves}, line 6, column 'parent': 'auriculotemporal' is not valid; "
        "expected a nerve that is not itself a branch (a branch's parent is a main nerve)"
    ]


def test_a_nerve_and_muscle_pair_written_twice_is_refused(tiny_copy):
    table = tiny_copy / "nerve_muscles.csv"
    with table.open("a", encoding="utf-8") as out:
        out.write("greater_occipital,suboccipitals,passes beside it,review,\n")
    with pytest.raises(DataError) as raised:
        load(tiny_copy)
    assert [str(p) for p in raised.value.problems] == [
        f"{table}, line 5, column 'muscle_id': 'suboccipitals' is not valid; the pair (greater_occipital, "
        "suboccipitals) is already on line 2; expected each nerve and muscle pair once"
    ]


# One small file read directly: an id, an optional list of ids, an optional text.
ITEMS = (Column("item_id", check_id), Column("tags", check_id_list, required=False),
         Column("note", check_text, required=False))
NOT_AN_ID = "expected a snake_case id: lower-case letters, digits and '_', starting with a letter"
FIELD_LIMIT = "cannot be read as CSV (field larger than field limit (131072))"


def read(tmp_path: Path, text: str, columns=ITEMS) -> tuple[list[Row], list[Problem], str]:
    path = tmp_path / "items.csv"
    path.write_bytes(text.encode("utf-8"))
    problems: list[Problem] = []
    return read_rows(path, columns, problems), problems, str(path)


# Line endings as spreadsheets write them: Windows, Linux and macOS, and Excel's "CSV (Macintosh)".
@pytest.mark.parametrize("end", ["\r\n", "\n", "\r"], ids=["crlf", "lf", "cr"])
def test_a_line_break_in_a_quoted_cell_is_kept_as_written_and_later_lines_keep_their_numbers(tmp_path, end):
    rows, problems, name = read(tmp_path, f'item_id,tags,note{end}first,,"two{end}lines"{end}Bad,,{end}')
    assert rows == [Row(name, 2, {"item_id": "first", "tags": "", "note": f"two{end}lines"})]
    assert problems == [Problem(name, 4, "item_id", "Bad", NOT_AN_ID)]


def test_a_row_with_any_problem_is_left_out_of_the_rows_read(tmp_path):
    rows, problems, _ = read(tmp_path, "item_id,tags,note\n"
                                       "first,,\n"
                                       "second,,a\x1bb\n"  # a control character
                                       ",,no id\n"  # a required value left empty
                                       "third,Bad Tag,\n"  # a value its column's check refuses
                                       "fourth,,\n")
    assert [row["item_id"] for row in rows] == ["first", "fourth"]
    assert [(p.line, p.column) for p in problems] == [(3, "note"), (4, "item_id"), (5, "tags")]


def test_an_optional_column_left_out_of_the_header_reads_as_empty(tmp_path):
    rows, problems, name = read(tmp_path, "item_id,note\nfirst,hello\n")
    assert problems == []
    assert rows == [Row(name, 2, {"item_id": "first", "note": "hello", "tags": ""})]


def test_an_empty_optional_cell_does_not_stop_the_checks_of_the_columns_after_it(tmp_path):
    _, problems, name = read(tmp_path, f"item_id,tags,note\nfirst,,{'x' * 2001}\n")
    assert problems == [Problem(name, 2, "note", "x" * 2001, "expected at most 2000 characters of text")]


def test_a_text_may_be_2000_characters_long_and_no_longer():
    assert check_text("x" * 2000) is None
    assert check_text("x" * 2001) == "expected at most 2000 characters of text"


def test_a_list_of_ids_needs_at_least_one_and_every_one_valid():
    assert check_id_list("temporalis; upper_trapezius") is None
    assert check_id_list("temporalis;Upper trapezius") == "expected one or more snake_case ids separated by ';'"
    assert check_id_list(" ; ") == "expected one or more snake_case ids separated by ';'"


def test_a_column_named_twice_in_the_header_is_refused(tmp_path):
    rows, problems, name = read(tmp_path, "item_id,note,item_id\nfirst,,second\n")
    assert rows == []
    assert problems == [Problem(name, 1, "item_id", "item_id", "each column name may appear only once")]


def test_a_line_with_two_extra_cells_shows_both(tmp_path):
    _, problems, name = read(tmp_path, "item_id,tags,note\nfirst,,a note,with,commas\n")
    assert problems == [Problem(name, 2, None, None, "the line has 5 cells but the header has 3 columns "
                                                     "(extra: 'with,commas'); put text that contains commas in "
                                                     "double quotes")]


def test_a_file_that_cannot_be_read_is_named_with_the_reason(tmp_path):
    (tmp_path / "items.csv").mkdir()
    problems: list[Problem] = []
    assert read_rows(tmp_path / "items.csv", ITEMS, problems) == []
    assert problems == [Problem(str(tmp_path / "items.csv"), None, None, None, "the file cannot be read (Is a directory)")]


SEMICOLONS = "this file uses ';' between its cells; save it from the spreadsheet as comma-separated CSV (UTF-8)"


def test_a_file_of_two_columns_saved_with_semicolons_is_told_so(tmp_path):
    rows, problems, name = read(tmp_path, "item_id;note\nfirst;hello\n", ITEMS[::2])
    assert rows == []
    assert problems == [Problem(name, 1, None, None, SEMICOLONS)]


@pytest.mark.parametrize(("header", "columns", "expected"), [
    # separated by commas, with a ';' in one of its names
    ("item_id,note;tags", ITEMS, "is not a column of this file; expected columns: item_id, tags, note"),
    # a file of one column has no separator to get wrong
    ("item_id;note", ITEMS[:1], "is not a column of this file; expected columns: item_id"),
])
def test_a_semicolon_in_the_header_alone_is_not_taken_for_the_separator(tmp_path, header, columns, expected):
    _, problems, name = read(tmp_path, f"{header}\nfirst\n", columns)
    assert problems[0] == Problem(name, 1, None, header.split(",")[-1], expected)


def test_a_header_that_cannot_be_read_as_csv_is_refused_on_line_1(tmp_path):
    # a quote never closed runs to the end of the file, past the csv module's limit for one cell
    rows, problems, name = read(tmp_path, '"item_id' + "x" * 140_000 + "\n")
    assert rows == []
    assert problems == [Problem(name, 1, None, None, FIELD_LIMIT)]


def test_a_line_that_cannot_be_read_as_csv_is_refused_and_the_rows_before_it_are_kept(tmp_path):
    rows, problems, name = read(tmp_path, 'item_id,tags,note\nfirst,,\nsecond,,"' + "x" * 140_000 + "\n")
    assert rows == [Row(name, 2, {"item_id": "first", "tags": "", "note": ""})]
    assert problems == [Problem(name, 3, None, None, FIELD_LIMIT)]


def test_each_kind_of_record_is_built_from_every_cell_of_its_row(tiny_copy):
    table = tiny_copy / "nerve_muscles.csv"
    with table.open("a", encoding="utf-8") as out:
        out.write("lesser_occipital,upper_trapezius,runs up behind its upper edge,review,Some people only\n")
    loaded = load(tiny_copy)
    assert loaded.sources["review"] == Source(id="review", authors="Author C", year="2007", title="A review",
                                              published_in="A journal", locator="Table 2",
                                              url="https://example.org/review")
    assert loaded.regions["retro_orbital"] == Region(id="retro_orbital", name="Retro-orbital",
                                                     patient_words="behind the eye", depth="deep")
    assert loaded.self_care["neck_stretch"] == SelfCare(id="neck_stretch", name="Neck stretch", purpose="Eases the neck",
                                                        steps=("Sit tall", "Tilt your head", "Breathe"),
                                                        dose="20 seconds", caution="Stop if it hurts",
                                                        sources=("manual",))
    assert loaded.muscles["upper_trapezius"] == Muscle(id="upper_trapezius", name="Trapezius, upper fibres",
                                                       group="Trapezius", depth="superficial",
                                                       plain_words="top of the shoulder", trigger_points="shoulder ridge",
                                                       why_it_matters="desk work", self_care=("neck_stretch",),
                                                       sources=("manual", "review"))
    assert loaded.trigger_points["suboccipitals_trp1"] == TriggerPoint(
        id="suboccipitals_trp1", muscle_id="suboccipitals", label="Trigger point", location="under the skull",
        sources=("review",), editor_note="The sources give no separate points.")
    assert loaded.link("suboccipitals", "temple") == Link(
        muscle_id="suboccipitals", region_id="temple", pattern="spillover", laterality="ipsilateral",
        sources=("review",), note="", trigger_points=("suboccipitals_trp1",),
        editor_note="Only one source gives this.", evidence="C")
    assert loaded.link("upper_trapezius", "retro_orbital") == Link(
        muscle_id="upper_trapezius", region_id="retro_orbital", pattern="spillover", laterality="ipsilateral",
        sources=("manual",), note="when intense", trigger_points=("upper_trapezius_trp1",), editor_note="",
        evidence="A")
    assert loaded.nerves["auriculotemporal"] == Nerve(
        id="auriculotemporal", name="Auriculotemporal nerve", patient_words="the nerve in front of the ear",
        origin="Mandibular division (V3), auriculotemporal branch", parent="mandibular",
        plain="Feeling from the temple in front of the ear.", sources=("review",))
    assert loaded.territory_of("ophthalmic")[1] == Territory(nerve_id="ophthalmic", region_id="retro_orbital",
                                                             extent="whole", sources=("manual",),
                                                             note="Deep: the eye and the orbit.")
    assert loaded.muscles_of_nerve("lesser_occipital") == (NerveMuscle(
        nerve_id="lesser_occipital", muscle_id="upper_trapezius", relation="runs up behind its upper edge",
        sources=("review",), note="Some people only"),)


def test_rows_after_one_of_an_unknown_muscle_still_have_their_trigger_points_checked(tiny_copy):
    table = tiny_copy / "referral_map.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    lines.insert(1, "masseter,temple,masseter_trp1,essential,ipsilateral,A,manual,,")
    lines[-1] = lines[-1].replace("suboccipitals_trp1", "suboccipitals_trp9")
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load(tiny_copy)
    assert [(p.line, p.column, p.value) for p in raised.value.problems] == [
        (2, "muscle_id", "masseter"),
        (10, "trigger_points", "suboccipitals_trp9"),
    ]


def test_a_broken_trigger_point_row_is_not_reported_again_on_the_rows_that_name_it(tiny_copy):
    table = tiny_copy / "trigger_points.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("temporalis,TrP1,", "temporalis,,"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load(tiny_copy)
    assert [(p.file, p.line, p.column) for p in raised.value.problems] == [(str(table), 2, "label")]
