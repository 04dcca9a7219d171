from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pages.generators.demo import FIXTURE, load_demo_data


class Command(BaseCommand):
    help = "Load the bilingual demo catalogue and demo accounts (idempotent; development only)."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(FIXTURE), help="Fixture to load.")

    def handle(self, *args, **options):
        if getattr(settings, "OGPT_PRODUCTION", False):
            # The demo accounts include a superuser whose password is published.
            raise CommandError(
                "load_demo_data refuses to run under production settings: it creates demo "
                "accounts, among them a superuser, whose password is published in the README."
            )
        verbose = options["verbosity"] > 1
        created = load_demo_data(options["file"], progress=self.stdout.write if verbose else None)
        self.stdout.write(self.style.SUCCESS(f"Demo catalogue ready ({created} pages created)."))
