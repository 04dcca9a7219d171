"""Production: refuses to start without its secrets.

Run with DJANGO_SETTINGS_MODULE=ogpsite.settings.production behind gunicorn;
whitenoise serves the static files collected by `manage.py collectstatic`.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool

REQUIRED = ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "SITE_URL"]
missing = [name for name in REQUIRED if not env.get(name)]
if missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(missing)
    )
if len(env["SECRET_KEY"]) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters.")

DEBUG = False
# Commands that must never run here check it (load_demo_data: its superuser's
# password is in the README).
OGPT_PRODUCTION = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# Request errors (500s) are e-mailed to ADMINS as well as printed.
# (The handler takes only ERROR records; warnings such as 404s are printed only.)
LOGGING["loggers"]["django.request"] = {"handlers": ["mail_admins"], "propagate": True}  # noqa: F405
