"""Classic XSS payloads in thread titles and posts: none runs in Chromium.

Markdown is rendered with raw HTML off and cleaned by nh3; titles are escaped
by the templates. The test feeds payloads through the real forms, then opens
every page that shows them (topic list, thread, history, following, reports)
and checks that no script ran (a flag each payload would set, and any dialog),
also after clicking every link inside the posts.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from django.test import Client

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss = 2">',
    "<svg/onload=window.__xss=3>",
    '"><script>window.__xss = 4</script>',
    "[click me](javascript:window.__xss=5)",
    "[click me too](JaVaScRiPt:window.__xss=6)",
    '<a href="javascript:window.__xss=7">link</a>',
    '![img](x" onerror="window.__xss=8)',
    '<iframe src="javascript:window.__xss=9"></iframe>',
    "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTA8L3NjcmlwdD4=)",
    "<details open ontoggle=window.__xss=11>",
    "`<b onmouseover=window.__xss=12>code</b>`",
    "<style>@import 'javascript:window.__xss=13';</style>",
    "[x](vbscript:window.__xss=14)",
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=15">',
]


def signed_in_page(browser, base, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return context, page, dialogs


def assert_nothing_ran(page, dialogs):
    assert page.evaluate("window.__xss === undefined")
    assert dialogs == []
    # No script or event handler made it into the posts' HTML.
    assert page.locator("article.post script, article.post iframe, article.post img").count() == 0
    handlers = page.evaluate(
        """[...document.querySelectorAll('article.post *')].flatMap(
            el => [...el.attributes].map(a => a.name).filter(n => n.startsWith('on')))"""
    )
    assert handlers == []


def test_no_payload_runs_in_titles_posts_or_their_pages(live_catalogue, browser, entry, settings):
    from discussion.models import Post, Thread
    from discussion.services import moderation
    from pages.models import ToolPage
    from tests.factories import contributor, moderator, set_rate_limit

    set_rate_limit(settings, "post", (100, 60))  # this test posts fast on purpose
    base = live_catalogue
    tool = entry(ToolPage, "consul-democracy")
    author, mod = contributor("attacker"), moderator("mod")
    context, page, dialogs = signed_in_page(browser, base, author)
    try:
        for number, payload in enumerate(PAYLOADS[:3]):
            page.goto(f"{base}{tool.url}discussion/")
            page.fill("form.new-thread-form input[name=title]", payload)
            page.fill("form.new-thread-form textarea[name=body]", payload)
            page.locator("form.new-thread-form button[type=submit]").click()
            page.wait_for_url(f"**/discussion/{Thread.objects.latest('pk').pk}/")
            assert page.locator("h1").inner_text() == payload, number
        thread = Thread.objects.latest("pk")
        for payload in PAYLOADS:
            page.fill("form.reply-form textarea[name=body]", payload + " @mod")
            page.locator("form.reply-form button[type=submit]").click()
            page.wait_for_load_state()
        assert thread.posts.count() == len(PAYLOADS) + 1
        first = thread.posts.first()
        page.goto(f"{base}/en/discussion/posts/{first.pk}/edit/")
        page.fill("textarea[name=body]", PAYLOADS[1] + " edited")
        page.fill("input[name=reason]", PAYLOADS[0])
        page.locator("form.edit-post-form button[type=submit]").click()
        page.wait_for_load_state()
        moderation.report_post(Post.objects.filter(thread=thread).last(), mod, PAYLOADS[2])

        pages = [
            f"{tool.url}discussion/",
            f"/en/discussion/{thread.pk}/",
            f"/en/discussion/posts/{first.pk}/history/",
        ]
        for path in pages:
            page.goto(base + path)
            assert_nothing_ran(page, dialogs)
        page.goto(f"{base}/en/discussion/{thread.pk}/")
        links = page.locator("article.post .post-body a")
        for index in range(links.count()):
            href = links.nth(index).get_attribute("href") or ""
            assert not href.lower().startswith(("javascript:", "vbscript:", "data:"))
            rel = links.nth(index).get_attribute("rel") or ""
            assert {"nofollow", "ugc"} <= set(rel.split())
        context.close()

        context, page, dialogs = signed_in_page(browser, base, mod)
        for path in (f"/en/discussion/{thread.pk}/", "/en/following/", "/en/discussion/reports/"):
            page.goto(base + path)
            assert_nothing_ran(page, dialogs)
        # The moderator's pages, full of payloads, stay accessible too.
        violations = [
            v["id"]
            for v in Axe().run(page).response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert violations == []
    finally:
        context.close()
