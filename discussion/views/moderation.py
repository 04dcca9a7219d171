"""Moderation: hide and restore posts, lock threads, report posts, the reports queue."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms import HideForm, ReportForm
from ..permissions import can_moderate, can_report
from ..services import moderation
from .common import entry_context, get_post, get_thread, login_or_forbid
from .threads import post_url


@require_POST
def moderate_post_view(request, post_id):
    post = get_post(post_id)
    if not can_moderate(request.user):
        return login_or_forbid(request, _("Only moderators can hide or restore posts."))
    action = request.POST.get("action")
    if action == "restore":
        moderation.restore_post(post, request.user)
        messages.success(request, _("The post is visible again."))
    elif action == "dismiss":
        moderation.dismiss_reports(post, request.user)
        messages.success(request, _("The reports on this post were dismissed."))
    else:
        form = HideForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        moderation.hide_post(post, request.user, reason)
        messages.success(request, _("The post is hidden. Moderators can still read it."))
    if request.POST.get("next") == "reports":
        return redirect("discussion:reports")
    return redirect(post_url(post))


@require_POST
def lock_thread_view(request, thread_id):
    thread, _page = get_thread(thread_id)
    if not can_moderate(request.user):
        return login_or_forbid(request, _("Only moderators can lock or unlock threads."))
    locked = request.POST.get("action") != "unlock"
    moderation.set_locked(thread, request.user, locked)
    if locked:
        messages.success(request, _("The thread is locked: only moderators can post in it."))
    else:
        messages.success(request, _("The thread is open for replies again."))
    return redirect("discussion:thread", thread.pk)


def report_post_view(request, post_id):
    post = get_post(post_id)
    thread, page = get_thread(post.thread_id)
    if not can_report(request.user, post):
        return login_or_forbid(request, _("You cannot report this post."))
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            moderation.report_post(post, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Thank you: moderators will look at this post."))
            return redirect(post_url(post))
        status = 400
    else:
        form = ReportForm()
    context = {**entry_context(request, page), "thread": thread, "post": post, "form": form}
    return TemplateResponse(request, "discussion/report.html", context, status=status)


def reports_view(request):
    """The queue of open reports, oldest first, grouped by post."""
    if not can_moderate(request.user):
        return login_or_forbid(request, _("Only moderators can see reported posts."))
    if request.method not in ("GET", "HEAD"):
        raise PermissionDenied
    by_post = {}
    for report in moderation.open_reports():
        by_post.setdefault(report.post_id, {"post": report.post, "reports": []})
        by_post[report.post_id]["reports"].append(report)
    page_obj = Paginator(list(by_post.values()), 30).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "discussion/reports.html", {"items": page_obj, "page_obj": page_obj}
    )
