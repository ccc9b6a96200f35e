"""Document-level judgement: severity per finding and a 0-100 risk score with reasons."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document, Finding


@dataclass(slots=True)
class Assessment:
    document_type: str = "other"
    risk_score: int = 0
    reasons: list[str] = field(default_factory=list)


def assess(document: Document, findings: list[Finding]) -> Assessment:
    """Set each finding's severity and return the document's risk assessment."""
    from .doctype import classify

    return Assessment(document_type=classify(document))
