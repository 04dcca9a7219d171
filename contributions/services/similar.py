"""Entries whose names look like a new one, to warn before creating a duplicate."""

from difflib import SequenceMatcher

from django.db.models.functions import Lower
from django.utils.text import slugify

SIMILARITY = 0.75


def _normal(text):
    return slugify(text).replace("-", " ")


def similar_entries(model, locale, title, limit=5):
    """Live entries of `model` in `locale` named like `title`, best match first."""
    wanted = _normal(title)
    if not wanted:
        return []
    candidates = model.objects.live().filter(locale=locale).annotate(lower=Lower("title"))
    scored = []
    for page in candidates.only("id", "title", "url_path", "locale_id"):
        name = _normal(page.title)
        score = SequenceMatcher(None, wanted, name).ratio()
        if wanted in name or name in wanted:
            score = max(score, 0.9)
        if score >= SIMILARITY:
            scored.append((score, page))
    scored.sort(key=lambda pair: -pair[0])
    return [page for _score, page in scored[:limit]]
