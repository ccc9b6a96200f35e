"""Plain data passed between the pipeline stages: extract -> detect -> guidance -> report.

Every stage reads and writes these dataclasses only; every output format renders a ``ScanResult``.
Locations are born in extraction and never recomputed: a ``TextBlock`` maps a character span of its
text back to a page box, a DOCX part/paragraph or a line/column.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Kind = Literal["finding", "declaration"]
Severity = Literal["info", "low", "medium", "high"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "low": 1, "medium": 2, "high": 3}

DOCX_PARTS = ("body", "table", "footnote", "endnote", "comment", "header", "footer", "textbox", "deleted")


@dataclass(frozen=True, slots=True)
class Location:
    """Where a piece of text lives. Only the fields that apply to the format are set.

    PDF: ``page`` (1-based) and ``bbox`` (x0, top, x1, bottom in PDF points, origin top-left).
    DOCX: ``part`` (one of DOCX_PARTS) and ``paragraph`` (0-based index within that part, as extraction
    counts; every rendered form, ``describe`` and ``to_dict``, shows it 1-based).
    Text files: ``line`` and ``column`` (both 1-based).
    ``section`` is the heading or clause number the text sits under, where known.
    ``start``/``end``: the mention's character offsets in its block's text where nothing else pins it down
    (DOCX), so a grouped mention can be found again by its own words. They are not part of the location's
    identity: two mentions in one paragraph are one place.
    """

    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    part: str | None = None
    paragraph: int | None = None
    line: int | None = None
    column: int | None = None
    section: str | None = None
    start: int | None = field(default=None, compare=False)
    end: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The location as reports show it: paragraph numbers 1-based, boxes rounded, no offsets."""
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is None or f.name in ("start", "end"):
                continue
            if f.name == "bbox":
                v = [round(x, 2) for x in v]
            elif f.name == "paragraph":
                v = v + 1
            out[f.name] = v
        return out

    def describe(self) -> str:
        """Short human form: 'p. 3', 'footnote ¶2', 'line 14:5'."""
        bits = []
        if self.page is not None:
            bits.append(f"p. {self.page}")
        if self.part is not None:
            bits.append(f"{self.part} ¶{(self.paragraph or 0) + 1}")
        if self.line is not None:
            bits.append(f"line {self.line}" + (f":{self.column}" if self.column else ""))
        if self.section:
            bits.append(f"§ {self.section}")
        return ", ".join(bits) or "document"


@dataclass(slots=True)
class TextBlock:
    """A run of text (paragraph, cell, note, page region) with its location.

    ``boxes`` (PDF) is a flat float array of 4 numbers per character of ``text`` (x0, top, x1, bottom);
    characters with no box (inserted spaces/newlines) hold NaN. ``line_offsets`` (text files) maps
    characters to source positions when the text was transformed (LaTeX): 2 ints per character
    (line, column). Without either, a span's location is the block's own location, refined by counting
    newlines when the block has a ``line``.
    """

    text: str
    location: Location
    boxes: array[float] | None = None
    line_offsets: array[int] | None = None
    _line_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def locate(self, start: int, end: int) -> Location:
        """Location of ``text[start:end]``."""
        loc = self.location
        if self.boxes is not None and len(self.boxes) >= 4 * end:
            x0 = top = float("inf")
            x1 = bottom = float("-inf")
            b = self.boxes
            for i in range(start, end):
                a = b[4 * i]
                if a != a:  # NaN: no glyph behind this character
                    continue
                x0 = min(x0, a)
                top = min(top, b[4 * i + 1])
                x1 = max(x1, b[4 * i + 2])
                bottom = max(bottom, b[4 * i + 3])
            if x0 != float("inf"):
                return Location(page=loc.page, bbox=(x0, top, x1, bottom), section=loc.section)
            return loc
        if self.line_offsets is not None and len(self.line_offsets) >= 2 * (start + 1):
            return Location(
                line=self.line_offsets[2 * start],
                column=self.line_offsets[2 * start + 1],
                section=loc.section,
            )
        if loc.line is not None:
            if self._line_starts is None:  # computed once: many findings in one long block stay linear
                self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]
            before = bisect_right(self._line_starts, start) - 1
            if before:
                col = start - self._line_starts[before] + 1
                return Location(line=loc.line + before, column=col, section=loc.section)
            return Location(line=loc.line, column=(loc.column or 1) + start, section=loc.section)
        if loc.part is not None:
            return Location(
                page=loc.page,
                part=loc.part,
                paragraph=loc.paragraph,
                section=loc.section,
                start=start,
                end=end,
            )
        return loc


@dataclass(slots=True)
class Document:
    """What extraction read from one file."""

    path: str
    format: str  # pdf | docx | text | markdown | latex
    blocks: list[TextBlock]
    pages: int | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@dataclass(slots=True)
class ListMatch:
    """An organisation name matched against a screening list entry.

    ``status`` is "designated" when the match is confirmed (exact name or alias, qualifiers agree) and
    "possible" when it needs a person to check (fuzzy, or a qualifier such as the city is missing).
    ``matched`` is the listed name or alias that matched; ``evidence`` says what raised or lowered the score.
    """

    list_id: str
    list_name: str
    snapshot: str | None
    entry: str
    score: float
    country: str | None = None
    entry_id: str | None = None
    regime: str | None = None
    matched: str | None = None
    status: Literal["designated", "possible"] = "designated"
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ControlCandidate:
    """A control-list entry worth self-rating the work against: a suggestion, never a classification.

    ``control_list`` is one of "UK dual-use", "UK national", "UK Military List", "US only". ``why`` names the term,
    the nearby cue or the parameter read from the text that suggested it; ``decontrol`` a note that may take
    the item out of control; ``exemptions`` the technology exemptions that can apply, with their limits.
    ``confidence`` is never above "medium".
    """

    entry: str
    control_list: str
    title: str
    why: list[str] = field(default_factory=list)
    confidence: Literal["low", "medium"] = "low"
    decontrol: str | None = None
    exemptions: list[str] = field(default_factory=list)
    source: str | None = None  # the official list and the date it was checked

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Finding:
    """One detected signal, explained.

    ``kind`` is "finding" for a positive signal and "declaration" for a form question, template
    guidance or a denial ("No"), which is shown but never counted. ``reasons`` lists the context that
    changed ``confidence`` (e.g. "+0.15 'military use' in sentence"). Repeated mentions of one rule in
    a document are grouped: ``location`` is the first, ``occurrences`` all of them.
    """

    rule_id: str
    category: str
    text: str
    context: str
    location: Location
    kind: Kind = "finding"
    severity: Severity = "low"
    confidence: float = 0.5
    subcategory: str | None = None
    country_code: str | None = None
    name: str | None = None
    lists: list[ListMatch] = field(default_factory=list)
    control_candidates: list[ControlCandidate] = field(default_factory=list)
    answer: str | None = None
    reasons: list[str] = field(default_factory=list)
    occurrences: list[Location] = field(default_factory=list)
    why: str = ""
    action: str = ""
    contacts: list[str] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    fingerprint: str | None = None
    suppressed: str | None = None  # reason, when an inline marker, ignore file or baseline suppressed it
    # offsets of the match inside its block's text; used by annotators to anchor comments
    block_index: int | None = None
    start: int | None = None
    end: int | None = None

    @property
    def count(self) -> int:
        return max(1, len(self.occurrences))

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "rule_id": self.rule_id,
            "category": self.category,
            "kind": self.kind,
            "severity": self.severity,
            "confidence": round(self.confidence, 3),
            "text": self.text,
            "context": self.context,
            "location": self.location.to_dict(),
        }
        if self.subcategory:
            d["subcategory"] = self.subcategory
        if self.country_code:
            d["country_code"] = self.country_code
        if self.name:
            d["name"] = self.name
        if self.lists:
            d["lists"] = [asdict(m) for m in self.lists]
        if self.control_candidates:
            d["control_candidates"] = [c.to_dict() for c in self.control_candidates]
        if self.answer is not None:
            d["answer"] = self.answer
        d["count"] = self.count
        if len(self.occurrences) > 1:
            d["occurrences"] = [o.to_dict() for o in self.occurrences]
        d["reasons"] = list(self.reasons)
        d["why"] = self.why
        d["action"] = self.action
        d["contacts"] = list(self.contacts)
        d["links"] = list(self.links)
        if self.fingerprint:
            d["fingerprint"] = self.fingerprint
        if self.suppressed:
            d["suppressed"] = self.suppressed
        return d


@dataclass(slots=True)
class RuleHelp:
    """What a report says about one rule in general: its guidance, independent of any one mention."""

    rule_id: str
    category: str
    category_label: str
    label: str
    why: str
    action: str
    steps: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class DocumentResult:
    """The outcome for one input file: either findings (status ok) or a one-line error."""

    path: str
    status: Literal["ok", "error"]
    error: str | None = None
    sha256: str | None = None
    format: str | None = None
    pages: int | None = None
    document_type: str | None = None
    risk_score: int = 0
    risk_reasons: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    cached: bool = False
    # what the reader should know about how the document was read (a language the packs do not cover,
    # content skipped): shown by every report
    warnings: list[str] = field(default_factory=list)

    @property
    def active_findings(self) -> list[Finding]:
        """Positive, unsuppressed findings: what counts towards exit codes and risk."""
        return [f for f in self.findings if f.kind == "finding" and not f.suppressed]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "error": self.error,
            "sha256": self.sha256,
            "format": self.format,
            "pages": self.pages,
            "document_type": self.document_type,
            "risk_score": self.risk_score,
            "risk_reasons": list(self.risk_reasons),
            "warnings": list(self.warnings),
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(slots=True)
class ScanResult:
    """Everything one run produced; the single input of every report format."""

    documents: list[DocumentResult]
    tool_version: str = ""
    baseline_unmatched: list[dict[str, Any]] = field(default_factory=list)  # stale baseline entries
    rules: dict[str, RuleHelp] = field(default_factory=dict)  # guidance per rule id found in the run
    knowledge: dict[str, Any] = field(default_factory=dict)  # dates and notes of the data the run used

    def summary(self) -> dict[str, Any]:
        by_sev = {s: 0 for s in ("high", "medium", "low", "info")}
        by_cat: dict[str, int] = {}
        declarations = suppressed = 0
        for d in self.documents:
            for f in d.findings:
                if f.suppressed:
                    suppressed += 1
                elif f.kind == "declaration":
                    declarations += 1
                else:
                    by_sev[f.severity] = by_sev.get(f.severity, 0) + 1
                    by_cat[f.category] = by_cat.get(f.category, 0) + 1
        return {
            "documents": len(self.documents),
            "ok": sum(1 for d in self.documents if d.status == "ok"),
            "errors": sum(1 for d in self.documents if d.status == "error"),
            "findings": sum(by_sev.values()),
            "declarations": declarations,
            "suppressed": suppressed,
            "by_severity": by_sev,
            "by_category": dict(sorted(by_cat.items())),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "tool": {"name": "grantscan", "version": self.tool_version},
            "documents": [d.to_dict() for d in self.documents],
            "summary": self.summary(),
            **({"baseline_unmatched": self.baseline_unmatched} if self.baseline_unmatched else {}),
            **({"knowledge": dict(self.knowledge)} if self.knowledge else {}),
        }
