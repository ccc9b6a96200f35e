"""The labelled corpus scored by ../shared/tools/evaluate.py through the grantscan CLI: the quality bars.

Floors, at or just below what the fitted evidence model measures (see patterns/quality/detection.yaml):
technology micro-F1 and precision per labelled file (FLOORS), clause F1 >= 0.98 on every file, and F1 >= 0.75
for every technology category with at least 5 gold documents over all files; on the project corpus'
development side (corpus/dev) technology F1 >= 0.90 with precision >= 0.91 and clause F1 >= 0.92, and clause
F1 >= 0.90 on the second round of agreement rows and >= 0.95 on the sixth. One scorer run per file (about
25 s in total on two cores).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVALUATE = SHARED / "tools" / "evaluate.py"
LABELLED = sorted((SHARED / "corpus" / "labelled").glob("*.jsonl")) if SHARED.is_dir() else []
GRANTSCAN = Path(sys.executable).parent / "grantscan"
FITTED_DEV = {"abstracts", "solicitations", "agreements", "proposals"}
# The bars hold for the development files the evidence model was fitted on; later rounds of rows (abstracts2.jsonl
# and so on) are scored apart, as corpus/README.md records, until a change is fitted on them too.
DEV = [p for p in sorted((ROOT / "corpus" / "dev").glob("*.jsonl")) if p.stem in FITTED_DEV]
# (technology F1, technology precision) per labelled file, just below what is measured (2026-12-07, round
# four): the evidence model fitted on every development set trades some precision on the UCL project summaries
# (where machine learning and robots are often tools) for recall on the project corpus
FLOORS = {"cases": (0.98, 0.97), "real_docs": (0.95, 0.91), "ucl_projects": (0.90, 0.85)}

pytestmark = [
    pytest.mark.skipif(not EVALUATE.is_file() or not LABELLED, reason="../shared corpus not present"),
    pytest.mark.skipif(not GRANTSCAN.exists(), reason="grantscan command not installed in this environment"),
]


def evaluate(report: Path, files: list[Path]) -> dict:
    """The scorer's summary of ``files``, run through the installed grantscan command."""
    proc = subprocess.run(
        [
            sys.executable,
            str(EVALUATE),
            "--grantscan",
            str(GRANTSCAN),
            "--json",
            str(report),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    return {f.stem: evaluate(tmp_path_factory.mktemp("eval") / f"{f.stem}.json", [f]) for f in LABELLED}


@pytest.mark.parametrize("name", [f.stem for f in LABELLED])
def test_technology_bars_per_file(scores: dict[str, dict], name: str) -> None:
    s = scores[name]
    assert not s["failed"] and not s["missing"]
    tech = s["technology"]
    f1, precision = FLOORS.get(name, (0.90, 0.85))
    assert tech["f1"] >= f1, f"{name}: technology F1 {tech['f1']}"
    assert tech["precision"] >= precision, f"{name}: technology precision {tech['precision']}"
    assert s["clauses"]["f1"] >= 0.98, f"{name}: clause F1 {s['clauses']['f1']}"


@pytest.mark.skipif(not DEV, reason="corpus/dev not present")
def test_project_corpus_development_side(tmp_path: Path) -> None:
    s = evaluate(tmp_path / "dev.json", DEV)
    assert not s["failed"] and not s["missing"]
    assert s["technology"]["f1"] >= 0.90 and s["technology"]["precision"] >= 0.91, s["technology"]
    assert s["clauses"]["f1"] >= 0.92, s["clauses"]


CLAUSE_ROUND = ROOT / "corpus" / "dev" / "agreements2.jsonl"


@pytest.mark.skipif(not CLAUSE_ROUND.is_file(), reason="corpus/dev/agreements2.jsonl not present")
def test_later_agreement_rows_clause_bar(tmp_path: Path) -> None:
    """The clause rules were refitted on the second round of agreement rows (US federal contract clauses,
    licence sections, data-use agreements): clause F1 0.928 measured (2026-12-07), floor 0.90."""
    s = evaluate(tmp_path / "agreements2.json", [CLAUSE_ROUND])
    assert not s["failed"] and not s["missing"]
    assert s["clauses"]["f1"] >= 0.90, s["clauses"]


CLAUSE_ROUND_SIX = ROOT / "corpus" / "dev" / "agreements3.jsonl"


@pytest.mark.skipif(not CLAUSE_ROUND_SIX.is_file(), reason="corpus/dev/agreements3.jsonl not present")
def test_round_six_agreement_rows_clause_bar(tmp_path: Path) -> None:
    """The clause rules were extended on the agreement rows of other origins (UK, European, Australian grant and
    contract templates, US research agreements): clause F1 0.571 at first run, 1.000 after (in-sample,
    2026-12-07), floor 0.95."""
    s = evaluate(tmp_path / "agreements3.json", [CLAUSE_ROUND_SIX])
    assert not s["failed"] and not s["missing"]
    assert s["clauses"]["f1"] >= 0.95, s["clauses"]


CLAUSE_ROUND_SEVEN = ROOT / "corpus" / "dev" / "agreements4.jsonl"


@pytest.mark.skipif(not CLAUSE_ROUND_SEVEN.is_file(), reason="corpus/dev/agreements4.jsonl not present")
def test_round_seven_agreement_rows_clause_bar(tmp_path: Path) -> None:
    """The clause rules were given families of genre wording (data use agreements, federal notices, export
    notices) on the round-seven agreement rows: clause F1 0.759 before, 0.966 after (in-sample, 2026-12-07),
    floor 0.90 so that further rows of the round can be added."""
    s = evaluate(tmp_path / "agreements4.json", [CLAUSE_ROUND_SEVEN])
    assert not s["failed"] and not s["missing"]
    assert s["clauses"]["f1"] >= 0.90, s["clauses"]


SOLICITATION_ROUND_EIGHT = ROOT / "corpus" / "dev" / "solicitations4.jsonl"


@pytest.mark.skipif(
    not SOLICITATION_ROUND_EIGHT.is_file(), reason="corpus/dev/solicitations4.jsonl not present"
)
def test_round_eight_solicitation_rows_technology_bar(tmp_path: Path) -> None:
    """Defence research solicitations and same-shaped civilian negatives: technology F1 0.800 at the first run
    of the first batch (55 rows), 0.900 over both batches (62 rows) after the round's defence, CBRN-detection and
    military-ISR families (in-sample, 2026-12-07); floor 0.85, and defence F1 >= 0.95 (0.97 at the first run)."""
    s = evaluate(tmp_path / "solicitations4.json", [SOLICITATION_ROUND_EIGHT])
    assert not s["failed"] and not s["missing"]
    assert s["technology"]["f1"] >= 0.85, s["technology"]
    d = s["technology"]["per_label"]["defence"]
    assert 2 * d["tp"] / (2 * d["tp"] + d["fp"] + d["fn"]) >= 0.95, d


CLAUSE_ROUND_EIGHT = ROOT / "corpus" / "dev" / "agreements5.jsonl"


@pytest.mark.skipif(not CLAUSE_ROUND_EIGHT.is_file(), reason="corpus/dev/agreements5.jsonl not present")
def test_round_eight_agreement_rows_clause_bar(tmp_path: Path) -> None:
    """The clause rules were given families of award-term and laboratory-notice wording on the round-eight
    agreement rows (US financial-assistance rules and agency clauses, software rights notices, a data set licence):
    clause F1 0.634 at first run, 0.938 after (in-sample, 2026-12-07), floor 0.90."""
    s = evaluate(tmp_path / "agreements5.json", [CLAUSE_ROUND_EIGHT])
    assert not s["failed"] and not s["missing"]
    assert s["clauses"]["f1"] >= 0.90, s["clauses"]


CLAUSE_STANDARD_FORMS = ROOT / "corpus" / "dev" / "agreements6.jsonl"


@pytest.mark.skipif(not CLAUSE_STANDARD_FORMS.is_file(), reason="corpus/dev/agreements6.jsonl not present")
def test_round_eight_standard_form_rows_clause_bar(tmp_path: Path) -> None:
    """The clause rules were given families of standard-form wording on the round-eight standard-form rows (NDAs,
    employment and contractor agreements, terms of service, deposit licences, privacy notices): clause F1 0.667 at
    first run, 0.958 after (in-sample, 2026-12-07), floor 0.88."""
    s = evaluate(tmp_path / "agreements6.json", [CLAUSE_STANDARD_FORMS])
    assert not s["failed"] and not s["missing"]
    assert s["clauses"]["f1"] >= 0.88, s["clauses"]


CLAUSE_ROUND_NINE = ROOT / "corpus" / "dev" / "agreements7.jsonl"


@pytest.mark.skipif(not CLAUSE_ROUND_NINE.is_file(), reason="corpus/dev/agreements7.jsonl not present")
def test_round_nine_agreement_rows_clause_bar(tmp_path: Path) -> None:
    """The clause rules were given families shared by many drafters on the round-nine agreement rows (agency
    acquisition supplements, research-data and computing-service terms, genome data reuse statements, service terms
    and contributor agreements): clause F1 0.630 at first run, 0.913 after over four batches (in-sample, 2026-12-07), floor 0.87."""
    s = evaluate(tmp_path / "agreements7.json", [CLAUSE_ROUND_NINE])
    assert not s["failed"] and not s["missing"]
    assert s["clauses"]["f1"] >= 0.87, s["clauses"]


CLAUSE_ROUND_TEN = ROOT / "corpus" / "dev" / "agreements8.jsonl"


@pytest.mark.skipif(not CLAUSE_ROUND_TEN.is_file(), reason="corpus/dev/agreements8.jsonl not present")
def test_round_ten_agreement_rows_clause_bar(tmp_path: Path) -> None:
    """The clause rules were given families shared by many drafters on the round-ten agreement rows (NDAs and
    contractor forms, contributor and specification licences, foundation agreements, data access agreements and
    service terms of agencies and projects): clause F1 0.763 at first run, 0.932 after over three batches (in-sample, 2026-12-07),
    floor 0.88."""
    s = evaluate(tmp_path / "agreements8.json", [CLAUSE_ROUND_TEN])
    assert not s["failed"] and not s["missing"]
    assert s["clauses"]["f1"] >= 0.88, s["clauses"]


def test_every_frequent_category_reaches_f1_075(scores: dict[str, dict]) -> None:
    totals: dict[str, list[int]] = {}
    for s in scores.values():
        for cat, row in s["technology"]["per_label"].items():
            acc = totals.setdefault(cat, [0, 0, 0])
            acc[0] += row["tp"]
            acc[1] += row["fp"]
            acc[2] += row["fn"]
    low = {}
    for cat, (tp, fp, fn) in totals.items():
        if tp + fn >= 5:
            f1 = 2 * tp / (2 * tp + fp + fn)
            if f1 < 0.75:
                low[cat] = round(f1, 3)
    assert len([c for c, (tp, _, fn) in totals.items() if tp + fn >= 5]) >= 10
    assert not low, f"categories below F1 0.75: {low}"


TECHNOLOGY_ROUND_EIGHT = ROOT / "corpus" / "dev" / "abstracts5.jsonl"


@pytest.mark.skipif(not TECHNOLOGY_ROUND_EIGHT.is_file(), reason="corpus/dev/abstracts5.jsonl not present")
def test_round_eight_abstract_rows_technology_bar(tmp_path: Path) -> None:
    """The matcher's spellings (a hyphen or a space at each word gap, scientific combining forms written solid),
    the bio, chem and semiconductor packs and the list and tool cues were extended on the round-eight abstract
    rows (US federal award abstracts and laboratory pages): technology F1 0.794 at first run, 0.892 after
    (in-sample, 2026-12-07), floor 0.86."""
    s = evaluate(tmp_path / "abstracts5.json", [TECHNOLOGY_ROUND_EIGHT])
    assert not s["failed"] and not s["missing"]
    assert s["technology"]["f1"] >= 0.86, s["technology"]
