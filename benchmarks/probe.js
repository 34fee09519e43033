/*
 * Measures, inside the page, how fast a tap on the diagram is answered.
 *
 * A capture-phase pointerup listener on the document stamps each tap that lands on the drawing,
 * or on an option of the fingertip chooser (#chooser, which the page opens when a fingertip
 * reached several small shapes), before the app's own listener runs. From that moment the
 * probe records:
 *   highlight - the first class change inside #diagram (a MutationObserver), i.e. the DOM
 *               showing the new selection;
 *   frame     - a requestAnimationFrame after that change, then a message posted from it: the
 *               earliest moment after the frame that shows the change has been produced;
 *   details   - the first change of #details after which its text names every selected muscle
 *               or marked place (words passed in by the benchmark from the table), i.e. the panel
 *               filled by the server callback for this selection;
 *   response  - the end of the callback's network response (Resource Timing), for reference;
 *   chooser   - when the tap opened the chooser instead (its hidden attribute removed): the
 *               tap's answer is then the chooser, and the option tapped next is a record of
 *               its own (on: "chooser").
 * All times are milliseconds after the pointerup, from performance.now().
 */
(names) => {
    const diagram = document.getElementById("diagram");
    const details = document.getElementById("details");
    const chooser = document.getElementById("chooser");
    const probe = {records: [], current: null};

    function expectedNames() {
        const found = [];
        diagram.querySelectorAll(".is-selected[data-muscle], .is-selected[data-region]").forEach((el) => {
            if (el.dataset.muscle) {
                found.push(names.muscle[el.dataset.muscle]);
            } else {
                found.push(names.region[el.dataset.region + ":" + el.dataset.side]);
            }
        });
        return Array.from(new Set(found));
    }

    document.addEventListener("pointerup", (event) => {
        const onDrawing = diagram.contains(event.target) && event.target.closest("svg");
        const onOption = chooser && event.target.closest && event.target.closest("#chooser [data-choose]");
        if (!onDrawing && !onOption) {
            return;
        }
        probe.current = {up: performance.now(), on: onDrawing ? "drawing" : "chooser", highlight: null, frame: null,
                         details: null, response: null, chooser: null, expected: null};
        probe.records.push(probe.current);
    }, {capture: true, passive: true});

    new MutationObserver(() => {
        const record = probe.current;
        if (!record || record.highlight !== null) {
            return;
        }
        record.highlight = performance.now() - record.up;
        record.expected = expectedNames();
        requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
                record.frame = performance.now() - record.up;
            };
            channel.port2.postMessage(null);
        });
    }).observe(diagram, {attributes: true, subtree: true, attributeFilter: ["class"]});

    new MutationObserver(() => {
        const record = probe.current;
        if (!record || record.expected === null || record.details !== null) {
            return;
        }
        const text = details.textContent.toLowerCase();
        if (record.expected.length && record.expected.every((name) => text.includes(name.toLowerCase()))) {
            record.details = performance.now() - record.up;
        }
    }).observe(details, {childList: true, subtree: true, characterData: true});

    if (chooser) {
        new MutationObserver(() => {
            const record = probe.current;
            if (record && record.chooser === null && record.highlight === null && !chooser.hidden) {
                record.chooser = performance.now() - record.up;
            }
        }).observe(chooser, {attributes: true, attributeFilter: ["hidden"]});
    }

    new PerformanceObserver((list) => {
        const record = probe.current;
        list.getEntries().forEach((entry) => {
            if (record && record.response === null && entry.name.includes("_dash-update-component")
                    && entry.startTime >= record.up) {
                record.response = entry.responseEnd - record.up;
            }
        });
    }).observe({type: "resource", buffered: false});

    window.__referralProbe = probe;
}
