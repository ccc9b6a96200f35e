"""Agreement clauses: export control, IP, publication, data, confidentiality, law, liability, security.

Rules live in ``patterns/clauses.yaml``. A clause is reported only where contract language is present
(operative verbs, defined party terms, or a clause heading of the same kind), never for a bare section
name in a table of contents. ``finalize`` keeps clause findings for agreements, lowers their confidence
for short or unclassified texts, drops them from proposals and forms (whose contract-like sentences are
descriptions or questions), and adds document-level risk findings: non-UK governing law, IP assignment,
publication veto, foreign access, and a missing export clause where controlled technology is present.

Speed: a rule's regexes run only on sentences holding one of its anchor words (one cached word lookup per
sentence), and once the head of a document shows it is a proposal or form only its questions are read,
since clause findings are dropped there and only declarations are kept. Each regex also runs only where
the literal words every one of its matches must contain are in the lower-cased text (derived from the
parsed regex; see ``_needs_of``), which skips most regexes of most sentences without changing a result.
A one-sentence clause in contract form is not marked down for being too short to be recognised as an
agreement.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path

from ..config import Config
from ..knowledge.clauses import DOCUMENT_RISKS, EXPORT_MISSING, LAW_NON_UK
from ..knowledge.loader import LineDict, PackError, check_keys, load_yaml
from ..knowledge.resources import patterns_dir
from ..knowledge.taxonomy import CLAUSE_CATEGORIES, TECH_CATEGORIES
from ..model import Document, Finding, Location, TextBlock
from .doctype import classify
from .tokens import char_span_of, sent_starts

UK = "GB"

_TOP_KEYS = {"operative", "parties", "headings", "question", "rules", "risks", "jurisdictions"}
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


def _loosen(pattern: str) -> str:
    """The same regex with optional word spaces and no word boundaries, for PDF text that lost its spaces."""
    return pattern.replace(r"\s+", r"\s*").replace(r"\b", "").replace(" ", r"\s*")


# --- literal prefilters ---------------------------------------------------------------------------

try:  # the regex parser of the standard library (Python 3.11+); without it nothing is prefiltered
    from re import _parser as _sre_parse
    from re._constants import (
        ASSERT,
        ASSERT_NOT,
        AT,
        ATOMIC_GROUP,
        BRANCH,
        IN,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        POSSESSIVE_REPEAT,
        SUBPATTERN,
    )
except ImportError:  # pragma: no cover
    _sre_parse = None

# Non-ASCII characters that a case-insensitive regex matches for an ASCII letter (İ, ı for 'i', ſ for 's',
# the Kelvin sign for 'k'): in a text holding one, lower-cased substrings do not show every match.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
_MAX_ALTS = 64  # the most spellings one literal choice may have before it stops being worth listing


def _literal_char(code: int) -> str | None:
    """The character of a regex literal when a case-insensitive match is that character up to ASCII case
    (ASCII, or a character without case such as '?' or '☐'), else None."""
    c = chr(code)
    return c if c.isascii() or c.lower() == c == c.upper() else None


def _score(need: frozenset[str]) -> tuple[int, int]:
    """How cheap and telling a literal choice is to test: few alternatives (a test costs a pass over the
    text each), then long ones."""
    return -len(need), min(map(len, need))


def _minimal(alts: set[str]) -> frozenset[str]:
    """Alternatives without those containing a shorter one: a text holding 'agreed' holds 'agree'."""
    return frozenset(a for a in alts if not any(b != a and b in a for b in alts))


def _joined(items: object) -> list[tuple[object, object]]:
    """A parsed regex sequence with each run of literal characters as one ``(None, string)`` item."""
    out: list[tuple[object, object]] = []
    buf: list[str] = []
    for op, av in getattr(items, "data", items):
        c = _literal_char(av) if op is LITERAL else None
        if c:
            buf.append(c.lower())
            continue
        if buf:
            out.append((None, "".join(buf)))
            buf = []
        out.append((op, av))
    if buf:
        out.append((None, "".join(buf)))
    return out


def _literals(items: object) -> tuple[set[str] | None, list[frozenset[str]]]:  # noqa: C901 - one case per opcode
    """For a parsed regex sequence: the exact strings it matches (None when not a small finite set), and
    literal choices one of each of which is in every text it matches (lower-cased)."""
    needs: list[frozenset[str]] = []
    run: set[str] = {""}  # product of the exact nodes since the last inexact one
    exact: set[str] | None = {""}

    def end_run() -> None:
        if run and "" not in run:
            needs.append(_minimal(run))

    for op, av in _joined(items):
        node: set[str] | None = None
        if op is None:
            node = {av}  # type: ignore[set-item]
        elif op is IN:
            chars = [_literal_char(a) if o is LITERAL else None for o, a in av]
            node = {c.lower() for c in chars} if chars and all(chars) else None
        elif op in (AT, ASSERT, ASSERT_NOT):
            node = {""}  # zero-width
        elif op in (SUBPATTERN, ATOMIC_GROUP):
            sub = av[-1] if op is SUBPATTERN else av
            node, inner = _literals(sub)
            if node is None:
                needs.extend(inner)
        elif op is BRANCH:
            parts = [_literals(b) for b in av[1]]
            if all(e is not None for e, _ in parts) and sum(len(e) for e, _ in parts) <= _MAX_ALTS:
                node = set().union(*(e for e, _ in parts))
            elif all(n for _, n in parts):
                needs.append(_minimal(set().union(*(max(n, key=_score) for _, n in parts))))
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            lo, hi, sub = av
            inner_exact, inner = _literals(sub)
            if lo == 0 and hi == 1 and inner_exact is not None:
                node = inner_exact | {""}
            elif lo >= 1:
                if lo == hi == 1 and inner_exact is not None:
                    node = inner_exact
                else:
                    if inner_exact is not None and "" not in inner_exact:
                        inner = [*inner, _minimal(inner_exact)]
                    needs.extend(inner)
        if node is None:
            end_run()
            run, exact = {""}, None
            continue
        joined = {a + b for a in run for b in node}
        if len(joined) > _MAX_ALTS:
            end_run()
            joined = set(node)
        run = joined
        if exact is not None:
            exact = {a + b for a in exact for b in node}
            if len(exact) > _MAX_ALTS:
                exact = None
    end_run()
    return exact, needs


@lru_cache(maxsize=4096)
def _needs_of(pattern: str) -> tuple[frozenset[str], ...]:
    """Up to two literal choices, the most telling, of which every match of ``pattern`` (under re.I) holds
    one each; empty when none can be derived."""
    if _sre_parse is None:  # pragma: no cover
        return ()
    try:
        _, needs = _literals(_sre_parse.parse(pattern, re.I))
    except Exception:  # noqa: BLE001 - an unparsable pattern is simply not prefiltered
        return ()
    needs = [n for n in needs if n and "" not in n]
    return tuple(sorted(set(needs), key=_score, reverse=True)[:2])


def _holds(needs: tuple[frozenset[str], ...], low: str) -> bool:
    """Whether lower-cased ``low`` holds one literal of each choice in ``needs``."""
    for need in needs:
        for lit in need:
            if lit in low:
                break
        else:
            return False
    return True


def _lowered(text: str) -> str | None:
    """``text`` lower-cased for literal prefilters, or None where a case-insensitive regex could match an
    ASCII letter with a character that lower-casing does not turn into it."""
    if not text.isascii():
        for c in _FOLDS_TO_ASCII:
            if c in text:
                return None
    return text.lower()


class _Patterns:
    """A list of regexes with a strict form and a loose form (for space-less text).

    Each regex carries literal prefilters (``_needs_of``): given the lower-cased text, a regex is only
    run where the literals every one of its matches must contain are present."""

    def __init__(self, path: Path, node: object, line: int, what: str):
        if node is None:
            node = []
        if not isinstance(node, list) or not all(isinstance(p, str) for p in node):
            raise PackError(path, line, f"{what}: expected a list of regex strings")
        self.strict: list[re.Pattern[str]] = []
        self.loose: list[re.Pattern[str]] = []
        for p in node:
            try:
                self.strict.append(re.compile(p, re.I))
                self.loose.append(re.compile(_loosen(p), re.I))
            except re.error as e:
                raise PackError(path, line, f"{what}: bad regex {p!r}: {e}") from None
        self._source = list(node)
        self._combined: re.Pattern[str] | None = None
        self._joinable = True

    # The prefilters are derived on first use (parsing every regex again takes a while, and a scan
    # rarely needs them all: loose forms only for text without word spaces).
    @cached_property
    def _strict_needs(self) -> list[tuple[re.Pattern[str], tuple[frozenset[str], ...]]]:
        return [(rx, _needs_of(rx.pattern)) for rx in self.strict]

    @cached_property
    def _loose_needs(self) -> list[tuple[re.Pattern[str], tuple[frozenset[str], ...]]]:
        return [(rx, _needs_of(rx.pattern)) for rx in self.loose]

    @cached_property
    def _by_cost(self) -> list[tuple[re.Pattern[str], tuple[frozenset[str], ...]]]:
        """For ``occurs`` any order will do: regexes that open with a word boundary are tried at every
        position of a text, so they go last."""
        return sorted(self._strict_needs, key=lambda x: x[0].pattern.startswith("\\b"))

    def occurs(self, text: str, low: str | None = None) -> bool:
        """Whether any of the (strict) regexes matches somewhere in ``text``, in one pass where possible;
        with ``low`` (``text`` lower-cased, see ``_lowered``) only regexes whose literals are there run."""
        if low is not None:
            for rx, needs in self._by_cost:
                if (not needs or _holds(needs, low)) and rx.search(text):
                    return True
            return False
        if self._joinable and self._combined is None and self._source:
            try:
                self._combined = re.compile("|".join(f"(?:{p})" for p in self._source), re.I)
            except re.error:  # a pattern with a global flag cannot be joined with others
                self._joinable = False
        if self._combined is not None:
            return self._combined.search(text) is not None
        return self.search(text) is not None

    def search(self, text: str, squashed: bool = False, low: str | None = None) -> re.Match[str] | None:
        """The first regex match in ``text`` (loose forms when ``squashed``); ``low`` as for ``occurs``."""
        if low is None:
            for rx in self.loose if squashed else self.strict:
                m = rx.search(text)
                if m:
                    return m
            return None
        for rx, needs in self._loose_needs if squashed else self._strict_needs:
            if needs and not _holds(needs, low):
                continue
            m = rx.search(text)
            if m:
                return m
        return None

    def __bool__(self) -> bool:
        return bool(self.strict)


@dataclass(slots=True)
class ClauseRule:
    id: str
    category: str
    description: str
    confidence: float
    strong: _Patterns
    patterns: _Patterns
    unless: _Patterns
    examples: dict = field(default_factory=dict)
    anchors: list[str] = field(default_factory=list)  # empty: the rule is tried on every sentence


class _Anchors:
    """Which rules can possibly match a sentence, from its words.

    Each rule names anchors, at least one of which occurs in every text its regexes match. An anchor is
    a word or a few words (all must occur); a word of three letters or fewer must equal a word of the
    text ("ip", "ear"), a longer one may also sit inside a word ("licen" in "sublicensable", also in
    text without spaces). Each distinct word is looked up once (cached), so a text costs one ``findall``.
    """

    _WORD = re.compile(r"\w+")

    def __init__(self, rules: list[ClauseRule]):
        self.always = frozenset(r.id for r in rules if not r.anchors)
        self._single: dict[str, set[str]] = {}  # part -> rule ids of one-part anchors
        self._multi: list[tuple[frozenset[str], str]] = []  # (parts, rule id) of several-word anchors
        parts: set[str] = set()
        for r in rules:
            for a in r.anchors:
                ps = frozenset(self._WORD.findall(a))
                if len(ps) == 1:
                    self._single.setdefault(next(iter(ps)), set()).add(r.id)
                else:
                    self._multi.append((ps, r.id))
                parts |= ps
        self._short = frozenset(p for p in parts if len(p) <= 3)
        long_parts = sorted((p for p in parts if len(p) > 3), key=len, reverse=True)
        # only the longest alternative is seen at one position: a part also stands for its prefixes
        self._prefixes = {p: frozenset(q for q in long_parts if p.startswith(q)) for p in long_parts}
        # zero-width lookahead: overlapping parts inside one word are all found
        self._long = re.compile("(?=(" + "|".join(map(re.escape, long_parts)) + "))") if long_parts else None
        self._parts_of: dict[str, frozenset[str]] = {}

    def parts(self, text: str, lowered: bool = False) -> set[str]:
        """The anchor parts present in ``text`` (already lower-cased when ``lowered``)."""
        words = self._WORD.findall(text if lowered else text.lower())
        got = list(map(self._parts_of.get, words))
        if None in got:
            got = [g if g is not None else self._learn(w) for g, w in zip(got, words, strict=True)]
        return set().union(*got)

    def any_part(self, text: str, lowered: bool = False) -> bool:
        """Whether ``text`` holds any anchor part (``bool(parts(text))``, stopping at the first word with one)."""
        cache = self._parts_of
        for m in self._WORD.finditer(text if lowered else text.lower()):
            got = cache.get(m.group())
            if got is None:
                got = self._learn(m.group())
            if got:
                return True
        return False

    def _learn(self, word: str) -> frozenset[str]:
        """The anchor parts in one word, cached."""
        found: set[str] = set()
        if self._long is not None:
            for p in self._long.findall(word):
                found |= self._prefixes[p]
        if word in self._short:
            found.add(word)
        got = frozenset(found)
        if len(self._parts_of) > 200_000:
            self._parts_of.clear()
        self._parts_of[word] = got
        return got

    def rules(self, present: set[str]) -> set[str]:
        """Rule ids with an anchor whose words are all in ``present``."""
        out = set(self.always)
        for p in present:
            ids = self._single.get(p)
            if ids:
                out |= ids
        for ps, rid in self._multi:
            if rid not in out and ps <= present:
                out.add(rid)
        return out


def _norm(anchor: str) -> str:
    return _WS.sub(" ", str(anchor).strip().lower())


@dataclass(slots=True)
class RiskRule:
    id: str
    of: str
    severity: str
    title: str
    patterns: _Patterns
    unless: _Patterns
    examples: dict = field(default_factory=dict)


@dataclass(slots=True)
class ClausePack:
    """The compiled contents of clauses.yaml."""

    operative: _Patterns
    parties: _Patterns
    headings: dict[str, _Patterns]
    question: _Patterns
    rules: list[ClauseRule]
    risks: list[RiskRule]
    jurisdictions: dict[str, str]  # lower-cased name -> ISO alpha-2
    anchors: _Anchors | None = None

    def __post_init__(self) -> None:
        if self.anchors is None:
            self.anchors = _Anchors(self.rules)


def _examples(path: Path, d: LineDict, what: str) -> dict:
    ex = d.get("examples") or {}
    if not isinstance(ex, dict) or set(ex) - {"match", "no_match"}:
        raise PackError(path, d.key_line("examples"), f"{what}: examples takes 'match' and 'no_match' lists")
    return {k: list(v or []) for k, v in ex.items()}


def load_pack(path: str | Path | None = None) -> ClausePack:
    """Load and validate a clause pack; errors are PackError naming file and line."""
    path = Path(path) if path else patterns_dir() / "clauses.yaml"
    data = load_yaml(path)
    check_keys(path, data, _TOP_KEYS, {"operative", "parties", "rules"}, "clauses pack")
    headings_node = data.get("headings") or {}
    headings = {}
    for cat, pats in headings_node.items():
        if cat not in CLAUSE_CATEGORIES:
            raise PackError(path, headings_node.key_line(cat), f"headings: unknown category '{cat}'")
        headings[cat] = _Patterns(path, pats, headings_node.key_line(cat), f"headings.{cat}")
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
                _Patterns(path, r.get("strong"), r.key_line("strong"), f"{what}: strong"),
                _Patterns(path, r.get("patterns"), r.key_line("patterns"), f"{what}: patterns"),
                _Patterns(path, r.get("unless"), r.key_line("unless"), f"{what}: unless"),
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
                _Patterns(path, r["patterns"], r.key_line("patterns"), f"{what}: patterns"),
                _Patterns(path, r.get("unless"), r.key_line("unless"), f"{what}: unless"),
                _examples(path, r, what),
            )
        )
    juris: dict[str, str] = {}
    for code, names in (data.get("jurisdictions") or {}).items():
        for n in names or []:
            juris[str(n).lower()] = str(code).upper()
    return ClausePack(
        _Patterns(path, data["operative"], data.key_line("operative"), "operative"),
        _Patterns(path, data["parties"], data.key_line("parties"), "parties"),
        headings,
        _Patterns(path, data.get("question"), data.key_line("question"), "question"),
        rules,
        risks,
        juris,
    )


@cache
def _default_pack() -> ClausePack:
    return load_pack()


def risk_rule_ids(pack: ClausePack | None = None) -> set[str]:
    """Rule ids of the clause-risk findings that ``finalize`` can add."""
    pack = pack or _default_pack()
    return {r.id for r in pack.risks} | DOCUMENT_RISKS


# --- sections -------------------------------------------------------------------------------------

# "7.2 Export Control", "Article 9. Governing Law", "Section 5: Liability", "## 4. Confidentiality",
# CommonAccord keys "11.7.Ti=Applicable law" / "11.7.sec=...".
_HEADING_LINE = re.compile(
    r"^[#>*\s]*(?P<label>(?:(?:article|section|clause|schedule|annex)\s*[0-9IVXivx]+(?:\.\d+)*"
    r"|\d{1,2}(?:\.\d{1,2}){0,4})(?!\d)\.?)(?:\.(?:ti|sec)=)?[\s:.\-–)]*(?P<title>[^\n]*)$",
    re.I,
)
_NUMBERED = re.compile(r"^[#>*\s]*(?P<label>\d{1,2}(?:\.\d{1,2}){0,4})\.?(?:\.(?:ti|sec)=)?[\s)]", re.I)
_VERB = re.compile(r"\b(?:shall|will|must|may|is|are|has|have|was|were|be)\b", re.I)
_FIELD_LABELS = {
    "title",
    "name",
    "date",
    "signature",
    "signed",
    "address",
    "email",
    "e-mail",
    "by",
    "for",
    "place",
    "position",
    "witness",
    "telephone",
    "phone",
    "and",
    "between",
}
_TITLE_ONLY = re.compile(r"^[#\s]*(?P<title>[A-Z][A-Za-z ,&/'’-]{2,60})$")
_KIND_NUMBER = re.compile(r"(?i)^(article|section|clause|schedule|annex)(?=\d)")  # "Article9" -> "Article 9"
_LEADER = re.compile(r"(?<!\s)\s*+(?:\.{3,}+|…++).*$")  # table-of-contents dots and what follows
_KIND_COLON = re.compile(r"(?i)^(?:article|section|clause)\s*:\s*")
_TITLE_END = re.compile(r"[:.]\s|\.(?=[A-Z])|\.$")


def _heading_of_line(line: str) -> str | None:
    """The heading a line opens ('7.2 Export Control', '9'), or None."""
    s = line.strip()
    if not s or len(s) > 400:
        return None
    return _heading_of_stripped(s)


@lru_cache(maxsize=8192)
def _heading_of_stripped(s: str) -> str | None:
    """``_heading_of_line`` of a stripped line (cached: a block's first line is asked for up to three
    times, and short headings recur)."""
    m = _HEADING_LINE.match(s)
    if not m:
        return None
    label = _WS.sub(" ", m.group("label")).strip().rstrip(".")
    label = _KIND_NUMBER.sub(r"\1 ", label)
    title = _LEADER.sub("", m.group("title")).strip()
    if "=" in title[:12]:  # CommonAccord "Alt1.sec=..." and similar keys
        title = title.split("=", 1)[1]
    if label.isdigit() and title[:1].islower():  # "12 months after ...": a number, not a clause
        return None
    title = _KIND_COLON.sub("", title)
    if not title:
        return label
    head = _TITLE_END.split(title, maxsplit=1)[0].strip()
    if (
        len(head) <= 60
        and len(head.split()) <= 7
        and head[:1].isupper()
        and not _VERB.search(head)
        and (head != title or len(title) <= 60)
    ):
        return f"{label} {head}"
    return label


def section_at(text: str, pos: int) -> str | None:
    """The nearest clause heading or number before ``pos`` in ``text``."""
    start = text.rfind("\n", 0, pos) + 1
    while True:
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)]
        h = _heading_of_line(line)
        if h:
            return h
        if start == 0:
            return None
        start = text.rfind("\n", 0, start - 1) + 1


# The start of every line that ``_heading_of_line`` can take for a heading (white space other than a line
# break, then what _HEADING_LINE needs first): other lines are not looked at.
_LINE_HEAD = re.compile(r"^(?:[#>*]|[^\S\n])*(?:article|section|clause|schedule|annex|\d)", re.I | re.M)


class _Sections:
    """Clause headings of one block by position (``section_at`` for many offsets), built on first use:
    most blocks have no sentence that matches a rule."""

    def __init__(self, text: str):
        self._text: str | None = text
        self.starts: list[int] = []
        self.headings: list[str] = []

    def _build(self, text: str) -> None:
        for m in _LINE_HEAD.finditer(text):
            start = m.start()
            end = text.find("\n", start)
            h = _heading_of_line(text[start : end if end >= 0 else len(text)])
            if h:
                self.starts.append(start)
                self.headings.append(h)

    def at(self, pos: int) -> str | None:
        if self._text is not None:
            self._build(self._text)
            self._text = None
        i = bisect_right(self.starts, pos) - 1
        return self.headings[i] if i >= 0 else None


def _block_heading(text: str) -> str | None:
    """A heading carried by a whole short block ('Governing Law', '11. Miscellaneous')."""
    s = text.strip()
    if not s or len(s) > 120 or "\n" in s:
        return None
    h = _heading_of_line(s)
    if h:
        # "4. Governing law. This Agreement is governed by ..." is a clause that carries its heading
        rest = _LEADER.sub("", _HEADING_LINE.match(s).group("title"))
        return h if len(rest.split()) <= 8 and not _VERB.search(rest) else None
    m = _TITLE_ONLY.match(s)
    if not m or m.group("title").strip().lower() in _FIELD_LABELS:
        return None
    return m.group("title").strip()


# --- the detector ---------------------------------------------------------------------------------

_WS = re.compile(r"\s+")
# A run of 22 or more letters (words whose spaces were lost), found in one pass: shorter runs and what
# separates them are taken whole and never retried, which searching for the run itself would do at
# every letter.
_SQUASHED = re.compile(r"(?:[A-Za-z]{0,21}+[^A-Za-z]++)*+[A-Za-z]{22}")


def _squashed(text: str) -> bool:
    """Whether ``text`` holds a run of 22 or more letters."""
    return _SQUASHED.match(text) is not None


def _clean(s: str, limit: int = 400) -> str:
    s = _WS.sub(" ", s).strip()
    return s if len(s) <= limit else s[: limit - 1] + "…"


class ClauseDetector:
    """Finds agreement clauses in a block and adds document-level clause-risk findings."""

    def __init__(self, nlp, config: Config, pack: ClausePack | None = None):  # noqa: ANN001 - spacy.Language
        self.nlp, self.config = nlp, config
        self.pack = pack or _default_pack()
        enabled = getattr(config, "categories", None)
        self._rules = [r for r in self.pack.rules if enabled is None or r.category in enabled]
        self._rule_ids = {r.id for r in self.pack.rules}
        self._always = {r.id for r in self._rules if not r.anchors}
        self._anchored = len(self._always) < len(self._rules)
        self._heading: str | None = None
        self._heading_cats: frozenset[str] = frozenset()
        self._doctype: str | None = None
        self._names: _NameScan | None = None  # built on first use: most documents never need it
        self._cats_of: dict[str, frozenset[str]] = {}

    def _sentences(self, sdoc, text: str) -> list[tuple[int, int]]:  # noqa: ANN001
        if sdoc is None and self.nlp is not None:
            sdoc = self.nlp(text.replace("\n", " "))
        if sdoc is not None:
            try:
                starts = sent_starts(sdoc)
            except ValueError:  # a pipeline without sentence boundaries
                pass
            else:
                n = len(sdoc)
                return [char_span_of(sdoc, a, b) for a, b in zip(starts, [*starts[1:], n], strict=True)]
        return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]*", text)]

    def _categories_of_heading(self, heading: str | None) -> frozenset[str]:
        if not heading:
            return frozenset()
        cats = self._cats_of.get(heading)
        if cats is None:
            low = _lowered(heading)
            cats = frozenset(c for c, pats in self.pack.headings.items() if pats.search(heading, low=low))
            if len(self._cats_of) > 10_000:
                self._cats_of.clear()
            self._cats_of[heading] = cats
        return cats

    def begin(self, document: Document, doctype: str) -> None:
        """Start a document of type ``doctype``: it decides how much work a block needs (clauses of proposals
        and forms are dropped, so there only questions are read: they are declarations)."""
        self._heading, self._heading_cats = None, frozenset()
        self._doctype = doctype

    def find(self, sdoc, block: TextBlock, block_index: int) -> list[Finding]:  # noqa: ANN001 - spacy Doc
        """Clause findings of one block (a sentence yields at most one finding per rule). Only sentences
        holding an anchor of a rule are tried against that rule's regexes."""
        return self._block(sdoc, block, block_index)

    def find_block(
        self,
        sdoc,
        block: TextBlock,
        block_index: int,  # noqa: ANN001 - spacy Doc or None
        document_type: str = "agreement",
    ) -> list[Finding]:
        """Clause findings of one block at once, read as part of a document of ``document_type``
        (for checking rules and their examples; ``find`` waits for the real type)."""
        saved, self._doctype = self._doctype, document_type
        try:
            return self._block(sdoc, block, block_index)
        finally:
            self._doctype = saved

    def _block(self, sdoc, block: TextBlock, block_index: int) -> list[Finding]:  # noqa: ANN001
        text = block.text
        own = _block_heading(text)
        if own:
            self._heading, self._heading_cats = own, self._categories_of_heading(own)
            return []
        out: list[Finding] = []
        anchors = self.pack.anchors
        questions_only = self._doctype in ("proposal", "form")
        squashed_block = _squashed(text)
        low = _lowered(text)  # None: no literal prefilters for this block
        # in a proposal or form only a question can give a kept (declaration) finding
        readable = not questions_only or self.pack.question.occurs(text, low)
        if readable and (
            squashed_block
            or self._always
            or (
                self._anchored
                and (anchors.any_part(low, lowered=True) if low is not None else anchors.any_part(text))
            )
        ):
            sections = _Sections(text)
            for s_start, s_end in self._sentences(sdoc, text):
                sent = text[s_start:s_end]
                # lower-casing keeps offsets: _lowered refuses the one character it would expand
                sent_low = low[s_start:s_end] if low is not None else None
                squashed = squashed_block and _squashed(sent)
                if squashed:
                    rules = self._rules
                else:
                    ids = (
                        anchors.rules(
                            anchors.parts(sent_low, lowered=True)
                            if sent_low is not None
                            else anchors.parts(sent)
                        )
                        if self._anchored
                        else self._always
                    )
                    rules = [r for r in self._rules if r.id in ids]
                if (
                    not rules
                    or not sent.strip()
                    or (questions_only and not self.pack.question.search(sent, low=sent_low))
                ):
                    continue
                out.extend(
                    self._find_in_sentence(
                        block, block_index, text, s_start, sent, sent_low, rules, squashed, sections
                    )
                )
        # a numbered paragraph whose first line is a heading opens a section for the following blocks
        first = text.split("\n", 1)[0]
        h = _heading_of_line(first)
        if h and " " in h:
            self._heading, self._heading_cats = h, self._categories_of_heading(h)
        return out

    def _find_in_sentence(
        self,
        block: TextBlock,
        block_index: int,
        text: str,
        offset: int,
        sent: str,
        low: str | None,
        rules: list[ClauseRule],
        squashed: bool,
        sections: _Sections,
    ) -> list[Finding]:
        pack = self.pack
        ctx: dict[str, object] = {}

        def context() -> dict[str, object]:  # computed once, and only for a sentence that matched
            if not ctx:
                local = sections.at(offset + len(sent) - len(sent.lstrip()))
                section = local or block.location.section or self._heading
                ctx.update(
                    section=section,
                    question=bool(pack.question.search(sent, low=low)),
                    heading_cats=self._categories_of_heading(section) | self._heading_cats,
                    op=pack.operative.search(sent, squashed, low),
                    party=pack.parties.search(sent, squashed, low),
                )
            return ctx

        out: list[Finding] = []
        for rule in rules:
            m = rule.strong.search(sent, squashed, low)
            how = "strong"
            if m is None and rule.patterns:
                m = rule.patterns.search(sent, squashed, low)
                how = "pattern"
                if m is not None:
                    c = context()
                    if not (c["op"] or c["party"] or rule.category in c["heading_cats"] or c["question"]):
                        m = None
            if m is None or rule.unless.search(sent, squashed, low):
                continue
            c = context()
            section, question, heading_cats = c["section"], c["question"], c["heading_cats"]
            op, party = c["op"], c["party"]
            conf = rule.confidence
            reasons: list[str] = []
            if how == "strong":
                reasons.append(f"contract phrase '{_clean(m.group(0), 60)}'")
            if op:
                reasons.append(f"operative language '{_clean(op.group(0), 30)}'")
            if party:
                reasons.append(f"party term '{_clean(party.group(0), 30)}'")
            if rule.category in heading_cats:
                conf = round(min(1.0, conf + 0.1), 3)
                reasons.append(f"+0.10 under heading '{section or self._heading}'")
            if squashed:
                reasons.append("matched in text without word spaces")
            start, end = offset + m.start(), offset + m.end()
            loc = block.locate(start, end)
            if section and loc.section != section:
                loc = replace(loc, section=section)
            f = Finding(
                rule_id=rule.id,
                category=rule.category,
                text=_clean(m.group(0), 120),
                context=_clean(sent),
                location=loc,
                confidence=conf,
                reasons=reasons,
                block_index=block_index,
                start=start,
                end=end,
            )
            if question:
                f.kind = "declaration"
                f.confidence = min(f.confidence, 0.5)
                f.reasons.append("question or template text: declaration, not a clause")
            out.append(f)
        return out

    # --- document level ---------------------------------------------------------------------------

    def finalize(self, document: Document, own: list[Finding], earlier: list[Finding]) -> list[Finding]:
        """Weigh clause findings by document type and add clause-risk findings (a missing export clause is
        judged against the technology findings ``earlier`` detectors kept)."""
        doctype = self._doctype or classify(document)
        self._doctype = None
        kept: list[Finding] = []
        for f in own:
            if f.category in CLAUSE_CATEGORIES and f.kind == "finding" and f.rule_id in self._rule_ids:
                if doctype in ("proposal", "form"):
                    continue
                if doctype == "agreement":
                    f.confidence = round(min(1.0, f.confidence + 0.05), 3)
                    f.reasons.append("+0.05 document is an agreement")
                elif not _operative_clause(f):
                    f.confidence = round(f.confidence * 0.8, 3)
                    f.reasons.append("x0.8 document is not recognised as an agreement")
            kept.append(f)
        if doctype in ("proposal", "form"):
            return kept
        return kept + self._risks(document, kept + earlier, doctype)

    def _risks(self, document: Document, findings: list[Finding], doctype: str) -> list[Finding]:
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
            low = _lowered(f.context)
            for risk in self.pack.risks:
                if risk.id in done or risk.of != f.category:
                    continue
                squashed = _squashed(f.context)
                m = risk.patterns.search(f.context, squashed, low)
                if m and not risk.unless.search(f.context, squashed, low):
                    done.add(risk.id)
                    out.append(
                        self._risk_finding(
                            f, risk.id, risk.severity, risk.title, evidence=_clean(m.group(0), 80)
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
        return self._scan_names(s)

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

    def _scan_names(self, s: str) -> tuple[str | None, str | None]:
        """The jurisdiction or country name that occurs first in ``s`` (the earlier listed one where two
        start at the same place)."""
        if self._names is None:
            self._names = _NameScan([*self.pack.jurisdictions.items(), *_country_names().items()])
        return self._names.first(s)


def _operative_clause(f: Finding) -> bool:
    """A finding from a sentence in contract form (a contract phrase, or operative language such as
    "shall", "agrees to", "undertakes not to"): such a sentence is itself evidence of an agreement,
    whatever the rest of the text."""
    return any(r.startswith(("contract phrase", "operative language")) for r in f.reasons)


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
