/*
 * Measures, inside the page, how fast a tap on the diagram is answered.
 *
 * A capture-phase pointerup listener on the document stamps each tap that lands in #diagram
 * before the app's own listener runs. From that moment the probe records:
 *   highlight - the first class change inside #diagram (a MutationObserver), i.e. the DOM
 *               showing the new selection;
 *   frame     - a requestAnimationFrame after that change, then a message posted from it: the
 *               earliest moment after the frame that shows the change has been produced;
 *   details   - the first change of #details after which its text names every selected muscle
 *               or region (names passed in by the benchmark from the table), i.e. the panel
 *               filled by the server callback for this selection;
 *   response  - the end of the callback's network response (Resource Timing), for reference.
 * All times are milliseconds after the pointerup, from performance.now().
 */
(names) => {
    const diagram = document.getElementById("diagram");
    const details = document.getElementById("details");
    const probe = {records: [], current: null};

    function expectedNames() {
        const found = [];
        diagram.querySelectorAll(".is-selected[data-muscle], .is-selected[data-region]").forEach((el) => {
            const kind = el.dataset.muscle ? "muscle" : "region";
            found.push(names[kind][el.dataset[kind]]);
        });
        return Array.from(new Set(found));
    }

    document.addEventListener("pointerup", (event) => {
        if (!diagram.contains(event.target)) {
            return;
        }
        probe.current = {up: performance.now(), highlight: null, frame: null, details: null, response: null,
                         expected: null};
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
        const text = details.textContent;
        if (record.expected.length && record.expected.every((name) => text.includes(name))) {
            record.details = performance.now() - record.up;
        }
    }).observe(details, {childList: true, subtree: true, characterData: true});

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
