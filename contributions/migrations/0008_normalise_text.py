"""Bring stored entries and their revisions to the normal form of text.

Before pages.text existed, text was stored as the browser sent it (CRLF line
endings, trailing newlines, decomposed accents) and multi-value fields in
whatever order the form gave. New revisions are normalised, so without this
migration the first edit after it would show every such field as changed.
Rows are rewritten only where something changes; the history itself (who,
when, which fields) is untouched.
"""

from django.db import migrations, models

from pages.text import normal_list, normal_text

ENTRY_MODELS = ("toolpage", "usecasepage", "organizationpage", "topicpage")
#: Fields of wagtailcore.Page that contributors write.
PAGE_TEXT = ("title", "draft_title")
BATCH = 500


def _normal_fields(model):
    """(name, normaliser) for the text and list fields a contributor writes."""
    fields = [(name, normal_text) for name in PAGE_TEXT]
    for field in model._meta.local_fields:
        if isinstance(field, models.JSONField):
            fields.append((field.attname, _list))
        elif isinstance(field, models.CharField | models.TextField) and not field.choices:
            fields.append((field.attname, normal_text))
    return fields


def _list(value):
    return normal_list(value) if isinstance(value, list) else value


def _normalise(values, fields, get, put):
    changed = False
    for name, normaliser in fields:
        value = get(values, name)
        if value is None:
            continue
        new = normaliser(value)
        if new != value:
            put(values, name, new)
            changed = True
    return changed


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    UseCaseLink = apps.get_model("pages", "UseCaseLink")
    for model_name in ENTRY_MODELS:
        model = apps.get_model("pages", model_name)
        fields = _normal_fields(model)
        names = [name for name, _n in fields]
        changed_pages = []
        for page in model.objects.only("pk", *names).iterator(chunk_size=BATCH):
            if _normalise(page, fields, getattr, setattr):
                changed_pages.append(page)
        for start in range(0, len(changed_pages), BATCH):
            model.objects.bulk_update(changed_pages[start : start + BATCH], names)
        content_type = ContentType.objects.filter(app_label="pages", model=model_name).first()
        if content_type is None:
            continue
        _normalise_revisions(Revision, content_type, fields)
    links = [link for link in UseCaseLink.objects.all() if normal_text(link.label) != link.label]
    for link in links:
        link.label = normal_text(link.label)
    UseCaseLink.objects.bulk_update(links, ["label"], batch_size=BATCH)


def _normalise_revisions(Revision, content_type, fields):
    def get(content, name):
        return content.get(name)

    def put(content, name, value):
        content[name] = value

    changed = []
    revisions = Revision.objects.filter(content_type=content_type).only("pk", "content")
    for revision in revisions.iterator(chunk_size=BATCH):
        content = revision.content
        if not isinstance(content, dict):
            continue
        touched = _normalise(content, fields, get, put)
        for link in content.get("links") or ():
            label = link.get("label") if isinstance(link, dict) else None
            if isinstance(label, str) and normal_text(label) != label:
                link["label"] = normal_text(label)
                touched = True
        if touched:
            changed.append(revision)
        if len(changed) >= BATCH:
            Revision.objects.bulk_update(changed, ["content"])
            changed = []
    Revision.objects.bulk_update(changed, ["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0007_translation_sync"),
        ("pages", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
