"""/sitemap.xml lists every published page in both languages, each with its translations."""

import xml.etree.ElementTree as ET

import pytest

from wagtail.models import Page

from pages.models import ToolPage

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml", headers={"host": "toolbox.example.org"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_each_version_of_an_entry_is_listed_with_both_languages_as_alternates(
    client, catalogue, entry
):
    urls = sitemap(client)
    en = "http://toolbox.example.org" + entry(ToolPage, "consul-democracy").url
    fr = "http://toolbox.example.org" + entry(ToolPage, "consul-democracy", "fr").url
    assert fr.startswith("http://toolbox.example.org/fr/")
    expected = {"en": en, "fr": fr, "x-default": en}
    assert urls[en] == expected
    assert urls[fr] == expected


def test_every_published_page_is_listed_and_nothing_else(client, catalogue, entry):
    draft = entry(ToolPage, "consul-democracy", "fr")
    draft.unpublish()
    urls = sitemap(client)
    live = Page.objects.live().public().filter(depth__gt=1)
    assert len(urls) == live.count()
    assert {"http://toolbox.example.org" + page.url for page in live} == set(urls)
    en = "http://toolbox.example.org" + entry(ToolPage, "consul-democracy").url
    assert urls[en] == {"en": en, "x-default": en}


def test_home_pages_of_both_languages_are_alternates(client, catalogue):
    urls = sitemap(client)
    home = {"en": "http://toolbox.example.org/en/", "fr": "http://toolbox.example.org/fr/"}
    assert urls[home["fr"]] == {**home, "x-default": home["en"]}
