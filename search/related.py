"""What the documents of a chunk of entries need from other pages, read in a few queries.

A document shows an entry's topics (and their themes), the names of the
organizations, tools and topics it points at, and the countries and sectors
of its organizations. Asking each page for these costs about eight queries per
entry; reading them for a chunk of a few hundred entries at once costs a
handful per chunk, which is what makes a full rebuild fast.
"""

from collections import defaultdict

from wagtail.models import Locale, Page

# The relations whose names a document shows (search.signals follows the
# same many-to-many fields backwards when one of those pages changes).
RELATED_NAMES = ("topics", "developers", "organizations", "tools")
ORGANIZATION_RELATIONS = ("developers", "organizations")


def languages_by_locale():
    return dict(Locale.objects.values_list("pk", "language_code"))


def _themes():
    """{topic page id: (its key, its theme's key)} for every topic, in one query.

    Two levels only: a theme's parent is the topic index, a sub-theme's parent
    is its theme, so a topic whose parent path is a topic's path is a sub-theme.
    """
    from pages.models import TopicPage

    rows = list(TopicPage.objects.values_list("pk", "path", "translation_key"))
    key_by_path = {path: str(key) for _pk, path, key in rows}
    themes = {}
    for pk, path, key in rows:
        parent = key_by_path.get(path[: -Page.steplen])
        themes[pk] = (str(key), parent or str(key))
    return themes


def _through(field):
    """(through model, column of this side, column of the other side) of a many-to-many.

    Works both ways: `ToolPage.developers` and its reverse, an organization's `tools`.
    """
    if not field.concrete:  # a reverse relation: the forward field is on the other model
        forward = field.remote_field
        through = forward.remote_field.through
        return through, forward.m2m_reverse_field_name(), forward.m2m_field_name()
    return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()


class RelatedFacts:
    """Relations of many entry pages, looked up once (see the module docstring)."""

    def __init__(self, pages, memo=None):
        # `memo` carries titles and themes from one chunk to the next during a
        # rebuild: the same topics and organizations are shown by most chunks.
        self.memo = memo if memo is not None else {}
        self.targets = defaultdict(lambda: defaultdict(list))  # page id -> relation -> ids
        by_model = defaultdict(list)
        for page in pages:
            by_model[type(page)].append(page.pk)
        for model, ids in by_model.items():
            for name in RELATED_NAMES:
                if not hasattr(model, name):
                    continue
                through, source_name, target_name = _through(model._meta.get_field(name))
                rows = through.objects.filter(**{f"{source_name}__in": ids}).values_list(
                    f"{source_name}_id", f"{target_name}_id"
                )
                for source, target in rows:
                    self.targets[source][name].append(target)
        target_ids = {t for rels in self.targets.values() for ts in rels.values() for t in ts}
        self._load_targets(target_ids, pages)

    def _load_targets(self, target_ids, pages):
        from pages.models import OrganizationPage

        org_ids = target_ids | {p.pk for p in pages if p.kind == "organization"}
        self.organizations = {
            pk: (str(country or ""), sector or "")
            for pk, country, sector in OrganizationPage.objects.filter(pk__in=org_ids).values_list(
                "pk", "country", "sector"
            )
        }
        self.keys = dict(
            Page.objects.filter(pk__in=target_ids).values_list("pk", "translation_key")
        )
        self.titles = self.memo.setdefault("titles", {})
        unknown = set(self.keys.values()) - self.titles.keys()
        for key in unknown:
            self.titles[key] = set()
        live = Page.objects.live().filter(translation_key__in=unknown)
        for key, title in live.values_list("translation_key", "title") if unknown else ():
            self.titles[key].add(title)
        if target_ids or any(p.kind == "topic" for p in pages):
            if "themes" not in self.memo:
                self.memo["themes"] = _themes()
            self.themes = self.memo["themes"]
        else:
            self.themes = {}

    def related_names(self, page):
        keys = {self.keys[t] for ts in self.targets[page.pk].values() for t in ts if t in self.keys}
        return sorted({title for key in keys for title in self.titles.get(key, ())})

    def topic_keys(self, page):
        """(topics, themes): keys of the entry's topics and their themes; a topic files itself."""
        ids = list(self.targets[page.pk].get("topics", []))
        if page.kind == "topic":
            ids.append(page.pk)
        pairs = [self.themes[pk] for pk in ids if pk in self.themes]
        return sorted({key for key, _t in pairs}), sorted({theme for _k, theme in pairs})

    def organizations_of(self, page):
        """(country, sector) of the organizations that make or use the entry (or of itself)."""
        ids = [t for name in ORGANIZATION_RELATIONS for t in self.targets[page.pk].get(name, [])]
        if page.kind == "organization":
            ids.append(page.pk)
        return [self.organizations[pk] for pk in ids if pk in self.organizations]
