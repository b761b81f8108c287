"""HTML fragments kept out of a Markdown renderer's way.

The generated pages (glossary, timeline, apparatus) are Markdown headings — for the table of
contents and the search index — with large blocks of HTML we built ourselves between them.
A Markdown renderer gains nothing from parsing those blocks (Python-Markdown runs an HTML parser
over every raw block, the slowest part of rendering these pages), so they are lifted out before
rendering, as comment placeholders, and put back into the rendered HTML.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"<!-- edition:fragment (\d+) -->")


def lift(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with every raw HTML line replaced by a placeholder, and the lines."""
    fragments: list[str] = []
    lines = []
    for line in markdown.split("\n"):
        if line.startswith("<") and not line.startswith("<!--"):
            lines.append(f"<!-- edition:fragment {len(fragments)} -->")
            fragments.append(line)
        else:
            lines.append(line)
    return "\n".join(lines), fragments


def restore(html: str, fragments: list[str]) -> str:
    """The rendered HTML with every placeholder replaced by its fragment."""
    return _PLACEHOLDER.sub(lambda m: fragments[int(m.group(1))], html)
