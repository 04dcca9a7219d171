"""Signal receivers of the contributions app.

- Every user who verifies an e-mail address becomes a Contributor.
- Every published entry revision gets an EditRecord, whoever published it (the
  public edit form, the Wagtail admin, the demo loader), so history and recent
  changes see all of them. The public edit form then adds its summary.
"""

from allauth.account.signals import email_confirmed

from django.contrib.auth.models import Group
from django.dispatch import receiver

from wagtail.signals import page_published

from .models import CONTRIBUTORS_GROUP, EditRecord
from .snapshots import snapshot, text_size


@receiver(email_confirmed)
def join_contributors(request, email_address, **kwargs):
    group, _created = Group.objects.get_or_create(name=CONTRIBUTORS_GROUP)
    email_address.user.groups.add(group)


@receiver(page_published)
def record_publish(sender, instance, revision=None, **kwargs):
    if revision is None or not hasattr(type(instance), "fact_fields"):
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
