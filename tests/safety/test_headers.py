"""Every page type carries the CSP with a nonce and without 'unsafe-inline'; the admin its own."""

import re

import pytest

from django.urls import reverse

from pages.models import OrganizationPage, ToolPage, TopicPage, UseCasePage
from tests.factories import contributor

pytestmark = pytest.mark.django_db

NONCE = re.compile(r"script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'")


def public_paths(entry):
    tool = entry(ToolPage, "consul-democracy")
    paths = ["/en/", "/fr/", "/en/tools/", "/en/search/?q=budget", "/en/recent-changes/"]
    paths += ["/en/data/", "/en/data/api/", "/en/translations/"]
    paths += [entry(model, slug).url for model, slug in [
        (ToolPage, "consul-democracy"), (UseCasePage, "decide-madrid"),
    ]]  # fmt: skip
    paths += [OrganizationPage.objects.live().first().url, TopicPage.objects.live().first().url]
    paths += [tool.url + sub for sub in ("history/", "discussion/", "translate/", "edit/")]
    return paths


def assert_strict(response, path):
    policy = response["Content-Security-Policy"]
    assert NONCE.search(policy), (path, policy)
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, path
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_every_public_page_type_has_a_strict_policy_with_a_nonce(client, catalogue, entry):
    client.force_login(contributor())
    for path in public_paths(entry):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_strict(response, path)


def test_cached_anonymous_pages_get_a_fresh_nonce_each_time(client, catalogue, entry):
    url = entry(ToolPage, "consul-democracy").url
    first, second = client.get(url), client.get(url)
    assert_strict(first, url), assert_strict(second, url)
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]


def test_the_api_login_and_error_pages_carry_the_policy_too(client, catalogue):
    for path in ("/api/v1/", "/en/no-such-page/", "/en/accounts/login/"):
        assert_strict(client.get(path), path)


def test_the_admin_has_its_own_documented_policy(admin_client, catalogue):
    response = admin_client.get(reverse("wagtailadmin_home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "nonce-" not in policy  # a nonce would make browsers ignore 'unsafe-inline'
    assert "object-src 'none'" in policy and "form-action 'self'" in policy
