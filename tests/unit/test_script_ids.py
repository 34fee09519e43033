"""The browser scripts name the page's elements by the ids the Python side gives them: every id a
script looks up is one of ``components/ids.py`` (the map) or ``study/ids.py`` (the study page),
so renaming one there without the script fails here, not in a tablet's hands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from components import ids as map_ids
from study import ids as study_ids

ASSETS = Path(__file__).resolve().parents[2] / "assets"
SCRIPTS = {"referral_map.js": map_ids, "details_panel.js": map_ids, "study.js": study_ids}


def values_of(module) -> set[str]:
    return {value for name, value in vars(module).items() if name.isupper() and isinstance(value, str)}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_every_id_a_script_looks_up_is_given_by_the_python_side(script):
    text = (ASSETS / script).read_text(encoding="utf-8")
    named = re.findall(r'const [A-Z_]+_ID = "([^"]+)";', text)
    assert named, f"{script} names no ids: has the way it declares them changed?"
    unknown = sorted(set(named) - values_of(SCRIPTS[script]))
    assert unknown == [], f"{script} looks up ids no Python module gives: {unknown}"
