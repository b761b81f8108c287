#!/usr/bin/env python3
"""Check the edition's annotation files, scaffold a new note, or regenerate their JSON Schemas.

    python scripts/annotations.py check [--strict] [--github]   every file:line problem; exit 1 if any error
    python scripts/annotations.py new PAGE "QUOTE"              print a new note's YAML, anchored to QUOTE
    python scripts/annotations.py schema [--check]              (re)write annotations/schema/*.schema.json

The same as `edition check|note|schema` (plugins/edition/cli.py), run in the project's virtualenv.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _venv

_venv.ensure()

from edition import cli  # noqa: E402

if __name__ == "__main__":
    args = _venv.config(sys.argv[1:])
    if args[2:3] == ["new"]:  # the older name of `edition note`
        args[2] = "note"
    sys.exit(cli.main(args))
