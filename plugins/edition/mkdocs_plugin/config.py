"""Settings of the `edition` MkDocs plugin: made from the core's declaration (core/settings.py), so
that MkDocs knows every name and type while the core, which every command shares, checks the values
with their lines."""

from __future__ import annotations

import copy

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..core import settings


def _option(option: settings.Option) -> c.Type:  # type: ignore[type-arg]
    return c.Type(option.kind, default=copy.deepcopy(option.default))


#: One MkDocs option per setting, named and typed as the core declares it.
EditionConfig = type("EditionConfig", (base.Config,), {
    "__doc__": "The edition plugin's settings (declared in core/settings.py).",
    **{o.name: _option(o) for o in settings.OPTIONS},
})
