"""schema.org JSON-LD for entry pages, so search engines and aggregators read entries as data.

Tools are SoftwareApplication, organizations Organization, use cases
CreativeWork (a documented account of a deployment, which `about` its topics
and `mentions` the tools and organizations involved) and topics DefinedTerm.
The name carries every language version that exists, as language-tagged
values; the description is the summary in the page's language.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page

from pages.licences import OPEN_SOURCE_LICENCES
from pages.models import OrganizationPage, ToolPage, TopicPage, UseCasePage

TYPES = {
    ToolPage: "SoftwareApplication",
    OrganizationPage: "Organization",
    UseCasePage: "CreativeWork",
    TopicPage: "DefinedTerm",
}


def _tagged(values):
    """[{"@language", "@value"}] for the non-empty values of {language: text}."""
    return [
        {"@language": language, "@value": text} for language, text in sorted(values.items()) if text
    ]


RELATIONS = {
    ToolPage: ("topics", "developers"),
    UseCasePage: ("topics", "tools", "organizations"),
}
TARGET_TYPES = {
    "topics": "DefinedTerm",
    "developers": "Organization",
    "tools": "SoftwareApplication",
    "organizations": "Organization",
}


def _rows(page):
    """Both language versions and every related entry, in one query.

    Entry pages must stay within their query budget when rendered cold
    (tests/pages/test_page_cache.py), so the JSON-LD adds a single query.
    """
    wanted = Q(translation_key=page.translation_key)
    for name in RELATIONS.get(type(page), ()):
        field = type(page)._meta.get_field(name)
        through = field.remote_field.through.objects.filter(**{field.m2m_field_name(): page.pk})
        wanted |= Q(pk__in=through.values(f"{field.m2m_reverse_field_name()}_id"))
    return (
        Page.objects.live()
        .filter(wanted)
        .order_by("title")
        .values(
            "pk", "translation_key", "content_type_id", "title", "url_path", "locale__language_code"
        )
    )


class _Entry:
    """What one query tells about the page and its neighbours, with URLs computed locally."""

    def __init__(self, page, absolute, page_url):
        self.page = page
        self.absolute = absolute
        # The page's URL is /<lang>/ + its path below the home page (depth 2).
        self.home_path = "/" + page.url_path.strip("/").split("/")[0] + "/"
        self.prefix = page_url[: len(page_url) - len(page.url_path) + len(self.home_path)]
        self.versions = {}
        self.related = {}
        for row in _rows(page):
            if row["translation_key"] == page.translation_key:
                self.versions[row["locale__language_code"]] = row
            else:
                self.related.setdefault(row["content_type_id"], []).append(row)

    def url(self, url_path):
        return self.absolute(self.prefix + url_path[len(self.home_path) :])

    def refs(self, name):
        model = type(self.page)._meta.get_field(name).related_model
        rows = self.related.get(ContentType.objects.get_for_model(model).pk, [])
        return [
            {"@type": TARGET_TYPES[name], "@id": self.url(row["url_path"]), "name": row["title"]}
            for row in rows
        ]


def entry_jsonld(page, request):
    """The JSON-LD object for a specific entry page, as served to `request`."""
    absolute = request.build_absolute_uri
    page_url = page.get_url(request)  # site roots cached on the request: no query
    entry = _Entry(page, absolute, page_url)
    titles = {language: row["title"] for language, row in entry.versions.items()}
    # The page's own language from the row already read (page.locale would be a query).
    language = next((code for code, row in entry.versions.items() if row["pk"] == page.pk), None)
    language = language or page.locale.language_code
    titles.setdefault(language, page.title)
    data = {
        "@context": "https://schema.org",
        "@type": TYPES[type(page)],
        "@id": absolute(page_url),
        "url": absolute(page_url),
        "name": _tagged(titles),
        "inLanguage": language,
    }
    if page.summary:
        data["description"] = page.summary
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    extra = {
        ToolPage: _tool,
        OrganizationPage: _organization,
        UseCasePage: _use_case,
        TopicPage: _topic,
    }[type(page)]
    data.update(extra(page, entry, page_url))
    return data


def _tool(page, entry, page_url):
    data = {"applicationCategory": "GovernmentApplication"}
    same_as = [url for url in (page.website, page.source_code_url) if url]
    if same_as:
        data["sameAs"] = same_as
    if page.licence in OPEN_SOURCE_LICENCES:
        data["license"] = f"https://spdx.org/licenses/{page.licence}.html"
    if page.pricing == "free":
        data["isAccessibleForFree"] = True
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR"}
    if page.interface_languages:
        data["availableLanguage"] = list(page.interface_languages)
    if page.programming_languages:
        data["keywords"] = list(page.programming_languages)
    if developers := entry.refs("developers"):
        data["creator"] = developers
    if topics := entry.refs("topics"):
        data["about"] = topics
    return data


def _organization(page, entry, page_url):
    data = {}
    if page.website:
        data["sameAs"] = [page.website]
    if page.country:
        data["address"] = {"@type": "PostalAddress", "addressCountry": str(page.country.code)}
    return data


def _use_case(page, entry, page_url):
    data = {}
    if topics := entry.refs("topics"):
        data["about"] = topics
    if mentions := entry.refs("tools") + entry.refs("organizations"):
        data["mentions"] = mentions
    if page.country:
        data["spatialCoverage"] = {"@type": "Country", "identifier": str(page.country.code)}
    if page.year_started:
        data["temporalCoverage"] = f"{page.year_started}/.."
    return data


def _topic(page, entry, page_url):
    """A theme sits under the topic index (the term set); a sub-theme under its theme."""
    parent_url = page_url.rstrip("/").rsplit("/", 1)[0] + "/"
    is_subtopic = page.depth > 4  # root, home, topic index, theme
    term_set_url = parent_url.rstrip("/").rsplit("/", 1)[0] + "/" if is_subtopic else parent_url
    data = {
        "termCode": page.slug,
        "inDefinedTermSet": {"@type": "DefinedTermSet", "@id": entry.absolute(term_set_url)},
    }
    if is_subtopic:
        data["isPartOf"] = {"@type": "DefinedTerm", "@id": entry.absolute(parent_url)}
    return data


def script_json(data):
    """JSON that is safe inside <script>: no `</script>`, `<!--` or `&` can appear raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
