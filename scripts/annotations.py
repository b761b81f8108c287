#!/usr/bin/env python3
"""Check the edition's annotation files, scaffold a new note, or regenerate their JSON Schemas.

    python scripts/annotations.py check [--strict]     every file:line problem; exit 1 if any error
    python scripts/annotations.py new PAGE "QUOTE"     print a new note's YAML, anchored to QUOTE
    python scripts/annotations.py schema [--check]     (re)write annotations/schema/*.schema.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from edition.core import project, schemas, settings_file  # noqa: E402
from edition.core.annotations import scaffold  # noqa: E402
from edition.core.editions import variants  # noqa: E402
from edition.core.errors import EditionError  # noqa: E402
from edition.core.text import ingest  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project root (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check every annotation file")
    check.add_argument("--strict", action="store_true", help="warnings count as errors")
    check.add_argument("--github", action="store_true",
                       help="also print each problem as a GitHub Actions annotation (on the file's line in a PR)")
    new = commands.add_parser("new", help="print the YAML of a new note anchored to a quote")
    new.add_argument("page", help="the page's slug, like building-cars")
    new.add_argument("quote", help="the exact passage, copied from the text")
    new.add_argument("--id", default="", help="the note's id, like n-my-note")
    schema = commands.add_parser("schema", help="write the JSON Schemas of the annotation files")
    schema.add_argument("--check", action="store_true", help="only check that they are up to date")
    args = parser.parse_args(argv)
    paths = ingest.Paths(args.root)
    try:
        if args.command == "schema":
            return _schema(paths, args.check)
        settings = settings_file.read(paths.root)
        loaded = project.load(paths, settings_file.layout_of(settings))
        if args.command == "check":
            _check_conversion(settings, paths, loaded)
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        if getattr(args, "github", False):
            print("\n".join(p.github("error") for p in err.problems))
        return 1
    if args.command == "new":
        try:
            print(scaffold.note_yaml(loaded.edition.document, args.page, args.quote, args.id), end="")
        except EditionError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        return 0
    for warning in loaded.warnings:
        print(f"warning: {warning}", file=sys.stderr)
        if args.github:
            print(warning.github("error" if args.strict else "warning"))
    count = len(loaded.annotations.annotations)
    if loaded.warnings and args.strict:
        return 1
    print(f"annotations: {count} annotations and {len(loaded.edition.emendations)} emendations are fine"
          + (f" ({len(loaded.warnings)} warnings)" if loaded.warnings else ""))
    return 0


def _check_conversion(settings: settings_file.PluginSettings, paths: ingest.Paths, loaded: project.Project) -> None:
    """The conversion overrides of the editions that mkdocs.yml configures (as the build checks them)."""
    editions = variants.from_config(settings.get("editions", []))
    overrides = variants.load_overrides(paths.root, settings.get("conversion", "annotations/conversion.yml"))
    converters = {v.code: variants.Converter(v, overrides) for v in editions}
    problems = variants.check(converters, overrides, loaded.edition.document)
    if problems:
        raise EditionError(problems)


def _schema(paths: ingest.Paths, check: bool) -> int:
    stale = []
    for name, content in schemas.all_schemas().items():
        target = paths.root / paths.annotations / "schema" / name
        text = json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not check:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    if check and stale:
        print(f"error: stale schemas: {', '.join(stale)}\n  hint: run 'python scripts/annotations.py schema'",
              file=sys.stderr)
        return 1
    print(f"schemas: {'wrote ' + ', '.join(stale) if stale else 'up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
