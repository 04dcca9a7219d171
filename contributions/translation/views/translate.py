"""Translating an entry from the public site: `<entry>/translate/`.

The page is the version being written (say French); beside each of its
translatable fields the form shows the other version's text, read-only, and
for a field that is outdated, what changed in the other language since the
two were last brought in line (word-level diff). Saving goes through
save_edit (kind "translate"): a normal revision, with history, diffs,
restore and conflict merge, that also brings the fields in line. A field can
be marked "still accurate" without changing it.
"""

from functools import partial

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Revision

from contributions import limits
from contributions.diff import word_diff
from contributions.forms import initial_from
from contributions.models import EditRecord
from contributions.permissions import can_edit
from contributions.services.compare import pending_changes
from contributions.services.editing import EditConflict, save_edit
from contributions.services.moving import MoveError, free_slug, move_entry, suggested_slug
from contributions.services.review import needs_review
from contributions.snapshots import snapshot
from contributions.translation import state as translation
from contributions.translation.counterparts import create_untranslated_copy
from contributions.translation.forms import TranslateForm
from contributions.translation.text import address_from_name, language_name, translated_from
from contributions.views.edit import merge_form
from pages.languages import other_language
from pages.routes import subpage_url

#: Characters of unchanged text kept around each change in the diffs.
DIFF_CONTEXT = 160


def translate_view(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_edit(request.user, page):
        raise PermissionDenied(_("Only contributors with a verified e-mail address can edit."))
    other = translation.counterpart(page)
    if other is None:
        return _no_other_version(request, page)
    states = translation.field_states(page)
    reviewed = needs_review(request.user, page)
    first = any(state.status == translation.MISSING for state in states.values())
    make_form = partial(
        TranslateForm,
        page=page,
        states=states,
        other=other,
        offer_new_address=first and not reviewed,
    )
    conflicts = []
    pending = None
    limited = False
    if request.method == "POST":
        form = make_form(request.POST)
        if form.is_valid() and "show_changes" in request.POST:
            pending = pending_changes(page, form.changes(), request)
        elif form.is_valid() and (wait := limits.wait_before("edit", request)):
            form.add_error(None, limits.limited_message(wait))
            limited = True
        elif form.is_valid():
            response = _save(request, page, make_form, form, states, reviewed)
            if response is not None:
                return response
        conflicts = getattr(form, "conflicts", [])
        form = getattr(form, "merged_form", form)
    else:
        form = make_form(
            initial={
                **initial_from(type(page), snapshot(page)),
                "base_revision": page.live_revision_id,
            }
        )
    status = 409 if conflicts else (400 if form.is_bound and form.errors else 200)
    if limited:
        status = 429
    context = {
        "page": page,
        "other": other,
        "form": form,
        "rows": _rows(page, other, form, states),
        "conflicts": conflicts,
        "pending": pending,
        "reviewed": reviewed,
        "untranslated": any(s.status == translation.MISSING for s in states.values()),
        "language_name": language_name(page.locale.language_code),
        "other_language_name": language_name(other.locale.language_code),
        "entry_tabs": page.entry_tabs(request),
        "active_tab": "translate",
    }
    return TemplateResponse(request, "contributions/translate.html", context, status=status)


def _save(request, page, make_form, form, states, reviewed):
    """Publish the translation, or mark fields still accurate; a redirect, or None.

    `make_form(data)` makes the form again, for the merge after a conflict.
    """
    names = form.text_names
    values = form.changes()
    current = snapshot(page)
    changed = [name for name in names if values[name] != current[name]]
    accurate = [name for name in names if form.cleaned_data.get(f"accurate_{name}")]
    is_copy = any(state.status == translation.MISSING for state in states.values())
    if not changed and not is_copy:
        if not accurate:
            form.add_error(
                None,
                _("Nothing was saved: change a translation or mark a field as still accurate."),
            )
            return None
        translation.mark_synced(page, accurate)
        messages.success(request, _("The fields were marked as still accurate."))
        return redirect(page.url)
    synced = names if is_copy else sorted(set(changed) | set(accurate), key=names.index)
    summary = form.cleaned_data["edit_summary"] or translated_from(page.locale.language_code)
    try:
        save_edit(
            page,
            request.user,
            {name: values[name] for name in changed},
            base_revision_id=form.cleaned_data.get("base_revision"),
            summary=summary,
            kind=EditRecord.Kind.TRANSLATE,
            synced_fields=synced,
            publish=not reviewed,
        )
    except EditConflict as conflict:
        merged, form.conflicts = merge_form(
            page, make_form, conflict, form.cleaned_data["edit_summary"]
        )
        form.merged_form = merged
        return None
    except ValidationError as error:
        form.add_error(None, error)
        return None
    limits.record("edit", request)
    if reviewed:
        messages.success(
            request,
            _(
                "Thank you! Your translation was saved and will appear once a moderator "
                "has reviewed it."
            ),
        )
    else:
        messages.success(request, _("Your translation was published."))
        if form.cleaned_data.get("new_address"):
            _move_to_translated_name(request, page, values["title"])
    return redirect(page.url)


def _move_to_translated_name(request, page, title):
    slug = suggested_slug(title)
    if not slug or slug == page.slug:
        return
    slug = free_slug(page.get_parent(), slug, exclude=page)
    try:
        move_entry(page, request.user, slug, summary=address_from_name(page.locale.language_code))
    except MoveError as error:
        messages.warning(request, str(error))


def _rows(page, other, form, states):
    """For each text field: the field to write, the other language's text, the diff."""
    other_values = snapshot(other)
    base_ids = {s.synced_revision_id for s in states.values() if s.synced_revision_id}
    bases = {r.pk: r.content for r in Revision.page_revisions.filter(pk__in=base_ids)}
    rows = []
    for name in form.text_names:
        state = states[name]
        diff = None
        if state.status in (translation.OUTDATED, translation.DIVERGED):
            old = bases.get(state.synced_revision_id, {}).get(name)
            if old is not None:
                diff = word_diff(
                    old or "",
                    other_values[name],
                    context=DIFF_CONTEXT,
                    elision=lambda n: _("[… %(count)s unchanged characters …]") % {"count": n},
                )
        accurate = f"accurate_{name}"
        rows.append(
            {
                "name": name,
                "field": form[name],
                "accurate": form[accurate] if accurate in form.fields else None,
                "state": state,
                "source": other_values[name],
                "diff": diff,
                "multiline": name not in ("title", "summary"),
            }
        )
    return rows


def _no_other_version(request, page):
    """An entry with no version in the other language: offer to create it."""
    if request.method == "POST":
        copy = create_untranslated_copy(page, request.user)
        return redirect(subpage_url(copy.url, "translate"))
    return TemplateResponse(
        request,
        "contributions/translate_missing.html",
        {
            "page": page,
            "other_language_name": language_name(other_language(page.locale.language_code)),
            "entry_tabs": page.entry_tabs(request),
            "active_tab": "translate",
        },
    )
