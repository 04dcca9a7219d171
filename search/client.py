"""The one place that opens a connection to Elasticsearch."""

from functools import lru_cache

from elasticsearch.serializer import OrjsonSerializer
from elasticsearch_dsl import connections

from django.conf import settings


def is_configured():
    return bool(settings.ELASTICSEARCH_URL)


@lru_cache(maxsize=1)
def _connect(url):
    # Several nodes of one cluster, comma-separated: the client spreads the
    # requests and keeps going on the others when one node is down.
    hosts = [host.strip() for host in url.split(",") if host.strip()]
    # orjson: a rebuild serialises tens of megabytes of documents, several
    # times faster than with the standard library's json.
    return connections.create_connection(
        alias="default",
        hosts=hosts,
        retry_on_status=(502, 503, 504),
        request_timeout=10,
        retry_on_timeout=True,
        max_retries=2,
        serializer=OrjsonSerializer(),
    )


def forget_client():
    """Drop this process's client: a forked process must open its own
    connections, not share the sockets of its parent's."""
    _connect.cache_clear()


def get_client():
    """The low-level client, created once per process."""
    if not is_configured():
        raise RuntimeError("ELASTICSEARCH_URL is not set.")
    return _connect(settings.ELASTICSEARCH_URL)


def index_name(suffix="entries"):
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{suffix}"
