/*
 * Referral Map's rules in the browser: how a tap changes the selection, what lights up, and the
 * address of a selection. Pure functions of plain data, with no access to the page, so that the
 * page answers a tap within a frame and Node can test them.
 *
 * They mirror the Python core (referral/selection.py, referral/address.py). Both are held to the
 * same hand-written cases, tests/vectors/selection.json: pytest runs them against Python and
 * `node --test tests/js` against this file.
 */
(function (root, factory) {
    "use strict";
    const core = factory();
    if (typeof module === "object" && module.exports) {
        module.exports = core;
    } else {
        root.referralCore = core;
    }
})(typeof self !== "undefined" ? self : this, function () {
    "use strict";

    const SIDES = ["right", "left"];
    const DEFAULT_SIDE = "right";
    const MODES = ["muscle", "region", "nerve"];

    function emptySelection(mode, side, places) {
        return {mode: mode || "muscle", muscle: null, point: null, nerve: null,
                side: side || DEFAULT_SIDE, places: places || []};
    }

    function samePlace(place, region, side) {
        return place[0] === region && place[1] === side;
    }

    function sameSelection(a, b) {
        return a.mode === b.mode && a.muscle === b.muscle && a.point === b.point && a.nerve === b.nerve
            && a.side === b.side && a.places.length === b.places.length
            && a.places.every((p, i) => p[0] === b.places[i][0] && p[1] === b.places[i][1] && p[2] === b.places[i][2]);
    }

    function togglePlaces(places, region, side) {
        const sides = side === "both" ? SIDES : [side];
        const marked = sides.filter((s) => places.some((p) => samePlace(p, region, s)));
        if (marked.length === sides.length) {
            return places.filter((p) => !(p[0] === region && sides.includes(p[1])));
        }
        return places.concat(sides.filter((s) => !marked.includes(s)).map((s) => [region, s, null]));
    }

    /* The selection after a tap; mirrors referral.selection.next_selection. */
    function nextSelection(current, tap) {
        const places = current.places;
        if (tap.kind === "region") {
            return emptySelection("region", current.side, togglePlaces(places, tap.id, tap.side));
        }
        if (tap.kind === "point") {
            const again = current.mode === "muscle" && current.point === tap.id && current.side === tap.side;
            return Object.assign(emptySelection("muscle", tap.side, places),
                                 {muscle: tap.muscle, point: again ? null : tap.id});
        }
        const lookedAt = tap.kind === "muscle" ? current.muscle : current.nerve;
        if (current.mode === tap.kind && lookedAt === tap.id && current.side === tap.side && current.point === null) {
            return emptySelection(tap.kind, tap.side, places);
        }
        const next = emptySelection(tap.kind, tap.side, places);
        next[tap.kind] = tap.id;
        return next;
    }

    function withMode(current, mode) {
        return current.mode === mode ? current : emptySelection(mode, current.side, current.places);
    }

    function withSide(current, side) {
        return Object.assign({}, current, {side: side});
    }

    function withStrength(current, region, side, strength) {
        return Object.assign({}, current, {
            places: current.places.map((p) => (samePlace(p, region, side) ? [p[0], p[1], strength] : p)),
        });
    }

    function cleared(current) {
        return emptySelection(current.mode);
    }

    /* The sides a zone is felt on for a trigger point on `side`; mirrors Link.sides_for. */
    function zoneSides(laterality, side) {
        return laterality === "i" ? [side] : SIDES;
    }

    /* Rows by region, computed once per index. */
    function rowsFor(index, region) {
        if (!index.byRegion) {
            const byRegion = {};
            Object.keys(index.muscles).forEach((muscle) => {
                index.muscles[muscle].rows.forEach((row) => {
                    (byRegion[row[0]] = byRegion[row[0]] || []).push([muscle].concat(row));
                });
            });
            Object.defineProperty(index, "byRegion", {value: byRegion, enumerable: false});
        }
        return index.byRegion[region] || [];
    }

    function key(kind, id, side) {
        return kind + ":" + id + ":" + side;
    }

    /* What lights up: element key -> Set of state classes; mirrors referral.selection.highlight_for. */
    function highlightFor(selection, index) {
        const C = index.classes;
        const classes = new Map();
        const strengths = new Map();
        const add = (kind, id, side, state) => {
            const k = key(kind, id, side);
            if (!classes.has(k)) classes.set(k, new Set());
            classes.get(k).add(state);
        };
        const mode = selection.mode;
        selection.places.forEach((place) => {
            add("region", place[0], place[1], mode === "region" ? C.selected : C.marked);
            if (mode === "region" && place[2] !== null && place[2] !== undefined) {
                strengths.set(key("region", place[0], place[1]), place[2]);
            }
        });
        if (mode === "muscle" && selection.muscle && index.muscles[selection.muscle]) {
            const muscle = index.muscles[selection.muscle];
            const side = selection.side;
            add("muscle", selection.muscle, side, C.selected);
            muscle.rows.forEach((row) => {
                if (selection.point && !row[3].includes(selection.point)) return;
                zoneSides(row[2], side).forEach((s) => add("region", row[0], s, row[1] === "e" ? C.essential : C.spillover));
            });
            muscle.points.forEach((point) => {
                add("point", point, side, C.shown);
                if (point === selection.point) add("point", point, side, C.selected);
            });
        } else if (mode === "region") {
            selection.places.forEach((place) => {
                rowsFor(index, place[0]).forEach((row) => {
                    SIDES.forEach((muscleSide) => {
                        if (!zoneSides(row[3], muscleSide).includes(place[1])) return;
                        add("muscle", row[0], muscleSide, C.referring);
                        row[4].forEach((point) => add("point", point, muscleSide, C.shown));
                    });
                });
            });
        } else if (mode === "nerve" && selection.nerve && index.nerves && index.nerves[selection.nerve]) {
            const nerve = index.nerves[selection.nerve];
            const side = selection.side;
            add("nerve", selection.nerve, side, C.selected);
            nerve.territory.forEach((t) => add("region", t[0], side, t[1] === "w" ? C.territory : C.territory_part));
            nerve.muscles.forEach((m) => add("muscle", m, side, C.related));
        }
        return {classes: classes, strengths: strengths};
    }

    /* The highlight as plain JSON, in the form the Python core writes it (for the test vectors). */
    function highlightJson(light) {
        const classes = {};
        Array.from(light.classes.keys()).sort().forEach((k) => {
            classes[k] = Array.from(light.classes.get(k)).sort();
        });
        const strengths = {};
        Array.from(light.strengths.keys()).sort().forEach((k) => {
            strengths[k] = light.strengths.get(k);
        });
        return {classes: classes, strengths: strengths};
    }

    function placesToken(places) {
        const out = [];
        const done = new Set();
        places.forEach((place) => {
            if (done.has(place[0] + ":" + place[1])) return;
            const other = places.find((p) => p[0] === place[0] && p[1] !== place[1]);
            let parts;
            if (other && other[2] === place[2]) {
                done.add(place[0] + ":left");
                done.add(place[0] + ":right");
                parts = [place[0]].concat(place[2] === null ? [] : ["both", String(place[2])]);
            } else {
                done.add(place[0] + ":" + place[1]);
                parts = [place[0], place[1]].concat(place[2] === null ? [] : [String(place[2])]);
            }
            out.push(parts.join(":"));
        });
        return out.join(",");
    }

    function encode(value) {
        return encodeURIComponent(value).replace(/%2C/g, ",").replace(/%3A/g, ":");
    }

    /* The query string that reopens a selection; mirrors referral.address.query_for. */
    function queryFor(selection) {
        const parts = [];
        if (selection.mode === "muscle" && selection.muscle) {
            parts.push(selection.point ? ["point", selection.point] : ["muscle", selection.muscle]);
            parts.push(["side", selection.side]);
        } else if (selection.mode === "nerve" && selection.nerve) {
            parts.push(["nerve", selection.nerve], ["side", selection.side]);
        }
        if (selection.places.length || selection.mode === "region") {
            parts.push(["regions", placesToken(selection.places)]);
        }
        return parts.length ? "?" + parts.map((p) => p[0] + "=" + encode(p[1])).join("&") : "";
    }

    return {
        SIDES: SIDES,
        MODES: MODES,
        DEFAULT_SIDE: DEFAULT_SIDE,
        emptySelection: emptySelection,
        sameSelection: sameSelection,
        nextSelection: nextSelection,
        withMode: withMode,
        withSide: withSide,
        withStrength: withStrength,
        cleared: cleared,
        highlightFor: highlightFor,
        highlightJson: highlightJson,
        queryFor: queryFor,
        key: key,
        rowsFor: rowsFor,
    };
});
