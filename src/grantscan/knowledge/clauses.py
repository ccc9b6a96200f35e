"""Clause-risk rule ids: the findings that say an agreement's clause carries a red flag.

The risks of ``patterns/clauses.yaml`` plus the two the clause detector derives for a whole document. The
triage view reads them here, not from the detector.
"""

from __future__ import annotations

from functools import cache

from .loader import load_yaml
from .resources import patterns_dir

LAW_NON_UK = "clause-law-non-uk"  # governing law or forum outside the UK
EXPORT_MISSING = "clause-export-missing"  # an agreement on controlled technology without an export clause
DOCUMENT_RISKS = frozenset({LAW_NON_UK, EXPORT_MISSING})


@cache
def risk_rule_ids() -> frozenset[str]:
    """Every rule id a clause-risk finding can carry."""
    data = load_yaml(patterns_dir() / "clauses.yaml")
    risks = data.get("risks") or [] if isinstance(data, dict) else []
    return frozenset(r["id"] for r in risks if isinstance(r, dict) and "id" in r) | DOCUMENT_RISKS
