"""The product's tables cut short or with a line repeated: each is refused, naming what was lost.

For every data file of the product: keep only the first half of its rows (a file saved half
way, or an edit that lost the end), and repeat one line (a paste done twice). Either must stop
the check with a message that names the file, rather than show a map that quietly lacks a red
flag, a nerve or a muscle's rows.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys

import pytest

from tests.conftest import DATA, PROJECT

FILES = sorted(p.name for p in DATA.glob("*.csv"))


def check(folder) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "referral", "check", str(folder), "--required"], cwd=PROJECT,
                          capture_output=True, text=True, timeout=60)


def read_records(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_records(path, rows) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_the_products_own_data_passes(data_copy):
    result = check(data_copy)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", FILES)
def test_a_file_cut_to_half_its_rows_is_refused_naming_it(data_copy, name):
    path = data_copy / name
    # keep the header and the first half of the rows (records may span lines: cut at a record)
    rows = read_records(path)
    keep = rows[: 1 + (len(rows) - 1) // 2]
    write_records(path, keep)
    result = check(data_copy)
    assert result.returncode == 1, f"{name} cut to {len(keep) - 1} of {len(rows) - 1} rows was accepted"
    assert name in result.stderr


@pytest.mark.parametrize("name", FILES)
def test_a_repeated_line_is_refused_naming_it(data_copy, name):
    path = data_copy / name
    rows = read_records(path)
    rows.insert(2, rows[1])
    write_records(path, rows)
    result = check(data_copy)
    assert result.returncode == 1, f"{name} with its first row repeated was accepted"
    assert name in result.stderr


def test_a_handout_without_its_red_flags_names_the_missing_sign(data_copy):
    path = data_copy / "handout.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text("".join(line for line in text.splitlines(keepends=True) if "blow to the head" not in line), encoding="utf-8")
    result = check(data_copy)
    assert "the warning sign 'a headache after a head injury' is missing" in result.stderr


def test_two_regions_with_their_ids_swapped_are_refused(data_copy):
    """forehead <-> cheek: the table stays valid line by line, but tapping the forehead would
    say "Cheek and maxilla"."""
    path = data_copy / "regions.csv"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\nforehead,", "\nTMP,").replace("\ncheek,", "\nforehead,").replace("\nTMP,", "\ncheek,")
    path.write_text(text, encoding="utf-8")
    result = check(data_copy)
    assert result.returncode == 1
    assert "'Cheek and maxilla' is not valid; does not name the region 'forehead'" in result.stderr
