"""Detection results stay exactly as recorded while the detector is made faster.

Every document of a fixed set (the real corpus in ../shared when present, sample_docs/ and a few generated
texts) is scanned with the real detector, guidance and scoring; the full findings, document type and risk
score are compared with a JSON snapshot under tests/fixtures/equivalence/.

The snapshot records what the pattern packs detect today. When a pack or a detection rule changes on
purpose, regenerate it and review the diff:

    GRANTSCAN_UPDATE_SNAPSHOT=1 .venv/bin/pytest tests/test_detect_equivalence.py -q
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from grantscan.config import Config
from grantscan.model import DocumentResult
from grantscan.pipeline import Scanner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REAL = SHARED / "corpus" / "real"
SAMPLES = ROOT / "sample_docs"
SNAPSHOTS = Path(__file__).resolve().parent / "fixtures" / "equivalence"
UPDATE = os.environ.get("GRANTSCAN_UPDATE_SNAPSHOT") == "1"
SUFFIXES = {".pdf", ".docx", ".md", ".tex"}
REGENERATE = (
    "detection results differ from the snapshot {name}. If the change is intended (a pattern pack or "
    "rule changed), regenerate with: GRANTSCAN_UPDATE_SNAPSHOT=1 .venv/bin/pytest "
    "tests/test_detect_equivalence.py -q and review the snapshot diff."
)

# Generated texts: dense mentions, declarations, denials, form answers, partners and clauses in one place.
GENERATED = {
    "dense-technology": (
        "Our project will develop quantum computing hardware and deep learning models for drones. "
        "We will not use nuclear reactor designs. Lidar odometry and hypersonic propulsion are key. "
        "Synthetic biology and gene editing (CRISPR) support the vaccine work. "
        "Does the project involve dual-use items? No.\n\n"
        "Artificial insemination (AI) is studied in cattle. AI improves herd yields.\n\n"
        "Collaborators at the University of Tokyo in Japan and Harbin Institute of Technology in China "
        "provide test data; a workshop with the National University of Defense Technology is planned in Russia."
    ),
    "agreement": (
        "RESEARCH COLLABORATION AGREEMENT\n\n"
        "1. Definitions. 'Background IP' means all intellectual property owned by a party before the date.\n\n"
        "2. Export control. Each party shall comply with all applicable export control laws and regulations, "
        "including the US Export Administration Regulations and ITAR.\n\n"
        "3. Publication. The Sponsor may delay publication for up to 12 months and may require deletion of "
        "confidential information. All data shall be transferred to the Sponsor's servers in Beijing.\n\n"
        "4. Governing law. This agreement is governed by the laws of the People's Republic of China."
    ),
    "form": (
        "Ethics and security self-assessment\n\n"
        "Does your research involve dual-use items in the sense of Regulation 2021/821? Yes ☒ No ☐\n\n"
        "Does the project involve military applications? Yes ☐ No ☒\n\n"
        "Please describe any export-controlled technology (e.g. cryptography, semiconductors): "
        "The project designs post-quantum cryptography for satellite links."
    ),
}


def _finding(f: Any) -> dict[str, Any]:
    d = f.to_dict()
    d.pop("fingerprint", None)
    d.update(block_index=f.block_index, start=f.start, end=f.end)
    return d


def _result(r: DocumentResult) -> dict[str, Any]:
    return {
        "status": r.status,
        "error": r.error,
        "document_type": r.document_type,
        "risk_score": r.risk_score,
        "risk_reasons": list(r.risk_reasons),
        "findings": [_finding(f) for f in r.findings],
    }


def _real_files() -> list[Path]:
    if not REAL.is_dir():
        return []
    return sorted(p for p in REAL.rglob("*") if p.suffix.lower() in SUFFIXES and "stress" not in p.parts)


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(Config())


def _check(name: str, got: dict[str, Any]) -> None:
    path = SNAPSHOTS / f"{name}.json"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            json.dumps(got, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path.name}. " + REGENERATE.format(name=path.name))
    want = json.loads(path.read_text(encoding="utf-8"))
    got = json.loads(json.dumps(got, ensure_ascii=False))  # tuples -> lists, as stored
    if got != want:
        diff = [i for i, (a, b) in enumerate(zip(got["findings"], want["findings"], strict=False)) if a != b]
        detail = (
            f"{len(got['findings'])} findings vs {len(want['findings'])} recorded; first differing index "
            f"{diff[:1] or 'none'}; type {got['document_type']} vs {want['document_type']}; "
            f"risk {got['risk_score']} vs {want['risk_score']}"
        )
        pytest.fail(REGENERATE.format(name=path.name) + "\n" + detail)


def _snapshot_name(path: Path, base: Path, prefix: str) -> str:
    return prefix + "__".join(path.relative_to(base).parts).replace(" ", "_")


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_text_findings_match_snapshot(scanner: Scanner, name: str) -> None:
    _check(f"generated-{name}", _result(scanner.scan_text(GENERATED[name], name=f"{name}.txt")))


@pytest.mark.parametrize(
    "path", sorted(p for p in SAMPLES.iterdir() if p.suffix.lower() in SUFFIXES), ids=lambda p: p.name
)
def test_sample_doc_findings_match_snapshot(scanner: Scanner, path: Path) -> None:
    _check(_snapshot_name(path, SAMPLES, "sample-"), _result(scanner.scan_file(path)))


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus/real not present")
@pytest.mark.parametrize("path", _real_files(), ids=lambda p: str(p.relative_to(REAL)))
def test_real_corpus_findings_match_snapshot(scanner: Scanner, path: Path) -> None:
    _check(_snapshot_name(path, REAL, "real-"), _result(scanner.scan_file(path)))


def test_snapshot_detects_a_change(scanner: Scanner, tmp_path: Path) -> None:
    """The comparison itself is sensitive: a changed confidence in a recorded result is reported."""
    if UPDATE:
        pytest.skip("snapshots being regenerated")
    got = _result(scanner.scan_text(GENERATED["dense-technology"], name="dense-technology.txt"))
    assert got["findings"], "the generated text must produce findings"
    got["findings"][0]["confidence"] = round(got["findings"][0]["confidence"] + 0.01, 3)
    with pytest.raises(pytest.fail.Exception, match="GRANTSCAN_UPDATE_SNAPSHOT=1"):
        _check("generated-dense-technology", got)
