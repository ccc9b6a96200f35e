"""Public API: grantscan.scan_path / scan_text through the whole orchestration."""

from __future__ import annotations

from pathlib import Path

import pytest

import grantscan
from grantscan.config import Config
from grantscan.model import DocumentResult, ScanResult
from grantscan.runner import iter_inputs, scan_path
from tests.fixtures.pipeline import fakes


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    (d / "b").mkdir(parents=True)
    (d / "z.txt").write_text(f"{fakes.RISKY}\n", encoding="utf-8")
    (d / "a.md").write_text("A drone.\n", encoding="utf-8")
    (d / "b" / "c.tex").write_text("military use.\n", encoding="utf-8")
    (d / "notes.xyz").write_text("drone\n", encoding="utf-8")
    return d


def test_scan_path_returns_documents_in_walk_order(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.install(monkeypatch)
    result = grantscan.scan_path(folder, Config(cache=False))
    assert isinstance(result, ScanResult) and result.tool_version == grantscan.__version__
    rel = [Path(d.path).relative_to(folder).as_posix() for d in result.documents]
    assert rel == ["a.md", "z.txt", "b/c.tex"]
    assert [d.path for d in result.documents] == list(iter_inputs([folder]))
    assert all(f.fingerprint for d in result.documents for f in d.findings)


def test_several_inputs_keep_their_order(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.install(monkeypatch)
    paths = [folder / "z.txt", folder / "a.md", folder / "z.txt"]
    result = scan_path(paths, Config(cache=False, jobs=2))
    assert [d.path for d in result.documents] == [str(p) for p in paths]
    assert result.documents[0].findings[0].fingerprint == result.documents[2].findings[0].fingerprint


def test_missing_file_is_an_error_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("grantscan.pipeline.Detector", fakes.FakeDetector)
    monkeypatch.setattr("grantscan.pipeline.Guidance", fakes.FakeGuidance)
    result = scan_path(tmp_path / "nope.pdf", Config(cache=False))
    assert [(d.status, d.error) for d in result.documents] == [("error", "not found")]


def test_categories_filter_findings(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.install(monkeypatch)
    result = scan_path(folder / "z.txt", Config(cache=False, categories=["country"]))
    assert {f.category for f in result.documents[0].findings} == {"country"}


def test_detector_exception_becomes_an_error_result(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.install(monkeypatch)

    def boom(self: object, doc: object, doctype: object = None) -> list:
        raise RuntimeError("bug")

    monkeypatch.setattr(fakes.FakeDetector, "detect", boom)
    result = scan_path(folder / "z.txt", Config(cache=False))
    assert result.documents[0].status == "error"
    assert result.documents[0].error == "detection failed: RuntimeError: bug"


def test_a_failed_file_logs_its_traceback_for_debugging(
    folder: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The result says 'detection failed' in one line; the traceback behind it goes to the debug log
    (``grantscan --debug``), never lost."""
    import logging

    from grantscan.pipeline import Scanner

    fakes.install(monkeypatch)

    def boom(self: object, doc: object, doctype: object = None) -> list:
        raise RuntimeError("bug")

    monkeypatch.setattr(fakes.FakeDetector, "detect", boom)
    with caplog.at_level(logging.DEBUG, logger="grantscan"):
        result = Scanner(Config(cache=False)).scan_file(folder / "z.txt")
    assert result.error == "detection failed: RuntimeError: bug"
    [record] = [r for r in caplog.records if r.name == "grantscan.pipeline"]
    assert "z.txt" in record.getMessage() and record.exc_info and record.exc_info[0] is RuntimeError


def test_scan_text_applies_allow_list_and_fingerprints(monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.install(monkeypatch)
    r = grantscan.scan_text(fakes.RISKY, Config(allow={"country": ["Iran"]}))
    assert isinstance(r, DocumentResult) and r.status == "ok"
    assert {f.text: f.suppressed for f in r.findings} == {
        "drone": None,
        "military": None,
        "Iran": "allow-list: Iran",
    }
    assert all(f.fingerprint for f in r.findings)
    assert [f.text for f in r.active_findings] == ["drone", "military"]


def test_real_pipeline_end_to_end(tmp_path: Path) -> None:
    """Through the real extractor and detector: the obvious signals are found, and a second scan is the cached
    first."""
    doc = tmp_path / "proposal.txt"
    doc.write_text(f"Summary.\n\n{fakes.RISKY}\n", encoding="utf-8")
    cfg = Config(cache_dir=tmp_path / "cache")
    first = scan_path(doc, cfg).documents[0]
    assert first.status == "ok", first.error
    assert first.findings
    second = scan_path(doc, cfg).documents[0]
    assert second.cached
    assert [f.fingerprint for f in second.findings] == [f.fingerprint for f in first.findings]
    assert all(f.fingerprint for f in first.findings)


def test_scanner_is_public_and_scans_many_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    import grantscan

    fakes.install(monkeypatch)
    scanner = grantscan.Scanner(Config(cache=False))
    a = scanner.scan_text(fakes.RISKY)
    b = scanner.scan_text("Nothing to see here.")
    assert {f.category for f in a.findings} == {"robotics", "defence", "country"}
    assert b.status == "ok" and b.findings == []


def test_scan_text_builds_the_detector_once_per_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    from grantscan import runner

    built = fakes.count_builds(monkeypatch)
    monkeypatch.setattr(runner, "_last", None)
    for _ in range(3):
        assert runner.scan_text(fakes.RISKY, Config(cache=False)).findings
    assert len(built) == 1
    runner.scan_text(fakes.RISKY, Config(cache=False, categories=["country"]))
    assert len(built) == 2


def test_library_calls_leave_the_garbage_collector_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from grantscan import runner

    monkeypatch.setattr(runner, "_last", None)
    frozen = gc.get_freeze_count()
    found = runner.scan_text("We will build and fly a swarm of military drones.", Config(cache=False))
    assert {"robotics", "defence"} <= {f.category for f in found.findings}
    assert gc.get_freeze_count() == frozen
