"""Research-office triage: many scanned documents ranked by risk, each with a Trusted Research checklist.

``build_triage(result)`` turns a ``ScanResult`` into one ``TriageRow`` per document, ranked by the
document's risk score (highest first, unreadable files last). Each row carries the reasons, the
counterparties and countries named, a clause summary (present / missing / risky) and the checklist of
``patterns/checklist.yaml`` answered from the findings: "flagged" with the evidence, "no concern" only
where the document itself answers the question, otherwise "needs a human". Rendering is in
``report/triage.py``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

from .knowledge.clauses import risk_rule_ids
from .knowledge.countries import restriction_summary
from .knowledge.loader import LineDict, PackError, check_keys, load_yaml
from .knowledge.resources import patterns_dir
from .knowledge.taxonomy import CLAUSE_CATEGORIES
from .model import SEVERITY_ORDER, DocumentResult, Finding, ScanResult

Status = Literal["flagged", "no concern", "needs a human"]
FLAGGED: Status = "flagged"
NO_CONCERN: Status = "no concern"
NEEDS_HUMAN: Status = "needs a human"
CLEAR_WORDS = {
    "never",
    "organisations_screened",
    "lists_screened",
    "countries_screened",
    "atas_subject",
    "uk_law",
}
UK = "GB"


@dataclass(slots=True)
class Question:
    """One checklist question and how findings answer it."""

    id: str
    question: str
    action: str = ""
    categories: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    listed_organisations: bool = False
    risky_countries: bool = False
    clear: str | dict[str, str] = "never"
    applies_to: list[str] | None = None


@dataclass(slots=True)
class Checklist:
    """The questions; country facts are read from the knowledge layer, never copied here."""

    questions: list[Question]


def load_checklist(path: str | Path | None = None) -> Checklist:
    """Load and validate checklist.yaml; errors are PackError naming file and line."""
    path = Path(path) if path else patterns_dir() / "checklist.yaml"
    data = load_yaml(path)
    check_keys(path, data, {"questions"}, {"questions"}, "checklist")
    questions: list[Question] = []
    for q in data["questions"]:
        check_keys(
            path,
            q,
            {"id", "question", "action", "flag", "clear", "applies_to"},
            {"id", "question", "flag"},
            f"question {q.get('id', '?')!r}" if isinstance(q, dict) else "question",
        )
        flag = q["flag"]
        check_keys(
            path,
            flag,
            {"categories", "rules", "listed_organisations", "risky_countries"},
            set(),
            f"question '{q['id']}': flag",
        )
        clear = q.get("clear", "never")
        if isinstance(clear, LineDict):
            check_keys(path, clear, {"clause_present"}, {"clause_present"}, f"question '{q['id']}': clear")
            if clear["clause_present"] not in CLAUSE_CATEGORIES:
                raise PackError(
                    path, clear.line, f"question '{q['id']}': unknown clause '{clear['clause_present']}'"
                )
        elif clear not in CLEAR_WORDS:
            raise PackError(
                path,
                q.key_line("clear"),
                f"question '{q['id']}': clear must be one of {', '.join(sorted(CLEAR_WORDS))}"
                " or {clause_present: <category>}",
            )
        questions.append(
            Question(
                id=q["id"],
                question=q["question"],
                action=q.get("action", ""),
                categories=list(flag.get("categories") or []),
                rules=list(flag.get("rules") or []),
                listed_organisations=bool(flag.get("listed_organisations")),
                risky_countries=bool(flag.get("risky_countries")),
                clear=dict(clear) if isinstance(clear, dict) else clear,
                applies_to=list(q["applies_to"]) if q.get("applies_to") else None,
            )
        )
    return Checklist(questions)


@cache
def _default_checklist() -> Checklist:
    return load_checklist()


@dataclass(slots=True)
class ChecklistAnswer:
    id: str
    question: str
    status: Status
    evidence: list[str] = field(default_factory=list)
    note: str = ""
    action: str = ""


@dataclass(slots=True)
class Counterparty:
    name: str
    lists: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.lists)


@dataclass(slots=True)
class CountryRef:
    code: str
    risk: str | None = None  # why the country is restricted, when it is


@dataclass(slots=True)
class ClauseSummary:
    present: list[str] = field(default_factory=list)  # clause categories found
    missing: list[str] = field(default_factory=list)  # expected in an agreement, not found
    risky: list[str] = field(default_factory=list)  # clause-risk rule ids, e.g. clause-law-non-uk


@dataclass(slots=True)
class TriageRow:
    """One document in the triage view."""

    path: str
    status: str
    error: str | None
    document_type: str
    risk_score: int
    top_reasons: list[str]
    counterparties: list[Counterparty]
    countries: list[CountryRef]
    clauses: ClauseSummary
    checklist: list[ChecklistAnswer]
    findings: int = 0

    @property
    def flags(self) -> list[ChecklistAnswer]:
        return [a for a in self.checklist if a.status == FLAGGED]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for c, src in zip(d["counterparties"], self.counterparties, strict=True):
            c["flagged"] = src.flagged
        return d


@dataclass(slots=True)
class Triage:
    rows: list[TriageRow]
    tool_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "tool": {"name": "grantscan", "version": self.tool_version},
            "documents": len(self.rows),
            "flagged_documents": sum(1 for r in self.rows if r.flags),
            "rows": [r.to_dict() for r in self.rows],
        }


# Clauses a research office expects to see in a collaboration or research agreement.
EXPECTED_CLAUSES = (
    "clause-ip",
    "clause-publication",
    "clause-confidentiality",
    "clause-law",
    "clause-liability",
)


def _describe(f: Finding) -> str:
    where = f.location.describe()
    return f"{f.rule_id}: {f.text}" + (f" ({where})" if where != "document" else "")


def _reasons(doc: DocumentResult, active: list[Finding]) -> list[str]:
    if doc.risk_reasons:
        return list(doc.risk_reasons[:3])
    ranked = sorted(active, key=lambda f: (-SEVERITY_ORDER.get(f.severity, 0), -f.confidence))
    out: list[str] = []
    for f in ranked:
        r = f"{f.category}: {f.text}"
        if r not in out:
            out.append(r)
        if len(out) == 3:
            break
    return out


def answer(
    q: Question,
    doc: DocumentResult,
    active: list[Finding],
    declared: list[Finding],
    countries: list[CountryRef],
    counterparties: list[Counterparty],
    screened: list[tuple[str, str]] | None = None,
    today: date | None = None,
) -> ChecklistAnswer:
    """Answer one checklist question for one document.

    ``screened`` names the screening lists the organisations were checked against, each with its snapshot
    date (YYYY-MM-DD). Without any, or with a list older than 12 months on ``today``, the screening question
    says "not screened" instead of "no concern"; likewise the country question once the country table is stale.
    """
    from .knowledge import atas
    from .knowledge import countries as country_table
    from .knowledge.sources import is_stale, partial_date

    today = today or date.today()

    def too_old(value: str) -> bool:  # a list's date unknown or more than 12 months old
        when = partial_date(value)
        return when is None or is_stale(when, today)

    a = ChecklistAnswer(q.id, q.question, NEEDS_HUMAN, action=q.action)
    doctype = doc.document_type or "other"
    evidence: list[str] = []
    for f in active:
        if f.category in q.categories or f.rule_id in q.rules:
            evidence.append(_describe(f))
    if q.listed_organisations:
        evidence += [f"{c.name}: on {', '.join(c.lists)}" for c in counterparties if c.flagged]
    if q.risky_countries:
        evidence += [f"{c.code}: {c.risk}" for c in countries if c.risk]
    if q.applies_to and doctype not in q.applies_to and not evidence:
        a.note = (
            f"answered from the {' or '.join(q.applies_to)} itself; this document is classed as '{doctype}'"
        )
        return a
    if q.clear == "atas_subject" and evidence:
        tech = sorted({f.category for f in active if f.category in q.categories})
        note = atas.atas_note(tech, [c.code for c in countries])
        if note is None:
            subjects = atas.subjects_for(tech)
            a.evidence = evidence[:5]
            a.note = (
                "no partner country outside the ATAS exemptions is named; "
                + (
                    f"listed subjects for this work: {', '.join(s.code for s in subjects)}. "
                    if subjects
                    else ""
                )
                + "ATAS still applies to any non-exempt student or researcher: check their nationality"
            )
            return a
        a.status, a.evidence, a.note = FLAGGED, evidence[:5], note.text
        return a
    if evidence:
        a.status, a.evidence = FLAGGED, evidence[:5]
        return a
    asked = [
        f
        for f in declared
        if f.category in q.categories
        or f.rule_id in q.rules
        or (isinstance(q.clear, dict) and f.category == q.clear.get("clause_present"))
    ]
    if asked:
        a.evidence = [_describe(f) for f in asked[:3]]
        a.note = "the document asks or declares this (form question or denial): check the answer"
        return a
    clear = q.clear
    if isinstance(clear, dict):
        cat = clear["clause_present"]
        present = [f for f in active if f.category == cat]
        if present:
            a.status, a.evidence = NO_CONCERN, [_describe(present[0])]
            a.note = "the agreement has this clause and no red flag was found in it"
        else:
            a.note = "no such clause found: read the agreement"
    elif clear in ("organisations_screened", "lists_screened"):
        lists = list(screened or [])
        stale = [(n, d) for n, d in lists if too_old(d)]
        if not counterparties:
            a.note = "no organisation recognised in the document"
        elif not lists:
            a.note = "not screened: no screening list was loaded for this scan"
        elif stale:
            a.note = "not screened: " + "; ".join(
                f"{n} dated {d} is more than 12 months old" if partial_date(d) else f"{n} has no date"
                for n, d in stale
            )
        else:
            a.status = NO_CONCERN
            a.note = (
                f"{len(counterparties)} organisation(s) named, none matched; screened against "
                + ", ".join(f"{n} dated {d}" for n, d in lists)
            )
    elif clear == "countries_screened":
        when = country_table.snapshot()
        if not countries:
            a.note = "no country recognised in the document"
        elif country_table.stale(today):
            a.note = f"not screened: the country table dated {when.isoformat()} is more than 12 months old"
        elif "UA" in {c.code for c in countries}:
            regions = ", ".join(r.name for r in country_table.table().regions.values() if r.country == "UA")
            a.note = (
                f"Ukraine is named: the state is not sanctioned, but occupied regions are ({regions}); "
                "check where each partner and site is"
            )
        else:
            a.status = NO_CONCERN
            a.note = (
                f"countries named ({', '.join(c.code for c in countries)}): none under UK sanctions or an arms "
                f"embargo on the state, per the country table dated {when.isoformat()}"
            )
    elif clear == "uk_law":
        uk = [f for f in active if f.category == "clause-law" and f.country_code == UK]
        if uk:
            a.status, a.evidence = NO_CONCERN, [_describe(uk[0])]
            a.note = "governed by UK law"
        else:
            a.note = "governing law not found or not derivable"
    else:
        a.note = "not found in the text; absence is not an answer"
    return a


def build_row(
    doc: DocumentResult, checklist: Checklist | None = None, screened: list[tuple[str, str]] | None = None
) -> TriageRow:
    """The triage row of one document; ``screened``: the screening lists searched, (name, snapshot date)."""
    checklist = checklist or _default_checklist()
    live = [f for f in doc.findings if not f.suppressed]
    active = [f for f in live if f.kind == "finding"]
    declared = [f for f in live if f.kind == "declaration"]
    orgs: dict[str, Counterparty] = {}
    for f in active:
        if f.category != "organisation":
            continue
        name = f.name or f.text
        c = orgs.setdefault(name.casefold(), Counterparty(name))
        for m in f.lists:
            if m.list_name not in c.lists:
                c.lists.append(m.list_name)
    codes: list[str] = []
    for f in active:
        if f.category == "country" and f.country_code and f.country_code.upper() not in codes:
            codes.append(f.country_code.upper())
    countries = [CountryRef(c, restriction_summary(c)) for c in sorted(codes)]
    counterparties = sorted(orgs.values(), key=lambda c: (not c.flagged, c.name.casefold()))
    clauses = ClauseSummary()
    risk_ids = risk_rule_ids()
    for f in active:
        if f.rule_id in risk_ids:
            if f.rule_id not in clauses.risky:
                clauses.risky.append(f.rule_id)
        elif f.category in CLAUSE_CATEGORIES and f.category not in clauses.present:
            clauses.present.append(f.category)
    if (doc.document_type or "") == "agreement":
        clauses.missing = [c for c in (*EXPECTED_CLAUSES, "clause-export") if c not in clauses.present]
    clauses.present.sort()
    rows = (
        [answer(q, doc, active, declared, countries, counterparties, screened) for q in checklist.questions]
        if doc.status == "ok"
        else []
    )
    return TriageRow(
        path=doc.path,
        status=doc.status,
        error=doc.error,
        document_type=doc.document_type or ("unknown" if doc.status != "ok" else "other"),
        risk_score=doc.risk_score,
        top_reasons=_reasons(doc, active),
        counterparties=counterparties,
        countries=countries,
        clauses=clauses,
        checklist=rows,
        findings=len(active),
    )


def build_triage(result: ScanResult, checklist: Checklist | None = None) -> Triage:
    """One row per document, highest risk first; unreadable files last, then by path."""
    screened = [(str(n), str(d) if d else "") for n, d in result.knowledge.get("screened") or []]
    rows = [build_row(d, checklist, screened) for d in result.documents]
    rows.sort(key=lambda r: (r.status != "ok", -r.risk_score, -len(r.flags), r.path))
    return Triage(rows=rows, tool_version=result.tool_version)
