"""Severity per finding and the document risk score: deterministic and explained."""

from __future__ import annotations

import pytest

from grantscan import score
from grantscan.model import Finding, ListMatch, Location

RISK = {
    "CN": {"code": "CN", "regimes": [], "arms_embargo": True},
    "RU": {"code": "RU", "regimes": ["Russia"], "arms_embargo": True},
}


@pytest.fixture(autouse=True)
def _country_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(score, "_country_risk", lambda code: RISK.get(code or ""))


def finding(category: str, text: str = "x", **kw) -> Finding:  # noqa: ANN003
    return Finding(
        rule_id=f"{category}-rule",
        category=category,
        text=text,
        context=text,
        location=Location(line=1),
        confidence=kw.pop("confidence", 0.8),
        **kw,
    )


def assess(findings: list[Finding], doctype: str = "proposal") -> score.Assessment:
    """The scoring stage; it scores copies, so the inputs keep their severity."""
    before = [f.severity for f in findings]
    result = score.assess(findings, doctype)
    assert [f.severity for f in findings] == before
    return result


def listed(name: str) -> Finding:
    return finding(
        "organisation",
        name,
        name=name,
        lists=[ListMatch("bis-entity", "BIS Entity List", "2026-01-01", name, 0.95, "CN")],
    )


def test_ordinary_technology_is_medium_and_borderline_low() -> None:
    strong, weak = finding("robotics", "drones"), finding("ai", "machine learning", confidence=0.66)
    result = assess([strong, weak])
    assert [f.severity for f in result.findings] == ["medium", "low"]
    assert result.risk_score == 20
    assert "+10 dual-use: drones (robotics) in 1 place" in result.reasons


def test_technology_with_a_listed_partner_is_high() -> None:
    tech, org = finding("robotics", "drones"), listed("Example Defence University")
    result = assess([tech, org])
    assert [f.severity for f in result.findings] == ["high", "high"]
    assert "+30 partner on a screening list: Example Defence University (BIS Entity List)" in result.reasons
    assert result.risk_score == 30 + 20


def test_technology_with_an_embargoed_or_sanctioned_country_is_high() -> None:
    tech, cn = finding("quantum", "qubits"), finding("country", "China", country_code="CN")
    result = assess([tech, cn])
    assert [f.severity for f in result.findings] == ["high", "high"]
    assert "+15 country under an arms embargo: CN" in result.reasons
    ru = assess([finding("country", "Russia", country_code="RU")])
    assert "+20 country under UK sanctions: RU (Russia)" in ru.reasons
    assert ru.findings[0].severity == "medium"  # no technology in the document


def test_defence_is_high_and_plain_partners_are_low_or_info() -> None:
    defence = finding("defence", "military use")
    fr = finding("country", "France", country_code="FR")
    org = finding("organisation", "University of Somewhere", name="University of Somewhere")
    result = assess([defence, fr, org])
    assert [f.severity for f in result.findings] == ["high", "low", "info"]
    assert result.reasons == ["+25 defence end use or partner: military use"]


def test_declarations_are_info_and_never_scored() -> None:
    decl = finding("defence", "military applications", kind="declaration", answer="no")
    result = assess([decl])
    assert result.findings[0].severity == "info" and result.risk_score == 0 and result.reasons == []


def test_suppressed_findings_do_not_count() -> None:
    f = finding("bio", "gain-of-function", suppressed="allow-list")
    assert assess([f]).risk_score == 0


def test_score_is_capped_and_deterministic() -> None:
    def many() -> list[Finding]:
        cats = ["ai", "quantum", "robotics", "space", "nuclear", "bio", "chem"]
        return [finding(c) for c in cats] + [
            finding("defence"),
            listed("A"),
            listed("B"),
            finding("country", "Russia", country_code="RU"),
        ]

    first, second = assess(many()), assess(many())
    assert first.risk_score == 100
    assert first.reasons == second.reasons


def test_document_type_is_carried_through() -> None:
    assert assess([], "agreement").document_type == "agreement"
