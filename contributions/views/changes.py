"""Site-wide lists of changes: `/<lang>/recent-changes/` and `/<lang>/contributors/<name>/`."""

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode

from contributions.changes import (
    ChangesFilterForm,
    all_changes,
    changes_description,
    describe,
    group_by_day,
    published_changes,
    unpublished_count,
)

PER_PAGE = 50


def recent_changes_view(request):
    """Every published change (creations, edits, restores, undos), filterable, with a feed.

    The review status filter lists edits waiting for review or rejected instead.
    """
    form = ChangesFilterForm(request.GET or None)
    records = form.filter(all_changes())
    paginator = Paginator(records, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    feed_url = reverse("recent_changes_feed")
    if query:
        feed_url += "?" + query.urlencode()
    return TemplateResponse(
        request,
        "contributions/recent_changes.html",
        {
            "form": form,
            "description": changes_description(form.review_status),
            "days": group_by_day(describe(page_obj.object_list, request)),
            "page_obj": page_obj,
            "paginator": paginator,
            "extra_query": query.urlencode(),
            "feed_url": feed_url,
        },
    )


def contributor_view(request, username):
    """What one contributor changed, newest first, and how many changes in all.

    Shows the display name only: the e-mail address stays private. Lists
    published changes, as the count says; edits waiting for review or rejected
    are counted apart, with a link to them in recent changes.
    """
    contributor = get_object_or_404(get_user_model(), username=username)
    records = published_changes().filter(user=contributor)
    unpublished = unpublished_count(all_changes().filter(user=contributor))
    paginator = Paginator(records, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "contributions/contributor.html",
        {
            "contributor": contributor,
            "unpublished": unpublished,
            "unpublished_url": reverse("recent_changes")
            + "?"
            + urlencode({"user": contributor.get_username(), "status": "all"}),
            "changes": describe(page_obj.object_list, request),
            "page_obj": page_obj,
            "paginator": paginator,
        },
    )
