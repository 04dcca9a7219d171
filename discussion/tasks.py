"""E-mail delivery as tasks of the queue (django-tasks).

Requests only create notification rows; sending mail (slow, and failing when
the mail server is down) happens on the worker, so posting a reply followed by
a thousand people stays fast.
"""

from django_tasks import task

from .services import emails


@task()
def deliver_notifications(ids):
    """Immediate e-mails for these notifications (recipients who chose a digest wait)."""
    return emails.send_immediate(ids)


@task()
def send_daily_digests():
    """The daily digest of everyone who chose it (enqueued by `send_discussion_digest`)."""
    return emails.send_digests()
