"""Malformed and hostile annotation files, generated (hypothesis): the checker ends in success or in
an EditionError whose every problem names a file of the project, a line in it and a one-line
message — never another exception — and, for alias bombs, within a few megabytes (time: bench/checker.py).
Then the regressions these tests found, word for word, and the CLI on a few of them."""

from __future__ import annotations

import copy
import functools
import re
import shutil
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jieba
import opencc
import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from edition.core import project, yamlfile
from edition.core.annotations import anchoring, glossary
from edition.core.annotations.model import Target
from edition.core.editions import variants
from edition.core.errors import EditionError, quote
from edition.core.text import ingest, segmentation
from edition.core.text.document import Page

from ..conftest import LAYOUT, PATHS, ROOT

#: Every generated test: reproducible in CI (derandomized, no example database written into the
#: checkout). No deadline: CI runs on a loaded machine, and time is measured in bench/checker.py,
#: against a plain check in the same run, not asserted here.
ROBUST = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large, HealthCheck.large_base_example],
)
#: How the messages about a whole file begin (their line is 0).
WHOLE_FILE = ("the file is in ", "the file is empty", "the file has nothing but comments")
#: Most memory the checker may allocate on an alias bomb. It takes under 5 MB, the text's own 2.7 MB
#: included: it reads the values that aliases may repeat (yamlfile.MAX_REPEATED), then refuses the file.
BOMB_MEMORY = 20_000_000

NOTE = {"id": "n-test", "category": "idiom", "title": "刻舟求剑",
        "targets": [{"page": "building-cars", "quote": "刻舟求剑", "prefix": "、"}],
        "body": "比喻拘泥成法。", "sources": [{"title": "吕氏春秋·察今", "publisher": "吕不韦",
                                                "citation": "《吕氏春秋·慎大览·察今》"}],
        "variants": {"zh-Hant": {"body": "比喻拘泥成法。"}}}
TERM = {"id": "t-test", "term": "刻舟求剑", "category": "concept", "pinyin": "kè zhōu qiú jiàn",
        "aliases": ["刻舟"], "definition": "比喻拘泥成法。", "see_also": ["t-test"],
        "targets": [{"page": "building-cars", "quote": "刻舟求剑"}], "variants": {"zh-Hant": {"term": "刻舟求劍"}}}
EVENT = {"id": "ev-test", "date": "2021-01-15/2021-03-30", "title": "宣布造车", "category": "company",
         "targets": [{"page": "building-cars", "quote": "刻舟求剑"}],
         "sources": [{"title": "公告", "publisher": "小米集团", "url": "https://example.org/a"}]}


def _records(name: str, key: str) -> list[Any]:
    return list(yaml.safe_load((ROOT / "annotations" / name).read_text("utf-8"))[key])


@dataclass(frozen=True)
class Kind:
    """One kind of annotation file: where it goes, its top-level key, good records for it."""

    name: str
    key: str
    records: list[Any]


KINDS = [
    Kind("notes/x.yml", "notes", [NOTE]),
    Kind("glossary.yml", "terms", [TERM]),
    Kind("timeline.yml", "events", [EVENT]),
    Kind("emendations.yml", "emendations", _records("emendations.yml", "emendations")),
    Kind("conversion.yml", "overrides", _records("conversion.yml", "overrides")),
]


#: The text, as every copy of the project has it.
DOCUMENT = ingest.load(PATHS, LAYOUT).document


def dump(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000)


@dataclass(frozen=True)
class Checker:
    """A copy of the project without notes, glossary or timeline, checked with one file replaced."""

    root: Path

    def check(self, name: str, data: bytes) -> EditionError | None:
        """Write `data` to annotations/`name`, check, put the file back. The error, or None."""
        path = self.root / "annotations" / name
        before = path.read_bytes() if path.exists() else None
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        try:
            if name == "conversion.yml":  # as the CLI checks it, after the project (scripts/annotations.py)
                overrides = variants.load_overrides(self.root, "annotations/conversion.yml")
                converters = {"zh-Hant": variants.Converter(variants.Variant("zh-Hant", "s2tw"), overrides)}
                problems = variants.check(converters, overrides, DOCUMENT)
                if problems:
                    raise EditionError(problems)
            else:
                project.load_at(self.root / "mkdocs.yml")
        except EditionError as err:
            self.assert_clear(err)
            return err
        finally:
            if before is None:
                path.unlink()
            else:
                path.write_bytes(before)
        return None

    def assert_clear(self, err: EditionError) -> None:
        """Every problem: a file of the project, a line of that file (or the whole file, for what
        no line has: its encoding, its emptiness), a message on one line."""
        assert err.problems
        for problem in (*err.problems, *err.warnings):
            path = self.root / problem.file
            assert path.is_file(), problem
            # str.splitlines breaks lines wherever YAML does (\x85, \u2028 …) and in a few more places.
            lines = len(path.read_bytes().decode("utf-8", "replace").splitlines()) + 1
            assert 1 <= problem.line <= lines or (problem.line == 0 and problem.message.startswith(WHOLE_FILE)), \
                problem
            assert problem.message.strip() and "\n" not in problem.message, problem


@pytest.fixture(scope="module")
def checker(base: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Checker]:
    root = tmp_path_factory.mktemp("robust") / "project"
    shutil.copytree(base, root)
    # The glossary teaches its terms to jieba's process-wide tokenizer: generated terms must not
    # change how the other tests' glossaries are segmented, so these use a tokenizer of their own.
    own = segmentation.Segmenter(jieba.Tokenizer())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(glossary, "build", functools.partial(glossary.build, segmenter=own))
        good = Checker(root)
        # jieba's dictionary and pypinyin's data are loaded here, once.
        assert good.check("glossary.yml", dump({"terms": [TERM]}).encode()) is None
        yield good


# YAML that a dumper never writes, spliced in where a generated value says RAW<n>RAW.
RAW = ["2021-02-30", "2021-13-01", "2021-01-01 25:61:00", "!!int 二十", "!!bool maybe", "!!float x",
       "!!binary 字", "!!timestamp x", "!!null x", "!important 注意", "!!python/name:os.system", "!!map x",
       "!!seq x", "!!omap x", "!!set x", "!!pairs x", "!!value x", "=", "<<", "*nowhere", "&a x", "&a [*a]",
       "{a: 1, a: 2}", "[1, [2, [3]]]", "'unclosed", '"\\x"', "!!str", "!!int", "? x", "@x", "|", "0x_", "0o17",
       "+.inf", ".NaN", "~", "{", "]", "[*a]", "!!python/object/apply:os.system [ls]"]
# Values of every type, some hostile: wrong types, control characters (escaped by the dumper), a
# date, empty and huge text, long lists, raw YAML.
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**30), st.floats(),
    st.dates(min_value=date(1, 1, 1)), st.text(max_size=30),
    st.sampled_from(["", " ", "\t", "\x00\x01\x7f", "\u2028", "刻舟求劍", "n-", "e-001", "t-test"]),
    st.integers(1, 300_000).map(lambda n: "字" * n),
    st.integers(0, len(RAW) - 1).map(lambda n: f"RAW{n}RAW"),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8) | SCALARS, inner, max_size=4),
    st.integers(1, 3000).map(lambda n: ["n-x"] * n)), max_leaves=8)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a document: the keys and list indexes that lead to it."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


@st.composite
def mutated_documents(draw: st.DrawFn, kind: Kind) -> bytes:
    """Good records of the kind with a few changes anywhere: a value of another type (at the top,
    in a list, a record, a nested record), a field missing, an unknown field, a value wrapped."""
    records = draw(st.lists(st.sampled_from(kind.records), min_size=1, max_size=3))
    document: Any = {kind.key: copy.deepcopy(records)}
    for _ in range(draw(st.integers(1, 3))):
        # Deepest first: hypothesis favours the first choices, and the whole document is the dullest.
        path = draw(st.sampled_from(sorted(_paths(document), key=len, reverse=True)))
        operation = draw(st.sampled_from(["replace", "delete", "add", "wrap"]))
        if not path:
            document = draw(VALUES) if operation == "replace" else document
            continue
        parent = functools.reduce(lambda value, key: value[key], path[:-1], document)
        if operation == "replace":
            parent[path[-1]] = draw(VALUES)
        elif operation == "delete":
            del parent[path[-1]]
        elif operation == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = draw(VALUES)
        elif operation == "wrap":
            parent[path[-1]] = draw(st.sampled_from([[parent[path[-1]]], {"x": parent[path[-1]]}]))
    text = dump(document)
    for n, raw in enumerate(RAW):
        text = text.replace(f"RAW{n}RAW", raw)
    return text.encode("utf-8")


SNIPPETS = [b"\t", b"\x00", b"\x01", b"\x7f", b"\xc2\x85", b"\xe2\x80\xa8", b"\xef\xbb\xbf", b"\xff", b"\xc3",
            b"\xed\xa0\x80", b"'", b'"', b":", b": ", b"- ", b"[", b"]", b"{", b"}", b"&a ", b"*a", b"*b ",
            b"!!int ", b"!!binary ", b"!foo ", b"<<: ", b"? ", b"|", b">", b"%YAML 1.1\n", b"---\n", b"...\n",
            b"#", b"\r", b"\n", b"  ", "劍".encode(), b"2021-02-30", b"\\", b"@", b"`", b",", b"%", b"="]


@st.composite
def damaged_bytes(draw: st.DrawFn, kind: Kind) -> bytes:
    """A good file of the kind, damaged as bytes: a snippet inserted (tabs, control characters,
    invalid UTF-8, quotes, brackets, anchors, tags), a range deleted, a line repeated (a duplicate
    key), the end cut off, a BOM, CRLF line ends."""
    data = dump({kind.key: kind.records[:3]}).encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(["insert", "delete", "repeat-line", "cut", "bom", "crlf"]))
        if operation == "insert":
            data = data[:at] + draw(st.sampled_from(SNIPPETS) | st.binary(max_size=6)) + data[at:]
        elif operation == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 40)):]
        elif operation == "repeat-line":
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at) + 1 or len(data)
            data = data[:end] + data[start:end] + data[end:]
        elif operation == "cut":
            data = data[:at]
        elif operation == "bom":
            data = b"\xef\xbb\xbf" + data
        else:
            data = data.replace(b"\n", b"\r\n")
    return data


def nested_flow(depth: int, close: bool = True) -> str:
    return "[" * depth + ("]" * depth if close else "")


def nested_block(depth: int) -> str:
    return "\n" + "".join("  " * i + "- \n" for i in range(depth))


def alias_bomb(width: int, depth: int) -> tuple[str, str]:
    """Anchors of `width` aliases of the anchor before, `depth` times (a "billion laughs"): the last
    stands for width**depth values. The anchors as top-level mapping lines, and the last one's name."""
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, depth)]
    return "\n".join(lines) + "\n", f"l{depth - 1}"


def before_field(record: str, field: str, line: str, instead: str = "") -> str:
    """The dumped `record` with `line` written before the line of its first record's `field`, and
    the `field:` that starts that line replaced by `instead`, if given."""
    found = re.search(rf"^(- |  ){re.escape(field)}:", record, flags=re.MULTILINE)
    assert found, (record, field)
    lead = found.group(1)
    start, end = found.span()
    before = f"{lead}{line}\n  " if line else lead
    return record[:start] + before + (instead or f"{field}:") + record[end:]


@st.composite
def hostile_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, content): a shape of file that no record check expects."""
    kind = draw(st.sampled_from(KINDS))
    record = dump({kind.key: kind.records[:1]})
    field = draw(st.sampled_from(list(kind.records[0])))
    shape = draw(st.sampled_from(["deep-flow", "deep-block", "bomb", "recursive", "huge-list", "huge-text",
                                  "huge-key", "huge-number", "many-keys", "top", "duplicate-key", "documents",
                                  "merge", "tag"]))
    if shape == "deep-flow":
        text = f"{kind.key}: " + nested_flow(draw(st.integers(1, 3000)), draw(st.booleans())) + "\n"
    elif shape == "deep-block":
        text = f"{kind.key}:" + nested_block(draw(st.integers(1, 1500)))
    elif shape == "bomb":
        anchors, last = alias_bomb(draw(st.integers(2, 12) | st.integers(1000, 5000)), draw(st.integers(2, 12)))
        where = draw(st.sampled_from(["top", "list", "field", "value"]))
        if where == "top":
            text = anchors + record
        elif where == "list":
            text = anchors + f"{kind.key}: *{last}\n"
        elif where == "field":
            text = anchors + before_field(record, next(iter(kind.records[0])), f"lol: *{last}")
        else:
            text = anchors + before_field(record, field, f"{field}: *{last}", f"x-{field}:")
    elif shape == "recursive":
        text = draw(st.sampled_from([f"{kind.key}: &a [*a]\n", f"{kind.key}:\n  - &a {{x: *a}}\n",
                                     f"&a {{{kind.key}: *a}}\n", f"{kind.key}:\n  - &a [[[*a]]]\n"]))
    elif shape == "huge-list":
        item = draw(st.sampled_from([record.split("\n", 1)[1], "- 1\n", "- []\n", "- ''\n", "- *a\n"]))
        text = f"{kind.key}:\n- &a x\n" + item * draw(st.integers(1, 2000))
    elif shape == "huge-text":
        size = draw(st.integers(1, 300_000))
        text = before_field(record, field, f"{field}: {'字' * size}", f"x-{field}:")
    elif shape == "huge-key":
        text = record + "  " + "k" * draw(st.integers(1, 300_000)) + ": 1\n"
    elif shape == "huge-number":
        digits = draw(st.sampled_from(["1", "0x1", "1_0", "1.0", "1:0", "-1", "0o1", "1e1", "0b1"]))
        zeros = "0" * draw(st.integers(1, 100) | st.integers(4000, 20_000))
        text = before_field(record, field, f"{field}: {digits}{zeros}", f"x-{field}:")
    elif shape == "many-keys":
        text = record + "".join(f"  x{i}: {i}\n" for i in range(draw(st.integers(1, 3000))))
    elif shape == "top":
        text = draw(st.sampled_from(["", " ", "\n\n", "# only a comment\n", "~\n", "null\n", "---\n", "---\n...\n",
                                     "hello\n", "1\n", "[]\n", "{}\n", f"- {kind.key}\n", f"{kind.key}:\n",
                                     f"{kind.key}: {{}}\n", f"{kind.key}: x\n", f"? [{kind.key}]\n: []\n",
                                     f"{kind.key}: []\n{kind.key}s: []\n", f"$schema: x\n{kind.key}: []\n"]))
    elif shape == "duplicate-key":
        text = before_field(record, field, f"{field}: x")
    elif shape == "documents":
        text = record + "---\n" + record
    elif shape == "merge":
        text = "base: &base {x: 1}\n" + before_field(record, next(iter(kind.records[0])), "<<: *base")
    else:
        tag = draw(st.sampled_from(["!foo", "!!python/object:os.system", "!!int", "!!float", "!!bool", "!!binary",
                                    "!!timestamp", "!!set", "!!omap", "!!null", "!!str", "!", "!!map", "!!seq"]))
        text = before_field(record, field, "", f"{field}: {tag}")
    return kind.name, text.encode("utf-8")


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
@settings(ROBUST, max_examples=40)
@given(data=st.data())
def test_mutated_records_give_clear_errors(checker: Checker, kind: Kind, data: st.DataObject) -> None:
    checker.check(kind.name, data.draw(mutated_documents(kind)))


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
@settings(ROBUST, max_examples=25)
@given(data=st.data())
def test_damaged_bytes_give_clear_errors(checker: Checker, kind: Kind, data: st.DataObject) -> None:
    checker.check(kind.name, data.draw(damaged_bytes(kind)))


def _slow_closest() -> str:
    """A note with twenty long quotes that are nowhere in the text: finding the closest passage for
    the hint took a third of a second each."""
    targets = [{"page": "methodology-tested", "quote": "的" * 200} for _ in range(20)]
    return dump({"notes": [{**NOTE, "targets": targets}]})


BOMB = alias_bomb(9, 9)
#: Each of these raised another exception than EditionError, or hung, or took gigabytes, before
#: it was fixed: (file, content, the first problem reported).
REGRESSIONS = {
    "merge-key": ("notes/x.yml", "base: &b {category: idiom}\nnotes:\n  - <<: *b\n    id: n-x\n",
                  "annotations/notes/x.yml:3: merge keys ('<<: *name') are not supported\n"
                  "  hint: write the fields out in each record"),
    "impossible-date": ("timeline.yml", "events:\n  - id: ev-x\n    date: 2021-02-30\n",
                        "annotations/timeline.yml:3: '2021-02-30' is not a calendar date\n"
                        '  hint: write dates as text in double quotes, like "2021-08-16", with a real month and day'),
    "unknown-tag": ("notes/x.yml", "notes:\n  - id: n-x\n    body: !important 注意\n",
                    "annotations/notes/x.yml:3: YAML tag '!important' is not supported\n"
                    "  hint: remove the tag; text that begins with '!' is written in double quotes"),
    "python-tag": ("glossary.yml", "terms:\n  - id: !!python/object/apply:os.system [ls]\n",
                   "annotations/glossary.yml:2: YAML tag '!!python/object/apply:os.system' is not supported\n"
                   "  hint: remove the tag; text that begins with '!' is written in double quotes"),
    "mapping-tag-on-text": ("notes/x.yml", dump({"notes": [NOTE]}).replace("  variants:\n    zh-Hant:\n      "
                                                                           "body: 比喻拘泥成法。\n",
                                                                           "  variants: !!map x\n"),
                            "annotations/notes/x.yml:14: YAML tag '!!map' is not supported\n"
                            "  hint: remove the tag; text that begins with '!' is written in double quotes"),
    "int-tag": ("emendations.yml", "emendations:\n  - id: e-001\n    line: !!int 二十七\n",
                "annotations/emendations.yml:3: '二十七' cannot be read as an integer\n"
                "  hint: write text in double quotes; remove the tag if there is one (!!int …)"),
    "huge-integer": ("emendations.yml", "emendations:\n  - id: e-001\n    line: " + "1" * 5000 + "\n",
                     "annotations/emendations.yml:3: '" + "1" * 39 + "…' is a number of more than 100 digits\n"
                     "  hint: no count or line comes near it: write text in double quotes"),
    "huge-hex": ("emendations.yml", "emendations:\n  - id: e-001\n    line: 0x" + "f" * 5000 + "\n",
                 "annotations/emendations.yml:3: '0x" + "f" * 37 + "…' is a number of more than 100 digits\n"
                 "  hint: no count or line comes near it: write text in double quotes"),
    "bool-tag": ("conversion.yml", "overrides:\n  - count: !!bool maybe\n",
                 "annotations/conversion.yml:2: 'maybe' cannot be read as true or false\n"
                 "  hint: write text in double quotes; remove the tag if there is one (!!int …)"),
    "plain-equals": ("notes/x.yml", "notes:\n  - =: =\n",
                     "annotations/notes/x.yml:2: note '?': missing field 'body'\n"
                     "  hint: add 'body: …' (the note, in Markdown (no HTML))"),
    "control-character": ("notes/x.yml", "notes:\n  - id: n-x\n    body: 比\x01喻\n",
                          "annotations/notes/x.yml:3: the file contains the control character U+0001, which YAML "
                          "does not allow\n  hint: delete it: it is invisible in most editors (tabs and line breaks "
                          "are fine)"),
    "deep-flow": ("notes/x.yml", "notes: " + nested_flow(2000) + "\n",
                  "annotations/notes/x.yml:1: lists and mappings are nested more than 50 levels deep\n"
                  "  hint: annotation files need a few levels only: close every '[' and '{', and check the "
                  "indentation"),
    "deep-block": ("timeline.yml", "events:" + nested_block(1200),
                   "annotations/timeline.yml:1001: lists and mappings are nested more than 50 levels deep\n"
                   "  hint: annotation files need a few levels only: close every '[' and '{', and check the "
                   "indentation"),
    "deeper-than-50": ("glossary.yml", "terms:" + nested_block(60),
                    "annotations/glossary.yml:51: lists and mappings are nested more than 50 levels deep\n"
                    "  hint: annotation files need a few levels only: close every '[' and '{', and check the "
                    "indentation"),
    "recursive-alias": ("notes/x.yml", "notes:\n  - &a [*a]\n",
                        "annotations/notes/x.yml:2: the value anchored here (&name) contains an alias (*name) to "
                        "itself\n  hint: an alias cannot repeat the value it is in: write the values out"),
    "alias-bomb": ("notes/x.yml", BOMB[0] + f"notes: *{BOMB[1]}\n",
                   "annotations/notes/x.yml:4: aliases (*name) repeat more than 10000 values in all, such as the "
                   "one anchored here (&name)\n  hint: aliases of aliases multiply: write the values out, or repeat "
                   "fewer"),
    "wide-alias-bomb": ("timeline.yml", alias_bomb(10_000, 2)[0] + "events: *l1\n",
                        "annotations/timeline.yml:1: aliases (*name) repeat more than 10000 values in all, such as "
                        "the one anchored here (&name)\n  hint: aliases of aliases multiply: write the values out, "
                        "or repeat fewer"),
    "unknown-top-level-key": ("timeline.yml", "events: []\nevent:\n  - id: ev-x\n",
                              "annotations/timeline.yml:2: unknown top-level key 'event'\n"
                              "  hint: the file has one top-level key, 'events': put every entry in its list"),
    "long-alias": ("glossary.yml", dump({"terms": [{**TERM, "aliases": ["刻舟" * 30_000]}]}),
                   "annotations/glossary.yml:6: term 't-test': alias '" + "刻舟" * 19 + "刻…' is 60000 characters "
                   "long\n"
                   "  hint: keep terms and aliases under 40 characters; explain in the definition or the body"),
    "slow-closest": ("notes/x.yml", _slow_closest(),
                     "annotations/notes/x.yml:6: note 'n-test': quote '" + "的" * 39 + "…' not found on page "
                     "'methodology-tested'\n  hint: copy the quote exactly from docs/text/methodology-tested.md "
                     "(one paragraph, Simplified characters)"),
}


def with_regressions(test: Callable[..., None]) -> Callable[..., None]:
    """Every regression, as an explicit example of a test of hostile files."""
    for name, text, _ in REGRESSIONS.values():
        test = example(case=(name, text.encode("utf-8")))(test)
    return test


@with_regressions
@settings(ROBUST, max_examples=80)
@given(case=hostile_files())
def test_hostile_files_give_clear_errors(checker: Checker, case: tuple[str, bytes]) -> None:
    checker.check(*case)


@pytest.mark.parametrize(("name", "text", "expected"), list(REGRESSIONS.values()), ids=list(REGRESSIONS))
def test_regression_messages(checker: Checker, name: str, text: str, expected: str) -> None:
    err = checker.check(name, text.encode("utf-8"))
    assert err is not None
    assert str(err.problems[0]) == expected


@settings(ROBUST, max_examples=12)
@given(width=st.integers(2, 16) | st.integers(1000, 10_000), depth=st.integers(2, 16), kind=st.sampled_from(KINDS))
@example(width=9, depth=9, kind=KINDS[0]).via("the billion laughs")
@example(width=16, depth=16, kind=KINDS[1]).via("2**64 values")
@example(width=10_000, depth=2, kind=KINDS[2]).via("10**8 values from 100 kB")
def test_alias_bombs_are_refused_unexpanded(checker: Checker, width: int, depth: int, kind: Kind) -> None:
    anchors, last = alias_bomb(width, depth)
    tracemalloc.start()
    try:
        err = checker.check(kind.name, (anchors + f"{kind.key}: *{last}\n").encode("utf-8"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < BOMB_MEMORY
    assert err is not None
    if width ** depth > yamlfile.MAX_REPEATED:
        assert err.problems[0].message.startswith("aliases (*name) repeat more than 10000 values in all")


@settings(ROBUST, max_examples=25)
@given(when=st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?", fullmatch=True))
@example(when="2021-02-29").via("no such day")
@example(when="2021-00").via("no such month")
@example(when="2022-03/2021").via("backwards")
def test_event_dates_give_clear_errors(checker: Checker, when: str) -> None:
    """Dates of the right shape reach the timeline's own checks (calendar, years, order)."""
    checker.check("timeline.yml", dump({"events": [{**EVENT, "date": when}]}).encode("utf-8"))


TO_TRADITIONAL = opencc.OpenCC("s2tw.json")
PASSAGES = [(page.slug, block.text) for page in DOCUMENT.pages
            for block in page.blocks if not block.editorial and len(block.text) >= 8]


@settings(ROBUST, max_examples=20)
@given(passage=st.sampled_from(PASSAGES), data=st.data())
def test_a_traditional_quote_of_a_simplified_passage_is_not_found(
        checker: Checker, passage: tuple[str, str], data: st.DataObject) -> None:
    """Quotes are matched on the Simplified text: a quote copied from the Traditional edition is
    reported, with the closest Simplified passage when there is one."""
    slug, text = passage
    start = data.draw(st.integers(0, len(text) - 4))
    simplified = text[start:start + data.draw(st.integers(4, 60))]
    traditional = TO_TRADITIONAL.convert(simplified)
    assume(traditional != simplified and traditional.strip())
    note = {**NOTE, "targets": [{"page": slug, "quote": traditional}]}
    err = checker.check("notes/x.yml", dump({"notes": [note]}).encode("utf-8"))
    assert err is not None
    (problem,) = err.problems
    assert problem.message == f"note 'n-test': quote {quote(traditional)} not found on page {quote(slug)}"
    assert problem.hint.startswith(("the closest passage is ", "copy the quote exactly from "))


#: The CLI on some of the regressions, and on a file that is not UTF-8.
CLI_CASES = {key: (name, text.encode("utf-8"), expected) for key, (name, text, expected) in REGRESSIONS.items()
             if key in ("alias-bomb", "deep-flow", "control-character", "impossible-date", "python-tag")}
CLI_CASES["not-utf-8"] = ("notes/x.yml", b"notes:\n  - id: n-\xff\n",
                          "annotations/notes/x.yml:2: the file is not valid UTF-8\n  hint: save the file as UTF-8")


@pytest.mark.parametrize(("name", "data", "expected"), list(CLI_CASES.values()), ids=list(CLI_CASES))
def test_cli_reports_hostile_files_with_file_and_line(base: Path, tmp_path: Path, name: str, data: bytes,
                                                     expected: str) -> None:
    copy_root = tmp_path / "project"
    shutil.copytree(base, copy_root)
    (copy_root / "annotations" / name).parent.mkdir(exist_ok=True)
    (copy_root / "annotations" / name).write_bytes(data)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "annotations.py"), "--root", str(copy_root),
                             "check"], capture_output=True, text=True, timeout=1800)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {expected}\n"), result.stderr


def full_scan(page: Page, wanted: str) -> str:
    """The closest passage's hint as anchoring found it before it skipped windows: every window scored."""
    best = (0.0, "", "")
    for block in page.blocks:
        if block.editorial:
            continue
        for at in range(max(1, len(block.text) - len(wanted) + 1)):
            window = block.text[at:at + len(wanted)]
            ratio = anchoring.score(wanted, window)
            if ratio > best[0]:
                best = (ratio, window, block.id)
    return anchoring.closest_hint(page, best)


@settings(ROBUST, max_examples=30)
@given(passage=st.sampled_from(PASSAGES), data=st.data())
def test_the_closest_passage_is_the_one_a_full_scan_finds(passage: tuple[str, str], data: st.DataObject) -> None:
    """The hint's passage with windows skipped, against every window scored, for quotes made by
    changing and shuffling characters of a passage."""
    slug, text = passage
    start = data.draw(st.integers(0, len(text) - 1))
    chars = list(text[start:start + data.draw(st.integers(1, 40))])
    for _ in range(data.draw(st.integers(0, 4))):
        chars[data.draw(st.integers(0, len(chars) - 1))] = data.draw(st.sampled_from("的了，X劍" + text))
    wanted = "".join(data.draw(st.permutations(chars)) if data.draw(st.booleans()) else chars)
    page = DOCUMENT.by_slug[slug]
    assert anchoring._closest(page, Target(slug, wanted)) == full_scan(page, wanted)
