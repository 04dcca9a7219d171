"""`manage.py import_catalogue FILE --format csv|json|publiccode [--dry-run]`."""

from pathlib import Path

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from opendata.harvest.importer import run_import
from opendata.harvest.records import FORMATS, ImportFileError, read_path


class Command(BaseCommand):
    help = (
        "Import entries from a catalogue file (our JSON export, CSV, or publiccode.yml: a file "
        "or a folder of them) as revisions by the Importer account. All or nothing: one "
        "transaction. Importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The file (or, for publiccode, a folder) to import.")
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        parser.add_argument("--source", help="Name shown in edit summaries (default: file name).")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.exists():
            raise CommandError(f"{path}: no such file or folder.")
        try:
            records = read_path(path, options["format"])
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        source = options["source"] or path.name
        quiet = options["verbosity"] == 0
        with tqdm(total=len(records), unit="entry", disable=quiet, file=self.stderr) as bar:
            try:
                report = run_import(
                    records,
                    source=source,
                    dry_run=options["dry_run"],
                    progress=lambda record: bar.update(1),
                )
            except ImportFileError as error:
                raise CommandError(str(error)) from error
        for line, message in report.warnings:
            self.stdout.write(self.style.WARNING(f"{source}:{line}: {message}"))
        for line, name, field, message in report.conflicts:
            self.stdout.write(self.style.WARNING(f"{source}:{line}: {name}: {field} {message}"))
        counts = report.counts()
        prefix = "Dry run, nothing written: " if options["dry_run"] else ""
        self.stdout.write(
            prefix
            + "{created} created, {updated} updated, {unchanged} unchanged, "
            "{conflicts} conflicts.".format(**counts)
        )
