"""Running the importer's background jobs inside a test, as a worker would."""
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from apps.demo.seeds.schema import RAW_DIR


def seed(name_prefix: str) -> bytes:
    return next(RAW_DIR.glob(f"{name_prefix}_*.txt")).read_bytes()


def run_database_worker(worker_id: str = "test-worker") -> None:
    """django-tasks-db's worker in this process (so it sees the test's transaction) until the queue
    is empty: its own claim and ``run_task``. ``Worker.run`` itself would also close the connection
    between jobs (``close_old_connections`` closes one inside a transaction), which is the test's."""
    worker = Worker(
        queue_names=["default"], interval=0, batch=True, backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False, max_tasks=None, worker_id=worker_id, excluded_queue_names=[],
    )
    while True:
        with exclusive_transaction():
            task_result = DBTaskResult.objects.ready().filter(backend_name=DEFAULT_TASK_BACKEND_ALIAS).get_locked()
            if task_result is not None:
                task_result.claim(worker_id)
        if task_result is None:
            return
        worker.run_task(task_result)
