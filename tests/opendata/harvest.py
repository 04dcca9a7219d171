"""Helpers for the harvester tests: files written to a temporary folder, a command runner."""

import io
import json

from django.core.management import call_command


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path, file_format, *extra):
    out = io.StringIO()
    call_command(
        "import_catalogue", str(path), "--format", file_format, *extra, stdout=out, verbosity=0
    )
    return out.getvalue()


def export_json(client):
    return json.loads(b"".join(client.get("/api/v1/export/catalogue.json").streaming_content))
