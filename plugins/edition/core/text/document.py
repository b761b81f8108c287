"""The edition as data: pages made of headings, paragraphs and list items, each with a stable id."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .chars import without_whitespace

BlockKind = Literal["heading", "paragraph", "item"]


@dataclass(frozen=True)
class Block:
    """One addressable unit of the text.

    `text` is the edition's reading. A list item's marker ("1.", "•") is kept apart from its text
    because Markdown prints it; `marker + text` is what the source had.
    """

    kind: BlockKind
    id: str
    text: str
    #: Source lines the block comes from (first, last), 1-based.
    lines: tuple[int, int]
    level: int = 0
    marker: str = ""
    #: Items with the same list number form one list.
    list_number: int = 0
    #: A heading the editors supplied (the text has none there).
    editorial: bool = False

    @property
    def source_text(self) -> str:
        """The block's text as the source prints it (marker included), emendations aside."""
        return self.marker + self.text

    @property
    def number(self) -> str:
        """A paragraph's or item's number on its page (p-3-12 → 12), as readers cite it."""
        return self.id.rsplit("-", 1)[-1]

    def position(self, offset: int) -> int:
        """How many non-whitespace characters of the text stand before `offset`: the position
        that marks and links are inserted at in the rendered HTML (html_text counts the same)."""
        return len(without_whitespace(self.text[:offset]))

    @property
    def ordered(self) -> bool:
        """Is this a numbered list item?"""
        return self.kind == "item" and self.marker[:-1].isdigit()


@dataclass(frozen=True)
class Page:
    """One page of the edition: a top-level section of the text."""

    slug: str
    number: int
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str:
        return self.blocks[0].text


@dataclass(frozen=True)
class Document:
    """The whole edition, page by page, in reading order."""

    pages: tuple[Page, ...]
    by_slug: dict[str, Page] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_slug", {p.slug: p for p in self.pages})

    def blocks(self) -> list[tuple[Page, Block]]:
        return [(page, block) for page in self.pages for block in page.blocks]
