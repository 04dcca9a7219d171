"""Adding an entry from the public site: `/<lang>/add/<kind>/`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from wagtail.models import Locale

from contributions import limits
from contributions.forms import CreateForm
from contributions.permissions import is_contributor
from contributions.services.editing import create_entry
from contributions.services.review import needs_review
from contributions.services.similar import similar_entries
from contributions.snapshots import apply
from pages.models import INDEX_MODELS, OrganizationPage, ToolPage, TopicPage, UseCasePage

KINDS = {
    "tool": (ToolPage, gettext_lazy("Add a tool")),
    "use-case": (UseCasePage, gettext_lazy("Add a use case")),
    "organization": (OrganizationPage, gettext_lazy("Add an organization")),
    "topic": (TopicPage, gettext_lazy("Add a topic")),
}


@login_required
def create_view(request, kind):
    if kind not in KINDS:
        raise Http404
    user = request.user
    if not is_contributor(user):
        raise PermissionDenied(
            _("Only contributors with a verified e-mail address can add entries.")
        )
    model, heading = KINDS[kind]
    locale = Locale.objects.get(language_code=get_language())
    index = INDEX_MODELS[model].objects.live().get(locale=locale)
    similar = []
    limited = False
    if request.method == "POST":
        form = CreateForm(request.POST, request.FILES, model=model, locale=locale, index=index)
        if form.is_valid():
            parent = form.cleaned_data.get("parent_theme") or index
            similar = similar_entries(model, locale, form.cleaned_data["title"])
            slug = slugify(form.cleaned_data["title"])
            if not slug:
                form.add_error("title", _("The name needs at least one letter or digit."))
            elif parent.get_children().filter(slug=slug).exists():
                form.add_error(
                    "title",
                    _("An entry with this name already exists here: choose another name."),
                )
            elif similar and not form.cleaned_data["confirm_new"]:
                pass  # show the warning; the contributor confirms or goes to the match
            elif wait := limits.wait_before_saving("create", request):
                form.add_error(None, limits.limited_message(wait))
                limited = True
            else:
                # Relations and links are held in memory by modelcluster until
                # the page is saved, so the entry is created in one revision.
                page = model(locale=locale, slug=slug)
                apply(page, form.changes())
                # A newcomer's entry waits for a moderator, like their edits.
                reviewed = needs_review(user, None)
                outcome = create_entry(
                    parent,
                    page,
                    user,
                    summary=form.cleaned_data["edit_summary"],
                    publish=not reviewed,
                )
                limits.record_saving("create", request)
                if reviewed:
                    messages.success(
                        request,
                        _(
                            "Thank you! Your new entry was saved and will appear once a "
                            "moderator has reviewed it."
                        ),
                    )
                    return redirect(index.url)
                messages.success(request, _("The entry was created. Thank you!"))
                return redirect(outcome.record.page.specific.url)
    else:
        form = CreateForm(model=model, locale=locale, index=index)
    return TemplateResponse(
        request,
        "contributions/create.html",
        {"form": form, "heading": heading, "similar": similar, "kind": kind, "limited": limited},
        status=429 if limited else 400 if form.is_bound and (form.errors or similar) else 200,
    )
