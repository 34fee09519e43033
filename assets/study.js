/*
 * The study page's diagram (study/diagram.py): inlines the drawing once, puts on it the classes
 * the server computed (the same classes as the main page), and reports taps on the shapes the
 * current view accepts: muscles in the table view, regions while a quiz question waits for a
 * tap. It decides nothing itself; the Python core is the reference for what lights up.
 */
(function () {
    "use strict";

    const DIAGRAM_ID = "study-diagram";
    const TAP_ID = "study-diagram-tap";
    const QUIZ_PANEL_ID = "study-quiz-panel";
    const NEXT_ID = "study-quiz-next";
    const ROOT_CLASSES = ["mode-muscle", "mode-region", "mode-nerve", "has-selection"];
    const KINDS = [["muscle", "muscle"], ["region", "region"], ["nerve", "nerve"], ["triggerPoint", "point"]];

    const state = {root: null, svg: null, fullViewBox: null, paint: null, accept: null, taps: 0, quizFocus: false};

    function apply() {
        const paint = state.paint;
        if (!state.svg || !paint) {
            return;
        }
        ROOT_CLASSES.forEach((name) => state.svg.classList.toggle(name, paint.root.includes(name)));
        state.svg.querySelectorAll("[data-muscle],[data-region],[data-nerve],[data-trigger-point]").forEach((el) => {
            const kind = KINDS.find((k) => el.dataset[k[0]]);
            const classes = paint.classes[kind[1] + ":" + el.dataset[kind[0]] + ":" + el.dataset.side] || [];
            paint.states.forEach((name) => el.classList.toggle(name, classes.includes(name)));
        });
        // The legend explains what is lit: a pain pattern, or the skin a nerve supplies.
        const territory = Object.values(paint.classes).some((c) => c.some((name) => name.startsWith("is-territory")));
        document.querySelectorAll(".study-diagram-panel [data-legend]").forEach((item) => {
            item.hidden = (item.dataset.legend === "territory") !== territory;
        });
        // The back view shows the layer of the muscle lit, the surface one otherwise.
        const deep = state.svg.querySelector('.muscles[data-layer="deep"] .is-selected, .muscles[data-layer="deep"] .is-referring');
        state.svg.querySelectorAll(".muscles[data-layer]").forEach((g) => {
            g.style.display = (g.dataset.layer === "deep") === Boolean(deep) ? "" : "none";
        });
        state.accept = paint.accept || null;
        state.root.dataset.accept = state.accept || "none";
        state.root.dataset.mode = paint.root.includes("mode-region") ? "region" : "muscle";
    }

    function onClick(event) {
        const shape = event.target.closest("[data-muscle],[data-region]");
        if (!shape || !state.accept) {
            return;
        }
        const kind = shape.dataset.muscle ? "muscle" : "region";
        if (kind !== state.accept) {
            return;
        }
        state.taps += 1;
        // The counter makes every tap a new value, so tapping the same shape twice reports twice.
        window.dash_clientside.set_props(TAP_ID, {data: {kind: kind, id: shape.dataset[kind], side: shape.dataset.side,
                                                          n: state.taps}});
    }

    /* After an answer, move the keyboard focus to "Next question"; on a new question, to its
       first answer. Only while the student works in the quiz (their last click or key was in
       it), so loading the page or tapping the diagram never moves the focus. */
    function onQuizInput(event) {
        state.quizFocus = Boolean(event.target.closest("#" + QUIZ_PANEL_ID));
    }

    function focusQuiz() {
        if (!state.quizFocus) {
            return;
        }
        const next = document.getElementById(NEXT_ID);
        const target = next && !next.hidden ? next
            : document.querySelector("#" + QUIZ_PANEL_ID + " .quiz-choice:not([disabled]), #"
                + QUIZ_PANEL_ID + " .quiz-place-details summary");
        if (target && document.activeElement !== target) {
            target.focus({preventScroll: true});
        }
    }

    /* The quiz is re-rendered by Dash; watch it rather than guess when the new buttons exist. */
    function watchQuiz() {
        const panel = document.getElementById(QUIZ_PANEL_ID);
        if (panel) {
            new MutationObserver(focusQuiz).observe(panel, {
                subtree: true, childList: true, attributes: true, attributeFilter: ["hidden", "disabled"],
            });
        }
    }

    /* One view at a time, or all three (the study page shows the right side): the drawing's
       views carry their own viewBox. */
    function showView(view) {
        if (!state.svg) {
            return;
        }
        let box = state.fullViewBox;
        state.svg.querySelectorAll("[data-view]").forEach((group) => {
            const name = group.dataset.view;
            const on = name !== "side-left" && (view === "all" || name === view);
            group.style.display = on ? "" : "none";
            if (on && view !== "all" && group.dataset.bbox) {
                box = group.dataset.bbox;
            }
        });
        state.svg.setAttribute("viewBox", box);
        state.root.dataset.view = view;
        document.querySelectorAll("[data-study-view]").forEach((button) => {
            const on = button.dataset.studyView === view;
            button.classList.toggle("active", on);
            button.setAttribute("aria-pressed", on ? "true" : "false");
        });
    }

    function onViewClick(event) {
        const button = event.target.closest("[data-study-view]");
        if (button) {
            showView(button.dataset.studyView);
        }
    }

    function mount(markup, initialPaint) {
        const root = document.getElementById(DIAGRAM_ID);
        if (!root || !markup || state.svg) {
            return window.dash_clientside.no_update;
        }
        state.paint = state.paint || initialPaint || null;
        root.innerHTML = markup;
        state.root = root;
        state.svg = root.querySelector("svg");
        state.fullViewBox = state.svg.getAttribute("viewBox");
        state.svg.setAttribute("role", "img");
        state.svg.setAttribute("aria-label", "Head and neck diagram: front, right side and back views");
        root.addEventListener("click", onClick);
        document.addEventListener("click", onQuizInput, true);
        document.addEventListener("keydown", onQuizInput, true);
        watchQuiz();
        document.addEventListener("click", onViewClick);
        showView("all");
        apply();
        root.dataset.ready = "true";
        return window.dash_clientside.no_update;
    }

    function paint(payload) {
        if (payload) {
            state.paint = payload;
            apply();
        }
        return window.dash_clientside.no_update;
    }

    /* ---- the heatmap table (study/table.py) ---- */

    const HEATMAP_ID = "study-heatmap";
    const MUSCLE_PICK_ID = "study-muscle";
    const table = {root: null, picked: null};

    /* Outline the picked muscle's row (the row only: the list holds the selection). */
    function outlineRow(muscleId) {
        table.picked = muscleId || null;
        if (table.root) {
            table.root.querySelectorAll("tr[data-muscle]").forEach((row) => {
                const on = row.dataset.muscle === table.picked;
                row.classList.toggle("is-picked", on);
                const button = row.querySelector("[data-heatmap-pick]");
                if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
            });
        }
        return window.dash_clientside.no_update;
    }

    /* A tap on any cell of a row, or its name, picks that row's muscle in the list. */
    function onTableClick(event) {
        const row = event.target.closest("tr[data-muscle]");
        if (row) {
            window.dash_clientside.set_props(MUSCLE_PICK_ID, {value: row.dataset.muscle});
        }
    }

    function mountTable(markup) {
        const root = document.getElementById(HEATMAP_ID);
        if (!root || !markup || table.root) {
            return window.dash_clientside.no_update;
        }
        root.innerHTML = markup;
        table.root = root;
        root.addEventListener("click", onTableClick);
        outlineRow(table.picked);
        root.dataset.ready = "true";
        return window.dash_clientside.no_update;
    }

    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.study = {mount: mount, paint: paint, mountTable: mountTable, outlineRow: outlineRow};
})();
