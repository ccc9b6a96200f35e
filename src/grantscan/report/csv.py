"""CSV report: one row per finding, for spreadsheets; unreadable files get one row of kind "error" and each
document warning (e.g. a language the rules do not cover) a row of kind "warning". Paragraph numbers are
1-based, as every report shows them.

Cells starting with = + - @, a tab or a carriage return get a leading single quote, so text copied from
a document cannot run as a spreadsheet formula (OWASP CSV injection).
"""

from __future__ import annotations

import csv
from io import StringIO
from typing import Any

from ..model import ScanResult
from . import controls_text, lists_text, shown_findings

COLUMNS = (
    "path",
    "rule_id",
    "category",
    "subcategory",
    "kind",
    "severity",
    "confidence",
    "text",
    "context",
    "page",
    "part",
    "paragraph",
    "line",
    "column",
    "section",
    "count",
    "country_code",
    "name",
    "lists",
    "control_candidates",
    "answer",
    "suppressed",
    "action",
    "link",
    "fingerprint",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A cell value that a spreadsheet will not evaluate as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_csv(result: ScanResult, *, show_suppressed: bool = False) -> str:
    """Header row plus one row per shown finding (and one per unreadable document)."""
    buf = StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    for doc in result.documents:
        if doc.status == "error":
            row = dict.fromkeys(COLUMNS, "")
            row.update(path=doc.path, kind="error", context=doc.error or "could not be read")
            writer.writerow([safe_cell(row[c]) for c in COLUMNS])
            continue
        for w in doc.warnings:
            row = dict.fromkeys(COLUMNS, "")
            row.update(path=doc.path, kind="warning", context=w)
            writer.writerow([safe_cell(row[c]) for c in COLUMNS])
        for f in shown_findings(doc, show_suppressed):
            loc = f.location
            row = {
                "path": doc.path,
                "rule_id": f.rule_id,
                "category": f.category,
                "subcategory": f.subcategory,
                "kind": f.kind,
                "severity": f.severity,
                "confidence": f"{f.confidence:.2f}",
                "text": f.text,
                "context": f.context,
                "page": loc.page,
                "part": loc.part,
                "paragraph": None if loc.paragraph is None else loc.paragraph + 1,
                "line": loc.line,
                "column": loc.column,
                "section": loc.section,
                "count": f.count,
                "country_code": f.country_code,
                "name": f.name,
                "lists": lists_text(f),
                "control_candidates": controls_text(f),
                "answer": f.answer,
                "suppressed": f.suppressed,
                "action": f.action,
                "link": f.links[0].get("url", "") if f.links else "",
                "fingerprint": f.fingerprint,
            }
            writer.writerow([safe_cell("" if row[c] is None else row[c]) for c in COLUMNS])
    return buf.getvalue()
