"""Markdown for everything a contributor writes.

Long text is stored as Markdown source (what a wiki user edits and what
revision diffs compare) and rendered here. markdown-it-py parses with raw HTML
disabled, and nh3 cleans the result against an allow-list anyway, so no HTML
reaches a page unsanitized even if a parser bug let some through.
"""

import html
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "a", "p", "br", "hr", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody",
    "tr", "th", "td", "del", "ins",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_parser.enable("strikethrough")


def _shift_headings(tokens):
    # The page title is the only <h1>: Markdown headings start at <h2>.
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(int(token.tag[1]) + 1, 6)
            token.tag = f"h{level}"
    return tokens


@lru_cache(maxsize=4096)
def _render(source):
    tokens = _shift_headings(_parser.parse(source))
    html = _parser.renderer.render(tokens, _parser.options, {})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )


def render_markdown(source):
    """Markdown source → sanitized HTML, safe to put in a template."""
    if not source:
        return ""
    return mark_safe(_render(str(source)))


def plain_text(source, limit=None):
    """Markdown source → text without markup, for summaries and meta tags."""
    # Unescaped: templates escape it again where it is shown.
    text = html.unescape(nh3.clean(_render(str(source or "")), tags=set())).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
