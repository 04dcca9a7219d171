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

run: $(VENV)/.installed
	env -u DATABASE_URL -u ELASTICSEARCH_URL $(PY) manage.py migrate --noinput
	env -u DATABASE_URL -u ELASTICSEARCH_URL $(PY) manage.py compilemessages --ignore=.venv -v0
	env -u DATABASE_URL -u ELASTICSEARCH_URL $(PY) manage.py load_demo_data
	env -u DATABASE_URL -u ELASTICSEARCH_URL $(PY) manage.py runserver $(HOST)

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
