"""Parallel batches: same results as in-process, input order, per-file timeout and crash isolation."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from grantscan.batch import run_batch
from grantscan.config import Config
from grantscan.knowledge.loader import PackError
from grantscan.runner import scan_path
from tests.fixtures.pipeline import fakes

SENTENCES = [
    fakes.RISKY,
    "A drone survey.",
    "Nothing to see.",
    "Military partners in Iran.",
    "drone drone drone.",
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fakes.install(monkeypatch)
    d = tmp_path / "docs"
    for i in range(12):
        sub = d / f"g{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        ext = (".txt", ".md", ".tex")[i % 3]
        body = "\n\n".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))
        (sub / f"doc{i:02d}{ext}").write_text(body + "\n", encoding="utf-8")
    return d


def _view(result: object) -> list[tuple]:
    return [
        (d.path, d.status, d.error, [(f.rule_id, f.text, f.location, f.fingerprint) for f in d.findings])
        for d in result.documents
    ]  # type: ignore[attr-defined]


def test_two_jobs_give_the_same_results_as_one(folder: Path) -> None:
    one = scan_path(folder, Config(jobs=1, cache=False))
    two = scan_path(folder, Config(jobs=2, cache=False))
    assert len(one.documents) == 12 and any(d.findings for d in one.documents)
    assert _view(one) == _view(two)


def test_progress_reports_every_file(folder: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    result = scan_path(folder, Config(jobs=2, cache=False), progress=lambda d, t, p: seen.append((d, t, p)))
    assert [d for d, _, _ in seen] == list(range(1, 13))
    assert {t for _, t, _ in seen} == {12}
    assert sorted(p for _, _, p in seen) == sorted(d.path for d in result.documents)


def test_hanging_file_times_out_while_the_rest_finish(folder: Path, tmp_path: Path) -> None:
    hang = tmp_path / "stuck.hang"
    hang.write_text("x", encoding="utf-8")
    txt, md = (sorted(str(p) for p in folder.rglob(g)) for g in ("*.txt", "*.md"))
    files = txt + [str(hang)] + md
    t = time.monotonic()
    results = run_batch(files, Config(jobs=2, timeout=1.0))
    assert time.monotonic() - t < 20
    assert [r.path for r in results] == files
    stuck = results[files.index(str(hang))]
    assert stuck.status == "error" and stuck.error.startswith("timeout: gave up after 1 s")
    assert all(r.status == "ok" for r in results if r is not stuck)


def test_hanging_file_times_out_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.install(monkeypatch)
    hang = tmp_path / "stuck.hang"
    hang.write_text("x", encoding="utf-8")
    ok = tmp_path / "ok.txt"
    ok.write_text("A drone.\n", encoding="utf-8")
    results = run_batch([str(hang), str(ok)], Config(jobs=1, timeout=0.5, memory_limit=0))
    assert results[0].error and results[0].error.startswith("timeout")
    assert results[1].status == "ok" and results[1].findings


def test_crashing_file_does_not_kill_the_batch(folder: Path, tmp_path: Path) -> None:
    crash = tmp_path / "boom.crash"
    crash.write_text("x", encoding="utf-8")
    files = [str(crash)] + sorted(str(p) for p in folder.rglob("*.tex"))
    results = run_batch(files, Config(jobs=2, timeout=30))
    assert results[0].status == "error" and results[0].error.startswith("crashed:")
    assert "SIGKILL" in results[0].error
    assert [r.status for r in results[1:]] == ["ok"] * (len(files) - 1)


def test_memory_cap_turns_a_huge_allocation_into_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fakes.install(monkeypatch)

    def greedy(path: object, options: object = None) -> object:
        if str(path).endswith(".big"):
            return bytearray(8 * 1024**3)  # 8 GB: above the cap
        return fakes.fake_extract(path, options)

    monkeypatch.setattr("grantscan.pipeline.extract", greedy)
    big, ok = tmp_path / "x.big", tmp_path / "ok.txt"
    big.write_text("x", encoding="utf-8")
    ok.write_text("A drone.\n", encoding="utf-8")
    results = run_batch([str(big), str(ok)], Config(jobs=2, memory_limit=1024**3))
    assert results[0].status == "error" and "memory" in results[0].error
    assert results[1].status == "ok"


def test_detector_build_failure_is_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.install(monkeypatch)

    class Broken:
        def __init__(self, config: object = None):
            raise PackError("patterns/x.yaml", 3, "bad rule")

    monkeypatch.setattr("grantscan.pipeline.Detector", Broken)
    files = []
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text("A drone.\n", encoding="utf-8")
        files.append(str(tmp_path / f"{i}.txt"))
    with pytest.raises(PackError, match="patterns/x.yaml:3: bad rule") as e:
        run_batch(files, Config(jobs=2))
    assert e.value.line == 3


def _greedy(path: object, options: object = None) -> object:
    """An extractor that a decompression bomb would make of any parser: it asks for 8 GB."""
    if str(path).endswith(".big"):
        return bytearray(8 * 1024**3)
    return fakes.fake_extract(path, options)


MODES = {
    "one file": lambda files, cfg: [scan_path(f, cfg).documents[0] for f in files],
    "folder, one job": lambda files, cfg: scan_path(Path(files[0]).parent, replace(cfg, jobs=1)).documents,
    "folder, two jobs": lambda files, cfg: scan_path(Path(files[0]).parent, replace(cfg, jobs=2)).documents,
    "files, one job": lambda files, cfg: scan_path(files, replace(cfg, jobs=1)).documents,
    "batch call": lambda files, cfg: run_batch(files, cfg),
}


@pytest.mark.parametrize("mode", MODES)
def test_memory_cap_timeout_and_crash_hold_in_every_mode(
    mode: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worst a file can do, in any mode, is to be reported as an error: the others are still reported."""
    fakes.install(monkeypatch)
    monkeypatch.setattr("grantscan.pipeline.extract", _greedy)
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["a.txt", "b.big", "c.crash", "d.hang", "e.txt"]
    for n in names:
        (folder / n).write_text("A drone.\n", encoding="utf-8")
    files = [str(folder / n) for n in names]
    cfg = Config(cache=False, jobs=1, timeout=2.0, memory_limit=1024**3, include=["*"])
    monkeypatch.setattr("grantscan.runner.SUPPORTED_SUFFIXES", {".txt", ".big", ".crash", ".hang"})
    docs = {Path(d.path).name: d for d in MODES[mode](files, cfg)}
    assert set(docs) == set(names)
    assert docs["b.big"].status == "error" and "memory" in (docs["b.big"].error or "")
    assert docs["c.crash"].status == "error" and (docs["c.crash"].error or "").startswith("crashed:")
    assert docs["d.hang"].status == "error" and (docs["d.hang"].error or "").startswith("timeout")
    assert docs["a.txt"].findings and docs["e.txt"].findings
