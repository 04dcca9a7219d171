"""E-mails of notifications: one at a time (immediate) or a daily digest.

Only the task queue calls this (see tasks.py), never a request. Each e-mail
is written in its recipient's language (their preferred language, else the
language they wrote in), with absolute links to the site and a signed
one-click unsubscribe link that needs no login (also offered to mail clients
through the List-Unsubscribe headers, RFC 8058).
"""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from pages.languages import SITE_LANGUAGES

from ..models import DEFAULT_FREQUENCY, EmailDelivery, EmailPreference, Notification
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
    sent = 0
    with get_connection() as connection:
        for notification in notifications:
            user = notification.recipient
            post_language = notification.post.language if notification.post_id else None
            language = recipient_language(user, post_language)
            with translation.override(language):
                item = describe(notification, pages, language)
                subject = render_to_string("discussion/email/notification_subject.txt", item)
                message = _message(user, subject, "notification", item, language)
            key = f"notification:{notification.pk}"
            sent += _deliver_once(connection, key, message, [notification.pk])
    return sent


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
    sent = 0
    with get_connection() as connection:
        for notifications in by_user.values():
            user = notifications[0].recipient
            ids = [n.pk for n in notifications]
            language = recipient_language(user)
            with translation.override(language):
                items = [describe(n, pages, language) for n in notifications if n.read_at is None]
                if not items:  # all read on the site already: nothing to e-mail
                    Notification.objects.filter(pk__in=ids).update(emailed_at=timezone.now())
                    continue
                subject = render_to_string("discussion/email/digest_subject.txt", {"items": items})
                message = _message(user, subject, "digest", {"items": items}, language)
            digest = hashlib.sha256(",".join(map(str, sorted(ids))).encode()).hexdigest()[:24]
            sent += _deliver_once(connection, f"digest:{user.pk}:{digest}", message, ids)
    return sent


def _deliver_once(connection, key, message, notification_ids):
    """Send `message` unless an e-mail under `key` went out already; True if sent.

    One transaction per e-mail: the notifications are locked (a second worker
    running the same task waits here, then finds them e-mailed), the key is
    recorded, the e-mail sent and the notifications marked. A crash before
    the commit leaves no trace, so the task run again sends it again; the
    Message-ID derived from the key lets mail software drop the copy in the
    one case left, a crash between the mail server's acceptance and the commit.
    """
    with transaction.atomic():
        fresh = list(
            Notification.objects.select_for_update()
            .filter(pk__in=notification_ids, emailed_at__isnull=True)
            .values_list("pk", flat=True)
        )
        if not fresh:
            return False
        _delivery, created = EmailDelivery.objects.get_or_create(key=key)
        if created:
            message.extra_headers["Message-ID"] = _message_id(key)
            connection.send_messages([message])
        Notification.objects.filter(pk__in=fresh).update(emailed_at=timezone.now())
    return created


def _message_id(key):
    domain = urlsplit(site_url()).hostname or "localhost"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}.ogpt@{domain}>"
