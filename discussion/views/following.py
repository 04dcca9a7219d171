"""What I follow, my notifications inbox, my e-mail choice, and unsubscribing."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from pages.numbers import whole_number

from ..forms import EmailPreferenceForm
from ..models import EmailPreference, Notification
from ..services import follows, queues
from ..services.entries import entry_pages, translate_url, version
from ..tokens import read_token
from .threads import post_url

NOTIFICATIONS_PER_PAGE = 30


@login_required
def following_view(request):
    user = request.user
    followed = follows.following(user)
    notifications = Notification.objects.filter(recipient=user).select_related(
        "actor", "thread", "post"
    )
    page_obj = Paginator(notifications, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    keys = [f.translation_key for f in followed if f.translation_key] + [
        f.thread.translation_key for f in followed if f.thread_id
    ]
    keys += [n.translation_key for n in page_obj]
    pages = entry_pages(keys)
    for follow in followed:
        key = follow.thread.translation_key if follow.thread_id else follow.translation_key
        follow.entry = pages.get(key)
    for notification in page_obj:
        notification.entry = pages.get(notification.translation_key)
    preference = EmailPreference.objects.filter(user=user).first() or EmailPreference(user=user)
    context = {
        "thread_follows": [f for f in followed if f.thread_id],
        "entry_follows": [f for f in followed if not f.thread_id and f.entry],
        "queue_follows": queues.describe([f for f in followed if f.queue_language]),
        "notifications": page_obj,
        "page_obj": page_obj,
        "unread_count": follows.unread_count(user),
        "email_form": EmailPreferenceForm(instance=preference),
    }
    return TemplateResponse(request, "discussion/following.html", context)


@login_required
def open_notification_view(request, notification_id):
    """Mark one notification read and go to what it is about."""
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    if notification.post_id:
        return redirect(post_url(notification.post))
    if notification.kind == Notification.Kind.NEEDS_TRANSLATION:
        target = version(notification.translation_key, notification.language)
        if target is not None:
            return redirect(translate_url(target))
    page = entry_pages([notification.translation_key]).get(notification.translation_key)
    if page is None:
        return redirect("discussion:following")
    return redirect(page.url + page.reverse_subpage("history"))


@login_required
@require_POST
def mark_read_view(request):
    unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True)
    ids = [
        number
        for value in request.POST.getlist("notification")
        if (number := whole_number(value)) is not None
    ]
    if ids:
        unread = unread.filter(pk__in=ids)
    count = unread.update(read_at=timezone.now())
    messages.success(request, _("Marked as read: %(count)s.") % {"count": count})
    return redirect("discussion:following")


@login_required
@require_POST
def email_preference_view(request):
    preference = EmailPreference.objects.filter(user=request.user).first()
    form = EmailPreferenceForm(
        request.POST, instance=preference or EmailPreference(user=request.user)
    )
    if form.is_valid():
        form.save()
        messages.success(request, _("Your e-mail preference was saved."))
    return redirect(reverse("discussion:following") + "#email")


@csrf_exempt  # mail clients POST here themselves (RFC 8058 one-click); the token is the proof
def unsubscribe_view(request, token):
    """One click in an e-mail stops the e-mails, without logging in.

    Following a link from an e-mail is enough (GET), since people expect one
    click; the page offers to subscribe again at once, in case a mail scanner
    or a mistaken click did it. POST is what mail clients send for the
    List-Unsubscribe-Post header, and what the "subscribe again" button sends.
    """
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    user_id = read_token(token)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None:
        return TemplateResponse(
            request, "discussion/unsubscribe.html", {"invalid": True}, status=400
        )
    resubscribe = request.method == "POST" and request.POST.get("action") == "resubscribe"
    frequency = (
        EmailPreference.Frequency.IMMEDIATE if resubscribe else EmailPreference.Frequency.NEVER
    )
    EmailPreference.objects.update_or_create(user=user, defaults={"frequency": frequency})
    context = {"token": token, "resubscribed": resubscribe, "account": user}
    return TemplateResponse(request, "discussion/unsubscribe.html", context)
