"""The revision an edit started from comes from the browser: an unknown one is a form error.

Found by the property-based test of the translate form: a base revision that
is not the page's (forged, or another page's) reached the merge and gave a 500.
"""

import pytest

from pages.models import ToolPage
from tests.factories import contributor, edit_data, new_english_tool

pytestmark = pytest.mark.django_db

MESSAGE = "This edit started from a version of the page that does not exist."


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


@pytest.mark.parametrize("base", ["999999999", "other page"])
def test_an_edit_from_an_unknown_revision_is_refused_with_the_text_kept(client, tool, base):
    other = ToolPage.objects.exclude(pk=tool.pk).filter(locale=tool.locale).first()
    base_id = other.live_revision_id if base == "other page" else int(base)
    client.force_login(contributor())
    revisions = tool.revisions.count()
    data = edit_data(tool, base_revision_id=base_id, description="Kept, word for word.")
    response = client.post(tool.url + "edit/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert MESSAGE in html
    assert "Kept, word for word." in html
    assert f'name="base_revision" value="{tool.live_revision_id}"' in html
    assert tool.revisions.count() == revisions


def test_a_translation_from_an_unknown_revision_is_refused_with_the_text_kept(client, catalogue):
    writer = contributor("translator")
    _english, french = new_english_tool(writer)
    client.force_login(writer)
    revisions = french.revisions.count()
    data = {
        "title": "Budget ouvert",
        "summary": "Résumé gardé.",
        "description": "Texte gardé.",
        "base_revision": "999999999",
        "edit_summary": "",
    }
    response = client.post(french.url + "translate/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Résumé gardé." in html
    assert french.revisions.count() == revisions
