"""Translation queues that contributors follow: a language, narrowed by kind and topic.

A queue is what the translation dashboard (`/<lang>/translations/`) lists for
one target language: entries missing in it and entries with fields behind the
other language. Following it stores the target language, the entry kind ("" =
all) and the topic's translation key ("" = all), so the same follow holds
whichever language the follower reads the site in.
"""

import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from contributions.translation.dashboard import ENTRY_KINDS
from pages.languages import SITE_LANGUAGES, language_in_sentence
from pages.models import TopicPage

from ..models import Follow
from .entries import entry_pages


class InvalidQueue(ValueError):
    """A follow request named a language, kind or topic that does not exist."""


@dataclass(frozen=True)
class Queue:
    language: str
    kind: str = ""
    topic: str = ""  # a topic's translation key, as a string

    def lookup(self):
        return {
            "queue_language": self.language,
            "queue_kind": self.kind,
            "queue_topic": self.topic,
        }


def parse(language, kind="", topic=""):
    """The Queue the (untrusted) values name; InvalidQueue with a readable message if none."""
    language, kind, topic = (language or "").strip(), (kind or "").strip(), (topic or "").strip()
    if language not in SITE_LANGUAGES:
        raise InvalidQueue(_("This translation list does not exist: unknown language."))
    if kind and kind not in ENTRY_KINDS:
        raise InvalidQueue(_("This translation list does not exist: unknown kind of entry."))
    if topic:
        try:
            key = uuid.UUID(topic)
        except ValueError:
            raise InvalidQueue(_("This translation list does not exist: unknown topic.")) from None
        if not TopicPage.objects.filter(translation_key=key).exists():
            raise InvalidQueue(_("This translation list does not exist: unknown topic."))
        topic = str(key)
    return Queue(language, kind, topic)


def of_follow(follow):
    return Queue(follow.queue_language, follow.queue_kind, follow.queue_topic)


def follow(user, queue):
    Follow.objects.get_or_create(user=user, **queue.lookup())


def unfollow(user, queue):
    Follow.objects.filter(user=user, **queue.lookup()).delete()


def follows(user, queue):
    return user.is_authenticated and Follow.objects.filter(user=user, **queue.lookup()).exists()


def target_label(language):
    """ "To translate into French": written per language, like the dashboard's list names."""
    if language == "fr":
        return _("To translate into French")
    if language == "en":
        return _("To translate into English")
    return _("To translate into %(language)s") % {"language": language_in_sentence(language)}


def kind_label(kind):
    model = ENTRY_KINDS.get(kind)
    return capfirst(model._meta.verbose_name_plural) if model else ""


def dashboard_url(queue, topic_page=None, what="missing"):
    """The dashboard list of the queue, filtered like it (topic given by its page here)."""
    query = {"list": f"{what}-{queue.language}"}
    if queue.kind:
        query["kind"] = queue.kind
    if topic_page is not None:
        query["topic"] = topic_page.pk
    return reverse("translations") + "?" + urlencode(query)


def describe(follows_list):
    """Give each queue follow its label parts and dashboard links (two queries in all)."""
    keys = [uuid.UUID(f.queue_topic) for f in follows_list if f.queue_topic]
    topics = entry_pages(keys) if keys else {}
    for item in follows_list:
        queue = of_follow(item)
        topic = topics.get(uuid.UUID(item.queue_topic)) if item.queue_topic else None
        item.queue = queue
        item.label_parts = [
            part
            for part in (
                target_label(queue.language),
                kind_label(queue.kind),
                topic.title if topic is not None else "",
            )
            if part
        ]
        item.missing_url = dashboard_url(queue, topic, "missing")
        item.outdated_url = dashboard_url(queue, topic, "outdated")
    return follows_list
