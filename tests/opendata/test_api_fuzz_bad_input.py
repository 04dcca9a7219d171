"""Schemathesis sends what the OpenAPI document forbids: the API answers 4xx, never a 500.

The positive fuzzing (every answer matches the document) is in test_api_schema.py;
this one generates negative data: wrong types, out-of-range numbers, broken
dates and UUIDs, odd characters, in every parameter of every operation.
"""

import schemathesis
from hypothesis import HealthCheck, settings

from opendata.openapi import openapi_document

from .test_api_schema import wsgi_app  # noqa: F401 (the fixture)

DOCUMENT = openapi_document("http://localhost")
# Negative data needs a parameter to break: the operations without any (the
# root, the schema, the JSON export) are covered by the positive fuzzing.
WITH_PARAMETERS = [
    operation["operationId"]
    for item in DOCUMENT["paths"].values()
    for operation in item.values()
    if operation.get("parameters")
]
schema = schemathesis.openapi.from_dict(DOCUMENT).include(operation_id=WITH_PARAMETERS)
schema.config.generation.update(modes=[schemathesis.GenerationMode.NEGATIVE])


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_malformed_request_makes_the_api_fail(case, wsgi_app):  # noqa: F811
    response = case.call(app=wsgi_app)
    assert response.status_code < 500, (case.as_curl_command(), response.text[:500])
