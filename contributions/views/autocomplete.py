"""Names of entries for the relation pickers: /<lang>/entries/autocomplete/?kind=&q=."""

from django.http import JsonResponse
from django.utils.translation import get_language

from pages.models import ENTRY_MODELS

MODELS = {model.kind: model for model in ENTRY_MODELS}
LIMIT = 10


def autocomplete_view(request):
    model = MODELS.get(request.GET.get("kind", ""))
    query = request.GET.get("q", "").strip()[:100]
    if model is None or not query:
        return JsonResponse({"results": []})
    entries = (
        model.objects.live()
        .filter(locale__language_code=get_language(), title__icontains=query)
        .order_by("title")
        .values_list("pk", "title")[: LIMIT * 3]
    )
    # Names that start with the query first, then the others.
    ranked = sorted(entries, key=lambda e: (not e[1].lower().startswith(query.lower()), e[1]))
    return JsonResponse({"results": [{"id": pk, "title": t} for pk, t in ranked[:LIMIT]]})
