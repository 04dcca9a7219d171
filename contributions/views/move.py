"""Renaming an entry in one language: `<entry>/move/` (see services.moving).

A page of its own, as MediaWiki's "Move": changing an address is rarer and
weightier than an edit (links from elsewhere point at it), so it is not one
more field of the edit form. Only contributors whose edits are published
directly may move an entry: a move is not something a moderator can merge
later, and a protected entry is moved by moderators only.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contributions.permissions import can_edit
from contributions.services.moving import MoveError, check_slug, move_entry, suggested_slug
from contributions.services.review import needs_review


class MoveForm(forms.Form):
    slug = forms.CharField(
        label=gettext_lazy("New address"),
        max_length=255,
        help_text=gettext_lazy(
            "The last part of the address: lower-case letters without accents, digits and "
            "hyphens, e.g. consultation-tool."
        ),
    )
    summary = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=500,
        required=False,
        help_text=gettext_lazy("Shown in the history, e.g. “English name”."),
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page

    def clean_slug(self):
        slug = self.cleaned_data["slug"].strip()
        try:
            check_slug(self.page, slug)
        except MoveError as error:
            raise forms.ValidationError(str(error)) from error
        return slug


def move_view(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_edit(request.user, page):
        raise PermissionDenied(_("Only contributors with a verified e-mail address can edit."))
    if needs_review(request.user, page):
        raise PermissionDenied(
            _("Only moderators can move a protected entry.")
            if page.locked
            else _("You can move entries once your first edits have been reviewed.")
        )
    if request.method == "POST":
        form = MoveForm(request.POST, page=page)
        if form.is_valid():
            try:
                move_entry(
                    page,
                    request.user,
                    form.cleaned_data["slug"],
                    summary=form.cleaned_data["summary"],
                )
            except MoveError as error:  # taken meanwhile by someone else's move
                form.add_error("slug", str(error))
            else:
                messages.success(
                    request,
                    _("The entry was moved to its new address; the old address leads here."),
                )
                return redirect(page.url)
    else:
        form = MoveForm(page=page, initial={"slug": page.slug})
    parent_url = page.get_parent().get_url(request) or ""
    suggestion = suggested_slug(page.title)
    context = {
        "page": page,
        "form": form,
        "parent_url": request.build_absolute_uri(parent_url),
        "suggestion": suggestion if suggestion != page.slug else "",
        "entry_tabs": page.entry_tabs(request),
        "active_tab": "move",
    }
    status = 400 if form.is_bound and form.errors else 200
    return TemplateResponse(request, "contributions/move.html", context, status=status)
