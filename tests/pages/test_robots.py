"""/robots.txt lets crawlers into the catalogue, not into its forms, and names the sitemap."""

import urllib.robotparser

import pytest

from pages.models import ToolPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def robots(client):
    response = client.get("/robots.txt", headers={"host": "toolbox.example.org"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return response.content.decode()


def test_the_sitemap_is_named_by_its_absolute_url(robots):
    assert "Sitemap: http://toolbox.example.org/sitemap.xml" in robots.splitlines()


def test_entries_are_crawled_in_both_languages(robots, catalogue, entry):
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(robots.splitlines())
    for language in ("en", "fr"):
        url = entry(ToolPage, "consul-democracy", language).url
        assert parser.can_fetch("*", url)
        assert parser.can_fetch("*", url + "discussion/")
    assert parser.can_fetch("*", "/fr/outils/")


def test_forms_search_accounts_admin_and_api_are_not(robots):
    disallowed = {
        line.split(": ", 1)[1] for line in robots.splitlines() if line.startswith("Disallow")
    }
    assert {
        "/admin/",
        "/api/",
        "/*/edit/",
        "/*/history/",
        "/*/translate/",
        "/*/move/",
    } <= disallowed
    assert {"/en/search/", "/fr/recherche/", "/en/accounts/", "/fr/accounts/"} <= disallowed
    assert {"/en/review/", "/fr/relecture/", "/fr/ajouter/outil/"} <= disallowed
