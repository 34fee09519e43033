/*
 * The handout's Print button (the handout page is server-rendered HTML; see
 * components/handout_page.py). The button is hidden until this script runs, so a page without
 * scripts never shows a button that does nothing; browsers print from their own menu too.
 */
(function () {
    "use strict";

    function showButtons() {
        document.querySelectorAll("[data-print]").forEach((button) => {
            button.hidden = false;
        });
    }

    document.addEventListener("click", (event) => {
        if (event.target.closest("[data-print]")) {
            window.print();
        }
    });
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", showButtons);
    } else {
        showButtons();
    }
})();
