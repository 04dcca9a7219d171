/* Search-box autocomplete: a WAI-ARIA 1.2 combobox with a listbox popup.
   Progressive enhancement of templates/search/includes/search_box.html: without
   JavaScript the box is a plain search field. Arrow keys move through the
   suggestions, Enter opens the chosen entry, Escape closes the list. */
(function () {
    "use strict";

    function setup(root) {
        var input = root.querySelector("input[role=combobox]");
        var listbox = root.querySelector("[role=listbox]");
        var status = root.querySelector(".suggest-status");
        var url = root.dataset.suggestUrl;
        var items = [];
        var active = -1;
        var timer = null;
        var latest = 0;

        function close() {
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var options = listbox.querySelectorAll("[role=option]");
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render(results) {
            items = results;
            listbox.innerHTML = "";
            results.forEach(function (result, i) {
                var option = document.createElement("li");
                option.id = input.id + "-option-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.appendChild(document.createTextNode(result.name + " "));
                var kind = document.createElement("span");
                kind.className = "badge";
                kind.textContent = result.kind_label;
                option.appendChild(kind);
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    window.location.href = result.url;
                });
                listbox.appendChild(option);
            });
            var count = results.length;
            status.textContent = count ? count + " " + root.dataset.status : "";
            if (count) {
                listbox.hidden = false;
                input.setAttribute("aria-expanded", "true");
                active = -1;
            } else {
                close();
            }
        }

        function lookup() {
            var text = input.value.trim();
            if (text.length < 2) { render([]); return; }
            var ticket = ++latest;
            fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) { if (ticket === latest) { render(data.results || []); } })
                .catch(function () { render([]); });
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(lookup, 150);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" && items.length) {
                event.preventDefault();
                if (listbox.hidden) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
                highlight((active + 1) % items.length);
            } else if (event.key === "ArrowUp" && items.length) {
                event.preventDefault();
                highlight(active <= 0 ? items.length - 1 : active - 1);
            } else if (event.key === "Enter" && active >= 0 && !listbox.hidden) {
                event.preventDefault();
                window.location.href = items[active].url;
            } else if (event.key === "Escape" && !listbox.hidden) {
                // Close the list but keep the text (a search field would clear it).
                event.preventDefault();
                close();
            }
        });
        input.addEventListener("blur", function () { setTimeout(close, 100); });
    }

    document.querySelectorAll(".suggest[data-suggest-url]").forEach(setup);
})();
