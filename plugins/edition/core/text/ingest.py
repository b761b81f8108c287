"""Ingest: the verbatim source, its emendations and the declared structure become the Document.

Deterministic and pure: the same three files always give the same Document and the same pages.
"""

from __future__ import annotations

import bisect
import difflib
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .. import textfile
from ..errors import EditionError, Problem, quote
from ..text import emendations as emendations_mod
from ..text import fit, layout_fixes, markdown_pages, structure
from .chars import control_characters, visible
from .document import Block, Document, Page
from .emendations import Emendation
from .layout import Layout
from .layout_fixes import LayoutFixes, WhitespaceFix
from .reflow import Line, clean, reflow
from .structure import Heading, PageSpec


@dataclass(frozen=True)
class Paths:
    """Where the edition's inputs and generated pages live, relative to the project root."""

    root: Path
    source: str = "source/text.txt"
    structure: str = "annotations/structure.yml"
    emendations: str = "annotations/emendations.yml"
    pages: str = "docs/text"
    annotations: str = "annotations"
    layout_fixes: str = "annotations/layout.yml"

    def __truediv__(self, relative: str) -> Path:
        return self.root / relative


@dataclass(frozen=True)
class Edition:
    """Everything ingest knows: the inputs, checked, and the Document they make."""

    source: str
    emendations: tuple[Emendation, ...]
    pages: tuple[PageSpec, ...]
    document: Document
    #: The layout the text was read with (its column measured, if it was declared auto), and the
    #: layout fixes declared.
    layout: Layout
    fixes: LayoutFixes


@dataclass(frozen=True)
class Reading:
    """What ingest could read: the Edition when its inputs have no problem, and what each of them
    gave otherwise, so that the checks that do not need the text can still run."""

    edition: Edition | None
    #: The declared pages (None when the structure file has problems: pages may be missing).
    pages: tuple[PageSpec, ...] | None
    #: The emendations that are good (for the ids they take).
    emendations: tuple[Emendation, ...]
    problems: tuple[Problem, ...]


def load(paths: Paths, layout: Layout) -> Edition:
    """Read, check and reflow, with the source's declared layout (layout.from_settings). Raises
    EditionError listing every problem found."""
    reading = read(paths, layout)
    if reading.edition is None:
        raise EditionError(list(reading.problems))
    return reading.edition


def read(paths: Paths, layout: Layout) -> Reading:
    """Read and check the source, the structure, the emendations and the layout fixes, each as far
    as it can be; reflow, with the declared layout, when all are good. Never raises for what the
    files contain."""
    return reflowed(given(paths), paths, layout)


@dataclass(frozen=True)
class Given:
    """The inputs of ingest, each read and checked as far as it can be (`given`); what the
    annotations' own checks need of them (the pages, the emendations' ids) before the text is
    reflowed."""

    source: str | None
    specs: tuple[PageSpec, ...]
    emendations: tuple[Emendation, ...]
    fixes: LayoutFixes
    problems: tuple[Problem, ...]
    #: The declared pages (None when the structure file has problems: pages may be missing).
    pages: tuple[PageSpec, ...] | None


def given(paths: Paths) -> Given:
    """The first half of `read`: the source, the structure, the emendations and the layout fixes."""
    problems: list[Problem] = []
    source_path = paths / paths.source
    if source_path.is_file():
        source, found = textfile.read(source_path, paths.source)
        problems += found
    else:
        source = None
        problems.append(Problem(paths.source, 0, "the source text is missing",
                                "restore it from git: it is never edited"))
    specs, found = structure.read(paths / paths.structure, paths.structure,
                                  schema_path(paths, paths.structure, "structure"))
    problems += found
    emends, found = emendations_mod.read(paths / paths.emendations, paths.emendations, source, paths.source,
                                         schema_path(paths, paths.emendations, "emendations"))
    problems += found
    fixes = LayoutFixes()
    if source is not None:
        try:
            fixes = layout_fixes.load(paths / paths.layout_fixes, paths.layout_fixes, source, paths.source,
                                      schema_path(paths, paths.layout_fixes, "layout"))
        except EditionError as err:
            problems += err.problems
    pages = None if any(p.file == paths.structure for p in problems) else specs
    return Given(source, specs, emends, fixes, tuple(problems), pages)


def reflowed(inputs: Given, paths: Paths, layout: Layout) -> Reading:
    """The second half of `read`: the text reflowed, with the declared layout, when every input is good."""
    source, specs, emends, fixes, pages = inputs.source, inputs.specs, inputs.emendations, inputs.fixes, inputs.pages
    problems = list(inputs.problems)
    if problems or source is None:
        return Reading(None, pages, emends, tuple(problems))
    problems += _overlaps(emends, fixes.whitespace)
    if problems:
        return Reading(None, pages, emends, tuple(problems))
    lines = [clean(line, layout) for line in _edited_lines(source, emends, fixes.whitespace)]
    try:
        document, layout = _document(lines, specs, paths, layout, fixes)
    except EditionError as err:
        return Reading(None, pages, emends, tuple(err.problems))
    return Reading(Edition(source, emends, specs, document, layout, fixes), specs, emends, ())


def schema_path(paths: Paths, relative: str, name: str) -> str:
    """The path of a file's JSON Schema (in the annotations' schema/ folder), from the file."""
    target = paths / paths.annotations / "schema" / f"{name}.schema.json"
    return Path(os.path.relpath(target, (paths / relative).parent)).as_posix()


def _overlaps(emends: tuple[Emendation, ...], fixes: tuple[WhitespaceFix, ...]) -> list[Problem]:
    """A whitespace fix may not overlap an emendation: the emendation's reading says it all."""
    problems = []
    starts = [e.start for e in emends]  # sorted, and emendations do not overlap: so are their ends
    for fix in fixes:
        at = bisect.bisect_left(starts, fix.end)  # the emendations before `at` begin before the fix ends
        while at > 0 and emends[at - 1].end > fix.start:
            at -= 1
            e = emends[at]
            problems.append(Problem(fix.file, fix.file_line,
                                    f"the whitespace fix on line {fix.line} overlaps emendation {quote(e.id)} "
                                    f"({e.file}:{e.file_line})",
                                    "write the whitespace in the emendation's reading, and remove the fix"))
    return problems


def _edited_lines(source: str, emends: tuple[Emendation, ...],
                  fixes: tuple[WhitespaceFix, ...] = ()) -> list[Line]:
    """The emended text, whitespace fixes applied, as lines, each with the source line it (mostly)
    comes from."""
    # Runs of text: (text, line of its first character, at most how many of its newlines count):
    # the source's own runs count every newline; a reading counts as many as its source spanned.
    runs: list[tuple[str, int, int]] = []
    line, at = 1, 0
    edits: list[Emendation | WhitespaceFix] = sorted((*emends, *fixes), key=lambda edit: edit.start)
    for e in edits:
        runs.append((source[at:e.start], line, len(source)))
        line += source.count("\n", at, e.start)
        spanned = e.source.count("\n")
        runs.append((e.reading, e.line, spanned))
        line, at = e.line + spanned, e.end
    runs.append((source[at:], line, len(source)))
    line += source.count("\n", at)
    out: list[Line] = []
    current: list[str] = []
    number: int | None = None
    for text, first, most in runs:
        pieces = text.split("\n")
        for j, piece in enumerate(pieces):
            here = first + min(j, most)  # the line of this piece's characters (and of the newline after it)
            if piece:
                number = here if number is None else number
                current.append(piece)
            if j < len(pieces) - 1:
                out.append(Line("".join(current), here if number is None else number))
                current, number = [], None
    out.append(Line("".join(current), line if number is None else number))
    return out


def _document(lines: list[Line], specs: tuple[PageSpec, ...], paths: Paths, layout: Layout,
              fixes: LayoutFixes) -> tuple[Document, Layout]:
    """The document, and the layout it was read with (its column measured, if declared auto)."""
    problems = _control_problems(lines, paths)
    texts = [line.text for line in lines]
    problems += fit.column_problems(texts, layout) + fit.kind_problems(texts, layout)
    if layout.column is None:
        layout = layout.with_column(fit.Widths.of(texts).column() or 1.0)
    # Find every declared heading, in order; what lies between two headings is body text.
    headings: list[tuple[Heading, int, int]] = []  # heading, first line index, next index
    cursor = 0
    for spec in specs:
        for heading in (spec.title, *spec.sections):
            if heading.editorial:
                headings.append((heading, cursor, cursor))
                continue
            found = _find_heading(lines, cursor, heading.title)
            if found is None:
                problems.append(_heading_problem(lines, cursor, heading, paths))
                continue
            headings.append((heading, found[0], found[1]))
            cursor = found[1]
    if problems:  # reflow on a wrong geometry, or between headings not found, would only add noise
        raise EditionError(problems)
    first_text = next((i for i, line in enumerate(lines) if line.text.strip()), len(lines))
    if headings and headings[0][1] != first_text and not headings[0][0].editorial:
        problems.append(Problem(paths.structure, headings[0][0].file_line,
                                "text before the first heading has no page",
                                "declare the opening as a page with 'editorial: true'"))

    pages: list[Page] = []
    heading_index = 0
    lists = 0  # list numbers run through the document
    breaks = fixes.lines
    made: set[int] = set()
    redundant: set[int] = set()
    first_lines: list[float] = []
    for spec in specs:
        blocks: list[Block] = []
        counter = 0
        for _ in (spec.title, *spec.sections):
            heading, begin, end = headings[heading_index]
            heading_index += 1
            following = headings[heading_index][1] if heading_index < len(headings) else len(lines)
            first_line = lines[begin].number if begin < len(lines) else 0
            blocks.append(Block("heading", heading.id, heading.title,
                                (first_line, lines[end - 1].number if end > begin else first_line),
                                level=heading.level, editorial=heading.editorial))
            flow = reflow(lines[end:following], layout, breaks)
            made |= flow.breaks_made
            redundant |= flow.breaks_redundant
            first_lines += flow.first_lines
            for artifact in flow.artifacts:
                problems.append(Problem(paths.source, artifact.line,
                                        f"extraction artifact left in the text: {artifact.message}",
                                        f"record an emendation for it in {paths.emendations}"))
            for unit in flow.units:
                counter += 1
                blocks.append(Block(unit.kind, f"p-{spec.number}-{counter}", unit.text,  # type: ignore[arg-type]
                                    (unit.first, unit.last), marker=unit.marker,
                                    list_number=lists + unit.list_number if unit.list_number else 0))
            lists += max((u.list_number for u in flow.units), default=0)
        pages.append(Page(spec.slug, spec.number, tuple(blocks)))
    problems += fit.indent_problems(first_lines, layout)
    problems += _break_problems(fixes, made, redundant, paths)
    if problems:
        raise EditionError(problems)
    return Document(tuple(pages)), layout


def _control_problems(lines: list[Line], paths: Paths) -> list[Problem]:
    """Control characters that are not whitespace print nothing, yet they are text: an emendation
    deletes them, the fidelity check then knows."""
    problems = []
    for line in lines:
        found = control_characters(line.text)
        if found:
            names = ", ".join(f"{visible(c)} (U+{ord(c):04X})" for c in dict.fromkeys(found))
            problems.append(Problem(paths.source, line.number,
                                    f"extraction artifact left in the text: control character {names} in "
                                    f"{quote(line.text)}",
                                    f"record an emendation (kind 'delete') for it in {paths.emendations}"))
    return problems


def _break_problems(fixes: LayoutFixes, made: set[int], redundant: set[int], paths: Paths) -> list[Problem]:
    problems = []
    for b in fixes.breaks:
        if b.line in redundant:
            problems.append(Problem(b.file, b.file_line,
                                    f"layout fix: a paragraph begins on line {b.line} without a declared break",
                                    "remove the entry: the reflow rules already begin a paragraph there"))
        elif b.line not in made:
            problems.append(Problem(b.file, b.file_line,
                                    f"layout fix: line {b.line} does not begin a printed line of body text",
                                    "a break goes on a line of a paragraph, not on a heading or on a piece of "
                                    "a printed line the extractor split"))
    return problems


def _find_heading(lines: list[Line], cursor: int, title: str) -> tuple[int, int] | None:
    """A heading is one line, or two lines the extractor split (joined with nothing between)."""
    for i in range(cursor, len(lines)):
        if lines[i].text.strip() == title:
            return i, i + 1
        if i + 1 < len(lines) and lines[i].text.strip() + lines[i + 1].text.strip() == title:
            return i, i + 2
    return None


def _heading_problem(lines: list[Line], cursor: int, heading: Heading, paths: Paths) -> Problem:
    after = lines[cursor - 1].number if cursor else 0
    candidates = [ln.text for ln in lines[cursor:]]
    close = difflib.get_close_matches(heading.title, candidates, n=1, cutoff=0.5)
    hint = "copy the title exactly as the source prints it (after emendations)"
    if close:
        number = next(ln.number for ln in lines[cursor:] if ln.text == close[0])
        hint = f"the closest line is {number}: {quote(close[0])}{_difference(heading.title, close[0])}; " + hint
    return Problem(paths.structure, heading.file_line,
                   f"heading {quote(heading.title)} not found in the text after source line {after}", hint)


def _difference(title: str, line: str) -> str:
    """Where two texts that differ look the same (the same under Unicode compatibility
    normalization: a CJK compatibility ideograph for its unified one, say), or nothing."""
    if title == line or unicodedata.normalize("NFKC", title) != unicodedata.normalize("NFKC", line):
        return ""
    at = next((i for i, (a, b) in enumerate(zip(title, line, strict=False)) if a != b), min(len(title), len(line)))
    ours = f"U+{ord(title[at]):04X}" if at < len(title) else "nothing"
    theirs = f"U+{ord(line[at]):04X}" if at < len(line) else "nothing"
    return f" (it differs at character {at + 1}: {ours} in the title, {theirs} in the text)"


def render(edition: Edition) -> dict[str, str]:
    """The generated Markdown pages: file name -> content."""
    return {f"{page.slug}.md": markdown_pages.write(page) for page in edition.document.pages}


def stale(paths: Paths, edition: Edition, wanted: dict[str, str] | None = None) -> list[str]:
    """Generated pages that differ from what is on disk (missing, changed or left over);
    `wanted`: the pages rendered (`render`), when the caller has them."""
    wanted = render(edition) if wanted is None else wanted
    folder = paths / paths.pages
    present = {p.name for p in folder.glob("*.md")} if folder.is_dir() else set()
    out = [name for name, text in wanted.items()
           if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    out += sorted(present - set(wanted))
    return sorted(out)


def stale_problems(paths: Paths, edition: Edition) -> list[Problem]:
    """One problem per stale page, at its first line that differs from what ingest writes."""
    wanted = render(edition)
    problems = []
    for name in stale(paths, edition, wanted):
        target = paths / paths.pages / name
        have = target.read_text(encoding="utf-8").splitlines() if target.is_file() else []
        want = wanted.get(name, "").splitlines()
        differing = (i for i, (a, b) in enumerate(zip(have, want, strict=False), 1) if a != b)
        line = next(differing, min(len(have), len(want)) + 1)
        what = ("is missing" if not have else "is left over from an earlier ingest" if not want
                else "differs from what ingest writes")
        problems.append(Problem(f"{paths.pages}/{name}", line, f"generated page {what}",
                                "run 'python scripts/ingest.py' and commit the result; change the text "
                                f"through {paths.emendations}, never by editing the page"))
    return problems


def write(paths: Paths, edition: Edition) -> list[str]:
    """Write the generated pages (only those that changed); remove left-over ones."""
    folder = paths / paths.pages
    folder.mkdir(parents=True, exist_ok=True)
    changed = stale(paths, edition)
    wanted = render(edition)
    for name in changed:
        target = folder / name
        if name in wanted:
            target.write_text(wanted[name], encoding="utf-8", newline="\n")
        else:
            target.unlink()
    return changed
