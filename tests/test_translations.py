"""The French interface catalogue is complete, valid, and in step with the code.

No database needed. The catalogue checked is the committed
locale/fr/LC_MESSAGES/django.po; the strings of the code are extracted by
Django's own `makemessages`, run on a temporary copy of the sources (the .py,
.html and .txt files `make messages` reads), so the committed catalogue is never
touched. A canary template added to that copy proves the extraction really sees
new strings. When a test below fails, run `make messages`, translate what it
added (and drop any `#, fuzzy` flag after checking), then `compilemessages`.
"""

import ast
import os
import re
import shutil
import subprocess
from fnmatch import fnmatch
from io import StringIO
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

ROOT = Path(settings.BASE_DIR)
PO_FILE = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
# The same scope as `make messages`.
IGNORE_PATTERNS = [".venv", ".services", "search/es-plugin"]
SOURCE_EXTENSIONS = {".py", ".html", ".txt"}
CANARY = "Canary string from tests/test_translations.py"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdifr]|%[sdifr]|\{\{?\s*\w+\s*\}?\}")

# A few strings a French reader meets on every page.
KEY_STRINGS = {
    "Skip to main content": "Aller au contenu principal",
    "Source code": "Code source",
    "Use cases": "Cas d'usage",
    "Topics": "Thématiques",
    "Log in": "Se connecter",
    "Sign up": "S'inscrire",
    "Edit": "Modifier",
    "History": "Historique",
}


# ------------------------------------------------------------------ parsing ---
def parse_po(path):
    """Entries of a .po file as dicts: msgctxt, msgid, msgid_plural, msgstr (list), flags.

    Enough of the format for files written by gettext's own tools; the header
    (empty msgid) and obsolete `#~` entries are left out.
    """
    entries, entry, field = [], None, None

    def new_entry():
        return {"msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": {}, "flags": set()}

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        starts_entry = line.startswith(("#", "msgctxt", "msgid "))
        if entry is None or (starts_entry and entry["msgstr"]):
            entry, field = new_entry(), None
            entries.append(entry)
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if isinstance(field, int):
                entry["msgstr"][field] += value
            else:
                entry[field] += value
        else:
            keyword, quoted = line.split(None, 1)
            value = ast.literal_eval(quoted)
            index = re.fullmatch(r"msgstr(?:\[(\d+)\])?", keyword)
            if index:
                field = int(index.group(1) or 0)
                entry["msgstr"][field] = value
            else:
                field = keyword
                entry[field] = value
    return [
        {**e, "msgstr": [e["msgstr"][i] for i in sorted(e["msgstr"])]}
        for e in entries
        if e["msgid"]  # the header
    ]


def key(entry):
    return (entry["msgctxt"], entry["msgid"], entry["msgid_plural"])


def describe(keys):
    return "\n".join(
        f"  {msgid!r}" + (f" (context {ctxt!r})" if ctxt else "") for ctxt, msgid, _ in sorted(keys)
    )


# ----------------------------------------------------------------- fixtures ---
@pytest.fixture(scope="module")
def committed():
    assert PO_FILE.exists(), f"{PO_FILE} is missing: run `make messages`"
    return parse_po(PO_FILE)


def ignored(relative):
    return any(part.startswith(".") for part in relative.parts) or any(
        fnmatch(str(relative), pattern) or fnmatch(relative.name, pattern)
        for pattern in IGNORE_PATTERNS
    )


def copy_sources(destination):
    """Copy the files makemessages reads; leave out what it ignores and the big trees."""
    skipped_roots = {Path(p).resolve() for p in (settings.STATIC_ROOT, settings.MEDIA_ROOT) if p}
    for dirpath, dirnames, filenames in os.walk(ROOT):
        current = Path(dirpath)
        dirnames[:] = [
            name
            for name in dirnames
            if not ignored((current / name).relative_to(ROOT))
            and (current / name).resolve() not in skipped_roots
            and name not in ("locale", "node_modules", "__pycache__")
        ]
        for name in filenames:
            source = current / name
            if source.suffix in SOURCE_EXTENSIONS and not ignored(source.relative_to(ROOT)):
                target = destination / source.relative_to(ROOT)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The messages `make messages` would find in the code today, plus the canary."""
    copy = tmp_path_factory.mktemp("makemessages")
    copy_sources(copy)
    canary = copy / "templates" / "zz_translation_canary.html"
    canary.parent.mkdir(exist_ok=True)
    canary.write_text('{% load i18n %}<p>{% translate "' + CANARY + '" %}</p>\n')
    (copy / "locale").mkdir()
    previous = os.getcwd()
    os.chdir(copy)
    try:
        with override_settings(LOCALE_PATHS=[str(copy / "locale")]):
            call_command(
                "makemessages",
                locale=["fr"],
                ignore_patterns=IGNORE_PATTERNS,
                no_obsolete=True,
                verbosity=0,
                stdout=StringIO(),
            )
    finally:
        os.chdir(previous)
    return parse_po(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po")


# -------------------------------------------------------------------- tests ---
def test_extraction_sees_a_newly_added_template_string(extracted):
    assert CANARY in {entry["msgid"] for entry in extracted}


def test_every_message_of_the_code_is_in_the_catalogue(extracted, committed):
    missing = {key(e) for e in extracted if e["msgid"] != CANARY} - {key(e) for e in committed}
    assert not missing, (
        "Not in locale/fr/LC_MESSAGES/django.po (run `make messages` and translate them):\n"
        + describe(missing)
    )


def test_the_catalogue_has_no_message_the_code_no_longer_uses(extracted, committed):
    stale = {key(e) for e in committed} - {key(e) for e in extracted}
    assert not stale, "No longer in the code (run `make messages`):\n" + describe(stale)


def test_every_message_is_translated_and_none_is_fuzzy(committed):
    untranslated = {key(e) for e in committed if not all(e["msgstr"])}
    fuzzy = {key(e) for e in committed if "fuzzy" in e["flags"]}
    assert not untranslated, "Untranslated:\n" + describe(untranslated)
    assert not fuzzy, "Fuzzy (check, then remove the flag):\n" + describe(fuzzy)


def test_plural_messages_have_both_french_forms(committed):
    plurals = [e for e in committed if e["msgid_plural"]]
    assert plurals
    assert all(len(e["msgstr"]) == 2 for e in plurals)


def test_placeholders_are_kept_exactly(committed):
    wrong = {}
    for entry in committed:
        expected = sorted(PLACEHOLDER.findall(entry["msgid"]))
        for msgstr in entry["msgstr"]:
            if sorted(PLACEHOLDER.findall(msgstr)) != expected:
                wrong[entry["msgid"]] = msgstr
    assert not wrong, wrong


def test_msgfmt_accepts_the_catalogue():
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt is missing: install GNU gettext (Debian: apt-get install gettext)"
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", os.devnull, str(PO_FILE)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    assert "translated message" in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "warning" not in result.stderr, result.stderr


def test_key_strings_are_french_through_django():
    hint = " (is the catalogue compiled? `manage.py compilemessages --ignore=.venv`)"
    translate, translate_plural = translation.gettext, translation.ngettext
    with translation.override("fr"):
        for english, french in KEY_STRINGS.items():
            assert translate(english) == french, english + hint
        singular, plural = "%(counter)s result", "%(counter)s results"
        assert translate_plural(singular, plural, 0) % {"counter": 0} == "0 résultat", hint
        assert translate_plural(singular, plural, 1) % {"counter": 1} == "1 résultat", hint
        assert translate_plural(singular, plural, 3) % {"counter": 3} == "3 résultats", hint
    with translation.override("en"):
        assert translate("Skip to main content") == "Skip to main content"
