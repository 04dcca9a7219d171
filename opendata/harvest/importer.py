"""Writing records into the catalogue as ordinary, attributed wiki revisions.

Every write goes through contributions.services.editing (create_entry,
save_edit), as the "Importer" account with the summary "Imported from
<source>", so imports show in history and recent changes and can be undone
like any edit. The whole import is **one transaction**: a file either imports
completely or not at all (a dry run is the same import, rolled back at the
end, so its report is exactly what applying would do).

Idempotence: an entry is matched by our own id, the source's external id, its
website or its source-code URL; only fields whose value differs are written,
so importing the same file twice makes no revision the second time.
"""

import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from contributions.models import EditRecord
from contributions.services.editing import create_entry, save_edit
from contributions.snapshots import (
    LINKS,
    RELATION,
    TEXT,
    apply,
    editable_fields,
    normal_value,
    snapshot,
)
from pages.languages import SITE_LANGUAGES
from pages.models import (
    OrganizationIndexPage,
    ToolIndexPage,
    TopicIndexPage,
    TopicPage,
    UseCaseIndexPage,
)
from pages.tree import ensure_site_tree

from ..models import ImportedEntry
from ..serialize import MODELS
from .records import ImportFileError

IMPORTER_USERNAME = "importer"
INDEXES = {
    "tool": ToolIndexPage,
    "use_case": UseCaseIndexPage,
    "organization": OrganizationIndexPage,
    "topic": TopicIndexPage,
}
ORDER = {"topic": 0, "organization": 1, "tool": 2, "use_case": 3}
EMPTY = ("", None, [], ())


@dataclass
class Report:
    created: list = field(default_factory=list)  # entry names
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)  # (line, entry, field, message)
    warnings: list = field(default_factory=list)  # (line, message)
    dry_run: bool = False

    def counts(self):
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "conflicts": len(self.conflicts),
        }


class DryRunRollback(Exception):
    """Raised at the end of a dry run to roll the transaction back."""


def importer_account():
    user, created = get_user_model().objects.get_or_create(
        username=IMPORTER_USERNAME, defaults={"first_name": "Importer"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def normalise_url(url):
    parts = urlsplit((url or "").strip().lower())
    return (parts.netloc.removeprefix("www.") + parts.path.rstrip("/")) if parts.netloc else ""


def run_import(records, *, source, dry_run=False, progress=None):
    """Import checked records (opendata.harvest.records) and return a Report."""
    report = Report(dry_run=dry_run)
    try:
        with transaction.atomic():
            Importer(source, report).run(records, progress)
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        pass
    return report


class Importer:
    def __init__(self, source, report):
        self.source = source
        self.report = report
        ensure_site_tree()  # an empty site has no index pages to file entries under yet
        self.user = importer_account()
        self.summary = _("Imported from %s") % source
        self.locales = {loc.language_code: loc for loc in Locale.objects.all()}
        self.resolved = {}  # record identity / entry id -> translation_key

    def run(self, records, progress=None):
        ordered = sorted(records, key=lambda r: (ORDER[r.kind], bool(r.parent), r.source, r.line))
        for record in ordered:
            try:
                self.import_record(record)
            except ValidationError as error:
                # check_record runs the fields' validators first; the page's own
                # clean() may still refuse a combination: reported, never a traceback.
                raise ImportFileError(
                    record.source, record.line, f"{record.name}: {' '.join(error.messages)}"
                ) from error
            if progress:
                progress(record)

    # ---------------------------------------------------------- matching ---

    def match(self, record):
        model = MODELS[record.kind]
        live = Page.objects.filter(live=True, content_type__model=model._meta.model_name)
        candidates = []
        if record.entry_id:
            candidates.append(("id", record.entry_id))
        link = ImportedEntry.objects.filter(external_id=self.link_key(record)).first()
        if link:
            candidates.append(("id", str(link.translation_key)))
        for name in ("website", "source_code_url"):
            if record.facts.get(name) and hasattr(model, name):
                candidates.append((name, normalise_url(record.facts[name])))
        for how, value in candidates:
            if how == "id":
                try:
                    key = uuid.UUID(value)
                except ValueError:
                    continue
                if live.filter(translation_key=key).exists():
                    return key
            else:
                # A normalised URL is a substring of every URL it matches: let
                # the database narrow the candidates down first.
                similar = model.objects.live().filter(**{f"{how}__icontains": value})
                for key, url in similar.values_list("translation_key", how):
                    if url and normalise_url(url) == value:
                        return key
        return None

    @staticmethod
    def link_key(record):
        if record.identity:
            return record.identity
        for name in ("source_code_url", "website"):
            if record.facts.get(name):
                return f"{record.kind}:{normalise_url(record.facts[name])}"
        return f"{record.kind}:name:{record.name.lower()}"

    def resolve(self, reference, kind, record):
        """translation_key of the entry a reference names, or None (reported)."""
        if not reference:
            return None
        if reference in self.resolved:
            return self.resolved[reference]
        model = MODELS[kind]
        try:
            key = uuid.UUID(reference)
            if model.objects.live().filter(translation_key=key).exists():
                return key
        except ValueError:
            pass
        found = (
            model.objects.live()
            .filter(title__iexact=reference)
            .values_list("translation_key", flat=True)
            .first()
        ) or (
            model.objects.live()
            .filter(slug=slugify(reference))
            .values_list("translation_key", flat=True)
            .first()
        )
        if found is None:
            self.report.warnings.append(
                (
                    record.line,
                    _("%(entry)s: no %(kind)s “%(reference)s” in the catalogue; left out.")
                    % {
                        "entry": record.name,
                        "kind": model._meta.verbose_name,
                        "reference": reference,
                    },
                )
            )
        return found

    # ----------------------------------------------------------- writing ---

    def desired(self, record):
        """{field key: value} of everything the record sets, language-neutral."""
        values = {}
        for language, texts in record.text.items():
            for name, text in texts.items():
                values[f"{language}.{name}"] = text
        for language, links in record.links.items():
            values[f"{language}.links"] = [list(link) for link in links]
        for name, value in record.facts.items():
            values[f"facts.{name}"] = value
        for name, references in record.relations.items():
            target_kind = MODELS[record.kind]._meta.get_field(name).related_model.kind
            keys = {self.resolve(ref, target_kind, record) for ref in references}
            values[f"relations.{name}"] = sorted(str(key) for key in keys if key)
        return values

    def current(self, page):
        """The same field keys, read from one language version."""
        language = page.locale.language_code
        values = {}
        snap = snapshot(page)
        pk_keys = {}
        relation_pks = [
            pk
            for name, kind in editable_fields(type(page))
            if kind == RELATION
            for pk in snap[name]
        ]
        if relation_pks:
            pk_keys = dict(
                Page.objects.filter(pk__in=relation_pks).values_list("pk", "translation_key")
            )
        for name, kind in editable_fields(type(page)):
            value = snap[name]
            if kind == TEXT:
                values[f"{language}.{name}"] = value
            elif kind == LINKS:
                values[f"{language}.links"] = [list(link) for link in value]
            elif kind == RELATION:
                values[f"relations.{name}"] = sorted(
                    str(pk_keys[pk]) for pk in value if pk in pk_keys
                )
            else:
                values[f"facts.{name}"] = list(value) if isinstance(value, tuple) else value
        return values

    def snapshot_changes(self, page, wanted):
        """{snapshot field: value} for `page` from {field key: value}."""
        language = page.locale.language_code
        changes = {}
        for key, value in wanted.items():
            scope, name = key.split(".", 1)
            if scope in (language, "facts"):
                changes[name] = value
            elif scope == "relations":
                changes[name] = tuple(
                    sorted(
                        Page.objects.filter(
                            translation_key__in=value, locale=page.locale, live=True
                        ).values_list("pk", flat=True)
                    )
                )
        # Text as it will be stored (pages.text), so unchanged fields compare equal.
        kinds = dict(editable_fields(type(page)))
        return {name: normal_value(kinds[name], value) for name, value in changes.items()}

    def import_record(self, record):
        model = MODELS[record.kind]
        desired = self.desired(record)
        key = self.match(record)
        link = ImportedEntry.objects.filter(external_id=self.link_key(record)).first()
        if key is None:
            key = self.create(record, model, desired)
            self.report.created.append(record.name)
        else:
            changed = self.update(record, model, key, desired, link)
            (self.report.updated if changed else self.report.unchanged).append(record.name)
        for reference in (record.entry_id, record.external_id):
            if reference:
                self.resolved[reference] = key
        ImportedEntry.objects.update_or_create(
            external_id=self.link_key(record),
            defaults={"translation_key": key, "source": self.source, "values": desired},
        )

    def versions(self, key, model):
        return {
            page.locale.language_code: page
            for page in model.objects.filter(translation_key=key).select_related("locale")
        }

    def create(self, record, model, desired):
        languages = [lang for lang in SITE_LANGUAGES if lang in record.text] or ["en"]
        key = uuid.UUID(record.entry_id) if _is_uuid(record.entry_id) else uuid.uuid4()
        first = self.new_page(record, model, languages[0], key, desired)
        for language in languages[1:]:
            existing = self.versions(key, model).get(language)
            if existing is None:
                self.new_page(record, model, language, key, desired)
            else:  # contributions made it, as a copy to translate
                self.rename(existing, record.slugs.get(language))
                self.write(existing, desired, record)
        return first.translation_key

    def new_page(self, record, model, language, key, desired):
        locale = self.locales[language]
        parent = self.parent(record, language)
        title = desired.get(f"{language}.title") or record.name
        page = model(locale=locale, translation_key=key, title=title)
        page.slug = self.free_slug(parent, record.slugs.get(language) or slugify(title) or "entry")
        apply(page, self.snapshot_changes(page, desired))
        create_entry(parent, page, self.user, summary=self.summary, kind=EditRecord.Kind.IMPORT)
        return page

    def parent(self, record, language):
        locale = self.locales[language]
        if record.kind == "topic" and record.parent:
            parent_key = self.resolve(record.parent, "topic", record)
            parent = TopicPage.objects.filter(translation_key=parent_key, locale=locale).first()
            if parent is not None:
                return parent
        return INDEXES[record.kind].objects.get(locale=locale)

    def rename(self, page, slug):
        """Give a copy made for translation the slug the source has for it (its URL)."""
        if not slug or page.slug == slug:
            return
        page.slug = self.free_slug(page.get_parent(), slug)
        page.save(update_fields=["slug", "url_path"], clean=False)

    @staticmethod
    def free_slug(parent, slug):
        taken = set(
            parent.get_children().filter(slug__startswith=slug).values_list("slug", flat=True)
        )
        candidate, number = slug, 2
        while candidate in taken:
            candidate, number = f"{slug}-{number}", number + 1
        return candidate

    def update(self, record, model, key, desired, link):
        changed = False
        conflicted = set()
        for language in SITE_LANGUAGES:
            # Read again: writing one version may have written the other (shared facts).
            page = self.versions(key, model).get(language)
            if page is None:
                if language in record.text:
                    self.new_page(record, model, language, key, desired)
                    changed = True
                continue
            wanted = self.changes_to_make(record, page, desired, link, conflicted)
            if wanted and self.write(page, wanted, record):
                changed = True
        return changed

    def changes_to_make(self, record, page, desired, link, conflicted):
        language = page.locale.language_code
        current = self.current(page)
        last = link.values if link else None
        wanted = {}
        for key, value in desired.items():
            scope = key.split(".", 1)[0]
            if scope in SITE_LANGUAGES and scope != language:
                continue
            have = current.get(key)
            if _same(have, value):
                continue
            person_changed = (last is not None and key in last and not _same(have, last[key])) or (
                last is None and have not in EMPTY
            )
            if person_changed:
                if key not in conflicted:
                    conflicted.add(key)
                    self.report.conflicts.append(
                        (
                            record.line,
                            record.name,
                            key,
                            _("changed on the site since the last import: kept, not overwritten"),
                        )
                    )
                continue
            wanted[key] = value
        return wanted

    def write(self, page, wanted, record):
        changes = self.snapshot_changes(page, wanted)
        current = snapshot(page)
        changes = {
            name: value for name, value in changes.items() if not _same(current.get(name), value)
        }
        if not changes:
            return False
        # Text that the source gives in both languages is a translation of the
        # other version: saved as one, so the two versions count as in line
        # (and a copy made to be translated stops following the other text).
        language = page.locale.language_code
        both = [
            name
            for name in changes
            if name in record.text.get(language, {})
            and any(name in texts for other, texts in record.text.items() if other != language)
        ]
        kind = EditRecord.Kind.TRANSLATE if both else EditRecord.Kind.IMPORT
        save_edit(page, self.user, changes, summary=self.summary, kind=kind, synced_fields=both)
        return True


def _same(a, b):
    def norm(value):
        if isinstance(value, tuple | list):
            return [norm(item) for item in value]
        return "" if value is None else value

    if a in EMPTY and b in EMPTY:
        return True
    return norm(a) == norm(b)


def _is_uuid(value):
    try:
        uuid.UUID(value)
    except (ValueError, TypeError, AttributeError):
        return False
    return True
