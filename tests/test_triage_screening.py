"""Checklist answers that depend on screened lists and the country table never reassure without them."""

from __future__ import annotations

import datetime as dt

import pytest

from grantscan.knowledge import countries
from grantscan.model import DocumentResult, Finding, Location, ScanResult
from grantscan.triage import (
    FLAGGED,
    NEEDS_HUMAN,
    NO_CONCERN,
    Counterparty,
    CountryRef,
    answer,
    build_triage,
    load_checklist,
)

TODAY = dt.date(2026, 12, 6)


def q(qid: str):  # noqa: ANN201 - a checklist Question
    return next(x for x in load_checklist().questions if x.id == qid)


def doc(*findings: Finding, doctype: str = "agreement") -> DocumentResult:
    return DocumentResult(path="a.docx", status="ok", document_type=doctype, findings=list(findings))


def f(category: str, text: str, **kw: object) -> Finding:
    return Finding(f"{category}-rule", category, text, text, Location(line=1), **kw)  # type: ignore[arg-type]


ORGS = [Counterparty("University of Exampleton")]


def test_screening_question_without_lists_says_not_screened() -> None:
    a = answer(q("screening-lists"), doc(), [], [], [], ORGS, today=TODAY)
    assert a.status == NEEDS_HUMAN and a.note.startswith("not screened")


def test_screening_question_names_the_lists_and_dates_it_screened_against() -> None:
    screened = [("UK Sanctions List", "2026-11-30"), ("US Entity List", "2026-07-09")]
    a = answer(q("screening-lists"), doc(), [], [], [], ORGS, screened=screened, today=TODAY)
    assert a.status == NO_CONCERN
    assert "screened against UK Sanctions List dated 2026-11-30, US Entity List dated 2026-07-09" in a.note


@pytest.mark.parametrize("when", ["2025-06-30", "", "unknown"])
def test_stale_or_undated_list_is_not_screening(when: str) -> None:
    screened = [("UK Sanctions List", "2026-11-30"), ("US Entity List", when)]
    a = answer(q("screening-lists"), doc(), [], [], [], ORGS, screened=screened, today=TODAY)
    assert a.status == NEEDS_HUMAN and a.note.startswith("not screened") and "US Entity List" in a.note


def test_listed_partner_is_flagged_whatever_lists_were_passed() -> None:
    hit = Counterparty("NUDT", lists=["US Entity List"])
    a = answer(q("screening-lists"), doc(), [], [], [], [hit], today=TODAY)
    assert a.status == FLAGGED and a.evidence == ["NUDT: on US Entity List"]


def test_country_question_is_not_answered_from_a_stale_table() -> None:
    later = countries.snapshot() + dt.timedelta(days=400)
    a = answer(q("sanctions-embargo"), doc(), [], [], [CountryRef("FR")], [], today=later)
    assert a.status == NEEDS_HUMAN and "more than 12 months old" in a.note
    a = answer(q("sanctions-embargo"), doc(), [], [], [CountryRef("FR")], [], today=countries.snapshot())
    assert a.status == NO_CONCERN and countries.snapshot().isoformat() in a.note


def test_ukraine_is_never_cleared_without_checking_the_region() -> None:
    a = answer(q("sanctions-embargo"), doc(), [], [], [CountryRef("UA")], [], today=countries.snapshot())
    assert a.status == NEEDS_HUMAN and "Crimea" in a.note


def test_armenia_is_no_longer_a_restricted_country_in_triage() -> None:
    row = build_triage(ScanResult([doc(f("country", "Armenia", country_code="AM"))])).rows[0]
    assert row.countries == [CountryRef("AM", None)]
    row = build_triage(ScanResult([doc(f("country", "Hong Kong", country_code="HK"))])).rows[0]
    assert row.countries[0].risk == "partial arms embargo (UK)"


def test_atas_needs_a_non_exempt_country_to_be_flagged() -> None:
    ai = f("ai", "machine learning")
    cn = answer(q("atas"), doc(ai), [ai], [], [CountryRef("CN", "x")], [], today=TODAY)
    assert cn.status == FLAGGED and "CN" in cn.note and "CAH11-01-05" in cn.note
    us = answer(q("atas"), doc(ai), [ai], [], [CountryRef("US")], [], today=TODAY)
    assert us.status == NEEDS_HUMAN and "nationality" in us.note and "CAH11-01-05" in us.note
    none = answer(q("atas"), doc(), [], [], [CountryRef("CN")], [], today=TODAY)
    assert none.status == NEEDS_HUMAN


def test_new_trusted_research_topics_are_asked() -> None:
    ids = {x.id for x in load_checklist().questions}
    assert {"funding-sources", "conflicts-of-interest", "travel", "data-security", "cyber-security"} <= ids
    a = answer(q("conflicts-of-interest"), doc(), [], [], [], [], today=TODAY)
    assert a.status == NEEDS_HUMAN  # nothing in a document can clear it


def test_a_scan_says_which_lists_it_screened_against_and_triage_uses_them(tmp_path) -> None:  # noqa: ANN001
    """Screening is on by default: the scan result names the shipped lists with their dates, and the triage
    checklist answers from them; a result that carries no lists says 'not screened'."""
    from grantscan.config import Config
    from grantscan.runner import scan_path

    p = tmp_path / "a.txt"
    p.write_text("We will collaborate with the University of Exampleton on materials testing.\n")
    result = scan_path(p, Config(cache=False))
    screened = dict(map(tuple, result.knowledge["screened"]))
    assert screened["UK Sanctions List (FCDO)"]
    row = build_triage(result).rows[0]
    line = next(a for a in row.checklist if a.id == "screening-lists")
    assert line.status == NO_CONCERN and "screened against UK Sanctions List (FCDO) dated" in line.note
    result.knowledge["screened"] = []
    line = next(a for a in build_triage(result).rows[0].checklist if a.id == "screening-lists")
    assert line.status == NEEDS_HUMAN and line.note.startswith("not screened")
