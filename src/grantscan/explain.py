"""The explanation stage: each finding joined to its Trusted Research guidance and what follows from it.

``explain`` returns copies of the findings with why / action / contacts / links filled from the knowledge
base (a detector's own, more specific text is kept), control-list entries worth self-rating on each technology
finding, and the ATAS note on the partner countries it concerns: only where a non-exempt nationality and a
listed subject meet in the same document. ``catalogue`` gives the reports what they say about each rule in
general, so that no report loads the knowledge base itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from .knowledge.atas import AtasNote, atas_note
from .knowledge.control_map import candidates
from .knowledge.guidance import Guidance
from .knowledge.taxonomy import TECH_CATEGORIES
from .model import Finding, RuleHelp

MAX_CANDIDATES = 3


def _active(f: Finding) -> bool:
    return f.kind == "finding" and not f.suppressed


def explain(findings: list[Finding], guidance: Guidance) -> list[Finding]:
    """Copies of ``findings`` with their guidance, control-list candidates and ATAS note."""
    tech = sorted({f.category for f in findings if _active(f) and f.category in TECH_CATEGORIES})
    places = sorted(
        {f.country_code for f in findings if _active(f) and f.category == "country" and f.country_code}
    )
    note = atas_note(tech, places) if tech and places else None
    out = []
    for f in findings:
        rec = guidance.for_finding(f)
        g = replace(
            f,
            why=f.why or rec.why,
            action=f.action or rec.action,
            contacts=list(f.contacts) or list(rec.contacts),
            links=[dict(link) for link in (f.links or rec.links)],
        )
        if f.kind == "finding" and f.category in TECH_CATEGORIES and not f.control_candidates:
            g.control_candidates = candidates(f.category, f.rule_id, f.text, f.context, MAX_CANDIDATES)
        if note is not None and f.category == "country" and f.country_code in note.countries:
            _add_atas(g, note)
        out.append(g)
    return out


def _add_atas(f: Finding, note: AtasNote) -> None:
    f.why = f"{f.why} {note.text}".strip()
    if all(link.get("url") != note.link for link in f.links):
        f.links.append({"title": "Academic Technology Approval Scheme (Appendix ATAS)", "url": note.link})
    f.reasons = [*f.reasons, "ATAS: listed subject and non-exempt nationality in the same document"]


def catalogue(findings: list[Finding], guidance: Guidance) -> dict[str, RuleHelp]:
    """Guidance per rule id of ``findings``, in first-seen order."""
    out: dict[str, RuleHelp] = {}
    for f in findings:
        if f.rule_id not in out:
            out[f.rule_id] = guidance.help_for(f)
    return out


def knowledge_notes(guidance: Guidance, today: dt.date | None = None) -> dict[str, Any]:
    """The dates and notes of the knowledge a run used, and which of it is over 12 months old, for every report
    to show: a fact grantscan has not checked for a year is said to be stale, never trusted in silence."""
    from .knowledge import atas, control_map, countries
    from .knowledge.sources import is_stale

    dates = {
        "guidance": guidance.reviewed,
        "countries": countries.snapshot().isoformat(),
        "control_map": control_map.control_map().checked.isoformat(),
        "atas": atas.atas_table().checked.isoformat(),
    }
    stale = [k for k, v in dates.items() if v and is_stale(dt.date.fromisoformat(v[:10]), today)]
    return {
        "guidance_reviewed": guidance.reviewed,
        "guidance_note": guidance.note,
        "snapshots": dates,
        "snapshot": min(v for v in dates.values() if v),
        "stale": stale,
    }
