"""Moderators protect entries; the page says so; only moderators edit them then."""

import pytest

from wagtail.models import PageLogEntry

from pages.models import ToolPage
from tests.factories import contributor, moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def test_a_moderator_protects_and_unprotects_an_entry(client, tool):
    client.force_login(moderator())
    assert client.post(tool.url + "protect/", {"action": "protect"}).status_code == 302
    tool.refresh_from_db()
    assert tool.locked
    assert "only moderators can edit it" in client.get(tool.url).content.decode()
    assert PageLogEntry.objects.filter(page=tool, action="wagtail.lock").exists()
    client.post(tool.url + "protect/", {"action": "unprotect"})
    tool.refresh_from_db()
    assert not tool.locked
    assert PageLogEntry.objects.filter(page=tool, action="wagtail.unlock").exists()


def test_contributors_cannot_protect(client, tool):
    client.force_login(contributor())
    assert client.post(tool.url + "protect/", {"action": "protect"}).status_code == 403
    tool.refresh_from_db()
    assert not tool.locked


def test_anonymous_readers_see_that_an_entry_is_protected(client, tool):
    tool.locked = True
    tool.save()
    assert "only moderators can edit it" in client.get(tool.url).content.decode()
