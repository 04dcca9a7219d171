"""E-mails of notifications: one at a time (immediate) or a daily digest.

Only the task queue calls this (see tasks.py), never a request. Each e-mail
is written in its recipient's language (their preferred language, else the
language they wrote in), with absolute links to the site and a signed
one-click unsubscribe link that needs no login (also offered to mail clients
through the List-Unsubscribe headers, RFC 8058).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from pages.languages import SITE_LANGUAGES

from ..models import DEFAULT_FREQUENCY, EmailPreference, Notification
from ..tokens import make_token
from .changes import short_diffs
from .entries import entry_versions, translate_url


def frequencies(user_ids):
    prefs = EmailPreference.objects.filter(user_id__in=user_ids)
    found = dict(prefs.values_list("user_id", "frequency"))
    return {user_id: found.get(user_id, DEFAULT_FREQUENCY) for user_id in user_ids}


def recipient_language(user, fallback=None):
    for language in (user.preferred_language, fallback):
        if language in SITE_LANGUAGES:
            return language
    return settings.LANGUAGE_CODE


def site_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _load(queryset):
    return list(
        queryset.select_related("recipient", "actor", "thread", "post", "revision").order_by(
            "created_at", "pk"
        )
    )


def _pages(notifications):
    """{(translation_key, language): live page} for the entries involved."""
    return entry_versions({n.translation_key for n in notifications})


def _entry(pages, key, language):
    return pages.get((key, language)) or next(
        (page for (k, _lang), page in pages.items() if k == key), None
    )


def describe(notification, pages, language):
    """What the e-mail says about one notification (in the active language)."""
    entry = _entry(pages, notification.translation_key, language)
    target = None
    if notification.kind == Notification.Kind.NEEDS_TRANSLATION:
        target = pages.get((notification.translation_key, notification.language))
    if notification.post_id:
        link = site_url() + reverse("discussion:post", args=[notification.post_id])
    elif target is not None:
        link = site_url() + translate_url(target)
    elif entry is not None:
        link = site_url() + entry.url + entry.reverse_subpage("history")
    else:
        link = site_url() + "/"
    return {
        "notification": notification,
        "entry_title": entry.title if entry is not None else "",
        "link": link,
        "excerpt": (notification.post.body[:500] if notification.post_id else ""),
        "diffs": short_diffs(notification.revision) if notification.revision_id else [],
    }


def _message(user, subject, template, context, language):
    unsubscribe = site_url() + reverse("discussion:unsubscribe", args=[make_token(user)])
    context = {**context, "user": user, "unsubscribe_url": unsubscribe, "site_url": site_url()}
    body = render_to_string(f"discussion/email/{template}.txt", context)
    message = EmailMultiAlternatives(
        subject=subject.strip(),
        body=body,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": language,
        },
    )
    return message


def send_immediate(ids):
    """E-mail each notification in `ids` whose recipient chose "immediately"."""
    notifications = _load(
        Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).exclude(
            recipient__email=""
        )
    )
    wanted = frequencies({n.recipient_id for n in notifications})
    notifications = [
        n for n in notifications if wanted[n.recipient_id] == EmailPreference.Frequency.IMMEDIATE
    ]
    if not notifications:
        return 0
    pages = _pages(notifications)
    messages = []
    for notification in notifications:
        user = notification.recipient
        post_language = notification.post.language if notification.post_id else None
        language = recipient_language(user, post_language)
        with translation.override(language):
            item = describe(notification, pages, language)
            subject = render_to_string("discussion/email/notification_subject.txt", item)
            messages.append(_message(user, subject, "notification", item, language))
    get_connection().send_messages(messages)
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        emailed_at=timezone.now()
    )
    return len(messages)


def send_digests():
    """One e-mail per "daily" user listing every notification not e-mailed yet."""
    daily = EmailPreference.objects.filter(frequency=EmailPreference.Frequency.DAILY)
    pending = _load(
        Notification.objects.filter(
            emailed_at__isnull=True, recipient__in=daily.values("user_id")
        ).exclude(recipient__email="")
    )
    by_user = {}
    for notification in pending:
        by_user.setdefault(notification.recipient_id, []).append(notification)
    pages = _pages(pending)
    messages = []
    for notifications in by_user.values():
        user = notifications[0].recipient
        language = recipient_language(user)
        with translation.override(language):
            items = [describe(n, pages, language) for n in notifications if n.read_at is None]
            if not items:
                continue
            subject = render_to_string("discussion/email/digest_subject.txt", {"items": items})
            messages.append(_message(user, subject, "digest", {"items": items}, language))
    if messages:
        get_connection().send_messages(messages)
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
    return len(messages)
