"""404 and 500 pages speak the reader's language; the 500 page needs no database."""

import pytest

from django.conf.urls.i18n import i18n_patterns
from django.test import RequestFactory
from django.urls import path
from django.utils import translation

from ogpsite.urls import handler500  # noqa: F401  (this URLconf's 500 handler: the site's)
from ogpsite.urls import urlpatterns as site_urlpatterns
from pages.errors import server_error


def broken_view(request):
    raise RuntimeError("a bug")


# A URLconf for these tests: the site's, with a view that fails (see @pytest.mark.urls).
urlpatterns = [*i18n_patterns(path("broken/", broken_view)), *site_urlpatterns]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "heading", "text"),
    [
        ("/en/tools/no-such-tool/", "Page not found", "There is no page at this address"),
        ("/fr/outils/pas-d-outil/", "Page introuvable", "Il n'y a aucune page à cette adresse"),
    ],
)
def test_a_missing_page_answers_404_in_the_language_of_its_address(
    client, catalogue, url, heading, text
):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert text in html.replace("&#x27;", "'")


@pytest.mark.django_db
@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/en/broken/", "Sorry, something went wrong on our side"),
        ("/fr/broken/", "Désolés, une erreur s'est produite de notre côté"),
    ],
)
def test_a_failing_view_answers_500_in_the_language_of_its_address(client, url, text):
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == 500
    assert text in response.content.decode()


def test_the_500_page_takes_the_language_from_the_address_not_from_the_last_request(
    django_db_blocker,
):
    # As when the failure happened before LocaleMiddleware: the thread still
    # speaks the previous request's language. Any database query would fail.
    translation.activate("en")
    request = RequestFactory().get("/fr/outils/")
    with django_db_blocker.block():
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fr">' in html
    assert "Veuillez réessayer dans quelques minutes" in html
    assert '<a href="/fr/">' in html
    assert translation.get_language() == "en"


def test_the_500_page_outside_a_language_prefix_follows_the_browser(django_db_blocker):
    translation.activate("en")
    request = RequestFactory().get("/admin/", headers={"accept-language": "fr-FR,fr;q=0.9"})
    with django_db_blocker.block():
        html = server_error(request).content.decode()
    assert "Erreur du serveur" in html
