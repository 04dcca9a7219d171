"""The site's page tree: one home page and four index pages per language.

`ensure_site_tree()` is idempotent: the demo loader, the synthetic catalogue
generator and the tests call it to get the same skeleton every time.
The French pages are translations of the English ones (copy_for_translation),
with French slugs, so the language switcher leads from one to the other.
"""

from django.db import transaction

from wagtail.models import Locale, Page, Site

from .languages import SITE_LANGUAGES
from .models import (
    INDEX_MODELS,
    HomePage,
    OrganizationIndexPage,
    ToolIndexPage,
    TopicIndexPage,
    UseCaseIndexPage,
)

HOME = {
    "en": {
        "title": "OGP Toolbox",
        "intro": (
            "The shared catalogue of digital tools for open government: find the software "
            "that others already use for open data, consultations, participatory budgets "
            "and law-making, learn from their use cases, and improve every entry."
        ),
    },
    "fr": {
        "title": "OGP Toolbox",
        "intro": (
            "Le catalogue partagé des outils numériques du gouvernement ouvert : trouvez les "
            "logiciels que d'autres utilisent déjà pour les données ouvertes, les consultations, "
            "les budgets participatifs ou l'écriture de la loi, inspirez-vous de leurs cas "
            "d'usage et améliorez chaque fiche."
        ),
    },
}

INDEXES = [
    (ToolIndexPage, {"en": ("tools", "Tools"), "fr": ("outils", "Outils")}),
    (UseCaseIndexPage, {"en": ("use-cases", "Use cases"), "fr": ("cas-d-usage", "Cas d'usage")}),
    (
        OrganizationIndexPage,
        {"en": ("organizations", "Organizations"), "fr": ("organisations", "Organisations")},
    ),
    (TopicIndexPage, {"en": ("topics", "Topics"), "fr": ("thematiques", "Thématiques")}),
]


def locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in SITE_LANGUAGES}


@transaction.atomic
def ensure_site_tree():
    """Create (or find) the home and index pages in English and French; return them.

    Returns {"en": {"home": HomePage, ToolIndexPage: page, ...}, "fr": {...}}.
    """
    by_code = locales()
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=by_code["en"], live=True)
    )
    home_en = HomePage.objects.filter(locale=by_code["en"]).first()
    if home_en is None:
        home_en = root.add_child(
            instance=HomePage(slug="toolbox", locale=by_code["en"], **HOME["en"])
        )
        home_en.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home_en, is_default_site=True)
    elif site.root_page_id != home_en.pk:
        old_root = site.root_page
        site.root_page = home_en
        site.site_name = "OGP Toolbox"
        site.save()
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()  # Wagtail's "Welcome" placeholder

    tree = {"en": {"home": home_en}}
    home_fr = _translation(home_en, by_code["fr"], slug="accueil", **HOME["fr"])
    tree["fr"] = {"home": home_fr}
    for model, names in INDEXES:
        slug, title = names["en"]
        index_en = model.objects.child_of(home_en).first()
        if index_en is None:
            index_en = home_en.add_child(instance=model(slug=slug, title=title, show_in_menus=True))
            index_en.save_revision().publish()
        tree["en"][model] = index_en
        slug, title = names["fr"]
        tree["fr"][model] = _translation(index_en, by_code["fr"], slug=slug, title=title)
    return tree


def _translation(page, locale, **fields):
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def language_indexes(tree, model):
    """{language: the index page of the entries of `model`} in a tree from ensure_site_tree()."""
    return {code: tree[code][INDEX_MODELS[model]] for code in SITE_LANGUAGES}
