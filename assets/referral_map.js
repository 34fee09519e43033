/*
 * Referral Map in the browser: answers taps and keys on the diagram and lights up the map.
 *
 * The rules (how a tap changes the selection, what lights up) are in referral_core.js, pure
 * and shared with the tests. This file is the page: it finds what a finger meant, puts the
 * state classes on the drawing (touching only the elements whose state changed, so a tap costs
 * the same however large the drawing), keeps the address, the views, the list and the spoken
 * summary in step, and reports the selection to Dash, whose callback fills the details panel.
 */
(function () {
    "use strict";

    const core = window.referralCore;
    const SELECTION_ID = "selection";
    const ADDRESS_ID = "address";
    const SEARCH_ID = "picker-search";
    const DIAGRAM_ID = "diagram";
    const INDEX_ID = "referral-index";
    const ANNOUNCE_ID = "announce";
    const CHOOSER_ID = "chooser";
    const PICKER_ID = "picker";
    // A touch that moves further or lasts longer than this is a scroll, a pinch or a press.
    const TAP_SLOP_PX = 12;
    const TAP_MAX_MS = 700;
    // A fingertip: about 7 mm, 44 CSS px across. A target smaller than this (its largest free
    // disc, data-fit) cannot be hit reliably; a tap that reaches it and another target asks.
    const FINGER_PX = 44;
    const SINGLE_VIEW_QUERY = "(max-width: 575.98px)";
    const KINDS_OF_MODE = {muscle: ["muscle", "point"], region: ["region"], nerve: ["nerve"]};
    const LAYER_OF_KIND = {muscle: ".muscles", point: ".trigger-points", region: ".regions", nerve: ".nerves"};
    const VIEW_NAMES = {front: "front view", "side-right": "right side view", "side-left": "left side view", back: "back view"};

    const state = {
        index: null,
        selection: core.emptySelection("muscle"),
        light: {classes: new Map(), strengths: new Map()},
        touched: false,
        addressRead: false,
        mounted: false,
        dashReady: false,
        pending: null,
        root: null,
        svg: null,
        fullViewBox: null,
        view: "all", // "all", "front", "side" or "back"
        lateral: "right", // which side view the side cell shows
        layer: "surface", // which muscle layer the back view shows
        elements: new Map(), // "kind:id:side" -> [elements]
        targets: [], // every tappable element with its kind, id, side, view and fit
        down: new Map(),
        courses: null, // sampled nerve courses, for taps near a nerve
        chooserFor: null,
        openedWith: window.location.search, // the query the page was opened with, for the server to read
        rovers: new Map(), // view -> the one shape of that view in the tab order
        chooserPress: null, // the press on a chooser option that its pointerup completes
        cancelTouchEnd: false, // a finger answered the chooser: its touchend must send no click
        adoptNext: false, // the next reading of the address is adopted, taps or not (going back)
    };

    /* ---- reading the drawing ------------------------------------------------------------ */

    function kindOf(el) {
        if (el.dataset.muscle) return "muscle";
        if (el.dataset.region) return "region";
        if (el.dataset.nerve) return "nerve";
        if (el.dataset.triggerPoint) return "point";
        return null;
    }

    function idOf(el, kind) {
        return kind === "point" ? el.dataset.triggerPoint : el.dataset[kind];
    }

    function collectElements(svg) {
        svg.querySelectorAll("[data-muscle],[data-region],[data-nerve],[data-trigger-point]").forEach((el) => {
            const kind = kindOf(el);
            const id = idOf(el, kind);
            const side = el.dataset.side;
            const k = core.key(kind, id, side);
            if (!state.elements.has(k)) state.elements.set(k, []);
            state.elements.get(k).push(el);
            const tap = (el.dataset.tap || "0 0").split(" ").map(Number);
            const view = el.closest("[data-view]").dataset.view;
            const layerGroup = el.closest("[data-layer]");
            state.targets.push({el: el, kind: kind, id: id, side: side, key: k, view: view,
                                layer: layerGroup ? layerGroup.dataset.layer : null,
                                x: tap[0], y: tap[1], fit: Number(el.dataset.fit || 0)});
        });
    }

    /* ---- the highlight ------------------------------------------------------------------ */

    function setClasses(el, before, after) {
        before.forEach((name) => { if (!after.has(name)) el.classList.remove(name); });
        after.forEach((name) => { if (!before.has(name)) el.classList.add(name); });
    }

    const NONE = new Set();

    /* Put the state classes on the drawing: only the elements whose classes change are touched. */
    function applyHighlight() {
        if (!state.mounted) return;
        const selection = state.selection;
        const next = core.highlightFor(selection, state.index);
        const prev = state.light;
        const selected = state.index.classes.selected;
        const keys = new Set(prev.classes.keys());
        next.classes.forEach((_, k) => keys.add(k));
        keys.forEach((k) => {
            const before = prev.classes.get(k) || NONE;
            const after = next.classes.get(k) || NONE;
            const strengthChanged = prev.strengths.get(k) !== next.strengths.get(k);
            if (!strengthChanged && before.size === after.size && Array.from(after).every((c) => before.has(c))) return;
            (state.elements.get(k) || []).forEach((el) => {
                setClasses(el, before, after);
                if (before.has(selected) !== after.has(selected)) {
                    el.setAttribute("aria-pressed", after.has(selected) ? "true" : "false");
                }
                if (strengthChanged) {
                    if (next.strengths.has(k)) el.dataset.strength = next.strengths.get(k);
                    else delete el.dataset.strength;
                }
            });
        });
        state.light = next;
        const svg = state.svg;
        core.MODES.forEach((mode) => svg.classList.toggle("mode-" + mode, selection.mode === mode));
        svg.classList.toggle("has-selection", next.classes.size > 0);
        const lookedAt = Boolean(selection.muscle || selection.nerve);
        svg.classList.toggle("is-looking", lookedAt);
        document.documentElement.dataset.activeMode = selection.mode;
        if (state.addressRead) state.root.dataset.address = "read";
    }

    /* Everything around the drawing that follows the selection: the mode buttons, the handout
       link, which views show, what is exposed to assistive technology. */
    function applySurroundings(previousMode) {
        const selection = state.selection;
        document.querySelectorAll("[data-mode]").forEach((button) => {
            const on = button.dataset.mode === selection.mode;
            button.classList.toggle("active", on);
            button.setAttribute("aria-pressed", on ? "true" : "false");
        });
        const handout = document.getElementById("handout-link");
        if (handout) handout.setAttribute("href", handout.dataset.base + core.queryFor(selection));
        if (selection.mode !== previousMode) exposeMode();
        followSelection();
    }

    /* Only the current mode's targets are in the tab order and the accessibility tree. */
    function exposeMode() {
        const kinds = KINDS_OF_MODE[state.selection.mode];
        state.svg.querySelectorAll(".muscles, .regions, .nerves, .trigger-points").forEach((group) => {
            const kind = group.classList.contains("muscles") ? "muscle" : group.classList.contains("regions")
                ? "region" : group.classList.contains("nerves") ? "nerve" : "point";
            if (kinds.includes(kind)) group.removeAttribute("aria-hidden");
            else group.setAttribute("aria-hidden", "true");
        });
        resetRovers();
    }

    /* The list beside the diagram mirrors the diagram's state (the list only: the panel's
       buttons carry their own state). */
    function applyToPicker() {
        const picker = document.getElementById(PICKER_ID);
        if (!picker) return;
        const selection = state.selection;
        const light = state.light;
        const C = state.index.classes;
        picker.querySelectorAll("[data-pick]").forEach((item) => {
            const parts = item.dataset.pick.split(":");
            const kind = parts[0];
            const id = parts[1];
            const any = (cls) => core.SIDES.some((side) => (light.classes.get(core.key(kind, id, side)) || NONE).has(cls));
            const on = {};
            [C.selected, C.essential, C.spillover, C.referring, C.territory, C.territory_part, C.related].forEach((cls) => {
                on[cls] = any(cls);
            });
            Object.keys(on).forEach((cls) => item.classList.toggle(cls, on[cls]));
            const pressed = kind === selection.mode && on[C.selected];
            item.setAttribute("aria-pressed", pressed ? "true" : "false");
        });
    }

    /* ---- selecting ---------------------------------------------------------------------- */

    function select(next, fromHistory) {
        const previousMode = state.selection.mode;
        state.selection = next;
        state.touched = true;
        applyHighlight();
        report(next);
        // Dash is told at once (its request then leaves while the frame is drawn). The rest
        // (the address, the buttons and views, the spoken summary, the list) waits until the
        // frame showing the highlight is painted: on a slow tablet it took longer than the
        // highlight itself (the address alone 4 ms at 4x CPU).
        afterPaint(() => {
            // Every selection gets its history entry, in order, so that going back goes back
            // past it.
            if (!fromHistory) {
                const url = window.location.pathname + core.queryFor(next);
                window.history.pushState({referralSelection: next}, "", url);
            }
            applySurroundings(previousMode);
            // A newer selection made in the meantime speaks for itself.
            if (state.selection === next) {
                announce(next);
                applyToPicker();
            }
        });
    }

    /* Run ``work`` in a task of its own once the next frame has been produced. */
    function afterPaint(work) {
        window.requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = work;
            channel.port2.postMessage(null);
        });
    }

    /* Tell Dash (which fills the details panel) about a selection; a tap made before Dash has
       started is told once it has (connect). */
    function report(selection) {
        if (state.dashReady) {
            window.dash_clientside.set_props(SELECTION_ID, {data: selection});
        } else {
            state.pending = selection;
        }
    }

    function tapTarget(target) {
        const tap = {kind: target.kind, id: target.id, side: target.side};
        if (target.kind === "point") {
            tap.muscle = Object.keys(state.index.muscles).find((m) => state.index.muscles[m].points.includes(target.id));
        }
        select(core.nextSelection(state.selection, tap), false);
    }

    /* ---- the spoken summary ------------------------------------------------------------- */

    function sideWord(side) {
        return side === "left" ? "left" : "right";
    }

    function names(kind, ids) {
        return ids.map((id) => (state.index.names[kind][id] || id).toLowerCase());
    }

    function summaryOf(selection) {
        const index = state.index;
        const N = index.names;
        if (selection.mode === "muscle" && selection.muscle) {
            const muscle = index.muscles[selection.muscle];
            const rows = muscle.rows.filter((r) => !selection.point || r[3].includes(selection.point));
            const always = names("region", rows.filter((r) => r[1] === "e").map((r) => r[0]));
            const sometimes = names("region", rows.filter((r) => r[1] === "s").map((r) => r[0]));
            let text = N.muscle[selection.muscle] + (selection.point ? ", " + N.point[selection.point] : "")
                + ", " + sideWord(selection.side) + ": refers to " + (always.join(", ") || "no usual zone");
            if (sometimes.length) text += "; sometimes " + sometimes.join(", ");
            return text + ".";
        }
        if (selection.mode === "nerve" && selection.nerve) {
            const nerve = index.nerves[selection.nerve];
            const regions = nerve.territory.map((t) => (N.region[t[0]] || t[0]).toLowerCase() + (t[1] === "p" ? " (in part)" : ""));
            return N.nerve[selection.nerve] + ", " + sideWord(selection.side) + ": supplies " + (regions.join(", ") || "no mapped region") + ".";
        }
        if (selection.mode === "region") {
            if (!selection.places.length) return "Nothing marked.";
            const places = selection.places.map((p) => sideWord(p[1]) + " " + (N.region[p[0]] || p[0]).toLowerCase()
                + (p[2] === null ? "" : " (" + p[2] + " out of 10)"));
            const muscles = new Set();
            state.light.classes.forEach((classes, k) => {
                if (k.startsWith("muscle:") && classes.has(index.classes.referring)) muscles.add(k);
            });
            return "Marked: " + places.join(", ") + ". " + muscles.size
                + (muscles.size === 1 ? " muscle" : " muscles") + " can refer pain there.";
        }
        return "Nothing selected.";
    }

    function announce(selection) {
        const live = document.getElementById(ANNOUNCE_ID);
        if (live) live.textContent = summaryOf(selection);
    }

    /* ---- what a finger meant ------------------------------------------------------------ */

    function scale() {
        const m = state.svg.getScreenCTM();
        return m ? Math.hypot(m.a, m.b) : 1;
    }

    function toDrawing(clientX, clientY) {
        const m = state.svg.getScreenCTM();
        if (!m) return null;
        const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
        return {x: p.x, y: p.y};
    }

    function shownViews() {
        const out = new Set();
        state.svg.querySelectorAll("[data-view]").forEach((group) => {
            if (group.style.display !== "none") out.add(group.dataset.view);
        });
        return out;
    }

    function isLive(target, views) {
        if (!views.has(target.view)) return false;
        if (target.layer && target.layer !== state.layer) return false;
        if (target.kind === "point") {
            return (state.light.classes.get(target.key) || NONE).has(state.index.classes.shown);
        }
        return true;
    }

    function targetAt(clientX, clientY, kinds) {
        const el = document.elementFromPoint(clientX, clientY);
        const hit = el && el.closest ? el.closest("[data-muscle],[data-region],[data-trigger-point]") : null;
        if (!hit || !state.root.contains(hit)) return null;
        const kind = kindOf(hit);
        if (!kinds.includes(kind)) return null;
        return state.targets.find((t) => t.el === hit) || null;
    }

    /* The nerves within a fingertip of a point (drawing units), nearest first. */
    function nervesNear(p, reach, views) {
        if (!state.courses) {
            state.courses = state.targets.filter((t) => t.kind === "nerve").map((t) => {
                const path = t.el.querySelector(".course");
                const length = path.getTotalLength();
                const pts = [];
                for (let s = 0; s <= length; s += 2) pts.push(path.getPointAtLength(s));
                return {target: t, pts: pts};
            });
        }
        const found = [];
        state.courses.forEach((c) => {
            if (!isLive(c.target, views)) return;
            let best = Infinity;
            c.pts.forEach((q) => { best = Math.min(best, Math.hypot(q.x - p.x, q.y - p.y)); });
            if (best <= reach) found.push({target: c.target, d: best});
        });
        return found.sort((a, b) => a.d - b.d).map((f) => f.target);
    }

    /* The targets of the current mode a fingertip centred here touches: what the finger landed
       on first, then the others, found by sampling the fingertip's disc on the page. */
    function candidates(clientX, clientY) {
        const mode = state.selection.mode;
        const kinds = KINDS_OF_MODE[mode];
        const views = shownViews();
        const px = scale();
        const p = toDrawing(clientX, clientY);
        if (!p) return {hit: null, near: []};
        const reach = FINGER_PX / 2 / px;
        if (mode === "nerve") {
            const near = nervesNear(p, reach, views);
            return {hit: near.length && nearCourse(near[0], p) ? near[0] : null, near: near};
        }
        const hit = targetAt(clientX, clientY, kinds);
        // Only small targets can be missed: look around only when one is within reach.
        const small = state.targets.filter((t) => kinds.includes(t.kind) && isLive(t, views) && t.fit * px < FINGER_PX
            && t !== hit && Math.hypot(t.x - p.x, t.y - p.y) < reach + boxReach(t));
        if (!small.length) return {hit: hit, near: hit ? [hit] : []};
        const near = hit ? [hit] : [];
        const rPx = FINGER_PX / 2;
        for (let ring = 1; ring <= 2; ring += 1) {
            const count = ring === 1 ? 8 : 14;
            for (let i = 0; i < count; i += 1) {
                const a = (2 * Math.PI * i) / count;
                const t = targetAt(clientX + Math.cos(a) * rPx * ring / 2, clientY + Math.sin(a) * rPx * ring / 2, kinds);
                if (t && isLive(t, views) && !near.includes(t)) near.push(t);
            }
        }
        // Trigger point marks are small badges: near when their centre is within reach.
        if (kinds.includes("point")) {
            small.filter((t) => t.kind === "point" && Math.hypot(t.x - p.x, t.y - p.y) < reach + 6.5)
                .forEach((t) => { if (!near.includes(t)) near.push(t); });
        }
        return {hit: hit, near: near};
    }

    function nearCourse(target, p) {
        const c = state.courses.find((course) => course.target === target);
        return c.pts.some((q) => Math.hypot(q.x - p.x, q.y - p.y) <= 3);
    }

    /* How far a target reaches from its tap point (half its bounding box's diagonal, measured
       once). */
    function boxReach(t) {
        if (t.reach === undefined) {
            const box = t.el.getBBox();
            t.reach = Math.hypot(box.width, box.height) / 2;
        }
        return t.reach;
    }

    /* A tap: select what the finger landed on, or ask when it also reached a small target. */
    function resolveTap(clientX, clientY) {
        const found = candidates(clientX, clientY);
        const px = scale();
        const hit = found.hit;
        const others = found.near.filter((t) => t !== hit);
        const smallOther = others.some((t) => t.fit * px < FINGER_PX);
        const hitIsSmall = hit && hit.fit * px < FINGER_PX;
        if (hit && (!others.length || (hitIsSmall && !smallOther) || (!hitIsSmall && !smallOther))) {
            tapTarget(hit);
        } else if (!hit && found.near.length === 1) {
            tapTarget(found.near[0]);
        } else if (found.near.length) {
            openChooser(found.near, clientX, clientY);
        }
    }

    /* ---- the chooser ------------------------------------------------------------------- */

    function labelOf(target) {
        const N = state.index.names;
        const name = N[target.kind][target.id] || target.id;
        if (target.kind === "point") {
            const muscle = Object.keys(state.index.muscles).find((m) => state.index.muscles[m].points.includes(target.id));
            return N.muscle[muscle] + ", " + name + ", " + target.side;
        }
        return name + ", " + target.side;
    }

    function openChooser(targets, clientX, clientY) {
        const chooser = document.getElementById(CHOOSER_ID);
        if (!chooser) return;
        const list = chooser.querySelector("[data-chooser-list]");
        list.textContent = "";
        targets.forEach((t, i) => {
            const item = document.createElement("li");
            const button = document.createElement("button");
            button.type = "button";
            button.className = "chooser-option";
            button.dataset.choose = String(i);
            button.dataset.key = t.key;
            button.textContent = labelOf(t);
            item.appendChild(button);
            list.appendChild(item);
        });
        // The click that a touch sends after its pointerup lands where the finger was, which may
        // now be one of these options: ignore clicks on them for a moment.
        state.chooserFor = {targets: targets, returnTo: document.activeElement, openedAt: performance.now()};
        chooser.hidden = false;
        const box = chooser.getBoundingClientRect();
        const x = Math.min(Math.max(8, clientX - box.width / 2), window.innerWidth - box.width - 8);
        const below = clientY + 24 + box.height < window.innerHeight;
        const y = below ? clientY + 24 : Math.max(8, clientY - 24 - box.height);
        chooser.style.left = x + "px";
        chooser.style.top = y + "px";
        const first = list.querySelector("button");
        if (first) first.focus({preventScroll: true});
    }

    function closeChooser(restoreFocus) {
        const chooser = document.getElementById(CHOOSER_ID);
        if (!chooser || chooser.hidden) return;
        chooser.hidden = true;
        const back = state.chooserFor && state.chooserFor.returnTo;
        state.chooserFor = null;
        if (restoreFocus && back && back.focus) back.focus({preventScroll: true});
    }

    /* ---- views ------------------------------------------------------------------------- */

    /* The side view shows the side being looked at, or the side last marked; the back view
       shows the layer the looked-at muscle lies in. */
    function followSelection() {
        const selection = state.selection;
        let lateral = state.lateral;
        let layer = state.layer;
        if ((selection.mode === "muscle" && selection.muscle) || (selection.mode === "nerve" && selection.nerve)) {
            lateral = selection.side;
        } else if (selection.mode === "region" && selection.places.length) {
            lateral = selection.places[selection.places.length - 1][1];
        }
        if (selection.mode === "muscle" && selection.muscle) {
            const layers = new Set(state.targets.filter((t) => t.kind === "muscle" && t.id === selection.muscle && t.layer)
                .map((t) => t.layer));
            if (layers.size === 1) layer = Array.from(layers)[0];
        }
        if (lateral !== state.lateral || layer !== state.layer) {
            state.lateral = lateral;
            state.layer = layer;
            showView(state.view);
        }
    }

    /* One view at a time on narrow screens (or when chosen), all side by side otherwise; the
       side cell shows one side view, the back view one muscle layer. */
    function showView(choice) {
        if (!state.svg) return;
        const single = window.matchMedia(SINGLE_VIEW_QUERY).matches;
        const view = choice === "all" && single ? "front" : choice;
        state.view = view;
        let box = state.fullViewBox;
        state.svg.querySelectorAll("[data-view]").forEach((group) => {
            const name = group.dataset.view;
            const cell = name.startsWith("side-") ? "side" : name;
            const isLateral = name === "side-" + state.lateral;
            const on = (view === "all" || cell === view) && (cell !== "side" || isLateral);
            group.style.display = on ? "" : "none";
            if (on && view !== "all") box = group.dataset.bbox;
        });
        state.svg.querySelectorAll(".muscles[data-layer]").forEach((group) => {
            group.style.display = group.dataset.layer === state.layer ? "" : "none";
        });
        state.svg.setAttribute("viewBox", box);
        document.querySelectorAll("[data-view-choice]").forEach((button) => {
            const on = button.dataset.viewChoice === view;
            button.classList.toggle("active", on);
            button.setAttribute("aria-pressed", on ? "true" : "false");
        });
        document.querySelectorAll("[data-lateral-choice]").forEach((button) => {
            const on = button.dataset.lateralChoice === state.lateral;
            button.classList.toggle("active", on);
            button.setAttribute("aria-pressed", on ? "true" : "false");
        });
        document.querySelectorAll("[data-layer-choice]").forEach((button) => {
            const on = button.dataset.layerChoice === state.layer;
            button.classList.toggle("active", on);
            button.setAttribute("aria-pressed", on ? "true" : "false");
        });
        state.root.dataset.view = view;
        state.root.dataset.lateral = state.lateral;
        state.root.dataset.layer = state.layer;
        resetRovers();
    }

    /* ---- keyboard: one stop per view, arrows move between shapes ----------------------- */

    function roverTargets(view) {
        const kinds = KINDS_OF_MODE[state.selection.mode];
        const views = new Set([view]);
        return state.targets.filter((t) => t.view === view && kinds.includes(t.kind) && isLive(t, views));
    }

    /* Make ``next`` (view -> element) the Tab stops: only the elements whose stop changes are
       touched (every shape starts out of the tab order, tabindex -1, from the server). */
    function setRovers(next) {
        const stops = new Set(next.values());
        state.rovers.forEach((el) => { if (!stops.has(el)) el.setAttribute("tabindex", "-1"); });
        const old = new Set(state.rovers.values());
        stops.forEach((el) => { if (!old.has(el)) el.setAttribute("tabindex", "0"); });
        state.rovers = next;
    }

    function resetRovers() {
        if (!state.mounted) return;
        const next = new Map();
        const C = state.index.classes;
        shownViews().forEach((view) => {
            const live = roverTargets(view);
            if (!live.length) return;
            const chosen = live.find((t) => (state.light.classes.get(t.key) || NONE).has(C.selected)) || live[0];
            next.set(view, chosen.el);
        });
        setRovers(next);
    }

    function moveFocus(from, dx, dy) {
        const live = roverTargets(from.view);
        let best = null;
        live.forEach((t) => {
            if (t === from) return;
            const vx = t.x - from.x;
            const vy = t.y - from.y;
            const along = vx * dx + vy * dy;
            if (along <= 0) return;
            const across = Math.abs(vx * dy - vy * dx);
            if (across > along * 2) return; // outside a cone of about 63 degrees either way
            const score = along + across * 2;
            if (!best || score < best.score) best = {t: t, score: score};
        });
        if (!best) return;
        const next = new Map(state.rovers);
        next.set(from.view, best.t.el);
        setRovers(next);
        best.t.el.focus({preventScroll: false});
    }

    const GHOST_CLICK_MS = 400;
    const ARROWS = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1]};

    function onKeyDown(event) {
        const chooser = document.getElementById(CHOOSER_ID);
        if (event.key === "Escape") {
            if (chooser && !chooser.hidden) {
                closeChooser(true);
            } else if (state.root && state.root.contains(event.target)) {
                select(core.cleared(state.selection), false);
            } else {
                return;
            }
            event.preventDefault();
            return;
        }
        if (!state.root || !state.root.contains(event.target)) return;
        const target = state.targets.find((t) => t.el === event.target);
        if (!target) return;
        if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            tapTarget(target);
        } else if (ARROWS[event.key]) {
            event.preventDefault();
            moveFocus(target, ARROWS[event.key][0], ARROWS[event.key][1]);
        }
    }

    /* ---- pointer, click, input --------------------------------------------------------- */

    function onPointerDown(event) {
        if (!event.isPrimary || event.button > 0) return;
        state.down.set(event.pointerId, {x: event.clientX, y: event.clientY, t: event.timeStamp});
    }

    function onPointerUp(event) {
        const start = state.down.get(event.pointerId);
        state.down.delete(event.pointerId);
        if (!start) return;
        const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
        if (moved > TAP_SLOP_PX || event.timeStamp - start.t > TAP_MAX_MS) return; // a scroll or a press
        if (!state.svg.contains(event.target) && event.target !== state.svg) return;
        resolveTap(event.clientX, event.clientY);
    }

    function onPointerCancel(event) {
        state.down.delete(event.pointerId);
    }

    function pickTap(value) {
        const parts = value.split(":");
        const tap = {kind: parts[0], id: parts[1], side: parts[2] || (parts[0] === "region" ? "both" : state.selection.side)};
        if (tap.kind === "point") tap.muscle = parts[3];
        return tap;
    }

    function choose(option) {
        const chosen = state.chooserFor.targets[Number(option.dataset.choose)];
        closeChooser(false);
        tapTarget(chosen);
        // The Tab stops follow the choice once the frame showing it is painted (changing a
        // tabindex makes the browser restyle at once), and the focus, which was on the option
        // now hidden, goes to the chosen shape's view, so a keyboard or screen reader user
        // goes on from there.
        afterPaint(() => {
            resetRovers();
            const lost = document.activeElement === document.body || option.contains(document.activeElement);
            const stop = state.rovers.get(chosen.view);
            if (lost && stop) stop.focus({preventScroll: true});
        });
    }

    /* A finger (or a mouse) answers the chooser when it lifts from an option it pressed after
       the chooser opened: at once, rather than at the click a touch sends later (on a slow
       tablet that came tens of milliseconds after). The press that opened the chooser started
       on the drawing, so it cannot answer it, and a press in the chooser's first moments (a
       second tap that was meant for the drawing) is not taken for an answer either. The click
       that follows finds the chooser closed. */
    function onChooserPointerDown(event) {
        state.chooserPress = null;
        const option = event.target.closest && event.target.closest("[data-choose]");
        if (!option || !state.chooserFor || !event.isPrimary || event.button > 0) return;
        if (performance.now() - state.chooserFor.openedAt < GHOST_CLICK_MS) return;
        state.chooserPress = {id: event.pointerId, option: option, x: event.clientX, y: event.clientY, t: event.timeStamp};
    }

    function onChooserPointerUp(event) {
        const press = state.chooserPress;
        state.chooserPress = null;
        if (!press || press.id !== event.pointerId || !state.chooserFor) return;
        const option = event.target.closest && event.target.closest("[data-choose]");
        const moved = Math.hypot(event.clientX - press.x, event.clientY - press.y);
        if (option !== press.option || moved > TAP_SLOP_PX || event.timeStamp - press.t > TAP_MAX_MS) return;
        state.cancelTouchEnd = event.pointerType === "touch";
        choose(option);
    }

    /* With the chooser gone, the click a touch sends next would land on whatever lay under the
       option (a view button, the handout link): a touch that answered sends none. (A mouse's
       or a pen's click goes to the option it pressed, and finds the chooser closed.) */
    function onChooserTouchEnd(event) {
        if (state.cancelTouchEnd) {
            state.cancelTouchEnd = false;
            event.preventDefault();
        }
    }

    function onClick(event) {
        const target = event.target;
        const option = target.closest("[data-choose]");
        if (option && state.chooserFor) {
            // the keyboard's Enter or Space, a screen reader's activation, or a press too slow
            // or moved too far for a tap (a quick press has answered on its pointerup)
            if (performance.now() - state.chooserFor.openedAt < GHOST_CLICK_MS) return;
            choose(option);
            return;
        }
        if (target.closest("[data-chooser-cancel]")) {
            closeChooser(true);
            return;
        }
        const pick = target.closest("[data-pick]");
        if (pick) {
            select(core.nextSelection(state.selection, pickTap(pick.dataset.pick)), false);
            if (pick.dataset.pickScroll !== undefined) {
                state.root.scrollIntoView({block: "nearest", behavior: "instant"});
            }
            return;
        }
        const mode = target.closest("[data-mode]");
        if (mode) {
            if (mode.dataset.mode !== state.selection.mode) select(core.withMode(state.selection, mode.dataset.mode), false);
            return;
        }
        const side = target.closest("[data-side-choice]");
        if (side) {
            if (side.dataset.sideChoice !== state.selection.side) select(core.withSide(state.selection, side.dataset.sideChoice), false);
            return;
        }
        if (target.closest("[data-action=clear]")) {
            select(core.cleared(state.selection), false);
            return;
        }
        const view = target.closest("[data-view-choice]");
        if (view) {
            showView(view.dataset.viewChoice);
            return;
        }
        const lateral = target.closest("[data-lateral-choice]");
        if (lateral) {
            state.lateral = lateral.dataset.lateralChoice;
            showView(state.view);
            return;
        }
        const layer = target.closest("[data-layer-choice]");
        if (layer) {
            state.layer = layer.dataset.layerChoice;
            showView(state.view);
            return;
        }
        const chooser = document.getElementById(CHOOSER_ID);
        if (chooser && !chooser.hidden && !chooser.contains(target) && !state.svg.contains(target)) {
            closeChooser(false);
        }
    }

    function onChange(event) {
        const strength = event.target.closest("[data-strength-for]");
        if (!strength) return;
        const parts = strength.dataset.strengthFor.split(":");
        const value = strength.value === "" ? null : Number(strength.value);
        select(core.withStrength(state.selection, parts[0], parts[1], value), false);
    }

    function onSearch(event) {
        const input = event.target;
        if (input.id !== SEARCH_ID) return;
        const words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
        let shown = 0;
        const picker = document.getElementById(PICKER_ID);
        picker.querySelectorAll("[data-pick]").forEach((item) => {
            const text = item.dataset.search || "";
            const match = words.every((word) => text.includes(word));
            item.closest("li").hidden = !match;
            shown += match ? 1 : 0;
        });
        picker.querySelectorAll("[data-picker-group]").forEach((group) => {
            group.hidden = !group.querySelector("li:not([hidden])");
        });
        const empty = picker.querySelector("[data-picker-empty]");
        if (empty) empty.hidden = shown > 0;
    }

    /* Going back or forward. An entry the page made carries its selection. One it did not (the
       address the page was opened at, when the user tapped before it had been read) is read
       by the server and adopted; a link within the page (the skip link) changes nothing. */
    function onPopState(event) {
        const saved = event.state && event.state.referralSelection;
        if (saved) {
            select(saved, true);
            return;
        }
        if (window.location.search === core.queryFor(state.selection)) return;
        state.adoptNext = true;
        if (state.dashReady) {
            window.dash_clientside.set_props(ADDRESS_ID, {data: window.location.search});
        } else {
            state.openedWith = window.location.search; // connect hands it over
        }
    }

    /* ---- start ------------------------------------------------------------------------- */

    /* Start answering taps: the drawing, the list and the index are in the page's HTML above
       this script, so this runs as soon as the script does, before Dash has started. */
    function start() {
        const root = document.getElementById(DIAGRAM_ID);
        const index = document.getElementById(INDEX_ID);
        if (!root || !index || state.mounted || !core) return;
        state.root = root;
        state.svg = root.querySelector("svg");
        state.fullViewBox = state.svg.getAttribute("viewBox");
        state.index = JSON.parse(index.textContent);
        collectElements(state.svg);
        state.mounted = true;

        root.addEventListener("pointerdown", onPointerDown, {passive: true});
        root.addEventListener("pointerup", onPointerUp, {passive: true});
        root.addEventListener("pointercancel", onPointerCancel, {passive: true});
        const chooser = document.getElementById(CHOOSER_ID);
        if (chooser) {
            chooser.addEventListener("pointerdown", onChooserPointerDown, {passive: true});
            chooser.addEventListener("pointerup", onChooserPointerUp, {passive: true});
            chooser.addEventListener("pointercancel", () => { state.chooserPress = null; }, {passive: true});
            chooser.addEventListener("touchend", onChooserTouchEnd, {passive: false});
        }
        document.addEventListener("keydown", onKeyDown);
        document.addEventListener("click", onClick);
        document.addEventListener("input", onSearch);
        document.addEventListener("change", onChange);
        window.addEventListener("popstate", onPopState);
        window.matchMedia(SINGLE_VIEW_QUERY).addEventListener("change", () => showView(state.view));
        applyHighlight();
        exposeMode();
        showView("all");
        applyToPicker();
        root.dataset.ready = "true";
    }

    /* Dash has started (its first callback run): hand the server the address to read, and pass
       on a tap made before it had. */
    function connect() {
        if (!state.dashReady) {
            state.dashReady = true;
            window.dash_clientside.set_props(ADDRESS_ID, {data: state.openedWith});
            if (state.pending) {
                window.dash_clientside.set_props(SELECTION_ID, {data: state.pending});
                state.pending = null;
            }
        }
        return window.dash_clientside.no_update;
    }

    /* The server has read the address the page was opened with; adopt it unless the user has
       already tapped something (or went back to it: onPopState). */
    function adoptAddress(reading) {
        if (!reading || !reading.selection) return window.dash_clientside.no_update;
        state.addressRead = true;
        if (!state.touched || state.adoptNext) {
            state.adoptNext = false;
            const previousMode = state.selection.mode;
            const changed = !core.sameSelection(state.selection, reading.selection);
            state.selection = reading.selection;
            const url = window.location.pathname + core.queryFor(reading.selection);
            window.history.replaceState({referralSelection: reading.selection}, "", url);
            // An unchanged selection would only ask the server for the same panel again.
            if (changed) {
                report(reading.selection);
                announce(reading.selection);
            }
            applyHighlight();
            applySurroundings(previousMode);
        } else {
            applyHighlight();
        }
        applyToPicker();
        return window.dash_clientside.no_update;
    }

    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.referral = {
        connect: connect,
        adoptAddress: adoptAddress,
    };
    start();
})();
