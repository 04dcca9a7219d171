"""Moderators' review of pending edits, from the public site."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from contributions.models import EditRecord
from contributions.permissions import is_moderator
from contributions.services.review import (
    ReviewConflict,
    approve,
    pending_records,
    reject,
)
from safety.redirects import safe_next


def review_view(request, page, revision_id):
    """POST decision=approve|reject (+ reason) on one pending revision of `page`."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not is_moderator(request.user):
        raise PermissionDenied(_("Only moderators review edits."))
    try:
        record = pending_records(page).get(revision_id=revision_id)
    except EditRecord.DoesNotExist as error:
        raise Http404 from error
    if request.POST.get("decision") == "approve":
        try:
            approve(record, request.user)
        except ReviewConflict as conflict:
            messages.error(
                request,
                _(
                    "This edit conflicts with later changes to: %(fields)s. Reject it with a "
                    "reason, or make the change yourself."
                )
                % {"fields": conflict},
            )
            return redirect(safe_next(request, page.url))
        messages.success(request, _("The edit was approved and published."))
    else:
        reject(record, request.user, request.POST.get("reason", "").strip())
        messages.success(request, _("The edit was rejected; its author will see your reason."))
    return redirect(safe_next(request, page.url))


@login_required
def review_queue_view(request):
    if not is_moderator(request.user):
        raise PermissionDenied(_("Only moderators review edits."))
    page_obj = Paginator(pending_records(), 25).get_page(request.GET.get("page"))
    return TemplateResponse(request, "contributions/review_queue.html", {"records": page_obj})


@login_required
def review_decision_view(request, revision_id):
    """The same decision, addressed by revision: a new entry waiting for review
    is not live, so it has no entry URL to hang `history/<id>/review/` on."""
    record = get_object_or_404(EditRecord, revision_id=revision_id)
    return review_view(request, record.page.specific, revision_id)
