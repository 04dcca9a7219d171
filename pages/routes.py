"""Sub-routes that every entry page reserves, filled in by other apps.

Entry pages own their URLs (`<entry>/edit/`, `<entry>/history/` ...) but not
what happens there: wiki editing, history, translation and discussion belong to
`contributions`. That app registers its views here when it starts, so that the
page models never import it (the dependency points one way only).
"""

import re

from django.http import Http404

ENTRY_ROUTES = {
    # name: URL pattern below the entry's URL
    "edit": "edit/",
    "history": "history/",
    "history_compare": "history/compare/",
    "history_revision": "history/<int:revision_id>/",
    "history_restore": "history/<int:revision_id>/restore/",
    "history_undo": "history/<int:revision_id>/undo/",
    "history_review": "history/<int:revision_id>/review/",
    "protect": "protect/",
    "move": "move/",
    "translate": "translate/",
    "discussion": "discussion/",
}

_views = {}
_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def subpage_url(entry_url, name, **kwargs):
    """The URL of the sub-route `name` of the entry whose URL is `entry_url`.

    The same as `entry_url + page.reverse_subpage(name, kwargs=kwargs)`, from
    the URL alone: lists of base `Page` objects (which have no routes) link
    to the same addresses as the entry pages do.
    """
    return entry_url + _PARAMETER.sub(lambda m: str(kwargs[m.group(1)]), ENTRY_ROUTES[name])


def register_entry_view(name, view):
    """Attach `view(request, page, **kwargs)` to the entry sub-route `name`."""
    if name not in ENTRY_ROUTES:
        raise KeyError(f"Unknown entry route {name!r}; known: {sorted(ENTRY_ROUTES)}")
    _views[name] = view


def dispatch(name, request, page, **kwargs):
    view = _views.get(name)
    if view is None:
        raise Http404(f"The {name} view is not available.")
    return view(request, page, **kwargs)


def is_available(name):
    return name in _views
