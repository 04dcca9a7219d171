"""Small pieces of wiki history shown in many places (history, diffs, recent changes, feeds)."""

from datetime import datetime

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from contributions.services.history import entry_route_url, live_revision
from contributions.summaries import summary_text

register = template.Library()


@register.filter
def edit_summary(record):
    """An EditRecord's summary in the reader's language (see contributions.summaries)."""
    return summary_text(record)


@register.filter
def day(value):
    """A date as a reader says it: "3 December 2026", "3 décembre 2026" (local time)."""
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    # The format is translated so that each language orders day, month and year its way.
    return date_format(value, pgettext("date format of a day, see Django's date filter", "j F Y"))


@register.simple_tag
def last_edit(page):
    """{"user", "date", "history_url"} of the live revision of an entry, or None.

    For the "Last edited by X on <date>" line of entry pages: one query. Pages
    are cached for anonymous readers until the next publish (pages.cache),
    which is also when this line changes.
    """
    revision = live_revision(page)
    if revision is None:
        return None
    return {
        "user": revision.user,
        "date": revision.created_at,
        "history_url": entry_route_url(page.url, "history"),
    }


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
