"""The wiki's own pages (edit, history, compare, recent changes) pass axe too."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from pages.localized_urls import reverse_in

pytestmark = pytest.mark.browser


@pytest.fixture
def signed_in(live_catalogue, page):
    from allauth.account.models import EmailAddress

    from django.contrib.auth.models import Group

    from contributions.models import CONTRIBUTORS_GROUP, MODERATORS_GROUP, User

    user = User.objects.create_user("axe", "axe@example.org", "pw-axe-12345")
    for name in (CONTRIBUTORS_GROUP, MODERATORS_GROUP):
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    page.goto(f"{live_catalogue}/en/accounts/login/")
    page.fill("input[name=login]", "axe")
    page.fill("input[name=password]", "pw-axe-12345")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    return live_catalogue


@pytest.mark.parametrize(
    "path",
    [
        "/en/tools/consul-democracy/edit/",
        "/fr/outils/consul-democracy/edit/",
        "/en/tools/consul-democracy/history/",
        "/fr/outils/consul-democracy/history/compare/",
        "/en/recent-changes/",
        reverse_in("fr", "recent_changes") + "?status=all",
        "/en/profile/",
        reverse_in("fr", "create_entry", args=["tool"]),
        "/en/review/",
        "/fr/accounts/signup/",
    ],
)
def test_no_serious_or_critical_violation(signed_in, page, path):
    page.goto(signed_in + path)
    violations = [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert violations == []
