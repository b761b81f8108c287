"""Problems found in the edition's input, reported as `file:line: message` with a hint."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .text.chars import visible


@dataclass(frozen=True)
class Problem:
    """One problem in one input file, worded for the contributor who has to fix it.

    `line` is 1-based; 0 means the whole file (its encoding, say), where a line number would mean nothing.
    """

    file: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text

    def github(self, level: str = "error") -> str:
        """The problem as a GitHub Actions workflow command: shown on the file's line in a pull
        request's diff."""
        def escape(text: str, properties: bool = False) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if properties else text

        body = self.message + (f"\nhint: {self.hint}" if self.hint else "")
        # A whole-file problem goes on the first line: it is shown in the diff, beside the file's name.
        return f"::{level} file={escape(self.file, True)},line={max(self.line, 1)}::{escape(body)}"


def ordered(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Problems in file and line order (the order they are reported in)."""
    return tuple(sorted(problems, key=lambda p: (p.file, p.line, p.message)))


class EditionError(Exception):
    """Input that cannot be built. Carries every problem found, in file and line order, and the
    warnings found in the same run (so that a caller can report them all at once)."""

    def __init__(self, problems: list[Problem] | Problem, warnings: Iterable[Problem] = ()) -> None:
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(ordered(problems))
        self.warnings = ordered(warnings)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def quote(value: object, limit: int = 40) -> str:
    """Quote a value for a message, shortened, with line breaks and every control character made
    visible (⏎, ␌ for a form feed …: see text.chars.visible), so that none looks like nothing."""
    text = visible(str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
