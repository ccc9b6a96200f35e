"""A short, seeded mutation-fuzz run of every extractor; the full run is scripts/fuzz_extractors.py."""

from __future__ import annotations

import sys
from pathlib import Path

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "scripts"))
from fuzz_extractors import fuzz  # noqa: E402


def test_mutated_samples_give_documents_or_one_line_errors() -> None:
    seeds = [
        SAMPLES / "proposal-skyward.docx",
        SAMPLES / "proposal-orbital-radar.pdf",
        SAMPLES / "methods-section.tex",
        SAMPLES / "clean-proposal.md",
    ]
    runs, crashes = fuzz(seeds, seconds=8, seed=2026, per_case_timeout=10)
    assert runs >= 20
    assert crashes == []


def test_fuzzer_detects_a_crash(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """The harness itself must report an unexpected exception (so a green run means something)."""
    import grantscan.extract as ex

    def boom(path, options=None):  # noqa: ANN001, ANN202
        raise ValueError("parser bug")

    monkeypatch.setattr(ex, "extract", boom)
    runs, crashes = fuzz([SAMPLES / "clean-proposal.md"], seconds=0.5, seed=1, per_case_timeout=5)
    assert runs >= 1 and crashes and "ValueError" in crashes[0]
