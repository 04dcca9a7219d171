"""Signal receivers of the contributions app.

- Every user who verifies an e-mail address becomes a Contributor.
- Every published entry revision gets an EditRecord, whoever published it, so
  history and recent changes see all of them. The wiki's own paths (edit,
  translate, restore, import, move, review) record their revisions themselves
  (contributions.services.records); this receiver records the publishes that
  come from outside: the Wagtail admin, the demo loaders.

It also defines the events other apps react to without the wiki importing
them (the discussion app notifies followers): `edit_recorded`, a revision
became public news, and `translation_needed`, a language version of an entry
needs translation work.
"""

from allauth.account.signals import email_confirmed

from django.contrib.auth.models import Group
from django.dispatch import Signal, receiver

from wagtail.signals import page_published

from pages.models import is_entry

from .models import CONTRIBUTORS_GROUP, EditRecord
from .snapshots import snapshot, text_size

#: Sent once per EditRecord, after the commit, when its revision became
#: public: published at once, or approved by a moderator (`record`).
edit_recorded = Signal()

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
    """Record a publish from outside the wiki (Wagtail admin, loaders) as an edit."""
    # Imported here: the records service imports this module for its signal.
    from .services import records

    if revision is None or not is_entry(instance):
        return
    if records.publishing_from_wiki():
        return  # the wiki's service records it itself, complete
    if EditRecord.objects.filter(revision=revision).exists():
        return  # a revision waiting for review, published from the admin
    previous = EditRecord.objects.filter(page_id=instance.pk).order_by("-created_at").first()
    size = text_size(snapshot(instance), type(instance))
    records.record_revision(
        instance,
        revision,
        user=revision.user,
        kind=EditRecord.Kind.EDIT if previous else EditRecord.Kind.CREATE,
        size=size,
        size_delta=size - (previous.size if previous else 0),
    )
