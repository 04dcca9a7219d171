"""Package discovery and the compiled catalogues, which pyproject.toml cannot express.

The Django project lives in the folder `site/` (imported as `ogpsite`, since
`site` is a stdlib module), and the folders `templates/`, `static/` and
`locale/` stay at the top of the checkout; pyproject.toml maps them into the
package (`ogpsite.templates`, ...). `packages.find` cannot rename a folder, so
the discovery is written here: every package and sub-package of the apps and
of `site/` goes into the wheel, and a new one needs no edit.

The French catalogue is committed as `.po` only; `build_py` compiles it into
the `.mo` that Django reads, so a wheel always carries both (GNU gettext's
`msgfmt`, the tool `compilemessages` runs, must be installed).
"""

import shutil
import subprocess
from pathlib import Path

from setuptools import find_namespace_packages, find_packages, setup
from setuptools.command.build_py import build_py

NOT_SHIPPED = ["tests", "tests.*", "bench", "bench.*", "docs", "docs.*", "site", "site.*"]
# Folders imported under another name (mapped in pyproject.toml's package-dir).
RENAMED = {"ogpsite": "site"}
# Folders of data files: each sub-folder is listed too, as setuptools asks.
DATA_FOLDERS = {
    "ogpsite.templates": "templates",
    "ogpsite.static": "static",
    "ogpsite.locale": "locale",
}


def below(name, folder, finder):
    return [name, *(f"{name}.{sub}" for sub in finder(folder))]


def discover():
    # The apps (top-level folders with an __init__.py) and every folder below
    # them, data folders such as pages/fixtures included.
    apps = {name.split(".")[0] for name in find_packages(exclude=NOT_SHIPPED)}
    packages = find_namespace_packages(
        include=[pattern for app in apps for pattern in (app, f"{app}.*")],
        exclude=["*.__pycache__", "*.es-plugin", "*.es-plugin.*"],
    )
    for name, folder in RENAMED.items():
        packages += below(name, folder, find_packages)
    for name, folder in DATA_FOLDERS.items():
        packages += below(name, folder, find_namespace_packages)
    return sorted(packages)


class BuildWithCatalogues(build_py):
    """Copies the packages, then compiles each `.po` beside it into its `.mo`."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout, where `make` compiles them
        msgfmt = shutil.which("msgfmt")
        catalogues = list(Path(self.build_lib).rglob("*.po"))
        if catalogues and not msgfmt:
            raise SystemExit("Building the wheel needs GNU gettext's msgfmt (apt install gettext).")
        for po in catalogues:
            subprocess.run([msgfmt, "--check-format", "-o", po.with_suffix(".mo"), po], check=True)


setup(packages=discover(), cmdclass={"build_py": BuildWithCatalogues})
