#!/usr/bin/env python3
"""Build time of the full site (both editions, every feature) against a plain Material build of
the same pages (one edition, our plugin off), measured in the same run, at 1x and at 50x
(synthetic copies of the text pages).

    python bench/build_speed.py [--runs 3] [--scales 1 50]

Prints one line per scale: the median of each build and their ratio. Targets (issue 6):
<= 1.3x at 1x, <= 1.5x at 50x. Exit status 1 when a target is missed.

Builds are timed as repeated builds: after a first build of each, as jieba keeps its
dictionary's cache in the temporary folder and the edition keeps the glossary's pinyin and word
boundaries in .cache/edition/. `--cold` also times the full build with .cache/ removed before
each run (the first build of a fresh clone), for information.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import _venv

_venv.ensure("test")

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

import projects  # bench/projects.py

TARGETS = {1: 1.3, 50: 1.5}


def _time(config: Path, cold: bool = False) -> float:
    if cold:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d",
                             str(config.parent / "site")], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build failed: {config}\n{result.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 50])
    parser.add_argument("--cold", action="store_true", help="also time full builds without .cache/")
    args = parser.parse_args()
    missed = False
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            full = projects.make(Path(tmp) / "full", scale, "full")
            plain = projects.make(Path(tmp) / "plain", scale, "plain")
            _time(full), _time(plain)  # warm caches (jieba's dictionary cache, the file system)
            times: dict[str, list[float]] = {"full": [], "plain": [], "cold": []}
            for _ in range(args.runs):  # interleaved, so drift affects both alike
                times["full"].append(_time(full))
                times["plain"].append(_time(plain))
                if args.cold:
                    times["cold"].append(_time(full, cold=True))
        f, p = statistics.median(times["full"]), statistics.median(times["plain"])
        ratio = f / p
        target = TARGETS.get(scale)
        verdict = "" if target is None else (" ok" if ratio <= target else f" MISSED (target {target}x)")
        print(f"build x{scale}: full {f:.2f}s, plain Material {p:.2f}s, ratio {ratio:.2f}x{verdict}")
        if times["cold"]:
            c = statistics.median(times["cold"])
            print(f"  full build without .cache/: {c:.2f}s, {c / p:.2f}x plain")
        missed |= target is not None and ratio > target
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
