"""Property-based run over the whole published schema: no generated request gets a 5xx.

In process, on the database the suite runs on (PostgreSQL too); tests/test_api_schemathesis_run.py
runs every check from outside against gunicorn.
"""
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import resolve
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from rest_framework.settings import api_settings
from schemathesis.generation import GenerationMode

from apps.curation.tests.api_support import API, fresh_throttle_history  # noqa: F401 (autouse fixture)
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.tests.factories import InitiativeFactory
from apps.proposals.tests.factories import ReplyFactory
from apps.targets.tests.factories import ObservationFactory, TargetFactory

# Bounded so the whole run stays well under a minute on the CI machine.
EXAMPLES_PER_OPERATION = 20
EXAMPLES_PER_LEFT_OUT_PARAMETER = 3

pytestmark = pytest.mark.django_db


@pytest.fixture
def wsgi_app(settings):
    """The project's WSGI application, serving inside the test's transaction.

    Django closes "old" connections as a request starts and finishes, which inside a
    test would end the test's transaction; Django's test client avoids that the same way.
    """
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.fixture
def some_records():
    """A few records of each kind, so generated ids sometimes hit real rows."""
    document = DocumentFactory()
    reply = ReplyFactory(document=document)
    InitiativeFactory().documents.add(document)
    TargetFactory(source_document=document)
    ObservationFactory(source_document=document)
    return reply


def accepted_query_parameters(path: str) -> set[str]:
    """What the view behind a list path reads from the query: its FilterSet, paging and format.

    A list named with its format (``targets.csv``) is not paged and takes no ``format``.
    """
    viewset = resolve(path).func.cls
    if path.endswith(".csv"):
        return set(viewset.filterset_class.base_filters)
    paginator = viewset.pagination_class
    return {
        *viewset.filterset_class.base_filters, paginator.page_query_param, paginator.page_size_query_param,
        api_settings.URL_FORMAT_OVERRIDE,
    }


def test_no_generated_request_gets_a_server_error(wsgi_app, some_records):
    schema = schemathesis.openapi.from_wsgi(API + "schema/?format=json", wsgi_app)
    failures = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 30  # list and detail of ten endpoints, and each list as CSV
    # Every parameter a view reads is in the schema, so the run below sends it.
    for operation in operations:
        if "{" not in operation.path:
            declared = {parameter.name for parameter in operation.query}
            assert declared == accepted_query_parameters(operation.path), operation.path
    sent, modes = set(), (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)

    def exercise(operation, mode, strategy, examples):
        @given(case=strategy)
        @hypothesis_settings(
            max_examples=examples, deadline=None, database=None, derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            sent.update((operation.path, mode, name) for name in case.query or {})
            response = case.call()
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, case.query, response.status_code))

        run()

    for operation in operations:
        for mode in modes:
            exercise(operation, mode, operation.as_strategy(generation_mode=mode), EXAMPLES_PER_OPERATION)
    # A parameter those examples happened to leave out gets a few requests of its own.
    for operation in operations:
        for parameter in operation.query:
            for mode in modes:
                if (operation.path, mode, parameter.name) not in sent:
                    carrying = operation.as_strategy(generation_mode=mode).filter(
                        lambda case, name=parameter.name: name in (case.query or {})
                    )
                    exercise(operation, mode, carrying, EXAMPLES_PER_LEFT_OUT_PARAMETER)

    assert failures == []
    # Each query parameter of each operation went out in valid and in invalid requests.
    unsent = [
        (operation.path, mode.value, parameter.name)
        for operation in operations for parameter in operation.query for mode in modes
        if (operation.path, mode, parameter.name) not in sent
    ]
    assert unsent == []
