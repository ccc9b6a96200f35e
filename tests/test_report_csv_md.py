"""CSV (one row per finding, formula-safe) and Markdown (summary + escaped per-document tables)."""

from __future__ import annotations

import csv
import io

from grantscan.model import DocumentResult, Finding, Location, ScanResult
from grantscan.report import render
from grantscan.report.csv import COLUMNS, safe_cell
from grantscan.report.markdown import escape
from tests.fixtures.report.sample import build_result


def rows(result: ScanResult, **kw: bool) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(result, "csv", **kw))))


def test_header_and_one_row_per_shown_finding() -> None:
    result = build_result()
    text = render(result, "csv")
    assert text.splitlines()[0].split(",") == list(COLUMNS)
    for col in (
        "path",
        "rule_id",
        "category",
        "kind",
        "severity",
        "confidence",
        "text",
        "context",
        "page",
        "part",
        "paragraph",
        "line",
        "country_code",
        "name",
        "lists",
        "action",
        "link",
    ):
        assert col in COLUMNS
    got = rows(result)
    unsuppressed = sum(1 for d in result.documents for f in d.findings if not f.suppressed)
    assert len(got) == unsuppressed + 1  # + the unreadable file
    assert len(rows(result, show_suppressed=True)) == sum(len(d.findings) for d in result.documents) + 1


def test_location_and_partner_columns() -> None:
    result = build_result()
    got = {r["rule_id"]: r for r in rows(result)}
    mil = got["defence-military-use"]
    f = result.documents[0].findings[0]
    assert mil["path"] == "proposals/drone proposal.pdf"
    assert mil["page"] == str(f.location.page) and mil["section"] == "2.1" and mil["line"] == ""
    assert mil["count"] == "2" and mil["severity"] == "high" and mil["confidence"] == "0.85"
    assert mil["action"] == f.action and mil["link"] == f.links[0]["url"]
    law = got["clause-law-foreign"]
    # 0-based inside grantscan (paragraph=14), 1-based as every report shows it ("body ¶15")
    assert (law["part"], law["paragraph"], law["page"]) == ("body", "15", "")
    q = got["quantum-sensing"]
    assert (q["line"], q["column"]) == ("14", "11")
    assert got["country"]["country_code"] == "CN"
    org = got["org-list-match"]
    assert org["name"] == "National University of Defense Technology"
    assert org["lists"] == "US Entity List (2025-06-30): National University of Defense Technology 0.97"
    assert got["decl-military"]["kind"] == "declaration" and got["decl-military"]["answer"] == "No"
    err = next(r for r in rows(result) if r["path"] == "broken.pdf")
    assert err["kind"] == "error" and err["context"] == "encrypted: password required"


def test_document_warnings_get_a_row_of_their_own() -> None:
    result = build_result()
    result.documents[2].warnings = ["written in French (fr, confidence 0.99): the rules cover English only"]
    warned = [r for r in rows(result) if r["kind"] == "warning"]
    assert [(r["path"], r["context"]) for r in warned] == [("notes/plan.md", result.documents[2].warnings[0])]
    md = render(result, "md")
    assert "**Warning:** written in French (fr, confidence 0.99)" in md


def test_formula_injection_is_neutralised() -> None:
    for bad in ("=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(bad) == "'" + bad
    assert safe_cell("plain") == "plain" and safe_cell(3) == 3
    f = Finding(
        rule_id="r",
        category="ai",
        text='=HYPERLINK("http://evil")',
        context="@x, -y",
        location=Location(line=1),
        name="+Corp",
    )
    got = rows(ScanResult([DocumentResult("a.txt", "ok", findings=[f])]))[0]
    assert (
        got["text"] == '\'=HYPERLINK("http://evil")'
        and got["context"] == "'@x, -y"
        and got["name"] == "'+Corp"
    )
    assert rows(build_result())[0]["text"] == "military use"


def test_markdown_summary_and_tables() -> None:
    md = render(build_result(), "md")
    lines = md.splitlines()
    assert lines[0] == "## grantscan report 9.9.9"
    head = lines.index(
        "| documents | unreadable | findings | high | medium | low | info | declarations | suppressed |"
    )
    assert lines[head + 2] == "| 4 | 1 | 6 | 2 | 3 | 1 | 0 | 1 | 2 |"
    assert "### proposals/drone proposal.pdf" in lines
    assert "Risk score **72/100** (pdf, proposal)" in lines
    row = next(x for x in lines if "**military use**" in x)
    assert row.startswith("| high | defence | finding | We will develop")
    assert "| p. 3, § 2.1 | 2 |" in row
    assert "[UK Strategic Export Control Lists](https://www.gov.uk/uk-strategic-export-control-lists" in row
    assert "| body ¶15, § 12 |" in md and "| line 14:11 |" in md
    assert "**Could not be read:** encrypted: password required" in md
    assert "large language model" not in md
    assert "large language model" in render(build_result(), "md", show_suppressed=True)


def test_markdown_escapes_document_text() -> None:
    md = render(build_result(), "md")
    row = next(x for x in md.splitlines() if "HYPERLINK" in x)
    assert "<script>" not in md and "&lt;script&gt;" in row
    assert "\\*\\*bold\\*\\*" in row
    # every unescaped pipe is a cell border: the row still has the header's 8 cells
    cells = row.replace("\\|", "").count("|")
    assert cells == 9
    assert escape("a|b\nc") == "a\\|b c"
    assert escape("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert escape("# heading", line_start=True) == "\\# heading"
    assert escape("1. item", line_start=True) == "1\\. item" and escape("1. item") == "1. item"
