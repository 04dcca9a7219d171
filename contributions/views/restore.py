"""Restore and undo from an entry's history: the edit form, pre-filled.

`<entry>/edit/?restore=<id>` and `?undo=<id>` open the ordinary edit form
with the proposed result, its differences from the current version shown at
once, and the automatic summary in the summary box. Nothing is saved until
the contributor saves the form (see views.edit). The older addresses
`history/<id>/restore/` and `history/<id>/undo/` lead there.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.models import Revision

from contributions.services.compare import pending_changes
from contributions.services.restore import (
    RESTORE,
    UNDO,
    kept_text_note,
    page_revision,
    restore_proposal,
    undo_proposal,
)
from contributions.summaries import auto_summary, auto_summary_text
from pages.numbers import whole_number
from pages.routes import subpage_url

from .edit import bound_form, merge_form, render_edit_form, source_context


def prefilled_url(page, action, revision_id):
    return f"{subpage_url(page.url, 'edit')}?{action}={revision_id}"


def restore_view(request, page, revision_id):
    """The former one-click restore: now the pre-filled edit form, nothing saved."""
    return _see_other(prefilled_url(page, RESTORE, revision_id))


def undo_view(request, page, revision_id):
    return _see_other(prefilled_url(page, UNDO, revision_id))


def _see_other(url):
    # 303: a POST from an old page or bookmark becomes a GET of the form.
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def prefilled_edit(request, page, make_form, reviewed, action):
    """The edit form holding the restored or undone entry (GET, from the history)."""
    if reviewed:
        raise PermissionDenied(_("Restoring and undoing are open to established contributors."))
    raw_id = request.GET.get(action, "")
    try:
        revision = page_revision(page, whole_number(raw_id))
    except Revision.DoesNotExist as error:
        raise Http404(_("This entry has no revision %(id)s.") % {"id": raw_id[:20]}) from error
    proposal = (restore_proposal if action == RESTORE else undo_proposal)(page, revision)
    if proposal.nothing_to_undo:
        messages.info(request, _("That revision changed nothing that could be undone."))
        return redirect(page.url)
    summary = auto_summary_text(auto_summary(action, revision))
    source = (action, revision)
    conflicts = []
    if proposal.conflict is not None:
        form, conflicts = merge_form(page, make_form, proposal.conflict, summary, source=source)
    else:
        form = bound_form(
            page,
            make_form,
            proposal.values,
            edit_summary=summary,
            base_revision=page.live_revision_id,
            source_action=action,
            source_revision=revision.pk,
        )
    labels = [form.fields[name].label for name in proposal.kept_text]
    return render_edit_form(
        request,
        page,
        form,
        conflicts=conflicts,
        pending=pending_changes(page, proposal.values, request),
        reviewed=reviewed,
        source=source_context(source),
        kept_text_note=kept_text_note(page, labels) if labels else "",
        form_action=subpage_url(page.url, "edit"),
    )
