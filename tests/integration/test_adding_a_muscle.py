"""Adding a muscle, as `data/README.md` ("How to add a muscle") tells a maintainer to.

The README lists the files edited by hand. These tests follow its steps on a copy of the
product's tables and generator: with every step done the app starts and the new muscle is on
the drawing on both sides with its trigger point; with any one step left out, the start or the
check refuses and names the file that step is about. So the list is neither short of a file nor
longer than it needs to be.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import referral.__main__ as referral_command
from app import create_app
from referral import read_drawing
from tools.drawing import assemble, generate
from tools.drawing.geometry import ellipse
from tools.drawing.muscles import MUSCLES, Drawn, Muscle

PROJECT = Path(__file__).resolve().parents[2]
NEW, POINT = "example_muscle", "example_muscle_trp1"

# One line per table, as the README's steps describe them (the source is one the tables have).
ROWS = {
    "muscles.csv": f"{NEW},Example muscle,Example,superficial,A small muscle beside the nose.,"
                   "One point in its belly.,It is an example.,,ts1999_ch06",
    "trigger_points.csv": f"{POINT},{NEW},Trigger point,In the middle of the belly.,ts1999_ch06,",
    "referral_map.csv": f"{NEW},temple,{POINT},essential,ipsilateral,A,ts1999_ch06,,",
    "search_terms.csv": f"muscle,{NEW},example;nose muscle",
}
DRAWING = "tools/drawing/muscles.py"
STEPS = (*ROWS, DRAWING)


def _front(c) -> Drawn:
    # A small oval beside the bridge of the nose, where no other muscle of the front view lies.
    (x, y), = c.at((10, 190))
    return Drawn(ellipse(x, y, 3.5, 7.0))


NEW_DRAWN = Muscle(NEW, {"front": _front}, points={POINT: {"front": (10, 190)}})


@pytest.fixture(scope="module")
def drawing_with_the_muscle(tmp_path_factory) -> Path:
    """The generator's drawing with the new muscle declared once, as step 4 says."""
    path = tmp_path_factory.mktemp("drawing") / "head_regions.svg"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(assemble, "MUSCLES", (*MUSCLES, NEW_DRAWN))
        path.write_text(generate(), encoding="utf-8")
    return path


def _tables_with_the_muscle(tmp_path: Path, left_out: str | None = None) -> Path:
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    for name, row in ROWS.items():
        if name != left_out:
            with (data / name).open("a", encoding="utf-8") as table:
                table.write(row + "\n")
    return data


def _problems(data: Path, drawing: Path, capsys) -> str:
    """What ``python -m referral check --required`` says of the tables and the drawing (the
    checks the app makes at start on the product's own tables), or "" when it finds nothing."""
    status = referral_command.main(["check", str(data), "--drawing", str(drawing), "--required"])
    out, err = capsys.readouterr()
    assert (status == 0) == (err == "") and out.startswith("OK: ") == (status == 0)
    return err


def test_the_readme_lists_these_five_files_and_no_other():
    readme = (PROJECT / "data" / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How to add a muscle", 1)[1].split("\n## ", 1)[0]
    listed = section.split("The files edited by hand, in all:", 1)[1].split("(five)", 1)[0]
    assert sorted(re.findall(r"`([^`]+)`", listed)) == sorted(STEPS)


def test_with_every_step_done_the_app_starts_and_draws_the_muscle_on_both_sides(tmp_path, drawing_with_the_muscle,
                                                                                 capsys):
    data = _tables_with_the_muscle(tmp_path)
    assert _problems(data, drawing_with_the_muscle, capsys) == ""
    create_app(data, drawing_with_the_muscle)  # raises DataError on any problem
    drawing = read_drawing(drawing_with_the_muscle, geometry=False)
    assert {(t.view, t.side) for t in drawing.shapes_of("muscle", NEW)} == {("front", "left"), ("front", "right")}
    assert sorted((m.view, m.side) for m in drawing.marks if m.point_id == POINT) == [
        ("front", "left"), ("front", "right")]


@pytest.mark.parametrize("left_out", STEPS)
def test_leaving_out_any_step_is_refused_naming_its_file(tmp_path, drawing_with_the_muscle, left_out, capsys):
    data = _tables_with_the_muscle(tmp_path, left_out=left_out)
    drawing = PROJECT / "assets" / "head_regions.svg" if left_out == DRAWING else drawing_with_the_muscle
    said = _problems(data, drawing, capsys)
    assert said, f"leaving out {left_out} was accepted"
    assert left_out in said
