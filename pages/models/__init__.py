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

__all__ = [
    "ENTRY_MODELS",
    "EntryPage",
    "HomePage",
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
