"""Markdown report for a ticket or pull-request comment: a summary table, then per document its warnings,
what to do first, and a table of its findings (high and medium open; low, context and declarations in a
collapsed ``<details>`` block, which GitHub and GitLab render).

Document text is escaped: pipes cannot break a table, and Markdown or HTML markup in a document is shown
literally rather than rendered.
"""

from __future__ import annotations

import re

from ..model import Finding, ScanResult
from . import (
    controls_text,
    first_actions,
    is_host_context,
    knowledge_lines,
    lists_text,
    one_line,
    short_contact,
    shown_findings,
    split_context,
)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")
_SPACE = re.compile(r"\s+")
_BLOCK_START = re.compile(r"^(\s*(?:\d+)?)([#+\-=.)])")


def escape(text: str | None, line_start: bool = False) -> str:
    """Inline-safe Markdown: one line, markup characters backslash-escaped, < & > as entities.

    ``line_start``: the text begins a list item, where '#' or '1.' would start a heading or a list.
    """
    if not text:
        return ""
    one_line = _SPACE.sub(" ", str(text))
    one_line = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    one_line = _MD_SPECIAL.sub(r"\\\1", one_line)
    if not line_start:
        return one_line
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), one_line)


def _link(links: list[dict[str, str]]) -> str:
    if not links:
        return ""
    title = escape(links[0].get("title", "link"))
    url = links[0].get("url", "").replace(")", "%29").replace(" ", "%20")
    return f"[{title}]({url})"


def render_markdown(result: ScanResult, *, show_suppressed: bool = False) -> str:
    """The report as GitHub-flavoured Markdown."""
    s = result.summary()
    out = [f"## grantscan report {escape(result.tool_version)}".rstrip(), ""]
    sev = s["by_severity"]
    out += [
        "| documents | unreadable | findings | high | medium | low | info | declarations | suppressed |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {s['documents']} | {s['errors']} | {s['findings']} | {sev['high']} | {sev['medium']} | "
        f"{sev['low']} | {sev['info']} | {s['declarations']} | {s['suppressed']} |",
        "",
    ]
    knows = knowledge_lines(result)
    if knows:
        out += [("**" + escape(k) + "**") if k.startswith("Warning") else f"_{escape(k)}_" for k in knows]
        out.append("")
    if s["by_category"]:
        out += ["| category | findings |", "|---|---:|"]
        out += [f"| {escape(c)} | {n} |" for c, n in s["by_category"].items()]
        out.append("")
    for doc in result.documents:
        out.append(f"### {escape(doc.path.strip())}")
        out.append("")
        if doc.status == "error":
            out += [f"**Could not be read:** {escape(doc.error)}", ""]
            continue
        facts = [x for x in (doc.format, doc.document_type) if x]
        out.append(
            f"Risk score **{doc.risk_score}/100**" + (f" ({escape(', '.join(facts))})" if facts else "")
        )
        out.append("")
        for reason in doc.risk_reasons:
            out.append(f"- {escape(reason, line_start=True)}")
        if doc.risk_reasons:
            out.append("")
        for w in doc.warnings:
            out += [f"**Warning:** {escape(w)}", ""]
        actions, more = first_actions(doc)
        if actions:
            out += ["**What to do first**", ""]
            for n, (action, fs) in enumerate(actions, 1):
                words = "; ".join(
                    f"“{escape(one_line(f.text))}” ({escape(f.category)}, {f.severity})" for f in fs
                )
                asks = ", ".join(dict.fromkeys(short_contact(c) for f in fs for c in f.contacts))
                out.append(
                    f"{n}. {escape(action)}<br>for: {words}" + (f"<br>ask: {escape(asks)}" if asks else "")
                )
            if more:
                out.append(f"\n_{more} more action{'s' if more != 1 else ''} in the table below._")
            out.append("")
        shown = shown_findings(doc, show_suppressed)
        if not shown:
            out += ["No findings.", ""]
            continue
        main = [
            f
            for f in shown
            if f.kind == "finding" and f.severity in ("high", "medium") and not is_host_context(f)
        ]
        in_main = {id(f) for f in main}
        rest = [f for f in shown if id(f) not in in_main]
        if main:
            out += _table(main)
        if rest:
            out += [
                f"<details><summary>{len(rest)} low, context (info) and declaration finding"
                f"{'s' if len(rest) != 1 else ''}</summary>",
                "",
                *_table(rest),
                "</details>",
                "",
            ]
    return "\n".join(out)


def _table(findings: list[Finding]) -> list[str]:
    out = [
        "| severity | category | kind | match in context | location | count | action | link |",
        "|---|---|---|---|---|---:|---|---|",
    ]
    for f in findings:
        before, match, after = split_context(f)
        ctx = f"{escape(before)}**{escape(match)}**{escape(after)}"
        extra = []
        if f.name or f.country_code:
            extra.append(escape(", ".join(x for x in (f.name, f.country_code) if x)))
        if is_host_context(f):
            extra.append("host country: context")
        if f.lists:
            extra.append("lists: " + escape(lists_text(f)))
        if f.control_candidates:
            extra.append("control list, worth self-rating: " + escape(controls_text(f)))
        if f.suppressed:
            extra.append("suppressed: " + escape(f.suppressed))
        if extra:
            ctx += "<br>" + "<br>".join(extra)
        kind = "declaration" if f.kind == "declaration" else "finding"
        out.append(
            f"| {f.severity} | {escape(f.category)} | {kind} | {ctx} | {escape(f.location.describe())} "
            f"| {f.count} | {escape(f.action)} | {_link(f.links)} |"
        )
    out.append("")
    return out
