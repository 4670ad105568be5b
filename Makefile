# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# gunicorn worker processes for `make serve`.
WORKERS ?= 3

.PHONY: run test load-test bench install setup clean serve worker backup restore import-quality

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_regions
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py create_local_admin --address $(HOST)

# One background worker beside the development server reads the imports (apps/ingest/tasks.py);
# it stops with the server.
run: setup
	$(BIN)/python manage.py import_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST)

test: install
	$(BIN)/python -m pytest

# 50 anonymous clients for 60 s against gunicorn on PostgreSQL holding the 100 k corpus
# (BENCH_DATABASE_URL, default policytracker_bench: bench/prepare.py creates and fills it if
# needed). Not part of `make test`; figures and how to read them in docs/load-test.md.
load-test: install
	$(BIN)/python -u bench/prepare.py
	$(BIN)/python bench/load_test.py

# Latency and throughput benchmarks, each against a raw-SQL baseline (docs/performance.md), at
# BENCH_DOCS=10000|100000|1000000 documents (default 100000), each size in its own database on
# 127.0.0.1 (policytracker_bench_10k, policytracker_bench, policytracker_bench_1m; or
# BENCH_DATABASE_URL): creates and migrates it if needed, generates the corpus if it is empty,
# runs every script. `bench/curve.py` then prints the sizes side by side. About 15 minutes at
# 100 k after the corpus exists; run it on an otherwise idle machine.
BENCH_DOCS ?= 100000
export BENCH_DOCS
BENCH_SCRIPTS := explain_filters api_lists proposal_detail search ui_documents ui_scorecards proposal_grades admin_changelists review_page commitments
# The import benchmark writes into a copy of the bench database: at 1 M documents that copy is
# another 30 GB and minutes of disk, so it runs at the two smaller sizes only.
ifneq ($(BENCH_DOCS),1000000)
BENCH_SCRIPTS += import_throughput
endif
bench: install
	$(BIN)/python -u bench/prepare.py
	@for script in $(BENCH_SCRIPTS); do $(BIN)/python -u bench/$$script.py || exit 1; done

# The importer against the hand reading of the seed pages and ../shared/corpus/dev (when it is
# there): per field, the pages that have it and how many were read right. Dry run: writes nothing.
# MISTAKES=1 lists every wrong field (page → expected → got).
import-quality: install
	$(BIN)/python manage.py migrate --noinput --verbosity 0
	$(BIN)/python manage.py import_quality $(if $(MISTAKES),--mistakes)

# Production-style serving: gunicorn with the production settings, static files through
# WhiteNoise. Needs SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (PostgreSQL) in the
# environment; SECURE_SSL_REDIRECT=0 when no TLS proxy is in front. See docs/production.md.
# Imports are read by background workers, not by gunicorn: run `make worker` (same environment)
# once per CPU to spare, on this or other machines; with REDIS_URL set they share RQ's queue.
serve: export DJANGO_SETTINGS_MODULE = policytracker.settings.production
serve: install
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "make serve: set DATABASE_URL=postgres://user@host:port/name (docs/production.md)"; exit 1;; esac
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "make serve: imports wait for a worker: run 'make worker' beside it (docs/production.md)"
	$(BIN)/gunicorn policytracker.wsgi --bind $(HOST) --workers $(WORKERS) --limit-request-line 8190 --access-logfile - --error-logfile -

# One background worker for the imports with the production settings (docs/production.md).
worker: export DJANGO_SETTINGS_MODULE = policytracker.settings.production
worker: install
	$(BIN)/python manage.py import_worker

# The whole database, history included, to one file and back: make backup FILE=backups/2025-01-31.json.gz
backup: install
	@test -n "$(FILE)" || { echo "make backup FILE=path/to/backup.json.gz"; exit 1; }
	$(BIN)/python manage.py backup $(FILE)

# Into an empty, migrated database; add FORCE=1 to empty a database that holds records first.
restore: install
	@test -n "$(FILE)" || { echo "make restore FILE=path/to/backup.json.gz [FORCE=1]"; exit 1; }
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py restore $(FILE) $(if $(FORCE),--force)

clean:
	rm -rf $(VENV) db.sqlite3
