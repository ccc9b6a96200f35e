"""HTML report: one self-contained file (inline CSS and JS, no external assets) a research office can send.

Per document: its warnings, "What to do first" (the distinct actions its high and medium findings call for,
with whom to ask), then the findings in one collapsible section per severity: high and medium open, low,
context (info) and declarations folded. Printing opens every section and lays the tables out to the page.

Rendered with jinja2 autoescaping, so nothing from a document can inject markup; the matched text is
wrapped in <mark> only after its context has been escaped. A Content-Security-Policy forbids loading
anything from the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..model import DocumentResult, Finding, ScanResult
from . import (
    first_actions,
    is_host_context,
    knowledge_lines,
    lists_text,
    one_line,
    short_contact,
    shown_findings,
    split_context,
)

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


GROUPS = (
    ("high", "High", True),
    ("medium", "Medium", True),
    ("low", "Low", False),
    ("info", "Context (info: named, nothing to act on)", False),
)


def _finding_view(f: Finding, labels: dict[str, str]) -> dict[str, Any]:
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
        "controls": f.control_candidates,
        "label": labels.get(f.category, f.category),
        "host": is_host_context(f),
    }


def _document_view(
    doc: DocumentResult,
    number: int,
    labels: dict[str, str],
    show_suppressed: bool,
) -> dict[str, Any]:
    shown = shown_findings(doc, show_suppressed)
    findings = [f for f in shown if f.kind != "declaration"]
    groups = []
    for severity, title, open_ in GROUPS:
        items = [
            _finding_view(f, labels)
            for f in findings
            if ("info" if is_host_context(f) else f.severity) == severity
        ]
        if items:
            groups.append({"severity": severity, "title": title, "open": open_, "items": items})
    active = [f for f in findings if not f.suppressed]
    actions, more = first_actions(doc)
    first = [
        {
            "action": action,
            "words": [
                f"“{one_line(f.text)}” ({f.category}, {f.severity}, {f.location.describe()})" for f in fs
            ],
            "ask": list(dict.fromkeys(short_contact(c) for f in fs for c in f.contacts)),
        }
        for action, fs in actions
    ]
    return {
        "doc": doc,
        "anchor": f"doc-{number}",
        "groups": groups,
        "first": first,
        "more": more,
        "declarations": [_finding_view(f, labels) for f in shown if f.kind == "declaration"],
        "counts": {s: sum(1 for f in active if f.severity == s) for s in SEVERITIES},
    }


def render_html(result: ScanResult, *, show_suppressed: bool = False) -> str:
    """The complete HTML document as a string."""
    labels = {r.category: r.category_label for r in result.rules.values()}
    docs = [_document_view(d, i, labels, show_suppressed) for i, d in enumerate(result.documents, start=1)]
    categories = sorted(
        {v["f"].category for d in docs for g in d["groups"] for v in g["items"]}
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
        knowledge_lines=knowledge_lines(result),
        show_suppressed=show_suppressed,
    )
