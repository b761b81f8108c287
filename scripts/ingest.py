#!/usr/bin/env python3
"""Generate the edition's text pages (docs/text/*.md) from source/ and annotations/.

    python scripts/ingest.py           write the pages that changed
    python scripts/ingest.py --check   exit 1 if any page is stale, writing nothing

The same as `edition ingest` (plugins/edition/cli.py), run in the project's virtualenv.
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
    sys.exit(cli.main([*args[:2], "ingest", *args[2:]]))
