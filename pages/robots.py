"""`/robots.txt`: crawl the catalogue, not the machinery around it.

Entries, their discussions, the index pages, recent changes and the open data
pages are for search engines; the forms and views that exist for each entry
(edit, history and its comparisons, move, translate, protect), the search
results (an endless space of queries), the accounts, the review queue, the
admin and the API are not. App routes are translated (`/fr/recherche/`), so
they are listed as each language spells them. The sitemap is given as an
absolute URL, as the protocol requires.
"""

from django.http import HttpResponse
from django.urls import reverse

from .languages import SITE_LANGUAGES
from .localized_urls import KIND_SEGMENTS, reverse_in
from .routes import ENTRY_ROUTES

ENTRY_ROUTES_NOT_CRAWLED = ("edit", "history", "protect", "move", "translate")
VIEWS_NOT_CRAWLED = ("search", "search_suggest", "review_queue", "profile", "discussion:following")
PATHS_NOT_CRAWLED = ("/admin/", "/api/", "/language/")


def disallowed_paths():
    paths = list(PATHS_NOT_CRAWLED)
    paths += [f"/*/{ENTRY_ROUTES[name]}" for name in ENTRY_ROUTES_NOT_CRAWLED]
    for code in SITE_LANGUAGES:
        paths += [reverse_in(code, name) for name in VIEWS_NOT_CRAWLED]
        paths += [reverse_in(code, "create_entry", kwargs={"kind": kind}) for kind in KIND_SEGMENTS]
        paths.append(f"/{code}/accounts/")
    return paths


def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in disallowed_paths()]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
