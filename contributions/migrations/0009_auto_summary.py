"""EditRecord.auto_summary, and the automatic summaries of past restores and undos moved into it.

Until now restore and undo wrote their sentence into the summary, in the
language of the person who clicked (English, or French from the French site),
and French pages showed it as it was. The sentences the code wrote are
recognised here, in both languages, and replaced by the data they said; any
words a person added are not touched (those summaries never had any).
"""

import re

from django.db import migrations, models

UNKNOWN = {"an unknown contributor", "un contributeur inconnu"}
PATTERNS = [
    ("restore", re.compile(r"^Restored revision (?P<id>\d+) by (?P<author>.+)$")),
    ("restore", re.compile(r"^Restauration de la version (?P<id>\d+) de (?P<author>.+)$")),
    ("undo", re.compile(r"^Undid revision (?P<id>\d+) by (?P<author>.+)$")),
    ("undo", re.compile(r"^Annulation de la version (?P<id>\d+) de (?P<author>.+)$")),
    # The undo that went through the merge view said no author.
    ("undo", re.compile(r"^Undid revision (?P<id>\d+)$")),
    ("undo", re.compile(r"^Annulation de la version (?P<id>\d+)$")),
]


def parse(summary, author_of):
    for action, pattern in PATTERNS:
        match = pattern.match(summary.strip())
        if match:
            revision_id = int(match["id"])
            author = match.groupdict().get("author")
            if author is None:
                author = author_of(revision_id)
            elif author in UNKNOWN:
                author = None
            return {"action": action, "revision": revision_id, "author": author}
    return None


def structure_automatic_summaries(apps, schema_editor):
    EditRecord = apps.get_model("contributions", "EditRecord")
    Revision = apps.get_model("wagtailcore", "Revision")

    def author_of(revision_id):
        revision = Revision.objects.filter(pk=revision_id).select_related("user").first()
        return revision.user.username if revision and revision.user else None

    candidates = EditRecord.objects.filter(
        models.Q(summary__startswith="Restored revision ")
        | models.Q(summary__startswith="Undid revision ")
        | models.Q(summary__startswith="Restauration de la version ")
        | models.Q(summary__startswith="Annulation de la version ")
    )
    for record in candidates.iterator():
        data = parse(record.summary, author_of)
        if data is not None:
            record.auto_summary = data
            record.summary = ""
            record.save(update_fields=["auto_summary", "summary"])


def back_to_text(apps, schema_editor):
    """Reversing writes the English sentence back, as the old code did."""
    EditRecord = apps.get_model("contributions", "EditRecord")
    for record in EditRecord.objects.exclude(auto_summary={}).iterator():
        data = record.auto_summary
        verb = "Restored" if data.get("action") == "restore" else "Undid"
        author = data.get("author") or "an unknown contributor"
        text = f"{verb} revision {data.get('revision')} by {author}"
        record.summary = f"{text}: {record.summary}" if record.summary else text
        record.save(update_fields=["summary"])


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0008_normalise_text"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="editrecord",
            name="auto_summary",
            field=models.JSONField(blank=True, default=dict, verbose_name="automatic summary"),
        ),
        migrations.RunPython(structure_automatic_summaries, back_to_text),
    ]
