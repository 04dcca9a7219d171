"""The catalogue's page types, re-exported so that `pages.models.ToolPage` works."""

from .base import EntryPage, IndexPage, is_entry
from .entries import OrganizationPage, ToolPage, UseCaseLink, UseCasePage
from .indexes import (
    HomePage,
    OrganizationIndexPage,
    ToolIndexPage,
    TopicIndexPage,
    UseCaseIndexPage,
)
from .topics import TopicPage

ENTRY_MODELS = (ToolPage, UseCasePage, OrganizationPage, TopicPage)
#: The index page under which the entries of each model live, in each language.
INDEX_MODELS = {
    ToolPage: ToolIndexPage,
    UseCasePage: UseCaseIndexPage,
    OrganizationPage: OrganizationIndexPage,
    TopicPage: TopicIndexPage,
}

__all__ = [
    "ENTRY_MODELS",
    "EntryPage",
    "HomePage",
    "INDEX_MODELS",
    "IndexPage",
    "OrganizationIndexPage",
    "OrganizationPage",
    "ToolIndexPage",
    "ToolPage",
    "TopicIndexPage",
    "TopicPage",
    "UseCaseIndexPage",
    "UseCaseLink",
    "UseCasePage",
    "is_entry",
]
