# OGP Toolbox — the two commands a newcomer needs:
#   make run    the site with demo data on the embedded default (SQLite), http://127.0.0.1:8000/
#   make test   the whole suite against real PostgreSQL, Elasticsearch and Chromium
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test lint format messages services-stop clean-db

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

# The embedded default: SQLite, the database search, and background tasks
# (Wagtail's search and reference indexes, e-mails) run as they are enqueued,
# so that no `db_worker` is needed beside runserver. Without that, the demo
# pages waited in the task queue and the search found nothing.
EMBEDDED := env -u DATABASE_URL -u ELASTICSEARCH_URL \
	TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend $(PY) manage.py

run: $(VENV)/.installed
	$(EMBEDDED) migrate --noinput
	$(EMBEDDED) compilemessages --ignore=.venv -v0
	$(EMBEDDED) load_demo_data
	$(EMBEDDED) search_index rebuild
	$(EMBEDDED) runserver $(HOST)

test: $(VENV)/.installed
	bin/test

lint: $(VENV)/.installed
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djhtml --check templates

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml templates

messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l fr --ignore=.venv --ignore=.services --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

services-stop:
	bin/services stop

clean-db:
	rm -f db.sqlite3
