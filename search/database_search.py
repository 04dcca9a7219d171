"""Finding entries in the database's own index, when Elasticsearch is not there.

The same features as with Elasticsearch, on SQLite and PostgreSQL alike:
any of the query's words (synonyms included) in either language, ranked by
relevance (BM25 with FTS5, `ts_rank_cd` on PostgreSQL) with names weighing
most; the last word also as the start of a name ("deci"); words nothing
contains corrected to the closest word of a name or summary ("decidm"); both
languages' rows grouped by entry; facets counted, filters, sorting and pages
done in Python over the matching entries' facts, which come with the rows.
"""

import json
import math
import uuid
from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection
from django.db.models.functions import Length

from . import analysis
from .facets import FACETS
from .models import IndexedWord

OTHER_LANGUAGE = 0.8  # as Elasticsearch's boosts: the reader's language first
NAME_WEIGHT = 1.0  # a name holding all the query's words: twice the score
MAX_CORRECTIONS = 2  # known words tried for one misspelt word


@dataclass
class Entry:
    key: str
    facts: dict
    score: float = 0.0
    languages: set = field(default_factory=set)  # the languages whose text matched best

    @cached_property
    def values(self):
        """{facet name: the set of its values}, as the filters and counts read them."""
        return {facet.name: _values(self.facts, facet.name) for facet in FACETS}


# ------------------------------------------------------------- Matching ---


def _fts5_expression(terms, prefix):
    parts = [f'"{term}"' for term in terms]
    if prefix:
        parts.append(f'name_terms : "{prefix}" *')
    return " OR ".join(parts)


def _tsqueries(terms, prefix):
    """One tsquery per term (and the name prefix), each to be ranked on its own."""
    return [f"'{term}'" for term in terms] + ([f"'{prefix}':*A"] if prefix else [])


SQLITE_MATCH = """
    SELECT t.translation_key, -bm25(search_entrytext_fts, 10.0, 3.0, 0.5, 2.0), t.facts,
        t.name_terms
    FROM search_entrytext_fts JOIN search_entrytext t ON t.id = search_entrytext_fts.rowid
    WHERE search_entrytext_fts MATCH %s AND t.language = %s
"""
# PostgreSQL's ranking knows how often and where a word occurs, not how rare
# it is: each term is ranked on its own and weighed by its BM25 inverse
# document frequency, counted with the GIN index, so that "tabular" in
# "validate tabular data" weighs more than "data". Weights: body, related
# names, summary, name (PostgreSQL's defaults); normalisation 2 divides by the
# text's length, as BM25 does (the logarithm, 1, let long texts win).
POSTGRESQL_COUNTS = (
    "SELECT count(*) FROM search_entrytext WHERE language = %s AND terms @@ %s::tsquery"
)
POSTGRESQL_RANK = "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', terms, %s::tsquery, 2) * %s"
POSTGRESQL_MATCH = """
    SELECT translation_key, {rank}, facts, name_terms
    FROM search_entrytext
    WHERE terms @@ %s::tsquery AND language = %s
"""
ALL_ROWS = "SELECT translation_key, 0, facts, '' FROM search_entrytext WHERE language = %s"


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for key, score, facts, name in cursor.fetchall():
            # SQLite keeps UUIDs as 32 hex digits: the pages know them with dashes.
            key = str(key if isinstance(key, uuid.UUID) else uuid.UUID(str(key)))
            facts = facts if isinstance(facts, dict) else json.loads(facts)
            yield key, float(score or 0), facts, set(name.split())


def matching_rows(terms, prefix, language):
    """(key, score, facts, name stems) of the rows of `language` with any of `terms` (or a name
    starting with `prefix`); every row of the language when both are empty."""
    if not terms and not prefix:
        return _rows(ALL_ROWS, [language])
    if connection.vendor == "postgresql":
        return _postgresql_rows(_tsqueries(terms, prefix), language)
    return _rows(SQLITE_MATCH, [_fts5_expression(terms, prefix), language])


def _postgresql_rows(queries, language):
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_entrytext WHERE language = %s", [language])
        total = cursor.fetchone()[0]
        weights = []
        for query in queries:
            cursor.execute(POSTGRESQL_COUNTS, [language, query])
            found = cursor.fetchone()[0]
            weights.append(math.log(1 + (total - found + 0.5) / (found + 0.5)))
    rank = " + ".join([POSTGRESQL_RANK] * len(queries))
    params = [value for pair in zip(queries, weights, strict=True) for value in pair]
    return _rows(POSTGRESQL_MATCH.format(rank=rank), [*params, " | ".join(queries), language])


# ------------------------------------------------------------ Spelling ---


def edits(a, b, limit):
    """Damerau-Levenshtein distance (adjacent transpositions count one), or limit + 1 beyond."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous, current = None, list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
    return current[-1]


def allowed_edits(word):
    """Elasticsearch's AUTO:4,7: one typo from four letters, two from eight."""
    return 1 if len(word) < 8 else 2


def _candidates(word):
    """Known words of names and summaries that may be `word` misspelt (same first letter)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, place FROM search_indexedword WHERE place > 0 AND word %% %s "
                "ORDER BY similarity(word, %s) DESC LIMIT 50",
                [word, word],
            )
            return [(w, place) for w, place in cursor.fetchall() if w[:1] == word[:1]]
    size = len(word)
    return (
        IndexedWord.objects.filter(place__gt=0, word__gte=word[0], word__lt=chr(ord(word[0]) + 1))
        .annotate(size=Length("word"))
        .filter(size__range=(size - 2, size + 2))
        .values_list("word", "place")
    )


def _left_out(typed, word):
    """Whether `typed` is `word` with letters left out (its letters, in order, in `word`)."""
    letters = iter(word)
    return all(char in letters for char in typed)


def corrections(query, language):
    """{misspelt word: [closest known words]} for the words no indexed text contains."""
    typed = analysis.significant_words(query, language)
    known = set(IndexedWord.objects.filter(word__in=typed).values_list("word", flat=True))
    found = {}
    for word in dict.fromkeys(typed):
        if word in known:
            continue
        limit = allowed_edits(word)
        # The fewest edits first; then a word the typed one is missing letters
        # of (a letter left out is the commonest typo: "decidm" is "decidim"
        # rather than "decide"); then words of names, as readers look for names.
        scored = sorted(
            (edits(word, other, limit), not _left_out(word, other), -place, other)
            for other, place in _candidates(word)
        )
        best = [other for distance, *_rest, other in scored if distance <= limit]
        if best:
            found[word] = best[:MAX_CORRECTIONS]
    return found


def corrected_query(query, fixed):
    """The query as typed, with each misspelt word replaced by its closest known word."""
    words = analysis.words(query)
    return " ".join(fixed[word][0] if word in fixed else word for word in words)


# ------------------------------------------------------------- Finding ---


def name_bonus(variants, name):
    """How much an entry's name says what the query asks: the share of the best
    variant's stems the name holds, doubled when the name is exactly that."""
    best = 0.0
    for variant in variants:
        share = len(name.intersection(variant)) / len(variant)
        best = max(best, share * (2 if share == 1 and name == set(variant) else 1))
    return best


def matching_entries(query, language, fixed):
    """{key: Entry} of the entries matching `query` in any language, with their best score.

    The database ranks rows by the words they share with the query; names
    that hold the query's words (or a synonym's) weigh more, as Elasticsearch's
    phrase and all-words queries on names make them.
    """
    typed = analysis.words(query)
    if query and not typed:
        return {}  # only punctuation: nothing to look for
    # The last word as the start of a name, as the reader may still be typing it.
    prefix = typed[-1] if typed and len(typed[-1]) >= 3 and query[-1:].isalnum() else ""
    corrected = corrected_query(query, fixed) if fixed else ""
    others = " ".join(word for words in fixed.values() for word in words[1:])
    entries = {}
    for code in analysis.all_languages():
        variants = analysis.query_variants(query, code) if query else []
        if corrected:
            variants += analysis.query_variants(corrected, code)
        extra = analysis.query_terms(others, code) if others else []
        terms = list(dict.fromkeys([*(t for v in variants for t in v), *extra]))
        weight = 1.0 if code == language else OTHER_LANGUAGE
        for key, score, facts, name in matching_rows(terms, prefix if query else "", code):
            score *= 1 + NAME_WEIGHT * name_bonus(variants, name)
            entry = entries.setdefault(key, Entry(key, facts))
            if score * weight > entry.score:
                entry.score, entry.languages = score * weight, {code}
    return entries


def _values(facts, name):
    value = facts.get(name)
    if name == "open_source":
        return set() if value is None else {"true" if value else "false"}
    if isinstance(value, list):
        return {str(v) for v in value}
    return set() if value in (None, "") else {str(value)}


def _passes(entry, filters, skip=None):
    return all(entry.values[name] & values for name, values in filters.items() if name != skip)


def count_facets(entries, filters):
    """{facet name: [(value, count)]}: each facet counted with the *other* facets' filters."""
    counts = {}
    for facet in FACETS:
        tally = {}
        for entry in entries:
            if _passes(entry, filters, skip=facet.name):
                for value in entry.values[facet.name]:
                    tally[value] = tally.get(value, 0) + 1
        ordered = sorted(tally.items(), key=lambda item: (-item[1], item[0]))
        counts[facet.name] = ordered[: facet.max_buckets]
    return counts


def ordered(entries, sort, language, has_query):
    def name(entry):
        keys = [entry.facts.get(f"name_sort_{code}") for code in (language, "en", "fr")]
        return next((key for key in keys if key), "")

    if sort == "updated":
        by_name = sorted(entries, key=name)
        return sorted(by_name, key=lambda entry: entry.facts.get("updated_at", ""), reverse=True)
    if sort == "name" or not has_query:
        return sorted(entries, key=name)
    return sorted(entries, key=lambda entry: (-entry.score, name(entry)))


def search(query, language, kinds, filters, sort, with_facets):
    """(entries in order, {facet: [(value, count)]} or None, corrections) for the search page."""
    fixed = corrections(query, language) if query else {}
    entries = [
        entry
        for entry in matching_entries(query, language, fixed).values()
        if entry.facts.get("kind") in kinds
    ]
    filters = {name: set(values) for name, values in filters.items()}
    counts = count_facets(entries, filters) if with_facets else None
    chosen = [entry for entry in entries if _passes(entry, filters)]
    return ordered(chosen, sort, language, bool(query)), counts, fixed
