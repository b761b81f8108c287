"""Suggest a note: on each paragraph, a link to the repository host's "create a file" form with a
new notes file that already targets the paragraph (GitHub: /new/<branch>?filename=…&value=…).

The skeleton is the same for every paragraph but its id and targets, so a page carries it once
(a JSON script) and each link only its paragraph's targets; assets/edition.js puts them together
when the link is followed. Both are ASCII-escaped: the Traditional edition's conversion must not
touch them (annotations quote the Simplified text). Without JavaScript the link opens the form
with the file's name only.
"""

from __future__ import annotations

import html
import json
from urllib.parse import quote, urlencode

from .. import strings
from ..annotations import scaffold
from ..annotations.model import DATE_PLACEHOLDER, PUBLISHER_PLACEHOLDERS, TITLE_PLACEHOLDERS, URL_PLACEHOLDERS
from ..text.document import Block, Document, Page

#: How much of a paragraph's beginning the skeleton quotes (the scaffold adds a prefix or a
#: suffix when that is not unique on the page).
QUOTE_LENGTH = 12

#: The new file. Its sources are an example left commented out *below* `sources:`, so that taking
#: out the '#' of its lines (by hand, or with an editor's toggle-comment, which also takes one space)
#: leaves valid YAML; its values are placeholders the check refuses until they are replaced.
TEMPLATE = (
    "# yaml-language-server: $schema=../schema/notes.schema.json\n"
    "# 为 {block} 段建议一条注释：写好 body 和 sources，再提交（GitHub 会替你建分支和 pull request）。\n"
    "# 写法见仓库根目录的 CONTRIBUTING.md。category 可选：{categories}\n"
    "notes:\n"
    "  - id: n-suggested-{block}\n"
    "    category: background\n"
    "    # title: 短标题（可选，不超过 40 字）\n"
    "    targets:\n"
    "{targets}"
    "    body: |\n"
    "      \n"
    "    # 每个文本之外的事实都要注明来源：去掉下面四行开头的 #，把示例换成真实的来源\n"
    "    # （没有网址时，把 url 一行换成 citation: 著录，如书名、期号、文号）。\n"
    "    sources:\n"
    f"    #  - title: {TITLE_PLACEHOLDERS[0]}\n"
    f"    #    publisher: {PUBLISHER_PLACEHOLDERS[0]}\n"
    f"    #    url: {URL_PLACEHOLDERS[2]}\n"
    f'    #    date: "{DATE_PLACEHOLDER}"\n'
)


def filename(block: Block) -> str:
    return f"annotations/notes/suggested-{block.id}.yml"


def targets(document: Document, page: Page, block: Block) -> str:
    """The skeleton's targets: the paragraph's first words, with a prefix or suffix if needed."""
    note = scaffold.note_yaml(document, page.slug, block.text[:QUOTE_LENGTH], ident=f"n-suggested-{block.id}")
    lines = note.splitlines(keepends=True)
    start = lines.index("    targets:\n") + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("      "))
    return "".join(lines[start:end])


def template(categories: tuple[str, ...]) -> str:
    """The skeleton of every paragraph's file, with the note categories the settings declare."""
    return TEMPLATE.replace("{categories}", ", ".join(categories))


def skeleton(document: Document, page: Page, block: Block, categories: tuple[str, ...]) -> str:
    """The file a contributor starts from (what the page's script assembles)."""
    return template(categories).replace("{block}", block.id).replace("{targets}", targets(document, page, block))


def url(new_file_root: str, document: Document, page: Page, block: Block, categories: tuple[str, ...]) -> str:
    """The whole link, as the page's script makes it (`new_file_root` is e.g.
    https://github.com/owner/repo/new/main/)."""
    value = skeleton(document, page, block, categories)
    return new_file_root + "?" + urlencode({"filename": filename(block), "value": value}, quote_via=quote)


def link(new_file_root: str, document: Document, page: Page, block: Block) -> str:
    """The paragraph's link (next to its permalink)."""
    href = new_file_root + "?filename=" + percent_encoded(filename(block), "")  # as urlencode, quote_via=quote
    own = strings.source()
    label = html.escape(own.suggest_note_label.format(id=block.id))
    # The pencil is drawn by the stylesheet: one icon for the page, not one per paragraph.
    return (f'<a class="edition-suggest" href="{html.escape(href)}" data-search-exclude '
            f'data-targets="{percent_encoded(targets(document, page, block))}" rel="nofollow noopener" '
            f'title="{html.escape(own.suggest_note)}" aria-label="{label}"></a>')


#: What `urllib.parse.quote` leaves as it is: letters, digits and _.-~, and the characters of `safe`.
_ALWAYS_SAFE = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"
#: By `safe` ("/" or ""): each byte as `quote` writes it.
_BYTES = {safe: [chr(b) if b in _ALWAYS_SAFE + safe.encode() else f"%{b:02X}" for b in range(256)]
          for safe in ("/", "")}


def percent_encoded(text: str, safe: str = "/") -> str:
    """`urllib.parse.quote(text, safe)` (safe: "/" or ""), with no Python step per byte (quote takes
    one for each: a book has thousands of paragraph links, mostly Chinese)."""
    return "".join(map(_BYTES[safe].__getitem__, text.encode("utf-8")))


def page_data(new_file_root: str, categories: tuple[str, ...]) -> str:
    """The page's skeleton, once (ASCII JSON, safe inside <script>)."""
    data = json.dumps({"root": new_file_root, "template": template(categories)}, ensure_ascii=True, sort_keys=True)
    safe = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="edition-suggest">{safe}</script>'
