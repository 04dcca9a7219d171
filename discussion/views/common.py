"""Helpers shared by the discussion views."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Post, Thread
from ..services.entries import entry_page

POSTS_PER_PAGE = 50


def login_or_forbid(request, message):
    """Anonymous visitors are sent to log in; logged-in users who may not, get a 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    raise PermissionDenied(message)


def get_thread(thread_id):
    """The thread and its entry in the current language (404 if the entry is gone)."""
    thread = get_object_or_404(Thread, pk=thread_id)
    page = entry_page(thread.translation_key)
    if page is None:
        raise Http404("The entry of this thread no longer exists.")
    return thread, page


def get_post(post_id):
    post = get_object_or_404(Post.objects.select_related("thread", "author"), pk=post_id)
    return post


def entry_context(request, page):
    """What entry templates need to show the entry header and its tabs."""
    return {
        "page": page,
        "entry_tabs": page.entry_tabs(request),
        "active_tab": "discussion",
        "discussion_url": page.url + page.reverse_subpage("discussion"),
    }


def thread_page_of(post):
    """The page number of `post` in its thread's pagination."""
    before = Post.objects.filter(thread_id=post.thread_id, created_at__lt=post.created_at).count()
    same_time = Post.objects.filter(
        thread_id=post.thread_id, created_at=post.created_at, pk__lt=post.pk
    ).count()
    return (before + same_time) // POSTS_PER_PAGE + 1
