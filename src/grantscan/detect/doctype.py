"""Document type: proposal, agreement, form, guidance or other, so the right checks run.

Guidance is a text about agreements, terms or compliance (an annotated model agreement, a drafting checklist, a
code of practice, a funder's notes on its conditions, an audit report): its contract-like sentences explain or
advise and bind no one, so they are declarations there, as the questions of a proposal or form are.

Cheap by design: the title (first blocks), counts of telling phrases and section headings in the first part of
the text. What tells each type (cues, their weights, heading vocabularies and the thresholds of the decision) is
data, ``patterns/doctype.yaml``, checked on load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..knowledge.loader import LineDict, PackError, check_keys, load_yaml
from ..knowledge.resources import patterns_dir
from ..model import Document

DOCUMENT_TYPES = ("proposal", "agreement", "form", "guidance", "other")
# the types with evidence; "other" is what lacks it (with the margin above 1, a tie is "other")
SCORED = tuple(t for t in DOCUMENT_TYPES if t != "other")
# types whose clause-like sentences are never findings: descriptions, questions or explanations (declarations)
NOT_BINDING = ("proposal", "form", "guidance")
HEAD_BLOCKS = 12
MAX_CHARS = 60_000
TITLE_CHARS = 300


@dataclass(frozen=True, slots=True)
class Headings:
    """Section headings of one type: their vocabulary (matched whole) and what each distinct one weighs."""

    titles: re.Pattern[str]
    weight: float


@dataclass(frozen=True, slots=True)
class Contract:
    """Contract form: a party as the subject of operative language, and the proposer's own voice."""

    party_operative: re.Pattern[str]
    points: float  # agreement evidence per such sentence
    cap: int  # sentences counted at most
    proposal_voice: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Cues:
    """Everything ``patterns/doctype.yaml`` says about telling the types apart."""

    cues: dict[str, list[tuple[re.Pattern[str], float]]]  # type -> (phrase, weight per occurrence)
    cue_cap: int  # occurrences of one cue counted at most
    title: dict[str, tuple[re.Pattern[str], float]]  # type -> (title phrase, points)
    heading_line: re.Pattern[str]  # one heading line, its words in group 'title'
    max_headings: int
    headings: dict[str, Headings]  # type -> its heading vocabulary
    margin: float  # how far the best type must lead the runner-up
    min_score: tuple[tuple[int, float], ...]  # (more words than, evidence needed), longest texts first
    contract: Contract


def _number(path: Path, d: LineDict, key: str, what: str, *, whole: bool = False) -> float:
    v = d[key]
    if isinstance(v, bool) or not isinstance(v, int if whole else (int, float)) or v < 0:
        kind = "a whole number" if whole else "a number"
        raise PackError(path, d.key_line(key), f"{what}: '{key}' must be {kind} >= 0")
    return float(v)


def _regex(path: Path, line: int, pattern: Any, what: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise PackError(path, line, f"{what}: expected a regular expression")
    try:
        return re.compile(pattern)
    except re.error as e:
        raise PackError(path, line, f"{what}: bad regular expression: {e}") from None


def _types(path: Path, d: Any, line: int, what: str, required: set[str]) -> LineDict:
    if not isinstance(d, LineDict):
        raise PackError(path, line, f"{what}: expected a mapping of document types")
    check_keys(path, d, set(SCORED), required, what)
    return d


def _cues(path: Path, data: LineDict) -> dict[str, list[tuple[re.Pattern[str], float]]]:
    section = _types(path, data["cues"], data.key_line("cues"), "cues", set(SCORED))
    out: dict[str, list[tuple[re.Pattern[str], float]]] = {}
    for kind, rows in section.items():
        if not isinstance(rows, list) or not rows:
            raise PackError(path, section.key_line(kind), f"cues '{kind}': expected a list of cues")
        out[kind] = []
        for i, row in enumerate(rows, 1):
            what = f"cues '{kind}' #{i}"
            if not isinstance(row, LineDict):
                raise PackError(path, section.key_line(kind), f"{what}: expected {{weight, pattern}}")
            check_keys(path, row, {"weight", "pattern"}, {"weight", "pattern"}, what)
            rx = _regex(path, row.key_line("pattern"), row["pattern"], what)
            out[kind].append((rx, _number(path, row, "weight", what)))
    return out


def _title(path: Path, data: LineDict) -> dict[str, tuple[re.Pattern[str], float]]:
    section = _types(path, data["title"], data.key_line("title"), "title", set())
    out = {}
    for kind, row in section.items():
        what = f"title '{kind}'"
        if not isinstance(row, LineDict):
            raise PackError(path, section.key_line(kind), f"{what}: expected {{points, pattern}}")
        check_keys(path, row, {"points", "pattern"}, {"points", "pattern"}, what)
        out[kind] = (
            _regex(path, row.key_line("pattern"), row["pattern"], what),
            _number(path, row, "points", what),
        )
    return out


def _headings(path: Path, data: LineDict) -> tuple[re.Pattern[str], int, dict[str, Headings]]:
    section = data["headings"]
    if not isinstance(section, LineDict):
        raise PackError(path, data.key_line("headings"), "headings: expected a mapping")
    check_keys(path, section, {"line", "max", *SCORED}, {"line", "max"}, "headings")
    line = _regex(path, section.key_line("line"), section["line"], "headings 'line'")
    if "title" not in line.groupindex:
        raise PackError(path, section.key_line("line"), "headings 'line': needs a group named 'title'")
    out = {}
    for kind in SCORED:
        row = section.get(kind)
        if row is None:
            continue
        what = f"headings '{kind}'"
        if not isinstance(row, LineDict):
            raise PackError(path, section.key_line(kind), f"{what}: expected {{weight, titles}}")
        check_keys(path, row, {"weight", "titles"}, {"weight", "titles"}, what)
        titles = row["titles"]
        if not isinstance(titles, list) or not titles or not all(isinstance(x, str) and x for x in titles):
            raise PackError(path, row.key_line("titles"), f"{what}: 'titles' must be a list of patterns")
        vocabulary = _regex(path, row.key_line("titles"), "(?i)" + "|".join(titles), what)
        out[kind] = Headings(vocabulary, _number(path, row, "weight", what))
    return line, int(_number(path, section, "max", "headings", whole=True)), out


def _decision(path: Path, data: LineDict) -> tuple[float, tuple[tuple[int, float], ...]]:
    d = data["decision"]
    if not isinstance(d, LineDict):
        raise PackError(path, data.key_line("decision"), "decision: expected a mapping")
    check_keys(path, d, {"margin", "min_score"}, {"margin", "min_score"}, "decision")
    rows = d["min_score"]
    if not isinstance(rows, list) or not rows:
        raise PackError(
            path, d.key_line("min_score"), "decision: 'min_score' must be a list of {over, score}"
        )
    steps: list[tuple[int, float]] = []
    for i, row in enumerate(rows, 1):
        what = f"decision 'min_score' #{i}"
        if not isinstance(row, LineDict):
            raise PackError(path, d.key_line("min_score"), f"{what}: expected {{over, score}}")
        check_keys(path, row, {"over", "score"}, {"over", "score"}, what)
        over = int(_number(path, row, "over", what, whole=True))
        if steps and over >= steps[-1][0]:
            raise PackError(path, row.key_line("over"), f"{what}: 'over' must fall from row to row")
        steps.append((over, _number(path, row, "score", what)))
    if steps[-1][0] != 0:
        raise PackError(path, rows[-1].line, "decision 'min_score': the last row must be 'over: 0'")
    return _number(path, d, "margin", "decision"), tuple(steps)


def _contract(path: Path, data: LineDict) -> Contract:
    d = data["contract"]
    if not isinstance(d, LineDict):
        raise PackError(path, data.key_line("contract"), "contract: expected a mapping")
    keys = {"party_operative", "points", "cap", "proposal_voice"}
    check_keys(path, d, keys, keys, "contract")
    return Contract(
        party_operative=_regex(
            path, d.key_line("party_operative"), d["party_operative"], "contract 'party_operative'"
        ),
        points=_number(path, d, "points", "contract"),
        cap=int(_number(path, d, "cap", "contract", whole=True)),
        proposal_voice=_regex(
            path, d.key_line("proposal_voice"), d["proposal_voice"], "contract 'proposal_voice'"
        ),
    )


def load_cues(path: str | Path | None = None) -> Cues:
    """Read and check a document-type pack (the shipped one unless ``path`` is given); errors name file:line."""
    p = Path(path) if path else patterns_dir() / "doctype.yaml"
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "document types: expected a mapping with 'cues'")
    keys = {"cue_cap", "cues", "title", "headings", "decision", "contract"}
    check_keys(p, data, {"version", *keys}, keys, "document types")
    line, max_headings, headings = _headings(p, data)
    margin, min_score = _decision(p, data)
    return Cues(
        cues=_cues(p, data),
        cue_cap=int(_number(p, data, "cue_cap", "document types", whole=True)),
        title=_title(p, data),
        heading_line=line,
        max_headings=max_headings,
        headings=headings,
        margin=margin,
        min_score=min_score,
        contract=_contract(p, data),
    )


@cache
def cues() -> Cues:
    """The shipped document-type cues, loaded once."""
    return load_cues()


def _count_headings(text: str, vocabulary: re.Pattern[str], c: Cues) -> int:
    """How many distinct section headings of one kind the text has (one per line, a few words each)."""
    seen: set[str] = set()
    for line in text.split("\n"):
        line = line.strip()
        if not line or len(line) > 90:
            continue
        m = c.heading_line.match(line)
        if not m:
            continue
        title = m.group("title").strip(" ,:-").lower()
        if len(title.split()) <= 6 and vocabulary.fullmatch(title):
            seen.add(title)
    return min(c.max_headings, len(seen))


def _score(cue_list: list[tuple[re.Pattern[str], float]], text: str, cap: int = 8) -> float:
    return sum(w * min(cap, len(rx.findall(text))) for rx, w in cue_list)


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
    c = cues()
    title = head[:TITLE_CHARS]
    s = {kind: _score(c.cues[kind], text, c.cue_cap) for kind in SCORED}
    for kind, h in c.headings.items():
        s[kind] += h.weight * _count_headings(text, h.titles, c)
    for kind, (rx, points) in c.title.items():
        if rx.search(title):
            s[kind] += points
    # a section of an agreement quoted alone: parties bound in its sentences, and proposal words without a
    # proposer's voice are the terms' subject matter
    k = c.contract
    bound = min(k.cap, len(k.party_operative.findall(text)))
    if bound:
        s["agreement"] += k.points * bound
        if not k.proposal_voice.search(text):
            s["proposal"] = 0.0
    s["words"] = max(1, len(text.split()))
    return tuple(s.items())


def classify(document: Document) -> str:
    """One of ``DOCUMENT_TYPES`` from the title, headings and vocabulary."""
    c = cues()
    s = scores(document)
    words = s.pop("words")
    best = max(s, key=lambda k: s[k])
    top = s[best]
    runner = sorted(s.values())[-2]
    threshold = next(score for over, score in c.min_score if words > over)
    if top < threshold or top < runner * c.margin:
        return "other"
    return best
