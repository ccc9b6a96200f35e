"""JSON report: exactly ScanResult.to_dict(), every field present, non-ASCII kept."""

from __future__ import annotations

import json

import pytest

from grantscan.report import render
from tests.fixtures.report.sample import HOSTILE, build_result


def test_json_is_the_to_dict_contract() -> None:
    result = build_result()
    text = render(result, "json")
    assert json.loads(text) == result.to_dict()
    assert text.startswith('{\n  "tool": {\n    "name": "grantscan",\n    "version": "9.9.9"')


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
    assert docx["findings"][0]["location"] == {"part": "body", "paragraph": 14, "section": "12"}
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
    if not doc.findings:
        pytest.skip("detector found nothing in the sample text")
    result = ScanResult([doc], tool_version="1.0")
    for f in doc.findings:
        assert f.why and f.action and f.contacts and f.links[0]["url"].startswith("https://"), f.rule_id
    assert json.loads(render(result, "json")) == result.to_dict()
    for fmt in ("text", "sarif", "csv", "md", "html"):
        out = render(result, fmt, color=False)
        assert doc.findings[0].rule_id in out or doc.findings[0].category in out, fmt
