"""How names sort for readers, wherever a list is put in order in Python."""

import unicodedata


def sort_key(text):
    """A name as it sorts for readers: case- and accent-insensitive ("Écrire" with the E's)."""
    text = text or ""
    if text.isascii():  # most names: nothing to take apart, character by character
        return text.casefold().strip()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()
