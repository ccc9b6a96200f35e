"""The scoring stage: severity per finding and a 0-100 risk score with reasons, after suppression.

Severity follows what a research-security officer escalates: a dual-use technology together with a
partner on a screening list or in a sanctioned / arms-embargoed country is high; an explicit defence end
use is high; any other technology is medium; a country without risk facts is low; an organisation not on
a list is info; declarations are always info. The risk score adds fixed points per signal, so the same
findings always give the same score, and every point is named in ``reasons``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .knowledge import countries
from .knowledge.scoring import scoring
from .knowledge.taxonomy import DUAL_USE, TECH_CATEGORIES
from .model import SEVERITY_ORDER, Finding

CLAUSE_PREFIX = "clause-"
FIRS_RULE = "firs-enhanced-tier"
HOST_COUNTRY_REASON = "host country"  # how a mention of the user's own country is marked in its reasons


@dataclass(slots=True)
class Assessment:
    """The scored findings (new objects, severities set) and the document's risk."""

    findings: list[Finding] = field(default_factory=list)
    document_type: str = "other"
    risk_score: int = 0
    reasons: list[str] = field(default_factory=list)


def _country_risk(code: str | None) -> dict[str, Any] | None:
    return countries.country_risk(code) if code else None


def _designated(f: Finding) -> bool:
    """A confirmed match to a screening-list entry (a possible match is for a person to check)."""
    return any(m.status == "designated" for m in f.lists)


def _sanctioned(risk: dict[str, Any] | None) -> bool:
    return bool(risk and (risk.get("regimes") or risk.get("sanctions")))


def _raise(f: Finding, severity: str) -> None:
    if SEVERITY_ORDER[severity] > SEVERITY_ORDER.get(f.severity, 0):
        f.severity = severity  # type: ignore[assignment]


def _label(f: Finding) -> str:
    return f.name or f.text


def assess(  # noqa: C901 - one case per category of finding, then one per risk signal
    findings: list[Finding], document_type: str = "other", host_country: str | None = "GB"
) -> Assessment:
    """Severity of each finding (on copies) and the risk of the document; suppressed findings and
    declarations add nothing to the risk. Mentions of ``host_country`` (the user's own country) stay
    findings, as places the document names, but at severity info and outside the risk: context."""
    findings = [replace(f) for f in findings]
    table = scoring()
    points, low_confidence = table.points, table.low_confidence

    active = [f for f in findings if f.kind == "finding" and not f.suppressed]
    listed = [f for f in active if f.category == "organisation" and _designated(f)]
    risky_countries: dict[str, dict[str, Any]] = {}
    for f in active:
        if f.category == "country" and not (host_country and f.country_code == host_country):
            risk = _country_risk(f.country_code)
            if risk and (_sanctioned(risk) or risk.get("arms_embargo")):
                risky_countries[f.country_code or ""] = risk
    risky_partner = bool(listed or risky_countries)

    for f in findings:
        if f.kind == "declaration":
            f.severity = "info"
            continue
        if f.category == "defence":
            _raise(f, "high")
        elif f.category in DUAL_USE:
            if risky_partner:
                f.severity = "high"
            else:  # a borderline technology signal stays low until a person confirms it
                f.severity = "medium" if f.confidence >= low_confidence else "low"
        elif f.category == "country" and host_country and f.country_code == host_country:
            f.severity = "info"
            f.reasons = [
                *f.reasons,
                f"{HOST_COUNTRY_REASON} ({host_country}): context, not a finding to act on",
            ]
        elif f.category == "country":
            risk = risky_countries.get(f.country_code or "")
            f.severity = ("high" if active_tech(active) else "medium") if risk else "low"
        elif f.rule_id == FIRS_RULE:
            f.severity = "high"  # activity may not start before the arrangement is registered
        elif f.category == "organisation":
            # severity follows the list: designated -> high, a possible match to check -> medium; a body the
            # partner detector flagged without a list (defence, military) keeps its own severity, below high
            statuses = {m.status for m in f.lists}
            if "designated" in statuses:
                f.severity = "high"
            elif statuses:
                f.severity = "medium"
            elif f.severity not in ("medium", "high"):
                f.severity = "info"
        elif f.category.startswith(CLAUSE_PREFIX):
            _raise(f, "low")

    score, reasons = 0, []

    def add(points: int, reason: str) -> None:
        nonlocal score
        score += points
        reasons.append(f"+{points} {reason}")

    for f in listed:
        lists = ", ".join(sorted({m.list_name for m in f.lists}))
        add(points["partner-listed"], f"partner on a screening list: {_label(f)} ({lists})")
    for code, risk in sorted(risky_countries.items()):
        if _sanctioned(risk):
            regimes = ", ".join(risk.get("regimes") or risk.get("sanctions") or [])
            add(points["country-sanctioned"], f"country under UK sanctions: {code} ({regimes})")
        else:
            add(points["country-embargo"], f"country under an arms embargo: {code}")
    for f in active:
        if f.rule_id == FIRS_RULE:
            add(
                points["firs"],
                f"foreign state body funds or directs the work (FIRS enhanced tier): {_label(f)}",
            )
    for f in active:
        if (
            f.category == "organisation"
            and f.rule_id != FIRS_RULE
            and not _designated(f)
            and f.severity in ("medium", "high")
        ):
            add(points["organisation-flagged"], f"partner flagged ({f.severity}): {_label(f)}")
    defence = [f for f in active if f.category == "defence"]
    if defence:
        terms = ", ".join(sorted({f.text for f in defence}))
        add(points["defence"], f"defence end use or partner: {terms}")
    by_cat: dict[str, list[Finding]] = {}
    for f in active:
        if f.category in DUAL_USE:
            by_cat.setdefault(f.category, []).append(f)
    for cat, fs in sorted(by_cat.items()):
        places = sum(f.count for f in fs)
        terms = ", ".join(sorted({f.text.lower() for f in fs})[:3])
        key = "dual-use-with-risky-partner" if risky_partner else "dual-use"
        add(
            points[key],
            f"dual-use: {terms} ({cat}) in {places} place{'s' if places != 1 else ''}"
            + (" with a high-risk partner" if risky_partner else ""),
        )
    for f in active:
        if f.category.startswith(CLAUSE_PREFIX) and f.severity in ("medium", "high"):
            add(points[f"clause-{f.severity}"], f"agreement: {f.text}")
    return Assessment(findings, document_type, min(table.cap, score), reasons)


def active_tech(findings: list[Finding]) -> bool:
    """Whether any dual-use or defence technology is among the findings."""
    return any(f.category in TECH_CATEGORIES for f in findings)
