"""The configuration file (`mkdocs.yml`): the site's standard settings that the edition needs, and
the `edition` plugin's settings with the line of each, read the same way by every command and by
the MkDocs plugin.

Read without constructing anything but the values needed: the file may carry tags for other tools
(`!!python/name:` for Markdown extensions); `!ENV` is resolved as MkDocs resolves it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import settings as settings_mod
from .errors import EditionError, Problem
from .yamlfile import convert


@dataclass(frozen=True)
class SiteConfig:
    """The standard settings of a site (the ones every generator of the MkDocs family reads)."""

    root: Path
    #: The configuration file's name, for messages (relative to root).
    file: str = "mkdocs.yml"
    docs_dir: str = "docs"
    site_dir: str = "site"
    site_name: str = ""
    site_url: str = ""
    site_description: str = ""
    repo_url: str = ""
    use_directory_urls: bool = True
    #: The theme's name (material …) and interface language (zh …).
    theme: str = ""
    language: str = "zh"


def _env(node: yaml.Node) -> yaml.Node:
    """An `!ENV NAME` or `!ENV [NAME, …, default]` value, as MkDocs' loader reads it."""
    names = [node] if isinstance(node, yaml.ScalarNode) else list(node.value) if isinstance(
        node, yaml.SequenceNode) else []
    default: yaml.Node = yaml.ScalarNode("tag:yaml.org,2002:null", "", node.start_mark, node.end_mark)
    if isinstance(node, yaml.SequenceNode) and len(names) > 1:
        default = names.pop()
    for name in names:
        value = os.environ.get(str(name.value))
        if value is not None:
            tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
            return yaml.ScalarNode(tag, value, node.start_mark, node.end_mark)
    return default


def _resolve(node: yaml.Node) -> yaml.Node:
    """The node with every !ENV value inside it resolved."""
    if node.tag == "!ENV":
        return _env(node)
    if isinstance(node, yaml.MappingNode):
        node.value = [(k, _resolve(v)) for k, v in node.value]
    elif isinstance(node, yaml.SequenceNode):
        node.value = [_resolve(v) for v in node.value]
    return node


def _scalar(node: yaml.Node | None) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return None
    node = _resolve(node)
    try:
        return yaml.constructor.SafeConstructor().construct_object(node)
    except Exception:  # a tag for another tool: not a value the edition reads
        return None


def _get(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(mapping, yaml.MappingNode):
        return None
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            found: yaml.Node = v
            return found
    return None


def load(path: Path) -> tuple[SiteConfig, settings_mod.Settings]:
    """Read a configuration file. Raises EditionError with file:line problems."""
    display = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise EditionError(Problem(display, 1, f"there is no configuration file {path}",
                                   "run the command in the edition's folder, or give the file with -f")) from None
    except UnicodeDecodeError:
        raise EditionError(Problem(display, 1, "the file is not valid UTF-8", "save the file as UTF-8")) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise EditionError(Problem(display, mark.line + 1 if mark else 1,
                                   f"YAML syntax error: {err.problem or err.context}",
                                   "check the indentation and quoting on this line or the one above it")) from None
    theme = _get(root, "theme")
    site = SiteConfig(
        root=path.parent,
        file=display,
        docs_dir=str(_scalar(_get(root, "docs_dir")) or "docs"),
        site_dir=str(_scalar(_get(root, "site_dir")) or "site"),
        site_name=str(_scalar(_get(root, "site_name")) or ""),
        site_url=str(_scalar(_get(root, "site_url")) or ""),
        site_description=str(_scalar(_get(root, "site_description")) or ""),
        repo_url=str(_scalar(_get(root, "repo_url")) or ""),
        use_directory_urls=_scalar(_get(root, "use_directory_urls")) is not False,
        theme=str(_scalar(theme) or _scalar(_get(theme, "name")) or ""),
        language=str(_scalar(_get(theme, "language")) or "zh"),
    )
    return site, plugin_settings(root, display)


def plugin_settings(root: yaml.Node | None, display: str) -> settings_mod.Settings:
    """The `edition` plugin's settings in a composed configuration file."""
    plugins = _get(root, "plugins")
    entries = list(plugins.value) if isinstance(plugins, yaml.SequenceNode) else list(
        k for k, _ in plugins.value) if isinstance(plugins, yaml.MappingNode) else []
    for entry in entries:
        if isinstance(entry, yaml.ScalarNode) and entry.value == "edition":
            return settings_mod.read(None, display, entry.start_mark.line + 1)
        if isinstance(entry, yaml.MappingNode):
            node = _get(entry, "edition")
            if node is not None:
                line = entry.start_mark.line + 1
                if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
                    return settings_mod.read(None, display, line)
                return settings_mod.read(convert(_resolve(node), display), display, line)
    if isinstance(plugins, yaml.MappingNode):  # plugins: {edition: {...}}
        node = _get(plugins, "edition")
        if node is not None:
            return settings_mod.read(convert(_resolve(node), display), display, node.start_mark.line + 1)
    raise EditionError(Problem(display, (plugins.start_mark.line + 1) if plugins else 1,
                               "the edition plugin is not configured",
                               "add '- edition' (with its settings) under 'plugins:'"))
