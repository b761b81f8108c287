"""Generated pages' HTML blocks lifted out of Markdown rendering and put back."""

from __future__ import annotations

from edition.core.render import fragments


def test_fragments_round_trip() -> None:
    markdown = "# 标题\n\n<div class=\"x\">甲</div>\n\n## 小节 { #s }\n\n<ol><li>乙</li></ol>\n<!-- a comment -->"
    lifted, kept = fragments.lift(markdown)
    assert kept == ['<div class="x">甲</div>', "<ol><li>乙</li></ol>"]
    assert "<div" not in lifted and "<!-- a comment -->" in lifted
    assert fragments.restore(lifted, kept) == markdown
