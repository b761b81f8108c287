#!/usr/bin/env python3
"""Generate the edition's text pages (docs/text/*.md) from source/ and annotations/.

    python scripts/ingest.py           write the pages that changed
    python scripts/ingest.py --check   exit 1 if any page is stale, writing nothing

Exit status 1 with file:line messages when the inputs have problems.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from edition.core import settings_file  # noqa: E402
from edition.core.errors import EditionError  # noqa: E402
from edition.core.text import ingest  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the pages are up to date")
    parser.add_argument("--root", type=Path, default=ROOT, help="project root (default: this checkout)")
    args = parser.parse_args(argv)
    paths = ingest.Paths(args.root)
    try:
        edition = ingest.load(paths, settings_file.layout(args.root))
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if args.check:
        stale = ingest.stale_problems(paths, edition)
        if stale:
            print(f"error: {EditionError(stale)}", file=sys.stderr)
            return 1
        print(f"ingest: {paths.pages}/ is up to date")
        return 0
    changed = ingest.write(paths, edition)
    print(f"ingest: wrote {', '.join(changed)}" if changed else f"ingest: {paths.pages}/ is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
