"""HTML report: one self-contained file (inline CSS and JS, no external assets) a research office can send.

Rendered with jinja2 autoescaping, so nothing from a document can inject markup; the matched text is
wrapped in <mark> only after its context has been escaped. A Content-Security-Policy forbids loading
anything from the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..model import SEVERITY_ORDER, DocumentResult, Finding, ScanResult
from . import lists_text, shown_findings, split_context

TEMPLATES = Path(__file__).resolve().parent / "templates"
SEVERITIES = ("high", "medium", "low", "info")
MAX_OTHER_LOCATIONS = 8


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(("html", "j2")),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _finding_view(f: Finding) -> dict[str, Any]:
    before, match, after = split_context(f)
    others = [o.describe() for o in f.occurrences[1 : 1 + MAX_OTHER_LOCATIONS]]
    if len(f.occurrences) > 1 + MAX_OTHER_LOCATIONS:
        others.append(f"{len(f.occurrences) - 1 - MAX_OTHER_LOCATIONS} more")
    return {
        "f": f,
        "before": before,
        "match": match,
        "after": after,
        "where": f.location.describe(),
        "others": others,
        "lists": lists_text(f),
    }


def _document_view(
    doc: DocumentResult,
    number: int,
    labels: dict[str, str],
    show_suppressed: bool,
) -> dict[str, Any]:
    shown = shown_findings(doc, show_suppressed)
    groups: dict[str, list[dict[str, Any]]] = {}
    for f in shown:
        if f.kind != "declaration":
            groups.setdefault(f.category, []).append(_finding_view(f))
    ordered = sorted(
        groups.items(), key=lambda kv: (-max(SEVERITY_ORDER.get(v["f"].severity, 0) for v in kv[1]), kv[0])
    )
    active = [f for f in shown if f.kind != "declaration" and not f.suppressed]
    return {
        "doc": doc,
        "anchor": f"doc-{number}",
        "groups": [{"category": c, "label": labels.get(c, c), "items": items} for c, items in ordered],
        "declarations": [_finding_view(f) for f in shown if f.kind == "declaration"],
        "counts": {s: sum(1 for f in active if f.severity == s) for s in SEVERITIES},
    }


def render_html(result: ScanResult, *, show_suppressed: bool = False) -> str:
    """The complete HTML document as a string."""
    labels = {r.category: r.category_label for r in result.rules.values()}
    docs = [_document_view(d, i, labels, show_suppressed) for i, d in enumerate(result.documents, start=1)]
    categories = sorted(
        {g["category"] for d in docs for g in d["groups"]}
        | {v["f"].category for d in docs for v in d["declarations"]}
    )
    template = _environment().get_template("report.html.j2")
    return template.render(
        result=result,
        summary=result.summary(),
        docs=docs,
        severities=SEVERITIES,
        categories=[(c, labels.get(c, c)) for c in categories],
        knowledge=result.knowledge,
        show_suppressed=show_suppressed,
    )
