"""Terminal report (rich): per document, what to do first, then the findings by severity, then a summary.

Each document starts with its risk and a short "What to do first" list: the few distinct actions its high
and medium findings call for, each with the words that raised it and whom to ask. High and medium findings
follow in full (context, action, official link). Low findings, context (info: organisations not on a list,
the user's own country) and declarations are folded to a line per category; ``detail="verbose"`` unfolds
them and adds the reasons behind every confidence and the whole risk score, ``detail="quiet"`` keeps the
document line, its high findings and the summary.

Colour: ``color`` forces it; otherwise NO_COLOR turns it off, FORCE_COLOR turns it on, TERM=dumb turns it
off, and it is on only when standard output is a terminal. Wrapping happens at word boundaries to the
terminal's width, and only on a terminal: a pipe or a file gets one line per item, whatever its length.
Document text is added as rich ``Text`` (never parsed as markup), so brackets in a document are literal.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import replace
from io import StringIO

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..model import DocumentResult, Finding, ScanResult
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

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}
INDENT = 10
NO_WRAP_WIDTH = 1_000_000  # rich needs a width; with soft wrapping off it never cuts a line at it
MAX_REASONS = 3  # risk reasons shown without --verbose


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def use_color(color: bool | None = None) -> bool:
    """Whether to emit ANSI colour: ``color`` when given, else off under NO_COLOR, on under FORCE_COLOR,
    off under TERM=dumb, else on only when standard output is a terminal (NO_COLOR wins over FORCE_COLOR,
    as in CPython)."""
    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return _stdout_is_terminal()


def text_width(width: int | str | None = "auto") -> int | None:
    """Columns to wrap at: the terminal's width when ``width`` is "auto" and standard output is a terminal,
    None (no wrapping) when it is not."""
    if width == "auto":
        return shutil.get_terminal_size((80, 24)).columns if _stdout_is_terminal() else None
    return width if isinstance(width, int) else None


class _Printer:
    """Prints rich ``Text`` with a hanging indent: wrapped at word boundaries when there is a width, on one
    line otherwise."""

    def __init__(self, console: Console, wrap: bool):
        self.console, self.wrap = console, wrap

    def __call__(self, text: Text, indent: int = 0) -> None:
        if self.wrap:
            self.console.print(Padding(text, (0, 0, 0, indent), expand=False))
        else:
            self.console.print(Text(" " * indent) + text, soft_wrap=True)

    def hang(self, label: Text, text: Text, indent: int = 0) -> None:
        """``label`` then ``text``, wrapped lines of ``text`` aligned under its first character."""
        if not self.wrap:
            self(label + text, indent)
            return
        grid = Table.grid(padding=0)
        grid.add_column(width=label.cell_len, no_wrap=True)
        grid.add_column(overflow="fold")  # a word wider than the terminal (a path) is folded, not cut
        grid.add_row(label, text)
        self.console.print(Padding(grid, (0, 0, 0, indent), expand=False))

    def url(self, url: str, indent: int) -> None:
        # a URL is never wrapped, so it stays clickable and copyable
        self.console.print(
            Text(" " * indent + url, style="blue"),
            no_wrap=True,
            overflow="ignore",
            crop=False,
            soft_wrap=True,
        )

    def blank(self) -> None:
        self.console.print()


def render_text(
    result: ScanResult,
    *,
    color: bool | None = None,
    show_suppressed: bool = False,
    detail: str = "normal",
    width: int | str | None = "auto",
) -> str:
    """Human-readable report as a string (ANSI codes only when colour is on)."""
    if detail not in ("quiet", "normal", "verbose"):
        raise ValueError(f"unknown detail level '{detail}' (quiet, normal, verbose)")
    on = use_color(color)
    columns = text_width(width)
    buf = StringIO()
    console = Console(
        file=buf,
        force_terminal=on,
        no_color=not on,
        color_system="standard" if on else None,
        width=columns or NO_WRAP_WIDTH,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )
    out = _Printer(console, wrap=columns is not None)
    for doc in result.documents:
        _document(out, doc, show_suppressed, detail)
        out.blank()
    _summary(out, result)
    text = buf.getvalue()
    return text if on else "\n".join(line.rstrip() for line in text.split("\n"))


def _document(out: _Printer, doc: DocumentResult, show_suppressed: bool, detail: str) -> None:
    head = Text()
    if doc.status == "error":
        head.append(doc.path, style="bold red")
        head.append(f"  error: {doc.error or 'unreadable'}", style="red")
        out.hang(Text("✗ ", style="bold red"), head)
        return
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
    out.hang(Text("■ ", style="bold"), head)
    for w in doc.warnings:
        out(Text(f"! warning: {w}", style="yellow"), 2)
    if doc.risk_reasons and detail != "quiet":
        shown = doc.risk_reasons if detail == "verbose" else doc.risk_reasons[:MAX_REASONS]
        line = Text("risk: " + "; ".join(shown), style="dim")
        if len(shown) < len(doc.risk_reasons):
            line.append(f" (+{len(doc.risk_reasons) - len(shown)} more with --verbose)", style="dim")
        out(line, 2)

    shown_all = shown_findings(doc, show_suppressed)
    findings = [f for f in shown_all if f.kind != "declaration"]
    declarations = [f for f in shown_all if f.kind == "declaration"]
    if detail == "quiet":
        for f in findings:
            if f.severity == "high":
                _compact(out, f)
        return
    if findings:
        _first(out, doc)
    by_severity: dict[str, list[Finding]] = {"high": [], "medium": [], "low": [], "info": []}
    for f in findings:
        key = "info" if is_host_context(f) else f.severity
        by_severity.setdefault(key, []).append(f)
    verbose = detail == "verbose"
    for severity in ("high", "medium"):
        fs = by_severity[severity]
        if fs:
            out(Text(f"{severity.upper()} ({len(fs)})", style=SEVERITY_STYLE[severity]), 2)
            for f in fs:
                _finding(out, f, verbose)
    for severity, title in (("low", "LOW"), ("info", "CONTEXT (info: named, nothing to act on)")):
        fs = by_severity[severity]
        if not fs:
            continue
        out(Text(f"{title} ({len(fs)})", style=SEVERITY_STYLE[severity]), 2)
        if verbose:
            for f in fs:
                _finding(out, f, verbose)
        else:
            _folded(out, fs)
    if not findings:
        out(Text("no findings", style="green"), 2)
    if declarations:
        out(Text(f"Declarations (shown, not counted): {len(declarations)}", style="dim bold"), 2)
        for f in declarations:
            _declaration(out, f, verbose)


def _first(out: _Printer, doc: DocumentResult) -> None:
    actions, more = first_actions(doc)
    if not actions:
        out(Text("What to do first: nothing needs action (no high or medium finding).", style="green"), 2)
        return
    out(Text("What to do first", style="bold"), 2)
    for n, (action, fs) in enumerate(actions, 1):
        out.hang(Text(f"{n}. ", style="bold"), Text(action, style="bold"), 4)
        words = []
        for f in fs:
            where = replace(f.location, section=None).describe()
            what = f"“{one_line(f.text)}” ({f.category}, {f.severity}, {where}"
            what += f" ×{f.count})" if f.count > 1 else ")"
            words.append(what)
        out(Text("for: " + "; ".join(words)), 7)
        contacts = list(dict.fromkeys(short_contact(c) for f in fs for c in f.contacts))
        if contacts:
            out(Text("ask: " + ", ".join(contacts), style="green"), 7)
    if more:
        out(Text(f"(+{more} more action{'s' if more != 1 else ''} in the findings below)", style="dim"), 4)


def _context(f: Finding, style: str) -> Text:
    before, match, after = split_context(f)
    t = Text(style=style)
    t.append(before, style=style)
    t.append(match, style="bold reverse" if style != "dim" else "dim underline")
    t.append(after, style=style)
    return t


def _head(f: Finding) -> Text:
    """The finding's line after its severity label."""
    line = Text()
    line.append(f"{f.category}", style="bold")
    sub = (f.subcategory or "").removeprefix(f"{f.category}/")
    if sub and sub != f.category:
        line.append(f" ({sub})")
    line.append(f"  {f.kind}  ", style="dim")
    line.append(f"“{one_line(f.text)}”", style="bold")
    line.append(f"  {f.location.describe()}")
    if f.count > 1:
        line.append(f"  ×{f.count}")
    line.append(f"  [{f.rule_id} {f.confidence:.2f}]", style="dim")
    return line


def _finding(out: _Printer, f: Finding, verbose: bool) -> None:
    out.hang(Text(f"{f.severity.upper():<8}", style=SEVERITY_STYLE.get(f.severity, "")), _head(f), 4)
    if f.suppressed:
        out(Text(f"suppressed: {f.suppressed}", style="dim"), INDENT)
    if f.country_code or f.name:
        out(Text(", ".join(one_line(x) for x in (f.name, f.country_code) if x), style="dim"), INDENT)
    if f.lists:
        out(Text(f"lists: {lists_text(f)}", style="bold red"), INDENT)
    if f.control_candidates:
        out(Text(f"control list, worth self-rating: {controls_text(f)}", style="magenta"), INDENT)
        if verbose:
            for c in f.control_candidates:
                out(Text(f"{c.entry} {c.title}: {'; '.join(c.why)}", style="dim"), INDENT + 2)
    out(_context(f, ""), INDENT)
    if verbose and f.reasons:
        out(Text("reasons: " + "; ".join(f.reasons), style="dim"), INDENT)
    if f.action:
        out(Text(f"→ {one_line(f.action)}", style="green"), INDENT)
    if f.links:
        link = f.links[0]
        out(Text(f"↗ {link.get('title', '')}", style="blue"), INDENT)
        out.url(link.get("url", ""), INDENT)


def _compact(out: _Printer, f: Finding) -> None:
    """One line: severity, category, the words, where; then the action."""
    line = Text(f"{f.category}  “{one_line(f.text)}”  {f.location.describe()}")
    if f.count > 1:
        line.append(f"  ×{f.count}")
    if f.action:
        line.append(f"  → {one_line(f.action)}", style="green")
    out.hang(Text(f"{f.severity.upper():<8}", style=SEVERITY_STYLE.get(f.severity, "")), line, 4)


def _folded(out: _Printer, fs: list[Finding]) -> None:
    """A line per category: each finding's words (or name) with its count; --verbose unfolds them."""
    by_cat: dict[str, list[str]] = {}
    for f in fs:
        label = one_line(f.name) if f.category in ("country", "organisation") and f.name else one_line(f.text)
        if is_host_context(f):
            label += " (host country)"
        if f.suppressed:
            label += " (suppressed)"
        by_cat.setdefault(f.category, []).append(label + (f" ×{f.count}" if f.count > 1 else ""))
    for cat, labels in by_cat.items():
        line = Text(f"{cat}: ", style="bold")
        line.append(", ".join(dict.fromkeys(labels)))
        out(line, 4)


def _declaration(out: _Printer, f: Finding, verbose: bool) -> None:
    line = Text(f"{f.category}  “{one_line(f.text)}”  {f.location.describe()}", style="dim")
    if f.answer:
        line.append(f"  answer: {f.answer}", style="dim")
    if f.suppressed:
        line.append(f"  suppressed: {f.suppressed}", style="dim")
    out(line, 4)
    out(_context(f, "dim"), INDENT)
    if verbose and f.reasons:
        out(Text("reasons: " + "; ".join(f.reasons), style="dim"), INDENT)


def _summary(out: _Printer, result: ScanResult) -> None:
    s = result.summary()
    head = Text("Summary: ", style="bold")
    head.append(f"{s['documents']} document{'s' if s['documents'] != 1 else ''} scanned, {s['ok']} ok")
    if s["errors"]:
        head.append(f", {s['errors']} could not be read", style="bold red")
    warned = sum(1 for d in result.documents if d.warnings)
    if warned:
        head.append(f", {warned} with warnings", style="yellow")
    out(head)
    sev = Text(f"{s['findings']} finding{'s' if s['findings'] != 1 else ''}: ")
    for i, (name, n) in enumerate(s["by_severity"].items()):
        if i:
            sev.append(", ")
        sev.append(f"{name} {n}", style=SEVERITY_STYLE.get(name, "") if n else "dim")
    sev.append(f"; {s['declarations']} declaration{'s' if s['declarations'] != 1 else ''}", style="dim")
    sev.append(f"; {s['suppressed']} suppressed", style="dim")
    out(sev, 2)
    for line in knowledge_lines(result):
        out(Text(line, style="yellow" if line.startswith("Warning") else "dim"), 2)
    if s["by_category"]:
        cats = ", ".join(
            f"{c} {n}" for c, n in sorted(s["by_category"].items(), key=lambda kv: (-kv[1], kv[0]))
        )
        out(Text(f"by category: {cats}"), 2)
