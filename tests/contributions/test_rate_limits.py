"""How fast accounts and clients may change the wiki (settings.OGPT_RATE_LIMITS).

Past a limit the form comes back with a 429, a translated message and the
text as typed; newcomers have stricter limits than established members;
every account behind one client address counts together too.
"""

import io

import pytest
from PIL import Image as PillowImage

from django.core.files.uploadedfile import SimpleUploadedFile

from contributions.models import EditRecord
from pages.models import ToolPage
from tests.factories import (
    contributor,
    edit_data,
    moderator,
    new_english_tool,
    set_rate_limit,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("still_windows")]

MESSAGES = {
    "en": "You are saving changes too quickly. Wait 1 minute, then save again: "
    "your text is kept below.",
    "fr": "Vous enregistrez trop vite. Attendez 1 minute, puis enregistrez de "
    "nouveau : votre texte est conservé ci-dessous.",
}


@pytest.fixture
def tool(catalogue, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def png():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 20), (11, 79, 138)).save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def edit(client, page, text, url=None, remote="127.0.0.1", **extra):
    page.refresh_from_db()
    data = edit_data(page, summary=text, edit_summary=text, **extra)
    return client.post(url or page.url + "edit/", data, REMOTE_ADDR=remote)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_newcomer_past_the_edit_limit_gets_the_form_back_with_the_text(
    client, tool, settings, language
):
    settings.OGPT_REVIEW_FIRST_EDITS = 3
    settings.OGPT_RATE_LIMITS = {
        **settings.OGPT_RATE_LIMITS,
        "edit": {"newcomer": ((2, 60),), "member": ((20, 60),)},
    }
    client.force_login(contributor("newbie"))
    page = tool if language == "en" else tool.get_translation(locale_fr()).specific
    assert edit(client, page, "First proposal.").status_code == 302
    assert edit(client, page, "Second proposal.").status_code == 302
    response = edit(client, page, "My third, carefully typed proposal.")
    assert response.status_code == 429
    html = response.content.decode()
    assert MESSAGES[language] in html.replace("&#x27;", "'")
    assert "My third, carefully typed proposal." in html
    assert EditRecord.objects.filter(summary="My third, carefully typed proposal.").count() == 0


def locale_fr():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="fr")


def test_established_members_have_the_roomier_limits(client, tool, settings):
    settings.OGPT_RATE_LIMITS = {
        **settings.OGPT_RATE_LIMITS,
        "edit": {"newcomer": ((1, 60),), "member": ((3, 60),)},
    }
    client.force_login(contributor("member"))  # established: no approved edit needed here
    statuses = [edit(client, tool, f"Member edit {number}.").status_code for number in range(4)]
    assert statuses == [302, 302, 302, 429]


def test_accounts_behind_one_client_share_the_client_limit(client, tool, settings):
    settings.OGPT_RATE_LIMITS = {
        **settings.OGPT_RATE_LIMITS,
        "edit": {"member": ((10, 60),), "client": ((2, 60),)},
    }
    client.force_login(contributor("first"))
    assert edit(client, tool, "From the first account.").status_code == 302
    client.force_login(contributor("second"))
    assert edit(client, tool, "From the second account.").status_code == 302
    assert edit(client, tool, "Third from the same client.").status_code == 429
    assert edit(client, tool, "From another client.", remote="192.0.2.8").status_code == 302


def test_moderators_are_not_limited(client, tool, settings):
    set_rate_limit(settings, "edit", (1, 60), client=((1, 60),))
    client.force_login(moderator())
    assert [edit(client, tool, f"Cleanup {n}.").status_code for n in range(3)] == [302] * 3


def test_an_image_counts_as_an_upload_too(client, tool, settings):
    set_rate_limit(settings, "upload", (1, 60))
    client.force_login(contributor())
    assert edit(client, tool, "With a logo.", logo_upload=png()).status_code == 302
    response = edit(client, tool, "Another logo.", logo_upload=png())
    assert response.status_code == 429
    assert "Another logo." in response.content.decode()
    assert edit(client, tool, "Text only.").status_code == 302


def test_creations_are_limited_and_the_typed_entry_is_kept(client, catalogue, settings):
    set_rate_limit(settings, "create", (1, 60))
    client.force_login(contributor())
    first = {"title": "OpenFisca", "summary": "Rules as code.", "licence": "AGPL-3.0-or-later"}
    assert client.post("/en/add/tool/", first).status_code == 302
    second = {"title": "Decidim Twin", "summary": "A summary typed with care."}
    response = client.post("/en/add/tool/", second)
    assert response.status_code == 429
    html = response.content.decode()
    assert MESSAGES["en"] in html.replace("&#x27;", "'")
    assert "A summary typed with care." in html
    assert not ToolPage.objects.filter(title="Decidim Twin").exists()


def test_translations_count_as_edits(client, catalogue, settings):
    set_rate_limit(settings, "edit", (1, 60))
    writer = contributor("translator")
    english, french = new_english_tool(writer)
    client.force_login(writer)
    assert edit(client, english, "An edit first.").status_code == 302
    french.refresh_from_db()
    data = {
        "title": "Budget ouvert",
        "summary": "Des budgets que les habitants lisent.",
        "description": french.description,
        "base_revision": str(french.live_revision_id),
        "edit_summary": "",
    }
    response = client.post(french.url + "translate/", data)
    assert response.status_code == 429
    assert "Des budgets que les habitants lisent." in response.content.decode()
