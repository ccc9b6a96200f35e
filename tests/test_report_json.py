"""JSON report: exactly ScanResult.to_dict(), every field present, non-ASCII kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grantscan.report import render
from grantscan.report.json import FORMAT_VERSION, schema_path
from tests.conftest import SAMPLES
from tests.fixtures.report.sample import HOSTILE, build_result


def test_json_is_the_to_dict_contract_under_a_format_version() -> None:
    result = build_result()
    text = render(result, "json")
    assert json.loads(text) == {"format_version": FORMAT_VERSION, **result.to_dict()}
    assert text.startswith(
        '{\n  "format_version": 2,\n  "tool": {\n    "name": "grantscan",\n    "version": "9.9.9"'
    )


def _validator():  # noqa: ANN202
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (test dependency) not installed")
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_the_published_schema_is_shipped_with_the_package() -> None:
    import grantscan

    assert schema_path().is_file()
    assert schema_path().parent == Path(grantscan.__file__).parent / "report"
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema["properties"]["format_version"] == {"const": FORMAT_VERSION}


def test_reports_of_real_scans_validate_against_the_schema(tmp_path: Path) -> None:
    """Every sample document (PDF, DOCX, Markdown, LaTeX), an unreadable file and a baseline with a stale
    entry, scanned for real: the report is valid, and the schema rejects what it should."""
    from grantscan.baseline import create_baseline
    from grantscan.config import Config
    from grantscan.runner import scan_path

    validator = _validator()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    stale = tmp_path / "old.md"
    stale.write_text("We will build a drone swarm with partners in Iran.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(create_baseline(scan_path(stale, Config(cache=False)))), encoding="utf-8")
    stale.write_text("Nothing to see.\n", encoding="utf-8")
    result = scan_path([SAMPLES, broken, stale], Config(cache=False, baseline=baseline))
    data = json.loads(render(result, "json"))
    assert {d["format"] for d in data["documents"]} >= {"pdf", "docx", "markdown", "latex"}
    assert data.get("baseline_unmatched") and any(d["status"] == "error" for d in data["documents"])
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
    docx = next(d for d in data["documents"] if d["format"] == "docx" and d["findings"])
    para = next(f["location"] for f in docx["findings"] if "paragraph" in f["location"])
    zero_based = json.loads(json.dumps(data))
    target = next(d for d in zero_based["documents"] if d["path"] == docx["path"])
    loc = next(f["location"] for f in target["findings"] if "paragraph" in f["location"])
    loc["paragraph"] = 0  # a 0-based paragraph number is not a report grantscan writes
    assert para["paragraph"] >= 1 and not validator.is_valid(zero_based)


def test_json_findings_carry_location_and_guidance() -> None:
    data = json.loads(render(build_result(), "json"))
    pdf, docx, md, broken = data["documents"]
    mil = pdf["findings"][0]
    for key in (
        "rule_id",
        "category",
        "kind",
        "severity",
        "confidence",
        "text",
        "context",
        "location",
        "why",
        "action",
        "contacts",
        "links",
        "count",
        "reasons",
    ):
        assert key in mil, key
    assert mil["location"] == {"page": 3, "bbox": [72.0, 100.5, 140.25, 112.0], "section": "2.1"}
    assert mil["count"] == 2 and len(mil["occurrences"]) == 2
    assert mil["why"] and mil["action"] and mil["contacts"] and mil["links"][0]["url"].startswith("https://")
    country = next(f for f in pdf["findings"] if f["category"] == "country")
    assert country["country_code"] == "CN"
    org = next(f for f in pdf["findings"] if f["category"] == "organisation")
    assert org["lists"][0]["snapshot"] == "2025-06-30"
    assert any(f["text"] == HOSTILE for f in pdf["findings"])
    assert docx["findings"][0]["location"] == {"part": "body", "paragraph": 15, "section": "12"}
    assert md["findings"][0]["location"] == {"line": 14, "column": 11}
    assert broken == {**broken, "status": "error", "error": "encrypted: password required", "findings": []}
    assert data["summary"]["errors"] == 1 and data["summary"]["suppressed"] == 2


def test_json_keeps_non_ascii() -> None:
    result = build_result()
    result.documents[0].findings[0].context = "Zusammenarbeit mit Universität für militärische Nutzung"
    text = render(result, "json")
    assert "Universität" in text and "\\u00e4" not in text


def test_end_to_end_scan_text_has_guidance_in_every_format() -> None:
    from grantscan.model import ScanResult
    from grantscan.runner import scan_text
    from tests.conftest import RISKY_TEXT

    doc = scan_text(RISKY_TEXT)
    assert doc.findings, "the sample text must produce findings"
    result = ScanResult([doc], tool_version="1.0")
    for f in doc.findings:
        assert f.why and f.action and f.contacts and f.links[0]["url"].startswith("https://"), f.rule_id
    assert json.loads(render(result, "json")) == {"format_version": FORMAT_VERSION, **result.to_dict()}
    for fmt in ("text", "sarif", "csv", "md", "html"):
        out = render(result, fmt, color=False)
        assert doc.findings[0].rule_id in out or doc.findings[0].category in out, fmt
