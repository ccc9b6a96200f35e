"""Benchmark smoke tests: scripts/bench.py's helpers run, and the scaling bars of the performance issue hold
(detection cost linear in text size and nearly flat in pattern-pack size). Timing-based, so kept out of the
default run: ``pytest -m bench tests/test_bench_smoke.py``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from grantscan.config import Config
from grantscan.detect import Detector
from grantscan.detect.matcher import load_pack
from grantscan.model import Document, Location, TextBlock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402 - the script lives outside the package

pytestmark = pytest.mark.bench


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(Config(cache=False))


def _doc(blocks: int) -> Document:
    text = " ".join(bench.FILLER.format(n=i) for i in range(6))
    return Document(
        path="x", format="text", blocks=[TextBlock(text, Location(line=i + 1)) for i in range(blocks)]
    )


def test_synthetic_pack_is_a_valid_pack_of_the_requested_size(tmp_path, detector):
    pack = tmp_path / "big.yaml"
    bench.write_synthetic_pack(pack, 900, 30)
    rules = load_pack(pack)
    assert len(rules) == 30 and sum(len(r.terms) for r in rules) == 900
    assert all(r.context and r.exclusions for r in rules)
    assert detector.term_count() == sum(len(r.terms) + len(r.patterns) for r in detector.tech.rules) > 100


def test_detection_is_linear_in_text_size(detector):
    small, large = _doc(25), _doc(100)
    detector.detect(small)
    t1 = bench.timeit(lambda: detector.detect(small))
    t4 = bench.timeit(lambda: detector.detect(large))
    assert t4 / (4 * t1) < 1.5


def test_a_ten_times_larger_pack_costs_under_one_and_a_half_times(tmp_path, detector):
    pack = tmp_path / "big.yaml"
    bench.write_synthetic_pack(pack, detector.term_count() * 9, len(detector.tech.rules) * 9)
    big = Detector(Config(cache=False, extra_packs=[pack]))
    doc = _doc(40)
    detector.detect(doc)
    big.detect(doc)
    assert bench.timeit(lambda: big.detect(doc), 5) / bench.timeit(lambda: detector.detect(doc), 5) < 1.5


def test_stage_times_cover_every_stage(tmp_path, detector):
    from grantscan.pipeline import Scanner

    pdf = tmp_path / "g.pdf"
    bench.make_big_pdf(pdf, 5)
    assert bench.pdf_pages(pdf) == 5
    stages = bench.stage_times(Scanner(Config(cache=False)), pdf, 1)
    for name in ("extract", "tokenise + sentences", "technology", "partners", "clauses", "guidance + score"):
        assert stages[name] > 0
    assert stages["chars"] > 5 * 2000


def test_child_peak_is_the_child_own_peak():
    big = bytearray(200 * 1024 * 1024)
    big[::4096] = b"1" * len(range(0, len(big), 4096))  # a large, resident parent
    peak, _ = bench.child_peak_mb("x = b'1' * (60 * 1024 * 1024)")
    assert 60 < peak < 190


def test_generated_corpus_reads_like_proposals_and_the_dense_one_repeats_findings(tmp_path):
    from grantscan.extract import ExtractOptions, extract

    plain, dense = tmp_path / "plain.pdf", tmp_path / "dense.pdf"
    bench.make_big_pdf(plain, 3)
    bench.make_big_pdf(dense, 3, dense=True)
    text = " ".join(b.text for b in extract(plain, ExtractOptions()).blocks)
    heavy = " ".join(b.text for b in extract(dense, ExtractOptions()).blocks)
    # varied sentences: no paragraph template dominates, and signal sentences are a minority
    assert text.count("deep learning") < heavy.count("deep learning") / 4
    assert len(set(text.split())) > 1.5 * len(set(heavy.split()))


def test_screening_cost_measures_each_index_and_puts_the_shipped_one_back():
    from grantscan.pipeline import Scanner

    scanner = Scanner(Config(cache=False))
    shipped = scanner.detector.partners.screen
    got = bench.screening_cost(scanner, [ROOT / "sample_docs" / "proposal-orbital-radar.pdf"], 1)
    assert got["pages"] >= 1 and got["detect_s"] > 0
    assert got["extract_s"] > 0
    assert set(got) == {"pages", "detect_s", "extract_s", "repeat_text_s", "new_text_s", "ready_text_s"}
    assert scanner.detector.partners.screen is shipped


def test_screening_share_runs_both_modes_in_turn_and_reports_medians_and_spreads(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    pdf = ROOT / "sample_docs" / "proposal-orbital-radar.pdf"
    got = bench.screening_share(tmp_path, env, 2, [pdf], against_src=ROOT / "src")
    assert (got["files"], got["runs"]) == (1, 2) and got["pages"] >= 1
    for res in (got, got["against"]):
        for name in ("wall", "cpu"):
            g = res[name]
            assert g["on_s"] > 0 and g["off_s"] > 0
            assert g["on_spread_s"][0] <= g["on_s"] <= g["on_spread_s"][1]
            assert g["added_spread_s"][0] <= g["added_s"] <= g["added_spread_s"][1]
            assert g["share"] == pytest.approx(g["added_s"] / g["off_s"])
    report = json.loads((tmp_path / "screening-report.json").read_text(encoding="utf-8"))
    assert "knowledge" in report  # the scans ran and wrote their report


def test_screening_share_scans_with_the_jobs_asked_for(tmp_path, monkeypatch):
    """``--jobs N`` reaches every scan of both modes (the whole-process share with one worker or the default)."""
    ran: list[list[str]] = []
    monkeypatch.setattr(bench, "run_cmd", lambda args, env=None: ran.append(args) or 0.0)
    monkeypatch.setattr(bench, "run_measured", lambda args, env: ran.append(args) or (1.0, 1.0, 1.0))
    pdf = ROOT / "sample_docs" / "proposal-orbital-radar.pdf"
    got = bench.screening_share(tmp_path, dict(os.environ), 2, [pdf], jobs=1)
    assert got["jobs"] == 1 and len(ran) == 2 + 2 * 2
    assert all(args[args.index("--jobs") + 1] == "1" for args in ran)
    assert sum("--no-screening" in args for args in ran) == 3
    ran.clear()
    bench.screening_share(tmp_path, dict(os.environ), 1, [pdf])
    assert ran and not any("--jobs" in args for args in ran)
