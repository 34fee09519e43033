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

    const state = {root: null, svg: null, fullViewBox: null, paint: null, accept: null, taps: 0, quizFocus: false,
                   names: {}, chooser: null};

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
        if ((paint.accept || null) !== state.accept) closeChooser(false);
        state.accept = paint.accept || null;
        state.root.dataset.accept = state.accept || "none";
        state.root.dataset.mode = paint.root.includes("mode-region") ? "region" : "muscle";
    }

    /* ---- taps, and the chooser for small targets ---- */

    // A fingertip: about 7 mm, 44 CSS px across. A shape smaller than this (its largest free disc,
    // data-fit) cannot be hit reliably: a tap that reaches it and another shape asks which.
    const FINGER_PX = 44;

    function kindOf(shape) {
        return shape.dataset.muscle ? "muscle" : "region";
    }

    /* The shape of the accepted kind drawn on top at a point of the page, or null. */
    function shapeAt(x, y) {
        const el = document.elementFromPoint(x, y);
        const shape = el && el.closest("[data-muscle],[data-region]");
        return shape && state.svg.contains(shape) && kindOf(shape) === state.accept ? shape : null;
    }

    function isSmall(shape) {
        const fit = parseFloat(shape.dataset.fit);
        const matrix = state.svg.getScreenCTM();
        return !(fit > 0) || !matrix || fit * matrix.a < FINGER_PX;
    }

    /* What the finger landed on, and every shape of the accepted kind its disc reaches. */
    function candidates(x, y) {
        const hit = shapeAt(x, y);
        const near = hit ? [hit] : [];
        [[1, 8], [2, 14]].forEach(([ring, count]) => {
            for (let i = 0; i < count; i += 1) {
                const a = (2 * Math.PI * i) / count;
                const r = (FINGER_PX / 2) * ring / 2;
                const shape = shapeAt(x + Math.cos(a) * r, y + Math.sin(a) * r);
                if (shape && !near.some((s) => same(s, shape))) near.push(shape);
            }
        });
        return {hit: hit, near: near};
    }

    function same(a, b) {
        const kind = kindOf(a);
        return kind === kindOf(b) && a.dataset[kind] === b.dataset[kind] && a.dataset.side === b.dataset.side;
    }

    function report(shape) {
        const kind = kindOf(shape);
        state.taps += 1;
        state.root.dataset.lastTap = kind + ":" + shape.dataset[kind] + ":" + shape.dataset.side;
        // The counter makes every tap a new value, so tapping the same shape twice reports twice.
        window.dash_clientside.set_props(TAP_ID, {data: {kind: kind, id: shape.dataset[kind], side: shape.dataset.side,
                                                          n: state.taps}});
    }

    function onClick(event) {
        if (!state.accept || event.target.closest(".study-chooser")) {
            return;
        }
        closeChooser(false);
        const found = candidates(event.clientX, event.clientY);
        const others = found.near.filter((s) => s !== found.hit);
        if (found.hit && !others.some(isSmall)) {
            report(found.hit);
        } else if (!found.hit && found.near.length === 1) {
            report(found.near[0]);
        } else if (found.near.length) {
            // All three views at once are small: enlarge the view tapped first, then ask there.
            // (In the table view only: the quiz shows a larger diagram, and asks at once.)
            const view = state.accept === "muscle" && state.root.dataset.view === "all"
                && viewAt(event.clientX, event.clientY);
            if (view) {
                showView(view);
            } else {
                openChooser(found.near, event.clientX, event.clientY);
            }
        }
    }

    /* The view drawn under a point of the page, when all are shown. */
    function viewAt(x, y) {
        const group = Array.from(state.svg.querySelectorAll("[data-view]")).find((g) => {
            if (g.style.display === "none") return false;
            const box = g.getBoundingClientRect();
            return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
        });
        return group ? group.dataset.view : null;
    }

    function nameOf(shape) {
        const kind = kindOf(shape);
        const name = state.names[kind + ":" + shape.dataset[kind]] || shape.dataset[kind];
        const side = shape.dataset.side === "midline" ? "" : ", " + shape.dataset.side;
        return name + side;
    }

    function openChooser(shapes, x, y) {
        const chooser = document.createElement("div");
        chooser.className = "study-chooser";
        chooser.setAttribute("role", "dialog");
        chooser.setAttribute("aria-label", "Which did you mean?");
        const title = document.createElement("p");
        title.className = "chooser-title";
        title.textContent = "Which did you mean?";
        const list = document.createElement("ul");
        list.className = "chooser-list";
        shapes.slice(0, 6).forEach((shape) => {
            const item = document.createElement("li");
            const button = document.createElement("button");
            button.type = "button";
            button.className = "chooser-option";
            button.textContent = nameOf(shape);
            button.addEventListener("click", () => { closeChooser(false); report(shape); });
            item.appendChild(button);
            list.appendChild(item);
        });
        const cancel = document.createElement("button");
        cancel.type = "button";
        cancel.className = "btn chooser-cancel";
        cancel.textContent = "Cancel";
        cancel.addEventListener("click", () => closeChooser(true));
        chooser.append(title, list, cancel);
        state.chooser = {el: chooser, returnTo: document.activeElement};
        state.root.appendChild(chooser);
        // Beside the finger, inside the diagram.
        const box = state.root.getBoundingClientRect();
        const width = chooser.offsetWidth;
        const height = chooser.offsetHeight;
        chooser.style.left = Math.max(0, Math.min(x - box.left + 16, box.width - width)) + "px";
        chooser.style.top = Math.max(0, Math.min(y - box.top - height / 2, box.height - height)) + "px";
        list.querySelector("button").focus({preventScroll: true});
    }

    function closeChooser(restoreFocus) {
        if (!state.chooser) {
            return;
        }
        const back = state.chooser.returnTo;
        state.chooser.el.remove();
        state.chooser = null;
        if (restoreFocus && back && back.focus) back.focus({preventScroll: true});
    }

    function onKey(event) {
        if (event.key === "Escape" && state.chooser) {
            closeChooser(true);
        }
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
        state.names = JSON.parse(root.dataset.names || "{}");
        root.addEventListener("click", onClick);
        document.addEventListener("keydown", onKey);
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
