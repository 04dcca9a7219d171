"""Small pieces of wiki history shown in many places (history, diffs, recent changes, feeds)."""

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from contributions.summaries import summary_text

register = template.Library()


@register.filter
def edit_summary(record):
    """An EditRecord's summary in the reader's language (see contributions.summaries)."""
    return summary_text(record)


@register.simple_tag
def size_change(delta):
    """+12 / −12 / 0, coloured, and said in words for screen readers (colour is not enough)."""
    if delta is None:
        return format_html(
            '<span class="muted" title="{}"><span aria-hidden="true">—</span>'
            '<span class="visually-hidden">{}</span></span>',
            _("size change unknown"),
            _("size change unknown"),
        )
    amount = number_format(abs(delta), force_grouping=True)
    words = ngettext("%(count)s character", "%(count)s characters", abs(delta)) % {"count": amount}
    if delta > 0:
        sign, css, said = "+", "size-plus", _("%(words)s added") % {"words": words}
    elif delta < 0:
        sign, css, said = "−", "size-minus", _("%(words)s removed") % {"words": words}
    else:
        sign, css, said = "", "size-same", _("no change in size")
    return format_html(
        '<span class="size-change {}" title="{}"><span aria-hidden="true">{}{}</span>'
        '<span class="visually-hidden">{}</span></span>',
        css,
        said,
        sign,
        amount,
        said,
    )


@register.simple_tag
def contributor_link(user):
    """A contributor's display name linked to their contributions (never their e-mail)."""
    if user is None:
        return format_html('<span class="muted">{}</span>', _("unknown contributor"))
    return format_html(
        '<a href="{}">{}</a>',
        reverse("contributor", args=[user.get_username()]),
        user.display_name,
    )
