"""The declared layout: its settings checked with exact messages at their lines, read from a
project's mkdocs.yml as the scripts read it, and control characters shown in every message."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.core import project
from edition.core.errors import EditionError, quote
from edition.core.text.layout import Layout, from_settings


def problems(value: object) -> str:
    with pytest.raises(EditionError) as caught:
        from_settings(value, "mkdocs.yml", 40)
    return str(caught.value)


def test_the_defaults_are_generic() -> None:
    layout = from_settings({}, "mkdocs.yml", 40)
    assert layout == Layout(lines=(("", 40),))
    assert (layout.kind, layout.column, layout.indent, layout.slack, layout.overflow, layout.fragment_starts) == (
        "page", None, 2.0, 1.0, 1.0, frozenset())
    assert from_settings(None, "mkdocs.yml", 40) == layout


def test_a_declared_layout_and_its_thresholds() -> None:
    layout = from_settings({"column": 30, "indent": 2, "slack": 1, "overflow": 0.5, "fragment_starts": "一“"},
                           "mkdocs.yml", 40)
    assert (layout.full_first, layout.full_line, layout.widest) == (27.0, 29.0, 30.5)
    assert layout.fragment_starts == frozenset("一“")
    assert from_settings({"column": "auto"}, "mkdocs.yml", 40).column is None


def test_every_bad_setting_is_reported_at_once() -> None:
    assert problems({"colum": 30, "kind": "book", "indent": -1, "slack": True, "overflow": "1em",
                     "fragment_starts": ["一"]}) == (
        "mkdocs.yml:40: layout: fragment_starts must be text, the characters themselves, got '['一']'\n"
        "  hint: write the characters in double quotes, with nothing between them, like fragment_starts: \"“\"\n"
        "mkdocs.yml:40: layout: indent must be a number of em (0 or more), got '-1'\n"
        "  hint: write the first-line indent in em, like 'indent: 2', or 'indent: 0'\n"
        "mkdocs.yml:40: layout: kind 'book' is not a kind of source\n"
        "  hint: use one of: page (a printed page extracted line by line: paragraphs are read from the lines' "
        "widths); paragraphs (a plain text with one paragraph per line)\n"
        "mkdocs.yml:40: layout: overflow must be a number of em (0 or more), got '1em'\n"
        "  hint: write how far past the column a line may run, in em, like 'overflow: 1'\n"
        "mkdocs.yml:40: layout: slack must be a number of em (0 or more), got 'True'\n"
        "  hint: write how far short of the column a full line may fall, in em, like 'slack: 1'\n"
        "mkdocs.yml:40: layout: unknown setting 'colum'\n"
        "  hint: did you mean 'column'? settings: kind, column, indent, slack, overflow, fragment_starts")


def test_a_column_that_is_no_width() -> None:
    assert problems({"column": 0}) == (
        "mkdocs.yml:40: layout: column must be a positive number of em, or auto, got '0'\n"
        "  hint: write the column's width in em, like 'column: 28', or 'column: auto'")
    assert problems({"column": 3}) == (
        "mkdocs.yml:40: layout: a column of 3 em leaves no room for a first line (indent 2 em, slack 1 em)\n"
        "  hint: the column must be wider than indent and slack together")


def test_a_plain_text_has_no_geometry() -> None:
    assert problems({"kind": "paragraphs", "column": 30}) == (
        "mkdocs.yml:40: layout: 'column' means nothing for kind 'paragraphs'\n"
        "  hint: remove it, or write 'kind: page' if the text is a printed page's lines")


def test_layout_must_be_a_mapping() -> None:
    assert problems("30em") == (
        "mkdocs.yml:40: layout must be a mapping of settings, got '30em'\n"
        "  hint: write 'layout:' followed by indented 'setting: value' lines; settings: kind, column, indent, "
        "slack, overflow, fragment_starts")


CONFIG = """site_name: 测试
theme:
  name: material
plugins:
  - search
  - offline:
      enabled: !ENV [OFFLINE, false]
  - edition:
      source: source/text.txt
      layout:
        kind: page
        column: thirty
        indent: 2
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
"""


def _settings(root: Path):  # type: ignore[no-untyped-def]
    return project.inputs(root / "mkdocs.yml").settings


def test_every_command_reads_the_layout_from_mkdocs_yml_with_its_lines(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        _settings(tmp_path)
    assert str(caught.value) == (
        "mkdocs.yml:12: layout: column must be a positive number of em, or auto, got 'thirty'\n"
        "  hint: write the column's width in em, like 'column: 28', or 'column: auto'")
    (tmp_path / "mkdocs.yml").write_text(CONFIG.replace("thirty", "24"), encoding="utf-8")
    settings = _settings(tmp_path)
    layout = settings.layout
    assert (layout.column, layout.line_of("column"), layout.line_of("overflow"), layout.line_of()) == (24.0, 12, 10, 10)
    assert settings.source == "source/text.txt"


def test_a_bare_plugin_or_none_gives_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - search\n  - edition\n", encoding="utf-8")
    assert _settings(tmp_path).layout.column is None
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  edition: {}\n", encoding="utf-8")
    assert _settings(tmp_path).layout.kind == "page"


def test_a_missing_or_broken_mkdocs_yml(tmp_path: Path) -> None:
    with pytest.raises(EditionError) as caught:
        _settings(tmp_path)
    assert str(caught.value) == (
        f"mkdocs.yml:1: there is no configuration file {tmp_path / 'mkdocs.yml'}\n"
        "  hint: run the command in the edition's folder, or give the file with -f")
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - edition:\n    layout: [\n", encoding="utf-8")
    with pytest.raises(EditionError, match=r"^mkdocs.yml:4: YAML syntax error"):
        _settings(tmp_path)


@pytest.mark.parametrize(("value", "shown"), [
    ("\f标题", "'␌标题'"), ("a\tb", "'a␉b'"), ("行一\n行二", "'行一⏎行二'"), ("\r", "'␍'"), ("x\x00", "'x␀'"),
    ("\x7f", "'␡'"), ("\x85", "'\\x85'"), ("零\u200b宽", "'零\\u200b宽'"), ("\ufeff标题", "'\\ufeff标题'"),
])
def test_messages_show_every_control_character(value: str, shown: str) -> None:
    assert quote(value) == shown
