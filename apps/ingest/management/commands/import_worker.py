"""``manage.py import_worker [--burst]``: one background worker for the importer's jobs.

Whichever backend settings.TASKS names: django-tasks-db's ``db_worker`` (the default, jobs in
the database) or, with REDIS_URL set, RQ's ``rqworker`` with django-tasks-rq's job class. Run as
many as there are CPUs to spare, on as many machines as reach the database (and Redis).
"""
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_rq import RQBackend

# RQ's default worker forks a process per job, which would connect to the database and build the
# importer's reader (the region table, the vocabulary) again for every page; one process reading
# job after job keeps both. A failing page is caught and recorded by the job itself (apps.ingest.batches).
RQ_WORKER_CLASS = "rq.worker.SimpleWorker"


class Command(BaseCommand):
    help = (
        "Run one worker for the background imports: db_worker on the database backend, "
        "rqworker when REDIS_URL is set. --burst reads what is queued, then stops."
    )

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="read every job queued now, then stop")

    def handle(self, *args, burst: bool, verbosity: int, **options):
        # The backend itself: ``default_task_backend`` is a proxy, never an instance of its class.
        backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        if isinstance(backend, RQBackend):
            call_command(
                "rqworker", *backend.queues, job_class="django_tasks_rq.Job", worker_class=RQ_WORKER_CLASS,
                burst=burst, verbosity=verbosity,
            )
        else:
            call_command(
                "db_worker", batch=burst, reload=False, startup_delay=not burst, interval=1, verbosity=verbosity,
            )
