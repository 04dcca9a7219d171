"""Every user who verifies an e-mail address becomes a Contributor."""

from allauth.account.signals import email_confirmed

from django.contrib.auth.models import Group
from django.dispatch import receiver

from .models import CONTRIBUTORS_GROUP


@receiver(email_confirmed)
def join_contributors(request, email_address, **kwargs):
    group, _created = Group.objects.get_or_create(name=CONTRIBUTORS_GROUP)
    email_address.user.groups.add(group)
