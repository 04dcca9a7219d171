import pytest


@pytest.fixture(autouse=True)
def trusted_contributors_by_default(settings):
    """Most tests are about established contributors; the review tests say otherwise."""
    settings.OGPT_REVIEW_FIRST_EDITS = 0


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Call a function and run what it left for after the commit (notifications,
    Wagtail's redirects), as a real request would."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run
