from django import template
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def language_label(code):
    """A language code as its name in the reader's language; unknown codes as they are."""
    from django.utils.translation import gettext

    try:
        return gettext(get_language_info(code)["name"])
    except KeyError:
        return code
