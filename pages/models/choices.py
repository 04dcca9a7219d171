"""Controlled vocabularies shared by the models, search facets and forms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Pricing(models.TextChoices):
    FREE = "free", _("Free")
    FREEMIUM = "freemium", _("Freemium")
    PAID = "paid", _("Paid")


class Hosting(models.TextChoices):
    ONLINE = "online", _("Online service")
    SELF_HOSTED = "self_hosted", _("Self-hosted")
    BOTH = "both", _("Online service or self-hosted")


class Sector(models.TextChoices):
    PUBLIC = "public", _("Public sector")
    PRIVATE = "private", _("Private sector")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class OrganizationKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    ADMINISTRATION = "administration", _("Public administration")
    PARLIAMENT = "parliament", _("Parliament")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    INTERNATIONAL = "international", _("International organization")
    COMPANY = "company", _("Company")
    NON_PROFIT = "non_profit", _("Non-profit")
    ACADEMIC = "academic", _("Research or academic institution")


# Interface languages offered in forms (ISO 639-1). Names come from Django's
# own translated catalogue of languages.
INTERFACE_LANGUAGES = (
    "ar", "ca", "cs", "da", "de", "el", "en", "es", "et", "eu", "fi", "fr", "gl", "he", "hu",
    "id", "it", "ja", "ko", "lt", "lv", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sv",
    "sw", "tr", "uk", "zh",
)  # fmt: skip
