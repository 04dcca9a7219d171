"""An entry's public history: `history/`, `history/<id>/` and `history/compare/`.

Read-only views, open to everyone: a wiki earns trust by showing who changed
what, when and why. They are not put in the anonymous page cache, since a
history changes with every edit summary and moderation decision.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from contributions.models import EditRecord
from contributions.permissions import can_edit
from contributions.services.compare import compare_revisions, compare_snapshots
from contributions.services.history import (
    CURRENT,
    PENDING,
    REJECTED,
    compare_url,
    entry_route_url,
    get_revision,
    history_rows,
    is_newer,
    newer_revision_id,
    older_revision_id,
    page_revisions,
    rejected_revision_ids,
    revision_status,
)
from contributions.services.restore import RESTORE, UNDO
from contributions.snapshots import LINKS, RELATION, TEXT, editable_fields, revision_snapshot
from pages.numbers import whole_number

from .restore import prefilled_url

PER_PAGE = 50


def _common(request, page):
    return {
        "page": page,
        "entry_tabs": page.entry_tabs(request),
        "active_tab": "history",
        "history_url": entry_route_url(page.url, "history"),
        "feed_url": reverse("history_feed", args=[page.pk]),
    }


def history_view(request, page):
    """Every revision, newest first, 50 a page, with links to compare them."""
    paginator = Paginator(page_revisions(page), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    rows = history_rows(page, page_obj.object_list)
    editable = can_edit(request.user, page)
    for row in rows:
        revision_id = row.revision.pk
        row.url = entry_route_url(page.url, "history_revision", revision_id=revision_id)
        row.prev_url = row.previous_id and compare_url(page.url, row.previous_id, revision_id)
        row.cur_url = (
            page.live_revision_id
            and row.status != CURRENT
            and compare_url(page.url, revision_id, page.live_revision_id)
        )
        row.undo_url = (
            editable
            and row.previous_id
            and row.status not in (PENDING, REJECTED)
            and prefilled_url(page, UNDO, revision_id)
        )
    return TemplateResponse(
        request,
        "contributions/history.html",
        {
            **_common(request, page),
            "rows": rows,
            "has_unpublished": any(row.status in (PENDING, REJECTED) for row in rows),
            "page_obj": page_obj,
            "paginator": paginator,
            "compare_action": entry_route_url(page.url, "history_compare"),
        },
    )


def history_revision_view(request, page, revision_id):
    """The entry as it was at one revision, in its own template, under a banner."""
    revision = get_revision(page, revision_id)
    if revision is None:
        raise Http404(_("This entry has no revision %(id)s.") % {"id": revision_id})
    old_page = revision.as_object()
    record = EditRecord.objects.filter(revision=revision).first()
    older_id = older_revision_id(page, revision)
    newer_id = newer_revision_id(page, revision)
    status = revision_status(page, revision, record, rejected_revision_ids([revision.pk]))
    live_id = page.live_revision_id
    context = old_page.get_context(request)
    context.update(_common(request, page))
    context.update(
        {
            "page": old_page,
            "self": old_page,
            "live_page": page,
            "entry_template": page.get_template(request),
            "revision": revision,
            "record": record,
            "status": status,
            "older_url": older_id
            and entry_route_url(page.url, "history_revision", revision_id=older_id),
            "newer_url": newer_id
            and entry_route_url(page.url, "history_revision", revision_id=newer_id),
            "prev_diff_url": older_id and compare_url(page.url, older_id, revision.pk),
            "cur_diff_url": live_id
            and status != CURRENT
            and compare_url(page.url, revision.pk, live_id),
            "restore_url": status != CURRENT
            and can_edit(request.user, page)
            and prefilled_url(page, RESTORE, revision.pk),
        }
    )
    return TemplateResponse(request, "contributions/history_revision.html", context)


def history_compare_view(request, page):
    """What changed between two revisions (`from` older, `to` newer), field by field.

    Either id may be left out, as in MediaWiki's "prev" and "cur" links: no
    `from` means the revision before `to`, no `to` means the current one.
    """
    context = _common(request, page)
    raw_from, raw_to = request.GET.get("from", "").strip(), request.GET.get("to", "").strip()
    for raw in (raw_from, raw_to):
        if raw and whole_number(raw) is None:
            return _compare_error(
                request, context, _("“%(value)s” is not a revision number.") % {"value": raw[:40]}
            )
    if not raw_from and not raw_to:
        return _compare_error(request, context, _("Choose two revisions to compare."))
    if not raw_to:
        raw_to = str(page.live_revision_id or page.latest_revision_id or "")
    new = get_revision(page, raw_to)
    old = get_revision(page, raw_from) if raw_from else None
    if new is None or (raw_from and old is None):
        missing = raw_to if new is None else raw_from
        return _compare_error(
            request,
            context,
            _("This entry has no revision %(id)s.") % {"id": missing},
            status=404,
        )
    if old is None:
        previous_id = older_revision_id(page, new)
        old = get_revision(page, previous_id) if previous_id else None
    if old is not None and is_newer(old, new):
        old, new = new, old
    if old is None:  # `to` is the first revision: compare with an empty entry
        comparison = compare_snapshots(
            type(page), empty_snapshot(type(page)), revision_snapshot(new), request
        )
    else:
        comparison = compare_revisions(page, old, new, request)
    revision_ids = [new.pk] + ([old.pk] if old else [])
    records = {
        record.revision_id: record
        for record in EditRecord.objects.filter(revision_id__in=revision_ids).select_related("user")
    }
    rejected = rejected_revision_ids(revision_ids)
    older_id = old and older_revision_id(page, old)
    newer_id = newer_revision_id(page, new)
    context.update(
        {
            "old": old and _side(page, old, records.get(old.pk), rejected),
            "new": _side(page, new, records.get(new.pk), rejected),
            "same": old is not None and old.pk == new.pk,
            "comparison": comparison,
            "older_diff_url": older_id and compare_url(page.url, older_id, old.pk),
            "newer_diff_url": newer_id and compare_url(page.url, new.pk, newer_id),
        }
    )
    return TemplateResponse(request, "contributions/compare.html", context)


def _side(page, revision, record, rejected_ids):
    """One revision of a comparison, with its status (current, pending, rejected or "")."""
    return {
        "revision": revision,
        "record": record,
        "url": entry_route_url(page.url, "history_revision", revision_id=revision.pk),
        "status": revision_status(page, revision, record, rejected_ids),
    }


def _compare_error(request, context, message, status=400):
    context.update({"error": message})
    return TemplateResponse(request, "contributions/compare.html", context, status=status)


def empty_snapshot(model):
    """A snapshot of an entry with nothing in it: what a first revision is compared with."""
    empty = {TEXT: "", RELATION: (), LINKS: ()}
    return {name: empty.get(kind) for name, kind in editable_fields(model)}
