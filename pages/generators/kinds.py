"""What both generators start from: the kinds of entries and their index pages."""

from pages.languages import SITE_LANGUAGES
from pages.models import (
    OrganizationIndexPage,
    OrganizationPage,
    ToolIndexPage,
    ToolPage,
    TopicIndexPage,
    TopicPage,
    UseCaseIndexPage,
    UseCasePage,
)

#: kind → (page model, index model), in the order entries are made: a kind
#: only points at kinds made before it (a tool at topics and organizations).
ENTRY_KINDS = {
    "topic": (TopicPage, TopicIndexPage),
    "organization": (OrganizationPage, OrganizationIndexPage),
    "tool": (ToolPage, ToolIndexPage),
    "use_case": (UseCasePage, UseCaseIndexPage),
}


def language_indexes(tree, kind):
    """{language: the index page of `kind`} in a tree made by pages.tree.ensure_site_tree."""
    index_model = ENTRY_KINDS[kind][1]
    return {code: tree[code][index_model] for code in SITE_LANGUAGES}
