/*
 * Referral Map in the browser: answers taps on the diagram and lights up the referral map.
 *
 * The highlight is computed here, from the index the server hands over once, so a tap is
 * answered within a frame without waiting for the network. The rules mirror the Python core
 * (referral/selection.py: next_selection, highlight_for), which stays the reference: a browser
 * test checks that both light up exactly the same elements. The selection is then reported to
 * Dash with set_props, and server callbacks fill the details panel.
 */
(function () {
    "use strict";

    const SELECTED = "is-selected";
    const ESSENTIAL = "is-essential";
    const SPILLOVER = "is-spillover";
    const REFERRING = "is-referring";
    const SHOWN = "is-shown";
    const STATE_CLASSES = [SELECTED, ESSENTIAL, SPILLOVER, REFERRING];

    const SELECTION_ID = "selection";
    const SEARCH_ID = "picker-search";
    const DIAGRAM_ID = "diagram";
    const INDEX_ID = "referral-index";
    // A touch that moves further or lasts longer than this is a scroll, a pinch or a press.
    const TAP_SLOP_PX = 12;
    const TAP_MAX_MS = 700;
    const SINGLE_VIEW_QUERY = "(max-width: 575.98px)";

    const state = {
        index: null,
        selection: {mode: "muscle", muscle: null, regions: []},
        touched: false,
        addressRead: false,
        mounted: false,
        dashReady: false,
        pending: null,
        root: null,
        svg: null,
        fullViewBox: null,
        view: "all",
        elements: null,
        down: new Map(),
    };

    function emptySelection(mode) {
        return {mode: mode, muscle: null, regions: []};
    }

    function sameSelection(a, b) {
        return a.mode === b.mode && a.muscle === b.muscle && a.regions.length === b.regions.length
            && a.regions.every((region, i) => region === b.regions[i]);
    }

    /* The selection after a tap; mirrors referral.selection.next_selection. */
    function nextSelection(current, tap) {
        if (tap.kind === "muscle") {
            if (current.mode === "muscle" && current.muscle === tap.id) {
                return emptySelection("muscle");
            }
            return {mode: "muscle", muscle: tap.id, regions: []};
        }
        if (current.mode !== "region") {
            return {mode: "region", muscle: null, regions: [tap.id]};
        }
        if (current.regions.includes(tap.id)) {
            return {mode: "region", muscle: null, regions: current.regions.filter((r) => r !== tap.id)};
        }
        return {mode: "region", muscle: null, regions: current.regions.concat([tap.id])};
    }

    /* What lights up for a selection; mirrors referral.selection.highlight_for. */
    function highlightFor(selection, index) {
        const light = {
            selectedMuscles: new Set(),
            selectedRegions: new Set(),
            essential: new Set(),
            spillover: new Set(),
            referring: new Set(),
            triggerPoints: new Set(),
        };
        if (selection.mode === "muscle") {
            const zones = selection.muscle && index.muscles[selection.muscle];
            if (zones) {
                light.selectedMuscles.add(selection.muscle);
                light.triggerPoints.add(selection.muscle);
                zones.essential.forEach((r) => light.essential.add(r));
                zones.spillover.forEach((r) => light.spillover.add(r));
            }
            return light;
        }
        selection.regions.forEach((region) => {
            const referrers = index.regions[region];
            if (!referrers) {
                return;
            }
            light.selectedRegions.add(region);
            referrers.essential.concat(referrers.spillover).forEach((m) => {
                light.referring.add(m);
                light.triggerPoints.add(m);
            });
        });
        return light;
    }

    function classesFor(kind, id, light) {
        const classes = new Set();
        if (kind === "muscle") {
            if (light.selectedMuscles.has(id)) classes.add(SELECTED);
            if (light.referring.has(id)) classes.add(REFERRING);
        } else {
            if (light.selectedRegions.has(id)) classes.add(SELECTED);
            if (light.essential.has(id)) classes.add(ESSENTIAL);
            if (light.spillover.has(id)) classes.add(SPILLOVER);
        }
        return classes;
    }

    function queryFor(selection) {
        if (selection.mode === "muscle" && selection.muscle) {
            return "?muscle=" + encodeURIComponent(selection.muscle);
        }
        if (selection.mode === "region" && selection.regions.length) {
            return "?regions=" + selection.regions.map(encodeURIComponent).join(",");
        }
        return "";
    }

    /* Put the state classes on every tappable shape, trigger-point mark and list item. */
    function applyHighlight() {
        if (!state.mounted) {
            return;
        }
        const selection = state.selection;
        const light = highlightFor(selection, state.index);
        const els = state.elements;
        state.svg.classList.toggle("mode-muscle", selection.mode === "muscle");
        state.svg.classList.toggle("mode-region", selection.mode === "region");
        state.svg.classList.toggle("has-selection", Boolean(selection.muscle) || selection.regions.length > 0);
        els.tappables.forEach((item) => {
            const classes = classesFor(item.kind, item.id, light);
            STATE_CLASSES.forEach((name) => item.el.classList.toggle(name, classes.has(name)));
            const pressed = classes.has(SELECTED) ? "true" : "false";
            if (item.el.getAttribute("aria-pressed") !== pressed) {
                item.el.setAttribute("aria-pressed", pressed);
            }
        });
        els.marks.forEach((item) => item.el.classList.toggle(SHOWN, light.triggerPoints.has(item.id)));
        document.querySelectorAll("[data-mode]").forEach((button) => {
            const on = button.dataset.mode === selection.mode;
            button.classList.toggle("active", on);
            button.setAttribute("aria-pressed", on ? "true" : "false");
        });
        const handout = document.getElementById("handout-link");
        if (handout) {
            handout.setAttribute("href", handout.dataset.base + queryFor(selection));
        }
        document.documentElement.dataset.activeMode = selection.mode;
        if (state.addressRead) {
            state.root.dataset.address = "read";
        }
    }

    /* The list beside the diagram mirrors the diagram's state. */
    function applyToPicker() {
        const light = highlightFor(state.selection, state.index);
        document.querySelectorAll("[data-pick]").forEach((item) => {
            const [kind, id] = item.dataset.pick.split(":");
            const classes = classesFor(kind, id, light);
            STATE_CLASSES.forEach((name) => item.classList.toggle(name, classes.has(name)));
            item.setAttribute("aria-pressed", classes.has(SELECTED) ? "true" : "false");
        });
    }

    function select(next, fromHistory) {
        state.selection = next;
        state.touched = true;
        applyHighlight();
        if (!fromHistory) {
            const url = window.location.pathname + queryFor(next);
            window.history.pushState({referralSelection: next}, "", url);
        }
        report(next);
        // The list is off the diagram's critical path: update it after the frame is painted.
        window.requestAnimationFrame(applyToPicker);
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

    function tapOn(element) {
        if (!element) {
            return;
        }
        const kind = element.dataset.muscle ? "muscle" : "region";
        select(nextSelection(state.selection, {kind: kind, id: element.dataset[kind]}), false);
    }

    function tappableAt(target) {
        return target && target.closest ? target.closest("[data-muscle],[data-region]") : null;
    }

    function onPointerDown(event) {
        if (!event.isPrimary || event.button > 0) {
            return;
        }
        state.down.set(event.pointerId, {
            x: event.clientX,
            y: event.clientY,
            t: event.timeStamp,
            target: tappableAt(event.target),
        });
    }

    function onPointerUp(event) {
        const start = state.down.get(event.pointerId);
        state.down.delete(event.pointerId);
        if (!start || !start.target) {
            return;
        }
        const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
        if (moved > TAP_SLOP_PX || event.timeStamp - start.t > TAP_MAX_MS) {
            return; // a scroll, a pinch or a long press, not a tap
        }
        tapOn(start.target);
    }

    function onPointerCancel(event) {
        state.down.delete(event.pointerId);
    }

    function onClick(event) {
        const target = event.target;
        const pick = target.closest("[data-pick]");
        if (pick) {
            const [kind, id] = pick.dataset.pick.split(":");
            select(nextSelection(state.selection, {kind: kind, id: id}), false);
            if (pick.dataset.pickScroll !== undefined) {
                state.root.scrollIntoView({block: "nearest", behavior: "smooth"});
            }
            return;
        }
        const mode = target.closest("[data-mode]");
        if (mode) {
            if (mode.dataset.mode !== state.selection.mode) {
                select(emptySelection(mode.dataset.mode), false);
            }
            return;
        }
        if (target.closest("[data-action=clear]")) {
            select(emptySelection(state.selection.mode), false);
            return;
        }
        const view = target.closest("[data-view-choice]");
        if (view) {
            showView(view.dataset.viewChoice);
            return;
        }
        // Pointer taps on the diagram are handled on pointerup; a click with detail 0 comes
        // from the keyboard or a screen reader activating a shape.
        if (event.detail === 0 && state.root && state.root.contains(target)) {
            tapOn(tappableAt(target));
        }
    }

    function onKeyDown(event) {
        if ((event.key === "Enter" || event.key === " ") && state.root && state.root.contains(event.target)) {
            const element = tappableAt(event.target);
            if (element) {
                event.preventDefault();
                tapOn(element);
            }
        }
    }

    function onSearch(event) {
        const input = event.target;
        if (input.id !== SEARCH_ID) {
            return;
        }
        const words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
        let shown = 0;
        document.querySelectorAll("[data-pick]").forEach((item) => {
            const text = item.dataset.search || "";
            const match = words.every((word) => text.includes(word));
            item.closest("li").hidden = !match;
            shown += match ? 1 : 0;
        });
        document.querySelectorAll("[data-picker-group]").forEach((group) => {
            group.hidden = !group.querySelector("li:not([hidden])");
        });
        const empty = document.querySelector("[data-picker-empty]");
        if (empty) {
            empty.hidden = shown > 0;
        }
    }

    function onPopState(event) {
        const saved = event.state && event.state.referralSelection;
        if (saved) {
            select(saved, true);
        }
    }

    /* One view at a time on narrow screens (or when chosen), all three side by side otherwise. */
    function showView(choice) {
        if (!state.svg) {
            return;
        }
        const single = window.matchMedia(SINGLE_VIEW_QUERY).matches;
        const view = choice === "all" && single ? "front" : choice;
        state.view = view;
        let box = state.fullViewBox;
        state.svg.querySelectorAll("[data-view]").forEach((group) => {
            const on = view === "all" || group.dataset.view === view;
            group.style.display = on ? "" : "none";
            if (on && view !== "all") {
                box = group.dataset.bbox;
            }
        });
        state.svg.setAttribute("viewBox", box);
        document.querySelectorAll("[data-view-choice]").forEach((button) => {
            const on = button.dataset.viewChoice === view;
            button.classList.toggle("active", on);
            button.setAttribute("aria-pressed", on ? "true" : "false");
        });
        state.root.dataset.view = view;
    }

    function collectElements(svg) {
        const tappables = [];
        svg.querySelectorAll("[data-muscle],[data-region]").forEach((el) => {
            const kind = el.dataset.muscle ? "muscle" : "region";
            const title = el.querySelector("title");
            el.setAttribute("role", "button");
            el.setAttribute("tabindex", "-1");
            if (title) {
                el.setAttribute("aria-label", title.textContent + (kind === "muscle" ? " (muscle)" : " (region)"));
            }
            tappables.push({el: el, kind: kind, id: el.dataset[kind]});
        });
        const marks = [];
        svg.querySelectorAll("[data-trigger-point]").forEach((el) => {
            marks.push({el: el, id: el.dataset.triggerPoint});
        });
        return {tappables: tappables, marks: marks};
    }

    /* Start answering taps: the drawing, the list and the index are in the page's HTML above
       this script, so this runs as soon as the script does, before Dash has started. */
    function start() {
        const root = document.getElementById(DIAGRAM_ID);
        const index = document.getElementById(INDEX_ID);
        if (!root || !index || state.mounted) {
            return;
        }
        state.root = root;
        state.svg = root.querySelector("svg");
        state.fullViewBox = state.svg.getAttribute("viewBox");
        state.svg.setAttribute("role", "group");
        state.svg.setAttribute("aria-label", "Head and neck diagram: front, right side and back views");
        state.index = JSON.parse(index.textContent);
        state.elements = collectElements(state.svg);
        state.mounted = true;

        root.addEventListener("pointerdown", onPointerDown, {passive: true});
        root.addEventListener("pointerup", onPointerUp, {passive: true});
        root.addEventListener("pointercancel", onPointerCancel, {passive: true});
        root.addEventListener("keydown", onKeyDown);
        document.addEventListener("click", onClick);
        document.addEventListener("input", onSearch);
        window.addEventListener("popstate", onPopState);
        window.matchMedia(SINGLE_VIEW_QUERY).addEventListener("change", () => showView(state.view));
        showView("all");
        applyHighlight();
        applyToPicker();
        root.dataset.ready = "true";
    }

    /* Dash has started (its first callback run): pass on a tap made before it had. */
    function connect() {
        if (!state.dashReady) {
            state.dashReady = true;
            if (state.pending) {
                window.dash_clientside.set_props(SELECTION_ID, {data: state.pending});
                state.pending = null;
            }
        }
        return window.dash_clientside.no_update;
    }

    /* The server has read the address the page was opened with; adopt it unless the user has
       already tapped something. */
    function adoptAddress(reading) {
        if (!reading || !reading.selection) {
            return window.dash_clientside.no_update;
        }
        state.addressRead = true;
        if (!state.touched) {
            const changed = !sameSelection(state.selection, reading.selection);
            state.selection = reading.selection;
            const url = window.location.pathname + queryFor(reading.selection);
            window.history.replaceState({referralSelection: reading.selection}, "", url);
            // An unchanged selection would only ask the server for the same panel again.
            if (changed) {
                report(reading.selection);
            }
        }
        applyHighlight();
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
