"""Settings of bench/search.py only: production, plus Wagtail's elasticsearch8 backend.

The site's `default` search backend stays the database one (the fallback the
benchmark compares with); `bench_es8` is modelsearch's Elasticsearch 8 backend
on the same Elasticsearch as our index, used only by
`manage.py update_index --backend bench_es8` to compare rebuild throughput.
It never follows page changes (AUTO_UPDATE off), so the publish and outage
measurements see our index upkeep alone.

The integ-test-zip build of Elasticsearch that bin/services runs lacks the
analysis-common module, and our plugin (search/es-plugin) gives back only what
our index uses. modelsearch's index settings declare three things neither has:
the `ngram` and `edge_ngram` *tokenizers* (`ngram_tokenizer`,
`edgengram_tokenizer`) and the `ngram` *token filter* (used by
`ngram_analyzer`); index creation fails with "Unknown tokenizer type [ngram]".
No mapping of modelsearch uses those three (its fields use `standard` and
`edgengram_analyzer`, whose `edge_ngram` filter our plugin has), so they are
redeclared here with types that exist; what gets indexed is unchanged.
"""

from ogpsite.settings.production import *  # noqa: F403
from ogpsite.settings.production import ELASTICSEARCH_URL, env

#: What modelsearch's own settings need and this Elasticsearch lacks (see above).
UNUSED_ANALYSIS_OVERRIDES = {
    "settings": {
        "analysis": {
            "tokenizer": {
                "ngram_tokenizer": {"type": "standard"},
                "edgengram_tokenizer": {"type": "standard"},
            },
            "filter": {"ngram": {"type": "edge_ngram"}},
        }
    }
}

WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "modelsearch.backends.database"},
    "bench_es8": {
        "BACKEND": "modelsearch.backends.elasticsearch8",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": env.get("BENCH_WAGTAIL_INDEX_PREFIX", "ogpt-bench-wagtail-"),
        "AUTO_UPDATE": False,
        "TIMEOUT": 60,
        "INDEX_SETTINGS": UNUSED_ANALYSIS_OVERRIDES,
    },
}
