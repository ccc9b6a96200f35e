"""Every human report says which control-list entries are worth self-rating, what the knowledge was checked
against and when, warns when it is stale, and never hides that organisations were not screened."""

from __future__ import annotations

import json

import pytest

from grantscan.model import ControlCandidate, DocumentResult, Finding, Location, ScanResult
from grantscan.report import render


def _result(knowledge: dict) -> ScanResult:
    f = Finding(
        "sensing-electro-optical",
        "sensing",
        "thermal imaging",
        "We will build a thermal imaging camera.",
        Location(line=1, column=17),
        severity="medium",
        confidence=0.9,
        control_candidates=[
            ControlCandidate(
                "6A003", "UK dual-use", "Cameras", ["term 'thermal imaging' in the matched text"]
            )
        ],
    )
    doc = DocumentResult("p.txt", "ok", format="text", document_type="proposal", findings=[f])
    return ScanResult([doc], tool_version="9", knowledge=knowledge)


FRESH = {
    "snapshots": {"guidance": "2026-12-06", "countries": "2026-12-06"},
    "stale": [],
    "screened": [["UK Sanctions List (FCDO)", "2026-05-13"]],
}
STALE = {**FRESH, "stale": ["countries"], "screened": []}


@pytest.mark.parametrize("fmt", ["text", "md", "html", "csv"])
def test_control_candidates_are_in_every_human_format(fmt: str) -> None:
    out = render(_result(FRESH), fmt, color=False)
    assert "6A003" in out and "UK dual-use" in out


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_knowledge_dates_and_screening_are_said(fmt: str) -> None:
    fresh = render(_result(FRESH), fmt, color=False)
    assert "2026-12-06" in fresh and "screened against 1 lists" in fresh and "Warning" not in fresh
    stale = render(_result(STALE), fmt, color=False)
    assert "more than 12 months old" in stale and "not screened" in stale


def test_json_and_sarif_carry_the_candidates() -> None:
    data = json.loads(render(_result(FRESH), "json"))
    assert data["documents"][0]["findings"][0]["control_candidates"][0]["entry"] == "6A003"
    sarif = json.loads(render(_result(FRESH), "sarif"))
    props = sarif["runs"][0]["results"][0]["properties"]
    assert props["control_candidates"][0]["control_list"] == "UK dual-use"
