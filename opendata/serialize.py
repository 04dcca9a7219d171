"""A catalogue entry as open data: both language versions in one JSON object.

An *entry* here is what a reader thinks of as one tool (or use case,
organization, topic): the English and French pages that share a Wagtail
`translation_key`. That key is the entry's public, stable id. Facts are
language-neutral, so they are read from one version (English when it exists);
text, slugs, URLs and use-case links are given per language.

`serialize_entries()` turns a batch of ids into dicts in a fixed number of
queries whatever the batch size (one per kind present, one per relation table,
one for the links and one for the related entries), which is what keeps both
the API pages and the streamed exports free of N+1 queries. Only live pages and
their published content are read: the page row holds the published version,
pending revisions live in wagtailcore_revision and never come through here.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page

from contributions.snapshots import LINKS, RELATION, SCALAR, editable_fields
from pages.languages import SITE_LANGUAGES
from pages.models import ENTRY_MODELS, HomePage, TopicPage, UseCaseLink

MODELS = {model.kind: model for model in ENTRY_MODELS}
#: The translatable text of each kind, as named in the open data ("title" is "name").
TEXT_NAMES = {"title": "name"}


def text_fields(model):
    return list(model.translatable_fields)


def fact_fields(model):
    """Language-neutral scalar facts (the logo is given as a URL instead)."""
    return [name for name, kind in editable_fields(model) if kind == SCALAR and name != "logo"]


def relation_fields(model):
    names = [name for name, kind in editable_fields(model) if kind == RELATION]
    if model is TopicPage:
        names.append("parent")
    return names


def has_links(model):
    return any(kind == LINKS for _name, kind in editable_fields(model))


def has_logo(model):
    return "logo" in model.fact_fields


def kind_of_content_type(content_type_id):
    for kind, model in MODELS.items():
        if ContentType.objects.get_for_model(model).pk == content_type_id:
            return kind
    return None


def content_type_ids(kinds=None):
    return [
        ContentType.objects.get_for_model(model).pk
        for kind, model in MODELS.items()
        if kinds is None or kind in kinds
    ]


class UrlBuilder:
    """Page URLs without a query per page.

    Wagtail's `page.url` walks the site roots for every page; here the home
    page of each locale is read once and a page's URL is `/<language>/` plus
    its path below that home, which is exactly what Wagtail serves.
    """

    def __init__(self, base=""):
        self.base = base.rstrip("/")
        self.languages = dict(Locale.objects.values_list("pk", "language_code"))
        self.homes = dict(HomePage.objects.values_list("locale_id", "url_path"))

    def language(self, locale_id):
        return self.languages.get(locale_id, "")

    def page_url(self, locale_id, url_path):
        home = self.homes.get(locale_id)
        if home is None or not url_path.startswith(home):
            return None
        return f"{self.base}/{self.language(locale_id)}/{url_path[len(home) :]}"


def _iso(value):
    return value.isoformat() if value else None


def _fact_value(page, name):
    value = getattr(page, name)
    if name == "country":
        return str(value.code) if value else ""
    if isinstance(value, tuple):
        return list(value)
    return value


def serialize_entries(groups, urls):
    """Dicts for `groups` ([(translation_key, content_type_id), …]), in that order."""
    by_kind = {}
    for key, content_type_id in groups:
        kind = kind_of_content_type(content_type_id)
        if kind:
            by_kind.setdefault(kind, []).append(key)
    versions = {}  # translation_key -> {language: page}
    for kind, keys in by_kind.items():
        model = MODELS[kind]
        queryset = model.objects.filter(translation_key__in=keys, live=True)
        if has_logo(model):
            queryset = queryset.select_related("logo")
        for page in queryset:
            versions.setdefault(page.translation_key, {})[urls.language(page.locale_id)] = page
    pages = [page for by_language in versions.values() for page in by_language.values()]
    links = _links([p.pk for p in pages if has_links(type(p))])
    relations = _relations(pages)
    targets = _targets(
        {pk for per_page in relations.values() for ids in per_page.values() for pk in ids}, urls
    )
    entries = []
    for key, _content_type_id in groups:
        if key in versions:
            entries.append(_entry(key, versions[key], links, relations, targets, urls))
    return entries


def _entry(key, by_language, links, relations, targets, urls):
    primary = by_language.get("en") or next(iter(by_language.values()))
    model = type(primary)
    translations = {}
    for language in SITE_LANGUAGES:
        page = by_language.get(language)
        if page is None:
            continue
        text = {
            "id": page.pk,
            "slug": page.slug,
            "url": urls.page_url(page.locale_id, page.url_path),
            "last_published_at": _iso(page.last_published_at),
        }
        for name in text_fields(model):
            text[TEXT_NAMES.get(name, name)] = getattr(page, name) or ""
        if has_links(model):
            text["links"] = [{"url": url, "label": label} for url, label in links.get(page.pk, [])]
        translations[language] = text
    facts = {name: _fact_value(primary, name) for name in fact_fields(model)}
    if has_logo(model):
        facts["logo_url"] = (
            urls.base + primary.logo.file.url if primary.logo_id and primary.logo else None
        )
    published = [p.last_published_at for p in by_language.values() if p.last_published_at]
    related = {}
    for name in relation_fields(model):
        ids = relations.get(primary.pk, {}).get(name, [])
        seen = {}
        for pk in ids:
            target = targets.get(pk)
            if target and target["id"] not in seen:
                seen[target["id"]] = target
        related[name] = sorted(seen.values(), key=lambda item: item["id"])
    return {
        "id": str(key),
        "kind": model.kind,
        "last_modified": _iso(max(published, default=None)),
        "languages": [language for language in SITE_LANGUAGES if language in by_language],
        "translations": translations,
        "facts": facts,
        "relations": related,
    }


def _links(page_ids):
    links = {}
    if not page_ids:
        return links
    rows = UseCaseLink.objects.filter(page_id__in=page_ids).order_by("page_id", "sort_order", "pk")
    for page_id, url, label in rows.values_list("page_id", "url", "label"):
        links.setdefault(page_id, []).append((url, label))
    return links


def _relations(pages):
    """{page pk: {relation name: [related page pk, …]}}: one query per relation table."""
    relations = {}
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, model_pages in by_model.items():
        pks = [page.pk for page in model_pages]
        for name in relation_fields(model):
            if name == "parent":
                continue
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            rows = through.objects.filter(**{f"{source}_id__in": pks}).values_list(
                f"{source}_id", f"{target}_id"
            )
            for source_id, target_id in rows:
                relations.setdefault(source_id, {}).setdefault(name, []).append(target_id)
        if model is TopicPage:
            parent_paths = {page.path[: -Page.steplen]: page for page in model_pages}
            parents = TopicPage.objects.filter(path__in=list(parent_paths)).values_list(
                "path", "pk"
            )
            for path, parent_pk in parents:
                child = parent_paths[path]
                relations.setdefault(child.pk, {}).setdefault("parent", []).append(parent_pk)
    return relations


def _targets(pks, urls):
    """{page pk: {"id", "kind", "urls": {language: url}}} for related pages, in one query."""
    if not pks:
        return {}
    keys = Page.objects.filter(pk__in=pks).values("translation_key")
    rows = Page.objects.filter(translation_key__in=keys, live=True).values_list(
        "pk", "translation_key", "content_type_id", "locale_id", "url_path"
    )
    by_key = {}
    pk_to_key = {}
    for pk, key, content_type_id, locale_id, url_path in rows:
        item = by_key.setdefault(
            key, {"id": str(key), "kind": kind_of_content_type(content_type_id), "urls": {}}
        )
        item["urls"][urls.language(locale_id)] = urls.page_url(locale_id, url_path)
        pk_to_key[pk] = key
    return {pk: by_key[pk_to_key[pk]] for pk in pks if pk in pk_to_key}
