"""Run once a day (cron or a systemd timer): queue the daily digests."""

from django.core.management.base import BaseCommand

from discussion.tasks import send_daily_digests


class Command(BaseCommand):
    help = "Queue the daily digest e-mails of discussion notifications."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send them in this process instead of queueing the task.",
        )

    def handle(self, *args, **options):
        if options["now"]:
            sent = send_daily_digests.call()
            self.stdout.write(f"{sent} digest(s) sent.")
            return
        result = send_daily_digests.enqueue()
        self.stdout.write(f"Digest task queued ({result.id}).")
