"""Discussion bits that other templates show: the inbox link, the queue follow button.

The inbox link in the site header, with the number of unread notifications,
is an inclusion tag rather than a context processor: only base.html pays the
query, and only for a logged-in reader (anonymous pages, which the page cache
stores, render nothing here, so no per-user bit can leak into the cache).

The translation dashboard shows "Follow this list" through a tag too, so that
the wiki's views need not know how following works.
"""

from django import template
from django.utils.translation import gettext as _

from contributions.permissions import is_moderator
from contributions.translation.text import field_label
from pages.markdown import render_markdown
from pages.models import ENTRY_MODELS

from ..models import Report
from ..services import queues
from ..services.follows import unread_count

register = template.Library()


@register.filter
def post_markdown(body, mentions):
    """A post's Markdown with its @mentions of contributors linked.

    `mentions` comes from services.mentions.mention_links(), computed once by
    the view for every post it shows; without it, mentions stay text.
    """
    return render_markdown(body, mentions if isinstance(mentions, dict) else None)


@register.inclusion_tag("discussion/includes/inbox_link.html", takes_context=True)
def inbox_link(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    reports = None
    if is_moderator(user):
        reports = Report.objects.filter(outcome=Report.Outcome.OPEN).count()
    return {"show": True, "unread": unread_count(user), "reports": reports}


@register.inclusion_tag("discussion/includes/queue_follow.html", takes_context=True)
def translation_queue_follow(context, language, kind="", topic=None):
    """Follow / unfollow the dashboard list of `language` narrowed by `kind` and `topic`.

    `topic` is a TopicPage (the dashboard's filter) or a translation key.
    Anonymous readers get a link to log in and come back to the same list.
    """
    request = context.get("request")
    key = getattr(topic, "translation_key", topic) or ""
    queue = queues.Queue(language or "", kind or "", str(key))
    user = getattr(request, "user", None)
    here = request.get_full_path() if request is not None else ""
    return {
        "queue": queue,
        "next": here,
        "authenticated": bool(user and user.is_authenticated),
        "following": bool(user and queues.follows(user, queue)),
        "target_label": queues.target_label(queue.language),
    }


@register.filter
def field_labels(names):
    """ "summary and description": the outdated fields of a notification, in the reader's words.

    The notification does not know the entry's model; every translatable field
    means the same in every kind of entry, so the first model that has it names it.
    """
    labels = []
    for name in names or ():
        model = next((m for m in ENTRY_MODELS if name in m.translatable_fields), None)
        labels.append(field_label(model, name) if model is not None else name)
    if len(labels) < 2:
        return "".join(labels)
    return _("%(first)s and %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}
