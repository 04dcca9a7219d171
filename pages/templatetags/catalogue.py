from django import template

from pages import languages

register = template.Library()


@register.filter
def language_label(code):
    """A language code as its name in the reader's language ("zh" → "Chinese", "Chinois")."""
    return languages.language_label(code)
