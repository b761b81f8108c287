"""The JSON Schemas of every input file, generated from the field declarations (never by hand).

Editors validate while typing through the `# yaml-language-server: $schema=…` line at the top of
each file; a test fails when the files in annotations/schema/ are stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .annotations.model import file_schema, schema
from .editions import variants
from .settings import Settings
from .text import emendations, layout_fixes, structure


def all_schemas(settings: Settings) -> dict[str, dict[str, Any]]:
    """File name -> schema (the category vocabularies are the settings')."""
    categories = settings.categories
    return {
        "notes.schema.json": schema("note", categories),
        "glossary.schema.json": schema("term", categories),
        "timeline.schema.json": schema("event", categories),
        "emendations.schema.json": file_schema(emendations.FIELDS, "emendations", "emendations"),
        "structure.schema.json": file_schema(structure.PAGE_FIELDS, "pages", "structure"),
        "layout.schema.json": file_schema(layout_fixes.FIELDS, "fixes", "layout fixes"),
        "conversion.schema.json": file_schema(variants.OVERRIDE, "overrides", "conversion overrides",
                                               (("reviewed", variants.REVIEWED),)),
        "forms.schema.json": file_schema(variants.FORM, "forms", "variant policy", (("usage", variants.USAGE),)),
    }


def folder(root: Path, settings: Settings) -> Path:
    """Where the schemas are written: annotations/schema/ (each annotation file's first line names
    its schema there)."""
    return root / settings.annotations / "schema"


def stale(root: Path, settings: Settings, write: bool = False) -> list[str]:
    """The schema files that differ from what the declarations give (written anew with `write`)."""
    out = []
    for name, content in all_schemas(settings).items():
        target = folder(root, settings) / name
        text = json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            out.append(name)
            if write:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return out
