"""The "Discussion" tab of an entry: its threads and the "New topic" form.

Registered as the entry sub-route `discussion/` (see apps.py), so both language
versions of an entry answer, and both list the same threads (by translation_key).
The view never opts into the anonymous page cache (pages.cache.mark_cacheable):
a new post must show at once, and the page carries per-reader bits.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from contributions import limits
from contributions.permissions import is_moderator

from ..forms import ThreadForm
from ..models import Thread
from ..permissions import can_post
from ..services import follows, posting
from .common import entry_context, login_or_forbid

THREADS_PER_PAGE = 30


def entry_discussion_view(request, page):
    form = None
    status = 200
    if request.method == "POST":
        if not can_post(request.user):
            return login_or_forbid(request, _("Only contributors can start a discussion."))
        form = ThreadForm(request.POST, user=request.user, request=request)
        if form.is_valid():
            data = form.cleaned_data
            thread, _post = posting.start_thread(
                page, request.user, data["title"], data["body"], get_language()
            )
            limits.record("post", request)
            return redirect("discussion:thread", thread.pk)
        status = 429 if getattr(form, "rate_limited", False) else 400
    elif request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if form is None and can_post(request.user):
        form = ThreadForm(user=request.user)

    visible = Q() if is_moderator(request.user) else Q(posts__hidden=False)
    threads = (
        Thread.objects.filter(translation_key=page.translation_key)
        .annotate(post_count=Count("posts", filter=visible))
        .select_related("author")
        .order_by("-last_activity_at", "-pk")
    )
    page_obj = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    read = follows.read_times(request.user, [thread.pk for thread in page_obj])
    for thread in page_obj:
        thread.reply_count = max(thread.post_count - 1, 0)
        seen = read.get(thread.pk)
        thread.unread = request.user.is_authenticated and (
            seen is None or seen < thread.last_activity_at
        )
    context = {
        **entry_context(request, page),
        "threads": page_obj,
        "page_obj": page_obj,
        "form": form,
        "follows_entry": follows.follows_entry(request.user, page.translation_key),
    }
    return TemplateResponse(request, "discussion/entry.html", context, status=status)
