"""Following translation queues: who hears that an entry needs translating or updating."""

from urllib.parse import quote

import pytest

from django.contrib.messages import get_messages
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from contributions.translation.state import mark_synced
from discussion.models import Follow, Notification
from discussion.services import queues
from discussion.services.notify import notify_translation_needed
from pages.models import TopicPage
from tests.factories import contributor, make_user, new_english_tool

pytestmark = pytest.mark.django_db

TEXT = ("title", "summary", "description")


def topic(key):
    slug = {"engagement": "citizen-engagement", "budgeting": "participatory-budgeting"}[key]
    return TopicPage.objects.get(slug=slug, locale__language_code="en")


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def follow(user, language, kind="", topic_page=None):
    key = str(topic_page.translation_key) if topic_page is not None else ""
    queue = queues.Queue(language, kind, key)
    queues.follow(user, queue)
    return Follow.objects.get(user=user, **queue.lookup())


def needs(user):
    return list(
        Notification.objects.filter(
            recipient=user, kind=Notification.Kind.NEEDS_TRANSLATION
        ).order_by("pk")
    )


@pytest.fixture
def writer(db):
    return contributor("translator")


@pytest.fixture
def create_tool(catalogue, writer, django_capture_on_commit_callbacks):
    """Create an English tool from the public site (after-commit callbacks run)."""

    def create(slug="open-budget", topics=("budgeting",), user=None):
        with django_capture_on_commit_callbacks(execute=True):
            return new_english_tool(
                user or writer, slug=slug, topics=[topic(key) for key in topics], licence="MIT"
            )

    return create


@pytest.fixture
def edit(django_capture_on_commit_callbacks):
    def run(page, user, kind=EditRecord.Kind.EDIT, synced_fields=(), **changes):
        page = fresh(page)
        with django_capture_on_commit_callbacks(execute=True):
            save_edit(
                page,
                user,
                changes,
                base_revision_id=page.live_revision_id,
                kind=kind,
                synced_fields=synced_fields,
            )
        return fresh(page)

    return run


@pytest.fixture
def translated(create_tool, edit, writer):
    english, french = create_tool()
    french = edit(
        french,
        writer,
        kind=EditRecord.Kind.TRANSLATE,
        synced_fields=TEXT,
        title="Budget ouvert",
        summary="Des budgets que les habitants lisent.",
        description="Montre le budget sous forme d'arbre.",
    )
    Notification.objects.all().delete()
    return fresh(english), french


# Fan-out -------------------------------------------------------------------


def test_a_new_english_tool_notifies_the_french_queue_not_the_english_one(create_tool):
    french_reader, english_reader = contributor("fr-reader"), contributor("en-reader")
    fr_follow = follow(french_reader, "fr")
    follow(english_reader, "en")
    english, french = create_tool()
    [notification] = needs(french_reader)
    assert notification.language == "fr"
    assert notification.fields == []
    assert notification.translation_key == english.translation_key
    assert notification.queue_follow == fr_follow
    assert notification.actor.username == "translator"
    assert notification.revision_id == english.live_revision_id
    assert needs(english_reader) == []


def test_an_english_description_edit_notifies_the_french_queue_once(translated, edit, writer):
    english, french = translated
    reader = contributor("fr-reader")
    follow(reader, "fr")
    english = edit(english, writer, description="Shows the budget as a tree, and as a table.")
    [notification] = needs(reader)
    assert notification.fields == ["description"]
    assert notification.language == "fr"

    # Still outdated: a second edit is no news for the queue.
    english = edit(english, writer, description="Shows the budget as a tree or a table.")
    assert len(needs(reader)) == 1

    # Brought in line ("still accurate"), then edited again: news again.
    mark_synced(fresh(french), ["description"])
    edit(english, writer, description="Shows the budget as a chart.")
    assert [n.fields for n in needs(reader)] == [["description"], ["description"]]


def test_a_translation_notifies_no_queue(create_tool, edit, writer):
    english, french = create_tool()
    readers = [contributor("fr-reader"), contributor("en-reader")]
    follow(readers[0], "fr")
    follow(readers[1], "en")
    Notification.objects.all().delete()
    edit(
        french,
        writer,
        kind=EditRecord.Kind.TRANSLATE,
        synced_fields=TEXT,
        title="Budget ouvert",
        summary="Des budgets que les habitants lisent.",
        description="Montre le budget sous forme d'arbre.",
    )
    assert needs(readers[0]) == needs(readers[1]) == []


def test_an_edit_while_the_other_version_is_a_copy_notifies_nobody(create_tool, edit, writer):
    english, _french = create_tool()
    reader = contributor("fr-reader")
    follow(reader, "fr")
    Notification.objects.all().delete()
    edit(english, writer, description="Still only in English.")
    assert needs(reader) == []


def test_a_french_edit_notifies_the_english_queue(translated, edit, writer):
    _english, french = translated
    reader = contributor("en-reader")
    follow(reader, "en")
    edit(french, writer, summary="Des budgets lisibles par tous.")
    [notification] = needs(reader)
    assert (notification.language, notification.fields) == ("en", ["summary"])


def test_the_kind_filter_is_respected(create_tool):
    tools, use_cases = contributor("tools"), contributor("use-cases")
    follow(tools, "fr", "tool")
    follow(use_cases, "fr", "use_case")
    create_tool()
    assert len(needs(tools)) == 1
    assert needs(use_cases) == []


def test_the_topic_filter_is_respected_with_sub_topics(create_tool):
    theme, sub_topic, everything = contributor("theme"), contributor("sub"), contributor("all")
    follow(theme, "fr", topic_page=topic("engagement"))
    follow(sub_topic, "fr", topic_page=topic("budgeting"))
    follow(everything, "fr", "tool")
    create_tool("in-theme", topics=("engagement",))
    assert len(needs(theme)) == 1
    assert needs(sub_topic) == []
    # Filed under the sub-topic: its theme's followers hear too, as the dashboard lists it there.
    create_tool("in-sub-topic", topics=("budgeting",))
    assert len(needs(theme)) == 2
    assert len(needs(sub_topic)) == 1
    assert len(needs(everything)) == 2


def test_a_topic_page_counts_as_filed_under_itself(catalogue, writer):
    reader = contributor("topic-reader")
    follow(reader, "fr", topic_page=topic("budgeting"))
    budgeting_fr = topic("budgeting").get_translation(Locale.objects.get(language_code="fr"))
    notify_translation_needed(budgeting_fr.specific, "fr", ["description"], actor=writer)
    assert len(needs(reader)) == 1


def test_the_actor_is_not_notified(create_tool, writer):
    follow(writer, "fr")
    create_tool()
    assert needs(writer) == []


def test_one_notification_per_user_whatever_the_matching_queues(create_tool):
    reader = contributor("fr-reader")
    first = follow(reader, "fr")
    follow(reader, "fr", "tool")
    follow(reader, "fr", "tool", topic("budgeting"))
    create_tool()
    [notification] = needs(reader)
    assert notification.queue_follow == first


def test_a_rolled_back_edit_notifies_nobody(translated, writer, django_capture_on_commit_callbacks):
    english, _french = translated
    reader = contributor("fr-reader")
    follow(reader, "fr")
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        save_edit(
            english,
            writer,
            {"description": "Never published."},
            base_revision_id=english.live_revision_id,
        )
        raise RuntimeError("rolled back")
    assert needs(reader) == []


def test_the_fan_out_takes_a_constant_number_of_queries(
    translated, writer, django_assert_max_num_queries
):
    english, french = translated
    revision = english.live_revision
    follow(contributor("first"), "fr")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            notify_translation_needed(french, "fr", ["description"], revision, actor=writer)
        return len(captured)

    with_one = queries()
    for number in range(50):
        follow(make_user(f"follower-{number}"), "fr", "tool" if number % 2 else "")
    with django_assert_max_num_queries(with_one):
        notify_translation_needed(french, "fr", ["description"], revision, writer)
    assert with_one <= 3  # the entry's topics, the followers, one INSERT
    # One notification from the first call, then one for each of the 51 followers.
    assert Notification.objects.filter(kind="needs_translation").count() == 1 + 51


# Views ---------------------------------------------------------------------


def dashboard(query=""):
    return "/en/translations/" + (f"?{query}" if query else "")


def test_follow_and_unfollow_a_queue(client, catalogue, writer):
    client.force_login(writer)
    key = str(topic("budgeting").translation_key)
    data = {"language": "fr", "kind": "tool", "topic": key, "next": dashboard("list=missing-fr")}
    response = client.post(reverse("discussion:follow_queue"), data)
    assert response.status_code == 302
    assert response["Location"] == dashboard("list=missing-fr")
    assert Follow.objects.filter(
        user=writer, queue_language="fr", queue_kind="tool", queue_topic=key
    ).exists()
    client.post(reverse("discussion:follow_queue"), data)  # twice: still one follow
    assert Follow.objects.filter(user=writer).count() == 1
    response = client.post(reverse("discussion:unfollow_queue"), data)
    assert response.status_code == 302
    assert not Follow.objects.filter(user=writer).exists()


def test_anonymous_readers_are_sent_to_log_in_and_back(client, catalogue):
    next_url = dashboard("list=outdated-fr&kind=tool")
    response = client.post(reverse("discussion:follow_queue"), {"language": "fr", "next": next_url})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert quote(next_url, safe="/") in response["Location"]
    assert not Follow.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"language": "de"},
        {"language": ""},
        {"language": "fr", "kind": "spaceship"},
        {"language": "fr", "topic": "not-a-key"},
        {"language": "fr", "topic": "6f1c2d7e-0000-4000-8000-000000000000"},
    ],
)
def test_bad_queues_are_refused_with_a_message(client, catalogue, writer, data):
    client.force_login(writer)
    response = client.post(
        reverse("discussion:follow_queue"), {**data, "next": dashboard("list=missing-fr")}
    )
    assert response.status_code == 302
    assert response["Location"] == dashboard("list=missing-fr")
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    assert "does not exist" in str(message)
    assert not Follow.objects.exists()


def test_the_redirect_stays_on_the_site(client, catalogue, writer):
    client.force_login(writer)
    response = client.post(
        reverse("discussion:follow_queue"), {"language": "fr", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("translations")


def test_the_endpoints_only_accept_post(client, writer):
    client.force_login(writer)
    assert client.get(reverse("discussion:follow_queue")).status_code == 405
    assert client.get(reverse("discussion:unfollow_queue")).status_code == 405


def test_the_dashboard_offers_to_follow_the_list_shown(client, catalogue, writer):
    budgeting = topic("budgeting")
    query = f"list=missing-fr&kind=tool&topic={budgeting.pk}"
    anonymous = client.get(dashboard(query)).content.decode()
    assert "Log in to follow this list" in anonymous
    client.force_login(writer)
    page = client.get(dashboard(query)).content.decode()
    assert 'name="language" value="fr"' in page
    assert 'name="kind" value="tool"' in page
    assert f'name="topic" value="{budgeting.translation_key}"' in page
    assert ">Follow this list</button>" in page
    follow(writer, "fr", "tool", budgeting)
    page = client.get(dashboard(query)).content.decode()
    assert ">Unfollow this list</button>" in page
    # Another list (outdated in English, all kinds) is another queue.
    page = client.get(dashboard("list=outdated-en")).content.decode()
    assert 'name="language" value="en"' in page
    assert ">Follow this list</button>" in page


def test_the_following_page_lists_queues_with_their_unread_count(client, create_tool, writer):
    reader = contributor("fr-reader")
    follow(reader, "fr", "tool", topic("budgeting"))
    create_tool("first-tool")
    create_tool("second-tool")
    client.force_login(reader)
    page = client.get("/en/following/").content.decode()
    assert "Translation lists I follow" in page
    assert "To translate into French · Tools · Participatory budgeting" in page
    budgeting = topic("budgeting")
    assert f"/en/translations/?list=missing-fr&amp;kind=tool&amp;topic={budgeting.pk}" in page
    assert "2 unread" in page
    assert "Open Budget needs a French translation" in page


def test_the_notification_opens_the_translate_view(client, create_tool):
    reader = contributor("fr-reader")
    follow(reader, "fr")
    _english, french = create_tool()
    [notification] = needs(reader)
    client.force_login(reader)
    response = client.get(reverse("discussion:open_notification", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == french.url + "translate/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_an_outdated_field_notification_names_the_fields(client, translated, edit, writer):
    english, _french = translated
    reader = contributor("fr-reader")
    follow(reader, "fr")
    edit(english, writer, summary="Budgets for all.", description="Trees and tables.")
    client.force_login(reader)
    page = client.get("/en/following/").content.decode()
    assert "The French summary and description of Open Budget are out of date" in page


def test_the_e_mail_is_in_the_recipients_language(create_tool):
    reader = contributor("fr-reader")
    reader.preferred_language = "fr"
    reader.save()
    follow(reader, "fr")
    mail.outbox.clear()
    _english, french = create_tool()
    [message] = [m for m in mail.outbox if m.to == [reader.email]]
    assert message.extra_headers["Content-Language"] == "fr"
    assert "Bonjour" in message.body
    assert french.url + "translate/" in message.body
    assert "/fr/desabonnement/" in message.body
