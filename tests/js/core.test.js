// The browser's selection rules (assets/referral_core.js), held to the hand-written cases in
// tests/vectors/selection.json that the Python core (referral/selection.py) is held to too.
// Run with: node --test tests/js
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const core = require(path.join(__dirname, "..", "..", "assets", "referral_core.js"));
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "vectors", "selection.json"), "utf8"));

function run(actions) {
    let selection = core.emptySelection("muscle");
    for (const action of actions) {
        if (action.tap) selection = core.nextSelection(selection, action.tap);
        else if (action.mode) selection = core.withMode(selection, action.mode);
        else if (action.side) selection = core.withSide(selection, action.side);
        else if (action.strength) selection = core.withStrength(selection, ...action.strength);
        else if (action.clear) selection = core.cleared(selection);
        else throw new Error("unknown action " + JSON.stringify(action));
    }
    return selection;
}

for (const c of vectors.cases) {
    test(c.name, () => {
        const index = JSON.parse(JSON.stringify(vectors.index));
        const selection = run(c.actions);
        assert.deepEqual(selection, c.selection);
        const light = core.highlightJson(core.highlightFor(selection, index));
        assert.deepEqual(light.classes, c.classes);
        assert.deepEqual(light.strengths, c.strengths);
        assert.equal(core.queryFor(selection), c.query);
    });
}

test("a selection compared with itself and with a changed copy", () => {
    const a = run([{tap: {kind: "region", id: "temple", side: "left"}}]);
    const b = core.withStrength(a, "temple", "left", 3);
    assert.equal(core.sameSelection(a, JSON.parse(JSON.stringify(a))), true);
    assert.equal(core.sameSelection(a, b), false);
});
