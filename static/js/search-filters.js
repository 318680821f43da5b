/* Search filters: the page works without JavaScript (the "Filters" summary opens them, the
   "Apply filters" button submits them). With it, the filters are open where the sidebar has
   room beside the results and folded on phones, and "Filter results" unfolds them. */
(function () {
    "use strict";

    var filters = document.getElementById("search-filters");
    if (!filters || !window.matchMedia) {
        return;
    }
    // The width at which site.css puts the filters beside the results (60rem).
    var wide = window.matchMedia("(min-width: 60rem)");

    function follow() {
        filters.open = wide.matches;
    }

    follow();
    if (wide.addEventListener) {
        wide.addEventListener("change", follow);
    }

    document.querySelectorAll('a[href="#search-filters"]').forEach(function (link) {
        link.addEventListener("click", function () {
            filters.open = true;
        });
    });
})();
