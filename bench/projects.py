"""Copies of the project for the benchmarks: the full site, or a baseline, at a scale.

- "full": the site as it is (both editions, every feature, the edition's search).
- "plain": the same text pages and theme with Material's search and nothing of ours.
- "material-search": the full site with Material's own search plugin instead of the edition's
  search (edition option `search: false`): the same pages, indexed Material's way.

At scale N the project is a book N times the chapter's length, every copy annotated (`book`).
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("full", "plain", "material-search")


def make(where: Path, scale: int, variant: str) -> Path:
    """A copy of the project under `where`, at `scale` (a book `scale` times the chapter's length,
    see `book`); returns its mkdocs.yml."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}: one of {', '.join(VARIANTS)}")
    for part in ("source", "annotations", "docs"):
        shutil.copytree(ROOT / part, where / part)
    cache = ROOT / ".cache"
    if cache.is_dir():  # the pinyin cache, as a repeated build has it
        shutil.copytree(cache, where / ".cache", ignore=shutil.ignore_patterns("timelinejs-*"))
    # MkDocs' own loader: it resolves !ENV (the offline switch) as a build would.
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    if scale > 1:
        book(where, config, scale)
    if variant == "plain":
        # The same pages and theme, Material's search, nothing of ours.
        config["plugins"] = ["search"]
        config["nav"] = [item for item in config["nav"] if not (isinstance(item, dict) and any(
            str(v).endswith(("glossary.md", "timeline.md", "apparatus.md")) for v in item.values()))]
        (where / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    elif variant == "material-search":
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "edition" in plugin:
                plugin["edition"]["search"] = False
        config["plugins"].insert(0, "search")
    (where / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return where / "mkdocs.yml"


# --- The N× book -------------------------------------------------------------------------------
# A real book N times as long, not copied pages: the source is the chapter repeated N times, each
# copy opening with a heading line of its own, and every annotation bound to the text replicated
# per copy (structure, emendations with lines shifted and ids numbered on, notes per page, the
# targets of events and terms, scoped overrides per paragraph, counts scaled); the glossary and
# the timeline stay one of each, as in a book. `edition ingest` then writes docs/text/.

ANNOTATIONS = "annotations"


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: dict, schema: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"# yaml-language-server: $schema={schema}\n{text}", encoding="utf-8")


def book(where: Path, config: dict, copies: int) -> None:
    """Turn the project copied under `where` into the N× book, in place; `config` (the parsed
    mkdocs.yml) gets the book's nav."""
    plugin = next(p["edition"] for p in config["plugins"] if isinstance(p, dict) and "edition" in p)
    source_path = where / plugin["source"]
    notes_dir = where / ANNOTATIONS / "notes"
    # What the glossary and the timeline print (once in the book): for the overrides' counts.
    once = [_read(where / ANNOTATIONS / "glossary.yml")["terms"], _read(where / ANNOTATIONS / "timeline.yml")["events"]]
    printed_once = _printed([item for items in once for item in items])

    text, per_copy = book_source(source_path.read_text(encoding="utf-8"), copies)
    source_path.write_text(text, encoding="utf-8")
    structure = _read(where / ANNOTATIONS / "structure.yml")
    slugs = [page["slug"] for page in structure["pages"]]
    _write(where / ANNOTATIONS / "structure.yml", book_structure(structure, copies), "schema/structure.schema.json")
    emendations = _read(where / ANNOTATIONS / "emendations.yml")["emendations"]
    _write(where / ANNOTATIONS / "emendations.yml", {"emendations": book_emendations(emendations, copies, per_copy)},
           "schema/emendations.schema.json")

    note_ids: set[str] = set()
    for file in sorted(notes_dir.glob("*.yml")):
        notes = _read(file)["notes"]
        note_ids.update(note["id"] for note in notes)
        file.unlink()
        for n in range(1, copies + 1):
            _write(notes_dir / f"{file.stem}-{n}.yml", {"notes": [_copy(note, n) for note in notes]},
                   "../schema/notes.schema.json")
    for name, key in (("glossary.yml", "terms"), ("timeline.yml", "events")):
        data = _read(where / ANNOTATIONS / name)
        for item in data[key]:
            if item.get("targets"):
                item["targets"] = [dict(t, page=f"{t['page']}-{n}")
                                   for n in range(1, copies + 1) for t in item["targets"]]
        _write(where / ANNOTATIONS / name, data, f"schema/{name.replace('.yml', '.schema.json')}")

    conversion = _read(where / ANNOTATIONS / "conversion.yml")
    overrides = []
    for o in conversion["overrides"]:
        if o.get("annotation") in note_ids:  # one per copy, for that copy's note
            overrides += [dict(o, annotation=f"{o['annotation']}-{n}") for n in range(1, copies + 1)]
        elif o.get("annotation"):  # a term's or an event's: once in the book, as its annotation
            overrides.append(o)
        elif o.get("block"):  # one per copy, in that copy's page
            page, paragraph = (int(x) for x in o["block"].split("-")[1:])
            overrides += [dict(o, block=f"p-{page + n * len(slugs)}-{paragraph}") for n in range(copies)]
        else:  # what the glossary and the timeline print stays once; the rest is in every copy
            in_once = sum(t.count(o["simplified"]) for t in printed_once)
            overrides.append(dict(o, count=(o["count"] - in_once) * copies + in_once))
    conversion["overrides"] = overrides
    _write(where / ANNOTATIONS / "conversion.yml", conversion, "schema/conversion.schema.json")

    config["nav"] = [{"正文": [f"text/{slug}-{n}.md" for n in range(1, copies + 1) for slug in slugs]}
                     if isinstance(item, dict) and "正文" in item else item for item in config["nav"]]
    shutil.rmtree(where / "docs" / "text")
    (where / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    from edition import cli  # the project's own ingest writes docs/text/ of the book

    with contextlib.redirect_stdout(io.StringIO()) as said:
        failed = cli.main(["-f", str(where / "mkdocs.yml"), "ingest"])
    if failed:
        raise SystemExit(f"the {copies}x book did not ingest: {where}\n{said.getvalue()}")


def _copy(item: dict, n: int) -> dict:
    """An annotation of copy `n`: its id and its targets' pages suffixed with the copy's number."""
    return dict(item, id=f"{item['id']}-{n}", targets=[dict(t, page=f"{t['page']}-{n}") for t in item["targets"]])


def _printed(items: list[dict]) -> list[str]:
    """What an edition prints of these annotations (as core/editions/variants.printed reads it)."""
    out = []
    for a in items:
        out += [a.get(k) or "" for k in ("title", "body", "term", "definition")] + list(a.get("aliases") or [])
        out += [s.get(k) or "" for s in a.get("sources") or [] for k in ("title", "publisher", "citation")]
    return [t for t in out if t]


def book_source(text: str, copies: int) -> tuple[str, int]:
    """The chapter repeated `copies` times, each copy opening with the heading 第N部分; returns the
    text and the number of lines each copy takes (its heading included)."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    out = []
    for n in range(1, copies + 1):
        out.append(f"第{n}部分\n")
        out.extend(lines)
    return "".join(out), len(lines) + 1


def book_structure(structure: dict, copies: int) -> dict:
    """Every page and section once per copy: slugs and ids suffixed with the copy's number; the
    editorial opening page of each copy takes the copy's heading instead."""
    pages = []
    for n in range(1, copies + 1):
        for page in structure["pages"]:
            page = dict(page, slug=f"{page['slug']}-{n}")
            if page.pop("editorial", False):
                page["title"] = f"第{n}部分"
            if "sections" in page:
                page["sections"] = [dict(s, id=f"{s['id']}-{n}") for s in page["sections"]]
            pages.append(page)
    return {"pages": pages}


def book_emendations(emendations: list[dict], copies: int, lines_per_copy: int) -> list[dict]:
    """Every emendation once per copy: its line shifted past the copies before and the heading,
    ids numbered on from e-001 (past e-999 when the book has more)."""
    out = []
    for n in range(copies):
        for item in emendations:
            out.append(dict(item, id=f"e-{len(out) + 1:03d}", line=item["line"] + n * lines_per_copy + 1))
    return out
