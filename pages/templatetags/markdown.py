from django import template

from pages.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(source):
    """Render a contributor's Markdown source as sanitized HTML."""
    return render_markdown(source)
