"""``python -m referral check``: the validator someone editing the table runs."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.conftest import FIXTURES, PROJECT


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
