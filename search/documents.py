"""The Elasticsearch document: one per entry, both languages together.

Each language's text goes to fields analysed by that language's analyser, so
that "élus", "elus" and "élu" meet in French and "budgets"/"budgeting" in
English; keyword fields carry the facets.
"""

from elasticsearch_dsl import (
    Boolean,
    Date,
    Document,
    Keyword,
    Text,
    analyzer,
    token_filter,
)

from . import synonyms

french_elision = token_filter(
    "french_elision",
    type="elision",
    articles_case=True,
    articles=["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
)
french_stop = token_filter("french_stop", type="stop", stopwords="_french_")
french_stemmer = token_filter("french_stemmer", type="stemmer", language="light_french")
english_stop = token_filter("english_stop", type="stop", stopwords="_english_")
english_stemmer = token_filter("english_stemmer", type="stemmer", language="english")
english_possessive = token_filter(
    "english_possessive", type="stemmer", language="possessive_english"
)

FRENCH = analyzer(
    "ogpt_french",
    tokenizer="standard",
    filter=[french_elision, "lowercase", "asciifolding", french_stop, french_stemmer],
)
ENGLISH = analyzer(
    "ogpt_english",
    tokenizer="standard",
    filter=[english_possessive, "lowercase", "asciifolding", english_stop, english_stemmer],
)
french_synonyms = token_filter(
    "french_synonyms", type="synonym_graph", synonyms=synonyms.FRENCH, lenient=True
)
english_synonyms = token_filter(
    "english_synonyms", type="synonym_graph", synonyms=synonyms.ENGLISH, lenient=True
)
# Queries get the same chains plus synonyms (graph synonyms only work at
# search time, and keeping them out of the index lets the list change freely).
FRENCH_SEARCH = analyzer(
    "ogpt_french_search",
    tokenizer="standard",
    filter=[
        french_elision,
        "lowercase",
        "asciifolding",
        french_synonyms,
        french_stop,
        french_stemmer,
    ],
)
ENGLISH_SEARCH = analyzer(
    "ogpt_english_search",
    tokenizer="standard",
    filter=[
        english_possessive,
        "lowercase",
        "asciifolding",
        english_synonyms,
        english_stop,
        english_stemmer,
    ],
)
FOLDED = analyzer("ogpt_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
name_prefixes = token_filter("ogpt_name_prefixes", type="edge_ngram", min_gram=1, max_gram=20)
# Autocomplete: names are indexed as every prefix of every word ("déc", "deci"…)
# and queries are only folded, so "deci" finds "Decidim". (An edge-n-gram text
# field rather than search_as_you_type, which the Maven Central build lacks.)
AUTOCOMPLETE = analyzer(
    "ogpt_autocomplete", tokenizer="standard", filter=["lowercase", "asciifolding", name_prefixes]
)

LANGUAGE_ANALYZERS = {"en": (ENGLISH, ENGLISH_SEARCH), "fr": (FRENCH, FRENCH_SEARCH)}


# Positions are only kept where a query needs them: names (phrases, and
# prefixes for autocomplete). Elsewhere the index keeps which words each
# document has and how often ("freqs"), which is cheaper to write: a rebuild
# spends most of Elasticsearch's time writing these fields.
WITHOUT_POSITIONS = {"index_options": "freqs"}
READ_ONLY = {"index": False, "doc_values": False}
SORT_ONLY = {"index": False}  # sorting reads doc values, not the index


def _text(language, folded=None, positions=False):
    """A text field in `language`.

    `folded` adds an unstemmed, accent-free copy ("names": with positions;
    "words": without). Names and summaries have it (exact words weigh more
    than their stems there); bodies do not: they are most of the text, and
    analysing them twice would double the cost of indexing for little gain.
    """
    index_analyzer, search_analyzer = LANGUAGE_ANALYZERS[language]
    extra = {} if positions else dict(WITHOUT_POSITIONS)
    if folded:
        copy = {} if folded == "names" else WITHOUT_POSITIONS
        extra["fields"] = {"folded": Text(analyzer=FOLDED, **copy)}
    return Text(analyzer=index_analyzer, search_analyzer=search_analyzer, **extra)


class EntryDocument(Document):
    """An entry of any kind; `_id` is the entry's translation key."""

    kind = Keyword()
    # Fields only read from the hits, or only sorted on, are not indexed (and
    # the former keep no doc values): each field costs Elasticsearch time for
    # every document a rebuild writes, whether a query uses it or not.
    languages = Keyword(**READ_ONLY)  # the languages the entry is written in
    name_en = _text("en", folded="names", positions=True)
    name_fr = _text("fr", folded="names", positions=True)
    summary_en = _text("en", folded="words")
    summary_fr = _text("fr", folded="words")
    body_en = _text("en")
    body_fr = _text("fr")
    url_en = Keyword(**READ_ONLY)
    url_fr = Keyword(**READ_ONLY)
    # Sorting by name: lower-cased, accent-free keys made in Python (see
    # search.services.sort_key), so "Écrire" sorts with the E's.
    name_sort_en = Keyword(**SORT_ONLY)
    name_sort_fr = Keyword(**SORT_ONLY)
    name_suggest = Text(analyzer=AUTOCOMPLETE, search_analyzer=FOLDED, **WITHOUT_POSITIONS)
    # Names of the topics, organizations and tools shown.
    related = Text(analyzer=FOLDED, **WITHOUT_POSITIONS)
    topics = Keyword()  # translation keys of the topics and sub-topics filed under
    themes = Keyword()  # translation keys of their first-level topics
    licence = Keyword()
    open_source = Boolean()
    pricing = Keyword()
    hosting = Keyword()
    interface_languages = Keyword()
    countries = Keyword()
    sector = Keyword()
    updated_at = Date(**SORT_ONLY)

    class Index:
        # The real name is given at run time (versioned, behind an alias).
        name = "ogptoolbox-entries"
        settings = {"number_of_shards": 1, "number_of_replicas": 0}
