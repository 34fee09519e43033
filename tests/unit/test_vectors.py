"""The selection rules, held to the hand-written cases that the browser script is held to too.

``tests/vectors/selection.json`` lists sequences of actions (taps, a mode or side switch, a
pain score, clear) on the tiny table, with the selection, the lit classes and the address they
must end in. ``tests/js/core.test.js`` runs the same cases against ``assets/referral_core.js``.
"""

from __future__ import annotations

import json

import pytest

from referral import Selection, Tap, cleared, highlight_for, next_selection, query_for, with_mode
from referral.selection import with_side, with_strength
from tests.conftest import TESTS

VECTORS = json.loads((TESTS / "vectors" / "selection.json").read_text(encoding="utf-8"))


def run(actions, referral_map) -> Selection:
    selection = Selection()
    for action in actions:
        if "tap" in action:
            t = action["tap"]
            selection = next_selection(selection, Tap(t["kind"], t["id"], t["side"], t.get("muscle")))
        elif "mode" in action:
            selection = with_mode(selection, action["mode"])
        elif "side" in action:
            selection = with_side(selection, action["side"])
        elif "strength" in action:
            selection = with_strength(selection, *action["strength"])
        elif "clear" in action:
            selection = cleared(selection)
        else:
            raise ValueError(action)
    return selection


def test_the_vectors_index_is_the_tiny_tables(tiny_map):
    assert VECTORS["index"] == json.loads(json.dumps(tiny_map.index_json()))


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_python_core_follows_the_case(case, tiny_map):
    selection = run(case["actions"], tiny_map)
    assert selection.to_json() == case["selection"]
    assert Selection.from_json(selection.to_json(), tiny_map) == selection
    light = highlight_for(selection, tiny_map).to_json()
    assert light["classes"] == case["classes"]
    assert light["strengths"] == case["strengths"]
    assert query_for(selection) == case["query"]
