"""Development: harmless hard-coded values, never used in production."""

import contextlib

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env.get("SECRET_KEY") or "dev-only-not-secret-0gp-t00lb0x"
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
