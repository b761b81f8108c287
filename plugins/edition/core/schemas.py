"""The JSON Schemas of every input file, generated from the field declarations (never by hand).

Editors validate while typing through the `# yaml-language-server: $schema=…` line at the top of
each file; a test fails when the files in annotations/schema/ are stale.
"""

from __future__ import annotations

from typing import Any

from .annotations.model import file_schema, schema
from .editions import variants
from .text import emendations, layout_fixes, structure


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema."""
    return {
        "notes.schema.json": schema("note"),
        "glossary.schema.json": schema("term"),
        "timeline.schema.json": schema("event"),
        "emendations.schema.json": file_schema(emendations.FIELDS, "emendations", "emendations"),
        "structure.schema.json": file_schema(structure.PAGE_FIELDS, "pages", "structure"),
        "layout.schema.json": file_schema(layout_fixes.FIELDS, "fixes", "layout fixes"),
        "conversion.schema.json": file_schema(variants.OVERRIDE, "overrides", "conversion overrides"),
    }
