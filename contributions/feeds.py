"""Atom feeds of changes: the whole site's, and one entry's history.

Feed readers are how people watch a wiki without visiting it. The site feed
takes the same filters as the recent changes page (same query string), so it
holds published changes only unless the review status filter asks for edits
waiting for review or rejected, which are then marked in their titles. An
entry's feed, like its readers, only sees what was published.
Django's Feed objects are shared between requests, so what depends on the
request is computed in get_object()/items(), never stored on `self`.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.models import Page

from contributions.changes import (
    ChangesFilterForm,
    all_changes,
    changes_description,
    describe,
    published_changes,
)
from contributions.services.history import entry_route_url
from contributions.summaries import summary_text
from contributions.templatetags.history import size_change
from pages.models import is_entry

ITEMS = 50


class ChangesFeed(Feed):
    """What both feeds share: one item per change."""

    feed_type = Atom1Feed

    def item_title(self, record):
        title = f"{record.page.title} · {record.get_kind_display()}"
        if record.unpublished_label:
            title = f"[{record.unpublished_label}] {title}"
        summary = summary_text(record)
        return f"{title}: {summary}" if summary else title

    def item_description(self, record):
        return format_html(
            "<p>{}</p><p>{} · {}</p>",
            summary_text(record) or _("no summary"),
            record.user.display_name if record.user else _("unknown contributor"),
            size_change(record.size_delta),
        )

    def item_link(self, record):
        return record.diff_url

    def item_guid(self, record):
        return f"{record.diff_url}#edit-{record.pk}"

    def item_author_name(self, record):
        return record.user.display_name if record.user else None

    def item_pubdate(self, record):
        return record.created_at

    def item_updateddate(self, record):
        return record.created_at

    def item_categories(self, record):
        return [record.entry_kind, record.kind]


class RecentChangesFeed(ChangesFeed):
    def get_object(self, request):
        return {"request": request, "form": ChangesFilterForm(request.GET or None)}

    def title(self, obj):
        return _("Recent changes · OGP Toolbox")

    def subtitle(self, obj):
        return changes_description(obj["form"].review_status)

    def link(self, obj):
        query = obj["request"].GET.urlencode()
        return reverse("recent_changes") + (f"?{query}" if query else "")

    def items(self, obj):
        records = obj["form"].filter(all_changes())[:ITEMS]
        return describe(records, obj["request"])


class EntryHistoryFeed(ChangesFeed):
    def get_object(self, request, page_id):
        page = Page.objects.live().filter(pk=page_id).first()
        if page is None or not is_entry(page):
            raise Http404(_("No entry has this number."))
        return {"request": request, "page": page.specific}

    def title(self, obj):
        return _("History of %(title)s · OGP Toolbox") % {"title": obj["page"].title}

    def subtitle(self, obj):
        return _("Every change published on this entry.")

    def link(self, obj):
        return entry_route_url(obj["page"].url, "history")

    def items(self, obj):
        records = published_changes().filter(page=obj["page"])[:ITEMS]
        return describe(records, obj["request"])
