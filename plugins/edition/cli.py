"""`edition`: the command-line tool of the generator. Every command reads the edition's settings
from its configuration file (mkdocs.yml, the `edition` plugin's entry), as the MkDocs plugin does.

    edition new DIR --source FILE       a new edition project of a text, that builds at once
    edition ingest [--check]            the text pages (docs/text/*.md) from the source and its annotations
    edition check [--strict] [--github] every problem of the inputs, as file:line with a hint
    edition note PAGE QUOTE             a new note's YAML, anchored to QUOTE on PAGE
    edition schema [--check]            the JSON Schemas of the annotation files
    edition prepare [--docs DIR]        what a site generator must see (generated pages, exports, assets)
    edition finish SITE                 the built site made the edition's (pages, editions, search)
    edition build [--generator NAME]    prepare, build with MkDocs, ProperDocs or Zensical, finish
    edition serve [--generator NAME]    build and serve, rebuilding when anything changes

Exit status: 0 when all is well, 1 when the inputs have problems (or, with --strict, warnings),
2 when the command line is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import generators, new, serve, stages
from .core import project, report, schemas
from .core.annotations import scaffold
from .core.errors import EditionError, Problem
from .core.text import ingest


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="edition", description="Build and check an annotated edition of a "
                                     "Chinese text.")
    parser.add_argument("-f", "--config", type=Path, default=Path("mkdocs.yml"),
                        help="the edition's configuration file (default: mkdocs.yml in this folder)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = commands.add_parser("new", help="make a new edition project of a text")
    new.add_argument("folder", type=Path, help="the project's folder (new, or empty)")
    new.add_argument("--source", type=Path, required=True, help="the text, as received (UTF-8)")
    new.add_argument("--title", default="", help="the edition's title (default: the text's first line, if a title)")
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
    prepare = commands.add_parser("prepare", help="write the text pages, and the generated pages, exports and "
                                  "assets into a docs folder for a site generator")
    prepare.add_argument("--docs", type=Path, default=None,
                         help="the folder to write into (default: a copy of docs_dir in the cache folder)")
    finish = commands.add_parser("finish", help="finish a site built from prepared docs")
    finish.add_argument("site", type=Path, help="the built site's folder")
    for name, text in (("build", "build the site"), ("serve", "build the site, serve it, rebuild on changes")):
        command = commands.add_parser(name, help=text)
        command.add_argument("--generator", choices=generators.NAMES, default="mkdocs",
                             help="the site generator (default: mkdocs)")
        command.add_argument("--no-strict", dest="strict", action="store_false",
                             help="let the generator's warnings pass")
        if name == "build":
            command.add_argument("-d", "--site-dir", type=Path, default=None,
                                 help="where the site goes (default: site_dir of the configuration)")
        else:
            command.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "new":
            return _new(args)
        found = project.inputs(args.config)
        command = {"ingest": _ingest, "check": _check, "note": _note, "schema": _schema, "prepare": _prepare,
                   "finish": _finish, "build": _build, "serve": _serve}[args.command]
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
    edition = ingest.load(found.paths, found.settings.layout)
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
    """Every problem of one run (core/project.check), printed as core/report words it."""
    kept = stages.Caches.read(found.paths.root, found.settings)  # the build's: a check after a build is fast
    checked = project.check(found.paths, found.settings, conversion=True, pinyin_cache=kept.data["pinyin"],
                            boundary_cache=kept.data["segmentation"])
    kept.write()
    outcome = report.report(checked, strict=args.strict, github=args.github)
    sys.stdout.write(outcome.stdout)
    sys.stderr.write(outcome.stderr)
    return outcome.status


def _note(args: argparse.Namespace, found: project.Inputs) -> int:
    edition = ingest.load(found.paths, found.settings.layout)
    print(scaffold.note_yaml(edition.document, args.page, args.quote, args.id), end="")
    return 0


def _schema(args: argparse.Namespace, found: project.Inputs) -> int:
    stale = schemas.stale(found.paths.root, found.settings, write=not args.check)
    if args.check and stale:
        raise EditionError([Problem(f"{found.settings.annotations}/schema/{name}", 1, "the schema is stale",
                                    "run 'edition schema' and commit the result") for name in stale])
    print(f"schemas: {'wrote ' + ', '.join(stale) if stale else 'up to date'}")
    return 0


def _new(args: argparse.Namespace) -> int:
    written = new.create(args.folder, args.source, args.title)
    print(f"new: {len(written)} files in {args.folder}; next: declare the headings in "
          f"{args.folder}/annotations/structure.yml, then `edition -f {args.folder}/mkdocs.yml build`")
    return 0


def _load(found: project.Inputs) -> stages.Edition:
    ingest.write(found.paths, ingest.load(found.paths, found.settings.layout))
    return stages.load(found.site, found.settings, found.paths)


def _prepare(args: argparse.Namespace, found: project.Inputs) -> int:
    edition = _load(found)
    docs = args.docs or found.paths.root / found.settings.cache / generators.STAGE / "docs"
    if args.docs is None:
        import shutil

        if docs.exists():
            shutil.rmtree(docs)
        shutil.copytree(found.paths.root / found.site.docs_dir, docs)
    written = stages.write_prepared(stages.prepare(edition), docs)
    print(f"prepare: wrote {len(written)} files into {docs}")
    return 0


def _finish(args: argparse.Namespace, found: project.Inputs) -> int:
    edition = stages.load(found.site, found.settings, found.paths)
    stages.finish(edition, args.site, stages.prepare(edition))
    print(f"finish: {args.site} is the edition's site")
    return 0


def _build(args: argparse.Namespace, found: project.Inputs) -> int:
    _load(found)  # the inputs' problems first, in the edition's words, whatever the generator
    result = generators.build(args.generator, args.config, args.site_dir, args.strict)
    return 0 if result.returncode == 0 else 1


def _serve(args: argparse.Namespace, found: project.Inputs) -> int:
    _load(found)
    return serve.serve(args.generator, args.config, args.dev_addr, args.strict)


if __name__ == "__main__":
    sys.exit(main())
