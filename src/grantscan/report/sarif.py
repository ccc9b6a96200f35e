"""SARIF 2.1.0 report, shaped like Semgrep's and gitleaks': one run, one rule per rule id, guidance as help.

Relative paths are URIs relative to ``%SRCROOT%`` (the working directory). Every result has a region with a
``startLine``, which GitHub code scanning requires: a text file's line and column; for a PDF the page number
(line N = page N); for a DOCX the paragraph's 1-based number within its part (the part is named beside it);
line 1 when nothing narrower is known. The full PDF and DOCX location (page, box, part, paragraph, section)
is also in ``logicalLocations`` and the location's ``properties``.

Each rule carries GitHub's ``security-severity`` (high 8.0, medium 5.5, low 2.0, info 0.0, from the most
severe of its results) and the ``security`` tag that makes GitHub show it. Declarations are reported with
level "none" and kind "informational" so that viewers list them without raising an alert. Inline
suppressions are ``inSource``; baseline and allow-list suppressions are ``external``. Unreadable files
become tool execution notifications of level "error", document warnings (a language the rules do not cover)
of level "warning".
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from ..fingerprint import fingerprint, normalise, relative_path
from ..model import SEVERITY_ORDER, DocumentResult, Finding, Location, RuleHelp, ScanResult
from ..version import __version__

SCHEMA_URI = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "grantscan/v1"
LEVELS = {"high": "error", "medium": "warning", "low": "note", "info": "note"}
# GitHub code scanning's scale: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low
SECURITY_SEVERITY = {"high": "8.0", "medium": "5.5", "low": "2.0", "info": "0.0"}


def information_uri() -> str:
    """The project's home page from its package metadata, else its PyPI page."""
    try:
        from importlib.metadata import metadata

        meta = metadata("grantscan")
        for entry in meta.get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() in ("homepage", "home", "documentation", "source") and url.strip():
                return url.strip()
        if meta.get("Home-page"):
            return str(meta["Home-page"])
    except Exception:  # metadata is optional in a source checkout
        pass
    return "https://pypi.org/project/grantscan/"


def artifact_location(path: str) -> dict[str, str]:
    """SARIF artifactLocation: relative paths against %SRCROOT%, absolute ones as file:// URIs."""
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(str(PurePosixPath(*p.parts)) if p.parts else path, safe="/"), "uriBaseId": SRCROOT}


def precision(confidence: float) -> str:
    """SARIF precision from a 0..1 confidence."""
    if confidence >= 0.9:
        return "very-high"
    if confidence >= 0.75:
        return "high"
    if confidence >= 0.5:
        return "medium"
    return "low"


def rule_help(result: ScanResult, f: Finding) -> RuleHelp:
    """The run's guidance for the rule of ``f``; for a result assembled without one, the finding's own."""
    found = result.rules.get(f.rule_id)
    if found is not None:
        return found
    return RuleHelp(
        f.rule_id, f.category, f.category, f.category, f.why, f.action, [], list(f.contacts), list(f.links)
    )


def help_text(rec: RuleHelp, note: str) -> tuple[str, str]:
    """Plain and Markdown help for a rule from its guidance record."""
    plain = [
        rec.why,
        "",
        f"What to do: {rec.action}",
        *(f"- {s}" for s in rec.steps),
        "",
        "Whom to ask:",
        *(f"- {c}" for c in rec.contacts),
        "",
        "Links:",
        *(f"- {lk['title']}: {lk['url']}" for lk in rec.links),
    ]
    md = [
        rec.why,
        "",
        f"**What to do:** {rec.action}",
        "",
        *(f"- {s}" for s in rec.steps),
        "",
        "**Whom to ask:**",
        "",
        *(f"- {c}" for c in rec.contacts),
        "",
        "**Links:**",
        "",
        *(f"- [{lk['title']}]({lk['url']})" for lk in rec.links),
    ]
    if note:
        plain += ["", note]
        md += ["", f"_{note}_"]
    return "\n".join(plain), "\n".join(md)


def _rule(f: Finding, rec: RuleHelp, note: str, findings: list[Finding]) -> dict[str, Any]:
    label = rec.category_label
    plain, md = help_text(rec, note)
    worst = max(findings, key=lambda x: SEVERITY_ORDER.get(x.severity, 0))
    mean = sum(x.confidence for x in findings) / len(findings)
    short = f"{label}: {f.subcategory}" if f.subcategory else label
    if f.kind == "declaration":
        short = f"Declaration ({label})"
    name = "".join(part.capitalize() for part in f.rule_id.replace("/", "-").replace("_", "-").split("-"))
    declaration = f.kind == "declaration"
    rule: dict[str, Any] = {
        "id": f.rule_id,
        **({"name": name} if name.casefold() != f.rule_id.casefold() else {}),  # SARIF1001: differ or omit
        "shortDescription": {"text": short},
        "fullDescription": {"text": rec.why},
        "help": {"text": plain, "markdown": md},
        "defaultConfiguration": {"level": "none" if declaration else LEVELS[worst.severity]},
        "properties": {
            "tags": [t for t in (f.category, f.subcategory, "trusted-research", "security") if t],
            "precision": precision(mean),
            "security-severity": SECURITY_SEVERITY["info" if declaration else worst.severity],
        },
    }
    if rec.links:
        rule["helpUri"] = rec.links[0]["url"]
    return rule


def _logical(loc: Location) -> list[dict[str, str]]:
    out = []
    if loc.page is not None:
        out.append({"name": f"page {loc.page}", "kind": "page"})
    if loc.part is not None:
        out.append({"name": f"{loc.part} paragraph {(loc.paragraph or 0) + 1}", "kind": "paragraph"})
    if loc.section:
        out.append({"name": f"section {loc.section}", "kind": "section"})
    return out


def start_line(loc: Location) -> int:
    """The region line of a location: the line of a text file, a PDF's page, a DOCX paragraph's 1-based
    number within its part, else 1."""
    if loc.line is not None:
        return loc.line
    if loc.page is not None:
        return loc.page
    if loc.paragraph is not None:
        return loc.paragraph + 1
    return 1


def _location(doc: DocumentResult, f: Finding, loc: Location, with_snippet: bool) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(doc.path)}
    region: dict[str, Any] = {"startLine": start_line(loc)}
    if loc.line is not None and loc.column:
        region["startColumn"] = loc.column
        if "\n" not in f.text:
            region["endColumn"] = loc.column + len(f.text)
    if with_snippet and f.text:
        region["snippet"] = {"text": f.text}
    physical["region"] = region
    if with_snippet and f.context and "startColumn" in region:  # SARIF1008: a proper superset of the region
        physical["contextRegion"] = {"startLine": region["startLine"], "snippet": {"text": f.context}}
    out: dict[str, Any] = {"physicalLocation": physical}
    logical = _logical(loc)
    if logical:
        out["logicalLocations"] = logical
    props = {k: v for k, v in loc.to_dict().items() if k not in ("line", "column")}
    if props:
        out["properties"] = props
    return out


def _result(doc: DocumentResult, f: Finding, rule_index: int, fp: str) -> dict[str, Any]:
    text = " ".join(f.text.split())
    what = "Declaration" if f.kind == "declaration" else f"{f.severity.capitalize()} {f.category}"
    message = f"{what}: '{text}' ({f.location.describe()})."
    if f.action:
        message += f" {f.action}"
    res: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index,
        "level": "none" if f.kind == "declaration" else LEVELS.get(f.severity, "note"),
        "message": {"text": message},
        "locations": [_location(doc, f, f.location, with_snippet=True)],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
    }
    if f.kind == "declaration":
        res["kind"] = "informational"
    if len(f.occurrences) > 1:
        res["relatedLocations"] = [
            {"id": i, **_location(doc, f, loc, with_snippet=False)}
            for i, loc in enumerate(f.occurrences[1:], start=1)
        ]
    if f.suppressed:
        kind = "inSource" if f.suppressed.startswith("inline") else "external"
        res["suppressions"] = [{"kind": kind, "justification": f.suppressed}]
    props: dict[str, Any] = {
        "category": f.category,
        "kind": f.kind,
        "severity": f.severity,
        "confidence": round(f.confidence, 3),
        "count": f.count,
        "why": f.why,
        "action": f.action,
        "contacts": list(f.contacts),
        "links": list(f.links),
    }
    for key in ("subcategory", "country_code", "name", "answer"):
        if getattr(f, key):
            props[key] = getattr(f, key)
    if f.lists:
        props["lists"] = [
            {
                "list_id": m.list_id,
                "list_name": m.list_name,
                "snapshot": m.snapshot,
                "entry": m.entry,
                "score": m.score,
            }
            for m in f.lists
        ]
    if f.control_candidates:
        props["control_candidates"] = [c.to_dict() for c in f.control_candidates]
    if f.reasons:
        props["reasons"] = list(f.reasons)
    res["properties"] = props
    return res


def _fingerprints(doc: DocumentResult) -> list[str]:
    """Finding.fingerprint where set, else the same content hash the baseline uses (path as given)."""
    rel = relative_path(doc.path, None)
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for f in doc.findings:
        key = (f.rule_id, normalise(f.text), normalise(f.context))
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(f.fingerprint or fingerprint(f, rel, n))
    return out


def build_sarif(result: ScanResult) -> dict[str, Any]:
    """The SARIF log as a dict."""
    note = str(result.knowledge.get("guidance_note", ""))
    by_rule: dict[str, list[Finding]] = {}
    for doc in result.documents:
        for f in doc.findings:
            by_rule.setdefault(f.rule_id, []).append(f)
    rule_ids = list(by_rule)
    rules = [_rule(by_rule[r][0], rule_help(result, by_rule[r][0]), note, by_rule[r]) for r in rule_ids]
    index = {r: i for i, r in enumerate(rule_ids)}
    results = []
    for doc in result.documents:
        for f, fp in zip(doc.findings, _fingerprints(doc), strict=True):
            results.append(_result(doc, f, index[f.rule_id], fp))
    errors = [d for d in result.documents if d.status == "error"]
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    notes = [(d, "error", d.error or "could not be read") for d in errors]
    notes += [(d, "warning", w) for d in result.documents for w in d.warnings]  # e.g. a language not covered
    if notes:
        invocation["toolExecutionNotifications"] = [
            {
                "level": level,
                "message": {"text": f"{d.path}: {text}"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location(d.path)}}],
            }
            for d, level, text in notes
        ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "grantscan",
                "semanticVersion": result.tool_version or __version__,
                "informationUri": information_uri(),
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": Path(os.getcwd()).as_uri().rstrip("/") + "/"}},
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(result: ScanResult) -> str:
    """SARIF 2.1.0 JSON text."""
    return json.dumps(build_sarif(result), indent=2, ensure_ascii=False) + "\n"
