"""Fingerprints: content identity that survives edits elsewhere in the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from grantscan.config import Config
from grantscan.fingerprint import assign_fingerprints, normalise, relative_path
from grantscan.model import DocumentResult, Finding, Location
from grantscan.runner import scan_path
from tests.fixtures.pipeline import fakes


def _finding(text: str = "drone", context: str = "A drone swarm.", line: int = 1) -> Finding:
    return Finding(
        rule_id="robotics-drone",
        category="robotics",
        text=text,
        context=context,
        location=Location(line=line),
    )


def test_fingerprint_ignores_position_and_whitespace_case() -> None:
    a = DocumentResult(path="docs/a.txt", status="ok", findings=[_finding(line=3)])
    b = DocumentResult(
        path="docs/a.txt", status="ok", findings=[_finding(text="Drone", context="A  drone\nswarm.", line=90)]
    )
    assign_fingerprints(a, None)
    assign_fingerprints(b, None)
    assert a.findings[0].fingerprint == b.findings[0].fingerprint
    assert len(a.findings[0].fingerprint) == 64


def test_identical_findings_get_distinct_occurrence_numbers() -> None:
    r = DocumentResult(path="a.txt", status="ok", findings=[_finding(line=1), _finding(line=5)])
    assign_fingerprints(r, None)
    assert r.findings[0].fingerprint != r.findings[1].fingerprint


def test_rule_path_and_context_are_part_of_identity(tmp_path: Path) -> None:
    base = DocumentResult(path=str(tmp_path / "a.txt"), status="ok", findings=[_finding()])
    assign_fingerprints(base, str(tmp_path))
    other_path = DocumentResult(path=str(tmp_path / "b.txt"), status="ok", findings=[_finding()])
    assign_fingerprints(other_path, str(tmp_path))
    other_ctx = DocumentResult(
        path=str(tmp_path / "a.txt"), status="ok", findings=[_finding(context="A drone for the army.")]
    )
    assign_fingerprints(other_ctx, str(tmp_path))
    fps = {r.findings[0].fingerprint for r in (base, other_path, other_ctx)}
    assert len(fps) == 3


def test_path_is_relative_to_root_with_slashes(tmp_path: Path) -> None:
    assert relative_path(str(tmp_path / "sub" / "a.txt"), str(tmp_path)) == "sub/a.txt"
    assert relative_path("x/y.txt", None) == "x/y.txt"
    # same relative path under two different roots -> same fingerprint (moving the checkout is harmless)
    r1 = DocumentResult(path=str(tmp_path / "one" / "a.txt"), status="ok", findings=[_finding()])
    r2 = DocumentResult(path=str(tmp_path / "two" / "a.txt"), status="ok", findings=[_finding()])
    assign_fingerprints(r1, str(tmp_path / "one"))
    assign_fingerprints(r2, str(tmp_path / "two"))
    assert r1.findings[0].fingerprint == r2.findings[0].fingerprint


def test_normalise() -> None:
    assert normalise("  Ｄrone\n\tSWARM ") == "drone swarm"


def test_inserting_a_paragraph_keeps_fingerprints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.install(monkeypatch)
    doc = tmp_path / "proposal.txt"
    doc.write_text(f"Intro paragraph.\n\n{fakes.RISKY}\n\nA drone again later.\n", encoding="utf-8")
    cfg = Config(cache=False)
    before = scan_path(doc, cfg).documents[0].findings
    doc.write_text(
        f"A brand new opening paragraph\nover two lines.\n\nIntro paragraph.\n\n{fakes.RISKY}\n\n"
        "A drone again later.\n",
        encoding="utf-8",
    )
    after = scan_path(doc, cfg).documents[0].findings
    assert before and all(f.fingerprint for f in before)
    assert [f.location.line for f in before] != [f.location.line for f in after]
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]
