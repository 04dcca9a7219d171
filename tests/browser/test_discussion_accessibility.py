"""The discussion pages pass axe (no serious or critical violation), in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from django.test import Client

from pages.localized_urls import reverse_in

pytestmark = pytest.mark.browser


@pytest.fixture
def signed_in(live_catalogue, page, entry):
    from discussion.services import follows, moderation, posting
    from pages.models import ToolPage
    from tests.factories import contributor, moderator

    tool = entry(ToolPage, "consul-democracy")
    alice, mod = contributor("alice"), moderator("axe")
    thread, post = posting.start_thread(tool, alice, "Accessible?", "Is it **WCAG** AA?", "en")
    reply = posting.reply(thread, mod, "> quoted\n\nYes, @alice.", "fr", reply_to=post)
    posting.edit_post(reply, mod, "> quoted\n\nYes, audited, @alice.", "precision")
    moderation.report_post(post, mod, "test report")
    follows.follow_entry(mod, tool.translation_key)
    posting.reply(thread, alice, "Thanks!", "en")
    client = Client()
    client.force_login(mod)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_catalogue}]
    )
    return live_catalogue, thread, reply


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_serious_or_critical_violation_on_discussion_pages(signed_in, page, language):
    base, thread, reply = signed_in
    tool_path = (
        "/en/tools/consul-democracy/" if language == "en" else "/fr/outils/consul-democracy/"
    )
    paths = [
        f"{tool_path}discussion/",
        f"/{language}/discussion/{thread.pk}/",
        f"/{language}/discussion/posts/{reply.pk}/history/",
        f"/{language}/discussion/posts/{reply.pk}/edit/",
        reverse_in(language, "discussion:following"),
        f"/{language}/discussion/reports/",
    ]
    for path in paths:
        page.goto(base + path)
        violations = [
            f"{path} {v['id']}: {[n['target'] for n in v['nodes']][:3]}"
            for v in Axe().run(page).response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert violations == []
