"""Grouping: one finding per rule and document, with every occurrence, and one per span per category."""

from __future__ import annotations

from ..model import Finding


def one_per_span(findings: list[Finding]) -> list[Finding]:
    """Two rules of one category on the same words ("drone swarms": UAV and uncrewed-systems rules) are one
    signal: keep the more confident finding so the report does not say the same thing twice."""
    best: dict[tuple, Finding] = {}
    for f in findings:
        if f.start is None or f.kind != "finding":  # declarations keep their own topic ids
            best[(id(f),)] = f
            continue
        key = (f.block_index, f.start, f.end, f.category)
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    keep = {id(f) for f in best.values()}
    return [f for f in findings if id(f) in keep]


def group_findings(findings: list[Finding]) -> list[Finding]:
    """One finding per (rule, kind, category, country, name): first location, all occurrences, best
    confidence (with its reasons)."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        key = (f.rule_id, f.kind, f.category, f.country_code, (f.name or "").lower())
        groups.setdefault(key, []).append(f)
    out = []
    for fs in groups.values():
        if len(fs) == 1 and fs[0].occurrences:
            out.append(fs[0])
            continue
        first = fs[0]
        best = max(fs, key=lambda x: x.confidence)
        # dict as an ordered set: a rule mentioned thousands of times in a long document stays linear
        occ = list(dict.fromkeys(loc for f in fs for loc in (f.occurrences or [f.location])))
        first.occurrences = occ
        if best is not first:
            first.confidence = best.confidence
            first.reasons = list(best.reasons)
            first.answer = first.answer if first.answer is not None else best.answer
        lists = {(m.list_id, m.entry) for m in first.lists}
        for f in fs[1:]:
            for m in f.lists:
                if (m.list_id, m.entry) not in lists:
                    first.lists.append(m)
                    lists.add((m.list_id, m.entry))
        if len(occ) > 1:
            first.reasons.append(f"grouped: {len(occ)} occurrences in the document")
        out.append(first)
    return out
