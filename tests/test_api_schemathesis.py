"""Property-based run over the whole published schema: no generated request gets a 5xx."""
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.generation import GenerationMode

from apps.curation.tests.api_support import API, fresh_throttle_history  # noqa: F401 (autouse fixture)
from apps.documents.tests.factories import DocumentFactory
from apps.initiatives.tests.factories import InitiativeFactory
from apps.proposals.tests.factories import ReplyFactory
from apps.targets.tests.factories import ObservationFactory, TargetFactory

# Bounded so the whole run stays well under a minute on the CI machine.
EXAMPLES_PER_OPERATION = 20

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


def test_no_generated_request_gets_a_server_error(wsgi_app, some_records):
    schema = schemathesis.openapi.from_wsgi(API + "schema/?format=json", wsgi_app)
    failures = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 18  # list and detail of nine endpoints

    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @hypothesis_settings(
                max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            def run(case):
                response = case.call()
                if response.status_code >= 500:
                    failures.append((case.method, case.formatted_path, case.query, response.status_code))

            run()

    assert failures == []
