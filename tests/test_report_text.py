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
    line = next(x for x in pdf_block.splitlines() if "“military use”" in x and x.strip().startswith("HIGH"))
    assert "defence" in line and "finding" in line
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


def test_no_color_force_color_dumb_terminal_and_non_tty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert use_color(True) is True and use_color(False) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(None) is False
    assert not ANSI.search(render(build_result(), "text"))
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color(None) is False  # NO_COLOR wins, as in CPython
    monkeypatch.delenv("NO_COLOR")
    assert use_color(None) is True and ANSI.search(render(build_result(), "text"))
    assert use_color(False) is False  # --no-color wins over both
    monkeypatch.delenv("FORCE_COLOR")
    # pytest captures stdout, so it is not a terminal
    assert use_color(None) is False
    assert not ANSI.search(render(build_result(), "text"))
    monkeypatch.setattr("grantscan.report.text._stdout_is_terminal", lambda: True)
    assert use_color(None) is True
    monkeypatch.setenv("TERM", "dumb")
    assert use_color(None) is False
    assert use_color(True) is True


def test_empty_document_says_no_findings() -> None:
    out = render(ScanResult([DocumentResult("clean.txt", "ok")]), "text", color=False)
    assert "no findings" in out and "0 findings" in out


def _section(out: str, start: str, end: str | None = None) -> str:
    body = out[out.index(start) :]
    return body[: body.index(end)] if end else body


def test_what_to_do_first_leads_with_the_actions_in_order_and_whom_to_ask() -> None:
    result = build_result()
    out = render(result, "text", color=False, width=None)
    pdf = _section(out, "proposals/drone proposal.pdf", "agreements/collab.docx")
    first = _section(pdf, "What to do first", "HIGH (2)")
    lines = [x.strip() for x in first.splitlines()]
    # the screening-list match first, then the defence end use, then the medium country
    numbered = [x for x in lines if x[:2] in ("1.", "2.", "3.", "4.")]
    org, mil, country = (result.documents[0].findings[i] for i in (1, 0, 2))
    assert numbered == [f"1. {org.action}", f"2. {mil.action}", f"3. {country.action}"]
    assert "for: “NUDT” (organisation, high, p. 4)" in lines
    assert "for: “military use” (defence, high, p. 3 ×2)" in lines
    ask = next(x for x in lines if x.startswith("ask:"))
    assert ask.startswith("ask: your research office, ") and "RCAT" in ask
    # low findings and declarations never make the list; the first block comes before any finding
    assert "HYPERLINK" not in first and "military applications" not in first
    assert (
        pdf.index("What to do first") < pdf.index("HIGH (2)") < pdf.index("MEDIUM (1)") < pdf.index("LOW (1)")
    )
    lows = ScanResult([DocumentResult("a.txt", "ok", findings=[result.documents[0].findings[3]])])
    assert "What to do first: nothing needs action" in render(lows, "text", color=False)
    clean = render(ScanResult([DocumentResult("clean.txt", "ok")]), "text", color=False)
    assert "no findings" in clean and "What to do first" not in clean


def test_low_and_context_are_folded_and_the_host_country_is_context() -> None:
    host = Finding(
        rule_id="country",
        category="country",
        text="UK",
        context="Work in the UK and the\nUnited   Kingdom.",
        location=Location(line=2, column=13),
        severity="info",
        country_code="GB",
        name="United Kingdom",
        occurrences=[Location(line=2, column=13), Location(line=2, column=24)],
        reasons=["host country (GB): context, not a finding to act on"],
        action="Note the country.",
    )
    org = Finding(
        rule_id="org-university",
        category="organisation",
        text="Harbin Institute of\nTechnology",
        context="with the Harbin Institute of\nTechnology",
        location=Location(page=2),
        severity="low",
        name="Harbin Institute of\nTechnology",
        action="Do partner due diligence.",
    )
    doc = DocumentResult("a.pdf", "ok", findings=[host, org])
    out = render(ScanResult([doc]), "text", color=False, width=None)
    assert "What to do first: nothing needs action" in out
    assert "    organisation: Harbin Institute of Technology\n" in out  # one line, whitespace collapsed
    assert (
        "CONTEXT (info: named, nothing to act on) (1)\n    country: United Kingdom (host country) ×2\n" in out
    )
    assert "Note the country." not in out and "Do partner due diligence." not in out  # folded
    verbose = render(ScanResult([doc]), "text", color=False, width=None, detail="verbose")
    assert "“Harbin Institute of Technology”" in verbose and "Do partner due diligence." in verbose
    assert "reasons: host country (GB): context, not a finding to act on" in verbose
    assert "Work in the UK and the United Kingdom." in verbose


def test_quiet_keeps_the_summary_and_high_findings_only() -> None:
    out = render(build_result(), "text", color=False, width=None, detail="quiet")
    assert "“military use”" in out and "“NUDT”" in out and "Summary:" in out
    for gone in ("What to do first", "China", "quantum gravimeter", "military applications", "risk: "):
        assert gone not in out, gone
    assert (
        len(out.splitlines()) < len(render(build_result(), "text", color=False, width=None).splitlines()) / 3
    )


def test_verbose_shows_every_risk_reason_and_the_confidence_reasons() -> None:
    result = build_result()
    result.documents[0].risk_reasons = [f"+{n} reason {n}" for n in range(1, 7)]
    normal = render(result, "text", color=False, width=None)
    assert "+1 reason 1; +2 reason 2; +3 reason 3 (+3 more with --verbose)" in normal
    assert "reasons: +0.15 'military' in sentence" not in normal
    verbose = render(result, "text", color=False, width=None, detail="verbose")
    assert "+6 reason 6" in verbose and "reasons: +0.15 'military' in sentence" in verbose
    with pytest.raises(ValueError, match="unknown detail level"):
        render(result, "text", detail="loud")


def test_wraps_at_word_boundaries_to_the_width_and_not_at_all_without_one() -> None:
    result = build_result()
    flat = render(result, "text", color=False, width=None)
    narrow = render(result, "text", color=False, width=50)
    urls = {lk["url"] for d in result.documents for f in d.findings for lk in f.links}
    for line in narrow.splitlines():
        assert len(line) <= 50 or line.strip() in urls, line
    assert narrow.split() == flat.split()  # the same words in the same order: none was cut in two
    assert max(len(x) for x in flat.splitlines()) > 100  # a pipe or a file gets whole lines
    mil = result.documents[0].findings[0]
    assert any(x.strip() == f"→ {mil.action}" for x in flat.splitlines())


def test_width_auto_follows_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from grantscan.report.text import text_width

    assert text_width("auto") is None  # pytest's stdout is not a terminal
    monkeypatch.setattr("grantscan.report.text._stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "72")
    assert text_width("auto") == 72 and text_width(None) is None and text_width(90) == 90
    assert (
        max(len(x) for x in render(build_result(), "text", color=False).splitlines() if "https://" not in x)
        <= 72
    )


def test_document_warnings_are_shown_and_counted() -> None:
    result = build_result()
    result.documents[2].warnings = ["written in French (fr, confidence 0.99): the rules cover English only"]
    out = render(result, "text", color=False, width=None)
    block = _section(out, "notes/plan.md", "broken.pdf")
    assert "  ! warning: written in French (fr, confidence 0.99): the rules cover English only" in block
    assert "3 ok, 1 could not be read, 1 with warnings" in out
