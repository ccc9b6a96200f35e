"""Research-office triage: ranking, checklist answers and the text/CSV/JSON/HTML renderers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from grantscan import triage as triage_mod
from grantscan.knowledge.loader import PackError
from grantscan.model import DocumentResult, Finding, ListMatch, Location, ScanResult
from grantscan.report.triage import CSV_COLUMNS, render_triage, safe_cell
from grantscan.triage import FLAGGED, NEEDS_HUMAN, NO_CONCERN, build_triage, load_checklist


def f(rule_id: str, category: str, text: str = "x", **kw: object) -> Finding:
    return Finding(
        rule_id=rule_id,
        category=category,
        text=text,
        context=text,
        location=kw.pop("location", Location(line=1)),
        **kw,
    )  # type: ignore[arg-type]


def risky_agreement() -> DocumentResult:
    return DocumentResult(
        path="deals/risky-agreement.docx",
        status="ok",
        document_type="agreement",
        risk_score=85,
        risk_reasons=[
            "listed partner",
            "controlled technology without export clause",
            "non-UK law",
            "fourth reason",
        ],
        findings=[
            f("quantum-sensing", "quantum", "quantum sensing"),
            f(
                "org-list",
                "organisation",
                "NUDT",
                name="National University of Defense Technology",
                lists=[ListMatch("uk-sanctions", "UK Sanctions List", "2026-01", "NUDT", 0.97)],
            ),
            f("org", "organisation", "University of Exampleton"),
            f("country", "country", "China", country_code="CN"),
            f("country", "country", "France", country_code="FR"),
            f("clause-governing-law", "clause-law", "governed by the laws", country_code="CN"),
            f(
                "clause-law-non-uk",
                "clause-law",
                "governing law outside the UK: China (CN)",
                country_code="CN",
                severity="medium",
            ),
            f("clause-ip-ownership", "clause-ip", "Foreground IP"),
            f("clause-ip-assignment", "clause-ip", "IP assigned to the sponsor", severity="medium"),
            f("clause-publication-review", "clause-publication", "prior review"),
            f(
                "clause-export-missing",
                "quantum",
                "no export-control clause",
                severity="medium",
                location=Location(line=1, column=1),
            ),
        ],
    )


def clean_agreement() -> DocumentResult:
    return DocumentResult(
        path="deals/clean-agreement.txt",
        status="ok",
        document_type="agreement",
        risk_score=5,
        findings=[
            f("org", "organisation", "University of Exampleton"),
            f("country", "country", "France", country_code="FR"),
            f("clause-governing-law", "clause-law", "governed by English law", country_code="GB"),
            f("clause-ip-ownership", "clause-ip", "Background IP remains with its owner"),
            f("clause-publication-review", "clause-publication", "30 days to review"),
            f("clause-export-control", "clause-export", "export control laws"),
        ],
    )


def proposal() -> DocumentResult:
    return DocumentResult(
        path="props/plain.pdf",
        status="ok",
        document_type="proposal",
        risk_score=20,
        findings=[
            f("ai-ml", "ai", "deep learning", severity="low", confidence=0.7),
            f("decl", "clause-export", "Do you plan to export any material? No", kind="declaration"),
        ],
    )


def broken() -> DocumentResult:
    return DocumentResult(path="props/scan.pdf", status="error", error="no text layer (scanned?)")


@pytest.fixture
def result() -> ScanResult:
    return ScanResult([clean_agreement(), broken(), proposal(), risky_agreement()], tool_version="9.9")


def by_id(row: triage_mod.TriageRow) -> dict[str, triage_mod.ChecklistAnswer]:
    return {a.id: a for a in row.checklist}


# --- core -------------------------------------------------------------------------------------------


def test_rows_ranked_by_risk_errors_last(result: ScanResult) -> None:
    t = build_triage(result)
    assert [r.path for r in t.rows] == [
        "deals/risky-agreement.docx",
        "props/plain.pdf",
        "deals/clean-agreement.txt",
        "props/scan.pdf",
    ]
    assert [r.risk_score for r in t.rows[:3]] == sorted((r.risk_score for r in t.rows[:3]), reverse=True)
    assert t.rows[-1].status == "error" and t.rows[-1].error == "no text layer (scanned?)"
    assert t.rows[-1].checklist == []


def test_row_content(result: ScanResult) -> None:
    row = build_triage(result).rows[0]
    assert row.top_reasons == ["listed partner", "controlled technology without export clause", "non-UK law"]
    assert row.counterparties[0].name == "National University of Defense Technology"
    assert row.counterparties[0].flagged and row.counterparties[0].lists == ["UK Sanctions List"]
    assert not row.counterparties[1].flagged
    assert [c.code for c in row.countries] == ["CN", "FR"]
    assert row.countries[0].risk and row.countries[1].risk is None
    assert row.clauses.present == ["clause-ip", "clause-law", "clause-publication"]
    assert set(row.clauses.risky) == {"clause-law-non-uk", "clause-ip-assignment", "clause-export-missing"}
    assert "clause-export" in row.clauses.missing and "clause-ip" not in row.clauses.missing


def test_reasons_fall_back_to_findings_when_unscored() -> None:
    row = build_triage(ScanResult([proposal()])).rows[0]
    assert row.top_reasons == ["ai: deep learning"]


def test_checklist_flags_with_evidence(result: ScanResult) -> None:
    answers = by_id(build_triage(result).rows[0])
    for qid in (
        "export-lists",
        "screening-lists",
        "sanctions-embargo",
        "export-clause",
        "ip-ownership",
        "governing-law",
        "nsi-area",
    ):
        assert answers[qid].status == FLAGGED, qid
        assert answers[qid].evidence, qid
    assert any("UK Sanctions List" in e for e in answers["screening-lists"].evidence)
    assert any(e.startswith("CN:") for e in answers["sanctions-embargo"].evidence)
    # a prior-review clause without a veto, and no foreign-access term: not flagged
    assert answers["publication"].status == NO_CONCERN
    assert answers["foreign-access"].status == NEEDS_HUMAN


def test_checklist_no_concern_only_where_the_document_answers(
    result: ScanResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    from grantscan.knowledge import countries

    monkeypatch.setattr(countries, "stale", lambda today=None: False)  # the table's age is tested elsewhere
    row = next(r for r in build_triage(result).rows if r.path == "deals/clean-agreement.txt")
    answers = by_id(row)
    for qid in (
        "export-clause",
        "ip-ownership",
        "publication",
        "governing-law",
        "sanctions-embargo",
    ):
        assert answers[qid].status == NO_CONCERN, qid
    # no screening list was passed in: never "no concern" for the list question
    assert answers["screening-lists"].status == NEEDS_HUMAN
    assert answers["screening-lists"].note.startswith("not screened")
    # nothing in the text can rule these out: never "no concern"
    for qid in ("export-lists", "nsi-area", "atas", "defence-links", "foreign-access"):
        assert answers[qid].status == NEEDS_HUMAN, qid


def test_proposal_checklist_never_claims_no_concern(result: ScanResult) -> None:
    row = next(r for r in build_triage(result).rows if r.path == "props/plain.pdf")
    answers = by_id(row)
    assert answers["nsi-area"].status == FLAGGED  # AI is an NSI area
    assert answers["export-lists"].status == NEEDS_HUMAN
    assert answers["export-clause"].status == NEEDS_HUMAN
    assert "agreement" in answers["export-clause"].note
    assert all(a.status != NO_CONCERN for a in row.checklist)


def test_declaration_is_shown_but_needs_a_human() -> None:
    doc = DocumentResult(
        path="form.docx",
        status="ok",
        document_type="agreement",
        findings=[f("decl", "clause-export", "Do you plan to export any material? No", kind="declaration")],
    )
    a = by_id(build_triage(ScanResult([doc])).rows[0])["export-clause"]
    assert a.status == NEEDS_HUMAN and a.evidence and "declares" in a.note


def test_suppressed_findings_do_not_count() -> None:
    doc = DocumentResult(
        path="a.txt",
        status="ok",
        document_type="agreement",
        findings=[f("clause-ip-assignment", "clause-ip", "assigned", suppressed="baseline")],
    )
    row = build_triage(ScanResult([doc])).rows[0]
    assert by_id(row)["ip-ownership"].status == NEEDS_HUMAN
    assert row.clauses.risky == []


def test_country_risk_comes_from_the_country_table() -> None:
    """Scan and triage read the same table: a restricted country carries its one-line summary, another none."""
    from grantscan.knowledge.countries import restriction_summary

    row = build_triage(ScanResult([risky_agreement()])).rows[0]
    risk = {c.code: c.risk for c in row.countries}
    assert risk["CN"] == restriction_summary("CN") and "arms embargo" in risk["CN"]
    assert all(risk[c] is None for c in risk if restriction_summary(c) is None)


def test_checklist_pack_is_validated(tmp_path: Path) -> None:
    p = tmp_path / "checklist.yaml"
    p.write_text(
        "questions:\n  - id: q\n    question: Q?\n    flag: {categories: [ai]}\n    clear: sometimes\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as e:
        load_checklist(p)
    assert str(e.value).startswith(f"{p}:5:")
    shipped = load_checklist()
    assert len(shipped.questions) >= 8
    assert {
        "export-lists",
        "screening-lists",
        "sanctions-embargo",
        "nsi-area",
        "atas",
        "export-clause",
        "ip-ownership",
        "publication",
    } <= {q.id for q in shipped.questions}


# --- renderers --------------------------------------------------------------------------------------


def test_csv_header_and_rows(result: ScanResult) -> None:
    out = render_triage(build_triage(result), "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert {
        "path",
        "risk_score",
        "document_type",
        "status",
        "top_reasons",
        "counterparties",
        "countries",
        "clauses",
        "checklist_flags",
    } <= set(CSV_COLUMNS)
    assert [r["path"] for r in rows][0] == "deals/risky-agreement.docx"
    assert rows[0]["risk_score"] == "85"
    assert "LISTED" in rows[0]["counterparties"]
    assert "export-clause" in rows[0]["checklist_flags"].split()
    assert rows[-1]["status"] == "error"


@pytest.mark.parametrize("danger", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_csv_cells_are_formula_safe(danger: str) -> None:
    doc = DocumentResult(path=danger, status="error", error=danger)
    out = render_triage(build_triage(ScanResult([doc])), "csv")
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["path"] == "'" + danger and row["error"] == "'" + danger
    assert safe_cell("plain") == "plain" and safe_cell(None) == ""


def test_json_round_trips(result: ScanResult) -> None:
    data = json.loads(render_triage(build_triage(result), "json"))
    assert data["tool"]["version"] == "9.9"
    assert data["documents"] == 4 and data["flagged_documents"] >= 2
    first = data["rows"][0]
    assert first["path"] == "deals/risky-agreement.docx"
    assert first["counterparties"][0]["flagged"] is True
    assert {a["status"] for a in first["checklist"]} <= {FLAGGED, NO_CONCERN, NEEDS_HUMAN}


def test_text_table_colour_follows_the_colour_rules(
    result: ScanResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    out = render_triage(build_triage(result), "text")
    assert "\x1b[" not in out  # not a terminal
    assert "risky-agreement.docx" in out and "FLAGGED" in out and "no text layer" in out
    assert out.index("risky-agreement") < out.index("clean-agreement")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in render_triage(build_triage(result), "text")
    assert "\x1b[" not in render_triage(build_triage(result), "text", color=False)


def test_redirected_text_keeps_every_column_whole(result: ScanResult) -> None:
    """Written to a file (no width), the table is as wide as its content: nothing is cut or wrapped."""
    triage = build_triage(result)
    out = render_triage(triage, "text", width=None)
    header = next(line for line in out.splitlines() if "document" in line and "checklist" in line)
    for name in (
        "#",
        "document",
        "type",
        "risk",
        "top reasons",
        "partners / countries",
        "clauses",
        "checklist",
    ):
        assert name in header, name
    for row in triage.rows:
        for reason in row.top_reasons:
            assert reason in out, reason  # each reason on one line of its cell
        flags = [a.id for a in row.checklist if a.status == FLAGGED]
        if flags:
            assert "FLAGGED: " + ", ".join(flags) in out


def test_a_narrow_terminal_gets_one_block_per_document(result: ScanResult) -> None:
    triage = build_triage(result)
    out = render_triage(triage, "text", width=60)
    assert all(len(line) <= 60 for line in out.splitlines())
    assert "┃" not in out  # no table: it would have cut columns
    first = triage.rows[0]
    block = out[out.index(f"1. {first.path}") : out.index(f"2. {triage.rows[1].path}")]
    for label in ("type:", "risk:", "top reasons:", "checklist:"):
        assert label in block, label
    assert " ".join(block.split()).count("FLAGGED:") == 1
    wide = render_triage(triage, "text", width=400)
    assert "┃" in wide and "checklist" in wide


def test_suppressed_findings_shown_on_request(result: ScanResult) -> None:
    from grantscan.report.triage import suppressed_by_path

    result.documents[0].findings[0].suppressed = "baseline"
    hidden = suppressed_by_path(result)
    assert hidden[result.documents[0].path] == [
        f"{result.documents[0].findings[0].rule_id} “{result.documents[0].findings[0].text}”: baseline"
    ]
    triage = build_triage(result)
    rows = list(csv.DictReader(io.StringIO(render_triage(triage, "csv", suppressed=hidden))))
    row = next(r for r in rows if r["path"] == result.documents[0].path)
    assert row["suppressed"] == hidden[result.documents[0].path][0]
    assert "suppressed" not in next(csv.DictReader(io.StringIO(render_triage(triage, "csv"))))
    data = json.loads(render_triage(triage, "json", suppressed=hidden))
    assert (
        next(r for r in data["rows"] if r["path"] == result.documents[0].path)["suppressed"]
        == hidden[result.documents[0].path]
    )
    assert "<th>Suppressed</th>" in render_triage(triage, "html", suppressed=hidden)
    assert "suppressed: 1" in render_triage(triage, "text", width=None, suppressed=hidden)


def test_html_prints_every_column_with_the_checklists_open(result: ScanResult) -> None:
    out = render_triage(build_triage(result), "html")
    css = out[out.index("@media print") :]
    assert "landscape" in css and "table-layout:fixed" in css and "overflow-wrap:anywhere" in css
    assert "#filter" in css  # the filter box is not printed
    assert "beforeprint" in out and "d.open=true" in out


def test_html_is_self_contained_and_escaped() -> None:
    evil = DocumentResult(
        path="<script>alert(1)</script>.pdf",
        status="ok",
        document_type="agreement",
        risk_score=50,
        risk_reasons=["<img src=x onerror=alert(2)>"],
        findings=[f("org", "organisation", "<b>Org</b>")],
    )
    out = render_triage(build_triage(ScanResult([evil])), "html")
    assert out.startswith("<!DOCTYPE html>")
    assert "<script>alert(1)</script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<img src=x" not in out and "<b>Org</b>" not in out
    assert 'src="http' not in out and 'href="http' not in out and "<link" not in out
    assert out.count("<script>") == 1  # the inline sort/filter script only


def test_unknown_format_is_rejected(result: ScanResult) -> None:
    with pytest.raises(ValueError, match="unknown triage format"):
        render_triage(build_triage(result), "xlsx")


@pytest.mark.browser
def test_printed_triage_keeps_every_column_on_the_page(result: ScanResult, tmp_path: Path, chromium) -> None:  # noqa: ANN001
    from tests.conftest import printed_pdf

    page = tmp_path / "triage.html"
    long_name = "A" * 40 + "-" + "B" * 40
    result.documents[0].path = f"deals/{long_name}/risky-agreement.docx"  # an unbreakable path
    triage = build_triage(result)
    page.write_text(render_triage(triage, "html"), encoding="utf-8")
    pages = printed_pdf(chromium, page, tmp_path / "triage.pdf")
    text = " ".join(" ".join(t.split()) for t, _, _ in pages)
    for heading in (
        "Document",
        "Type",
        "Risk",
        "Top reasons",
        "Counterparties",
        "Countries",
        "Clauses",
        "Checklist",
    ):
        assert heading in text, heading
    question = next(a.question for a in triage.rows[0].checklist)
    assert " ".join(question.split())[:40] in text  # the checklists are printed open
    assert all(right <= width + 0.5 for _, right, width in pages)  # no column runs off the page


def test_document_warnings_lead_the_reasons(result: ScanResult) -> None:
    from grantscan.report.triage import warnings_by_path

    result.documents[0].warnings = ["written in French (fr, confidence 0.99): the rules cover English only"]
    warned = warnings_by_path(result)
    assert warned == {result.documents[0].path: result.documents[0].warnings}
    triage = build_triage(result)
    text = render_triage(triage, "text", width=None, warnings=warned)
    assert "warning: written in French (fr, confidence 0.99)" in text
    row = next(
        r for r in csv.DictReader(io.StringIO(render_triage(triage, "csv", warnings=warned))) if r["warnings"]
    )
    assert row["path"] == result.documents[0].path
    data = json.loads(render_triage(triage, "json", warnings=warned))
    assert [r["warnings"] for r in data["rows"] if r["warnings"]] == [result.documents[0].warnings]
    assert "warning: written in French" in render_triage(triage, "html", warnings=warned)
