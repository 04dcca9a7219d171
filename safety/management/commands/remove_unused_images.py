"""`manage.py remove_unused_images [--grace-days N] [--dry-run]`: run it daily (cron)."""

from django.core.management.base import BaseCommand

from safety.unused_images import unused_images


class Command(BaseCommand):
    help = (
        "Delete uploaded images (and their files and renditions) that no page, revision or "
        "reference uses, once older than OGPT_UNUSED_IMAGE_GRACE_DAYS (default 7)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--grace-days", type=int, help="Override the grace period.")
        parser.add_argument("--dry-run", action="store_true", help="List them; delete nothing.")

    def handle(self, *args, **options):
        images = list(unused_images(options["grace_days"]))
        for image in images:
            self.stdout.write(f"{image.pk}\t{image.created_at:%Y-%m-%d}\t{image.file.name}")
            if not options["dry_run"]:
                image.delete()  # Wagtail removes the file and renditions after the commit
        verb = "would be removed" if options["dry_run"] else "removed"
        self.stdout.write(f"{len(images)} unused images {verb}.")
