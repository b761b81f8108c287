"""The conversion report of a further edition: every word it prints in another form, problems first.

Written into each further edition's folder (conversion-report.txt) for the editors who review the
conversion. It covers everything the edition converts (boundaries.passages), word by word (the
words the boundary check cuts): each Simplified word, each form the edition prints it in, how many
times and where. Before the list come what needs an editor's eye:

1. the boundary findings (boundaries.py), each with its decision: an override, a review, or none;
2. words printed two ways (the edition should print one form per word);
3. forms outside the variant policy (a form forms.yml replaces, still printed);
4. what each override changed: its places, and what OpenCC would have printed there;
5. the editors' usage (forms.yml's `usage`): each word, and where their prose prints it.

The words listed after that are the conversion's, before the editors' usage.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.chars import occurrences
from .boundaries import Bounds, Passage, findings, override_for, reviews_of
from .variants import Converter, Reviewed, traditional

#: Places listed per word, the rest counted.
PLACES = 5


@dataclass(frozen=True)
class Word:
    """One Simplified word and one form the edition prints it in, with where."""

    simplified: str
    printed: str
    places: tuple[str, ...]


def _places(places: Sequence[str]) -> str:
    shown = ", ".join(dict.fromkeys(places[:PLACES]))
    return shown + (f" … and {len(places) - PLACES} more" if len(places) > PLACES else "")


def words(converter: Converter, passages: Sequence[Passage], bounds: Bounds) -> list[Word]:
    """Every word of the passages the edition prints in another form, and every word printed in
    more than one form, by Simplified word and printed form (text already in Traditional aside)."""
    by_form: dict[tuple[str, str], list[str]] = {}
    converter.prime((p.block, p.text, p.annotation) for p in passages if converter.variant.code not in p.own)
    for p in passages:
        text, place = p.text, p.place
        if converter.variant.code in p.own or not text:
            continue
        printed = converter.printed_in(p.block, text, p.annotation)
        if len(printed) != len(text):
            continue
        cuts = sorted(set(bounds(text)) | {0, len(text)})
        as_written = traditional(text)  # not converted: no form of a Simplified word
        # (A book has hundreds of thousands of words: a lookup each, a list made for each new one.)
        for start, end in itertools.pairwise(cuts):
            if as_written and any(s <= start and end <= e for s, e in as_written):
                continue
            key = (text[start:end], printed[start:end])
            places = by_form.get(key)
            if places is not None:
                places.append(place)
            elif key[0].strip():
                by_form[key] = [place]
    forms: dict[str, int] = {}
    for simplified, _ in by_form:
        forms[simplified] = forms.get(simplified, 0) + 1
    return [Word(s, f, tuple(places)) for (s, f), places in by_form.items() if s != f or forms[s] > 1]


def report(converter: Converter, passages: Sequence[Passage], bounds: Bounds,
           reviewed: Sequence[Reviewed] = ()) -> str:
    """The report's text."""
    v = converter.variant
    lines = [f"# {v.code} ({v.opencc}): the conversion by word, over everything the edition prints",
             f"# {len(passages)} passages. Problems first; then every word printed in another form "
             "(Simplified → printed, count, where).", ""]
    found = findings(converter, passages, bounds)
    lines.append(f"## Boundary findings ({len(found)}): the passage converted whole and word by word differ")
    for f in found:
        o = override_for(f, converter)
        r = reviews_of(f, reviewed)
        decision = (f"fixed by the override at {o.file}:{o.line}" if o else
                    f"reviewed at {r[0][0].file}:{r[0][0].line}" if r else "NOT REVIEWED")
        lines.append(f"  {f.passage.place}  {f.simplified}: whole {f.form(f.whole)}, word by word "
                     f"{f.form(f.words)}; printed {f.form(f.printed)} ({decision})")
    listed = words(converter, passages, bounds)
    by_word: dict[str, list[Word]] = {}
    for w in listed:
        by_word.setdefault(w.simplified, []).append(w)
    twice = {s: ws for s, ws in by_word.items() if len(ws) > 1}
    lines += ["", f"## Words printed two ways ({len(twice)})"]
    for s, ws in sorted(twice.items()):
        lines.append(f"  {s} → " + "; ".join(f"{w.printed} ({len(w.places)}: {_places(w.places)})" for w in ws))
    outside = [(f, w) for w in listed for f in converter.policy() if f.printed in w.printed
               and not any(w.printed in k for k in converter.exceptions())]
    lines += ["", f"## Forms outside the policy ({len(outside)})"]
    lines += [f"  {w.simplified} → {w.printed}: {f.printed} where the policy prints {f.standard} "
              f"({f.file}:{f.line}; {_places(w.places)})" for f, w in outside]
    mine = [o for o in converter.overrides if o.edition == v.code]
    lines += ["", f"## What each override changed ({len(mine)})"]
    # A scoped override looks only at its paragraph's or annotation's passages (a book has one
    # per paragraph it scopes: a scan of every passage for each was quadratic in the length).
    of_block: dict[str, list[Passage]] = {}
    of_annotation: dict[str, list[Passage]] = {}
    for p in passages:
        of_block.setdefault(p.block, []).append(p)
        of_annotation.setdefault(p.annotation, []).append(p)
    for o in mine:
        within = of_block.get(o.block, []) if o.block else of_annotation.get(o.annotation, []) if o.annotation \
            else passages
        scope = [p for p in within if o.simplified in p.text and (not o.block or o.block == p.block)
                 and (not o.annotation or o.annotation == p.annotation)]
        places = [p.place for p in scope for _ in range(p.text.count(o.simplified))]
        before = {converter.unfixed(p.text)[at:at + len(o.simplified)] for p in scope
                  for at in occurrences(p.text, o.simplified)}
        lines.append(f"  {o.file}:{o.line}  {o.simplified} → {o.converted} (OpenCC: {'、'.join(sorted(before))}): "
                     f"{len(places)} place{'s' if len(places) != 1 else ''}: {_places(places)}")
    usage = sorted(converter.words.values(), key=lambda u: (u.file, u.line))
    lines += ["", f"## The editors' usage ({len(usage)} word{'s' if len(usage) != 1 else ''}): their prose printed "
              "in the edition's words"]
    places_of: dict[str, list[str]] = {u.simplified: [] for u in usage}
    for p in passages:
        if p.prose and v.code not in p.own:
            for _, u in converter.for_annotation(p.annotation).usage_places(p.text):
                places_of[u.simplified].append(p.place)
    for u in usage:
        kind = " (an exception: printed as converted)" if converter.characters(u.simplified) == u.printed else ""
        n = len(places_of[u.simplified])
        lines.append(f"  {u.file}:{u.line}  {u.simplified} → {u.printed}{kind}: {n} place{'s' if n != 1 else ''}"
                     + (f": {_places(places_of[u.simplified])}" if n else ""))
    lines += ["", f"## Every word printed in another form ({len(listed)} forms of {len(by_word)} words)"]
    for w in sorted(listed, key=lambda w: (-len(w.places), w.simplified, w.printed)):
        lines.append(f"  {w.simplified} → {w.printed}  {len(w.places)}  {_places(w.places)}")
    return "\n".join(lines)
