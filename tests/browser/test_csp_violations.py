"""Chromium loads the site's pages, the edit form, the admin dashboard and the page
editor under their Content-Security-Policy, and records every violation it reports
(console messages and `securitypolicyviolation` events): there must be none."""

import pytest

from pages.models import ToolPage
from tests.browser.test_layout_defects import log_in

pytestmark = pytest.mark.browser

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, and the list of CSP violations it reports while the test runs."""
    violations = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and violations.append(message.text)
        ),
    )
    return page, violations


def visit(page, violations, url):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status < 400, url
    assert "/accounts/login/" not in page.url, f"{url} sent to the login page"
    assert "nonce-" in response.headers["content-security-policy"] or "/admin/" in url
    violations += page.evaluate("window.__cspViolations")


def test_site_pages_and_the_edit_form_run_without_a_violation(watched, live_catalogue):
    page, violations = watched
    base = live_catalogue
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    for path in ("/en/", "/fr/", "/en/tools/", tool.url, tool.url + "history/", "/en/data/"):
        visit(page, violations, base + path)
    visit(page, violations, base + "/en/search/?q=budget")
    page.fill("input[name=q]", "dem")  # the suggestions script runs
    page.wait_for_timeout(800)
    log_in(page, base, "cspwriter")
    visit(page, violations, base + tool.url + "edit/")
    page.fill("[name=summary]", "Checked under the CSP.")
    visit(page, violations, base + tool.url + "translate/")
    assert violations == []


def test_the_admin_dashboard_and_page_editor_run_without_a_violation(watched, live_catalogue):
    from pages.generators.demo import DEMO_PASSWORD

    page, violations = watched
    base = live_catalogue
    # The admin's login sends to the site's one login (allauth's); the demo superuser.
    page.goto(base + "/admin/login/")
    page.fill("input[name=login]", "admin")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    visit(page, violations, base + "/admin/")
    visit(page, violations, base + f"/admin/pages/{tool.pk}/edit/")
    visit(page, violations, base + f"/admin/pages/{tool.get_parent().pk}/")
    assert violations == []
