"""Who may do what in discussions (the table is tested in tests/discussion).

Posting needs a verified contributor, as editing does: the same accounts, the
same trust. Authors edit their own posts; moderators hide, lock and judge reports
rather than rewrite other people's words.
"""

from contributions.permissions import is_contributor, is_moderator


def can_post(user, thread=None):
    if not is_contributor(user):
        return False
    return thread is None or not thread.locked or is_moderator(user)


def can_edit_post(user, post):
    if not user.is_authenticated or post.author_id != user.pk or post.hidden:
        return False
    return not post.thread.locked or is_moderator(user)


def can_report(user, post):
    return is_contributor(user) and post.author_id != user.pk and not post.hidden


def can_moderate(user):
    return is_moderator(user)


def can_read_post(user, post):
    """Hidden text (and its history) stays readable by moderators only."""
    return not post.hidden or is_moderator(user)


def annotate_posts(user, thread, posts):
    """Set `readable`, `can_edit` and `can_report` on each post of one thread page.

    The same rules as above, with the reader's roles looked up once: a page of
    fifty posts must not cost fifty group queries.
    """
    moderator = is_moderator(user)
    contributor = moderator or is_contributor(user)
    user_id = user.pk if user.is_authenticated else None
    for post in posts:
        post.thread = thread
        own = user_id is not None and post.author_id == user_id
        post.readable = not post.hidden or moderator
        post.can_edit = own and not post.hidden and (not thread.locked or moderator)
        post.can_report = contributor and not own and not post.hidden
    return moderator
