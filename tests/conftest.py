"""Shared test fixtures: paths to the optional ../shared corpus and small generated documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI explores the same examples on every run, so a red build is reproducible and never a lottery; local runs
# keep drawing new examples (that is how they find new cases).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "sample_docs"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared corpus not present beside the project"
)

RISKY_TEXT = (
    "We will develop an autonomous drone swarm for military use, with partners at the National "
    "University of Defense Technology in China.\n"
)
CLEAN_TEXT = "This project studies how primary school pupils learn to read with their parents at home.\n"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real cache or config during tests."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))  # no list imported by the user
    monkeypatch.delenv("GRANTSCAN_CONFIG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
