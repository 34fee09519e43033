/*
 * The details panel: puts the markup the server rendered for a selection (components/details.py)
 * into #details, changing only what differs from the panel shown. Elements that stay keep their
 * state (focus, an open list), and a tap that changes one line of the panel changes one line.
 */
(function () {
    "use strict";

    const PANEL_ID = "details";

    function sameAttributes(have, want) {
        Array.from(have.attributes).forEach((a) => {
            if (!want.hasAttribute(a.name)) have.removeAttribute(a.name);
        });
        Array.from(want.attributes).forEach((a) => {
            if (have.getAttribute(a.name) !== a.value) have.setAttribute(a.name, a.value);
        });
    }

    /* Make the children of ``have`` (in the page) like those of ``want`` (parsed, not shown). */
    function sameChildren(have, want) {
        const wanted = Array.from(want.childNodes);
        wanted.forEach((node, i) => {
            const old = have.childNodes[i];
            if (!old) {
                have.appendChild(node);
            } else if (old.nodeType !== node.nodeType || old.nodeName !== node.nodeName) {
                have.replaceChild(node, old);
            } else if (node.nodeType === Node.ELEMENT_NODE) {
                sameAttributes(old, node);
                sameChildren(old, node);
            } else if (old.nodeValue !== node.nodeValue) {
                old.nodeValue = node.nodeValue;
            }
        });
        while (have.childNodes.length > wanted.length) have.removeChild(have.lastChild);
    }

    function show(markup) {
        const panel = document.getElementById(PANEL_ID);
        if (panel && typeof markup === "string") {
            const parsed = document.createElement("template");
            parsed.innerHTML = markup;
            sameChildren(panel, parsed.content);
            // A list shows the option the markup selects, even after the user picked another.
            panel.querySelectorAll("select").forEach((list) => {
                const chosen = list.querySelector("option[selected]");
                if (chosen && list.value !== chosen.value) list.value = chosen.value;
            });
        }
        return window.dash_clientside.no_update;
    }

    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.details = {show: show};
})();
