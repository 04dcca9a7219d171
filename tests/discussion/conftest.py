import pytest

from pages.models import ToolPage
from tests.factories import contributor, moderator


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


@pytest.fixture
def tool_fr(tool, entry):
    return entry(ToolPage, "consul-democracy", "fr")


@pytest.fixture
def alice(db):
    return contributor("alice")


@pytest.fixture
def bob(db):
    return contributor("bob")


@pytest.fixture
def mod(db):
    return moderator("mod")


@pytest.fixture
def discussion_url():
    def url(page):
        return page.url + page.reverse_subpage("discussion")

    return url


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the after-commit callbacks (the e-mail task) as a real commit would."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run
