"""The layers of the generator: the core is generator-neutral (no module under edition.core, nor
the stages, imports a site generator), the generator knows no particular text, and what it knows
of a theme is in the theme's adapter (plugins/edition/themes/) alone."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import edition
import edition.core

PACKAGE = Path(edition.__file__).parent
CORE = Path(edition.core.__file__).parent
#: Modules the site generators' adapters may be: the MkDocs plugin, and the theme adapters.
ADAPTERS = ("mkdocs_plugin", "themes")
#: What names a theme of Material's family: its classes and ids (md-…, data-md-…, __config), its
#: package and files.
THEME = re.compile(r"\bmd-[a-z]|data-md-|__config|\bmaterial/|resources\.files\(\"material\"\)|mkdocs-material")


def _modules(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def test_the_core_and_the_stages_never_import_a_site_generator() -> None:
    sources = [*_modules(CORE), *(PACKAGE / name for name in ("stages.py", "generators.py", "serve.py", "new.py",
                                                              "cli.py"))]
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] in ("mkdocs", "material", "properdocs", "zensical") for n in names), path


def test_importing_the_core_loads_no_mkdocs() -> None:
    modules = ", ".join("edition.core." + p.relative_to(CORE).with_suffix("").as_posix().replace("/", ".")
                        for p in _modules(CORE) if p.stem != "__init__")
    code = f"import sys, {modules}; print(sorted(m for m in sys.modules if m.startswith('mkdocs')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_module_outside_the_adapters_names_a_theme() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE)
        if path.suffix not in (".py", ".js", ".css", ".html") or relative.parts[0] in ADAPTERS \
                or "__pycache__" in relative.parts or relative.parts[:2] == ("templates", "project"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if THEME.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert found == []


def test_the_generator_names_no_particular_text() -> None:
    """Nothing of this chapter (its years, its title, its author, its company) in the generator."""
    book = re.compile(r"2010|2022|小米|[Xx]iaomi|雷军|Lei Jun")
    found = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".js", ".css", ".html", ".yml", ".md") and "__pycache__" not in path.parts:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if book.search(line):
                    found.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert found == []
