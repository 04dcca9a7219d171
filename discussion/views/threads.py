"""A thread: its posts in order, replies, edits with their history, follows."""

from reversion.models import Version

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from contributions import limits
from contributions.diff import word_diff
from pages.numbers import whole_number

from ..forms import EditPostForm, PostForm
from ..permissions import annotate_posts, can_edit_post, can_post, can_read_post
from ..services import follows, posting
from ..services.entries import entry_page
from ..services.mentions import mention_links
from .common import (
    POSTS_PER_PAGE,
    entry_context,
    get_post,
    get_thread,
    login_or_forbid,
    thread_page_of,
)


def thread_view(request, thread_id):
    thread, page = get_thread(thread_id)
    form, status = None, 200
    if request.method == "POST":
        if not can_post(request.user, thread):
            return login_or_forbid(request, _("You cannot reply to this thread."))
        form = PostForm(request.POST, user=request.user, request=request)
        reply_to = _reply_to(thread, request.POST.get("reply_to"))
        if form.is_valid():
            post = posting.reply(
                thread, request.user, form.cleaned_data["body"], get_language(), reply_to
            )
            limits.record("post", request)
            return redirect(post_url(post))
        status = 429 if getattr(form, "rate_limited", False) else 400
    elif request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    else:
        reply_to = _reply_to(thread, request.GET.get("reply_to"))
        if can_post(request.user, thread):
            form = PostForm(user=request.user, initial={"body": _quote(reply_to)})

    posts = thread.posts.select_related("author", "reply_to__author")
    page_obj = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    user = request.user
    moderator = annotate_posts(user, thread, page_obj)
    if user.is_authenticated:
        follows.mark_thread_read(user, thread)
    context = {
        **entry_context(request, page),
        "thread": thread,
        "posts": page_obj,
        "page_obj": page_obj,
        "form": form,
        "reply_to": reply_to,
        "is_moderator": moderator,
        "follows_thread": follows.follows_thread(user, thread),
        "mentions": mention_links([post.body for post in page_obj if post.readable]),
    }
    return TemplateResponse(request, "discussion/thread.html", context, status=status)


def _reply_to(thread, post_id):
    post_id = whole_number(post_id)
    if post_id is None:
        return None
    return thread.posts.filter(pk=post_id, hidden=False).select_related("author").first()


def _quote(post):
    if post is None:
        return ""
    lines = post.body.strip().splitlines()[:6]
    return "\n".join("> " + line for line in lines) + "\n\n"


def post_url(post):
    """The permalink target: the right page of the thread, at the post."""
    url = reverse("discussion:thread", args=[post.thread_id])
    number = thread_page_of(post)
    query = f"?page={number}" if number > 1 else ""
    return f"{url}{query}#post-{post.pk}"


def post_permalink_view(request, post_id):
    post = get_post(post_id)
    return redirect(post_url(post))


def edit_post_view(request, post_id):
    post = get_post(post_id)
    thread, page = get_thread(post.thread_id)
    if not can_edit_post(request.user, post):
        return login_or_forbid(request, _("Only the author can edit this post."))
    if request.method == "POST":
        form = EditPostForm(request.POST, user=request.user)
        if form.is_valid():
            if form.cleaned_data["body"] != post.body:
                posting.edit_post(
                    post, request.user, form.cleaned_data["body"], form.cleaned_data["reason"]
                )
                messages.success(request, _("Your post was updated."))
            return redirect(post_url(post))
        status = 400
    else:
        form = EditPostForm(user=request.user, initial={"body": post.body})
        status = 200
    context = {**entry_context(request, page), "thread": thread, "post": post, "form": form}
    return TemplateResponse(request, "discussion/edit_post.html", context, status=status)


def post_history_view(request, post_id):
    """Every version of a post, newest first, each with what changed from the one before."""
    post = get_post(post_id)
    thread, page = get_thread(post.thread_id)
    if not can_read_post(request.user, post):
        raise PermissionDenied(_("This post was hidden by a moderator."))
    versions = list(
        Version.objects.get_for_object(post).select_related("revision__user").order_by("pk")
    )
    rows = []
    previous = ""
    for version in versions:
        body = version.field_dict.get("body", "")
        rows.append(
            {
                "version": version,
                "user": version.revision.user,
                "date": version.revision.date_created,
                "comment": version.revision.comment,
                "diff": word_diff(previous, body) if previous else None,
                "body": body,
            }
        )
        previous = body
    rows.reverse()
    context = {
        **entry_context(request, page),
        "thread": thread,
        "post": post,
        "rows": rows,
        "mentions": mention_links([row["body"] for row in rows]),
    }
    return TemplateResponse(request, "discussion/post_history.html", context)


@require_POST
def follow_thread_view(request, thread_id):
    thread, _page = get_thread(thread_id)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("discussion:thread", args=[thread.pk]))
    if request.POST.get("action") == "unfollow":
        follows.unfollow_thread(request.user, thread)
        messages.success(request, _("You no longer follow this thread."))
    else:
        follows.follow_thread(request.user, thread)
        messages.success(request, _("You follow this thread: replies will be in your inbox."))
    return redirect("discussion:thread", thread.pk)


@require_POST
def follow_entry_view(request, translation_key):
    page = entry_page(translation_key)
    if page is None:
        raise Http404("No such entry.")
    if not request.user.is_authenticated:
        return redirect_to_login(page.url + page.reverse_subpage("discussion"))
    if request.POST.get("action") == "unfollow":
        follows.unfollow_entry(request.user, translation_key)
        messages.success(request, _("You no longer follow this entry."))
    else:
        follows.follow_entry(request.user, translation_key)
        messages.success(
            request,
            _(
                "You follow this entry: new topics, posts, edits and translations "
                "will be in your inbox."
            ),
        )
    return redirect(page.url + page.reverse_subpage("discussion"))
