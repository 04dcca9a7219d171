"""Two people, two browsers, one entry: nothing typed is ever lost.

The scenario of issue #14: amina adds a paragraph to the description of the
French page while bruno, who opened the form before her, changes only the
summary. Chromium submits bruno's untouched description with CRLF line
endings; that must not count as a change of his, so both edits are kept
without a conflict screen. When both change the same field, the merge view
opens with bruno's text in the form and amina's shown beside it.
"""

import pytest

from django.test import Client

from contributions.models import User
from contributions.services.editing import save_edit
from pages.models import ToolPage

pytestmark = pytest.mark.browser

DESCRIPTION = "Un forum pour débattre.\n\nIl sert aux consultations :\n\n- fils\n- votes"


@pytest.fixture
def two_people(live_catalogue, browser, settings):
    """amina's and bruno's browsers, signed in, and the French tool they edit."""
    settings.OGPT_REVIEW_FIRST_EDITS = 0
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="fr")
    # The demo catalogue's two contributors.
    amina, bruno = (User.objects.get(username=name) for name in ("amina", "bruno"))
    save_edit(tool, amina, {"description": DESCRIPTION}, summary="Plusieurs paragraphes")
    pages = []
    for user in (amina, bruno):
        context = browser.new_context(locale="fr-FR")
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_catalogue,
                }
            ]
        )
        page = context.new_page()
        page.set_default_timeout(20_000)
        pages.append(page)
    yield live_catalogue, tool, pages
    for page in pages:
        page.context.close()


def open_form(page, base, tool):
    page.goto(base + tool.url + "edit/")
    return page.locator("form.edit-form textarea[name=description]")


def save(page, summary):
    page.fill("form.edit-form input[name=edit_summary]", summary)
    page.locator("form.edit-form button[name=save]").click()
    page.wait_for_load_state()


def test_edits_of_different_fields_made_at_once_are_both_kept(two_people):
    base, tool, (amina, bruno) = two_people
    open_form(bruno, base, tool)  # bruno opens the form first …
    description = open_form(amina, base, tool)
    description.fill(description.input_value() + "\n\nUn paragraphe ajouté par amina.")
    save(amina, "Un paragraphe")
    bruno.fill("form.edit-form input[name=summary]", "Le résumé de bruno.")
    save(bruno, "Résumé")  # … and saves after amina

    assert bruno.url == base + tool.url  # published, no conflict screen
    assert bruno.locator(".conflicts, .conflict").count() == 0
    tool = ToolPage.objects.get(pk=tool.pk)
    assert tool.summary == "Le résumé de bruno."
    assert tool.description == DESCRIPTION + "\n\nUn paragraphe ajouté par amina."
    assert bruno.get_by_text("Un paragraphe ajouté par amina.").is_visible()


def test_the_same_field_changed_by_both_opens_the_merge_view_with_my_text_kept(two_people):
    base, tool, (amina, bruno) = two_people
    bruno_description = open_form(bruno, base, tool)
    amina_description = open_form(amina, base, tool)
    amina_description.fill(DESCRIPTION + "\n\nLa version d’amina.")
    save(amina, "amina")
    bruno_description.fill(DESCRIPTION + "\n\nLa version de bruno.")
    save(bruno, "bruno")

    # The merge view: bruno's text still in the form, amina's shown beside it.
    assert bruno.url == base + tool.url + "edit/"
    form_text = bruno.locator("form.edit-form textarea[name=description]").input_value()
    assert form_text.endswith("La version de bruno.")
    assert bruno.get_by_text("La version d’amina.").first.is_visible()
    assert ToolPage.objects.get(pk=tool.pk).description.endswith("La version d’amina.")

    # bruno keeps both paragraphs and saves again: published, amina's kept.
    textarea = bruno.locator("form.edit-form textarea[name=description]")
    textarea.fill(form_text + "\n\nLa version d’amina.")
    bruno.locator("form.edit-form button[name=save]").click()
    bruno.wait_for_url(base + tool.url)
    description = ToolPage.objects.get(pk=tool.pk).description
    assert description.endswith("La version de bruno.\n\nLa version d’amina.")
