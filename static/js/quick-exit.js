/* Quick exit: the "Leave this site" link works without JavaScript; with it, a click or
   Escape pressed twice replaces the current history entry, so Back does not return here. */
(function () {
    "use strict";

    var link = document.querySelector("a.quick-exit");
    if (!link) {
        return;
    }
    var PAIR_WINDOW_MS = 1000;
    var lastEscape = 0;

    function leave(event) {
        if (event) {
            event.preventDefault();
        }
        // Hide the page at once, before the neutral site has loaded.
        document.documentElement.style.visibility = "hidden";
        document.title = "";
        window.location.replace(link.href);
    }

    link.addEventListener("click", leave);

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || event.repeat) {
            return;
        }
        var now = Date.now();
        if (now - lastEscape < PAIR_WINDOW_MS) {
            leave(event);
        } else {
            lastEscape = now;
        }
    });
})();
