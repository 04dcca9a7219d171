"""Tests: PostgreSQL and Elasticsearch come from the environment (bin/services)."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Parallel test runs on one Elasticsearch each set their own prefix.
ELASTICSEARCH_INDEX_PREFIX = env.get("OGPT_TEST_INDEX_PREFIX", "ogpt-test")  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Test users are minutes old: they are established by approved edits alone
# (OGPT_REVIEW_FIRST_EDITS) unless a test of the account age says otherwise.
OGPT_ESTABLISHED_AFTER_DAYS = 0
