"""Writing the database search's index: one row per entry and language, and the known words.

The rows are made from the very documents Elasticsearch gets
(`indexing.index_actions`), so both searches see the same text, relations
and facets; only the text is analysed here (`search.analysis`) instead of
by Elasticsearch. The index's outbox calls `sync` before it writes to
Elasticsearch: when Elasticsearch is away, the database search it falls
back on is up to date.
"""

import uuid
from itertools import islice

from django.db import transaction

from pages.languages import SITE_LANGUAGES

from . import analysis
from .indexing import Lookups, index_actions
from .models import EntryText, IndexedWord
from .versions import live_versions_by_key

TEXT_FIELDS = ("name", "summary", "body")
CHUNK = 500


def facts_of(doc):
    """What a row keeps of a document besides its text: kind, facets, languages, sort keys."""
    text = {f"{name}_{code}" for name in (*TEXT_FIELDS, "url") for code in SITE_LANGUAGES}
    facts = {
        name: value
        for name, value in doc.items()
        if name not in text and name not in ("related", "name_suggest")
    }
    facts["updated_at"] = doc["updated_at"].isoformat()
    return facts


def rows_of(key, doc, words):
    """The rows of one document; adds the words of its text to `words` ({word: place})."""
    facts = facts_of(doc)
    rows = []
    for language in doc["languages"]:
        if language not in analysis.all_languages():
            continue
        text = {name: doc.get(f"{name}_{language}") or "" for name in TEXT_FIELDS}
        for place, part in ((IndexedWord.IN_NAME, "name"), (IndexedWord.IN_SUMMARY, "summary")):
            for word in analysis.words(text[part]):
                words[word] = max(place, words.get(word, IndexedWord.IN_TEXT))
        for word in analysis.words(text["body"]):
            words.setdefault(word, IndexedWord.IN_TEXT)
        rows.append(
            EntryText(
                translation_key=key,
                language=language,
                name=text["name"][:255],
                name_terms=analysis.index_text(text["name"], language),
                summary_terms=analysis.index_text(text["summary"], language),
                body_terms=analysis.index_text(text["body"], language),
                related_terms=analysis.index_text(doc.get("related", ""), language),
                facts=facts,
            )
        )
    return rows


def _write(actions, keys=None):
    """Replace the rows of the entries in `actions` (and delete those of `keys` left out)."""
    words, rows, written = {}, [], set()
    for action in actions:
        written.add(action["_id"])
        rows += rows_of(action["_id"], action["_source"], words)
    with transaction.atomic():
        gone = set(keys or ()) | written
        EntryText.objects.filter(translation_key__in=gone).delete()
        EntryText.objects.bulk_create(rows, batch_size=CHUNK)
        _add_words(words)
    return written


def _add_words(words):
    """Record new words, and the better place of known ones (a word of a text now in a name)."""
    known = [IndexedWord(word=w, place=p) for w, p in words.items() if 1 < len(w) <= 64]
    IndexedWord.objects.bulk_create(known, batch_size=CHUNK, ignore_conflicts=True)
    for place in (IndexedWord.IN_SUMMARY, IndexedWord.IN_NAME):
        chosen = [word.word for word in known if word.place == place]
        for start in range(0, len(chosen), CHUNK):
            chunk = chosen[start : start + CHUNK]
            IndexedWord.objects.filter(word__in=chunk, place__lt=place).update(place=place)


def sync(keys):
    """Rewrite the rows of `keys` from the database (none for an entry with no live version)."""
    keys = {str(key) for key in keys if _is_key(key)}
    if keys:
        _write(index_actions(live_versions_by_key(sorted(keys)), index="database"), keys)
    return keys


def rebuild():
    """Every entry's rows anew, and the known words; returns how many entries were written."""
    with transaction.atomic():
        EntryText.objects.all().delete()
        IndexedWord.objects.all().delete()
        actions = index_actions(
            live_versions_by_key(), index="database", lookups=Lookups.whole_catalogue()
        )
        done = 0
        while chunk := list(islice(actions, CHUNK)):
            done += len(_write(chunk))
    return done


def _is_key(text):
    try:
        uuid.UUID(str(text))
    except ValueError:
        return False
    return True
