#!/usr/bin/env python3
"""One quality report: every figure of the site-wide gates in one place (issue 9).

    python bench/quality.py [--quick]

Runs, and collects the figures of:
- the gates in the test suite, which print them as "quality: …" lines: accessibility (axe-core in
  Chromium, every page type, both editions, keyboard walk), links (every internal link and
  fragment, every anchor linked), reproducibility (two builds byte for byte), robustness
  (hypothesis-generated adversarial annotation files), search recall;
- page weight (bench/page_weight.py), build speed (bench/build_speed.py) and search speed and size
  (bench/search.py), each against its plain baseline in the same run.
--quick skips the two timing benchmarks. Writes bench/out/quality.md and prints it. Exit status 1
when any gate or target fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import _venv

_venv.ensure("test")

import argparse
import datetime
import subprocess

import page_weight
import projects

ROOT = projects.ROOT
GATES = {
    "Accessibility": ["tests/browser/test_accessibility.py"],
    "Links": ["tests/build/test_editions.py::test_every_internal_link_and_fragment_resolves_in_every_edition"],
    "Reproducibility": ["tests/build/test_site.py::test_builds_are_deterministic"],
    "Robustness": ["tests/unit/test_robustness.py"],
    "Search recall": ["tests/browser/test_search.py::test_recall_at_one"],
}
BENCHES = {"Build speed": ["bench/build_speed.py", "--runs", "3"], "Search speed and size": ["bench/search.py",
                                                                                           "--runs", "3"]}


def gate(tests: list[str]) -> tuple[bool, list[str]]:
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", *tests],
                            cwd=ROOT, capture_output=True, text=True)
    # pytest -q -s prints a test's output after its progress dot, so a line may begin with one.
    lines = [line.split("quality: ", 1)[1] for line in result.stdout.splitlines() if "quality: " in line]
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr.strip()[-200:]
    return result.returncode == 0, [*lines, f"pytest: {summary}"]


def bench(command: list[str]) -> tuple[bool, list[str]]:
    result = subprocess.run([sys.executable, *command], cwd=ROOT, capture_output=True, text=True)
    return result.returncode == 0, (result.stdout + result.stderr).strip().splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the build and search timing benchmarks")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    report = [f"# Quality report ({commit.stdout.strip() or 'no git'}, "
              f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC)", ""]
    failed = []
    sections: list[tuple[str, tuple[bool, list[str]]]] = [(name, gate(tests)) for name, tests in GATES.items()]
    weight_lines, weight_met = page_weight.measure()
    sections.append(("Page weight", (weight_met, weight_lines)))
    if not args.quick:
        sections += [(name, bench(command)) for name, command in BENCHES.items()]
    for name, (ok, lines) in sections:
        report += [f"## {name}: {'ok' if ok else 'FAILED'}", "", *(f"- {line.strip()}" for line in lines), ""]
        if not ok:
            failed.append(name)
    report.append(f"All gates and targets: {'met' if not failed else 'FAILED: ' + ', '.join(failed)}")
    out = ROOT / "bench/out/quality.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(report))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
