"""Paginated, sortable lists of entries for the index pages."""

from django.core.paginator import Paginator
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .sorting import sort_key

SORTS = {
    "name": (Lower("title"), _("Name")),
    "updated": ("-last_published_at", _("Recently updated")),
}
DEFAULT_SORT = "name"


def page_by_name(queryset, per_page, number):
    """A paginator page of `queryset` ordered by title as readers expect.

    Databases order by their collation ("Zulip" before "agora" in a binary one,
    "Écrire" after "Zoom"); readers expect case and accents ignored. Most
    topics file fewer entries than fit on a page: reading one more row than a
    page tells so in one query, and they are sorted here. Larger lists order
    ids and titles in Python (one narrow query, whatever the size), then fetch
    only the page's entries whole.
    """
    rows = list(queryset[: per_page + 1])
    if len(rows) <= per_page:
        rows.sort(key=lambda entry: (sort_key(entry.title), entry.pk))
        return Paginator(rows, per_page).get_page(1)
    ids = sorted(queryset.values_list("pk", "title"), key=lambda row: (sort_key(row[1]), row[0]))
    page = Paginator([pk for pk, _title in ids], per_page).get_page(number)
    entries = queryset.in_bulk(list(page.object_list))
    page.object_list = [entries[pk] for pk in page.object_list if pk in entries]
    return page


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
