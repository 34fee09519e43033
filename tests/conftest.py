"""Shared fixtures: the tiny table used by the unit tests, and the project's own data."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from referral import load

TESTS = Path(__file__).resolve().parent
PROJECT = TESTS.parent
FIXTURES = TESTS / "fixtures"
TINY = FIXTURES / "tiny"
# The app reads the same two variables (components/data.py), so tests and app agree.
DATA = Path(os.environ.get("REFERRAL_MAP_DATA", PROJECT / "data"))
DRAWING = Path(os.environ.get("REFERRAL_MAP_DRAWING", PROJECT / "assets" / "head_regions.svg"))


@pytest.fixture
def tiny_copy(tmp_path: Path) -> Path:
    """A writable copy of the tiny table, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(TINY, target)
    return target


@pytest.fixture(scope="session")
def tiny_map():
    return load(TINY)


@pytest.fixture(scope="session")
def project_map():
    return load(DATA)
