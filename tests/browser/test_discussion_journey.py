"""The discussion journey in Chromium, in English and in French.

User A opens a thread on a tool; user B follows it and replies with a
mention; A sees the inbox count in the header and the e-mail (sent by the task
queue after the commit: the test settings run tasks at once and keep e-mails in
django.core.mail.outbox); A unsubscribes with the link in the e-mail, without
being logged in.
Selectors use form classes and URLs, not labels, so the test holds whatever
the French catalogue says.
"""

import re

import pytest

from django.core import mail
from django.test import Client

from pages.localized_urls import reverse_in

pytestmark = pytest.mark.browser


def signed_in_context(browser, base, user, language):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="fr-FR" if language == "fr" else "en-GB")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.mark.parametrize("language", ["en", "fr"])
def test_open_follow_reply_mention_inbox_email_and_unsubscribe(
    live_catalogue, browser, entry, language
):
    from discussion.models import EmailPreference, Follow, Post
    from pages.models import ToolPage
    from tests.factories import contributor

    base = live_catalogue
    tool = entry(ToolPage, "consul-democracy", language)
    alice, bob = contributor(f"alice{language}"), contributor(f"bob{language}")
    context_a, page_a = signed_in_context(browser, base, alice, language)
    context_b, page_b = signed_in_context(browser, base, bob, language)
    try:
        # A opens a thread from the tool's Discussion tab.
        page_a.goto(base + tool.url)
        page_a.locator(f"nav.entry-tabs a[href='{tool.url}discussion/']").click()
        page_a.fill("form.new-thread-form input[name=title]", f"Hosting ({language})")
        page_a.fill("form.new-thread-form textarea[name=body]", "Who hosts it **for a city**?")
        page_a.locator("form.new-thread-form button[type=submit]").click()
        page_a.wait_for_url(re.compile(rf"/{language}/discussion/\d+/$"))
        assert page_a.locator("html").get_attribute("lang") == language
        assert page_a.locator("article.post strong", has_text="for a city").is_visible()
        thread_url = page_a.url

        # B follows the thread, then replies mentioning A.
        page_b.goto(thread_url)
        page_b.locator("button.follow-thread").click()
        page_b.wait_for_load_state()
        assert Follow.objects.filter(user=bob, thread__title=f"Hosting ({language})").exists()
        page_b.fill(
            "form.reply-form textarea[name=body]", f"@{alice.username} we do, on our servers."
        )
        page_b.locator("form.reply-form button[type=submit]").click()
        page_b.wait_for_url(re.compile(r"#post-\d+$"))
        reply = Post.objects.get(author=bob)
        assert reply.language == language
        assert (
            page_b.locator(f"#post-{reply.pk}").get_by_text("we do, on our servers.").is_visible()
        )

        # A sees one unread notification in the header, opens it, lands on the reply.
        page_a.goto(base + tool.url)
        assert page_a.locator("header .inbox-count").inner_text() == "1"
        page_a.locator("a.inbox-link").click()
        page_a.locator("ul.notification-list a").first.click()
        page_a.wait_for_url(re.compile(rf"#post-{reply.pk}$"))
        assert page_a.locator("header .inbox-count").count() == 0

        # The e-mail to A, in A's language, with a one-click unsubscribe link.
        to_alice = [m for m in mail.outbox if m.to == [alice.email]]
        assert len(to_alice) == 1
        assert "we do, on our servers." in to_alice[0].body
        assert reverse_in(language, "discussion:post", args=[reply.pk]) in to_alice[0].body
        link = re.search(
            r"https?://\S+/(?:unsubscribe|desabonnement)/\S+/", to_alice[0].body
        ).group(0)

        # A unsubscribes from the link, logged out (a fresh browser context).
        context_a.clear_cookies()
        page_a.goto(base + link[link.index(f"/{language}/") :])
        assert page_a.locator(".unsubscribe-result").is_visible()
        assert EmailPreference.objects.get(user=alice).frequency == "never"
    finally:
        context_a.close()
        context_b.close()
