"""Run a script in the project's virtualenv (.venv), making it first on a fresh clone.

The scripts in this folder are thin wrappers of the `edition` command-line tool; with this they
work as documented (`python scripts/annotations.py check`) whichever Python runs them: outside
the virtualenv they set it up with scripts/_env.sh (as scripts/site does) and run again inside it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ensure(extras: str = "") -> None:
    """Return when running inside the project's virtualenv; otherwise re-run the script there
    (with the project installed with `extras`, like "test", for the benchmarks)."""
    venv = Path(os.environ.get("EDITION_VENV", ROOT / ".venv"))
    if Path(sys.prefix).resolve() == venv.resolve():
        return
    # _env.sh creates the virtualenv and installs the project when needed (quietly, to stderr).
    setup = subprocess.run(["bash", "-c", 'source "$1" "$2" >&2', "_env.sh", str(ROOT / "scripts" / "_env.sh"),
                            extras], cwd=ROOT)
    if setup.returncode:
        sys.exit(setup.returncode)
    python = venv / "bin" / "python"
    os.execv(python, [str(python), *sys.argv])


def config(argv: list[str]) -> list[str]:
    """The arguments with `--root DIR` (a project folder; this checkout by default) turned into
    the CLI's `-f DIR/mkdocs.yml`."""
    root = ROOT
    out = []
    args = iter(argv)
    for arg in args:
        if arg == "--root":
            root = Path(next(args, "."))
        elif arg.startswith("--root="):
            root = Path(arg.split("=", 1)[1])
        else:
            out.append(arg)
    return ["-f", str(root / "mkdocs.yml"), *out]
