"""Editing an entry from the public site: `<entry>/edit/`."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from contributions.diff import word_diff
from contributions.forms import entry_form_class
from contributions.permissions import can_edit
from contributions.services.editing import EditConflict, save_edit
from contributions.services.review import needs_review
from contributions.snapshots import TEXT, snapshot
from pages.markdown import render_markdown
from pages.routes import subpage_url


def edit_view(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_edit(request.user, page):
        raise PermissionDenied(_("Only contributors with a verified e-mail address can edit."))
    form_class = entry_form_class(page)
    reviewed = needs_review(request.user, page)
    conflicts = []
    preview = {}
    if request.method == "POST":
        form = form_class(request.POST, request.FILES)
        if form.is_valid() and "preview" in request.POST:
            preview = {
                name: render_markdown(form.cleaned_data.get(name) or "")
                for name, kind in form.field_kinds()
                if kind == TEXT and name not in ("title", "summary")
            }
        elif form.is_valid():
            try:
                outcome = save_edit(
                    page,
                    request.user,
                    form.changes(),
                    base_revision_id=form.cleaned_data.get("base_revision"),
                    summary=form.cleaned_data["edit_summary"],
                    minor=form.cleaned_data["minor_edit"],
                    publish=not reviewed,
                )
            except EditConflict as conflict:
                form, conflicts = merge_form(
                    page,
                    form_class,
                    conflict,
                    form.cleaned_data["edit_summary"],
                    form.cleaned_data["minor_edit"],
                )
            except ValidationError as error:  # a model rule the form did not know
                form.add_error(None, error)
            else:
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
                else:
                    messages.success(request, _("Your changes were published."))
                return redirect(page.url)
    else:
        form = form_class(
            initial={
                **form_class.initial_from(snapshot(page)),
                # What readers see: a revision waiting for review is not the base.
                "base_revision": page.live_revision_id,
            }
        )
    return render_edit_form(
        request,
        page,
        form,
        conflicts=conflicts,
        preview=preview,
        reviewed=reviewed,
        move_url=None if reviewed else subpage_url(page.url, "move"),
    )


def render_edit_form(request, page, form, *, conflicts=(), preview=None, **extra):
    """The edit page; 409 while conflicts wait, 400 with errors (input kept)."""
    status = 409 if conflicts else (400 if form.is_bound and form.errors else 200)
    context = {
        "page": page,
        "form": form,
        "conflicts": conflicts,
        "preview": preview or {},
        "entry_tabs": page.entry_tabs(request),
        "active_tab": "edit",
        **extra,
    }
    return TemplateResponse(request, "contributions/edit.html", context, status=status)


def merge_form(page, form_class, conflict, edit_summary="", minor=False):
    """The form again, based on the newer revision: their changes merged, mine kept.

    Conflicting fields hold my value; above each, their version and a
    word-level diff from theirs to mine, so the contributor decides with
    nothing lost. Used by editing and by undo.
    """
    merged = conflict.merge.merged
    data = QueryDict(mutable=True)
    for name, value in form_class.initial_from(merged).items():
        if isinstance(value, list):
            data.setlist(name, [str(item) for item in value])
        elif isinstance(value, bool):
            data[name] = "true" if value else "false"
        elif value is not None:
            data[name] = str(value)
    data["edit_summary"] = edit_summary
    if minor:
        data["minor_edit"] = "true"
    data["base_revision"] = str(conflict.theirs_revision.pk)
    form = form_class(data)
    form.is_valid()
    theirs = snapshot(page.__class__.objects.get(pk=page.pk))
    conflicts = []
    for name in conflict.merge.conflicts:
        field = form_class.base_fields[name]
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
