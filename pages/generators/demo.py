"""Loads the demo catalogue (pages/fixtures/demo_catalogue.json) as real wiki history.

Every entry exists in English and French, and every language version gets two
revisions by two different demo contributors (the first with the name, summary
and facts, the second adding the description and relations), so that history
and diffs have something to show from the first run. Loading is idempotent:
entries that already exist (same slug under the same index) are left alone.
"""

import json
from pathlib import Path

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from pages.languages import SITE_LANGUAGES
from pages.models import OrganizationPage, ToolPage, TopicPage, UseCaseLink, UseCasePage
from pages.tree import ensure_site_tree, language_indexes

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "demo_catalogue.json"

# Development-only accounts, listed in the README. Never load demo data in production.
DEMO_PASSWORD = "toolbox-demo-2026"
DEMO_USERS = [
    # username, first name, last name, groups, superuser
    ("amina", "Amina", "Diallo", ["Contributors"], False),
    ("bruno", "Bruno", "Lefèvre", ["Contributors"], False),
    ("camille", "Camille", "Moreau", ["Contributors", "Moderators"], False),
    ("admin", "Ada", "Admin", ["Contributors", "Moderators"], True),
]


def ensure_demo_users():
    User = get_user_model()
    users = {}
    for username, first, last, groups, superuser in DEMO_USERS:
        email = f"{username}@demo.ogptoolbox.invalid"
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": email},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_superuser = user.is_staff = superuser
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(*[Group.objects.get_or_create(name=name)[0] for name in groups])
        users[username] = user
    return users


class DemoLoader:
    """Creates the entries of one fixture, kind by kind, in both languages."""

    def __init__(self, data, progress=None, history=True):
        self.data = data
        self.history = history
        self.progress = progress or (lambda message: None)
        self.tree = ensure_site_tree()
        self.users = ensure_demo_users()
        self.authors = (self.users["amina"], self.users["bruno"])
        self.pages = {kind: {} for kind in ("topic", "organization", "tool", "use_case")}
        self.created = 0

    def run(self):
        themes = [t for t in self.data["topics"] if not t.get("parent")]
        subtopics = [t for t in self.data["topics"] if t.get("parent")]
        for item in themes + subtopics:
            parents = (
                {code: self.pages["topic"][item["parent"]][code] for code in SITE_LANGUAGES}
                if item.get("parent")
                else language_indexes(self.tree, TopicPage)
            )
            self._entry(TopicPage, item, facts={}, relations={}, parents=parents)
        for item in self.data["organizations"]:
            facts = {
                "sector": item.get("sector") or "",
                "organization_kind": item.get("kind") or "",
                "country": item.get("country") or "",
                "website": item.get("website") or "",
            }
            self._entry(OrganizationPage, item, facts, relations={})
        for item in self.data["tools"]:
            facts = {
                name: item.get(name)
                for name in (
                    "website", "source_code_url", "licence", "open_source", "pricing",
                    "hosting", "interface_languages", "programming_languages", "has_api",
                )
            }  # fmt: skip
            facts = {
                k: ("" if v is None and k not in ("open_source", "has_api") else v)
                for k, v in facts.items()
            }
            relations = {
                "topics": ("topic", item["topics"]),
                "developers": ("organization", item["developers"]),
            }
            self._entry(ToolPage, item, facts, relations)
        for item in self.data["use_cases"]:
            facts = {"country": item.get("country") or "", "year_started": item.get("year_started")}
            relations = {
                "topics": ("topic", item["topics"]),
                "tools": ("tool", item["tools"]),
                "organizations": ("organization", item["organizations"]),
            }
            self._entry(UseCasePage, item, facts, relations)
        return self.created

    def _entry(self, model, item, facts, relations, parents=None):
        """Both language versions of one entry; `parents` defaults to the model's indexes."""
        kind = model.kind
        parents = parents or language_indexes(self.tree, model)
        name_key = "title" if "title_en" in item else "name"
        en = model.objects.child_of(parents["en"]).filter(slug=item["slug_en"]).first()
        versions = {}
        if en is None:
            en = model(
                title=item[f"{name_key}_en"],
                slug=item["slug_en"],
                summary=item.get("summary_en", ""),
                live=False,
                owner=self.authors[0],
                **facts,
            )
            parents["en"].add_child(instance=en)
            log(instance=en, action="wagtail.create", user=self.authors[0])
            self._publish(en, self.authors[0])
            self.created += 1
        versions["en"] = en
        fr = en.get_translation_or_none(self.tree["fr"]["home"].locale)
        if fr is None:
            fr = en.copy_for_translation(self.tree["fr"]["home"].locale)
            fr.title = item[f"{name_key}_fr"]
            fr.slug = item["slug_fr"]
            fr.summary = item.get("summary_fr", "")
            fr.owner = self.authors[1]
            self._publish(fr, self.authors[1])
            self.created += 1
        versions["fr"] = fr.specific
        self.pages[kind][item["key"]] = versions
        for code, page in versions.items():
            if page.description:
                continue  # second revision already made
            page.description = item.get(f"description_{code}", "")
            if kind == "use_case":
                page.outcome = item.get(f"outcome_{code}", "")
                page.links = [
                    UseCaseLink(url=link["url"], label=link.get(f"label_{code}", ""))
                    for link in item.get("links", [])
                ]
            for field, (target_kind, keys) in relations.items():
                getattr(page, field).set([self.pages[target_kind][key][code] for key in keys])
            # The other author writes the second revision of each language version.
            self._publish(page, self.authors[1] if code == "en" else self.authors[0])
        self.progress(f"{kind}: {item['key']}")

    def _publish(self, page, user):
        if not self.history:
            # Live pages without revisions: ten times faster, for tests that
            # only read the catalogue (search relevance).
            page.live, page.has_unpublished_changes = True, False
            page.first_published_at = page.first_published_at or timezone.now()
            page.last_published_at = timezone.now()
            page.save()
            return
        revision = page.save_revision(user=user, log_action=True)
        revision.publish(user=user, skip_permission_checks=True)
        page.refresh_from_db()


@transaction.atomic
def load_demo_data(path=FIXTURE, progress=None, history=True):
    """Load the demo catalogue; returns how many pages were created.

    `history=False` publishes pages without revisions (no history to show).
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return DemoLoader(data, progress, history).run()
