"""Every environment variable the code reads is documented in the README.

An operator configures the site from the README's Configuration table; a
setting read from the environment but missing there is a setting nobody sets.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = [
    "site",
    "pages",
    "contributions",
    "discussion",
    "search",
    "opendata",
    "worker",
    "throttling",
]
READ = re.compile(
    r"""(?:env(?:_bool|_list|_int)?(?:\.get)?|environ(?:\.get)?)\(\s*["']([A-Z][A-Z0-9_]+)["']"""
    r"""|environ\[["']([A-Z][A-Z0-9_]+)["']\]"""
)


def variables_read():
    names = set()
    for folder in CODE:
        for path in (ROOT / folder).rglob("*.py"):
            for match in READ.finditer(path.read_text(encoding="utf-8")):
                names.add(match.group(1) or match.group(2))
    return names


def test_the_scan_finds_the_settings_variables():
    assert {
        "SECRET_KEY",
        "OGPT_DATA_DIR",
        "ELASTICSEARCH_URL",
        "TRUSTED_PROXIES",
    } <= variables_read()


def test_every_variable_read_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(name for name in variables_read() if f"`{name}`" not in readme)
    assert missing == []
