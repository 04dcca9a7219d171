"""The translation dashboard: `/<lang>/translations/`.

Four lists (missing in French / English, outdated in French / English),
each with its count, filterable by kind and topic, oldest first, each row
linking to the translate view of the version to write. Open to everyone:
readers see what is waiting, contributors pick something to translate.
"""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from contributions.translation import dashboard

PER_PAGE = 50


def translations_view(request):
    form = dashboard.DashboardFilterForm(request.GET or None, language=get_language())
    kind, topic = form.filters()
    selected = request.GET.get("list")
    if selected not in dashboard.LISTS:
        selected = f"outdated-{get_language()}"
    querysets = {}
    for key, (what, language, _label) in dashboard.LISTS.items():
        query = dashboard.missing if what == "missing" else dashboard.outdated
        querysets[key] = query(language, kind, topic)
    what, language, label = dashboard.LISTS[selected]
    paginator = Paginator(querysets[selected], PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    if what == "missing":
        rows = dashboard.missing_rows(page_obj.object_list, language, request)
    else:
        rows = dashboard.outdated_rows(page_obj.object_list, request)
    query = request.GET.copy()
    query.pop("page", None)
    filters = query.copy()
    filters.pop("list", None)
    tabs = [
        {
            "key": key,
            "label": tab_label,
            "count": paginator.count if key == selected else querysets[key].count(),
            "current": key == selected,
        }
        for key, (_what, _language, tab_label) in dashboard.LISTS.items()
    ]
    return TemplateResponse(
        request,
        "contributions/translations.html",
        {
            "form": form,
            "tabs": tabs,
            "selected": selected,
            "list_label": label,
            "list_kind": what,
            "target_language": language,
            "rows": rows,
            "page_obj": page_obj,
            "paginator": paginator,
            "extra_query": query.urlencode(),
            "filter_query": filters.urlencode(),
            "filtered": bool(kind or topic),  # a tab alone (?list=) is not a filter
        },
    )
