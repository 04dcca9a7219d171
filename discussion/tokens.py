"""Signed one-click unsubscribe links.

The token names the user and what they unsubscribe from, signed with the
SECRET_KEY (django.core.signing) and dated: a link works without logging in,
cannot be forged for someone else, and stops working after MAX_AGE so an old
forwarded e-mail does not stay a permanent switch on someone's account.
"""

from django.core import signing

SALT = "ogpt.discussion.unsubscribe"
MAX_AGE = 60 * 60 * 24 * 60  # sixty days: longer than anyone leaves a digest unread


def make_token(user):
    return signing.dumps({"u": user.pk}, salt=SALT, compress=True)


def read_token(token):
    """The user id in a valid token, or None (tampered, malformed or expired)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    user_id = data.get("u") if isinstance(data, dict) else None
    return user_id if isinstance(user_id, int) else None
