import pytest


@pytest.fixture(autouse=True)
def trusted_contributors_by_default(settings):
    """Most tests are about established contributors; the review tests say otherwise."""
    settings.OGPT_REVIEW_FIRST_EDITS = 0
