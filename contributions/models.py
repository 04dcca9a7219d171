"""Contributors.

A custom User model from the first migration, so that profile fields (the
language of e-mails, notification preferences) can be added without a painful
swap later.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

CONTRIBUTORS_GROUP = "Contributors"
MODERATORS_GROUP = "Moderators"


class User(AbstractUser):
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        blank=True,
        help_text=_("Language of the e-mails we send you."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def display_name(self):
        return self.get_full_name() or self.username

    @property
    def is_moderator(self):
        return self.is_superuser or self.groups.filter(name=MODERATORS_GROUP).exists()
