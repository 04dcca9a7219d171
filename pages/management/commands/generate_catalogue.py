"""manage.py generate_catalogue: a large synthetic bilingual catalogue for benchmarks.

The logic lives in pages.generators.synthetic; this command only parses options, shows
progress (tqdm, on stderr) and reports.
"""

import sys

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from pages.generators.synthetic import CatalogueSpec, generate_catalogue, verify


class Command(BaseCommand):
    help = (
        "Generate a large synthetic bilingual catalogue (tools, use cases, organizations, "
        "topics, with revisions) using bulk inserts. For benchmarks, never in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tools", type=int, default=100)
        parser.add_argument("--use-cases", type=int, default=10)
        parser.add_argument("--organizations", type=int, default=10)
        parser.add_argument("--revisions", type=int, default=3, help="Revisions per page (>= 1).")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--chunk-size", type=int, default=1000, help="Entries per transaction.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bars.")
        parser.add_argument(
            "--no-verify", action="store_true", help="Skip the tree check and the test requests."
        )

    def handle(self, *args, **options):
        try:
            spec = CatalogueSpec(
                tools=options["tools"],
                use_cases=options["use_cases"],
                organizations=options["organizations"],
                revisions=options["revisions"],
                seed=options["seed"],
                chunk_size=options["chunk_size"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        hide = options["no_progress"] or options["verbosity"] < 1

        def progress(total, desc, unit):
            return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, disable=hide)

        report = generate_catalogue(spec, progress=progress)
        created = ", ".join(f"{n} {kind}" for kind, n in report.created.items())
        topics = " (existing topics reused)" if report.reused_topics else ""
        self.stdout.write(
            f"Created {created} entries x 2 languages{topics}, "
            f"{report.revisions} revisions, in {report.seconds:.1f} s."
        )
        if options["no_verify"] or not report.first_tool:
            return
        problems = verify(report, spec.revisions)
        if problems:
            raise CommandError("Verification failed:\n" + "\n".join(problems))
        self.stdout.write(
            self.style.SUCCESS("Verified: tree consistent, first tool served in EN and FR.")
        )
