# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# gunicorn worker processes for `make serve`.
WORKERS ?= 3

.PHONY: run test load-test install setup clean serve backup restore

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
	$(BIN)/python manage.py create_local_admin

run: setup
	$(BIN)/python manage.py runserver $(HOST)

test: install
	$(BIN)/python -m pytest

# 50 anonymous clients for 60 s against gunicorn on PostgreSQL holding the 100 k corpus
# (BENCH_DATABASE_URL, default policytracker_bench, filled by manage.py generate_corpus).
# Not part of `make test`; figures and how to read them in docs/load-test.md.
load-test: install
	$(BIN)/python bench/load_test.py

# Production-style serving: gunicorn with the production settings, static files through
# WhiteNoise. Needs SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (PostgreSQL) in the
# environment; SECURE_SSL_REDIRECT=0 when no TLS proxy is in front. See docs/production.md.
serve: export DJANGO_SETTINGS_MODULE = policytracker.settings.production
serve: install
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "make serve: set DATABASE_URL=postgres://user@host:port/name (docs/production.md)"; exit 1;; esac
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn policytracker.wsgi --bind $(HOST) --workers $(WORKERS) --access-logfile - --error-logfile -

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
