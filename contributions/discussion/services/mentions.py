"""@username mentions in a post's Markdown."""

import re

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower

# After a space, a line start or an opening bracket, so e-mail addresses
# (name@example.org) are not mentions. Trailing dots end a sentence, not a name.
MENTION = re.compile(r"(?:^|(?<=[\s(\[>]))@([\w.+-]{1,150})", re.UNICODE)


def mentioned_names(text):
    return {name.rstrip(".").lower() for name in MENTION.findall(text or "") if name.strip(".")}


def mentioned_users(text, exclude=None):
    """Active users named in `text` (usernames compared without case), in one query."""
    names = mentioned_names(text)
    if not names:
        return []
    users = get_user_model().objects.annotate(lower_name=Lower("username"))
    users = users.filter(lower_name__in=names, is_active=True)
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return list(users)
