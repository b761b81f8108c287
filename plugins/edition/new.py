"""`edition new DIR --source FILE`: a new edition project that builds at once.

It holds the source (copied, never edited), a configuration (mkdocs.yml: the edition plugin's
settings, the kind of source measured from the text), a structure with one page, empty annotation
files with their schemas, the home page, a README and CONTRIBUTING for the edition, the CI and
Pages workflows, and the edition's own tests. The editor then declares the headings, records the
corrections and writes the annotations: configuration and data, no code.
"""

from __future__ import annotations

import shutil
import statistics
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

from . import stages
from .core import project, schemas
from .core.editions import boundaries, variants
from .core.errors import EditionError, Problem
from .core.text import ingest, segmentation
from .core.text.chars import ends_sentence, width

#: Files of the template named so that packaging keeps them (`_github` is `.github`).
_RENAMED = {"_github": ".github", "_gitignore": ".gitignore"}
#: A first line at most this wide, not ending a sentence, is read as the text's title.
TITLE_WIDTH = 20
SLUG = "text"
EMPTY = {
    "emendations.yml": ("emendations.schema.json", "emendations", "每条校勘：line、source、reading、kind、reason"),
    "layout.yml": ("layout.schema.json", "fixes", "声明的分段（kind: break）与只改空白的版式处理"),
    "glossary.yml": ("glossary.schema.json", "terms", "术语"),
    "timeline.yml": ("timeline.schema.json", "events", "年表事件"),
    "conversion.yml": ("conversion.schema.json", "overrides", "繁体转换的人工修正"),
}


def kind_of(text: str) -> str:
    """The kind of source a text looks like: `paragraphs` when most lines are long and end a
    sentence (one paragraph per line), else `page` (a printed page's lines)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return "page"
    ending = sum(ends_sentence(line) for line in lines) / len(lines)
    wide = statistics.median(width(line.strip()) for line in lines)
    return "paragraphs" if ending >= 0.6 and wide > 40 else "page"


def create(target: Path, source: Path, title: str = "") -> list[str]:
    """Make the project; the files written (relative to `target`). Raises EditionError when the
    target is not empty or the source cannot be read."""
    if target.exists() and any(target.iterdir()):
        raise EditionError(Problem(str(target), 1, "the folder is not empty",
                                   "give a new folder: edition new makes every file of the project"))
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise EditionError(Problem(str(source), 1, "the source text is missing", "give the path of the text file")) \
            from None
    except UnicodeDecodeError:
        raise EditionError(Problem(str(source), 1, "the source text is not UTF-8",
                                   "convert it first, e.g. iconv -f GB18030 -t UTF-8")) from None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    heading = first if first and width(first) <= TITLE_WIDTH and not ends_sentence(first) else ""
    title = title or heading or source.stem
    kind = kind_of(text)
    values = {
        "{{title}}": title,
        "{{source}}": f"source/{source.name}",
        "{{kind}}": kind,
        # A printed page: the column measured from the text, Chinese typesetting's 2 em indent.
        "{{geometry}}": "\n        column: auto\n        indent: 2" if kind == "page" else "",
        "{{slug}}": SLUG,
        "{{requirement}}": f"jiaozhu=={metadata.version('jiaozhu')}",
    }
    target.mkdir(parents=True, exist_ok=True)
    written = _copy(resources.files("edition").joinpath("templates/project"), target, "", values)
    (target / "source").mkdir()
    shutil.copyfile(source, target / "source" / source.name)
    written.append(f"source/{source.name}")
    annotations = target / "annotations"
    (annotations / "notes").mkdir(parents=True)
    editorial = "    editorial: true  # the text has no title here: this one is the editors'\n"
    page = f"  - slug: {SLUG}\n    title: {heading}\n" if heading else f"  - slug: {SLUG}\n    title: 正文\n{editorial}"
    (annotations / "structure.yml").write_text(
        "# yaml-language-server: $schema=schema/structure.schema.json\n"
        "# The pages of the edition and their headings, exactly as the source prints them (see README).\n"
        "pages:\n" + page, encoding="utf-8")
    written.append("annotations/structure.yml")
    for name, (schema, key, what) in EMPTY.items():
        (annotations / name).write_text(f"# yaml-language-server: $schema=schema/{schema}\n# {what}\n{key}: []\n",
                                        encoding="utf-8")
        written.append(f"annotations/{name}")
    (annotations / "notes" / f"{SLUG}.yml").write_text(
        "# yaml-language-server: $schema=../schema/notes.schema.json\n# 正文页的注释\nnotes: []\n", encoding="utf-8")
    written.append(f"annotations/notes/{SLUG}.yml")
    found = project.inputs(target / "mkdocs.yml")
    schemas.stale(target, found.settings, write=True)
    written += [f"{found.settings.annotations}/schema/{name}" for name in schemas.all_schemas(found.settings)]
    edition = ingest.load(found.paths, found.settings.layout)
    written += [f"{found.paths.pages}/{name}" for name in ingest.write(found.paths, edition)]
    _to_review(found)
    stages.load(found.site, found.settings, found.paths)  # the whole edition checks at once
    return sorted(written)


#: The reason of a boundary finding `new` records: the editors' to decide (grep for it).
TO_REVIEW = ("待审：edition new 记下的整段转换结果，尚未核对。核对后写明理由；"
             "转错了就删去本条，改写一条修正（overrides）。")


def _to_review(found: project.Inputs) -> None:
    """Record the new text's boundary findings (core/editions/boundaries.py) under `reviewed:`,
    each with the form the edition prints and the reason TO_REVIEW: a new project builds at once,
    and its conversion file lists every place an editor has to decide."""
    loaded = project.load(found.paths, settings=found.settings)
    annotations = loaded.annotations.annotations
    converters, _ = variants.converters(found.paths.root, found.settings, loaded.edition.document,
                                        variants.printed(annotations))
    texts = boundaries.passages(loaded.edition.document, found.settings.source, annotations,
                                loaded.edition.emendations, found.settings)
    entries = dict.fromkeys((code, f.simplified, f.form(f.printed)) for code, converter in converters.items()
                            for f in boundaries.findings(converter, texts, segmentation.SHARED.boundaries))
    if entries:
        with (found.paths.root / found.settings.conversion).open("a", encoding="utf-8") as out:
            out.write("reviewed:\n" + "".join(f"  - edition: {code}\n    simplified: {simplified}\n"
                                              f"    converted: {printed}\n    reason: {TO_REVIEW}\n"
                                              for code, simplified, printed in entries))


def _copy(folder: Traversable, target: Path, prefix: str, values: dict[str, str]) -> list[str]:
    written = []
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name == "__pycache__":  # the template's test, compiled where it was imported
            continue
        name = _RENAMED.get(item.name, item.name)
        if item.is_dir():
            (target / name).mkdir(exist_ok=True)
            written += _copy(item, target / name, f"{prefix}{name}/", values)
            continue
        text = item.read_text(encoding="utf-8")
        for key, value in values.items():  # (GitHub's own ${{ … }} in the workflows are no keys)
            text = text.replace(key, value)
        (target / name).write_text(text, encoding="utf-8")
        written.append(prefix + name)
    return written
