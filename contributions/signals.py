"""Signal receivers of the contributions app.

- Every user who verifies an e-mail address becomes a Contributor.
- Every published entry revision gets an EditRecord, whoever published it (the
  public edit form, the Wagtail admin, the demo loader), so history and recent
  changes see all of them. The public edit form then adds its summary.

It also defines `translation_needed`, the event that a language version of an
entry needs translation work, so that other apps (the discussion app notifies
the followers of translation queues) can react without the wiki importing them.
"""

from allauth.account.signals import email_confirmed

from django.contrib.auth.models import Group
from django.dispatch import Signal, receiver

from wagtail.signals import page_published

from pages.models import is_entry

from .models import CONTRIBUTORS_GROUP, EditRecord
from .snapshots import snapshot, text_size

#: Sent after the commit when a language version of an entry needs work:
#: `page` (that version, specific), `language` (its language), `fields` (the
#: text fields that fell behind; [] when the whole entry is to translate),
#: `revision` (the other language's revision that caused it, or None) and
#: `actor` (who made that revision, or None).
translation_needed = Signal()


@receiver(email_confirmed)
def join_contributors(request, email_address, **kwargs):
    group, _created = Group.objects.get_or_create(name=CONTRIBUTORS_GROUP)
    email_address.user.groups.add(group)


@receiver(page_published)
def record_publish(sender, instance, revision=None, **kwargs):
    if revision is None or not is_entry(instance):
        return
    if EditRecord.objects.filter(revision=revision).exists():
        return
    previous = EditRecord.objects.filter(page_id=instance.pk).order_by("-created_at").first()
    size = text_size(snapshot(instance), type(instance))
    EditRecord.objects.create(
        revision=revision,
        page_id=instance.pk,
        user=revision.user,
        created_at=revision.created_at,
        language=instance.locale.language_code,
        kind=EditRecord.Kind.EDIT if previous else EditRecord.Kind.CREATE,
        size=size,
        size_delta=size - (previous.size if previous else 0),
    )
