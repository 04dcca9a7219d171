"""Keep saving an entry as fast with 1,000 revisions of history as with one.

Each publish makes Wagtail run UPDATE wagtailcore_revision SET
approved_go_live_at = NULL over every revision of the page, rewriting rows
whose value is already NULL: with a long history that is most of a save's
cost (bench/wiki.py). PostgreSQL's built-in suppress_redundant_updates_trigger
skips rows that would not change. Other databases are left as they are.
"""

from django.db import migrations

CREATE = """
CREATE TRIGGER ogpt_revision_skip_redundant_updates
BEFORE UPDATE ON wagtailcore_revision
FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
"""
DROP = "DROP TRIGGER IF EXISTS ogpt_revision_skip_redundant_updates ON wagtailcore_revision;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("contributions", "0004_review"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create, drop)]
