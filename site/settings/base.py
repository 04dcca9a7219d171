"""Settings shared by every environment.

Everything that differs between a laptop, CI and production is read from the
environment. With nothing set, the site runs on the embedded default: SQLite,
Wagtail's database search and e-mail printed to the console.
"""

import os
from pathlib import Path

import csp.constants as csp
import dj_database_url

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = os.environ


def env_bool(name, default=False):
    value = env.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]


# ----------------------------------------------------------------- Core ---
# How the site names itself to people: e-mail greetings and subjects, the admin.
OGPT_SITE_NAME = env.get("OGPT_SITE_NAME", "OGP Toolbox")
SECRET_KEY = env.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "pages",
    "contributions",
    "discussion",
    "search",
    "opendata",
    "safety",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "reversion",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]
# Widgets render with the project's templates too (templates/contributions/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CSP with a fresh nonce per response, Permissions-Policy (before the page cache).
    "safety.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pages.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Old addresses that moved (after LocaleMiddleware, before the CSRF check).
    "pages.url_fallbacks.OtherLanguageRouteMiddleware",
    "pages.url_fallbacks.MovedEntrySubRouteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "ogpsite.urls"
WSGI_APPLICATION = "ogpsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "pages.context_processors.site_navigation",
            ],
        },
    },
]

# ------------------------------------------------------------- Database ---
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env.get("CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# -------------------------------------------------------------- Caching ---
# Shared by every worker process of one machine by default (files); point
# CACHE_BACKEND/CACHE_LOCATION at memcached or redis when running several machines.
CACHES = {
    "default": {
        "BACKEND": env.get("CACHE_BACKEND", "django.core.cache.backends.filebased.FileBasedCache"),
        "LOCATION": env.get("CACHE_LOCATION", str(BASE_DIR / ".cache" / "django")),
    }
}

# ------------------------------------------------------------- Accounts ---
AUTH_USER_MODEL = "contributions.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
ACCOUNT_ADAPTER = "contributions.accounts.AccountAdapter"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, stated so that nobody turns them off by accident.
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}

# ---------------------------------------------------------------- Email ---
EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "OGP Toolbox <noreply@localhost>")

# ------------------------------------------------------------ Languages ---
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "ogpt_language"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --------------------------------------------------------- Static files ---
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files may be served from a separate domain (e.g. https://media.example.org/),
# so that an uploaded file can never run in the site's origin.
MEDIA_URL = env.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# ------------------------------------------------------ Security headers ---
# safety/headers.py. The public site: nothing inline without the nonce, never
# 'unsafe-inline'. The admin: Wagtail's templates need inline scripts and styles.
_MEDIA_ORIGIN = ["/".join(MEDIA_URL.split("/")[:3])] if "://" in MEDIA_URL else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF, csp.NONCE],
        "style-src": [csp.SELF, csp.NONCE],
        "img-src": [csp.SELF, "data:", *_MEDIA_ORIGIN],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}
OGPT_ADMIN_CSP = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [csp.SELF, csp.UNSAFE_INLINE],
    "style-src": [csp.SELF, csp.UNSAFE_INLINE],
    "img-src": [csp.SELF, "data:", "blob:", *_MEDIA_ORIGIN],
    "font-src": [csp.SELF, "data:"],
    "frame-src": [csp.SELF],  # page previews
    "frame-ancestors": [csp.SELF],
}
OGPT_PERMISSIONS_POLICY = env.get(
    "OGPT_PERMISSIONS_POLICY",
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()",
)

# --------------------------------------------------------------- Wagtail ---
# No avatars fetched from gravatar.com (a third party, blocked by the admin's CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor a version check against releases.wagtail.org (also third party).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_SITE_NAME = OGPT_SITE_NAME
WAGTAILADMIN_BASE_URL = env.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "json"]
# Uploaded images (safety.images): formats Pillow re-encodes, and limits checked
# from the file's header before anything is decoded.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(env.get("OGPT_IMAGE_MAX_PIXELS", 25_000_000))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(env.get("OGPT_IMAGE_MAX_BYTES", 5 * 1024 * 1024))
WAGTAILIMAGES_IMAGE_FORM_BASE = "safety.images.SafeImageForm"
# Images no revision refers to are removed after this many days (remove_unused_images).
OGPT_UNUSED_IMAGE_GRACE_DAYS = int(env.get("OGPT_UNUSED_IMAGE_GRACE_DAYS", "7"))

# ---------------------------------------------------------------- Search ---
# Empty means "not configured": search answers from the database instead.
ELASTICSEARCH_URL = env.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = env.get("ELASTICSEARCH_INDEX_PREFIX", "ogptoolbox")

# ----------------------------------------------------------------- Tasks ---
# A durable queue: tasks are rows in the database until `manage.py db_worker`
# runs them, so a crash or an Elasticsearch outage never loses one.
TASKS = {
    "default": {
        "BACKEND": env.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# ------------------------------------------------------------- Wiki rules ---
# How many of a new contributor's edits go to review first (issue: wiki editing).
OGPT_REVIEW_FIRST_EDITS = int(env.get("OGPT_REVIEW_FIRST_EDITS", "3"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
}
