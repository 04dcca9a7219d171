"""`/<lang>/profile/` (`/fr/profil/`): the settings a contributor changes about themself.

The display name shown beside their edits and posts, and the language of
the e-mails they get. Validation lives in contributions.services.profile.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contributions.models import DISPLAY_NAME_MAX_LENGTH
from contributions.services.profile import clean_display_name, update_profile


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=gettext_lazy("Display name"),
        required=False,
        max_length=DISPLAY_NAME_MAX_LENGTH,
        help_text=gettext_lazy(
            "Shown beside your edits and posts instead of your user name. Leave it empty "
            "to show your user name. It cannot be another contributor's name."
        ),
    )
    preferred_language = forms.ChoiceField(
        label=gettext_lazy("Language of the e-mails we send you"),
        required=False,
        choices=[("", gettext_lazy("No preference")), *settings.LANGUAGES],
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        kwargs.setdefault(
            "initial",
            {"display_name": user.public_name, "preferred_language": user.preferred_language},
        )
        super().__init__(*args, **kwargs)

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"], self.user)


@login_required
def profile_view(request):
    form = ProfileForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        update_profile(
            request.user,
            display_name=form.cleaned_data["display_name"],
            preferred_language=form.cleaned_data["preferred_language"],
        )
        messages.success(request, _("Your profile was saved."))
        return redirect("profile")
    status = 400 if form.errors else 200
    return TemplateResponse(request, "contributions/profile.html", {"form": form}, status=status)
