/* Relation picker: progressive enhancement of contributions/widgets/entry_picker.html.
   The combobox itself (keys, late answers, errors, announcements) is static/js/combobox.js;
   here only what a picker adds: chosen entries become checked boxes, entries already
   chosen are not suggested again, and "No match" is shown when nothing matches. */
(function () {
    "use strict";

    function setup(root) {
        var input = root.querySelector(".picker-search");
        var chosen = root.querySelector(".picker-chosen");
        var status = root.querySelector(".picker-status");
        var name = root.dataset.name;

        function chosenIds() {
            return Array.prototype.map.call(
                chosen.querySelectorAll("input:checked"), function (box) { return box.value; });
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
            input.focus();
        }

        window.OGPTCombobox.attach({
            input: input,
            listbox: root.querySelector("[role=listbox]"),
            status: status,
            minLength: 1,
            optionId: input.id + "_option_",
            url: function (query) { return root.dataset.searchUrl + "&q=" + encodeURIComponent(query); },
            results: function (data) {
                var taken = chosenIds();
                return (data.results || []).filter(function (r) { return taken.indexOf(String(r.id)) === -1; });
            },
            draw: function (option, li) { li.textContent = option.title; },
            choose: add,
            // Enter in the picker would otherwise submit the whole edit form.
            chooseOnlyOption: true,
            texts: { some: status.dataset.some, none: status.dataset.none, error: status.dataset.error }
        });
    }

    document.querySelectorAll("[data-picker]").forEach(setup);
})();
