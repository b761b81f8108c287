"""Settings of the `edition` MkDocs plugin, declared once."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class EditionItem(base.Config):
    """One further edition of the site, made from the source edition's pages."""

    code = c.Type(str)
    """Its language tag, like zh-Hant; also <html lang> and hreflang."""

    opencc = c.Type(str)
    """The OpenCC configuration that makes its text, like s2tw (Taiwan standard characters)."""

    path = c.Type(str)
    """Where it lives under the site root, like zh-Hant/."""

    name = c.Type(str)
    """Its name in the language switcher, in its own script."""

    quotes = c.Type(str, default="")
    """Quotation marks: outer open, outer close, inner open, inner close (like 「」『』); empty
    keeps the source's “”‘’."""

    theme_language = c.Type(str, default="")
    """Material's interface language for it (zh-TW, zh-Hant): the theme's own translations."""


class EditionConfig(base.Config):
    source = c.Type(str, default="source/xiaomi-model-2010-2022.txt")
    """The verbatim source text, relative to mkdocs.yml. Never edited."""

    structure = c.Type(str, default="annotations/structure.yml")
    """Declared pages and headings, relative to mkdocs.yml."""

    emendations = c.Type(str, default="annotations/emendations.yml")
    """Recorded corrections of extraction artifacts, relative to mkdocs.yml."""

    layout = c.Type(dict, default={})
    """How the source was laid out, so that ingest can find its paragraphs (core/text/layout.py):
    `kind` (page: a printed page extracted line by line; paragraphs: one paragraph per line),
    `column` (the column's width in em, or auto to measure it), `indent` (the first-line indent
    in em), `slack` and `overflow` (how far short of the column a full line may fall, and how far
    past it a line may run, in em), `fragment_starts` (characters before which the extractor split
    a printed line). Checked by core/text/layout.py: from_settings."""

    layout_fixes = c.Type(str, default="annotations/layout.yml")
    """Declared paragraph breaks and whitespace-only fixes of the source's layout, relative to
    mkdocs.yml (core/text/layout_fixes.py). Optional: no file, no fixes."""

    annotations = c.Type(str, default="annotations")
    """Folder of the annotation files (notes/, glossary.yml, timeline.yml), relative to mkdocs.yml."""

    export = c.Type(str, default="annotations.jsonld")
    """Where the W3C Web Annotation export goes in the built site."""

    pages = c.Type(str, default="text")
    """Folder under docs_dir that holds the generated text pages."""

    apparatus = c.Type(str, default="apparatus.md")
    """Where the generated apparatus page (校勘记) goes, under docs_dir."""

    glossary = c.Type(str, default="glossary.md")
    """Where the generated glossary page (术语表) goes, under docs_dir."""

    glossary_export = c.Type(str, default="glossary.json")
    """Where the glossary's JSON export (terms with their occurrences) goes in the built site."""

    timeline = c.Type(str, default="timeline.md")
    """Where the generated timeline page (年表) goes, under docs_dir."""

    timeline_export = c.Type(str, default="timeline.json")
    """Where the timeline's export in TimelineJS's JSON format goes in the built site."""

    source_name = c.Type(str, default="简体中文")
    """The source edition's name in the language switcher."""

    editions = c.ListOfItems(c.SubConfig(EditionItem), default=[])
    """Further editions, each converted from the source edition in the same build."""

    conversion = c.Type(str, default="annotations/conversion.yml")
    """Reviewed overrides of the conversion, relative to mkdocs.yml."""

    cache = c.Type(str, default=".cache/edition")
    """A folder for data kept between builds (the glossary's pinyin), relative to mkdocs.yml.
    Deleting it changes nothing but the time of the next build."""

    edit_root = c.Type(str, default="edit/main/")
    """The repository's edit URL for its root, relative to repo_url. Generated pages link their
    "edit" button to the file they come from: text pages to the emendations (their text is
    changed by emendations, never by editing the page), the glossary page to glossary.yml."""

    search = c.Type(bool, default=True)
    """The edition's search behind Material's search box (see material_search.py). False leaves
    Material's own search as it is (the benchmark's baseline)."""

    suggest_root = c.Type(str, default="new/main/")
    """The repository's "create a file" URL for its root, relative to repo_url: each paragraph
    gets a link that opens it with a new note on that paragraph. Empty: no such links."""
