"""Document type: proposal, agreement, form or other, so the right checks run.

Cheap by design: the title (first blocks) and counts of telling phrases in the first part of the text.
Agreements (collaboration/consortium agreements, MoUs, NDAs, data-sharing agreements, licences) speak
of "the Parties", "WHEREAS", "IN WITNESS WHEREOF"; proposals of work packages, objectives and the
Principal Investigator; forms ask questions with tick boxes. Short texts without clear signals are "other".
Section headings count too: a short draft with "1. Summary", "2. Partners", "3. Impact" is a proposal even
before it uses much proposal vocabulary, and "Definitions", "Term and Termination", "Governing Law" mark
an agreement.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Document

DOCUMENT_TYPES = ("proposal", "agreement", "form", "other")
HEAD_BLOCKS = 12
MAX_CHARS = 60_000

_TITLE_AGREEMENT = re.compile(
    r"(?i)\b(?:agreement|memorandum\s+of\s+understanding|\bmou\b|non-?disclosure|\bnda\b|licen[cs]e\s+agreement|"
    r"deed\s+of|terms\s+and\s+conditions|contract\b|letter\s+of\s+intent)"
)
_TITLE_PROPOSAL = re.compile(
    r"(?i)\b(?:proposal|case\s+for\s+support|description\s+of\s+(?:the\s+)?action|project\s+description|"
    r"research\s+plan|technical\s+annex|work\s+plan|statement\s+of\s+work|grant\s+application)"
)
_TITLE_FORM = re.compile(
    r"(?i)\b(?:application\s+form|questionnaire|self-assessment|declaration\s+form|"
    r"checklist|dossier\s+de\s+candidature|(?<![Oo]rder\s)(?-i:Form))\b"
)

_AGREEMENT_CUES = [
    (re.compile(r"(?i)\bthis\s+(?:agreement|memorandum|contract|licen[cs]e)\b"), 1.0),
    (re.compile(r"(?i)\b(?:is|are)\s+(?:made|entered\s+into)\b"), 1.0),
    (re.compile(r"(?-i:\bthe\s+Part(?:y|ies)\b)"), 0.6),
    (re.compile(r"(?i)\bwhereas\b"), 2.0),
    (re.compile(r"(?i)\bin\s+witness\s+whereof\b"), 4.0),
    (re.compile(r"(?i)\bhereinafter\b"), 1.0),
    (re.compile(r"(?i)\bnow,?\s+therefore\b"), 3.0),
    (re.compile(r"(?i)\bhereby\s+agree"), 2.0),
    (re.compile(r"(?i)\bagree(?:s|d)?\s+as\s+follows\b"), 3.0),
    (re.compile(r"(?i)\bshall\b"), 0.3),
    (
        re.compile(
            r"(?-i:\b(?:Licensee|Licensor|Recipient|Discloser|Disclosing\s+Party|Receiving\s+Party)\b)"
        ),
        0.5,
    ),
    (re.compile(r"(?i)\b(?:governed\s+by|terminat(?:e|ion)\s+(?:of\s+)?this)\b"), 1.0),
    (re.compile(r"(?i)\bsignature\b|\bsigned\s+(?:by|for\s+and\s+on\s+behalf)"), 0.5),
]
_PROPOSAL_CUES = [
    (re.compile(r"(?i)\bwork\s*packages?\b|\bWP\s?\d\b"), 1.0),
    (re.compile(r"(?i)\bobjectives?\b"), 0.5),
    (re.compile(r"(?i)\bmethodolog(?:y|ies)\b"), 1.0),
    (re.compile(r"(?i)\bprincipal\s+investigator\b|\bco-?investigator\b|\bPI\b"), 1.0),
    (re.compile(r"(?i)\bdeliverables?\b|\bmilestones?\b"), 0.5),
    (re.compile(r"(?i)\bstate[- ]of[- ]the[- ]art\b"), 1.0),
    (re.compile(r"(?i)\bimpact\b"), 0.3),
    (re.compile(r"(?i)\bresearch\s+(?:questions?|aims?|programme|project)\b"), 0.7),
    (re.compile(r"(?i)\b(?:we|this\s+project)\s+(?:will|aim|propose)\b"), 0.7),
    (re.compile(r"(?i)\bproposal\b|\bproposed\s+research\b"), 1.0),
    (re.compile(r"(?i)\b(?:phd|doctoral|studentship|the\s+student)\b"), 0.5),
    (re.compile(r"(?i)\b(?:hypothes[ie]s|literature|experiments?)\b"), 0.3),
    (
        re.compile(
            r"(?i)\bwe\s+propose\b|\b(?:this|the)\s+(?:project|proposal)\b|\bour\s+(?:approach|project|team|goal)s?\b"
        ),
        0.6,
    ),
    # a project acronym as the subject of planned work: "SKYWARD will develop ..."
    (
        re.compile(
            r"\b[A-Z][A-Z0-9-]{2,40}+\s+(?:will|aims\s+to)\s+(?:develop|design|build|deliver|create|"
            r"investigate|study|demonstrate|test|establish|produce|advance|combine|address|provide|bring)\b"
        ),
        1.0,
    ),
    (re.compile(r"(?i)\b(?:budget|funding|timeline|work\s+plan)\b"), 0.4),
    (re.compile(r"(?i)\bresearch\b"), 0.2),
]
_FORM_CUES = [
    (re.compile(r"\?"), 0.6),
    (re.compile(r"[☐☑☒□■]"), 1.0),
    (re.compile(r"(?i)\byes\s*/\s*no\b|\b(?:yes|no)\s*[☐□]"), 1.5),
    (
        re.compile(r"(?i)\bplease\s+(?:tick|indicate|provide|complete|state|describe|confirm|list|give)\b"),
        1.0,
    ),
    (re.compile(r"(?i)\b(?:max\.?|maximum)\s*\d+\s*(?:words|characters|pages)\b"), 1.0),
    (re.compile(r"(?i)\bname\s+of\s+(?:the\s+)?(?:applicant|organisation|institution)\b"), 1.0),
    (re.compile(r"(?i)\b(?:applicant|candidat)\w*\b"), 0.4),
    (re.compile(r"(?i)\b(?:n/a|not\s+applicable)\b"), 0.3),
]


# A heading line: optional markdown hashes and a number ("2.", "3.1", "B)", "IV."), then a few words.
_HEADING = re.compile(
    r"^(?:#+\s*)?(?:(?:section|part)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-H][.)]|[IVX]{1,4}\.)?"
    r"\s*(?P<title>[A-Za-z][A-Za-z &/,'’()-]{2,70}?)\s*:?\s*(?:\.{3,}.*)?$"
)
_PROPOSAL_HEADINGS = re.compile(
    r"(?i)(?:project\s+|executive\s+|lay\s+|technical\s+)?(?:summary|abstract|overview)|(?:aims?|objectives?)\b.*|"
    r"(?:research\s+)?(?:methods?|methodology|approach)|work\s*packages?.*|work\s+plan|(?:expected\s+)?impacts?\b.*|"
    r"pathways?\s+to\s+impact|(?:project\s+)?partners?(?:hip)?s?|consortium(?:\s+\w+)?|deliverables?.*|milestones?.*|"
    r"budget.*|(?:justification\s+of\s+)?resources|costs?|time\s*(?:line|table)|gantt\s+chart|risks?(?:\s+\w+)?|"
    r"dissemination.*|outreach|(?:research\s+)?team|state\s+of\s+the\s+art|research\s+questions?|novelty|"
    r"(?:expected\s+)?outcomes?|data\s+management(?:\s+plan)?|introduction|motivation|case\s+for\s+support"
)
_AGREEMENT_HEADINGS = re.compile(
    r"(?i)definitions?(?:\s+and\s+interpretation)?|interpretation|recitals|term(?:\s+and\s+termination)?|"
    r"termination|duration|governing\s+law.*|(?:applicable\s+)?law(?:\s+and\s+jurisdiction)?|jurisdiction|"
    r"dispute\s+resolution|confidentiality.*|(?:limitation\s+of\s+)?liability|indemnit(?:y|ies)|warrant(?:y|ies)|"
    r"notices|force\s+majeure|assignment|entire\s+agreement|severability|counterparts|variation|waiver|"
    r"payment(?:\s+terms)?|execution|signatures?|intellectual\s+property(?:\s+rights)?"
)
# Contract headings ("Term and Termination", "Governing Law") occur in little else; proposal headings
# ("Summary", "Impact") are plainer words, so each weighs less.
HEADING_WEIGHT = {"proposal": 1.5, "agreement": 2.5}
MAX_HEADINGS = 6


def _headings(text: str, vocabulary: re.Pattern[str]) -> int:
    """How many distinct section headings of one kind the text has (one per line, a few words each)."""
    seen: set[str] = set()
    for line in text.split("\n"):
        line = line.strip()
        if not line or len(line) > 90:
            continue
        m = _HEADING.match(line)
        if not m:
            continue
        title = m.group("title").strip(" ,:-").lower()
        if len(title.split()) <= 6 and vocabulary.fullmatch(title):
            seen.add(title)
    return min(MAX_HEADINGS, len(seen))


def _score(cues: list[tuple[re.Pattern[str], float]], text: str, cap: int = 8) -> float:
    return sum(w * min(cap, len(rx.findall(text))) for rx, w in cues)


def _evidence(document: Document) -> tuple[str, str]:
    """The head (title region) and the text (up to MAX_CHARS) a document's type is judged from."""
    head = " ".join(b.text for b in document.blocks[:HEAD_BLOCKS])[:2000]
    text = ""
    for b in document.blocks:
        if len(text) >= MAX_CHARS:
            break
        text += b.text + "\n"
    return head, text[:MAX_CHARS]


def scores(document: Document) -> dict[str, float]:
    """The evidence for each type (for explaining a classification)."""
    return dict(_scores(*_evidence(document)))


# A scan judges one document twice (clause detection, then the risk score) from the same head and text;
# the second judgement is a lookup.
@lru_cache(maxsize=4)
def _scores(head: str, text: str) -> tuple[tuple[str, float], ...]:
    title = head[:300]
    s = {
        "agreement": _score(_AGREEMENT_CUES, text),
        "proposal": _score(_PROPOSAL_CUES, text),
        "form": _score(_FORM_CUES, text),
    }
    s["proposal"] += HEADING_WEIGHT["proposal"] * _headings(text, _PROPOSAL_HEADINGS)
    s["agreement"] += HEADING_WEIGHT["agreement"] * _headings(text, _AGREEMENT_HEADINGS)
    if _TITLE_AGREEMENT.search(title):
        s["agreement"] += 6
    if _TITLE_PROPOSAL.search(title):
        s["proposal"] += 6
    if _TITLE_FORM.search(title):
        s["form"] += 4
    # a long text with many contract words is an agreement even if it talks about its objectives
    words = max(1, len(text.split()))
    s["words"] = words
    return tuple(s.items())


def classify(document: Document) -> str:
    """'proposal', 'agreement', 'form' or 'other' from the title, headings and vocabulary."""
    s = scores(document)
    words = s.pop("words")
    best = max(s, key=lambda k: s[k])
    top = s[best]
    runner = sorted(s.values())[-2]
    threshold = 3.5 if words > 250 else 5.0 if words > 150 else 7.0
    if top < threshold or top < runner * 1.25:
        return "other"
    return best
