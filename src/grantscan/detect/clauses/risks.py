"""Document-level clause risks: non-UK governing law, the red flags of ``risks`` in the pack (IP assignment,
publication veto, foreign access), a long publication delay, and an agreement on controlled technology
without an export clause."""

from __future__ import annotations

import re
from functools import cache

from ...knowledge.clauses import EXPORT_MISSING, LAW_NON_UK
from ...knowledge.taxonomy import CLAUSE_CATEGORIES, TECH_CATEGORIES
from ...model import Document, Finding, Location
from .pack import ClausePack, clean
from .prefilter import lost_spaces, lowered

UK = "GB"
_WS = re.compile(r"\s+")


class DocumentRisks:
    """The clause-risk findings of a document, and the jurisdiction a governing-law sentence names."""

    def __init__(self, pack: ClausePack, rule_ids: set[str]):
        self.pack = pack
        self._rule_ids = rule_ids
        self._names: _NameScan | None = None  # built on first use: most documents never need it

    def findings(self, document: Document, findings: list[Finding], doctype: str) -> list[Finding]:
        """Clause-risk findings of a document from its clause findings (and, for a missing export clause, its
        technology findings)."""
        clauses = [
            f
            for f in findings
            if f.category in CLAUSE_CATEGORIES and f.kind == "finding" and f.rule_id in self._rule_ids
        ]
        out: list[Finding] = []
        done: set[str] = set()
        # the governing-law sentence itself names the jurisdiction better than a passing "Belgian law"
        clauses.sort(key=lambda f: not (f.category == "clause-law" and _GOVERNED.search(f.context)))
        for f in clauses:
            if f.category == "clause-law" and LAW_NON_UK not in done:
                code, name = self.jurisdiction(f.context)
                if code and f.country_code is None:
                    f.country_code = code
                if code and code != UK:
                    done.add(LAW_NON_UK)
                    out.append(
                        self._risk_finding(
                            f,
                            LAW_NON_UK,
                            "medium",
                            f"governing law or forum outside the UK: {name} ({code})",
                            country_code=code,
                        )
                    )
            low = lowered(f.context)
            for risk in self.pack.risks:
                if risk.id in done or risk.of != f.category:
                    continue
                squashed = lost_spaces(f.context)
                m = risk.patterns.search(f.context, squashed, low)
                if m and not risk.unless.search(f.context, squashed, low):
                    done.add(risk.id)
                    out.append(
                        self._risk_finding(
                            f, risk.id, risk.severity, risk.title, evidence=clean(m.group(0), 80)
                        )
                    )
            if f.category == "clause-publication" and "clause-publication-veto" not in done:
                months = _delay_months(f.context)
                if months is not None and months > 6:
                    done.add("clause-publication-veto")
                    out.append(
                        self._risk_finding(
                            f,
                            "clause-publication-veto",
                            "medium",
                            f"publication can be delayed for about {months:g} months",
                        )
                    )
        if doctype == "agreement" and not any(f.category == "clause-export" for f in clauses):
            tech = [
                f
                for f in findings
                if f.category in TECH_CATEGORIES and f.kind == "finding" and not f.suppressed
            ]
            if tech:
                lead = max(tech, key=lambda t: t.confidence)
                cats = sorted({t.category for t in tech})
                first = document.blocks[0].locate(0, 0) if document.blocks else Location()
                # Its own category, neither a technology (the technology findings already say what is
                # present) nor clause-export (no export clause is present): a clause risk of the document.
                out.append(
                    Finding(
                        rule_id=EXPORT_MISSING,
                        category=EXPORT_MISSING,
                        text="no export-control clause",
                        context=f"Agreement covers controlled technology ({', '.join(cats)}) "
                        "but has no export-control or sanctions clause.",
                        location=first,
                        severity="medium",
                        confidence=round(min(0.9, lead.confidence), 3),
                        reasons=[f"technology findings: {', '.join(cats)}", "no clause-export finding"],
                        block_index=0 if document.blocks else None,
                        start=0,
                        end=0,
                    )
                )
        return out

    @staticmethod
    def _risk_finding(
        src: Finding,
        rule_id: str,
        severity: str,
        title: str,
        *,
        country_code: str | None = None,
        evidence: str | None = None,
    ) -> Finding:
        reasons = [f"in {src.category} clause ({src.rule_id})"]
        if evidence:
            reasons.append(f"red flag '{evidence}'")
        return Finding(
            rule_id=rule_id,
            category=src.category,
            text=title,
            context=src.context,
            location=src.location,
            severity=severity,  # type: ignore[arg-type]
            confidence=src.confidence,
            country_code=country_code,
            reasons=reasons,
            block_index=src.block_index,
            start=src.start,
            end=src.end,
        )

    def jurisdiction(self, sentence: str) -> tuple[str | None, str | None]:
        """(ISO code, name) of the governing law or forum named in a sentence, where derivable."""
        s = _WS.sub(" ", sentence)
        for rx in _JURIS_RX:
            for m in rx.finditer(s):
                found = self._resolve(m.group("name"))
                if found:
                    return found
        return self.scan_names(s)

    def _resolve(self, name: str) -> tuple[str, str] | None:
        words = name.replace("’", "'").split()
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                cand = " ".join(words[i:j]).strip(",.;:()")
                if cand.lower() in {"the", "of", "state", "laws", "law"} or not cand:
                    continue
                code = self.pack.jurisdictions.get(cand.lower()) or _pycountry_code(cand)
                if code:
                    return code, cand
        return None

    def scan_names(self, s: str) -> tuple[str | None, str | None]:
        """The jurisdiction or country name that occurs first in ``s`` (the earlier listed one where two
        start at the same place)."""
        if self._names is None:
            self._names = _NameScan([*self.pack.jurisdictions.items(), *_country_names().items()])
        return self._names.first(s)


_GOVERNED = re.compile(
    r"(?i)governed\s*by|construed\s*in\s*accordance|exclusive\s*jurisdiction|governing\s*law"
)
_JURIS_RX = [
    re.compile(
        r"laws?\s*of\s*(?:the\s*)?(?P<name>(?:(?:State|Commonwealth|Province|Kingdom|Republic|Federation)\s*of\s*)?"
        r"[A-Z][\w'’.]*(?:\s*(?:of\s+|and\s+)?[A-Z][\w'’.]*){0,4})"
    ),
    re.compile(r"courts?\s*of\s*(?:the\s*)?(?P<name>[A-Z][\w'’.]*(?:\s+(?:of\s+)?[A-Z][\w'’.]*){0,3})"),
    re.compile(
        r"(?<![\w'’.])(?:(?![A-Z])[\w'’.])*+(?P<name>[A-Z][\w'’.]*+(?:\s+[A-Z][\w'’.]*+){0,2})\s+law\b"
    ),
    re.compile(r"arbitration\s+(?:in|at|seated\s+in)\s+(?P<name>[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){0,2})"),
    re.compile(r"(?<![A-Z])(?P<name>[A-Z][A-Z]++)\s+arbitration"),
]


class _NameScan:
    """One case-insensitive regex over many names: its leftmost match is the earliest occurrence of any name,
    and at one position the alternatives are tried in list order, so it finds what searching for each name in
    turn and keeping the earliest (the first listed on a tie) finds, in one pass instead of ~750."""

    def __init__(self, names: list[tuple[str, str]]):
        self.names = [(n, code) for n, code in names if len(n) >= 4]
        alts = "|".join(f"({re.escape(n)})(?![a-z])" for n, _ in self.names)
        self.rx = re.compile(f"(?<![A-Za-z])(?:{alts})", re.I) if self.names else None

    def first(self, s: str) -> tuple[str | None, str | None]:
        m = self.rx.search(s) if self.rx is not None else None
        if m is None:
            return None, None
        return self.names[m.lastindex - 1][1], m.group(0)


@cache
def _country_names() -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                out[v.lower()] = c.alpha_2
    return out


def _pycountry_code(name: str) -> str | None:
    if len(name) < 4:
        return None
    return _country_names().get(name.lower())


_DELAY = re.compile(
    r"(?P<n>(?<!\d)\d++|one|two|three|four|six|twelve|eighteen|twenty-four)\s*+(?:\(\d++\)\s*+)?"
    r"(?:calendar\s+|working\s+|business\s+)?(?P<unit>days?|weeks?|months?|years?)",
    re.I,
)
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "six": 6,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
}
_UNIT_MONTHS = {"day": 1 / 30, "week": 7 / 30, "month": 1, "year": 12}


def _delay_months(sentence: str) -> float | None:
    """Longest publication delay stated in a sentence, in months (None when none is stated)."""
    if not re.search(r"(?i)delay|defer|postpone|until|embargo|not\s+be\s+published", sentence):
        return None
    best = None
    for m in _DELAY.finditer(sentence):
        n = m.group("n").lower()
        num = float(_WORDS.get(n, n) if not n.isdigit() else n)
        months = round(num * _UNIT_MONTHS[m.group("unit").lower().rstrip("s")], 1)
        best = months if best is None else max(best, months)
    return best
