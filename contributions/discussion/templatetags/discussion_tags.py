"""The inbox link in the site header, with the number of unread notifications.

An inclusion tag rather than a context processor: only base.html pays the
query, and only for a logged-in reader (anonymous pages, which the page cache
stores, render nothing here, so no per-user bit can leak into the cache).
"""

from django import template

from contributions.permissions import is_moderator

from ..models import Report
from ..services.follows import unread_count

register = template.Library()


@register.inclusion_tag("discussion/includes/inbox_link.html", takes_context=True)
def inbox_link(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    reports = None
    if is_moderator(user):
        reports = Report.objects.filter(outcome=Report.Outcome.OPEN).count()
    return {"show": True, "unread": unread_count(user), "reports": reports}
