"""Result cache: hits skip extraction and detection; anything that changes results invalidates."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grantscan import pipeline as scan_mod
from grantscan.cache import ResultCache, default_cache_dir, result_from_dict, result_to_dict
from grantscan.config import Config
from grantscan.model import DocumentResult, Finding, ListMatch, Location
from grantscan.runner import scan_path
from tests.fixtures.pipeline import fakes


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fakes.install(monkeypatch)
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text(f"{fakes.RISKY}\n", encoding="utf-8")
    (d / "b.tex").write_text(
        "% grantscan: ignore[robotics] reviewed\nA drone.\n\nmilitary use.\n", encoding="utf-8"
    )
    return d


def _cfg(tmp_path: Path, **kw: object) -> Config:
    return Config(cache_dir=tmp_path / "cache", **kw)  # type: ignore[arg-type]


def _summary(result: object) -> list[tuple]:
    return [
        (d.path, d.status, [(f.rule_id, f.text, f.location, f.suppressed, f.fingerprint) for f in d.findings])
        for d in result.documents
    ]  # type: ignore[attr-defined]


def test_second_scan_is_served_from_cache(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = _cfg(tmp_path)
    first = scan_path(folder, cfg)
    assert len(fakes.CALLS) == 2 and not any(d.cached for d in first.documents)
    fakes.CALLS.clear()

    def no_scanner(*a: object, **k: object) -> None:
        raise AssertionError("the detector must not be built on a full cache hit")

    monkeypatch.setattr(scan_mod.Scanner, "__init__", no_scanner)
    second = scan_path(folder, cfg)
    assert list(fakes.CALLS) == []
    assert all(d.cached for d in second.documents)
    assert _summary(second) == _summary(first)  # inline suppression and fingerprints survive the round trip


def test_changed_file_is_rescanned(folder: Path, tmp_path: Path) -> None:
    cfg = _cfg(tmp_path)
    scan_path(folder, cfg)
    fakes.CALLS.clear()
    (folder / "a.txt").write_text("Only a drone now.\n", encoding="utf-8")
    result = scan_path(folder, cfg)
    assert list(fakes.CALLS) == [str(folder / "a.txt")]
    assert [f.text for f in result.documents[0].findings] == ["drone"]


def _misses_after(folder: Path, cfg1: Config, cfg2: Config) -> int:
    scan_path(folder, cfg1)
    fakes.CALLS.clear()
    scan_path(folder, cfg2)
    return len(fakes.CALLS)


def test_option_change_invalidates(folder: Path, tmp_path: Path) -> None:
    assert _misses_after(folder, _cfg(tmp_path), _cfg(tmp_path)) == 0
    assert _misses_after(folder, _cfg(tmp_path), _cfg(tmp_path, categories=["robotics"])) == 2
    assert _misses_after(folder, _cfg(tmp_path), _cfg(tmp_path, model="en_core_web_sm")) == 2


def test_options_that_do_not_change_results_keep_the_cache(folder: Path, tmp_path: Path) -> None:
    assert _misses_after(folder, _cfg(tmp_path), _cfg(tmp_path, fail_on="low", timeout=5.0, jobs=1)) == 0


def test_pack_change_invalidates(folder: Path, tmp_path: Path) -> None:
    pack = tmp_path / "extra.yaml"
    pack.write_text("pack: extra\nrules: []\n", encoding="utf-8")
    cfg = _cfg(tmp_path, extra_packs=[pack])
    assert _misses_after(folder, cfg, cfg) == 0
    scan_path(folder, cfg)
    pack.write_text("pack: extra\nrules: [{id: x}]\n", encoding="utf-8")
    fakes.CALLS.clear()
    scan_path(folder, cfg)
    assert len(fakes.CALLS) == 2


def test_lists_folder_change_invalidates(folder: Path, tmp_path: Path) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "a.csv").write_text("name\nACME\n", encoding="utf-8")
    cfg = _cfg(tmp_path, lists_dir=lists)
    scan_path(folder, cfg)
    (lists / "b.csv").write_text("name\nOther\n", encoding="utf-8")
    fakes.CALLS.clear()
    scan_path(folder, cfg)
    assert len(fakes.CALLS) == 2


def test_version_change_invalidates(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan_path(folder, _cfg(tmp_path))
    monkeypatch.setattr("grantscan.version.__version__", "999.0")
    fakes.CALLS.clear()
    scan_path(folder, _cfg(tmp_path))
    assert len(fakes.CALLS) == 2


def test_no_cache_never_reads_or_writes(folder: Path, tmp_path: Path) -> None:
    cfg = _cfg(tmp_path, cache=False)
    scan_path(folder, cfg)
    scan_path(folder, cfg)
    assert len(fakes.CALLS) == 4
    assert not (tmp_path / "cache").exists()


def test_xdg_cache_home_is_honoured(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "grantscan"
    scan_path(folder, Config())
    assert list((tmp_path / "xdg" / "grantscan").rglob("*.json"))


def test_corrupt_entry_is_a_miss(folder: Path, tmp_path: Path) -> None:
    cfg = _cfg(tmp_path)
    first = scan_path(folder, cfg)
    entries = sorted((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 2
    for e in entries:
        e.write_text('{"status": "ok", "findings": [{"rule_', encoding="utf-8")
    fakes.CALLS.clear()
    again = scan_path(folder, cfg)
    assert len(fakes.CALLS) == 2 and _summary(again) == _summary(first)
    assert all(json.loads(e.read_text(encoding="utf-8"))["status"] == "ok" for e in entries)
    assert not list((tmp_path / "cache").rglob(".tmp-*"))


def test_content_errors_are_cached_transient_ones_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fakes.install(monkeypatch)
    bad = tmp_path / "empty.txt"
    bad.write_text("\n\n", encoding="utf-8")
    cfg = _cfg(tmp_path)
    assert scan_path(bad, cfg).documents[0].error == "empty: no text found"
    again = scan_path(bad, cfg).documents[0]
    assert again.error == "empty: no text found" and again.cached
    assert len(fakes.CALLS) == 1

    def boom(self: object, doc: object, doctype: object = None) -> list:
        raise RuntimeError("bug")

    monkeypatch.setattr(fakes.FakeDetector, "detect", boom)
    odd = tmp_path / "odd.txt"
    odd.write_text("A drone.\n", encoding="utf-8")
    assert scan_path(odd, cfg).documents[0].error == "detection failed: RuntimeError: bug"
    assert scan_path(odd, cfg).documents[0].error == "detection failed: RuntimeError: bug"
    assert list(fakes.CALLS).count(str(odd)) == 2


def test_prune_keeps_the_cache_bounded(folder: Path, tmp_path: Path) -> None:
    cfg = _cfg(tmp_path)
    scan_path(folder, cfg)
    cache = ResultCache(cfg, max_bytes=1)
    assert cache.prune() == 2
    assert not list((tmp_path / "cache").rglob("*.json"))


def test_result_round_trip_keeps_every_field() -> None:
    f = Finding(
        rule_id="r",
        category="organisation",
        text="ACME",
        context="ctx",
        kind="declaration",
        location=Location(page=2, bbox=(1.0, 2.0, 3.0, 4.0), section="3.1"),
        severity="medium",
        confidence=0.4567,
        subcategory="organisation/company",
        country_code="CN",
        name="ACME Ltd",
        lists=[ListMatch("el", "Entity List", "2024-01", "ACME LTD", 0.97, "CN")],
        answer="No",
        reasons=["+0.1 x"],
        occurrences=[Location(page=2), Location(part="body", paragraph=3)],
        why="w",
        action="a",
        contacts=["c"],
        links=[{"title": "t", "url": "u"}],
        suppressed="inline: ok",
        block_index=4,
        start=5,
        end=9,
    )
    r = DocumentResult(
        path="x.pdf",
        status="ok",
        sha256="ab",
        format="pdf",
        pages=3,
        document_type="proposal",
        risk_score=40,
        risk_reasons=["r"],
        findings=[f],
        seconds=1.5,
    )
    back = result_from_dict(json.loads(json.dumps(result_to_dict(r))), "y.pdf")
    assert back.path == "y.pdf"
    back.path = "x.pdf"
    assert back == r


def test_hit_path_modules_do_not_import_spacy() -> None:
    code = (
        "import sys, grantscan.runner, grantscan.cache, grantscan.batch, grantscan.baseline; "
        "sys.exit(3 if {'spacy', 'pdfplumber', 'docx'} & set(sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "corpus" / "real").is_dir(), reason="../shared corpus not present")
def test_rescan_of_unchanged_corpus_is_at_least_20x_faster(tmp_path: Path) -> None:
    cfg = Config(jobs=2, cache_dir=tmp_path / "cache")
    corpus = SHARED / "corpus" / "real"
    t = time.perf_counter()
    first = scan_path(corpus, cfg)
    cold = time.perf_counter() - t
    t = time.perf_counter()
    second = scan_path(corpus, cfg)
    warm = time.perf_counter() - t
    assert all(d.cached for d in second.documents if d.status == "ok")
    assert [d.path for d in second.documents] == [d.path for d in first.documents]
    assert cold / warm >= 20, f"cold {cold:.2f} s, warm {warm:.3f} s"
