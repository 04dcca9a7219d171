from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from opendata.jsonld import TYPES, entry_jsonld, script_json

register = template.Library()


@register.simple_tag(takes_context=True)
def entry_jsonld_script(context, page):
    """`<script type="application/ld+json">` describing the entry, or nothing for other pages."""
    page = getattr(page, "specific", page)
    if type(page) not in TYPES:
        return ""
    data = entry_jsonld(page, context["request"])
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(script_json(data))
    )
