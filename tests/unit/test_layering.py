"""The core is generator-neutral: no module under edition.core imports MkDocs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import edition.core

CORE = Path(edition.core.__file__).parent


def test_core_sources_never_import_mkdocs() -> None:
    for path in CORE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] in ("mkdocs", "material") for n in names), path.name


def test_importing_the_core_loads_no_mkdocs() -> None:
    modules = ", ".join(f"edition.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__")
    code = f"import sys, {modules}; print(sorted(m for m in sys.modules if m.startswith('mkdocs')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

