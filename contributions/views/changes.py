"""Site-wide lists of changes: `/<lang>/recent-changes/` and `/<lang>/contributors/<name>/`."""

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from contributions.changes import ChangesFilterForm, describe, published_changes

PER_PAGE = 50


def recent_changes_view(request):
    """Every published change (creations, edits, restores, undos), filterable, with a feed."""
    form = ChangesFilterForm(request.GET or None)
    records = form.filter(published_changes())
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
            "changes": describe(page_obj.object_list, request),
            "page_obj": page_obj,
            "paginator": paginator,
            "extra_query": query.urlencode(),
            "feed_url": feed_url,
        },
    )


def contributor_view(request, username):
    """What one contributor changed, newest first, and how many changes in all.

    Shows the display name only: the e-mail address stays private.
    """
    contributor = get_object_or_404(get_user_model(), username=username)
    records = published_changes().filter(user=contributor)
    paginator = Paginator(records, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "contributions/contributor.html",
        {
            "contributor": contributor,
            "changes": describe(page_obj.object_list, request),
            "page_obj": page_obj,
            "paginator": paginator,
        },
    )
