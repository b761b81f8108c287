"""`edition`: the command-line tool of the generator. Every command reads the edition's settings
from its configuration file (mkdocs.yml, the `edition` plugin's entry), as the MkDocs plugin does.

    edition ingest [--check]            the text pages (docs/text/*.md) from the source and its annotations
    edition check [--strict] [--github] every problem of the inputs, as file:line with a hint
    edition note PAGE QUOTE             a new note's YAML, anchored to QUOTE on PAGE
    edition schema [--check]            the JSON Schemas of the annotation files

Exit status: 0 when all is well, 1 when the inputs have problems (or, with --strict, warnings),
2 when the command line is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .core import project, schemas
from .core.annotations import scaffold
from .core.editions import variants
from .core.errors import EditionError, Problem
from .core.text import ingest


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="edition", description="Build and check an annotated edition of a "
                                     "Chinese text.")
    parser.add_argument("-f", "--config", type=Path, default=Path("mkdocs.yml"),
                        help="the edition's configuration file (default: mkdocs.yml in this folder)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ingest_ = commands.add_parser("ingest", help="write the text pages from the source and its annotations")
    ingest_.add_argument("--check", action="store_true", help="only check that the pages are up to date")
    check = commands.add_parser("check", help="check every input file (annotations, structure, emendations, "
                                "conversion overrides)")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.add_argument("--github", action="store_true",
                       help="also print each problem as a GitHub Actions annotation (on its line in a pull request)")
    note = commands.add_parser("note", help="print the YAML of a new note anchored to a quote")
    note.add_argument("page", help="the page's slug, like building-cars")
    note.add_argument("quote", help="the exact passage, copied from the text")
    note.add_argument("--id", default="", help="the note's id, like n-my-note")
    schema = commands.add_parser("schema", help="write the JSON Schemas of the annotation files")
    schema.add_argument("--check", action="store_true", help="only check that they are up to date")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        found = project.inputs(args.config)
        command = {"ingest": _ingest, "check": _check, "note": _note, "schema": _schema}[args.command]
        return command(args, found)
    except EditionError as err:
        _print_problems(err.problems, "error", getattr(args, "github", False))
        return 1


def _print_problems(problems: Sequence[Problem], level: str, github: bool) -> None:
    for problem in problems:
        print(f"{level}: {problem}", file=sys.stderr)
    if github and problems:
        print("\n".join(p.github(level) for p in problems))


def _ingest(args: argparse.Namespace, found: project.Inputs) -> int:
    edition = ingest.load(found.paths)
    if args.check:
        stale = ingest.stale_problems(found.paths, edition)
        if stale:
            raise EditionError(stale)
        print(f"ingest: {found.paths.pages}/ is up to date")
        return 0
    changed = ingest.write(found.paths, edition)
    print(f"ingest: wrote {', '.join(changed)}" if changed else f"ingest: {found.paths.pages}/ is up to date")
    return 0


def _check(args: argparse.Namespace, found: project.Inputs) -> int:
    loaded = project.load(found.paths, settings=found.settings)
    _, problems = variants.converters(found.paths.root, found.settings, loaded.edition.document)
    if problems:
        raise EditionError(problems)
    warnings = loaded.warnings
    _print_problems(warnings, "error" if args.strict and args.github else "warning", False)
    if args.github and warnings:
        print("\n".join(w.github("error" if args.strict else "warning") for w in warnings))
    count = len(loaded.annotations.annotations)
    summary = f"{count} annotations and {len(loaded.edition.emendations)} emendations"
    if not warnings:
        print(f"annotations: {summary} are fine")
        return 0
    noun = "warning" if len(warnings) == 1 else "warnings"
    if args.strict:
        print(f"annotations: {summary}: {len(warnings)} {noun}; --strict makes warnings fail", file=sys.stderr)
        return 1
    print(f"annotations: {summary}: no errors, {len(warnings)} {noun}")
    return 0


def _note(args: argparse.Namespace, found: project.Inputs) -> int:
    edition = ingest.load(found.paths)
    print(scaffold.note_yaml(edition.document, args.page, args.quote, args.id), end="")
    return 0


def _schema(args: argparse.Namespace, found: project.Inputs) -> int:
    stale = schemas.stale(found.paths.root, found.settings, write=not args.check)
    if args.check and stale:
        raise EditionError([Problem(f"{found.settings.annotations}/schema/{name}", 1, "the schema is stale",
                                    "run 'edition schema' and commit the result") for name in stale])
    print(f"schemas: {'wrote ' + ', '.join(stale) if stale else 'up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
