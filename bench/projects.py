"""Copies of the project for the benchmarks: the full site, or a baseline, at a scale.

- "full": the site as it is (both editions, every feature, the edition's search).
- "plain": the same text pages and theme with Material's search and nothing of ours.
- "material-search": the full site with Material's own search plugin instead of the edition's
  search (edition option `search: false`): the same pages, indexed Material's way.

At scale N the text pages are copied N - 1 more times (synthetic pages under docs/copies/).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("full", "plain", "material-search")


def _copies(docs: Path, scale: int) -> list[str]:
    """Synthetic copies of the text pages (scale - 1 sets), under docs/copies/."""
    pages = sorted((docs / "text").glob("*.md"))
    names = []
    for n in range(1, scale):
        for page in pages:
            target = docs / "copies" / f"{n:03d}-{page.name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
            names.append(target.relative_to(docs).as_posix())
    return names


def make(where: Path, scale: int, variant: str) -> Path:
    """A copy of the project under `where`; returns its mkdocs.yml."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}: one of {', '.join(VARIANTS)}")
    for part in ("source", "annotations", "docs"):
        shutil.copytree(ROOT / part, where / part)
    cache = ROOT / ".cache"
    if cache.is_dir():  # the pinyin cache, as a repeated build has it
        shutil.copytree(cache, where / ".cache", ignore=shutil.ignore_patterns("timelinejs-*"))
    # MkDocs' own loader: it resolves !ENV (the offline switch) as a build would.
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    copies = _copies(where / "docs", scale)
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
    if copies:
        config["nav"].append({"副本": copies})
    (where / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return where / "mkdocs.yml"


# --- The N× book (work in progress) ------------------------------------------------------------
# A real book N times as long, not copied pages: the source is the chapter repeated N times, each
# copy opening with a heading line of its own, and the line-bound annotations (structure,
# emendations) replicated per copy with lines shifted and ids renumbered. Still to replicate:
# notes per page, timeline event targets, conversion overrides (counts scaled), and the nav; then
# `edition ingest` writes docs/text/ and the book builds strictly.


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
