"""The dependency audit's one-line result: a run that checked nothing never reads as a pass."""

from __future__ import annotations

import importlib.util

from tests.conftest import PROJECT

spec = importlib.util.spec_from_file_location("audit", PROJECT / "tools" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)


def test_checking_nothing_is_said_as_not_checked_not_as_a_pass():
    line = audit.outcome(checked=0, total=79, vulnerable=0)
    assert line.startswith("AUDIT NOT CHECKED") and "PASSED" not in line


def test_a_partial_check_says_how_many_were_left_out():
    assert audit.outcome(checked=70, total=79, vulnerable=0).startswith("AUDIT INCOMPLETE: 9 of 79")


def test_only_a_full_clean_check_passes_and_any_vulnerability_fails():
    assert audit.outcome(79, 79, 0).startswith("AUDIT PASSED")
    assert audit.outcome(79, 79, 2).startswith("AUDIT FAILED") and audit.outcome(0, 79, 1).startswith("AUDIT FAILED")
