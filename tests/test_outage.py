"""While the database is unreachable, pages answer a translated 503 with Retry-After.

Served by a real gunicorn whose database is a closed port: the outage as a
web process lives it (the session middleware and the page views all fail).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_without_database():
    port, closed = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ogpsite.settings.test",
        "DATABASE_URL": f"postgres://ogpt:ogpt@127.0.0.1:{closed}/ogpt",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "ogpsite.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    get(f"http://127.0.0.1:{port}/en/")  # the worker has loaded the site once this answers
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_an_english_page_says_503_in_english_with_retry_after(server_without_database):
    status, headers, body = get(server_without_database + "/en/")
    assert status == 503
    assert int(headers["Retry-After"]) > 0
    assert '<html lang="en">' in body
    assert "The site cannot reach its database right now." in body


def test_a_french_page_says_it_in_french(server_without_database):
    status, headers, body = get(server_without_database + "/fr/outils/")
    assert status == 503
    assert headers["Content-Language"] == "fr"
    assert '<html lang="fr">' in body
    assert "Le site ne parvient pas à joindre sa base de données" in body
