"""@username mentions in posts link to the contributor's page, safely."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from discussion.services import posting
from discussion.services.mentions import mention_links
from pages.localized_urls import reverse_in
from pages.markdown import render_markdown

pytestmark = pytest.mark.django_db
BOB = {"bob": "/en/contributors/bob/"}


def test_a_known_mention_becomes_a_link_to_the_contributor():
    html = render_markdown("Thanks @bob. And @nobody.", BOB)
    assert (
        '<a href="/en/contributors/bob/" class="mention" rel="nofollow ugc noopener">@bob</a>.'
        in html
    )
    assert "@nobody." in html and html.count("<a ") == 1


def test_mentions_are_matched_without_case_and_keep_their_spelling():
    html = render_markdown("(@Bob)", BOB)
    assert ">@Bob</a>)" in html and 'href="/en/contributors/bob/"' in html


@pytest.mark.parametrize(
    "source",
    [
        "`@bob` in code",
        "    @bob in a code block",
        "```\n@bob\n```",
        "[write to @bob](https://example.org)",
        "mail bob@example.org",
    ],
)
def test_code_links_and_e_mail_addresses_are_left_alone(source):
    html = render_markdown(source, BOB)
    assert 'class="mention"' not in html


def test_mentions_in_emphasis_lists_and_quotes_are_linked():
    html = render_markdown("> *ask @bob*\n\n- @bob_smith and @bob", {**BOB, "bob_smith": "/s/"})
    assert html.count('class="mention"') == 3


def test_without_known_names_nothing_is_linked():
    assert "<a" not in render_markdown("Hi @bob", None)
    assert "<a" not in render_markdown("Hi @bob", {})


def test_a_link_is_escaped_and_raw_html_stays_text():
    hostile = {"x": '/en/contributors/x"><script>alert(1)</script>/'}
    html = render_markdown("@x and <img src=x onerror=alert(1)>", hostile)
    assert 'class="mention"' in html
    assert "<script" not in html and "<img" not in html


def test_only_existing_active_users_are_linked_in_one_query(bob, alice):
    alice.is_active = False
    alice.save()
    with CaptureQueriesContext(connection) as queries:
        links = mention_links(["Hi @Bob and @alice", "and @ghost", "", "@bob again"])
    assert links == {"bob": "/en/contributors/bob/"}
    assert len(queries) == 1
    assert mention_links(["no mention here"]) == {}


def test_a_thread_links_the_mentions_of_its_posts(client, tool, alice, bob, mod):
    thread, _post = posting.start_thread(tool, alice, "Question", "What do you think, @Mod?", "en")
    posting.reply(thread, bob, "I agree with @alice, not @someone_else.", "en")
    html = client.get(f"/en/discussion/{thread.pk}/").content.decode()
    links = re.findall(r'<a href="([^"]+)" class="mention"[^>]*>(@\w+)</a>', html)
    assert links == [("/en/contributors/mod/", "@Mod"), ("/en/contributors/alice/", "@alice")]
    assert "@someone_else" in html
    french = client.get(f"/fr/discussion/{thread.pk}/").content.decode()
    assert f'href="{reverse_in("fr", "contributor", args=["alice"])}" class="mention"' in french


def test_a_threads_mentions_cost_one_query_whatever_the_number_of_posts(client, tool, alice, bob):
    thread, _post = posting.start_thread(tool, alice, "Many", "Hello @bob", "en")

    def count():
        client.get(f"/en/discussion/{thread.pk}/")
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/en/discussion/{thread.pk}/")
        return len(queries)

    with_one = count()
    for number in range(5):
        posting.reply(thread, bob, f"Reply {number} to @alice", "en")
    assert count() == with_one


def test_the_post_history_links_mentions_too(client, tool, alice, bob):
    thread, post = posting.start_thread(tool, alice, "Edited", "Hello @bob", "en")
    html = client.get(f"/en/discussion/posts/{post.pk}/history/").content.decode()
    assert 'href="/en/contributors/bob/" class="mention"' in html
