"""Comparing two revisions of an entry, field by field, and the word diff under it."""

import random
import re
import time

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from contributions.diff import opcodes, word_diff
from contributions.services.editing import save_edit
from pages.models import OrganizationPage, ToolPage, TopicPage, UseCasePage
from tests.factories import contributor

from .revisions import add_revisions

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def compare(client, page, old, new):
    return client.get(f"{page.url}history/compare/?from={old.pk}&to={new.pk}")


def section(html, name):
    """The HTML of one field's diff."""
    match = re.search(
        rf'<section class="field-diff[^"]*" aria-labelledby="diff-{name}">(.*?)</section>',
        html,
        re.S,
    )
    return match.group(1) if match else None


def test_a_changed_description_shows_removed_and_added_words(client, tool):
    old = tool.live_revision
    new = save_edit(
        tool, contributor(), {"description": "Debates, proposals and **citizen budgets**."}
    ).revision
    html = compare(client, tool, old, new).content.decode()
    description = section(html, "description")
    assert "<del>participatory</del><ins>citizen</ins>" in description
    assert "<del>&lt;script&gt;alert(1)&lt;/script&gt;</del>" in description  # escaped, never run
    assert "Debates, proposals and **" in description  # unchanged words stay plain
    assert "Legend:" in html and "<del>removed</del>" in html and "<ins>added</ins>" in html


def test_added_and_removed_topics_are_listed_by_name_with_links(client, tool, catalogue):
    old = tool.live_revision
    engagement = TopicPage.objects.get(slug="citizen-engagement", locale__language_code="en")
    new = save_edit(tool, contributor(), {"topics": (engagement.pk,)}).revision
    topics = section(compare(client, tool, old, new).content.decode(), "topics")
    added, removed = topics.split("Removed")
    assert f'<ins><a href="{engagement.url}">Citizen engagement</a></ins>' in added
    assert "Participatory budgeting</a></del>" in removed


def test_a_changed_licence_shows_old_and_new_names(client, tool):
    old = tool.live_revision
    new = save_edit(tool, contributor(), {"licence": "MIT", "pricing": "paid"}).revision
    html = compare(client, tool, old, new).content.decode()
    licence = section(html, "licence")
    assert (
        "<del>AGPL-3.0-or-later — GNU Affero General Public License v3.0 or later</del>" in licence
    )
    assert "<ins>MIT — MIT License</ins>" in licence
    assert "<del>Free</del>" in section(html, "pricing") and "<ins>Paid</ins>" in section(
        html, "pricing"
    )


def test_list_fields_and_links_show_added_and_removed_items(client, catalogue):
    use_case = UseCasePage.objects.get(slug="decide-madrid", locale__language_code="en")
    old = use_case.live_revision
    new = save_edit(
        use_case, contributor(), {"links": (("https://example.org/report", "Evaluation"),)}
    ).revision
    links = section(compare(client, use_case, old, new).content.decode(), "links")
    assert '<ins><a href="https://example.org/report" rel="nofollow">Evaluation</a></ins>' in links
    assert "The platform</a></del>" in links
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    old = tool.live_revision
    new = save_edit(
        tool, contributor("second"), {"interface_languages": ("en", "fr", "de")}
    ).revision
    languages = section(compare(client, tool, old, new).content.decode(), "interface_languages")
    assert "<ins>German</ins>" in languages and "<del>Spanish</del>" in languages


def test_unchanged_fields_are_collapsed_and_named(client, tool):
    old = tool.live_revision
    new = save_edit(tool, contributor(), {"summary": "Software for participation."}).revision
    html = compare(client, tool, old, new).content.decode()
    assert section(html, "summary") is not None
    assert section(html, "description") is None
    details = re.search(r'<details class="unchanged-fields">(.*?)</details>', html, re.S).group(1)
    assert "unchanged fields" in details
    assert "<li>Description</li>" in details and "<li>Website</li>" in details


def test_revisions_given_newest_first_are_swapped(client, tool):
    old = tool.live_revision
    new = save_edit(tool, contributor(), {"description": "Shorter."}).revision
    html = compare(client, tool, new, old).content.decode()
    assert "<ins>Shorter</ins>" in section(html, "description")


def test_prev_and_cur_shortcuts(client, tool):
    user = contributor()
    first = tool.live_revision
    middle = save_edit(tool, user, {"description": "Middle."}).revision
    save_edit(tool, user, {"description": "Last."})
    prev = client.get(f"{tool.url}history/compare/?to={middle.pk}").content.decode()
    assert f"history/{first.pk}/" in prev and "<ins>Middle</ins>" in prev
    cur = client.get(f"{tool.url}history/compare/?from={middle.pk}").content.decode()
    assert "<del>Middle</del><ins>Last</ins>" in cur


def test_the_first_revision_is_compared_with_an_empty_entry(client, catalogue):
    organization = OrganizationPage.objects.filter(locale__language_code="en").first()
    first = organization.revisions.order_by("created_at", "pk").first()
    html = client.get(f"{organization.url}history/compare/?to={first.pk}").content.decode()
    assert "this is the first revision" in html
    assert "<ins>" in section(html, "title")


def test_the_same_revision_twice_says_there_is_no_difference(client, tool):
    revision = tool.live_revision
    html = compare(client, tool, revision, revision).content.decode()
    assert "These are the same revision" in html


@pytest.mark.parametrize(
    "query, status, message",
    [
        ("", 400, "Choose two revisions to compare."),
        ("?from=abc&to=1", 400, "“abc” is not a revision number."),
        ("?from=1&to=999999999", 404, "This entry has no revision 999999999."),
    ],
)
def test_bad_revision_ids_get_a_clear_message(client, tool, query, status, message):
    response = client.get(f"{tool.url}history/compare/{query}")
    assert response.status_code == status
    assert message in response.content.decode()


def test_a_revision_of_another_entry_is_not_found(client, tool, catalogue):
    other = OrganizationPage.objects.filter(locale__language_code="en").first()
    response = client.get(
        f"{tool.url}history/compare/?from={other.live_revision_id}&to={tool.live_revision_id}"
    )
    assert response.status_code == 404


# --------------------------------------------------------------- word diff ---
def test_word_diff_marks_only_the_changed_words():
    assert word_diff("a quick fox", "a slow fox") == "a <del>quick</del><ins>slow</ins> fox"
    assert word_diff("", "new") == "<ins>new</ins>"
    assert word_diff("<b>", "<i>") == "&lt;<del>b</del><ins>i</ins>&gt;"  # escaped


def test_diff_pieces_rebuild_both_texts_exactly():
    rng = random.Random(7)
    vocabulary = ["a", "b", "the", "word.", "x,", "\n", "\n\n", "é", "!", "  "]
    for _ in range(500):
        old = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 30)))
        new = list(old)
        for _ in range(rng.randint(0, 4)):
            at = rng.randint(0, len(new))
            new[at : at + rng.randint(0, 3)] = rng.choice(vocabulary)
        new = "".join(new)
        pieces = list(opcodes(old, new))
        assert "".join(removed for _, removed, _ in pieces) == old
        assert "".join(added for _, _, added in pieces) == new


def test_long_unchanged_text_is_shortened_around_the_changes():
    old = "word " * 2000 + "end"
    html = word_diff(old, old.replace("end", "finish"), context=50, elision=lambda n: f"[{n} cut]")
    assert "<del>end</del><ins>finish</ins>" in html
    assert re.search(r'<span class="diff-elision">\[\d+ cut\]</span>', html)
    assert len(html) < 400


def fifty_kilobytes(rng, words):
    paragraphs = []
    while sum(map(len, paragraphs)) < 50_000:
        sentence_count = rng.randint(2, 6)
        paragraphs.append(
            " ".join(
                " ".join(rng.choice(words) for _ in range(rng.randint(5, 20))).capitalize() + "."
                for _ in range(sentence_count)
            )
        )
    return paragraphs


def test_a_50_kb_description_diffs_in_under_100_ms():
    rng = random.Random(1)
    # A small vocabulary is the worst case for difflib: every word repeats.
    words = re.findall(r"\w+", "the open government tool lets citizens propose debate vote on laws")
    paragraphs = fifty_kilobytes(rng, words)
    edited = list(paragraphs)
    for index in rng.sample(range(len(edited)), 12):
        edited[index] = "Changed: " + edited[index]
    edited.insert(3, "A new paragraph.")
    del edited[40]
    old, new = "\n\n".join(paragraphs), "\n\n".join(edited)
    rewritten = " ".join(reversed(old.split()))
    assert len(old) >= 50_000
    for other in (new, rewritten):
        started = time.perf_counter()
        html = word_diff(old, other, context=240)
        elapsed = time.perf_counter() - started
        assert elapsed < 0.1, f"{elapsed * 1000:.0f} ms"
    assert html.count("<ins>") >= 1
    assert word_diff(old, new).count("<ins>Changed: </ins>") == 12


def test_compare_costs_the_same_queries_with_3_or_30_revisions(client, tool):
    def queries():
        latest = tool.revisions.order_by("-created_at", "-pk")[:2]
        url = f"{tool.url}history/compare/?from={latest[1].pk}&to={latest[0].pk}"
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    add_revisions(tool, 3 - tool.revisions.count(), [contributor()])
    with_3 = queries()
    add_revisions(tool, 27, [contributor("other")])
    assert queries() == with_3
