"""Forms of the talk pages, with errors written for the person posting.

An invalid or rate-limited post is shown again with the text as typed, and
the error says what to do, so nobody loses a long message.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from contributions import limits
from pages.text import NormalisedInput

from .models import POST_MAX_LENGTH, TITLE_MAX_LENGTH, EmailPreference

BODY_HELP = _(
    "Markdown: **bold**, *italic*, [link](https://…), > quote. Mention someone with @username."
)


class PostForm(NormalisedInput, forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=BODY_HELP,
        # The limit is checked in clean_body, for an error that gives the numbers.
        required=False,
        strip=True,
    )

    def __init__(self, *args, user=None, request=None, check_rate=True, **kwargs):
        """`request` (a POST) for the posting limits (contributions.limits, "post")."""
        self.user = user
        self.request = request
        self.check_rate = check_rate
        super().__init__(*args, **kwargs)

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not body:
            raise forms.ValidationError(
                _("Your message is empty. Write something before posting."), code="empty"
            )
        if len(body) > POST_MAX_LENGTH:
            raise forms.ValidationError(
                _(
                    "Your message is too long: %(length)s characters, at most %(limit)s. "
                    "Shorten it or split it into several posts."
                ),
                code="too_long",
                params={"length": len(body), "limit": POST_MAX_LENGTH},
            )
        return body

    def clean(self):
        cleaned = super().clean()
        if (
            self.check_rate
            and self.request is not None
            and limits.wait_before("post", self.request) is not None
        ):
            self.rate_limited = True
            raise forms.ValidationError(
                _(
                    "You are posting too quickly. Wait a minute, then send again: "
                    "your text is kept below."
                ),
                code="rate_limited",
            )
        return cleaned


class ThreadForm(PostForm):
    title = forms.CharField(label=_("Topic"), max_length=TITLE_MAX_LENGTH, required=False)
    field_order = ["title", "body"]

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give the topic a title."), code="empty")
        return title


class EditPostForm(PostForm):
    reason = forms.CharField(
        label=_("Reason for the edit"),
        max_length=300,
        required=False,
        help_text=_("Shown in the post's history, e.g. “fixed a typo”."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("check_rate", False)
        super().__init__(*args, **kwargs)


class ReportForm(NormalisedInput, forms.Form):
    reason = forms.CharField(
        label=_("Why should moderators look at this post?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        required=False,
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(
                _("Say what is wrong with the post, so moderators can judge."), code="empty"
            )
        return reason


class HideForm(NormalisedInput, forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to moderators)"), max_length=500, required=False
    )


class EmailPreferenceForm(forms.ModelForm):
    class Meta:
        model = EmailPreference
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
