"""Browsers ask every site for /favicon.ico: it answers, and pages name their icon."""

import pytest

from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_an_icon_that_exists(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response.url == "/static/img/favicon.ico"
    assert "max-age" in response["Cache-Control"]
    with open(finders.find("img/favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # the ICO signature


def test_every_page_names_its_icon(client, catalogue):
    html = client.get("/fr/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="icon" href="/static/img/favicon.ico" sizes="48x48">' in html
    assert finders.find("img/favicon.svg")
