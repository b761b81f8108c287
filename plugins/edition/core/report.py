"""The outcome of a check as a command line prints it: every error and warning of the run, with
its severity, what could not be checked, and a summary line. Every command that checks calls
this, so that the wording is the same wherever it is read."""

from __future__ import annotations

from dataclasses import dataclass

from .project import Checked


@dataclass(frozen=True)
class Report:
    """What to print, and the exit status: 1 on any error, and on any warning under --strict."""

    stdout: str
    stderr: str
    status: int


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary(checked: Checked, strict: bool) -> str:
    """One line: how many errors and warnings, and whether they fail the check."""
    errors, warnings = len(checked.errors), len(checked.warnings)
    if errors:
        return "annotations: " + plural(errors, "error") + (f" and {plural(warnings, 'warning')}" if warnings else "")
    if warnings and strict:
        return f"annotations: {plural(warnings, 'warning')}; --strict makes warnings fail"
    assert checked.project is not None  # no errors: the project was built
    fine = (f"{plural(len(checked.project.annotations.annotations), 'annotation')} and "
            f"{plural(len(checked.project.edition.emendations), 'emendation')}")
    if warnings:
        return f"annotations: {fine}, no errors; {plural(warnings, 'warning')} (--strict makes warnings fail)"
    return f"annotations: {fine} are fine"


def report(checked: Checked, strict: bool = False, github: bool = False) -> Report:
    """Errors, then warnings (each 'error: ' or 'warning: ' and file:line), what was not checked,
    and the summary; with `github`, each problem also as a GitHub Actions annotation (on stdout)."""
    status = 1 if checked.errors or (strict and checked.warnings) else 0
    problems = [f"error: {p}" for p in checked.errors] + [f"warning: {p}" for p in checked.warnings]
    notes = [f"note: {n}" for n in checked.not_checked]
    annotations = ([p.github("error") for p in checked.errors] +
                   [p.github("error" if strict else "warning") for p in checked.warnings]) if github else []
    line = summary(checked, strict)
    if status:
        return Report("".join(f"{a}\n" for a in annotations), "".join(f"{x}\n" for x in (*problems, *notes, line)),
                      status)
    return Report("".join(f"{x}\n" for x in (*annotations, line)), "".join(f"{x}\n" for x in problems), status)
