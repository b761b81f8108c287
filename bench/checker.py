#!/usr/bin/env python3
"""Time of the annotation checker on hostile files, against a plain check in the same run.

    python bench/checker.py [--runs 5]

The robustness tests (tests/unit/test_robustness.py) prove that every hostile file ends in a clear
`file:line` error; this measures how long that takes. For each regression case of those tests
(deep nesting, alias bombs, huge strings, control characters …) the checker runs on a copy of the
project with that one file added, and on the same copy with a plain valid note instead: the
medians and their ratio. Target: no case above 10x the plain check (a hang or an expansion shows
as a ratio of hundreds). Exit status 1 when a case misses it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import _venv

_venv.ensure("test")

import argparse
import shutil
import statistics
import tempfile
import time

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.unit.test_robustness import REGRESSIONS

from edition.core import project
from edition.core.errors import EditionError

TARGET = 10.0
PLAIN = ("notes/bench.yml", """notes:
  - id: n-bench
    category: idiom
    targets:
      - page: building-cars
        quote: 刻舟求剑
    body: 比喻拘泥成法。
    sources:
      - title: 吕氏春秋·察今
        publisher: 吕不韦
        citation: 《吕氏春秋·慎大览·察今》
""")


def _check(root: Path, name: str, text: str) -> float:
    """Seconds to check the project with annotations/`name` replaced by `text` (then put back)."""
    path = root / "annotations" / name
    before = path.read_bytes() if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    try:
        project.load_at(root / "mkdocs.yml")
    except EditionError:
        pass
    elapsed = time.perf_counter() - start
    if before is None:
        path.unlink()
    else:
        path.write_bytes(before)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    missed = False
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        for part in ("source", "annotations", "docs"):
            shutil.copytree(ROOT / part, root / part)
        shutil.copy(ROOT / "mkdocs.yml", root)
        _check(root, *PLAIN)  # jieba's dictionary and pypinyin's data load once, outside the figures
        print(f"{'case':28} {'plain':>9} {'hostile':>9} {'ratio':>7}")
        for case, (name, text, _) in sorted(REGRESSIONS.items()):
            plain, hostile = [], []
            for _ in range(args.runs):  # interleaved, so drift affects both alike
                plain.append(_check(root, *PLAIN))
                hostile.append(_check(root, name, text))
            a, b = statistics.median(plain), statistics.median(hostile)
            ratio = b / a
            missed |= ratio > TARGET
            print(f"{case:28} {a * 1000:7.0f}ms {b * 1000:7.0f}ms {ratio:6.2f}x{'  MISSED' if ratio > TARGET else ''}")
    print(f"target: every case <= {TARGET:.0f}x the plain check: {'missed' if missed else 'met'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
