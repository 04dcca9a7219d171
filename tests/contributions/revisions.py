"""Long histories, made fast for tests of history pages.

save_edit() costs about a hundred queries per revision; tests that need
fifty revisions insert what it would have written (Wagtail revisions and
their EditRecords) in bulk instead.
"""

from datetime import timedelta
from itertools import cycle

from django.utils import timezone

from wagtail.models import Page, Revision

from contributions.models import EditRecord


def add_revisions(page, count, users, summary="Bulk edit"):
    """`count` published revisions of `page`, one second apart, ending just now."""
    latest = page.latest_revision
    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type_id=latest.content_type_id,
            base_content_type_id=latest.base_content_type_id,
            object_id=latest.object_id,
            object_str=latest.object_str,
            created_at=now - timedelta(milliseconds=count - number),
            user=user,
            content={**latest.content, "description": f"Version {number}."},
        )
        for number, user in zip(range(count), cycle(users), strict=False)
    )
    EditRecord.objects.bulk_create(
        EditRecord(
            revision=revision,
            page_id=page.pk,
            user=revision.user,
            created_at=revision.created_at,
            language=page.locale.language_code,
            kind=EditRecord.Kind.EDIT,
            summary=f"{summary} {number}",
            size=100 + number,
            size_delta=1,
        )
        for number, revision in enumerate(revisions)
    )
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revisions[-1], live_revision=revisions[-1]
    )
    page.refresh_from_db()
    return revisions
