/* Accessible autocomplete picker (WAI-ARIA combobox with a listbox popup).
   Progressive enhancement of contributions/widgets/entry_picker.html. */
(function () {
    "use strict";

    function setup(root) {
        var input = root.querySelector(".picker-search");
        var listbox = root.querySelector("[role=listbox]");
        var chosen = root.querySelector(".picker-chosen");
        var status = root.querySelector(".picker-status");
        var name = root.dataset.name;
        var options = [];
        var active = -1;
        var timer = null;

        function chosenIds() {
            return Array.prototype.map.call(
                chosen.querySelectorAll("input:checked"), function (box) { return box.value; });
        }

        function showEmpty(empty) {
            // "No match" is said aloud (role=status) and shown where the list
            // would be, so that nobody wonders whether the picker is working.
            status.classList.toggle("visually-hidden", !empty);
            status.classList.toggle("picker-empty", empty);
        }

        function close() {
            showEmpty(false);
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var items = listbox.querySelectorAll("[role=option]");
            items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
            active = index;
            if (items[index]) {
                input.setAttribute("aria-activedescendant", items[index].id);
                items[index].scrollIntoView({ block: "nearest" });
            }
        }

        function add(option) {
            if (chosenIds().indexOf(String(option.id)) === -1) {
                var li = document.createElement("li");
                var label = document.createElement("label");
                var box = document.createElement("input");
                box.type = "checkbox";
                box.name = name;
                box.value = option.id;
                box.checked = true;
                label.appendChild(box);
                label.appendChild(document.createTextNode(" " + option.title));
                li.appendChild(label);
                chosen.appendChild(li);
            }
            input.value = "";
            close();
            input.focus();
        }

        function render(results) {
            options = results;
            listbox.innerHTML = "";
            results.forEach(function (option, i) {
                var li = document.createElement("li");
                li.id = input.id + "_option_" + i;
                li.setAttribute("role", "option");
                li.setAttribute("aria-selected", "false");
                li.textContent = option.title;
                li.addEventListener("mousedown", function (event) { event.preventDefault(); add(option); });
                listbox.appendChild(li);
            });
            var open = results.length > 0;
            listbox.hidden = !open;
            input.setAttribute("aria-expanded", open ? "true" : "false");
            status.textContent = open ? results.length + " " + status.dataset.some : status.dataset.none;
            showEmpty(!open);
            active = -1;
        }

        function search() {
            var query = input.value.trim();
            if (query.length < 1) { close(); return; }
            fetch(root.dataset.searchUrl + "&q=" + encodeURIComponent(query), { credentials: "same-origin" })
                .then(function (response) { return response.json(); })
                .then(function (data) {
                    var taken = chosenIds();
                    render(data.results.filter(function (r) { return taken.indexOf(String(r.id)) === -1; }));
                })
                .catch(close);
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(search, 150);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" && options.length) {
                event.preventDefault();
                if (listbox.hidden) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
                highlight(Math.min(active + 1, options.length - 1));
            } else if (event.key === "ArrowUp" && options.length) {
                event.preventDefault();
                highlight(Math.max(active - 1, 0));
            } else if (event.key === "Enter") {
                if (!listbox.hidden && active >= 0) { event.preventDefault(); add(options[active]); }
                else if (!listbox.hidden && options.length === 1) { event.preventDefault(); add(options[0]); }
            } else if (event.key === "Escape") {
                close();
            }
        });
        input.addEventListener("blur", function () { setTimeout(close, 100); });
    }

    document.querySelectorAll("[data-picker]").forEach(setup);
})();
