"""The clause pack (``patterns/clauses.yaml``): its schema, validation and compiled form."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ...knowledge.clauses import DOCUMENT_RISKS
from ...knowledge.loader import LineDict, PackError, check_keys, load_yaml
from ...knowledge.resources import patterns_dir
from ...knowledge.taxonomy import CLAUSE_CATEGORIES
from .anchors import Anchors
from .prefilter import Patterns, RegexFacts

_TOP_KEYS = {
    "operative",
    "parties",
    "headings",
    "question",
    "passing",
    "denials",
    "rules",
    "risks",
    "jurisdictions",
}
_PASSING_KEYS = {"name", "why", "hides", "patterns", "examples", "name_of_body"}
_RULE_KEYS = {
    "id",
    "category",
    "description",
    "confidence",
    "anchors",
    "strong",
    "patterns",
    "unless",
    "examples",
}
_RISK_KEYS = {"id", "of", "severity", "title", "patterns", "unless", "examples"}
_WS = re.compile(r"\s+")


@dataclass(slots=True)
class ClauseRule:
    id: str
    category: str
    description: str
    confidence: float
    strong: Patterns
    patterns: Patterns
    unless: Patterns
    examples: dict = field(default_factory=dict)
    anchors: list[str] = field(default_factory=list)  # empty: the rule is tried on every sentence


def _norm(anchor: str) -> str:
    return _WS.sub(" ", str(anchor).strip().lower())


@dataclass(slots=True)
class RiskRule:
    id: str
    of: str
    severity: str
    title: str
    patterns: Patterns
    unless: Patterns
    examples: dict = field(default_factory=dict)


@dataclass(slots=True)
class Passing:
    """A phrase that names a clause kind without being that clause (a cross-reference, "to the extent
    permitted by applicable law", "patent, copyright or trade secret"): a rule match lying wholly inside it
    does not count for the categories it ``hides`` (None: every category)."""

    name: str
    why: str
    hides: frozenset[str] | None
    patterns: Patterns
    examples: dict = field(default_factory=dict)
    # the phrase is the name of a body ("the Data Access Committee"): a match that ends on one of its words
    # ("submit a report to the applicable Data") names the body, not the kind's object
    name_of_body: bool = False


@dataclass(slots=True)
class ClausePack:
    """The compiled contents of clauses.yaml."""

    operative: Patterns
    parties: Patterns
    headings: dict[str, Patterns]
    question: Patterns
    rules: list[ClauseRule]
    risks: list[RiskRule]
    jurisdictions: dict[str, str]  # lower-cased name -> ISO alpha-2
    anchors: Anchors | None = None
    passing: list[Passing] = field(default_factory=list)
    denials: Patterns | None = None  # "will not involve ...": what follows is denied, not agreed

    def __post_init__(self) -> None:
        if self.anchors is None:
            self.anchors = Anchors((r.id, r.anchors) for r in self.rules)


def _examples(path: Path, d: LineDict, what: str) -> dict:
    ex = d.get("examples") or {}
    if not isinstance(ex, dict) or set(ex) - {"match", "no_match"}:
        raise PackError(path, d.key_line("examples"), f"{what}: examples takes 'match' and 'no_match' lists")
    return {k: list(v or []) for k, v in ex.items()}


def _flag(path: Path, d: LineDict, key: str, what: str) -> bool:
    value = d.get(key, False)
    if not isinstance(value, bool):
        raise PackError(path, d.key_line(key), f"{what}: {key} takes true or false")
    return value


def load_pack(path: str | Path | None = None, root: Path | None = None) -> ClausePack:
    """Load and validate a clause pack; errors are PackError naming file and line.

    With ``root`` (the ``compiled`` cache folder), what parsing its regexes told is read from there and kept
    there: regexes an earlier run parsed are not parsed again (``RegexFacts``)."""
    path = Path(path) if path else patterns_dir() / "clauses.yaml"
    data = load_yaml(path)
    facts = RegexFacts()
    if root is not None:
        from ..compiled import regex_facts_kept

        facts = RegexFacts(regex_facts_kept(root))
    check_keys(path, data, _TOP_KEYS, {"operative", "parties", "rules"}, "clauses pack")
    headings_node = data.get("headings") or {}
    headings = {}
    for cat, pats in headings_node.items():
        if cat not in CLAUSE_CATEGORIES:
            raise PackError(path, headings_node.key_line(cat), f"headings: unknown category '{cat}'")
        headings[cat] = Patterns(path, pats, headings_node.key_line(cat), f"headings.{cat}", facts)
    rules: list[ClauseRule] = []
    seen: set[str] = set()
    for r in data["rules"]:
        check_keys(
            path,
            r,
            _RULE_KEYS,
            {"id", "category"},
            f"rule {r.get('id', '?')!r}" if isinstance(r, dict) else "rule",
        )
        what = f"rule '{r['id']}'"
        if r["id"] in seen:
            raise PackError(path, r.key_line("id"), f"{what}: duplicate id")
        seen.add(r["id"])
        if r["category"] not in CLAUSE_CATEGORIES:
            raise PackError(path, r.key_line("category"), f"{what}: unknown category '{r['category']}'")
        if not r.get("strong") and not r.get("patterns"):
            raise PackError(path, r.line, f"{what}: needs 'strong' or 'patterns'")
        anchors = r.get("anchors") or []
        if not isinstance(anchors, list) or not all(isinstance(a, str) and a.strip() for a in anchors):
            raise PackError(path, r.key_line("anchors"), f"{what}: anchors must be a list of words")
        conf = r.get("confidence", 0.75)
        if not isinstance(conf, (int, float)) or not 0 < conf <= 1:
            raise PackError(path, r.key_line("confidence"), f"{what}: confidence must be in (0, 1]")
        rules.append(
            ClauseRule(
                r["id"],
                r["category"],
                r.get("description", ""),
                float(conf),
                Patterns(path, r.get("strong"), r.key_line("strong"), f"{what}: strong", facts),
                Patterns(path, r.get("patterns"), r.key_line("patterns"), f"{what}: patterns", facts),
                Patterns(path, r.get("unless"), r.key_line("unless"), f"{what}: unless", facts),
                _examples(path, r, what),
                [_norm(a) for a in anchors],
            )
        )
    risks: list[RiskRule] = []
    for r in data.get("risks") or []:
        check_keys(path, r, _RISK_KEYS, {"id", "of", "title", "patterns"}, "risk")
        what = f"risk '{r['id']}'"
        if r["of"] not in CLAUSE_CATEGORIES:
            raise PackError(path, r.key_line("of"), f"{what}: unknown category '{r['of']}'")
        if r.get("severity", "medium") not in ("low", "medium", "high"):
            raise PackError(path, r.key_line("severity"), f"{what}: severity must be low, medium or high")
        risks.append(
            RiskRule(
                r["id"],
                r["of"],
                r.get("severity", "medium"),
                r["title"],
                Patterns(path, r["patterns"], r.key_line("patterns"), f"{what}: patterns", facts),
                Patterns(path, r.get("unless"), r.key_line("unless"), f"{what}: unless", facts),
                _examples(path, r, what),
            )
        )
    passing: list[Passing] = []
    for p in data.get("passing") or []:
        check_keys(path, p, _PASSING_KEYS, {"name", "why", "hides", "patterns"}, "passing phrase")
        what = f"passing phrase '{p['name']}'"
        hides = p["hides"]
        if hides == "all":
            hidden = None
        elif isinstance(hides, list) and hides and all(h in CLAUSE_CATEGORIES for h in hides):
            hidden = frozenset(hides)
        else:
            raise PackError(
                path, p.key_line("hides"), f"{what}: hides takes 'all' or a list of clause categories"
            )
        passing.append(
            Passing(
                str(p["name"]),
                str(p["why"]),
                hidden,
                Patterns(path, p["patterns"], p.key_line("patterns"), f"{what}: patterns", facts),
                _examples(path, p, what),
                _flag(path, p, "name_of_body", what),
            )
        )
    juris: dict[str, str] = {}
    for code, names in (data.get("jurisdictions") or {}).items():
        for n in names or []:
            juris[str(n).lower()] = str(code).upper()
    pack = ClausePack(
        Patterns(path, data["operative"], data.key_line("operative"), "operative", facts),
        Patterns(path, data["parties"], data.key_line("parties"), "parties", facts),
        headings,
        Patterns(path, data.get("question"), data.key_line("question"), "question", facts),
        rules,
        risks,
        juris,
        passing=passing,
        denials=Patterns(path, data.get("denials"), data.key_line("denials"), "denials", facts),
    )
    if root is not None and facts.checked:
        from ..compiled import keep_regex_facts, writable

        if writable(root):  # else each run would derive every regex's literals only to fail to keep them
            keep_regex_facts(root, facts.table())
    return pack


@cache
def default_pack(root: Path | None = None) -> ClausePack:
    """The shipped pack, loaded once per process (per ``root``, as for ``load_pack``)."""
    return load_pack(root=root)


def risk_rule_ids(pack: ClausePack | None = None) -> set[str]:
    """Rule ids of the clause-risk findings that ``finalize`` can add."""
    pack = pack or default_pack()
    return {r.id for r in pack.risks} | DOCUMENT_RISKS


def clean(s: str, limit: int = 400) -> str:
    s = _WS.sub(" ", s).strip()
    return s if len(s) <= limit else s[: limit - 1] + "…"
