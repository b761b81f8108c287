#!/usr/bin/env python3
"""Build time and peak memory of the full site (both editions, every feature) against a plain
Material build of the same pages (one edition, our plugin off), measured in the same run, at 1x,
10x, 30x and 60x: at scale N a real book N times the chapter's length, every copy annotated (its
structure, emendations, notes, the targets of events and terms, conversion overrides; see
bench/projects.py `book`), ingested by the edition's own ingest.

    python bench/build_speed.py [--runs 3] [--scales 1 10 30 60]

Prints one line per scale: the median of each build, their ratio, and each build's peak memory
(maximum resident set size); then, between each scale and the next, each build's cost per copy
of the chapter and their ratio. Targets (issues 6 and 15): <= 1.3x at 1x, <= 1.5x at 30x, and the
ratio no longer growing with the length: the ratio of the costs per copy over the last interval
at most 10% above the interval before (else GROWING). Exit status 1 when a target is missed.

Why the costs per copy: two costs that are both linear in the length (a + bN against c + dN)
have a ratio that moves one way only, towards b/d, by less as the fixed parts a and c weigh
less. Where the full build's fixed part is the smaller (plain Material's search loads jieba's
dictionary), the ratio of the whole builds rises from 10x to 30x even when the full build costs
the same per copy at every length, and would rise less if the small builds were slower: that rise
measures fixed costs. The ratio of the costs per copy has no fixed part: it grows where the full
build's cost grows faster than plain Material's (per page, a scan of every item), and where it
does not grow the ratio of the whole builds tends to no more than it. Both builds have a part
that grows faster than the text: every page prints the whole navigation, which grows with the
book.

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
import itertools
import os
import shutil
import statistics
import subprocess
import tempfile
import time

import projects  # bench/projects.py

TARGETS = {1: 1.3, 30: 1.5}
GROWTH = 1.1  # the last interval's ratio of the costs per copy against the interval before


def _time(config: Path, cold: bool = False) -> tuple[float, int]:
    """One strict build: its wall time (s) and its peak memory (maximum resident set size, KiB)."""
    if cold:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(config),
                                  "-d", str(config.parent / "site")], env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(build.pid, 0)  # this build's own resource usage
        elapsed = time.perf_counter() - start
        build.returncode = os.waitstatus_to_exitcode(status)
        if build.returncode:
            err.seek(0)
            sys.exit(f"build failed: {config}\n{err.read().decode()}")
    return elapsed, usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 30, 60])
    parser.add_argument("--cold", action="store_true", help="also time full builds without .cache/")
    args = parser.parse_args()
    missed = False
    medians: dict[int, tuple[float, float]] = {}
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            full = projects.make(Path(tmp) / "full", scale, "full")
            plain = projects.make(Path(tmp) / "plain", scale, "plain")
            _time(full), _time(plain)  # warm caches (jieba's dictionary cache, the file system)
            times: dict[str, list[float]] = {"full": [], "plain": [], "cold": []}
            memory: dict[str, list[int]] = {"full": [], "plain": []}
            for _ in range(args.runs):  # interleaved, so drift affects both alike
                for name, config in (("full", full), ("plain", plain)):
                    elapsed, rss = _time(config)
                    times[name].append(elapsed)
                    memory[name].append(rss)
                if args.cold:
                    times["cold"].append(_time(full, cold=True)[0])
        f, p = statistics.median(times["full"]), statistics.median(times["plain"])
        ratio = f / p
        target = TARGETS.get(scale)
        verdict = "" if target is None else (" ok" if ratio <= target else f" MISSED (target {target}x)")
        mf, mp = max(memory["full"]) / 1024, max(memory["plain"]) / 1024
        print(f"build x{scale}: full {f:.2f}s, plain Material {p:.2f}s, ratio {ratio:.2f}x{verdict}; "
              f"peak memory full {mf:.0f} MiB, plain {mp:.0f} MiB ({mf / mp:.2f}x)")
        if times["cold"]:
            c = statistics.median(times["cold"])
            print(f"  full build without .cache/: {c:.2f}s, {c / p:.2f}x plain")
        missed |= target is not None and ratio > target
        medians[scale] = (f, p)
    return 1 if per_copy(medians) or missed else 0


def per_copy(medians: dict[int, tuple[float, float]]) -> bool:
    """Print each build's cost per copy of the chapter between each scale and the next, and their
    ratio; True when the last interval's ratio is more than GROWTH times the one before."""
    scales = sorted(medians)
    lines, ratios = [], []
    for a, b in itertools.pairwise(scales):
        full, plain = ((medians[b][i] - medians[a][i]) / (b - a) for i in (0, 1))
        ratios.append(full / plain)
        lines.append(f"cost per copy x{a}->x{b}: full {full:.3f}s, plain Material {plain:.3f}s, "
                     f"ratio {ratios[-1]:.2f}x")
    growing = len(ratios) > 1 and ratios[-1] > ratios[-2] * GROWTH
    if growing:
        lines[-1] += f" GROWING (x{scales[-3]}->x{scales[-2]}: {ratios[-2]:.2f}x)"
    print("\n".join(lines))
    return growing


if __name__ == "__main__":
    sys.exit(main())
