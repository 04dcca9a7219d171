"""The public forms of an entry, built from the model's own field split.

`EntryForm(data, files, page=page)` is the edit form of `page`: its fields are
the editable fields of the page's model (contributions.snapshots), text fields
first (what translators and writers change), then the facts, then the edit
summary. `CreateForm` is the same form for an entry not created yet.
Values go in and out as snapshot values (see contributions.snapshots), so the
same form serves editing, conflict resolution and restoring.
"""

from modelcluster.fields import ParentalManyToManyField

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model
from wagtail.models import Revision

from pages.languages import language_choices
from pages.models import TopicPage
from pages.models.choices import INTERFACE_LANGUAGES
from pages.text import NormalisedInput
from safety.images import SafeImageField

from .snapshots import LINKS, RELATION, editable_fields, normal_value
from .widgets import EntryPicker


class EntryForm(NormalisedInput, forms.Form):
    """The edit form of `page`: its editable fields, then the edit summary.

    The fields that depend on the page's model are made in __init__; those
    declared here (the summary, the revision edited, what a restore or an undo
    restores) come after them, just before the save button.

    What is submitted is normalised first (pages.text), so a browser's CRLF
    never reaches a comparison or a revision.
    """

    # Not "summary": entries have a summary field of their own.
    edit_summary = forms.CharField(
        label=_("Edit summary"),
        max_length=500,
        required=False,
        help_text=_("Briefly say what you changed and why."),
    )
    minor_edit = forms.BooleanField(label=_("This is a minor edit"), required=False)
    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # A restore or an undo is an edit that remembers what it restores or undoes.
    source_action = forms.ChoiceField(
        choices=[("", ""), ("restore", "restore"), ("undo", "undo")],
        required=False,
        widget=forms.HiddenInput,
    )
    source_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, files=None, *, page, **kwargs):
        super().__init__(data, files, **kwargs)
        self.page = page
        #: [(field name, snapshot kind)] of the entry fields this form edits.
        self.field_kinds = editable_fields(type(page))
        entry_fields = {}
        for name, kind in self.field_kinds:
            entry_fields[name] = _formfield(type(page), name, kind, page.locale)
            if name == "logo":
                entry_fields.update(_logo_upload_fields())
        self.fields = {**entry_fields, **self.fields}

    def clean_base_revision(self):
        """The revision the edit started from must be one of this page's.

        It comes back from the browser: a forged or unknown number (another
        page's revision, one that never existed) would otherwise reach the
        merge and fail there with a 500. It is a form error instead; the form
        shown again keeps the person's text and starts from the current version.
        """
        revision_id = self.cleaned_data.get("base_revision")
        if (
            revision_id is None
            or Revision.page_revisions.filter(pk=revision_id, object_id=str(self.page.pk)).exists()
        ):
            return revision_id
        self.add_error(
            None,
            _(
                "This edit started from a version of the page that does not exist. "
                "Your text is kept below: check it and save again."
            ),
        )
        self.data = self.data.copy()
        self.data[self.add_prefix("base_revision")] = self.page.live_revision_id
        return None

    def changes(self, store_uploads=True):
        """cleaned_data → {field: snapshot value} for the edited fields.

        With store_uploads=False (showing changes before saving), an uploaded
        logo is not stored: the logo shows as it is.
        """
        values = {}
        for name, kind in self.field_kinds:
            value = self.cleaned_data.get(name)
            if kind == RELATION:
                value = [page.pk for page in value or ()]
            elif hasattr(value, "pk"):  # the logo, an image
                value = value.pk
            values[name] = normal_value(kind, value)
        if self.cleaned_data.get("logo_upload") and store_uploads:
            values["logo"] = _store_logo(self.cleaned_data["logo_upload"], self.cleaned_data)
        elif self.cleaned_data.get("remove_logo"):
            values["logo"] = None
        return values


def initial_from(model, values):
    """{field: snapshot value} of an entry of `model` → the initial data of its form."""
    initial = {}
    for name, kind in editable_fields(model):
        value = values.get(name)
        if kind == LINKS:
            initial[name] = "\n".join(f"{url} {label}".strip() for url, label in value or ())
        elif isinstance(value, tuple):
            initial[name] = list(value)
        else:
            initial[name] = value
    return initial


class CreateForm(EntryForm):
    """The form that adds an entry of `model` under `index`, in `locale`.

    The edit form of a page not created yet, without a revision to edit, with
    a box to confirm a new entry that looks like an existing one and, for a
    topic, the theme it belongs to.
    """

    def __init__(self, data=None, files=None, *, model, locale, index, **kwargs):
        super().__init__(data, files, page=model(locale=locale), **kwargs)
        del self.fields["base_revision"]
        self.fields["confirm_new"] = forms.BooleanField(
            label=_("Yes, this is a different entry: create it"), required=False
        )
        if model is TopicPage:
            self.fields["parent_theme"] = forms.ModelChoiceField(
                queryset=TopicPage.objects.child_of(index).live().order_by("title"),
                required=False,
                label=_("Sub-theme of"),
                empty_label=_("None: this is a theme"),
            )


class LinksField(forms.CharField):
    """One link per line: the address, then an optional label."""

    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value):
        text = super().clean(value)
        validator = forms.URLField(assume_scheme="https")
        links = []
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            url, _space, label = line.partition(" ")
            try:
                validator.clean(url)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("Line %(number)s: %(error)s"),
                    params={"number": number, "error": " ".join(error.messages)},
                ) from error
            links.append((url, label.strip()))
        return tuple(links)


def _formfield(model, name, kind, locale):
    if kind == LINKS:
        return LinksField(
            label=_("Links"),
            required=False,
            help_text=_("One per line: the address, a space, then a label."),
        )
    field = model._meta.get_field(name)
    if name == "logo":
        # The current logo travels as a hidden id (so merges keep it); a new
        # one comes through `logo_upload` (see _logo_upload_fields).
        return forms.ModelChoiceField(
            queryset=get_image_model().objects.all(), required=False, widget=forms.HiddenInput
        )
    if isinstance(field, ParentalManyToManyField):
        queryset = field.related_model.objects.live().filter(locale=locale).order_by("title")
        return forms.ModelMultipleChoiceField(
            queryset=queryset,
            required=False,
            label=capfirst(field.verbose_name),
            widget=EntryPicker(kind=field.related_model.kind),
        )
    if name == "interface_languages":
        return forms.MultipleChoiceField(
            # Listed by name in the reader's language: a reader looks for
            # "Chinese" (or "chinois") among names, not for "zh" among codes.
            choices=language_choices(INTERFACE_LANGUAGES),
            required=False,
            label=capfirst(field.verbose_name),
            widget=forms.CheckboxSelectMultiple,
        )
    if name == "programming_languages":
        return CommaListField(
            label=capfirst(field.verbose_name),
            required=False,
            help_text=_("Separated by commas, e.g. Python, JavaScript."),
        )
    extra = {"assume_scheme": "https"} if isinstance(field, models.URLField) else {}
    formfield = field.formfield(**extra)
    # Model validators (e.g. the text length limit) are checked here too, so
    # the error shows beside the field instead of failing the save.
    formfield.validators += [v for v in field.validators if v not in formfield.validators]
    formfield.label = capfirst(formfield.label or name)
    if name == "title":
        formfield.label = _("Name")
    return formfield


def _store_logo(upload, cleaned_data):
    """Save an uploaded logo as a Wagtail image and return its id."""
    name = cleaned_data.get("title") or upload.name
    image = get_image_model()(title=_("Logo of %(name)s") % {"name": name}, file=upload)
    image.save()
    return image.pk


class CommaListField(forms.CharField):
    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def clean(self, value):
        text = super().clean(value)
        return [item.strip() for item in text.split(",") if item.strip()]


def _logo_upload_fields():
    """A new logo to upload, or the current one to remove: shown after the logo."""
    return {
        "logo_upload": SafeImageField(
            label=_("Logo"),
            required=False,
            help_text=_("PNG, JPEG, GIF or WebP image. Leave empty to keep the current logo."),
        ),
        "remove_logo": forms.BooleanField(label=_("Remove the logo"), required=False),
    }
