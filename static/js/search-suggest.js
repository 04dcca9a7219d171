/* Search-box suggestions: progressive enhancement of templates/search/includes/search_box.html.
   Without JavaScript the box is a plain search field. The combobox (keys, late answers,
   errors, announcements) is static/js/combobox.js; here only what the search box adds:
   an option shows the entry's name and kind, and choosing one opens the entry (Enter
   with no option chosen submits the search as usual). */
(function () {
    "use strict";

    function setup(root) {
        var input = root.querySelector("input[role=combobox]");

        window.OGPTCombobox.attach({
            input: input,
            listbox: root.querySelector("[role=listbox]"),
            status: root.querySelector(".suggest-status"),
            minLength: 2,
            optionId: input.id + "-option-",
            url: function (query) { return root.dataset.suggestUrl + "?q=" + encodeURIComponent(query); },
            results: function (data) { return data.results || []; },
            draw: function (result, li) {
                li.appendChild(document.createTextNode(result.name + " "));
                var kind = document.createElement("span");
                kind.className = "badge";
                kind.textContent = result.kind_label;
                li.appendChild(kind);
            },
            choose: function (result) { window.location.href = result.url; },
            texts: { some: root.dataset.status, none: null, error: root.dataset.error }
        });
    }

    document.querySelectorAll(".suggest[data-suggest-url]").forEach(setup);
})();
