"""YAML read with limits: a few hundred bytes must not cost minutes and gigabytes.

YAML anchors and aliases let a tiny file stand for a huge document ("billion
laughs": nine levels of ten aliases each are a billion nodes once expanded).
PyYAML shares the aliased node, so composing is cheap, but everything that
walks the result afterwards (constructing, `str()`, our records) pays for
the expanded size. `load_all` composes with a loader that counts, for every
node, how many nodes it stands for once its aliases are expanded, and stops
as soon as a document passes `max_nodes`, nests deeper than `max_depth` or
refers to itself; the file size is checked before parsing (`max_bytes`).
"""

import yaml

from django.conf import settings
from django.utils.translation import gettext as _

#: Defaults, overridden by OGPT_YAML_MAX_BYTES / _MAX_NODES / _MAX_DEPTH.
#: A publiccode.yml is a few kilobytes and a few hundred nodes.
DEFAULT_MAX_BYTES = 1024 * 1024
DEFAULT_MAX_NODES = 100_000
DEFAULT_MAX_DEPTH = 64


class YamlLimitError(ValueError):
    """The YAML text passes a limit; the message says which, for people."""

    def __init__(self, message, line=0):
        super().__init__(message)
        self.line = line


def limits():
    return (
        getattr(settings, "OGPT_YAML_MAX_BYTES", DEFAULT_MAX_BYTES),
        getattr(settings, "OGPT_YAML_MAX_NODES", DEFAULT_MAX_NODES),
        getattr(settings, "OGPT_YAML_MAX_DEPTH", DEFAULT_MAX_DEPTH),
    )


class LimitedLoader(yaml.SafeLoader):
    """SafeLoader that knows each node's expanded size while composing."""

    def __init__(self, stream, max_nodes, max_depth):
        super().__init__(stream)
        self.max_nodes, self.max_depth = max_nodes, max_depth
        self.sizes = {}  # id(node) -> nodes it stands for, aliases expanded
        self.depth = 0

    def _line(self):
        return self.peek_event().start_mark.line + 1

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            anchored = self.anchors.get(self.peek_event().anchor)
            if anchored is not None and id(anchored) not in self.sizes:
                raise YamlLimitError(
                    _("An alias refers to the node that contains it."), self._line()
                )
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > self.max_depth:
            raise YamlLimitError(
                _("The YAML is nested more than %d levels deep.") % self.max_depth, self._line()
            )
        line = self._line()
        try:
            node = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        self.sizes[id(node)] = size = 1 + sum(self.sizes[id(child)] for child in _children(node))
        if size > self.max_nodes:
            raise YamlLimitError(
                _(
                    "The YAML stands for more than %d values once its aliases are expanded: "
                    "it is refused."
                )
                % self.max_nodes,
                line,
            )
        return node


def _children(node):
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return ()


def load_all(text):
    """Every document of a YAML text, as plain Python; YamlLimitError or yaml.YAMLError."""
    max_bytes, max_nodes, max_depth = limits()
    if len(text.encode()) > max_bytes:
        raise YamlLimitError(
            _("A YAML file can be up to %d KB.") % (max_bytes // 1024),
        )
    loader = LimitedLoader(text, max_nodes, max_depth)
    try:
        documents = []
        while loader.check_data():
            documents.append(loader.get_data())
        return documents
    finally:
        loader.dispose()
