"""Restore and undo from an entry's history (POST only, by people who may edit)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.models import Revision

from contributions.forms import entry_form_class
from contributions.permissions import can_edit
from contributions.services.editing import EditConflict
from contributions.services.restore import (
    page_revision,
    restore_revision,
    undo_changes,
    undo_revision,
)
from contributions.services.review import needs_review

from .edit import merge_form, render_edit_form


def _guard(request, page, revision_id):
    if request.method != "POST":
        return None, HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return None, redirect_to_login(page.url)
    if not can_edit(request.user, page):
        raise PermissionDenied(_("Only contributors with a verified e-mail address can edit."))
    if needs_review(request.user, page):
        raise PermissionDenied(_("Restoring and undoing are open to established contributors."))
    try:
        return page_revision(page, revision_id), None
    except Revision.DoesNotExist as error:
        raise Http404 from error


def restore_view(request, page, revision_id):
    revision, refusal = _guard(request, page, revision_id)
    if refusal:
        return refusal
    restore_revision(page, request.user, revision)
    messages.success(request, _("The old revision was restored as a new revision."))
    return redirect(page.url)


def undo_view(request, page, revision_id):
    revision, refusal = _guard(request, page, revision_id)
    if refusal:
        return refusal
    if not undo_changes(page, revision):
        messages.info(request, _("That revision changed nothing that could be undone."))
        return redirect(page.url)
    try:
        undo_revision(page, request.user, revision)
    except EditConflict as conflict:
        return _undo_merge(request, page, revision, conflict)
    messages.success(request, _("The edit was undone."))
    return redirect(page.url)


def _undo_merge(request, page, revision, conflict):
    """Later edits touched the same fields: open the edit form in merge mode."""
    summary = _("Undid revision %(id)s") % {"id": revision.pk}
    form, conflicts = merge_form(page, entry_form_class(page), conflict, summary)
    return render_edit_form(
        request,
        page,
        form,
        conflicts=conflicts,
        form_action=page.url + page.reverse_subpage("edit"),
    )
