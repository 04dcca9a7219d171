"""Adding entries from the public site, in either language."""

import pytest

from contributions.models import EditRecord
from pages.localized_urls import reverse_in
from pages.models import ToolPage, TopicPage, UseCasePage
from tests.factories import contributor

pytestmark = pytest.mark.django_db


def tool_data(**overrides):
    data = {
        "title": "OpenFisca",
        "summary": "Rules as code for tax and benefits.",
        "description": "Models **legislation** as code.",
        "website": "https://openfisca.org",
        "licence": "AGPL-3.0-or-later",
        "pricing": "free",
        "hosting": "self_hosted",
        "interface_languages": ["en", "fr"],
        "programming_languages": "Python",
        "edit_summary": "New tool",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_log_in(client, catalogue):
    response = client.get("/en/add/tool/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_a_contributor_adds_a_tool_with_its_relations_in_one_revision(client, catalogue):
    user = contributor()
    client.force_login(user)
    topic = TopicPage.objects.get(slug="participatory-budgeting", locale__language_code="en")
    response = client.post("/en/add/tool/", tool_data(topics=[str(topic.pk)]))
    assert response.status_code == 302
    tool = ToolPage.objects.get(slug="openfisca", locale__language_code="en")
    assert response.url == tool.url == "/en/tools/openfisca/"
    assert tool.live and tool.owner == user
    assert [t.pk for t in tool.topics.all()] == [topic.pk]
    assert tool.interface_languages == ["en", "fr"]
    assert tool.revisions.count() == 1
    record = EditRecord.objects.get(page=tool)
    assert (record.kind, record.summary, record.user) == ("create", "New tool", user)


def test_entries_can_be_added_in_french(client, catalogue):
    client.force_login(contributor())
    data = {"title": "Budget citoyen de Lyon", "summary": "Un cas d'usage.", "edit_summary": ""}
    response = client.post(reverse_in("fr", "create_entry", args=["use-case"]), data)
    assert response.status_code == 302
    page = UseCasePage.objects.get(slug="budget-citoyen-de-lyon", locale__language_code="fr")
    assert page.locale.language_code == "fr"
    assert response.url.startswith("/fr/cas-d-usage/")


def test_a_similar_name_warns_before_creating_and_confirming_creates(client, catalogue):
    client.force_login(contributor())
    response = client.post("/en/add/tool/", tool_data(title="Consul Democracy!"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Similar entries already exist" in html
    assert 'href="/en/tools/consul-democracy/"' in html
    assert 'value="Consul Democracy!"' in html
    assert not ToolPage.objects.filter(title="Consul Democracy!").exists()
    response = client.post(
        "/en/add/tool/", tool_data(title="Consul Democracy fork", confirm_new="on")
    )
    assert response.status_code == 302


def test_a_duplicate_address_is_refused_with_a_clear_error(client, catalogue):
    client.force_login(contributor())
    response = client.post("/en/add/tool/", tool_data(title="CONSUL Democracy", confirm_new="on"))
    assert response.status_code == 400
    assert "already exists" in response.content.decode()


def test_a_sub_topic_is_added_under_its_theme(client, catalogue):
    client.force_login(contributor())
    theme = TopicPage.objects.get(slug="citizen-engagement", locale__language_code="en")
    data = {"title": "E-petitions", "parent_theme": str(theme.pk), "edit_summary": ""}
    response = client.post("/en/add/topic/", data)
    assert response.status_code == 302
    assert response.url == "/en/topics/citizen-engagement/e-petitions/"


def test_unknown_kinds_are_not_found(client, catalogue):
    client.force_login(contributor())
    assert client.get("/en/add/spaceship/").status_code == 404
