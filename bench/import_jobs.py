"""The background imports' throughput, for ``bench/import_throughput.py --jobs``.

Each case is what an install does: ``manage.py import_documents FOLDER`` queues the pages as one
batch (the database backend, or RQ on a throwaway redis-server), then N ``manage.py import_worker
--burst`` processes, started together, read it and stop when the queue is empty; all with the
production settings, against the same database as the bench. Two rates are printed: over the
wall-clock time from starting the workers to the last one's exit (their start-up included), and
over the items' own span (first claim to last outcome), the rate a long-running worker keeps;
and documents per CPU second of the workers (all of them together, start-up included), the figure
that a machine shared with other work does not change much. PostgreSQL's own CPU is not in it.
"""
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.servers import production_env, redis_server  # noqa: E402

GOAL = 50  # documents per second with 2 workers on 2 cores


def _database_url(settings_dict: dict) -> str:
    return (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}"
        f"/{settings_dict['NAME']}"
    )


def _manage(env: dict, *arguments: str, **options) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, **options)


def _case(env: dict, folder: Path, workers: int) -> tuple[int, float, float]:
    """Queue the folder as a batch, read it with ``workers`` processes; (batch id, wall seconds, their CPU seconds)."""
    from apps.ingest.models import ImportBatch

    queued = _manage(env, "import_documents", str(folder), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _out, err = queued.communicate(timeout=600)
    assert queued.returncode == 0, err.decode()
    batch = ImportBatch.objects.latest("pk")
    started, cpu_before = time.perf_counter(), _children_cpu()
    processes = [
        _manage(env, "import_worker", "--burst", "--verbosity", "0", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(workers)
    ]
    for process in processes:
        process.wait(timeout=3600)
    return batch.pk, time.perf_counter() - started, _children_cpu() - cpu_before


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (the workers, once waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _span_rate(batch_id: int) -> tuple[int, float, dict]:
    from django.db.models import Count, Max, Min

    from apps.ingest.models import ImportItem

    items = ImportItem.objects.filter(batch_id=batch_id)
    states = dict(items.values_list("state").annotate(n=Count("pk")).values_list("state", "n"))
    span = items.aggregate(first=Min("claimed_at"), last=Max("finished_at"))
    seconds = (span["last"] - span["first"]).total_seconds()
    return items.count(), seconds, states


def measure(args, pages, settings_dict: dict) -> None:
    """Every backend × number of workers; one table."""
    from apps.documents.models import Document

    held = Document.objects.count()
    print(f"{5 * args.repeat} documents (5 seed pages × {args.repeat}) per case into database "
          f"{settings_dict['NAME']} holding {held:,} documents; load average before: {os.getloadavg()}")
    print("\n| backend | workers | documents/s (items' span) | documents/s (wall, start-up included) | seconds | "
          "documents per worker CPU second | load average after | goal (≥ 50/s with 2) |\n|---|---:|---:|---:|---:|---:|---|---|")
    base = production_env(DATABASE_URL=_database_url(settings_dict), ALLOWED_HOSTS="localhost")
    for backend in args.backends:
        for workers in args.job_workers:
            with tempfile.TemporaryDirectory(prefix="import-jobs-") as folder, _redis(backend) as redis_url:
                env = {**base, **({"REDIS_URL": redis_url} if redis_url else {})}
                for name, raw in pages(args.repeat, f"{time.time():.0f}-{backend}{workers}"):
                    Path(folder, name).write_bytes(raw)
                batch_id, wall, cpu = _case(env, Path(folder), workers)
            count, span, states = _span_rate(batch_id)
            assert states == {"done": count}, states
            rate = count / span
            goal = "—" if workers != 2 else ("met" if rate >= GOAL else f"missed by {GOAL - rate:.1f}/s")
            load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
            print(f"| {'database' if backend == 'db' else 'RQ (Redis)'} | {workers} | {rate:.1f} | {count / wall:.1f} | "
                  f"{wall:.0f} | {count / cpu:.1f} | {load} | {goal} |", flush=True)


class _redis:
    """A throwaway redis-server for the RQ cases; nothing for the database backend."""

    def __init__(self, backend: str):
        self.context = redis_server() if backend == "rq" else None

    def __enter__(self) -> str | None:
        return self.context.__enter__() if self.context else None

    def __exit__(self, *exc):
        return self.context.__exit__(*exc) if self.context else None
