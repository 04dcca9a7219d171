"""What the documents of a chunk of entries need from other pages, read in a few queries.

A document shows an entry's topics (and their themes), the names of the
organizations, tools and topics it points at, and the countries and sectors
of its organizations. Asking each page for these costs about eight queries per
entry; reading them for a chunk of a few hundred entries at once costs a
handful per chunk, and a full rebuild reads them for the whole catalogue in
as many queries, once.
"""

from collections import defaultdict

from wagtail.models import Locale, Page

from .versions import entry_models

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
    """Relations of many entries, looked up at once (see the module docstring).

    `versions` are one language version per entry (rows of
    `search.versions`); their relations are read with lists of their ids.
    With `versions=None`, the relations of the whole catalogue are read
    instead, in a few queries with no lists at all: what a full rebuild
    does, once.
    """

    def __init__(self, versions=None, memo=None):
        # `memo` carries titles and themes from one chunk to the next: the
        # same topics and organizations are shown by most chunks.
        self.memo = memo if memo is not None else {}
        self.everything = versions is None
        self.targets = defaultdict(lambda: defaultdict(list))  # page id -> relation -> ids
        by_model = defaultdict(list)
        for version in versions or ():
            by_model[version["model"]].append(version["pk"])
        read = {}  # (through, source column, target column): its rows
        for model in entry_models() if self.everything else by_model:
            for name in RELATED_NAMES:
                if not hasattr(model, name):
                    continue
                through, source_name, target_name = _through(model._meta.get_field(name))
                other_way = read.get((through, target_name, source_name))
                if self.everything and other_way is not None:
                    # The whole table was read from the other side (a topic's
                    # tools are the tools' topics): no need to read it again.
                    rows = [(source, target) for target, source in other_way]
                else:
                    rows = through.objects.all()
                    if not self.everything:
                        rows = rows.filter(**{f"{source_name}__in": by_model[model]})
                    rows = list(rows.values_list(f"{source_name}_id", f"{target_name}_id"))
                    read[(through, source_name, target_name)] = rows
                for source, target in rows:
                    self.targets[source][name].append(target)
        self._load_targets(versions or ())

    def _only(self, queryset, **lookup):
        """`queryset`, limited by `lookup` unless the whole catalogue is read."""
        return queryset if self.everything else queryset.filter(**lookup)

    def _load_targets(self, versions):
        from pages.models import OrganizationPage

        targets = () if self.everything else self.targets.values()
        target_ids = {t for rels in targets for ts in rels.values() for t in ts}
        organizations = OrganizationPage.objects.values_list("pk", "country", "sector")
        org_ids = target_ids | {v["pk"] for v in versions if v["model"] is OrganizationPage}
        self.organizations = {
            pk: (str(country or ""), sector or "")
            for pk, country, sector in self._only(organizations, pk__in=org_ids)
        }
        self.titles = self.memo.setdefault("titles", {})
        if self.everything:
            self._load_every_title()
        else:
            self._load_titles(target_ids)
        topics = any(v["model"].kind == "topic" for v in versions)
        if "themes" not in self.memo and (self.everything or target_ids or topics):
            self.memo["themes"] = _themes()
        self.themes = self.memo.get("themes", {})

    def _load_every_title(self):
        """Every page's key, and the titles of the live ones, in one query."""
        self.keys = {}
        pages = Page.objects.values_list("pk", "translation_key", "title", "live")
        for pk, key, title, live in pages:
            self.keys[pk] = key
            if live:
                self.titles.setdefault(key, set()).add(title)

    def _load_titles(self, target_ids):
        """The keys of `target_ids`, and the live titles of those keys not seen yet."""
        keys = Page.objects.filter(pk__in=target_ids).values_list("pk", "translation_key")
        self.keys = dict(keys)
        unknown = set(self.keys.values()) - self.titles.keys()
        for key in unknown:
            self.titles[key] = set()
        if unknown:
            live = Page.objects.live().filter(translation_key__in=unknown)
            for key, title in live.values_list("translation_key", "title"):
                self.titles[key].add(title)

    def related_names(self, version):
        targets = self.targets[version["pk"]].values()
        keys = {self.keys[t] for ts in targets for t in ts if t in self.keys}
        return sorted({title for key in keys for title in self.titles.get(key, ())})

    def topic_keys(self, version):
        """(topics, themes): keys of the entry's topics and their themes; a topic files itself."""
        ids = list(self.targets[version["pk"]].get("topics", []))
        if version["model"].kind == "topic":
            ids.append(version["pk"])
        pairs = [self.themes[pk] for pk in ids if pk in self.themes]
        return sorted({key for key, _t in pairs}), sorted({theme for _k, theme in pairs})

    def organizations_of(self, version):
        """(country, sector) of the organizations that make or use the entry (or of itself)."""
        targets = self.targets[version["pk"]]
        ids = [t for name in ORGANIZATION_RELATIONS for t in targets.get(name, [])]
        if version["model"].kind == "organization":
            ids.append(version["pk"])
        return [self.organizations[pk] for pk in ids if pk in self.organizations]
