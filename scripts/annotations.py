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

import yaml  # noqa: E402

from edition.core import project, report, schemas  # noqa: E402
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
    if args.command == "schema":
        return _schema(paths, args.check)
    if args.command == "new":
        try:
            document = ingest.load(paths).document
            print(scaffold.note_yaml(document, args.page, args.quote, args.id), end="")
        except EditionError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        return 0
    editions, conversion = _conversion_settings(paths)
    outcome = report.report(project.check(paths, editions, conversion), strict=args.strict, github=args.github)
    sys.stdout.write(outcome.stdout)
    sys.stderr.write(outcome.stderr)
    return outcome.status


def _conversion_settings(paths: ingest.Paths) -> tuple[list[variants.Variant], str]:
    """The editions and the conversion overrides file that mkdocs.yml configures (the build checks them so)."""
    class Loader(yaml.SafeLoader):
        """mkdocs.yml may carry !!python/name tags (for Markdown extensions): read them as nothing."""

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config_file = paths.root / "mkdocs.yml"
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) if config_file.is_file() else {}
    config = config if isinstance(config, dict) else {}
    settings = next((p["edition"] for p in config.get("plugins", []) if isinstance(p, dict) and "edition" in p), {})
    return (variants.from_config((settings or {}).get("editions", [])),
            (settings or {}).get("conversion", "annotations/conversion.yml"))


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
