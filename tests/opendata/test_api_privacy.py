"""Nothing private leaves through the API: every field of every answer is on an allow-list."""

import json

import pytest

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from pages.models import ToolPage
from tests.factories import contributor

pytestmark = pytest.mark.django_db

TRANSLATION = {"id", "slug", "url", "last_published_at", "name", "summary", "description",
               "outcome", "links", "links[].url", "links[].label"}  # fmt: skip
RELATED = {"id", "kind", "urls", "urls.en", "urls.fr"}
FACTS = {"website", "source_code_url", "licence", "open_source", "pricing", "hosting",
         "interface_languages", "programming_languages", "has_api", "logo_url", "country",
         "year_started", "sector", "organization_kind"}  # fmt: skip
RELATIONS = {"topics", "developers", "organizations", "tools", "parent"}
ENTRY = (
    {"id", "kind", "last_modified", "languages", "translations", "facts", "relations",
     "api_url", "revisions_url"}
    | {f"translations.{lang}" for lang in ("en", "fr")}
    | {f"translations.{lang}.{name}" for lang in ("en", "fr") for name in TRANSLATION}
    | {f"facts.{name}" for name in FACTS}
    | {f"relations.{name}" for name in RELATIONS}
    | {f"relations.{name}[].{field}" for name in RELATIONS for field in RELATED}
)  # fmt: skip
REVISION = {"id", "language", "date", "author", "summary", "kind", "minor"}
ALLOWED = {
    "list": {"count", "next", "results"} | {f"results[].{path}" for path in ENTRY},
    "entry": ENTRY,
    "revisions": {"entry", "next", "results"} | {f"results[].{path}" for path in REVISION},
    "export": {"licence", "licence_url", "source", "generated_at", "languages", "entries"}
    | {f"entries[].{path}" for path in ENTRY - {"api_url", "revisions_url"}},
}


def key_paths(value, prefix=""):
    """Every key of a JSON document as a dotted path, lists written `[]`."""
    paths = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            paths.add(path)
            paths |= key_paths(item, path)
    elif isinstance(value, list):
        for item in value:
            paths |= key_paths(item, prefix + "[]")
    return paths


@pytest.fixture
def secrets(entry, catalogue):
    """A pending revision, an unpublished entry and an author with an e-mail address."""
    tool = entry(ToolPage, "consul-democracy")
    author = contributor("secretive")
    save_edit(tool, author, {"summary": "PENDING-SECRET-SUMMARY"}, publish=False)
    hidden = entry(ToolPage, "closed-petitions", "fr")
    hidden.unpublish()
    save_edit(entry(ToolPage, "consul-democracy", "fr"), author, {"summary": "Publié."})
    return {"tool": tool, "hidden": hidden, "author": author}


def every_answer(api, tool):
    answers = [("list", api("/api/v1/entries/?page_size=200").json())]
    for item in answers[0][1]["results"]:
        answers.append(("entry", api(f"/api/v1/entries/{item['id']}/").json()))
        answers.append(("revisions", api(f"/api/v1/entries/{item['id']}/revisions/").json()))
    export = b"".join(api("/api/v1/export/catalogue.json").streaming_content)
    answers.append(("export", json.loads(export)))
    return answers


def test_every_field_of_every_answer_is_on_the_allow_list(api, secrets):
    for kind, document in every_answer(api, secrets["tool"]):
        unexpected = key_paths(document) - ALLOWED[kind]
        assert not unexpected, f"{kind}: {sorted(unexpected)}"


def test_no_email_pending_text_or_unpublished_version_leaves(api, secrets):
    bodies = [json.dumps(document) for _kind, document in every_answer(api, secrets["tool"])]
    bodies += [
        b"".join(api(f"/api/v1/export/{kind}.csv").streaming_content).decode()
        for kind in ("tools", "use-cases", "organizations", "topics")
    ]
    for body in bodies:
        assert "@" not in body.replace("@context", "")
        assert "PENDING-SECRET-SUMMARY" not in body
        assert secrets["hidden"].title not in body or secrets["hidden"].title == (
            secrets["hidden"].get_translation(secrets["tool"].locale).title
        )
    hidden_entry = api(f"/api/v1/entries/{secrets['hidden'].translation_key}/").json()
    assert hidden_entry["languages"] == ["en"]


def test_revisions_list_only_published_ones_with_the_authors_display_name(api, secrets):
    tool = secrets["tool"]
    data = api(f"/api/v1/entries/{tool.translation_key}/revisions/").json()
    pending = EditRecord.objects.get(page=tool, status=EditRecord.Status.PENDING)
    ids = {item["id"] for item in data["results"]}
    assert pending.revision_id not in ids
    published = EditRecord.objects.filter(
        page__translation_key=tool.translation_key, status=EditRecord.Status.PUBLISHED
    )
    assert ids == set(published.values_list("revision_id", flat=True))
    newest = data["results"][0]
    assert newest["author"] == secrets["author"].display_name
    assert newest["summary"] == "" and newest["language"] == "fr"
