"""The search page, /<lang>/search/."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from pages.models import ENTRY_MODELS

from . import services

MAX_QUERY_LENGTH = 200
SEARCHABLE = ENTRY_MODELS


def search_view(request):
    # Over-long or odd queries are cut, never refused: a search page never errors.
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = services.find(query, get_language(), SEARCHABLE, limit=100) if query else None
    page = Paginator(results.hits if results else [], 20).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": results, "hits": page, "extra_query": urlencode({"q": query})},
    )
