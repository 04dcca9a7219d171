"""Helpers to act as contributors in tests."""

from django.contrib.auth.models import Group

from wagtail.models import Locale

from contributions.forms import initial_from
from contributions.models import CONTRIBUTORS_GROUP, MODERATORS_GROUP, EditRecord, User
from contributions.services.editing import create_entry, save_edit
from contributions.snapshots import snapshot
from pages.models import ToolIndexPage, ToolPage


def make_user(username, *groups):
    user = User.objects.create_user(username, f"{username}@example.org", "pw-" + username)
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def contributor(username="writer"):
    return make_user(username, CONTRIBUTORS_GROUP)


def moderator(username="moderator"):
    return make_user(username, CONTRIBUTORS_GROUP, MODERATORS_GROUP)


def edit_data(page, base_revision_id=None, **changes):
    """POST data of the edit form as it is shown for `page`, with `changes` applied."""
    data = {}
    for name, value in initial_from(type(page), snapshot(page)).items():
        if isinstance(value, list):
            data[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            data[name] = "true" if value else "false"
        elif value is not None:
            data[name] = str(value)
    data["base_revision"] = str(base_revision_id or page.live_revision_id)
    data.update(changes)
    return data


def new_english_tool(author, slug="open-budget", title="Open Budget", topics=(), **fields):
    """A tool written in English from the public site, as a contributor creates it.

    Returns (the English page, its French version: an untranslated copy).
    """
    return new_tool_in("en", author, slug, title, topics, **fields)


def new_french_tool(author, slug="outil-de-consultation", title="Outil de consultation", **fields):
    """A tool written in French: (the French page, its English untranslated copy)."""
    return new_tool_in("fr", author, slug, title, **fields)


def new_tool_in(language, author, slug, title, topics=(), **fields):
    index = ToolIndexPage.objects.get(locale__language_code=language)
    fields = {
        "summary": "Budgets that residents read.",
        "description": "Shows the budget as a tree.",
        **fields,
    }
    page = ToolPage(locale=index.locale, slug=slug, title=title, **fields)
    if topics:
        page.topics = list(topics)
    create_entry(index, page, author, summary="New tool")
    created = ToolPage.objects.get(pk=page.pk)
    other = "fr" if language == "en" else "en"
    return created, created.get_translation(Locale.objects.get(language_code=other)).specific


def set_rate_limit(settings, action, *windows, client=()):
    """Limit `action` to `windows` ((count, seconds)...) for every account in this test."""
    settings.OGPT_RATE_LIMITS = {
        **settings.OGPT_RATE_LIMITS,
        action: {"newcomer": windows, "member": windows, "client": client},
    }


def approved_edits(page, user, count=3):
    """`count` edits of `page` by `user` that a moderator approved (they end the review period)."""
    for number in range(count):
        outcome = save_edit(page, user, {"summary": f"Approved edit {number} by {user.username}."})
        outcome.record.status = EditRecord.Status.APPROVED
        outcome.record.save(update_fields=["status"])
