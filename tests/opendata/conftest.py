import pytest


@pytest.fixture(autouse=True)
def generous_rate_limit(settings):
    """Tests call the API many times; the rate-limit tests set their own limit."""
    settings.OGPT_API_RATE_LIMIT = "100000/60"


@pytest.fixture
def api(client, catalogue):
    """GET an API path and return the response (the catalogue loaded)."""

    def get(path, **headers):
        return client.get(path, headers=headers)

    return get
