"""The translate form: an entry's text fields, written in the other language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from contributions.forms import EntryForm
from contributions.snapshots import TEXT

from . import state as translation


class TranslateForm(EntryForm):
    """The text fields of `page`, each with a "still accurate" box when it is outdated.

    `states` is translation.field_states(page). With `offer_new_address`, the
    form also offers to give the page an address from its translated name:
    done when an entry is translated for the first time, as the copy got the
    address of `other`, the version it was made from
    (`/en/tools/outil-de-consultation/`); ticked while the copy still has it.
    """

    def __init__(self, data=None, *, page, states, other=None, offer_new_address=False, **kwargs):
        super().__init__(data, page=page, **kwargs)
        self.field_kinds = [(name, kind) for name, kind in self.field_kinds if kind == TEXT]
        #: The names of the text fields, in the order the page shows them.
        self.text_names = [name for name, _kind in self.field_kinds]
        fields = {}
        for name in self.text_names:
            fields[name] = self.fields[name]
            if states[name].status in (translation.OUTDATED, translation.DIVERGED):
                fields[f"accurate_{name}"] = forms.BooleanField(
                    label=_("Still accurate: mark it up to date without changing it"),
                    required=False,
                )
        fields["edit_summary"] = self.fields["edit_summary"]
        fields["base_revision"] = self.fields["base_revision"]
        if offer_new_address:
            fields["new_address"] = forms.BooleanField(
                label=_("Also give this version an address from its translated name"),
                help_text=_(
                    "The old address will lead to the new one. You can also change it later "
                    "(Edit, then “Change this entry’s address”)."
                ),
                required=False,
                initial=page.slug == other.slug,
            )
        self.fields = fields
