"""The sentences that tell readers and translators where a translation stands.

Written per direction rather than assembled from language names, so that
each language gets a natural sentence (French adjectives agree with the
noun, English ones are capitalised): the catalogue has exactly two languages.
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contributions.snapshots import TEXT, editable_fields
from pages.languages import language_in_sentence


def field_label(model, name):
    """How a translatable field is called in sentences ("description", "name")."""
    if name == "title":
        return str(gettext_lazy("name"))
    return str(model._meta.get_field(name).verbose_name)


def language_name(code):
    """The language as it reads inside a sentence, in the reader's language.

    Every sentence that names a language uses this: "Texte en anglais" in French
    (never "en Anglais"), "English text" in English.
    """
    return language_in_sentence(code)


def outdated_note(model, state, language):
    """ "The French description is older than the English one, changed on 3 March." """
    values = {
        "field": field_label(model, state.field),
        "date": date_format(localtime(state.other_changed_at), "j F Y")
        if state.other_changed_at
        else "",
    }
    if state.status == "diverged":
        if language == "fr":
            text = _(
                "The French and English %(field)s were both changed since they were last "
                "compared (the English one on %(date)s)."
            )
        else:
            text = _(
                "The English and French %(field)s were both changed since they were last "
                "compared (the French one on %(date)s)."
            )
    elif language == "fr":
        text = _("The French %(field)s is older than the English one, changed on %(date)s.")
    else:
        text = _("The English %(field)s is older than the French one, changed on %(date)s.")
    return text % values


def not_translated_banner(language):
    if language == "fr":
        return _(
            "This entry has not been translated into French yet: you are reading its English text."
        )
    return _(
        "This entry has not been translated into English yet: you are reading its French text."
    )


def created_from(language):
    """The summary of the untranslated copy made in `language` when an entry is added."""
    if language == "fr":
        return _("Created from the English version; not yet translated.")
    return _("Created from the French version; not yet translated.")


def translated_from(language):
    """The automatic summary of a translation into `language`."""
    return _("Translated from English") if language == "fr" else _("Translated from French")


def address_from_name(language):
    """The summary of the move that gives a first translation its own address."""
    return (
        _("English address from the translated name")
        if language == "en"
        else _("French address from the translated name")
    )


def translated_to(language):
    return _("translated to French") if language == "fr" else _("translated to English")


def updated_fields(model, fields, language):
    """ "updated the French description and summary" for recent changes."""
    names = [field_label(model, name) for name in fields if name in _text_fields(model)]
    if not names:
        return (
            _("checked the French translation")
            if language == "fr"
            else _("checked the English translation")
        )
    joined = (
        names[0]
        if len(names) == 1
        else _("%(first)s and %(last)s")
        % {
            "first": ", ".join(names[:-1]),
            "last": names[-1],
        }
    )
    if language == "fr":
        return _("updated the French %(fields)s") % {"fields": joined}
    return _("updated the English %(fields)s") % {"fields": joined}


def shared_from(language):
    """A revision that mirrors an edit of shared facts made in the other language."""
    if language == "fr":
        return _("shared facts updated from the English version")
    return _("shared facts updated from the French version")


def _text_fields(model):
    return {name for name, kind in editable_fields(model) if kind == TEXT}


def change_label(record, model):
    """What a history or recent-changes row says a translation-related revision or a move did.

    None for an ordinary edit: the row then shows the kind of change as usual.
    """
    if record is None:
        return None
    language = record.language
    if record.kind == "move" and record.move:
        return _("moved from %(old)s to %(new)s") % {
            "old": record.move.get("from", "?"),
            "new": record.move.get("to", "?"),
        }
    if record.kind == "translate":
        note = record.translation or {}
        if note.get("first"):
            return translated_to(language)
        return updated_fields(model, note.get("fields") or (), language)
    counterpart = record.counterpart_revision_id
    if record.kind == "edit" and counterpart and counterpart < record.revision_id:
        return shared_from(language)
    return None
