"""The explanation stage: each finding joined to its Trusted Research guidance.

``explain`` returns copies of the findings with why / action / contacts / links filled from the knowledge
base (a detector's own, more specific text is kept). ``catalogue`` gives the reports what they say about
each rule in general, so that no report loads the knowledge base itself.
"""

from __future__ import annotations

from dataclasses import replace

from .knowledge.guidance import Guidance
from .model import Finding, RuleHelp


def explain(findings: list[Finding], guidance: Guidance) -> list[Finding]:
    """Copies of ``findings`` with their guidance."""
    out = []
    for f in findings:
        rec = guidance.for_finding(f)
        out.append(
            replace(
                f,
                why=f.why or rec.why,
                action=f.action or rec.action,
                contacts=list(f.contacts) or list(rec.contacts),
                links=[dict(link) for link in (f.links or rec.links)],
            )
        )
    return out


def catalogue(findings: list[Finding], guidance: Guidance) -> dict[str, RuleHelp]:
    """Guidance per rule id of ``findings``, in first-seen order."""
    out: dict[str, RuleHelp] = {}
    for f in findings:
        if f.rule_id not in out:
            out[f.rule_id] = guidance.help_for(f)
    return out


def knowledge_notes(guidance: Guidance) -> dict[str, str]:
    """The dates and notes of the knowledge a run used, for every report to show."""
    return {"guidance_reviewed": guidance.reviewed, "guidance_note": guidance.note}
