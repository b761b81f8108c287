"""Fixtures of the unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .projects import bare


@pytest.fixture(scope="session")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project without annotations (copy it before changing it: see projects.load_with)."""
    return bare(tmp_path_factory.mktemp("base"))
