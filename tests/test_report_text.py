"""Terminal report: grouping, highlighted match, guidance, declarations, errors, summary, colour rules."""

from __future__ import annotations

import re

import pytest

from grantscan.model import DocumentResult, Finding, Location, ScanResult
from grantscan.report import FORMATS, render
from grantscan.report.text import use_color
from tests.fixtures.report.sample import build_result

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_formats_and_unknown_format() -> None:
    assert FORMATS == ("text", "json", "sarif", "csv", "md", "html")
    with pytest.raises(ValueError, match="unknown report format 'xml'"):
        render(build_result(), "xml")


def test_plain_text_lists_documents_findings_and_guidance() -> None:
    result = build_result()
    out = render(result, "text", color=False)
    assert not ANSI.search(out)
    pdf_block = out[out.index("proposals/drone proposal.pdf") : out.index("agreements/collab.docx")]
    assert "risk 72/100" in pdf_block and "proposal" in pdf_block
    assert "defence end use (high)" in pdf_block
    mil = result.documents[0].findings[0]
    line = next(x for x in pdf_block.splitlines() if "“military use”" in x)
    assert "HIGH" in line and "defence" in line and "finding" in line
    assert mil.location.describe() in line and "×2" in line
    assert mil.action in " ".join(pdf_block.split())
    assert (
        mil.links[0]["url"]
        in pdf_block.splitlines()[
            pdf_block.splitlines().index(
                next(x for x in pdf_block.splitlines() if mil.links[0]["title"] in x)
            )
            + 1
        ]
    )
    assert "body ¶15, § 12" in out and "line 14:11" in out
    assert "US Entity List (2025-06-30)" in out


def test_declarations_are_separate_and_suppressed_hidden_by_default() -> None:
    out = render(build_result(), "text", color=False)
    decl_at = out.index("Declarations (shown, not counted): 1")
    assert out.index("“military applications”") > decl_at
    assert "large language model" not in out and "assigns all Foreground" not in out
    shown = render(build_result(), "text", color=False, show_suppressed=True)
    assert "large language model" in shown and "suppressed: inline: reviewed 2026-01" in shown


def test_errors_and_summary() -> None:
    out = render(build_result(), "text", color=False)
    assert "✗ broken.pdf  error: encrypted: password required" in out
    summary = out[out.index("Summary:") :]
    assert "4 documents scanned, 3 ok, 1 could not be read" in summary
    assert "6 findings: high 2, medium 3, low 1, info 0" in summary
    assert "1 declaration" in summary and "2 suppressed" in summary
    assert "ai 1" in summary and "quantum 1" in summary


def test_colour_highlights_the_match_and_document_brackets_stay_literal() -> None:
    f = Finding(
        rule_id="r",
        category="ai",
        text="[bold]LLM[/bold]",
        context="uses a [bold]LLM[/bold] here",
        location=Location(line=3, column=8),
        severity="high",
    )
    result = ScanResult([DocumentResult("a.txt", "ok", findings=[f])])
    coloured = render(result, "text", color=True)
    assert "\x1b[" in coloured
    assert "\x1b[1;7m[bold]LLM[/bold]" in coloured  # the match itself is reverse video, markup literal
    assert "[bold]LLM[/bold]" in ANSI.sub("", coloured)


def test_no_color_and_non_tty(monkeypatch: pytest.MonkeyPatch) -> None:
    assert use_color(True) is True and use_color(False) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(None) is False
    assert not ANSI.search(render(build_result(), "text"))
    monkeypatch.delenv("NO_COLOR")
    # pytest captures stdout, so it is not a terminal
    assert use_color(None) is False
    assert not ANSI.search(render(build_result(), "text"))


def test_empty_document_says_no_findings() -> None:
    out = render(ScanResult([DocumentResult("clean.txt", "ok")]), "text", color=False)
    assert "no findings" in out and "0 findings" in out
