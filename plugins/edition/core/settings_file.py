"""The `edition` plugin's settings as the command-line scripts read them: from the project's
mkdocs.yml, with the line of every setting, for messages.

MkDocs reads the same file for the plugin (mkdocs_plugin/config.py declares the settings); the
scripts do not run MkDocs, so they read the plugin's own part of the file here and nothing else
(other plugins, `!ENV` and `!!python/name` tags elsewhere are left unread).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import yamlfile
from .errors import EditionError, Problem
from .text import layout as layout_mod
from .text.layout import Layout

CONFIG = "mkdocs.yml"
PLUGIN = "edition"


@dataclass(frozen=True)
class PluginSettings:
    """The plugin's settings in a configuration file: each setting's YAML node and line."""

    file: str
    #: The line of the plugin's entry (1 when the file has none).
    line: int
    nodes: dict[str, yaml.Node]
    key_lines: dict[str, int]

    def get(self, key: str, default: Any = None) -> Any:
        """A setting's value as yamlfile reads it (mappings with their lines), or `default`."""
        node = self.nodes.get(key)
        value = None if node is None else yamlfile.convert(node, self.file)
        return default if value is None else value

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def read(root: Path, name: str = CONFIG) -> PluginSettings:
    """The plugin's settings in `root`/`name`. Raises EditionError if the file is missing or not YAML."""
    path = root / name
    if not path.is_file():
        raise EditionError(Problem(name, 1, "the configuration file is missing",
                                   f"the scripts read the edition's settings from {name} in the project's root: "
                                   "run them in a project, or give its folder with --root"))
    entry = _plugin_entry(yamlfile.compose(path, name))
    if entry is None:
        return PluginSettings(name, 1, {}, {})
    line, node = entry
    if not isinstance(node, yaml.MappingNode):
        return PluginSettings(name, line, {}, {})
    nodes = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return PluginSettings(name, line, nodes, lines)


def _plugin_entry(root: yaml.Node | None) -> tuple[int, yaml.Node | None] | None:
    """The plugin's entry under `plugins:` (a list of names and one-key mappings, or a mapping):
    its line and the node of its settings (None for a bare name)."""
    plugins = _lookup(root, "plugins")
    entries: list[yaml.Node] = []
    if isinstance(plugins, yaml.SequenceNode):
        entries = plugins.value
    elif isinstance(plugins, yaml.MappingNode):
        entries = [plugins]
    for entry in entries:
        if isinstance(entry, yaml.ScalarNode) and entry.value == PLUGIN:
            return entry.start_mark.line + 1, None
        if isinstance(entry, yaml.MappingNode):
            for key, value in entry.value:
                if isinstance(key, yaml.ScalarNode) and key.value == PLUGIN:
                    return key.start_mark.line + 1, value
    return None


def _lookup(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                found: yaml.Node = v
                return found
    return None


def layout(root: Path, name: str = CONFIG) -> Layout:
    """The source's layout as the project's configuration declares it (layout.from_settings)."""
    return layout_of(read(root, name))


def layout_of(settings: PluginSettings) -> Layout:
    """The source's layout as these settings declare it (layout.from_settings)."""
    return layout_mod.from_settings(settings.get("layout", {}), settings.file, settings.line_of("layout"))


def configured_layout(config_file: Path | None, value: Any) -> Layout:
    """The layout MkDocs read from `config_file` (the plugin's `layout` setting, `value`), checked
    with the lines of that file: MkDocs keeps none. When the file does not declare that same value
    (an inherited configuration, say), the problems are on the line of the plugin."""
    name = config_file.name if config_file else CONFIG
    located: Any = None
    line = 1
    if config_file:
        try:
            settings = read(config_file.parent, name)
            located, line = settings.get("layout", {}), settings.line_of("layout")
        except EditionError:
            pass  # MkDocs read the file: what it could not, it has reported
    return layout_mod.from_settings(located if located == value else value, name, line)
