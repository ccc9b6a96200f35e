"""Terminal report (rich): findings grouped by document, guidance action and link, then a summary.

Colour follows the NO_COLOR convention and is off when stdout is not a terminal; ``color`` forces it.
Document text is added as rich ``Text`` (never parsed as markup), so brackets in a document are literal.
"""

from __future__ import annotations

import os
import shutil
import sys
from io import StringIO

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from ..model import DocumentResult, Finding, ScanResult
from . import lists_text, shown_findings, split_context

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}
PLAIN_WIDTH = 100
INDENT = 10


def use_color(color: bool | None = None) -> bool:
    """Whether to emit ANSI colour: forced by ``color``, else off under NO_COLOR or when not a TTY."""
    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def render_text(result: ScanResult, *, color: bool | None = None, show_suppressed: bool = False) -> str:
    """Human-readable report as a string (ANSI codes only when colour is on)."""
    on = use_color(color)
    width = shutil.get_terminal_size((PLAIN_WIDTH, 24)).columns if on else PLAIN_WIDTH
    buf = StringIO()
    console = Console(
        file=buf,
        force_terminal=on,
        no_color=not on,
        color_system="standard" if on else None,
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )
    for doc in result.documents:
        _document(console, doc, show_suppressed)
        console.print()
    _summary(console, result)
    out = buf.getvalue()
    return out if on else "\n".join(line.rstrip() for line in out.split("\n"))


def _document(console: Console, doc: DocumentResult, show_suppressed: bool) -> None:
    head = Text()
    if doc.status == "error":
        head.append("✗ ", style="bold red")
        head.append(doc.path, style="bold red")
        head.append(f"  error: {doc.error or 'unreadable'}", style="red")
        console.print(head)
        return
    head.append("■ ", style="bold")
    head.append(doc.path, style="bold")
    facts = [doc.status]
    if doc.format:
        facts.append(doc.format)
    if doc.pages:
        facts.append(f"{doc.pages} page{'s' if doc.pages != 1 else ''}")
    if doc.document_type:
        facts.append(doc.document_type)
    facts.append(f"risk {doc.risk_score}/100")
    head.append("  " + " · ".join(facts), style="dim")
    console.print(head)
    if doc.risk_reasons:
        console.print(Text("  risk: " + "; ".join(doc.risk_reasons), style="dim"))
    shown = shown_findings(doc, show_suppressed)
    findings = [f for f in shown if f.kind != "declaration"]
    declarations = [f for f in shown if f.kind == "declaration"]
    if not findings:
        console.print(Text("  no findings", style="green"))
    for f in findings:
        _finding(console, f)
    if declarations:
        console.print(Text(f"  Declarations (shown, not counted): {len(declarations)}", style="dim bold"))
        for f in declarations:
            _declaration(console, f)


def _indented(console: Console, text: Text, indent: int = INDENT) -> None:
    """Print ``text`` wrapped with every line indented (continuation lines too)."""
    console.print(Padding(text, (0, 0, 0, indent), expand=False))


def _context(f: Finding, style: str) -> Text:
    before, match, after = split_context(f)
    t = Text(style=style)
    t.append(before, style=style)
    t.append(match, style="bold reverse" if style != "dim" else "dim underline")
    t.append(after, style=style)
    return t


def _finding(console: Console, f: Finding) -> None:
    line = Text()
    line.append(f"{f.severity.upper():<8}", style=SEVERITY_STYLE.get(f.severity, ""))
    line.append(f"{f.category}", style="bold")
    sub = (f.subcategory or "").removeprefix(f"{f.category}/")
    if sub and sub != f.category:
        line.append(f" ({sub})")
    line.append(f"  {f.kind}  ", style="dim")
    line.append(f"“{' '.join(f.text.split())}”", style="bold")
    line.append(f"  {f.location.describe()}")
    if f.count > 1:
        line.append(f"  ×{f.count}")
    line.append(f"  [{f.rule_id} {f.confidence:.2f}]", style="dim")
    _indented(console, line, 2)
    if f.suppressed:
        _indented(console, Text(f"suppressed: {f.suppressed}", style="dim"))
    if f.country_code or f.name:
        _indented(console, Text(", ".join(x for x in (f.name, f.country_code) if x), style="dim"))
    if f.lists:
        _indented(console, Text(f"lists: {lists_text(f)}", style="bold red"))
    _indented(console, _context(f, ""))
    if f.action:
        _indented(console, Text(f"→ {f.action}", style="green"))
    if f.links:
        link = f.links[0]
        _indented(console, Text(f"↗ {link.get('title', '')}", style="blue"))
        # a URL is never wrapped, so it stays clickable and copyable
        console.print(
            Text(" " * INDENT + link.get("url", ""), style="blue"),
            no_wrap=True,
            overflow="ignore",
            crop=False,
        )


def _declaration(console: Console, f: Finding) -> None:
    line = Text(f"{f.category}  “{' '.join(f.text.split())}”  {f.location.describe()}", style="dim")
    if f.answer:
        line.append(f"  answer: {f.answer}", style="dim")
    if f.suppressed:
        line.append(f"  suppressed: {f.suppressed}", style="dim")
    _indented(console, line, 4)
    _indented(console, _context(f, "dim"))


def _summary(console: Console, result: ScanResult) -> None:
    s = result.summary()
    head = Text("Summary: ", style="bold")
    head.append(f"{s['documents']} document{'s' if s['documents'] != 1 else ''} scanned, {s['ok']} ok")
    if s["errors"]:
        head.append(f", {s['errors']} could not be read", style="bold red")
    console.print(head)
    sev = Text(f"  {s['findings']} finding{'s' if s['findings'] != 1 else ''}: ")
    for i, (name, n) in enumerate(s["by_severity"].items()):
        if i:
            sev.append(", ")
        sev.append(f"{name} {n}", style=SEVERITY_STYLE.get(name, "") if n else "dim")
    sev.append(f"; {s['declarations']} declaration{'s' if s['declarations'] != 1 else ''}", style="dim")
    sev.append(f"; {s['suppressed']} suppressed", style="dim")
    console.print(sev)
    if s["by_category"]:
        cats = ", ".join(
            f"{c} {n}" for c, n in sorted(s["by_category"].items(), key=lambda kv: (-kv[1], kv[0]))
        )
        console.print(Text(f"  by category: {cats}"))
