"""The one place that opens a connection to Elasticsearch."""

from functools import lru_cache

from elasticsearch_dsl import connections

from django.conf import settings


def is_configured():
    return bool(settings.ELASTICSEARCH_URL)


@lru_cache(maxsize=1)
def _connect(url):
    return connections.create_connection(
        alias="default", hosts=[url], request_timeout=10, retry_on_timeout=True, max_retries=2
    )


def get_client():
    """The low-level client, created once per process."""
    if not is_configured():
        raise RuntimeError("ELASTICSEARCH_URL is not set.")
    return _connect(settings.ELASTICSEARCH_URL)


def index_name(suffix="entries"):
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{suffix}"
