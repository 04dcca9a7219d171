"""Entry sub-routes: the URLs built from a URL alone are the ones entry pages reverse."""

import pytest

from pages.models import ToolPage
from pages.routes import ENTRY_ROUTES, subpage_url

pytestmark = pytest.mark.django_db


def test_a_sub_route_url_from_the_entry_url_is_the_one_the_page_reverses(catalogue, entry):
    for language in ("en", "fr"):
        tool = entry(ToolPage, "consul-democracy", language)
        for name, pattern in ENTRY_ROUTES.items():
            kwargs = {"revision_id": 42} if "<int:revision_id>" in pattern else {}
            expected = tool.url + tool.reverse_subpage(name, kwargs=kwargs)
            assert subpage_url(tool.url, name, **kwargs) == expected, name


def test_an_unknown_sub_route_is_an_error():
    with pytest.raises(KeyError):
        subpage_url("/en/tools/x/", "nowhere")
