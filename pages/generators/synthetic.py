"""A large synthetic bilingual catalogue, built fast, for benchmarks.

`generate_catalogue(CatalogueSpec(tools=15_000, ...))` makes topics (unless
some exist), organizations, tools and use cases, each in English and French
(same translation_key), with relations and `revisions` revisions per page, so
that pages render with realistic relation counts and history.

The normal way (pages/generators/demo.py: add_child, save_revision, publish)
costs ~50 ms a page version: hours for 15,000 tools. Here rows are inserted
in bulk, one transaction per chunk, with no per-page save and no signals:
the tree fields (`path`, `depth`, `numchild`, `url_path`) are computed here
(see `path_step`); a page's two rows (Page and its model's table) go in
through `Manager._insert`, the private API `save()` uses (bulk_create refuses
multi-table models); relations and revisions go in with bulk_create (COPY on
PostgreSQL). The Wagtail search index, reference index and audit log are not
filled: serving pages does not need them.
"""

import json
import math
import random
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from modelcluster.models import (
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_serializable_data_for_fields,
)

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import F
from django.http.request import validate_host
from django.test import Client
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page, Revision

from pages.cache import bump_generation
from pages.languages import SITE_LANGUAGES
from pages.licences import OPEN_SOURCE_LICENCES, PROPRIETARY
from pages.models import (
    ENTRY_MODELS,
    OrganizationPage,
    ToolPage,
    TopicPage,
    UseCaseLink,
    UseCasePage,
)
from pages.models.choices import INTERFACE_LANGUAGES, Hosting, OrganizationKind, Pricing, Sector
from pages.tree import ensure_site_tree, language_indexes

SYNTHETIC_USERS = 12


@dataclass
class CatalogueSpec:
    tools: int = 100
    use_cases: int = 10
    organizations: int = 10
    revisions: int = 3
    seed: int = 0
    #: Entries per chunk (each chunk is one transaction: 2 pages per entry).
    chunk_size: int = 1000
    #: Rows per INSERT statement (capped by the backend's parameter limit).
    batch_size: int = 1000

    def __post_init__(self):
        for name in ("tools", "use_cases", "organizations"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0")
        if self.revisions < 1:
            raise ValueError("revisions must be >= 1 (a live page has a live revision)")


@dataclass
class Report:
    created: dict = field(default_factory=dict)  # kind -> entries created (x2 pages)
    reused_topics: bool = False
    revisions: int = 0
    first_tool: dict = field(default_factory=dict)  # language -> page id
    seconds: float = 0.0


# ---------------------------------------------------------------- Text ---

TOOL_ADJECTIVES = [  # English, French (masculine, feminine)
    ("Open", "ouvert", "ouverte"),
    ("Civic", "civique", "civique"),
    ("Public", "public", "publique"),
    ("Shared", "partagé", "partagée"),
    ("Clear", "clair", "claire"),
    ("Common", "commun", "commune"),
    ("Bright", "lumineux", "lumineuse"),
    ("Local", "local", "locale"),
    ("Free", "libre", "libre"),
    ("Federal", "fédéral", "fédérale"),
    ("Green", "vert", "verte"),
    ("Swift", "rapide", "rapide"),
]
TOOL_NOUNS = [  # English, French, gender
    ("Ledger", "Registre", "m"),
    ("Forum", "Forum", "m"),
    ("Agora", "Agora", "f"),
    ("Compass", "Boussole", "f"),
    ("Beacon", "Balise", "f"),
    ("Bridge", "Passerelle", "f"),
    ("Portal", "Portail", "m"),
    ("Tracker", "Suivi", "m"),
    ("Atlas", "Atlas", "m"),
    ("Forge", "Forge", "f"),
    ("Voice", "Voix", "f"),
    ("Square", "Place", "f"),
    ("Budget", "Budget", "m"),
    ("Petition", "Pétition", "f"),
    ("Registry", "Annuaire", "m"),
    ("Assembly", "Assemblée", "f"),
]
TOWNS = [
    "Belmont", "Arden", "Valmy", "Corvel", "Lisor", "Marbec", "Ostrel", "Pradelle",
    "Quintin", "Rivaux", "Sarlène", "Tavel", "Ubrac", "Verlin", "Zandor", "Montclar",
]  # fmt: skip
DOMAINS = [  # English, French
    ("Digital Affairs", "du Numérique"),
    ("the Interior", "de l'Intérieur"),
    ("Public Finance", "des Finances publiques"),
    ("Justice", "de la Justice"),
    ("Education", "de l'Éducation"),
    ("Health", "de la Santé"),
]
_K, _S = OrganizationKind, Sector
ORGANIZATION_PATTERNS = [  # English, French, kind, sector
    ("City of {town}", "Ville de {town}", _K.LOCAL_AUTHORITY, _S.PUBLIC),
    ("{town} Regional Council", "Conseil régional de {town}", _K.LOCAL_AUTHORITY, _S.PUBLIC),
    ("Ministry of {domain_en}", "Ministère {domain_fr}", _K.GOVERNMENT, _S.PUBLIC),
    (
        "{town} Open Data Agency",
        "Agence des données ouvertes de {town}",
        _K.ADMINISTRATION,
        _S.PUBLIC,
    ),
    ("Parliament of {town}", "Parlement de {town}", _K.PARLIAMENT, _S.PUBLIC),
    ("{town} Civic Tech", "Collectif civic tech de {town}", _K.NON_PROFIT, _S.CIVIL_SOCIETY),
    ("{town} Transparency Watch", "Vigie transparence de {town}", _K.NON_PROFIT, _S.CIVIL_SOCIETY),
    ("University of {town}", "Université de {town}", _K.ACADEMIC, _S.PUBLIC),
    ("{town} Software Cooperative", "Coopérative logicielle de {town}", _K.COMPANY, _S.PRIVATE),
]
USE_CASE_PHRASES = [  # English, French
    ("Participatory budget", "Budget participatif"),
    ("Open data portal", "Portail de données ouvertes"),
    ("Public consultation", "Consultation publique"),
    ("Petition platform", "Plateforme de pétitions"),
    ("Spending tracker", "Suivi des dépenses"),
    ("Lobbying register", "Registre des représentants d'intérêts"),
    ("Collaborative bill drafting", "Rédaction collaborative de la loi"),
    ("Council meetings online", "Séances du conseil en ligne"),
]
TOPICS = [  # theme (en, fr), sub-themes [(en, fr), ...]
    (
        ("Citizen participation", "Participation citoyenne"),
        [
            ("Participatory budgeting", "Budget participatif"),
            ("Public consultation", "Consultation publique"),
        ],
    ),
    (
        ("Open data", "Données ouvertes"),
        [
            ("Data portals", "Portails de données"),
            ("Data visualisation", "Visualisation de données"),
        ],
    ),
    (
        ("Transparency", "Transparence"),
        [
            ("Public spending", "Dépenses publiques"),
            ("Lobbying registers", "Registres de lobbying"),
        ],
    ),
    (
        ("Law-making", "Fabrique de la loi"),
        [
            ("Parliamentary monitoring", "Suivi parlementaire"),
            ("Collaborative drafting", "Rédaction collaborative"),
        ],
    ),
]

SENTENCES = {
    "en": [
        "{name} helps {actors} {verb} {objects}.",
        "It was first deployed by {actors} who wanted {verb} {objects} in the open.",
        "The project offers {feature}, {feature} and {feature}.",
        "Contributors report that it {benefit}.",
        "It can be self-hosted or used as an online service, and its data can be exported.",
        "Several {actors} reuse it today, often with {feature}.",
        "The documentation explains how {actors} can {verb_bare} {objects} step by step.",
        "A small team maintains it, and {actors} regularly contribute translations.",
    ],
    "fr": [
        "{name} aide {actors} à {verb} {objects}.",
        "Il a d'abord été déployé par {actors} qui voulaient {verb} {objects} en public.",
        "Le projet propose {feature}, {feature} et {feature}.",
        "Les contributeurs indiquent qu'il {benefit}.",
        "Il peut être auto-hébergé ou utilisé en ligne, et ses données peuvent être exportées.",
        "Plusieurs {actors} le réutilisent aujourd'hui, souvent avec {feature}.",
        "La documentation explique comment {actors} peuvent {verb} {objects} pas à pas.",
        "Une petite équipe le maintient et {actors} contribuent régulièrement aux traductions.",
    ],
}
SLOTS = {
    "en": {
        "actors": ["city councils", "ministries", "civil society groups", "parliaments",
                   "local authorities", "journalists", "citizens", "public servants",
                   "researchers"],
        "verb": ["to publish", "to discuss", "to track", "to co-write", "to vote on",
                 "to visualise", "to monitor", "to debate"],
        "verb_bare": ["publish", "discuss", "track", "co-write", "vote on", "visualise", "monitor"],
        "objects": ["public budgets", "draft laws", "open datasets", "petitions", "local projects",
                    "public contracts", "council decisions", "spending data"],
        "feature": ["a voting module", "an open API", "moderation tools", "map views",
                    "e-mail notifications", "a comment system", "CSV exports", "accessible forms"],
        "benefit": ["made decisions easier to follow", "brought new people into the debate",
                    "saved months of development", "reduced the cost of consultations",
                    "made public data easier to reuse"],
    },
    "fr": {
        "actors": ["les conseils municipaux", "les ministères", "les associations",
                   "les parlements", "les collectivités", "les journalistes", "les citoyens",
                   "les agents publics", "les chercheurs"],
        "verb": ["publier", "discuter", "suivre", "co-écrire", "voter", "visualiser",
                 "surveiller", "débattre"],
        "objects": ["les budgets publics", "les projets de loi", "les jeux de données ouverts",
                    "les pétitions", "les projets locaux", "les marchés publics",
                    "les décisions du conseil", "les dépenses"],
        "feature": ["un module de vote", "une API ouverte", "des outils de modération",
                    "des cartes", "des notifications par courriel", "des commentaires",
                    "des exports CSV", "des formulaires accessibles"],
        "benefit": ["a rendu les décisions plus lisibles",
                    "a fait venir de nouveaux publics au débat",
                    "a économisé des mois de développement", "a réduit le coût des consultations",
                    "a facilité la réutilisation des données publiques"],
    },
}  # fmt: skip
OUTCOMES = {
    "en": "**{n}** people took part in the first year. {sentence}",
    "fr": "**{n}** personnes ont participé la première année. {sentence}",
}
PROGRAMMING_LANGUAGES = [
    "Python",
    "Ruby",
    "PHP",
    "JavaScript",
    "TypeScript",
    "Java",
    "Go",
    "Elixir",
]
COUNTRIES = ["FR", "ES", "IT", "DE", "BE", "CA", "BR", "MX", "KE", "SN", "TN", "ID", "PH", "UA"]


class TextFactory:
    """English and French-ish filler that reads like catalogue entries."""

    def __init__(self, rng):
        self.rng = rng

    def sentence(self, language, name):
        slots = SLOTS[language]
        template = self.rng.choice(SENTENCES[language])
        features = self.rng.sample(slots["feature"], template.count("{feature}"))
        for feature in features:
            template = template.replace("{feature}", feature, 1)
        values = {key: self.rng.choice(words) for key, words in slots.items() if key != "feature"}
        return template.format(name=name, **values)

    def paragraphs(self, language, name, count):
        return [
            " ".join(self.sentence(language, name) for _ in range(self.rng.randint(2, 4)))
            for _ in range(count)
        ]


# ---------------------------------------------------------------- Tree ---

ALPHABET = Page.alphabet  # "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = Page.steplen  # 4


def path_step(number):
    """A child's position as a treebeard step: base 36, zero-padded to STEPLEN."""
    if number < 1 or number >= len(ALPHABET) ** STEPLEN:
        raise ValueError(f"Step {number} out of range for steplen {STEPLEN}")
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEPLEN, ALPHABET[0])


def step_number(step):
    return int(step, len(ALPHABET))


class ParentCursor:
    """Hands out paths and unique slugs for new children of one parent page."""

    def __init__(self, parent):
        self.parent = parent
        children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        last = children.order_by("-path").values_list("path", flat=True).first()
        self.next_step = step_number(last[-STEPLEN:]) + 1 if last else 1
        self.slugs = set(children.values_list("slug", flat=True))
        self.pending = 0  # children placed but not yet counted in parent.numchild

    def place(self, page, base_slug):
        slug, n = base_slug, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base_slug}-{n}"
        self.slugs.add(slug)
        page.slug = slug
        page.path = self.parent.path + path_step(self.next_step)
        page.depth = self.parent.depth + 1
        page.numchild = 0
        page.url_path = self.parent.url_path + slug + "/"
        self.next_step += 1
        self.pending += 1

    def flush(self):
        if self.pending:
            Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + self.pending)
            self.parent.numchild += self.pending
            self.pending = 0


def check_tree():
    """treebeard's Page.find_problems(), computed in one query (it does 2 per page).

    Returns the same five lists: bad characters, bad path length, orphans,
    wrong depth, wrong numchild.
    """
    rows = list(Page.objects.values_list("pk", "path", "depth", "numchild"))
    paths = {path for _pk, path, _depth, _numchild in rows}
    children = {}
    for _pk, path, _depth, _numchild in rows:
        if len(path) > STEPLEN:
            parent = path[:-STEPLEN]
            children[parent] = children.get(parent, 0) + 1
    evil, steplen, orphans, depth, numchild = [], [], [], [], []
    allowed = set(ALPHABET)
    for pk, path, node_depth, node_numchild in rows:
        if not set(path) <= allowed:
            evil.append(pk)
        elif len(path) % STEPLEN:
            steplen.append(pk)
        elif len(path) > STEPLEN and path[:-STEPLEN] not in paths:
            orphans.append(pk)
        elif node_depth != len(path) // STEPLEN:
            depth.append(pk)
        elif node_numchild != children.get(path, 0):
            numchild.append(pk)
    return evil, steplen, orphans, depth, numchild


# ----------------------------------------------------------- Generator ---


@dataclass
class Entry:
    """One catalogue entry before insertion: text per language, shared facts."""

    base_slug: dict  # language -> slug
    text: dict  # language -> {title, summary, description paragraphs, ...}
    facts: dict
    relations: dict = field(default_factory=dict)  # m2m field -> [index into target kind]
    links: list = field(default_factory=list)  # [(url, {language: label})]
    translation_key: uuid.UUID = field(default_factory=uuid.uuid4)


class CatalogueGenerator:
    def __init__(self, spec, progress=None):
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.text = TextFactory(self.rng)
        self.progress = progress or (lambda **kwargs: _NoProgress())
        self.now = timezone.now()
        self.report = Report()
        #: kind -> [(en id, fr id)] of the pages that relations can point at.
        self.targets = {"topic": [], "organization": [], "tool": []}
        self.cursors = {}
        self.page_ct = ContentType.objects.get_for_model(Page)
        #: PostgreSQL: revisions go in with COPY, their ids reserved beforehand.
        self.use_copy = connection.vendor == "postgresql"

    # ------------------------------------------------------------ Run ---

    def run(self):
        started = timezone.now()
        self.tree = ensure_site_tree()
        self.locales = {code: self.tree[code]["home"].locale for code in SITE_LANGUAGES}
        self.users = ensure_synthetic_users()
        self._topics()
        self._kind(OrganizationPage, self.spec.organizations, self._organization)
        self._kind(ToolPage, self.spec.tools, self._tool)
        self._kind(UseCasePage, self.spec.use_cases, self._use_case)
        analyze()
        bump_generation()  # bulk inserts send no publish signal: refresh cached pages
        self.report.seconds = (timezone.now() - started).total_seconds()
        return self.report

    def _topics(self):
        existing = {}
        for page in TopicPage.objects.filter(locale__in=self.locales.values()).order_by("path"):
            existing.setdefault(page.translation_key, {})[page.locale_id] = page.pk
        en, fr = self.locales["en"].pk, self.locales["fr"].pk
        pairs = [(ids[en], ids[fr]) for ids in existing.values() if en in ids and fr in ids]
        if pairs:
            self.targets["topic"] = pairs
            self.report.reused_topics = True
            self.report.created["topic"] = 0
            return
        index = language_indexes(self.tree, TopicPage)
        themes = [self._topic_entry(names) for names, _subs in TOPICS]
        theme_pages = self._insert_chunk(TopicPage, themes, lambda code: index[code])
        self.targets["topic"].extend(theme_pages)
        for (theme_en, theme_fr), (_names, subs) in zip(theme_pages, TOPICS, strict=True):
            parents = {"en": Page.objects.get(pk=theme_en), "fr": Page.objects.get(pk=theme_fr)}
            entries = [self._topic_entry(names) for names in subs]
            self.targets["topic"].extend(
                self._insert_chunk(TopicPage, entries, lambda code, p=parents: p[code])
            )
        self.report.created["topic"] = len(self.targets["topic"])

    def _kind(self, model, count, make_entry):
        kind = model.kind
        self.report.created[kind] = 0
        if not count:
            return
        index = language_indexes(self.tree, model)
        # Number the titles after the entries of earlier runs, so that they stay unique.
        offset = model.objects.filter(locale=self.locales["en"]).count()
        desc = str(model._meta.verbose_name_plural).capitalize()
        bar = self.progress(total=count, desc=desc, unit="entry")
        try:
            for start in range(0, count, self.spec.chunk_size):
                stop = min(count, start + self.spec.chunk_size)
                entries = [make_entry(offset + i) for i in range(start, stop)]
                pages = self._insert_chunk(model, entries, lambda code: index[code])
                if kind in self.targets:
                    self.targets[kind].extend(pages)
                if kind == "tool" and not self.report.first_tool:
                    self.report.first_tool = dict(zip(SITE_LANGUAGES, pages[0], strict=True))
                self.report.created[kind] += len(entries)
                bar.update(len(entries))
        finally:
            bar.close()

    # -------------------------------------------------------- Entries ---

    def _pick(self, kind, low, high):
        pool = self.targets[kind]
        if not pool:
            return []
        return self.rng.sample(range(len(pool)), min(len(pool), self.rng.randint(low, high)))

    def _summary(self, language, name):
        return self.text.sentence(language, name)[:300]

    def _topic_entry(self, names):
        text = {}
        for code, title in zip(SITE_LANGUAGES, names, strict=True):
            text[code] = {
                "title": title,
                "summary": self._summary(code, title),
                "description": self.text.paragraphs(code, title, 2),
            }
        return Entry(
            base_slug={c: slugify(t["title"]) for c, t in text.items()}, text=text, facts={}
        )

    def _tool(self, i):
        adjective, fr_m, fr_f = self.rng.choice(TOOL_ADJECTIVES)
        noun, fr_noun, gender = self.rng.choice(TOOL_NOUNS)
        number = i + 1
        titles = {
            "en": f"{adjective} {noun} {number}",
            "fr": f"{fr_noun} {fr_f if gender == 'f' else fr_m} {number}",
        }
        licence = self.rng.choice([*OPEN_SOURCE_LICENCES, PROPRIETARY, PROPRIETARY, ""])
        slug_en = slugify(titles["en"])
        open_code = licence and licence != PROPRIETARY
        facts = {
            "website": f"https://{slug_en}.example.org",
            "source_code_url": f"https://code.example.org/{slug_en}" if open_code else "",
            "licence": licence,
            "open_source": None,
            "pricing": self.rng.choice(Pricing.values),
            "hosting": self.rng.choice(Hosting.values),
            "interface_languages": sorted(
                self.rng.sample(INTERFACE_LANGUAGES, self.rng.randint(1, 4))
            ),
            "programming_languages": sorted(
                self.rng.sample(PROGRAMMING_LANGUAGES, self.rng.randint(0, 2))
            ),
            "has_api": self.rng.random() < 0.4,
        }
        relations = {
            "topics": self._pick("topic", 1, 3),
            "developers": self._pick("organization", 1, 2) if self.rng.random() < 0.85 else [],
        }
        return self._entry(titles, facts, relations, paragraphs=3)

    def _organization(self, i):
        en, fr, kind, sector = self.rng.choice(ORGANIZATION_PATTERNS)
        town = self.rng.choice(TOWNS)
        domain_en, domain_fr = self.rng.choice(DOMAINS)
        fill = {"town": town, "domain_en": domain_en, "domain_fr": domain_fr}
        number = i + 1
        titles = {"en": f"{en.format(**fill)} {number}", "fr": f"{fr.format(**fill)} {number}"}
        facts = {
            "sector": sector,
            "organization_kind": kind,
            "country": self.rng.choice(COUNTRIES),
            "website": f"https://{slugify(titles['en'])}.example.org",
        }
        return self._entry(titles, facts, {}, paragraphs=2)

    def _use_case(self, i):
        en, fr = self.rng.choice(USE_CASE_PHRASES)
        town = self.rng.choice(TOWNS)
        number = i + 1
        titles = {"en": f"{en} in {town} {number}", "fr": f"{fr} à {town} {number}"}
        facts = {
            "country": self.rng.choice(COUNTRIES),
            "year_started": self.rng.randint(2005, 2025),
        }
        relations = {
            "tools": self._pick("tool", 1, 4),
            "organizations": self._pick("organization", 1, 2),
            "topics": self._pick("topic", 1, 2),
        }
        entry = self._entry(titles, facts, relations, paragraphs=2)
        participants = self.rng.randint(50, 90_000)
        for code in SITE_LANGUAGES:
            entry.text[code]["outcome"] = OUTCOMES[code].format(
                n=participants, sentence=self.text.sentence(code, titles[code])
            )
        for n in range(self.rng.randint(1, 2)):
            url = f"https://{slugify(titles['en'])}.example.org/{'about' if n else ''}"
            entry.links.append(
                (url, {"en": f"About {titles['en']}", "fr": f"À propos : {titles['fr']}"})
            )
        return entry

    def _entry(self, titles, facts, relations, paragraphs):
        text = {
            code: {
                "title": titles[code],
                "summary": self._summary(code, titles[code]),
                "description": self.text.paragraphs(code, titles[code], paragraphs),
            }
            for code in SITE_LANGUAGES
        }
        return Entry(
            base_slug={code: slugify(titles[code]) for code in SITE_LANGUAGES},
            text=text,
            facts=facts,
            relations=relations,
        )

    # ------------------------------------------------------ Insertion ---

    def _cursor(self, parent):
        if parent.pk not in self.cursors:
            self.cursors[parent.pk] = ParentCursor(parent)
        return self.cursors[parent.pk]

    def _timeline(self):
        """Creation times of the N revisions of an entry, oldest first, all in the past."""
        start = self.now - timedelta(days=self.rng.uniform(30, 3 * 365))
        span = (self.now - timedelta(hours=1) - start).total_seconds()
        offsets = sorted(self.rng.uniform(0, span) for _ in range(self.spec.revisions - 1))
        return [start, *(start + timedelta(seconds=s) for s in offsets)]

    @transaction.atomic
    def _insert_chunk(self, model, entries, parent_for):
        """Insert a chunk of entries in both languages; returns [(en id, fr id)]."""
        ct = ContentType.objects.get_for_model(model)
        pages, plan = [], []  # plan: (page, entry, language, timeline)
        for entry in entries:
            timeline = self._timeline()
            owners = self.rng.sample(self.users, 2)
            for n, code in enumerate(SITE_LANGUAGES):
                # The translation follows the original by a few hours.
                times = [t + timedelta(minutes=90 * n) for t in timeline]
                times = [min(t, self.now) for t in times]
                text = entry.text[code]
                page = model(
                    title=text["title"],
                    draft_title=text["title"],
                    summary=text["summary"],
                    description="\n\n".join(text["description"]),
                    live=True,
                    has_unpublished_changes=False,
                    content_type_id=ct.pk,
                    owner_id=owners[n].pk,
                    locale_id=self.locales[code].pk,
                    translation_key=entry.translation_key,
                    first_published_at=times[0],
                    last_published_at=times[-1],
                    latest_revision_created_at=times[-1],
                    **({"outcome": text["outcome"]} if "outcome" in text else {}),
                    **entry.facts,
                )
                self._cursor(parent_for(code)).place(page, entry.base_slug[code])
                pages.append(page)
                plan.append((page, entry, code, times))

        revision_ids = None
        if self.use_copy:
            # Reserve the revision ids now, so that pages are inserted already
            # pointing at their last revision (the foreign keys are deferred).
            revision_ids = reserve_ids(Revision, len(pages) * self.spec.revisions)
            for n, page in enumerate(pages):
                last = revision_ids[(n + 1) * self.spec.revisions - 1]
                page.latest_revision_id = page.live_revision_id = last
        self._insert_multitable(model, pages)
        m2m = self._insert_relations(model, plan)
        links = self._insert_links(model, plan)
        self._insert_revisions(model, ct, plan, m2m, links, revision_ids)
        for code in SITE_LANGUAGES:
            self._cursor(parent_for(code)).flush()
        return [(pages[i].pk, pages[i + 1].pk) for i in range(0, len(pages), 2)]

    def _batch(self, fields, objs):
        return max(1, min(self.spec.batch_size, connection.ops.bulk_batch_size(fields, objs)))

    def _insert_multitable(self, model, pages):
        """wagtailcore_page rows (ids returned), then the specific model's rows."""
        base_fields = [
            f for f in Page._meta.local_concrete_fields if f is not Page._meta.auto_field
        ]
        returning = Page._meta.db_returning_fields
        size = self._batch(base_fields, pages)
        for start in range(0, len(pages), size):
            batch = pages[start : start + size]
            rows = Page._base_manager._insert(batch, fields=base_fields, returning_fields=returning)
            for page, row in zip(batch, rows, strict=True):
                page.pk = page.id = row[0]  # pk is page_ptr_id on the subclass
                page.page_ptr_id = row[0]
                page._state.adding = False
        child_fields = model._meta.local_concrete_fields
        size = self._batch(child_fields, pages)
        for start in range(0, len(pages), size):
            model._base_manager._insert(pages[start : start + size], fields=child_fields)

    def _insert_relations(self, model, plan):
        """Through rows of the ParentalManyToManyFields; returns {(page id, field): [ids]}."""
        language_index = {code: n for n, code in enumerate(SITE_LANGUAGES)}
        chosen = {}
        by_field = {}
        for page, entry, code, _times in plan:
            for name, indexes in entry.relations.items():
                target_kind = RELATION_KINDS[name]
                ids = [self.targets[target_kind][i][language_index[code]] for i in indexes]
                chosen[(page.pk, name)] = ids
                by_field.setdefault(name, []).extend((page.pk, target) for target in ids)
        for name, pairs in by_field.items():
            rel = model._meta.get_field(name)
            through = rel.remote_field.through
            source, target = f"{rel.m2m_field_name()}_id", f"{rel.m2m_reverse_field_name()}_id"
            rows = [through(**{source: a, target: b}) for a, b in pairs]
            through.objects.bulk_create(
                rows, batch_size=self._batch(through._meta.concrete_fields, rows)
            )
        return chosen

    def _insert_links(self, model, plan):
        if model is not UseCasePage:
            return {}
        rows = []
        for page, entry, code, _times in plan:
            for n, (url, labels) in enumerate(entry.links):
                rows.append(UseCaseLink(page_id=page.pk, sort_order=n, url=url, label=labels[code]))
        UseCaseLink.objects.bulk_create(
            rows, batch_size=self._batch(UseCaseLink._meta.concrete_fields, rows)
        )
        links = {}
        for link in rows:
            links.setdefault(link.page_id, []).append(get_serializable_data_for_fields(link))
        return links

    def _insert_revisions(self, model, ct, plan, m2m, links, revision_ids):
        """N revisions per page version, their content written as JSON text directly.

        The content of consecutive revisions differs in a few keys only, so the
        unchanging part is encoded once per page and the rest spliced in: JSON
        encoding would otherwise dominate the run (hundreds of thousands of ~2 KB
        documents).
        """
        total = self.spec.revisions
        child_relations = [rel.get_accessor_name() for rel in get_all_child_relations(model)]
        m2m_fields = [f.name for f in get_all_child_m2m_relations(model)]
        user_ids = [u.pk for u in self.users]
        dump = self._dump
        rows = []  # (object id, created_at, user id, title, json text)
        for page, entry, code, times in plan:
            final = get_serializable_data_for_fields(page)
            for name in child_relations:
                final[name] = []
            if "links" in final:
                final["links"] = links.get(page.pk, [])
            for name in m2m_fields:
                final[name] = m2m.get((page.pk, name), [])
            for name in REVISION_VARIABLE_KEYS:
                final.pop(name, None)
            final.pop("description")
            # Revision 1 has the facts only: no relations, outcome or links yet.
            first = dict(final)
            for name in (*m2m_fields, "links"):
                if name in first:
                    first[name] = []
            if "outcome" in first:
                first["outcome"] = ""
            heads = {1: dump(first)[:-1], total: dump(final)[:-1]}
            rest = heads[total]
            paragraphs = entry.text[code]["description"]
            descriptions = {}
            stamps = [dump(t) for t in times]
            offset = self.rng.randrange(len(user_ids))
            object_id = str(page.pk)
            for k in range(1, total + 1):
                # The description grows over the history; the last revision is the page.
                if k == total:
                    shown = len(paragraphs)
                elif k == 1:
                    shown = 0
                else:
                    shown = math.ceil(len(paragraphs) * k / total)
                if shown not in descriptions:
                    descriptions[shown] = dump("\n\n".join(paragraphs[:shown]))
                text = (
                    f'{heads.get(k, rest)}, "description": {descriptions[shown]}'
                    f', "latest_revision_created_at": {stamps[k - 1]}'
                    f', "first_published_at": {stamps[0] if k > 1 else "null"}'
                    f', "last_published_at": {stamps[k - 2] if k > 1 else "null"}'
                    ', "latest_revision": null, "live_revision": null}'
                )
                rows.append(
                    (
                        object_id,
                        times[k - 1],
                        user_ids[(offset + k) % len(user_ids)],
                        page.title,
                        text,
                    )
                )
        self.report.revisions += len(rows)

        if revision_ids is not None:
            copy_rows(
                Revision,
                ["id", "content_type_id", "base_content_type_id", "object_id", "created_at",
                 "user_id", "object_str", "content", "approved_go_live_at"],
                (
                    (pk, ct.pk, self.page_ct.pk, object_id, created, user, title, text, None)
                    for pk, (object_id, created, user, title, text) in zip(
                        revision_ids, rows, strict=True
                    )
                ),
            )  # fmt: skip
            return
        revisions = [
            Revision(
                content_type_id=ct.pk,
                base_content_type_id=self.page_ct.pk,
                object_id=object_id,
                created_at=created,
                user_id=user,
                object_str=title,
                content=json.loads(text),
            )
            for object_id, created, user, title, text in rows
        ]
        Revision.objects.bulk_create(
            revisions, batch_size=self._batch(Revision._meta.concrete_fields, revisions)
        )
        updates = []
        for n, (page, _entry, _code, _times) in enumerate(plan):
            last = revisions[(n + 1) * total - 1].pk
            page.latest_revision_id = page.live_revision_id = last
            updates.append((last, last, page.pk))
        table = connection.ops.quote_name(Page._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET latest_revision_id = %s, live_revision_id = %s WHERE id = %s",
                updates,
            )

    def _dump(self, value):
        return json.dumps(value, cls=DjangoJSONEncoder)


#: Revision content keys that change from one revision to the next.
REVISION_VARIABLE_KEYS = (
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "latest_revision",
    "live_revision",
)


def analyze():
    """Refresh PostgreSQL's planner statistics after a bulk load.

    Without it the first requests are planned with the statistics of a nearly
    empty catalogue (autovacuum catches up later), e.g. a 40 ms full walk of the
    page tree's path index instead of a 1 ms lookup.
    """
    if connection.vendor != "postgresql":
        return
    models = [Page, Revision, UseCaseLink, get_user_model()]
    for model in ENTRY_MODELS:
        models.append(model)
        models += [f.remote_field.through for f in get_all_child_m2m_relations(model)]
    tables = sorted({connection.ops.quote_name(m._meta.db_table) for m in models})
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(tables)}")


def reserve_ids(model, count):
    """Take `count` ids from a PostgreSQL table's id sequence (safe with concurrent inserts)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [connection.ops.quote_name(model._meta.db_table), model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def copy_rows(model, columns, rows):
    """PostgreSQL COPY FROM STDIN: the fastest way in, values adapted by psycopg in C."""
    quote = connection.ops.quote_name
    sql = f"COPY {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


RELATION_KINDS = {"topics": "topic", "developers": "organization", "organizations": "organization",
                  "tools": "tool"}  # fmt: skip


class _NoProgress:
    def update(self, n):
        pass

    def close(self):
        pass


def ensure_synthetic_users(count=SYNTHETIC_USERS):
    """Contributors that the synthetic revisions are attributed to (no usable password)."""
    User = get_user_model()
    names = [f"synthetic-{n:02d}" for n in range(1, count + 1)]
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    new = []
    for name in names:
        if name not in existing:
            user = User(username=name, email=f"{name}@synthetic.ogptoolbox.invalid",
                        first_name="Synthetic", last_name=name.split("-")[1])  # fmt: skip
            user.set_unusable_password()
            new.append(user)
    User.objects.bulk_create(new)
    return list(User.objects.filter(username__in=names).order_by("username"))


def generate_catalogue(spec, progress=None):
    """Build the synthetic catalogue described by `spec`; returns a Report.

    `progress(total=, desc=, unit=)` returns a tqdm-like bar (update/close).
    """
    return CatalogueGenerator(spec, progress).run()


# -------------------------------------------------------- Verification ---


def _client_host():
    for host in ("localhost", "127.0.0.1", *settings.ALLOWED_HOSTS):
        host = host.lstrip(".")
        if host and host != "*" and validate_host(host, settings.ALLOWED_HOSTS):
            return host
    return "localhost"


def verify(report, revisions):
    """Check the tree and serve the first generated tool in each language.

    Returns a list of problems (empty when all is well).
    """
    problems = []
    names = ("bad characters", "bad path length", "orphans", "wrong depth", "wrong numchild")
    for name, ids in zip(names, check_tree(), strict=True):
        if ids:
            problems.append(f"tree: {len(ids)} page(s) with {name}, e.g. ids {ids[:5]}")
    client = Client(HTTP_HOST=_client_host())
    secure = bool(getattr(settings, "SECURE_SSL_REDIRECT", False))
    for code, pk in report.first_tool.items():
        page = Page.objects.get(pk=pk).specific
        url = page.get_url()
        response = client.get(url, secure=secure)
        if response.status_code != 200:
            problems.append(f"{code}: GET {url} answered {response.status_code}")
        count = page.revisions.count()
        if count != revisions:
            problems.append(f"{code}: {url} has {count} revisions, expected {revisions}")
    return problems
