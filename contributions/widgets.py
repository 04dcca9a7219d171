"""An accessible autocomplete picker for relations (tools, organizations, topics).

A catalogue of thousands of tools cannot be a <select> of thousands of
options. The picker shows the chosen entries as checked boxes (untick to
remove) and a combobox that asks /<lang>/entries/autocomplete/ for names as
the contributor types (WAI-ARIA combobox pattern, static/js/picker.js). Only
the chosen entries are rendered, so the form stays small at any scale.
"""

from django import forms
from django.urls import reverse

from pages.numbers import whole_number


class EntryPicker(forms.SelectMultiple):
    template_name = "contributions/widgets/entry_picker.html"

    def __init__(self, kind, attrs=None):
        super().__init__(attrs)
        self.kind = kind

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)
        # Ids come back from the browser: "²" passes str.isdigit() but no query.
        ids = [str(v) for v in (value or []) if whole_number(str(v)) is not None]
        queryset = self.choices.queryset
        chosen = {str(page.pk): page.title for page in queryset.filter(pk__in=ids)}
        context["widget"].update(
            {
                "chosen": [(pk, chosen[pk]) for pk in ids if pk in chosen],
                "unknown": [pk for pk in ids if pk not in chosen],
                "search_url": reverse("entry_autocomplete") + f"?kind={self.kind}",
            }
        )
        return context

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    class Media:
        js = ["js/combobox.js", "js/picker.js"]
