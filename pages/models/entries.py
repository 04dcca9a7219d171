"""Tools, use cases and organizations: the entries of the catalogue.

Relations are ParentalManyToManyFields / ParentalKeys on these
ClusterableModels, so that a page revision captures them and history, diffs
and restores cover relations as well as text. Each relation is stored on one
side and read from both: `ToolPage.used_in()` walks UseCasePage.tools backwards.
"""

from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from pages.licences import licence_choices, open_source_flag

from .base import EntryPage, MarkdownField
from .choices import Hosting, OrganizationKind, Pricing, Sector


def _live_in_locale(queryset, page):
    return queryset.live().filter(locale_id=page.locale_id)


class ToolPage(EntryPage):
    """A piece of software or an online service."""

    website = models.URLField(_("website"), blank=True)
    source_code_url = models.URLField(_("source code"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    licence = models.CharField(
        _("licence"),
        max_length=64,
        blank=True,
        choices=licence_choices(),
        help_text=_("SPDX identifier of the licence, or “proprietary”."),
    )
    open_source = models.BooleanField(
        _("open source"),
        null=True,
        blank=True,
        help_text=_("Leave empty to derive it from the licence."),
    )
    pricing = models.CharField(_("pricing"), max_length=16, choices=Pricing.choices, blank=True)
    hosting = models.CharField(_("hosting"), max_length=16, choices=Hosting.choices, blank=True)
    interface_languages = models.JSONField(
        _("interface languages"), default=list, blank=True, help_text=_("ISO 639-1 codes.")
    )
    programming_languages = models.JSONField(_("programming languages"), default=list, blank=True)
    # Unknown unless someone says: a tool added without stating it is not "no API".
    has_api = models.BooleanField(_("has a public API"), null=True, blank=True, default=None)
    topics = ParentalManyToManyField(
        "pages.TopicPage", verbose_name=_("topics"), related_name="tools", blank=True
    )
    developers = ParentalManyToManyField(
        "pages.OrganizationPage",
        verbose_name=_("developed by"),
        related_name="developed_tools",
        blank=True,
    )

    kind = "tool"
    fact_fields = (
        "website",
        "source_code_url",
        "logo",
        "licence",
        "open_source",
        "pricing",
        "hosting",
        "interface_languages",
        "programming_languages",
        "has_api",
        "topics",
        "developers",
    )
    parent_page_types = ["pages.ToolIndexPage"]
    subpage_types = []
    search_fields = [*EntryPage.search_fields, index.FilterField("licence")]
    content_panels = [
        *EntryPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("source_code_url"),
                FieldPanel("logo"),
                FieldPanel("licence"),
                FieldPanel("open_source"),
                FieldPanel("pricing"),
                FieldPanel("hosting"),
                FieldPanel("interface_languages"),
                FieldPanel("programming_languages"),
                FieldPanel("has_api"),
                FieldPanel("topics"),
                FieldPanel("developers"),
            ],
            heading=_("Facts (shared by every language)"),
        ),
    ]

    class Meta:
        verbose_name = _("tool")
        verbose_name_plural = _("tools")

    @property
    def is_open_source(self):
        """The stated flag wins; otherwise derived from the licence (None: unknown)."""
        return open_source_flag(self.open_source, self.licence)

    def used_in(self):
        return _live_in_locale(UseCasePage.objects, self).filter(tools=self).distinct()

    def used_by(self):
        """Organizations whose use cases use this tool."""
        return (
            _live_in_locale(OrganizationPage.objects, self)
            .filter(use_cases__tools=self, use_cases__live=True)
            .distinct()
        )


class UseCasePage(EntryPage):
    """A concrete deployment of tools by organizations."""

    organizations = ParentalManyToManyField(
        "pages.OrganizationPage",
        verbose_name=_("organizations"),
        related_name="use_cases",
        blank=True,
    )
    tools = ParentalManyToManyField(
        "pages.ToolPage", verbose_name=_("tools used"), related_name="use_cases", blank=True
    )
    topics = ParentalManyToManyField(
        "pages.TopicPage", verbose_name=_("topics"), related_name="use_cases", blank=True
    )
    country = CountryField(_("country"), blank=True)
    year_started = models.PositiveSmallIntegerField(
        _("year started"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    outcome = MarkdownField(_("outcome"), help_text=_("What changed thanks to it (Markdown)."))

    kind = "use_case"
    translatable_fields = (*EntryPage.translatable_fields, "outcome")
    fact_fields = ("organizations", "tools", "topics", "country", "year_started", "links")
    parent_page_types = ["pages.UseCaseIndexPage"]
    subpage_types = []
    search_fields = [*EntryPage.search_fields, index.SearchField("outcome")]
    content_panels = [
        *EntryPage.content_panels,
        FieldPanel("outcome"),
        MultiFieldPanel(
            [
                FieldPanel("organizations"),
                FieldPanel("tools"),
                FieldPanel("topics"),
                FieldPanel("country"),
                FieldPanel("year_started"),
                InlinePanel("links", label=_("Links")),
            ],
            heading=_("Facts (shared by every language)"),
        ),
    ]

    class Meta:
        verbose_name = _("use case")
        verbose_name_plural = _("use cases")


class UseCaseLink(Orderable):
    """A link about a use case (press article, the platform itself, an evaluation)."""

    page = ParentalKey(UseCasePage, related_name="links", on_delete=models.CASCADE)
    url = models.URLField(_("address"))
    label = models.CharField(_("label"), max_length=200, blank=True)

    panels = [FieldPanel("url"), FieldPanel("label")]

    def __str__(self):
        return self.label or self.url


class OrganizationPage(EntryPage):
    """A government, administration, company or non-profit that builds or uses tools."""

    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices, blank=True)
    organization_kind = models.CharField(
        _("kind"), max_length=24, choices=OrganizationKind.choices, blank=True
    )
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    kind = "organization"
    fact_fields = ("sector", "organization_kind", "country", "website", "logo")
    parent_page_types = ["pages.OrganizationIndexPage"]
    subpage_types = []
    content_panels = [
        *EntryPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("sector"),
                FieldPanel("organization_kind"),
                FieldPanel("country"),
                FieldPanel("website"),
                FieldPanel("logo"),
            ],
            heading=_("Facts (shared by every language)"),
        ),
    ]

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def live_use_cases(self):
        return _live_in_locale(UseCasePage.objects, self).filter(organizations=self).distinct()

    def tools_used(self):
        """Tools that this organization's use cases use."""
        return (
            _live_in_locale(ToolPage.objects, self)
            .filter(use_cases__organizations=self, use_cases__live=True)
            .distinct()
        )

    def tools_developed(self):
        return _live_in_locale(ToolPage.objects, self).filter(developers=self).distinct()
