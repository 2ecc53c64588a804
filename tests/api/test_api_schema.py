"""Schemathesis walks the OpenAPI schema with generated requests (valid ones, and ones that
break the schema): no request may get a 5xx."""

from __future__ import annotations

import os

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from rasd.api.app import create_app

EXAMPLES = int(os.environ.get("RASD_SCHEMA_EXAMPLES", "30"))


def _operations(url: str):
    app = create_app(url, api_key="k3y")
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_is_walked_without_a_server_error(sample_db):
    operations = _operations(sample_db)
    assert {f"{op.method.upper()} {op.path}" for op in operations} >= {
        "GET /api/v1/events", "GET /api/v1/events.geojson", "GET /api/v1/export", "GET /api/v1/events/{event_id}",
        "GET /api/v1/changes", "GET /api/v1/stats", "GET /api/v1/articles/{article_id}", "POST /api/v1/extract",
        "POST /api/v1/articles"}
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _walk(operation, mode)


def _walk(operation, mode) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def walk(case) -> None:
        case.call_and_validate(checks=[not_a_server_error])

    try:
        walk()
    except Unsatisfiable:
        # an operation whose schema leaves nothing to break (every value allowed) has no
        # negative cases; a positive case must always be possible
        if mode is not GenerationMode.NEGATIVE:
            raise
