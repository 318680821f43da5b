/* An event's time on the reader's own clock. The page already says it on the event's clock and in
   UTC, so it reads fully without JavaScript; with it, the browser converts the UTC times
   (<time data-reader-start datetime="...Z">) with its own time zone setting. Nothing is sent
   anywhere and nothing is stored: the reader's zone never leaves their machine. */
(function () {
    "use strict";

    var target = document.querySelector("[data-reader-time]");
    var start = document.querySelector("time[data-reader-start]");
    var end = document.querySelector("time[data-reader-end]");
    if (!target || !start || !end || !window.Intl || !Intl.DateTimeFormat) {
        return;
    }
    var from = new Date(start.getAttribute("datetime"));
    var to = new Date(end.getAttribute("datetime"));
    if (isNaN(from.getTime()) || isNaN(to.getTime())) {
        return;
    }
    // The page's language, in the reader's own variant of it where the browser has one (en-GB for en).
    var language = document.documentElement.lang || undefined;
    var preferred = navigator.language || "";
    if (language && preferred.split("-")[0] === language.split("-")[0]) {
        language = preferred;
    }
    var readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var day = { year: "numeric", month: "long", day: "numeric" };
    // A 24-hour clock, as the page writes the event's own times in every language.
    var clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" };

    function format(date, options) {
        return new Intl.DateTimeFormat(language, options).format(date);
    }

    var sameDay = format(from, day) === format(to, day);
    var startText = format(from, Object.assign({}, day, clock));
    var endText = sameDay ? format(to, clock) : format(to, Object.assign({}, day, clock));

    function timeElement(date, text) {
        var element = document.createElement("time");
        element.setAttribute("datetime", date.toISOString());
        element.textContent = text;
        return element;
    }

    target.textContent = "";
    target.appendChild(timeElement(from, startText));
    target.appendChild(document.createTextNode(" – "));
    target.appendChild(timeElement(to, endText));
    if (readerZone && readerZone === target.getAttribute("data-event-zone")) {
        var same = document.createElement("span");
        same.className = "reader-time__same";
        same.textContent = " " + target.getAttribute("data-same-zone");
        target.appendChild(same);
    }
    document.querySelectorAll(".reader-time").forEach(function (element) {
        element.hidden = false;
    });
})();
