"""Baseline: record current findings, later scans report only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grantscan.baseline import (
    BaselineError,
    apply_baseline,
    create_baseline,
    load_baseline,
    write_baseline,
)
from grantscan.config import Config
from grantscan.runner import scan_path
from tests.fixtures.pipeline import fakes


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fakes.install(monkeypatch)
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text(f"Summary.\n\n{fakes.RISKY}\n", encoding="utf-8")
    (d / "b.md").write_text("# Plan\n\nA drone survey of the coast.\n", encoding="utf-8")
    return d


def test_round_trip_then_only_new_findings_count(folder: Path, tmp_path: Path) -> None:
    cfg = Config(cache=False)
    first = scan_path(folder, cfg)
    assert sum(len(d.active_findings) for d in first.documents) >= 4
    data = create_baseline(first)
    assert data["version"] == 1
    order = [(e["path"], e["rule_id"], e["fingerprint"]) for e in data["findings"]]
    assert order == sorted(order)
    assert set(data["findings"][0]) == {"fingerprint", "rule_id", "category", "path", "text"}
    bl = tmp_path / "baseline.json"
    write_baseline(data, bl)
    text = bl.read_text(encoding="utf-8")
    assert "time" not in text and "line" not in text

    cfg_bl = Config(cache=False, baseline=bl)
    again = scan_path(folder, cfg_bl)
    assert all(not d.active_findings for d in again.documents)
    assert all(f.suppressed == "baseline" for d in again.documents for f in d.findings)

    # edit elsewhere + one new sentence: exactly the new finding is active
    (folder / "a.txt").write_text(
        f"A new first paragraph.\n\nSummary.\n\n{fakes.RISKY}\n\nThen we visit Iran.\n", encoding="utf-8"
    )
    edited = scan_path(folder, cfg_bl)
    active = [f for d in edited.documents for f in d.active_findings]
    assert [(f.text, f.context) for f in active] == [("Iran", "Then we visit Iran.")]
    assert bl.read_text(encoding="utf-8") == text  # scanning never rewrites the baseline


def test_recreating_with_the_baseline_active_keeps_its_entries(folder: Path, tmp_path: Path) -> None:
    bl = tmp_path / "baseline.json"
    data = create_baseline(scan_path(folder, Config(cache=False)))
    write_baseline(data, bl)
    assert create_baseline(scan_path(folder, Config(cache=False, baseline=bl))) == data


def test_unmatched_entries_are_returned(folder: Path) -> None:
    result = scan_path(folder, Config(cache=False))
    data = create_baseline(result)
    data["findings"].append(
        {"fingerprint": "0" * 64, "rule_id": "x", "category": "ai", "path": "gone.txt", "text": "gone"}
    )
    stale = apply_baseline(result, data)
    assert [e["fingerprint"] for e in stale] == ["0" * 64]


def test_inline_suppressed_findings_are_not_baselined(folder: Path) -> None:
    (folder / "c.tex").write_text(
        "% grantscan: ignore[robotics] reviewed with the research office\nA drone here.\n", encoding="utf-8"
    )
    result = scan_path(folder, Config(cache=False))
    data = create_baseline(result)
    assert not any(e["path"].endswith("c.tex") for e in data["findings"])


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "invalid JSON"),
        ("[]", "no format version"),
        ('{"version": 99, "findings": []}', "unsupported baseline version 99"),
        ('{"version": 1, "findings": [{"rule_id": "x"}]}', "entry 1 has no fingerprint"),
    ],
)
def test_bad_baseline_files(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "bl.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message) as e:
        load_baseline(p)
    assert str(p) in str(e.value)


def test_missing_baseline_fails_before_scanning(folder: Path, tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match="not found"):
        scan_path(folder, Config(cache=False, baseline=tmp_path / "nope.json"))
    assert list(fakes.CALLS) == []


def test_baseline_file_is_stable_json(folder: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    write_baseline(create_baseline(scan_path(folder, Config(cache=False))), a)
    write_baseline(create_baseline(scan_path(folder, Config(cache=False))), b)
    assert a.read_bytes() == b.read_bytes()
    assert json.loads(a.read_text())["tool"] == "grantscan"
