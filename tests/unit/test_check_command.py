"""``python -m referral check``: the validator someone editing the table runs."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import referral.__main__ as referral_command
from referral import load
from tests.conftest import DRAWING, FIXTURES, PROJECT, TINY, drawing_for


def run_check(*args: str):
    return subprocess.run(
        [sys.executable, "-m", "referral", "check", *args], cwd=PROJECT, capture_output=True, text=True, timeout=60
    )


def test_check_passes_a_valid_table():
    result = run_check(str(FIXTURES / "tiny"), "--no-drawing")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 3 muscles with 4 trigger points, 5 regions, 8 referral rows (6 A, 1 B, 1 C), "
                                    "5 nerves, 2 sources")


def test_check_fails_a_broken_table_with_the_message_and_no_traceback(tiny_copy):
    shutil.copyfile(FIXTURES / "broken" / "referral_map.bad_pattern.csv", tiny_copy / "referral_map.csv")
    result = run_check(str(tiny_copy), "--no-drawing")
    assert result.returncode == 1
    assert "referral_map.csv, line 5, column 'pattern': 'esential' is not valid" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_of_the_project_data_and_drawing_passes():
    result = run_check()
    assert result.returncode == 0, result.stderr
    assert "OK: 24 muscles with 37 trigger points, 29 regions" in result.stdout and "drawing:" in result.stdout


# In-process runs of the same command (``main`` with its arguments), so each branch of it is
# tested directly. The expected numbers are counted from the raw CSV rows and the SVG's
# attributes here, not by the loader, so the tests follow edits to the product's tables.

def raw_rows(folder: Path, table: str) -> list[dict[str, str]]:
    with open(folder / table, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def counted_summary(folder: Path) -> str:
    """The ``OK`` line's table part, counted from the CSV files themselves."""
    links = raw_rows(folder, "referral_map.csv")
    grades = ", ".join(f"{sum(row['evidence'] == grade for row in links)} {grade}" for grade in "ABC")
    summary = (
        f"{len(raw_rows(folder, 'muscles.csv'))} muscles with {len(raw_rows(folder, 'trigger_points.csv'))} "
        f"trigger points, {len(raw_rows(folder, 'regions.csv'))} regions, {len(links)} referral rows ({grades}), "
        f"{len(raw_rows(folder, 'nerves.csv'))} nerves, {len(raw_rows(folder, 'sources.csv'))} sources, "
        f"{len(raw_rows(folder, 'evidence.csv'))} evidence summaries, "
        f"{len(raw_rows(folder, 'handout.csv'))} handout notes"
    )
    if (folder / "search_terms.csv").exists():
        words = sum(1 for row in raw_rows(folder, "search_terms.csv") for word in row["terms"].split(";")
                    if word.strip())
        summary += f", {words} search words"
    return summary


def counted_drawing(svg: Path) -> str:
    """The ``OK`` line's drawing part, counted from the SVG's attributes."""
    elements = list(ET.parse(svg).getroot().iter())
    shapes = sum(1 for e in elements if {"data-muscle", "data-region", "data-nerve"} & set(e.attrib))
    views = {e.get("data-view") for e in elements if e.get("data-view")}
    return f"; drawing: {shapes} tappable shapes in {len(views)} views"


# The tiny table's numbers, counted by hand from tests/fixtures/tiny.
TINY_SUMMARY = ("3 muscles with 4 trigger points, 5 regions, 8 referral rows (6 A, 1 B, 1 C), 5 nerves, 2 sources, "
                "2 evidence summaries, 9 handout notes")
TINY_WORDS = ", 6 search words"  # jaw clenching, temple headache, trap, traps, behind the eye, GON


@pytest.mark.parametrize("args", [[], ["data", "--drawing", "drawing"]], ids=["defaults", "named"])
def test_check_with_no_folder_or_the_products_own_checks_its_data_and_drawing(args, capsys):
    data, drawing = referral_command.PROJECT / "data", referral_command.PROJECT / "assets" / "head_regions.svg"
    named = [{"data": str(data), "drawing": str(drawing)}.get(arg, arg) for arg in args]
    assert referral_command.main(["check", *named]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == f"OK: {counted_summary(data)}{counted_drawing(drawing)}\n"


def test_check_prints_the_tables_summary_only_with_no_drawing(tiny_copy, capsys):
    assert referral_command.main(["check", str(tiny_copy), "--no-drawing",
                                  "--drawing", str(tiny_copy / "absent.svg")]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (f"OK: {TINY_SUMMARY}{TINY_WORDS}\n", "")


def test_check_fails_when_the_drawing_is_missing(tiny_copy, capsys):
    drawing = tiny_copy / "absent.svg"
    assert referral_command.main(["check", str(tiny_copy), "--drawing", str(drawing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"1 problem in the referral data:\n  {drawing}: the drawing is missing\n"


def test_check_reports_a_broken_table_on_stderr_naming_the_file_and_line(tiny_copy, capsys):
    shutil.copyfile(FIXTURES / "broken" / "referral_map.bad_pattern.csv", tiny_copy / "referral_map.csv")
    assert referral_command.main(["check", str(tiny_copy), "--no-drawing"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("1 problem in the referral data:\n")
    assert f"{tiny_copy / 'referral_map.csv'}, line 5, column 'pattern': 'esential' is not valid" in err


def test_check_with_required_checks_the_required_content_of_a_table_outside_the_project(tiny_copy, capsys):
    assert referral_command.main(["check", str(tiny_copy), "--no-drawing", "--required"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    # The tiny table has none of the product's study summaries, and search words for a few items only.
    assert f"{tiny_copy}/evidence.csv, column 'evidence_id': 'consensus_2025' is not valid" in err
    assert f"{tiny_copy}/search_terms.csv, column 'id': 'suboccipitals' is not valid; the muscle has no search" in err


def test_check_skips_the_required_content_outside_the_projects_data_without_required(tiny_copy, capsys):
    assert referral_command.main(["check", str(tiny_copy), "--no-drawing"]) == 0
    assert capsys.readouterr().out == f"OK: {TINY_SUMMARY}{TINY_WORDS}\n"
    assert counted_summary(tiny_copy) == TINY_SUMMARY + TINY_WORDS  # the counting above agrees with a hand count


def test_check_without_search_terms_leaves_the_search_words_out(tiny_copy, capsys):
    (tiny_copy / "search_terms.csv").unlink()
    assert referral_command.main(["check", str(tiny_copy), "--no-drawing"]) == 0
    assert capsys.readouterr().out == f"OK: {TINY_SUMMARY}\n"


def small_drawing(tmp_path: Path, without_muscle: str | None = None) -> Path:
    """The project's drawing cut down to the tiny table, less every shape of ``without_muscle``."""
    drawing = drawing_for(load(TINY), DRAWING, tmp_path / "head_regions.svg")
    if without_muscle:
        tree = ET.parse(drawing)
        for parent in list(tree.getroot().iter()):
            for child in list(parent):
                if child.get("data-muscle") == without_muscle:
                    parent.remove(child)
        tree.write(drawing, encoding="utf-8", xml_declaration=True)
    return drawing


def test_check_fails_a_drawing_that_lacks_a_muscle_of_the_tables(tiny_copy, tmp_path, capsys):
    drawing = small_drawing(tmp_path, without_muscle="suboccipitals")
    assert referral_command.main(["check", str(tiny_copy), "--drawing", str(drawing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{drawing}, column 'data-muscle': 'suboccipitals' is not valid; the muscle is in muscles.csv but " \
           "drawn in no view" in err


def test_check_with_a_matching_drawing_adds_its_shapes_and_views(tiny_copy, tmp_path, capsys):
    drawing = small_drawing(tmp_path)
    assert referral_command.main(["check", str(tiny_copy), "--drawing", str(drawing)]) == 0
    assert capsys.readouterr().out == f"OK: {TINY_SUMMARY}{TINY_WORDS}{counted_drawing(drawing)}\n"


def test_the_command_without_a_subcommand_shows_its_usage_and_exits_with_status_2(capsys):
    with pytest.raises(SystemExit) as stop:
        referral_command.main([])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: python -m referral ")
    assert err.endswith("python -m referral: error: the following arguments are required: command\n")


def test_the_help_says_what_the_command_and_each_option_do(capsys):
    with pytest.raises(SystemExit):
        referral_command.main(["--help"])
    top = " ".join(capsys.readouterr().out.split())  # the same text however the terminal wraps it
    assert "... Check Referral Map's data. positional" in top
    assert "check validate the referral tables and the drawing options:" in top
    with pytest.raises(SystemExit):
        referral_command.main(["check", "--help"])
    check = " ".join(capsys.readouterr().out.split())
    for line in ("data_dir folder of the CSV tables", "--drawing DRAWING the diagram to check against",
                 "--no-drawing check the tables only",
                 "--required also check the product's required content (always done for the project's data/)"):
        assert line in check
