"""Shared fixtures: the tiny table used by the unit tests, and the project's own data."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from referral import load

# Hypothesis fails an example that takes longer than 200 ms by default: a timing limit, which on
# a shared or slow machine fails tests for the machine's load, not the code. Speed is measured
# by the benchmarks instead.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

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


ITEM_ATTRIBUTES = {"data-muscle": "muscles", "data-region": "regions", "data-nerve": "nerves",
                   "data-trigger-point": "trigger_points"}


def drawing_for(referral_map, source: Path, target: Path) -> Path:
    """The project's drawing cut down to what ``referral_map`` holds: every shape of a muscle,
    region, nerve or trigger point the map lacks is left out. Lets an app be built on a small
    table (the tiny one) with a drawing that matches it."""
    import xml.etree.ElementTree as ET

    ET.register_namespace("", "http://www.w3.org/2000/svg")
    tree = ET.parse(source)

    def prune(parent) -> None:
        for child in list(parent):
            for attribute, table in ITEM_ATTRIBUTES.items():
                value = child.get(attribute)
                if value is not None and value not in getattr(referral_map, table):
                    parent.remove(child)
                    break
            else:
                prune(child)

    prune(tree.getroot())
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return target


@pytest.fixture(scope="session")
def tiny_drawing(tmp_path_factory, tiny_map) -> Path:
    """The drawing for the tiny table (see ``drawing_for``)."""
    return drawing_for(tiny_map, DRAWING, tmp_path_factory.mktemp("tiny-drawing") / "head_regions.svg")


def run_callback(client, outputs, inputs, state=(), prefix: str = "/") -> dict:
    """Ask the server for a callback as the browser does, and return what it answered per output id.

    ``outputs`` are (id, property) pairs, ``inputs`` and ``state`` (id, property, value) triples;
    the first input is the one that changed. ``prefix`` is the app's address (``/study/``).
    """
    output = "..".join(f"{i}.{p}" for i, p in outputs)
    body = {
        "output": f"..{output}.." if len(outputs) > 1 else output,
        "outputs": [{"id": i, "property": p} for i, p in outputs] if len(outputs) > 1 else
                   {"id": outputs[0][0], "property": outputs[0][1]},
        "inputs": [{"id": i, "property": p, "value": v} for i, p, v in inputs],
        "state": [{"id": i, "property": p, "value": v} for i, p, v in state],
        "changedPropIds": [f"{inputs[0][0]}.{inputs[0][1]}"],
    }
    response = client.post(prefix + "_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["response"]
