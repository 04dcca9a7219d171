"""Markdown for everything a contributor writes.

Long text is stored as Markdown source (what a wiki user edits and what
revision diffs compare) and rendered here. markdown-it-py parses with raw HTML
disabled, and nh3 cleans the result against an allow-list anyway, so no HTML
reaches a page unsanitized even if a parser bug let some through.

Discussion posts also link `@username` mentions: the caller says which names
are contributors (and where their page is); the links are added to the
parsed text, never inside code or another link, before nh3 cleans the HTML.
"""

import html
import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "a", "p", "br", "hr", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody",
    "tr", "th", "td", "del", "ins",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
ALLOWED_CLASSES = {"a": {"mention"}}
URL_SCHEMES = {"http", "https", "mailto"}

#: An @username mention: after a space, a line start or an opening bracket, so
#: e-mail addresses (name@example.org) are not mentions. Trailing dots end a
#: sentence, not a name (strip them from group 1).
MENTION = re.compile(r"(?:^|(?<=[\s(\[>]))@([\w.+-]{1,150})", re.UNICODE)

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_parser.enable("strikethrough")


def _shift_headings(tokens):
    # The page title is the only <h1>: Markdown headings start at <h2>.
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(int(token.tag[1]) + 1, 6)
            token.tag = f"h{level}"
    return tokens


def mention_names(source):
    """The names mentioned in `source` (lower case, trailing dots removed)."""
    names = (name.rstrip(".") for name in MENTION.findall(source or ""))
    return {name.lower() for name in names if name}


def _mention_tokens(text, links):
    """A text token's content as text and link tokens, one link per known mention."""
    tokens, position = [], 0
    for match in MENTION.finditer(text):
        name = match.group(1).rstrip(".")
        url = links.get(name.lower())
        if not name or url is None:
            continue
        end = match.start(1) + len(name)
        if match.start() > position:
            tokens.append(Token("text", "", 0, content=text[position : match.start()]))
        tokens.append(Token("link_open", "a", 1, attrs={"href": url, "class": "mention"}))
        tokens.append(Token("text", "", 0, content=text[match.start() : end]))
        tokens.append(Token("link_close", "a", -1))
        position = end
    if position < len(text):
        tokens.append(Token("text", "", 0, content=text[position:]))
    return tokens


def _link_mentions(tokens, links):
    # Inline code and code blocks are not "text" tokens; text inside a link stays as it is.
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        children, link_depth = [], 0
        for child in token.children:
            link_depth += {"link_open": 1, "link_close": -1}.get(child.type, 0)
            if child.type == "text" and not link_depth and "@" in child.content:
                children.extend(_mention_tokens(child.content, links))
            else:
                children.append(child)
        token.children = children
    return tokens


@lru_cache(maxsize=4096)
def _render(source, mention_links=()):
    tokens = _shift_headings(_parser.parse(source))
    if mention_links:
        tokens = _link_mentions(tokens, dict(mention_links))
    html = _parser.renderer.render(tokens, _parser.options, {})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )


def render_markdown(source, mentions=None):
    """Markdown source → sanitized HTML, safe to put in a template.

    `mentions` ({lower-case name: URL}) turns those @names into links; other
    @names stay text.
    """
    if not source:
        return ""
    source = str(source)
    links = ()
    if mentions:
        links = tuple(
            sorted((name, mentions[name]) for name in mention_names(source) if name in mentions)
        )
    return mark_safe(_render(source, links))


def plain_text(source, limit=None):
    """Markdown source → text without markup, for summaries and meta tags."""
    # Unescaped: templates escape it again where it is shown.
    text = html.unescape(nh3.clean(_render(str(source or "")), tags=set())).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
