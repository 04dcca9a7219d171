"""Editing an entry from the public site: `<entry>/edit/`."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Revision

from contributions import limits
from contributions.diff import word_diff
from contributions.forms import EntryForm, initial_from
from contributions.models import EditRecord
from contributions.permissions import can_edit
from contributions.services.compare import pending_changes
from contributions.services.editing import EditConflict, save_edit
from contributions.services.restore import RESTORE, UNDO, page_revision
from contributions.services.review import needs_review
from contributions.snapshots import TEXT, snapshot
from contributions.summaries import auto_summary, auto_summary_text
from pages.markdown import render_markdown
from pages.numbers import whole_number
from pages.routes import subpage_url


def edit_view(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_edit(request.user, page):
        raise PermissionDenied(_("Only contributors with a verified e-mail address can edit."))
    make_form = partial(EntryForm, page=page)
    reviewed = needs_review(request.user, page)
    if request.method != "POST":
        action = next((name for name in (RESTORE, UNDO) if name in request.GET), None)
        if action:
            # Restore and undo open this form pre-filled (views.restore imports
            # this module's helpers, hence the import here).
            from .restore import prefilled_edit

            return prefilled_edit(request, page, make_form, reviewed, action)
        form = make_form(
            initial={
                **initial_from(type(page), snapshot(page)),
                # What readers see: a revision waiting for review is not the base.
                "base_revision": page.live_revision_id,
            }
        )
        return render_edit_form(request, page, form, reviewed=reviewed)
    form = make_form(request.POST, request.FILES)
    source = form_source(page, request.POST)
    if source and reviewed:
        raise PermissionDenied(_("Restoring and undoing are open to established contributors."))
    conflicts = []
    preview = {}
    pending = None
    limited = False
    if form.is_valid() and "preview" in request.POST:
        preview = {
            name: render_markdown(form.cleaned_data.get(name) or "")
            for name, kind in form.field_kinds
            if kind == TEXT and name not in ("title", "summary")
        }
    elif form.is_valid() and "show_changes" in request.POST:
        pending = pending_changes(page, form.changes(store_uploads=False), request)
    elif form.is_valid() and (wait := limits.wait_before_saving("edit", request)):
        form.add_error(None, limits.limited_message(wait))
        limited = True
    elif form.is_valid():
        action, revision = source or (None, None)
        automatic = auto_summary(action, revision) if source else None
        try:
            outcome = save_edit(
                page,
                request.user,
                form.changes(),
                base_revision_id=form.cleaned_data.get("base_revision"),
                summary=typed_summary(form.cleaned_data["edit_summary"], automatic),
                minor=form.cleaned_data["minor_edit"],
                publish=not reviewed,
                kind=SOURCE_KINDS.get(action, EditRecord.Kind.EDIT),
                source_revision=revision,
                auto_summary=automatic,
            )
        except EditConflict as conflict:
            form, conflicts = merge_form(
                page,
                make_form,
                conflict,
                form.cleaned_data["edit_summary"],
                form.cleaned_data["minor_edit"],
                source=source,
            )
        except ValidationError as error:  # a model rule the form did not know
            form.add_error(None, error)
        else:
            limits.record_saving("edit", request)
            _saved_message(request, outcome, reviewed, action)
            return redirect(page.url)
    return render_edit_form(
        request,
        page,
        form,
        conflicts=conflicts,
        preview=preview,
        pending=pending,
        reviewed=reviewed,
        source=source_context(source),
        limited=limited,
    )


#: The kind of revision a restore or an undo saves, so history says "restored" / "undid".
SOURCE_KINDS = {RESTORE: EditRecord.Kind.RESTORE, UNDO: EditRecord.Kind.UNDO}


def _saved_message(request, outcome, reviewed, action):
    if outcome.merged_fields:
        messages.info(
            request,
            _(
                "Someone else changed this entry while you were editing; "
                "their changes to other fields were kept alongside yours."
            ),
        )
    if reviewed:
        messages.success(
            request,
            _(
                "Thank you! Your changes were saved and will appear once a "
                "moderator has reviewed them."
            ),
        )
    elif action == RESTORE:
        messages.success(request, _("The old revision was restored as a new revision."))
    elif action == UNDO:
        messages.success(request, _("The edit was undone."))
    else:
        messages.success(request, _("Your changes were published."))


def form_source(page, data):
    """(action, revision) when the submitted form restores or undoes a revision of `page`."""
    action, raw_id = data.get("source_action"), data.get("source_revision") or ""
    revision_id = whole_number(raw_id)
    if action not in SOURCE_KINDS or revision_id is None:
        return None
    try:
        return action, page_revision(page, revision_id)
    except Revision.DoesNotExist:
        return None


def source_context(source):
    """What the form says about the revision it restores or undoes."""
    if source is None:
        return None
    action, revision = source
    return {"action": action, "revision": revision}


def typed_summary(text, automatic):
    """The words the person added to the pre-filled automatic summary.

    The form shows the automatic summary in the edit summary box, where the
    person may add to it; it is stored as data (auto_summary), so only what
    follows it is stored as their text.
    """
    prefix = auto_summary_text(automatic)
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :].lstrip(" :;,.-–—")
    return text


def render_edit_form(
    request, page, form, *, conflicts=(), preview=None, pending=None, limited=False, **extra
):
    """The edit page; 409 while conflicts wait, 429 past a limit, 400 with errors (input kept)."""
    status = 409 if conflicts else (400 if form.is_bound and form.errors else 200)
    if limited:
        status = 429
    context = {
        "page": page,
        "form": form,
        "conflicts": conflicts,
        "preview": preview or {},
        # "Show changes": what saving would change against the current version.
        "pending": pending,
        "entry_tabs": page.entry_tabs(request),
        "active_tab": "edit",
        # Moving is open to those whose edits are published at once.
        "move_url": None if extra.get("reviewed") else subpage_url(page.url, "move"),
        "limited": limited,
        **extra,
    }
    return TemplateResponse(request, "contributions/edit.html", context, status=status)


def bound_form(page, make_form, values, **fields):
    """The form of `page` as if submitted with these snapshot `values` and extra `fields`.

    `make_form(data)` makes the form (the edit form, or the translate form).

    Bound, so that the proposal is validated and shown exactly as it will be
    saved (merge view, restore, undo).
    """
    data = QueryDict(mutable=True)
    for name, value in initial_from(type(page), values).items():
        if isinstance(value, list):
            data.setlist(name, [str(item) for item in value])
        elif isinstance(value, bool):
            data[name] = "true" if value else "false"
        elif value is not None:
            data[name] = str(value)
    for name, value in fields.items():
        if value not in (None, "", False):
            data[name] = "true" if value is True else str(value)
    form = make_form(data)
    form.is_valid()
    return form


def merge_form(page, make_form, conflict, edit_summary="", minor=False, source=None):
    """The form again, based on the newer revision: their changes merged, mine kept.

    Conflicting fields hold my value; above each, their version and a
    word-level diff from theirs to mine, so the contributor decides with
    nothing lost. Used by editing, by undo, and by restoring or undoing
    (`source`: (action, revision), kept in the form).
    """
    merged = conflict.merge.merged
    action, revision = source or ("", None)
    form = bound_form(
        page,
        make_form,
        merged,
        edit_summary=edit_summary,
        minor_edit=minor,
        base_revision=conflict.theirs_revision.pk,
        source_action=action,
        source_revision=revision and revision.pk,
    )
    theirs = snapshot(page.__class__.objects.get(pk=page.pk))
    conflicts = []
    for name in conflict.merge.conflicts:
        field = form.fields[name]
        theirs_text = _display(theirs.get(name), field)
        mine_text = _display(merged.get(name), field)
        conflicts.append(
            {
                "name": name,
                "label": field.label,
                "theirs": theirs_text,
                "mine": mine_text,
                "diff": word_diff(theirs_text, mine_text),
            }
        )
    return form, conflicts


def _display(value, field):
    """A snapshot value as text a person reads (names of related entries, not ids)."""
    if isinstance(value, tuple) and hasattr(field, "queryset"):
        titles = dict(field.queryset.filter(pk__in=value).values_list("pk", "title"))
        return ", ".join(titles.get(pk, str(pk)) for pk in value)
    if isinstance(value, tuple):
        return ", ".join(" ".join(v) if isinstance(v, tuple) else str(v) for v in value)
    return "" if value is None else str(value)
