"""Paginated, sortable lists of entries for the index pages."""

from django.core.paginator import Paginator
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

SORTS = {
    "name": (Lower("title"), _("Name")),
    "updated": ("-last_published_at", _("Recently updated")),
}
DEFAULT_SORT = "name"


def page_of(queryset, per_page, number):
    """A paginator page; a first page that holds everything costs no COUNT query.

    Most topics file fewer entries than fit on a page: reading one more row
    than a page tells whether there is a second page at all.
    """
    if str(number or "1") == "1":
        rows = list(queryset[: per_page + 1])
        if len(rows) <= per_page:
            return Paginator(rows, per_page).get_page(1)
    return Paginator(queryset, per_page).get_page(number)


def paginate_entries(request, model, parent, per_page):
    sort = request.GET.get("sort", DEFAULT_SORT)
    if sort not in SORTS:
        sort = DEFAULT_SORT
    queryset = model.objects.child_of(parent).live().order_by(SORTS[sort][0], "pk")
    if hasattr(model, "logo"):
        queryset = queryset.select_related("logo")
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(request.GET.get("page"))
    return {
        "entries": page,
        "paginator": paginator,
        "sort": sort,
        "sorts": [(key, label) for key, (_field, label) in SORTS.items()],
    }
