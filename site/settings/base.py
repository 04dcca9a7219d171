"""Settings shared by every environment.

Everything that differs between a laptop, CI and production is read from the
environment. With nothing set, the site runs on the embedded default: SQLite,
Wagtail's database search and e-mail printed to the console.
"""

import ipaddress
import os
import sys
from email.utils import parseaddr
from pathlib import Path

import csp.constants as csp
import dj_database_url

from django.utils.translation import gettext_lazy as _

env = os.environ

# The folders templates/, static/ and locale/ sit beside `site/` in a checkout
# and inside the package once installed from the wheel (see pyproject.toml).
PACKAGE_DIR = Path(__file__).resolve().parent.parent
INSTALLED = (PACKAGE_DIR / "templates").is_dir()
BASE_DIR = PACKAGE_DIR if INSTALLED else PACKAGE_DIR.parent
# What the site writes (SQLite file, file cache, collected static files, media):
# the checkout itself when run from one, else `var/ogptoolbox` of the Python
# environment it is installed in (never site-packages); OGPT_DATA_DIR overrides.
DATA_DIR = Path(
    env.get("OGPT_DATA_DIR") or (Path(sys.prefix) / "var" / "ogptoolbox" if INSTALLED else BASE_DIR)
)


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
    "worker",
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
    # A 503 page while the database is unreachable (ogpsite/outage.py).
    "ogpsite.outage.DatabaseOutageMiddleware",
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
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=int(env.get("CONN_MAX_AGE", "60")),
        # A connection kept across a database restart is checked before reuse:
        # the first request after the restart gets a fresh one, not an error.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# -------------------------------------------------------------- Caching ---
# Seconds a proxy in front (nginx, bin/stack) may serve an anonymous page again
# (pages/cache.py); 0: pages are not marked for the proxy.
OGPT_PROXY_CACHE_SECONDS = int(env.get("OGPT_PROXY_CACHE_SECONDS", "0"))
# Shared by every worker process of one machine by default (files); point
# CACHE_BACKEND/CACHE_LOCATION at memcached or redis when running several machines.
CACHES = {
    "default": {
        "BACKEND": env.get("CACHE_BACKEND", "django.core.cache.backends.filebased.FileBasedCache"),
        "LOCATION": env.get("CACHE_LOCATION", str(DATA_DIR / ".cache" / "django")),
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
    # allauth's defaults, stated so that nobody turns them off by accident;
    # "ip" is the client behind the trusted proxies (throttling.clients).
    # A failed login's "key" is the account AND the client
    # (contributions.accounts), so one client's failures never lock the
    # account's owner out of her own client; "login_failed_account" is the
    # roomier limit on one account from every client together: above the 60
    # an hour one client can reach (5 per 5 minutes), so that no single client
    # can lock another person's account.
    "login_failed": "10/m/ip,5/5m/key",
    "login_failed_account": "200/h/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
# Every way in is allauth's login (throttled, e-mail verified): the Wagtail
# admin's and private pages' logins send there (site/urls.py routes
# /admin/login/ there too); django.contrib.admin is not routed.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"

# ---------------------------------------------------------------- Email ---
EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend: the folder.
EMAIL_FILE_PATH = env.get("EMAIL_FILE_PATH", "")
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "OGP Toolbox <noreply@localhost>")
# Who receives the error reports (see LOGGING): "Name <address>, other@example.org".
ADMINS = [parseaddr(address) for address in env_list("ADMINS")]
SERVER_EMAIL = env.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

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
STATIC_ROOT = Path(env.get("STATIC_ROOT", DATA_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files may be served from a separate domain (e.g. https://media.example.org/),
# so that an uploaded file can never run in the site's origin.
MEDIA_URL = env.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", DATA_DIR / "media"))
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
# Several nodes of one cluster: their URLs separated by commas.
ELASTICSEARCH_URL = env.get("ELASTICSEARCH_URL", "")
# Copies of each shard on other nodes: 1 on a cluster of two nodes or more.
ELASTICSEARCH_REPLICAS = int(env.get("ELASTICSEARCH_REPLICAS", "0"))
ELASTICSEARCH_INDEX_PREFIX = env.get("ELASTICSEARCH_INDEX_PREFIX", "ogptoolbox")

# ----------------------------------------------------------------- Tasks ---
# A durable queue: tasks are rows in the database until `manage.py db_worker`
# runs them, so a crash or an Elasticsearch outage never loses one.
TASKS = {
    "default": {
        "BACKEND": env.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# `manage.py task_worker` (worker/): a task still RUNNING after this many
# seconds was abandoned by a dead worker and is queued again (every task is
# idempotent), up to OGPT_TASK_MAX_ATTEMPTS runs.
OGPT_TASK_STALE_AFTER = int(env.get("OGPT_TASK_STALE_AFTER", "300"))
OGPT_TASK_MAX_ATTEMPTS = int(env.get("OGPT_TASK_MAX_ATTEMPTS", "5"))

# ------------------------------------------------------------- Wiki rules ---
# A newcomer's edits and new entries wait for review until the account is
# established: this many edits approved by a moderator, and this many days old.
OGPT_REVIEW_FIRST_EDITS = int(env.get("OGPT_REVIEW_FIRST_EDITS", "3"))
OGPT_ESTABLISHED_AFTER_DAYS = int(env.get("OGPT_ESTABLISHED_AFTER_DAYS", "4"))

# ---------------------------------------------------------------- Limits ---
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks,
# e.g. "127.0.0.1,10.0.0.0/8"): every limit counts the client behind them
# (throttling.clients). Empty: REMOTE_ADDR is the client.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:  # a typo stops the start, not every request
    ipaddress.ip_network(_proxy, strict=False)
# How fast people change the wiki, like MediaWiki's $wgRateLimits: per action,
# (count, seconds) windows that must all hold, per account ("newcomer" until
# established, then "member") and per client address ("client", every account
# behind one address together). Moderators are not limited. Past a limit the
# form comes back with the text as typed and a 429 (contributions.limits).
OGPT_RATE_LIMITS = {
    "edit": {
        "newcomer": ((4, 60), (20, 3600)),
        "member": ((20, 60), (300, 3600)),
        "client": ((30, 60), (400, 3600)),
    },
    "create": {
        "newcomer": ((2, 60), (5, 3600)),
        "member": ((10, 60), (60, 3600)),
        "client": ((15, 60), (100, 3600)),
    },
    "upload": {
        "newcomer": ((2, 60), (10, 3600)),
        "member": ((10, 60), (100, 3600)),
        "client": ((15, 60), (150, 3600)),
    },
    "post": {
        "newcomer": ((3, 60), (20, 3600)),
        "member": ((5, 60), (40, 3600)),
        "client": ((10, 60), (100, 3600)),
    },
}

# Every record goes to the console once, through the root logger. Django's
# default configuration also gives the `django` logger a console handler of its
# own (in DEBUG) that printed each `django.*` line a second time: it is replaced
# by no handler, so that those records only propagate to the root's.
LOG_LEVEL = env.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Errors of requests (500s, with the traceback) e-mailed to ADMINS.
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django": {"handlers": [], "level": LOG_LEVEL, "propagate": True}},
}
