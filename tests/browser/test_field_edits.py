"""A save changes only what the person changed: typed into the real edit form.

Chromium submits every textarea with CRLF line endings; the entries hold
Markdown of several paragraphs and lists. For every entry kind, in English
and in French, one field of each kind is changed at a time (text, Markdown,
URL, choice, multi-choice, relations, links, image) and saved. Each time:

- the stored revision differs from its parent in that field only (read from
  the revision's raw content, not through the normalising snapshot);
- the compare view lists that field and nothing else;
- the other language version gets no outdated field but that one.
"""

import io

import pytest
from PIL import Image

from django.test import Client

from contributions.services.editing import save_edit
from contributions.services.history import compare_url
from contributions.services.restore import previous_revision
from contributions.snapshots import LINKS, RELATION, editable_fields
from contributions.translation import state as translation
from pages.models import OrganizationPage, ToolPage, TopicPage, UseCasePage
from tests.factories import contributor

pytestmark = pytest.mark.browser

FORM = "form.edit-form"
MARKDOWN = {
    "en": "First paragraph, with *emphasis*.\n\nSecond paragraph:\n\n- one item\n- another",
    "fr": "Premier paragraphe, avec *emphase*.\n\nDeuxième paragraphe :\n\n- un élément\n- deux",
}


def fill(name, value):
    return lambda page: page.fill(f"{FORM} [name={name}]", value)


def append(name, text):
    def act(page):
        field = page.locator(f"{FORM} [name={name}]")
        field.fill(field.input_value() + text)

    return act


def select(name, value):
    return lambda page: page.select_option(f"select[name={name}]", value)


def tick(name, value):
    return lambda page: page.check(f"input[name={name}][value={value}]")


def untick_first(name):
    return lambda page: page.locator(f"input[name={name}]:checked").first.uncheck()


def upload_logo(page):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (30, 90, 160)).save(buffer, "PNG")
    page.set_input_files(
        "input[name=logo_upload]",
        {"name": "logo.png", "mimeType": "image/png", "buffer": buffer.getvalue()},
    )


#: kind → (model, slug per language, [(field, action)]): one save per field.
EDITS = {
    "tool": (
        ToolPage,
        {"en": "consul-democracy", "fr": "consul-democracy"},
        [
            ("summary", fill("summary", "A new one-line summary.")),
            ("description", append("description", "\n\nA paragraph added in the browser.")),
            ("website", fill("website", "https://consul.example.org/")),
            ("pricing", select("pricing", "paid")),
            ("interface_languages", tick("interface_languages", "de")),
            ("programming_languages", fill("programming_languages", "Ruby, JavaScript, Go")),
            ("topics", untick_first("topics")),
            ("logo", upload_logo),
            ("title", fill("title", "Consul Democracy (renamed)")),
        ],
    ),
    "use_case": (
        UseCasePage,
        {"en": "decide-madrid", "fr": "decide-madrid"},
        [
            ("outcome", append("outcome", "\n\n1. first\n2. second")),
            ("links", append("links", "\nhttps://example.org/report The report")),
            ("country", select("country", "FR")),
            ("year_started", fill("year_started", "2016")),
            ("tools", untick_first("tools")),
        ],
    ),
    "organization": (
        OrganizationPage,
        {"en": "madrid-city-council", "fr": "mairie-de-madrid"},
        [
            ("description", append("description", "\n\nAnother paragraph.")),
            ("sector", select("sector", "civil_society")),
            ("logo", upload_logo),
        ],
    ),
    "topic": (
        TopicPage,
        {"en": "citizen-engagement", "fr": "participation-citoyenne"},
        [
            ("summary", fill("summary", "People taking part.")),
            ("description", append("description", "\n\n> A quote.")),
        ],
    ),
}


def stored_fields(revision, model):
    """The editable fields as the revision stores them, without any normalising."""
    content = revision.content
    values = {}
    for name, kind in editable_fields(model):
        value = content.get(name)
        if kind == RELATION:
            value = sorted(value or ())
        elif kind == LINKS:
            value = [(link["url"], link["label"]) for link in value or ()]
        values[name] = value
    return values


def outdated(page):
    states = translation.field_states(page)
    return {
        name
        for name, state in states.items()
        if state.status in (translation.OUTDATED, translation.DIVERGED)
    }


def sign_in(page, base, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("kind", list(EDITS))
def test_each_save_changes_only_the_field_typed_into(
    live_catalogue, page, settings, kind, language
):
    settings.OGPT_REVIEW_FIRST_EDITS = 0
    model, slugs, edits = EDITS[kind]
    entry = model.objects.get(slug=slugs[language], locale__language_code=language)
    user = contributor("typist")
    # Markdown of several paragraphs in every text area, as the stored (LF) form.
    texts = {
        name: MARKDOWN[language]
        for name, field_kind in editable_fields(model)
        if name in ("description", "outcome")
    }
    save_edit(entry, user, texts, summary="Longer texts")
    other = translation.counterpart(entry)
    sign_in(page, live_catalogue, user)

    for name, act in edits:
        entry = model.objects.get(pk=entry.pk)
        outdated_before = outdated(other)
        page.goto(live_catalogue + entry.url + "edit/")
        act(page)
        page.fill("input[name=edit_summary]", f"Only {name}")
        page.locator("button[name=save]").click()
        page.wait_for_url(f"**{entry.url}")

        entry = model.objects.get(pk=entry.pk)
        revision = entry.live_revision
        parent = previous_revision(entry, revision)
        before, after = stored_fields(parent, model), stored_fields(revision, model)
        changed = {field for field in after if after[field] != before[field]}
        assert changed == {name}, f"saving {name} also rewrote {changed - {name}}"
        assert "\r" not in str(revision.content)

        page.goto(live_catalogue + compare_url(entry.url, parent.pk, revision.pk))
        shown = page.locator("section.field-diff h2").all_inner_texts()
        assert len(shown) == 1, f"saving {name}, the compare view lists {shown}"

        expected = outdated_before | ({name} if name in model.translatable_fields else set())
        assert outdated(other) == expected, f"saving {name} made other fields outdated"
