"""The OpenAPI document describes the API exactly: schemathesis fuzzes one against the other."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from django.core import signals
from django.db import close_old_connections
from django.urls import get_resolver

from opendata.openapi import openapi_document


@pytest.fixture
def wsgi_app(catalogue):
    """The site's WSGI application, inside the test's transaction.

    Like Django's test client, keep the request signals from closing the
    connection (which would end the test's transaction).
    """
    from ogpsite.wsgi import application

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield application
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


# Built at collection time, when the database is not open yet; the test below
# checks that /api/v1/schema/ serves exactly this document.
schema = schemathesis.openapi.from_dict(openapi_document("http://localhost"))


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_matches_the_openapi_document(case, wsgi_app):
    case.call_and_validate(app=wsgi_app)


def test_the_served_document_is_the_one_fuzzed(client):
    served = client.get("/api/v1/schema/").json()
    assert served == openapi_document("http://testserver")


def test_the_document_lists_every_route_of_the_api_and_nothing_else(client):
    document = client.get("/api/v1/schema/").json()
    documented = {path.removeprefix("/api/v1/") for path in document["paths"]}
    routes = get_resolver("opendata.urls_api").url_patterns
    served = {
        str(route.pattern).replace("<str:entry_id>", "{entry_id}").replace("<str:kind>", "{kind}")
        for route in routes
        if route.name != "not_found"
    }
    assert documented == served


def test_every_documented_operation_is_a_read(client):
    document = client.get("/api/v1/schema/").json()
    assert {method for item in document["paths"].values() for method in item} == {"get"}
