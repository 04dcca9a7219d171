"""@username mentions in a post's Markdown."""

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.urls import reverse

from pages.markdown import mention_names

#: The lower-case @names of a text (mentions are parsed where Markdown is rendered).
mentioned_names = mention_names


def mentioned_users(text, exclude=None):
    """Active users named in `text` (usernames compared without case), in one query."""
    names = mentioned_names(text)
    if not names:
        return []
    users = get_user_model().objects.annotate(lower_name=Lower("username"))
    users = users.filter(lower_name__in=names, is_active=True)
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return list(users)


def mention_links(texts):
    """{lower-case name: contributor page URL} for the @names in `texts` that are users.

    One query for a whole page of posts, whatever their number; only
    existing, active accounts become links (in the active language).
    """
    names = set().union(*(mention_names(text) for text in texts)) if texts else set()
    if not names:
        return {}
    users = get_user_model().objects.annotate(lower_name=Lower("username"))
    usernames = users.filter(lower_name__in=names, is_active=True).values_list(
        "username", flat=True
    )
    return {username.lower(): reverse("contributor", args=[username]) for username in usernames}
