/* One accessible combobox: a text box with a listbox popup (WAI-ARIA 1.2 combobox pattern).

   The relation picker (picker.js) and the search box's suggestions (search-suggest.js)
   both attach it, so they behave alike and a fix reaches both:

   - typing asks the server (after a short pause); only the answer to the latest query
     is shown, so a slow answer to an older query never replaces a newer one;
   - a failed answer (an HTTP error or no network) is shown and announced, not hidden;
   - ArrowDown / ArrowUp move through the options and wrap around, Home / End go to the
     first / last option while the list is open, Enter chooses the active option,
     Escape closes the list and keeps the text;
   - the active option is given to assistive technology by aria-activedescendant, and
     the number of suggestions (or "no match", or the error) by a role=status region.

   Each caller says what differs: where to ask, how to draw an option, what choosing
   does. Loaded before them; loading it twice (a form's media and the page) is harmless. */
(function () {
    "use strict";

    if (window.OGPTCombobox) { return; }

    var DELAY = 150;  // ms of quiet typing before asking the server

    /* config: input, listbox, status (role=status element), url(query) -> address,
       results(data) -> items, draw(item, li), choose(item), optionId (prefix of the
       option ids), minLength, texts: {some, none (null: say nothing), error},
       chooseOnlyOption (Enter chooses the only option even if none is active). */
    function attach(config) {
        var input = config.input;
        var listbox = config.listbox;
        var status = config.status;
        var texts = config.texts;
        var items = [];
        var active = -1;
        var timer = null;
        var latest = 0;  // the ticket of the newest query: older answers are ignored

        function say(text, visible, error) {
            // Shown where the list would be (and announced by the role=status region):
            // "no match" and errors, so that nobody wonders whether the box is working.
            status.textContent = text;
            status.classList.toggle("visually-hidden", !visible);
            status.classList.toggle("combobox-message", visible);
            status.classList.toggle("combobox-error", Boolean(error));
        }

        function isOpen() { return !listbox.hidden; }

        function open() {
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function close() {
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
            if (status.classList.contains("combobox-message")) { say("", false, false); }
        }

        function highlight(index) {
            var options = listbox.querySelectorAll("[role=option]");
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function choose(item) {
            close();
            config.choose(item);
        }

        function render(results) {
            items = results;
            active = -1;
            listbox.innerHTML = "";
            input.removeAttribute("aria-activedescendant");
            results.forEach(function (item, i) {
                var option = document.createElement("li");
                option.id = config.optionId + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                config.draw(item, option);
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();  // keep the focus in the box
                    choose(item);
                });
                listbox.appendChild(option);
            });
            if (results.length) {
                open();
                say(results.length + " " + texts.some, false, false);
            } else {
                close();
                if (texts.none) { say(texts.none, true, false); } else { say("", false, false); }
            }
        }

        function clear() {
            items = [];
            listbox.innerHTML = "";
            close();
            say("", false, false);
        }

        function fail() {
            clear();
            say(texts.error, true, true);
        }

        function lookup() {
            var query = input.value.trim();
            var ticket = ++latest;
            if (query.length < config.minLength) { clear(); return; }
            fetch(config.url(query), {
                credentials: "same-origin",
                headers: { Accept: "application/json" }
            })
                .then(function (response) {
                    if (!response.ok) { throw new Error("HTTP " + response.status); }
                    return response.json();
                })
                .then(function (data) {
                    if (ticket === latest) { render(config.results(data)); }
                })
                .catch(function () {
                    if (ticket === latest) { fail(); }
                });
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(lookup, DELAY);
        });
        input.addEventListener("keydown", function (event) {
            var count = items.length;
            if ((event.key === "ArrowDown" || event.key === "ArrowUp") && count) {
                event.preventDefault();
                if (!isOpen()) { open(); }
                if (event.key === "ArrowDown") {
                    highlight((active + 1) % count);
                } else {
                    highlight(active <= 0 ? count - 1 : active - 1);
                }
            } else if ((event.key === "Home" || event.key === "End") && count && isOpen()) {
                event.preventDefault();
                highlight(event.key === "Home" ? 0 : count - 1);
            } else if (event.key === "Enter" && isOpen()) {
                if (active >= 0) {
                    event.preventDefault();
                    choose(items[active]);
                } else if (config.chooseOnlyOption && count === 1) {
                    event.preventDefault();
                    choose(items[0]);
                }
            } else if (event.key === "Escape" && (isOpen() || status.classList.contains("combobox-message"))) {
                // Close the list but keep the text (a search field would clear it).
                event.preventDefault();
                close();
            }
        });
        input.addEventListener("blur", function () { setTimeout(close, 100); });

        return { close: close };
    }

    window.OGPTCombobox = { attach: attach };
})();
