"""Edit summaries as readers see them: the automatic part in their language.

Restores and undos describe themselves ("Restored revision 12 by bruno").
That sentence is stored as data on EditRecord.auto_summary, not as text, so a
French reader reads it in French whatever the language of the person who
restored; what the person typed is stored as they typed it and follows it.
One function renders both, for every place that shows summaries (history,
recent changes, contributor pages, compare, feeds, the API).
"""

from django.utils.translation import gettext as _

RESTORE = "restore"
UNDO = "undo"


def auto_summary(action, revision):
    """The structured automatic summary of restoring or undoing `revision`."""
    user = revision.user
    return {"action": action, "revision": revision.pk, "author": user and user.get_username()}


def auto_summary_text(data):
    """{"action": "restore", "revision": 12, "author": "bruno"} → the sentence, or ""."""
    if not data or data.get("action") not in (RESTORE, UNDO):
        return ""
    values = {"id": data.get("revision"), "author": data.get("author")}
    if data["action"] == RESTORE:
        if values["author"]:
            return _("Restored revision %(id)s by %(author)s") % values
        return _("Restored revision %(id)s by an unknown contributor") % values
    if values["author"]:
        return _("Undid revision %(id)s by %(author)s") % values
    return _("Undid revision %(id)s by an unknown contributor") % values


def summary_text(record):
    """The whole summary of an EditRecord: the automatic part, then the typed one."""
    if record is None:
        return ""
    automatic = auto_summary_text(getattr(record, "auto_summary", None))
    typed = record.summary or ""
    if automatic and typed:
        return _("%(automatic)s: %(typed)s") % {"automatic": automatic, "typed": typed}
    return automatic or typed
