#!/usr/bin/env python3
"""Build time of the full site (both editions, every feature) against a plain Material build of
the same pages (one edition, our plugin off), measured in the same run, at 1x and at 50x
(synthetic copies of the text pages).

    python bench/build_speed.py [--runs 3] [--scales 1 50]

Prints one line per scale: the median of each build and their ratio. Targets (issue 6):
<= 1.3x at 1x, <= 1.5x at 50x. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {1: 1.3, 50: 1.5}


def _copies(docs: Path, scale: int) -> list[str]:
    """Synthetic copies of the text pages (scale - 1 sets), under docs/copies/."""
    pages = sorted((docs / "text").glob("*.md"))
    names = []
    for n in range(1, scale):
        for page in pages:
            target = docs / "copies" / f"{n:03d}-{page.name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
            names.append(target.relative_to(docs).as_posix())
    return names


def _project(where: Path, scale: int, plain: bool) -> Path:
    for part in ("source", "annotations", "docs"):
        shutil.copytree(ROOT / part, where / part)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    copies = _copies(where / "docs", scale)
    if plain:
        # The same pages and theme, Material's search, nothing of ours.
        config["plugins"] = ["search"]
        config["nav"] = [item for item in config["nav"] if not (isinstance(item, dict) and any(
            str(v).endswith(("glossary.md", "timeline.md", "apparatus.md")) for v in item.values()))]
        (where / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    if copies:
        config["nav"].append({"副本": copies})
    (where / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return where / "mkdocs.yml"


def _time(config: Path) -> float:
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
    args = parser.parse_args()
    missed = False
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            full = _project(Path(tmp) / "full", scale, plain=False)
            plain = _project(Path(tmp) / "plain", scale, plain=True)
            _time(full), _time(plain)  # warm caches (jieba's dictionary cache, the file system)
            times: dict[str, list[float]] = {"full": [], "plain": []}
            for _ in range(args.runs):  # interleaved, so drift affects both alike
                times["full"].append(_time(full))
                times["plain"].append(_time(plain))
        f, p = statistics.median(times["full"]), statistics.median(times["plain"])
        ratio = f / p
        target = TARGETS.get(scale)
        verdict = "" if target is None else (" ok" if ratio <= target else f" MISSED (target {target}x)")
        print(f"build x{scale}: full {f:.2f}s, plain Material {p:.2f}s, ratio {ratio:.2f}x{verdict}")
        missed |= target is not None and ratio > target
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
