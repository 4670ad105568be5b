"""``manage.py import_worker [--burst]``: one background worker for the importer's jobs.

Whichever backend settings.TASKS names: django-tasks-db's ``db_worker`` (the default, jobs in
the database) or, with REDIS_URL set, RQ's ``rqworker`` with django-tasks-rq's job class. Run as
many as there are CPUs to spare, on as many machines as reach the database (and Redis).
"""
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_tasks import default_task_backend
from django_tasks_rq import RQBackend


class Command(BaseCommand):
    help = (
        "Run one worker for the background imports: db_worker on the database backend, "
        "rqworker when REDIS_URL is set. --burst reads what is queued, then stops."
    )

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="read every job queued now, then stop")

    def handle(self, *args, burst: bool, verbosity: int, **options):
        if isinstance(default_task_backend, RQBackend):
            call_command(
                "rqworker", *default_task_backend.queues, job_class="django_tasks_rq.Job", burst=burst,
                verbosity=verbosity,
            )
        else:
            call_command(
                "db_worker", batch=burst, reload=False, startup_delay=not burst, interval=1, verbosity=verbosity,
            )
