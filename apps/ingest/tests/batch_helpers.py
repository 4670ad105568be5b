"""Running the importer's background jobs inside a test, as a worker would."""
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Worker

from apps.demo.seeds.schema import RAW_DIR


def seed(name_prefix: str) -> bytes:
    return next(RAW_DIR.glob(f"{name_prefix}_*.txt")).read_bytes()


def run_database_worker(worker_id: str = "test-worker") -> None:
    """django-tasks-db's own worker loop, in this process (so it sees the test's transaction), until
    the queue is empty. Its command would also take over the process's signals, which only the main
    thread may do."""
    Worker(
        queue_names=["default"], interval=0, batch=True, backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False, max_tasks=None, worker_id=worker_id, excluded_queue_names=[],
    ).run()
