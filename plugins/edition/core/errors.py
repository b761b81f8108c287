"""Problems found in the edition's input, reported as `file:line: message` with a hint."""

from __future__ import annotations

from dataclasses import dataclass

from .text.chars import visible


@dataclass(frozen=True)
class Problem:
    """One problem in one input file, worded for the contributor who has to fix it."""

    file: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text

    def github(self, level: str = "error") -> str:
        """The problem as a GitHub Actions workflow command: shown on the file's line in a pull
        request's diff."""
        def escape(text: str, properties: bool = False) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if properties else text

        body = self.message + (f"\nhint: {self.hint}" if self.hint else "")
        return f"::{level} file={escape(self.file, True)},line={self.line}::{escape(body)}"


class EditionError(Exception):
    """Input that cannot be built. Carries every problem found, in file and line order."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.message))
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
