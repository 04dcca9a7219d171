"""Editing an entry from the public site: `<entry>/edit/`."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from contributions.diff import word_diff
from contributions.forms import entry_form_class
from contributions.permissions import can_edit
from contributions.services.editing import EditConflict, save_edit
from contributions.snapshots import TEXT, snapshot
from pages.markdown import render_markdown


def edit_view(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_edit(request.user, page):
        raise PermissionDenied(_("This entry is protected: only moderators can edit it."))
    form_class = entry_form_class(page)
    conflicts = []
    preview = {}
    if request.method == "POST":
        form = form_class(request.POST)
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
                )
            except EditConflict as conflict:
                form, conflicts = _merge_form(page, form_class, form, conflict)
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
                messages.success(request, _("Your changes were published."))
                return redirect(page.url)
    else:
        form = form_class(
            initial={
                **form_class.initial_from(snapshot(page)),
                "base_revision": page.latest_revision_id,
            }
        )
    return TemplateResponse(
        request,
        "contributions/edit.html",
        {
            "page": page,
            "form": form,
            "conflicts": conflicts,
            "preview": preview,
            "entry_tabs": page.entry_tabs(request),
            "active_tab": "edit",
        },
        status=409 if conflicts else (400 if form.is_bound and form.errors else 200),
    )


def _merge_form(page, form_class, form, conflict):
    """The form again, based on the newer revision: their changes merged, mine kept.

    Conflicting fields hold my text; above each, their version and a word-level
    diff from theirs to mine, so the contributor decides with nothing lost.
    """
    theirs = snapshot(page.__class__.objects.get(pk=page.pk))
    merged = conflict.merge.merged
    data = form.data.copy()
    for name, value in form_class.initial_from(merged).items():
        if name in conflict.merge.conflicts:
            continue  # keep exactly what the contributor typed
        if isinstance(value, list):
            data.setlist(name, [str(v) for v in value])
        else:
            data[name] = "" if value is None else str(value)
    data["base_revision"] = str(conflict.theirs_revision.pk)
    new_form = form_class(data)
    new_form.is_valid()
    conflicts = []
    for name in conflict.merge.conflicts:
        theirs_value = theirs.get(name)
        mine_value = merged.get(name)
        conflicts.append(
            {
                "name": name,
                "label": form_class.base_fields[name].label,
                "theirs": _display(theirs_value, form_class.base_fields[name]),
                "mine": _display(mine_value, form_class.base_fields[name]),
                "diff": word_diff(
                    _display(theirs_value, form_class.base_fields[name]),
                    _display(mine_value, form_class.base_fields[name]),
                ),
            }
        )
    return new_form, conflicts


def _display(value, field):
    """A snapshot value as text a person reads (names of related entries, not ids)."""
    if isinstance(value, tuple) and hasattr(field, "queryset"):
        titles = dict(field.queryset.filter(pk__in=value).values_list("pk", "title"))
        return ", ".join(titles.get(pk, str(pk)) for pk in value)
    if isinstance(value, tuple):
        return ", ".join(" ".join(v) if isinstance(v, tuple) else str(v) for v in value)
    return "" if value is None else str(value)
