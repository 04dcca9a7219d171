"""Text analysis for the database search, in Python: the same steps as Elasticsearch's analysers.

Neither SQLite's FTS5 nor PostgreSQL's `simple` configuration knows French,
and they do not know each other's stemmers, so words are folded (lower case,
no accents, no elision), stop words dropped and stems taken here, for the
index and for queries alike. Both databases then only match and rank the
stems they are given, and give the same results. The synonyms are those of
`search.synonyms` (the Elasticsearch query analysers' list), applied to the
query, per language, as Elasticsearch does.
"""

import re
import unicodedata
from functools import cache

import snowballstemmer

from pages.languages import SITE_LANGUAGES

from . import synonyms

WORD = re.compile(r"\w+")
STEMMERS = {"en": "english", "fr": "french"}


# Elasticsearch's `_english_` and `_french_` lists, and, for queries only, the
# words of questions as people type them ("how can I write to my MP?").
def _listed(text):
    return frozenset(text.split())


STOP_WORDS = {
    "en": _listed(
        "a an and are as at be but by for if in into is it no not of on or such that the "
        "their then there these they this to was will with"
    ),
    "fr": _listed(
        "a au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma "
        "mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses "
        "son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete etre est "
        "sont etait avoir ai as avons avez ont cet cette"
    ),
}
QUESTION_WORDS = {
    "en": _listed(
        "how what where which who whom why when can could do does did i me my we our you "
        "your want need find looking look help some any there about"
    ),
    "fr": _listed(
        "comment quoi quel quelle quels quelles ou qui pourquoi quand peut peux puis "
        "veux voudrais besoin trouver cherche chercher aide ceci cela ca"
    ),
}


def fold(text):
    """Lower case, without accents: "Élus" and "elus" are one word."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    """The folded words of `text`, in order (elisions like "l'" come out as one-letter words)."""
    return WORD.findall(fold(text))


@cache
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMERS[language])


def stem(word, language):
    """The stem of a folded word. Plurals are cut first: the Snowball stemmers
    leave "elus" and "mps" whole, where Elasticsearch's meet "élu" and "MP"."""
    if len(word) >= 3 and word[-1] in "sx" and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return _stemmer(language).stemWord(word)


def terms(text, language, stop=None):
    """The stems of `text` as indexed: stop words dropped, order kept."""
    stop = STOP_WORDS[language] if stop is None else stop
    return [stem(word, language) for word in words(text) if word not in stop]


def index_text(text, language):
    """What the index stores for one field: its stems, separated by spaces."""
    return " ".join(terms(text, language))


@cache
def _synonym_groups(language):
    """Per line of the list, the folded words of each phrase (stop words kept:
    "access to information" must be matched as typed, then analysed)."""
    rules = synonyms.ENGLISH if language == "en" else synonyms.FRENCH
    return [[tuple(words(phrase)) for phrase in line.split(",")] for line in rules]


def _contains(sequence, part):
    size = len(part)
    return any(tuple(sequence[i : i + size]) == part for i in range(len(sequence) - size + 1))


def _stems(folded, language, stop):
    kept = [word for word in folded if word not in stop and (len(word) > 1 or word.isdigit())]
    # A query of stop words only ("the who") is still looked for, word for word.
    return list(dict.fromkeys(stem(word, language) for word in kept or folded))


def query_variants(query, language):
    """The ways of saying what the query asks, as lists of stems: the words
    typed, then every synonym of a phrase they contain ("PB" is also
    "participatory budgeting"). An entry's name holding all of one variant's
    stems is what the reader most likely looks for."""
    stop = STOP_WORDS[language] | QUESTION_WORDS[language]
    typed = words(query)
    variants = [typed]
    for group in _synonym_groups(language):
        if any(phrase and _contains(typed, phrase) for phrase in group):
            variants += [list(phrase) for phrase in group]
    stemmed = []
    for variant in variants:
        stems = _stems(variant, language, stop)
        if stems and stems not in stemmed:
            stemmed.append(stems)
    return stemmed


def query_terms(query, language):
    """The distinct stems to look for, synonyms included, the typed ones first."""
    return list(
        dict.fromkeys(term for variant in query_variants(query, language) for term in variant)
    )


def significant_words(query, language):
    """The folded words of a query that may be misspelt: not stop words, four letters or more."""
    stop = STOP_WORDS[language] | QUESTION_WORDS[language]
    return [word for word in words(query) if word not in stop and len(word) >= 4]


def all_languages():
    return tuple(code for code in SITE_LANGUAGES if code in STEMMERS)
