"""The clause model: named features of a clause candidate sentence, weighed by a fitted logistic regression.

A candidate is a sentence of a kind (``clause-ip`` ...) where a rule of the kind matched or a cue of the kind
occurs (``patterns/clause_cues.yaml``: broad words of each kind, looked up in the same one-scan-per-sentence
anchors index as the rules' anchors). What the sentence and its document show is turned into named features
(``CLAUSE_FEATURES``); the weights, per-kind biases and per-kind thresholds are fitted by
``scripts/fit_clauses.py`` on labelled agreements and shipped as data (``patterns/clause_evidence.yaml``), read
here in plain Python. A document has a kind when its most probable candidate of the kind reaches the kind's
threshold; every finding lists each feature's contribution to the log-odds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...knowledge.loader import LineDict, PackError, check_keys, load_yaml
from ...knowledge.resources import patterns_dir
from ...knowledge.taxonomy import CLAUSE_CATEGORIES
from ..evidence import EvidenceModel, Feature, read_model

# Every feature of a candidate, in a fixed order (the fit script writes one weight per name). Binary
# features are 0/1 unless said otherwise.
CLAUSE_FEATURES: tuple[str, ...] = (
    "rule.strong",  # a rule of the kind matched with a contract phrase (its 'strong' regexes)
    "rule.pattern",  # a rule of the kind matched with a topic pattern in contract language
    "cue.count",  # log(1 + occurrences of the kind's cues in the sentence)
    "cue.distinct",  # log(1 + distinct cues of the kind in the sentence)
    "cue.specific",  # a cue specific to clauses of the kind ("governed by", "indemnify")
    "sentence.operative",  # operative language (shall, must, agrees to ...: the pack's 'operative')
    "sentence.party",  # a defined party term (the Licensee, the Recipient ...: the pack's 'parties')
    "sentence.numbered",  # the sentence opens a numbered clause ("7.2", "Article 9")
    "sentence.definition",  # the sentence defines a term ("'Background' means ...")
    "sentence.denial",  # a denial or negated obligation ("will not involve ...")
    "sentence.title",  # a few words without a verb: a heading or a table-of-contents line
    "heading.same",  # under a heading of the same kind
    "heading.other",  # under a heading of another clause kind only
    "doctype.agreement",  # the document reads as an agreement
    "doctype.unknown",  # the document type is not recognised (short texts, single clauses)
    "document.agreement",  # share of the document's blocks with operative language or a party term
    "support.document",  # log(1 + other candidate sentences of the kind in the document)
)

_CUE_KEYS = {"version", "kinds"}
_KIND_KEYS = {"cues", "specific"}
_CUE_WORDS = re.compile(r"^[a-z0-9]+(?:[ -][a-z0-9]+)*$")


def _cue_regex(cue: str) -> str:
    """A cue as a regex: words at word starts, separated by spaces or hyphens; a last word of three
    letters or fewer must end there ("ip", not "ipsum")."""
    words = re.split(r"[ -]", cue)
    body = r"[\s\-]*".join(map(re.escape, words))
    return r"\b" + body + (r"\b" if len(words[-1]) <= 3 else "")


@dataclass(slots=True)
class KindCues:
    """The cues of one clause kind, compiled."""

    kind: str
    cues: list[str]
    specific: list[str]
    cue_rx: re.Pattern[str]
    specific_rx: re.Pattern[str] | None

    def count(self, low: str) -> tuple[int, set[str], str | None]:
        """(occurrences, the distinct cues, first cue) in lower-cased ``low``."""
        found = [m.group(0) for m in self.cue_rx.finditer(low)]
        if not found:
            return 0, set(), None
        return len(found), {_WS.sub(" ", f.replace("-", " ")) for f in found}, found[0]

    def specific_in(self, low: str) -> str | None:
        m = self.specific_rx.search(low) if self.specific_rx is not None else None
        return m.group(0) if m else None


_WS = re.compile(r"\s+")


@dataclass(slots=True)
class ClauseCues:
    """The cue vocabulary of every clause kind (``patterns/clause_cues.yaml``)."""

    kinds: dict[str, KindCues]

    def anchors(self) -> list[tuple[str, list[str]]]:
        """(pseudo rule id ``cue:<kind>``, cue words) for the anchors index: one scan finds rules and cues."""
        return [(cue_id(k), list(c.cues)) for k, c in self.kinds.items()]


def cue_id(kind: str) -> str:
    """The anchors-index id standing for the cues of ``kind``."""
    return f"cue:{kind}"


def _words(path: Path, node: LineDict, key: str, what: str) -> list[str]:
    v = node.get(key) or []
    if not isinstance(v, list) or not v:
        raise PackError(path, node.key_line(key), f"{what}: '{key}' must be a non-empty list of words")
    out = []
    for w in v:
        s = _WS.sub(" ", str(w).strip().lower()) if isinstance(w, str) else ""
        if not _CUE_WORDS.match(s):
            raise PackError(
                path,
                node.key_line(key),
                f"{what}: cue {w!r} must be words (letters, digits, single spaces or hyphens)",
            )
        out.append(s)
    return out


def load_cues(path: str | Path | None = None) -> ClauseCues:
    """Load and validate a cue file; errors are PackError naming file and line."""
    p = Path(path) if path else patterns_dir() / "clause_cues.yaml"
    data = load_yaml(p)
    if not isinstance(data, dict):
        raise PackError(p, 1, "clause cues: expected a mapping")
    check_keys(p, data, _CUE_KEYS, {"version", "kinds"}, "clause cues")
    kinds_node = data["kinds"]
    if not isinstance(kinds_node, dict):
        raise PackError(p, data.key_line("kinds"), "clause cues: 'kinds' must be a mapping")
    kinds: dict[str, KindCues] = {}
    for kind, node in kinds_node.items():
        what = f"clause cues of '{kind}'"
        if kind not in CLAUSE_CATEGORIES:
            raise PackError(p, kinds_node.key_line(kind), f"clause cues: unknown clause kind '{kind}'")
        if not isinstance(node, dict):
            raise PackError(p, kinds_node.key_line(kind), f"{what}: expected a mapping")
        check_keys(p, node, _KIND_KEYS, {"cues"}, what)
        cues = _words(p, node, "cues", what)
        specific = _words(p, node, "specific", what) if "specific" in node else []
        by_length = sorted(set(cues), key=len, reverse=True)
        spec = sorted(set(specific), key=len, reverse=True)
        kinds[kind] = KindCues(
            kind,
            cues,
            specific,
            re.compile("|".join(map(_cue_regex, by_length))),
            re.compile("|".join(map(_cue_regex, spec))) if spec else None,
        )
    return ClauseCues(kinds)


def load_clause_model(path: str | Path | None = None) -> EvidenceModel:
    """Load clause_evidence.yaml (the shipped one unless ``path`` is given); PackError names file and line.
    Plain Python: scikit-learn is needed only to fit it."""
    p = Path(path) if path else patterns_dir() / "clause_evidence.yaml"
    return read_model(p, "clause model", CLAUSE_FEATURES, CLAUSE_CATEGORIES)


@cache
def default_cues() -> ClauseCues:
    """The shipped cues, loaded once per process."""
    return load_cues()


@cache
def default_clause_model() -> EvidenceModel | None:
    """The shipped clause model, or None where none is shipped (the rules alone then decide)."""
    p = patterns_dir() / "clause_evidence.yaml"
    return load_clause_model(p) if p.is_file() else None


# "7.2 ...", "(a) ...", "Article 9 ...", "Section 5: ..." at the start of a sentence
_NUMBERED = re.compile(
    r"^\s*(?:\(?[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]?|\([a-z]{1,3}\)|(?:article|section|clause)\s+[0-9ivx]+)\s",
    re.I,
)
_DEFINITION = re.compile(
    r"[\"“”'‘’]\s*[\w .-]{2,60}[\"“”'‘’]\s*(?:\([^)]{0,40}\)\s*)?(?:means|shall\s+mean|refers?\s+to|has\s+the\s+meaning|includes)\b"
    r"|\b(?:means|shall\s+mean)\b\s",
    re.I,
)
_TITLE_VERB = re.compile(r"\b(?:shall|will|must|may|is|are|has|have|was|were|be|agree[sd]?|means)\b", re.I)


def sentence_features(
    kind: str,
    sent: str,
    low: str,
    cues: KindCues | None,
    how: str | None,
    *,
    operative: bool,
    party: bool,
    denial: bool,
    heading_cats: frozenset[str],
) -> tuple[dict[str, Feature], str | None]:
    """The sentence-level features of a candidate of ``kind`` and the cue it holds first (None without
    one). ``how`` is how a rule of the kind matched ("strong", "pattern" or None); ``low`` is ``sent``
    lower-cased. Questions are not candidates (question and template text is a declaration)."""
    feats: dict[str, Feature] = {}
    if how == "strong":
        feats["rule.strong"] = Feature(1.0)
    elif how == "pattern":
        feats["rule.pattern"] = Feature(1.0)
    first: str | None = None
    if cues is not None:
        n, distinct, first = cues.count(low)
        if n:
            feats["cue.count"] = Feature(round(math.log1p(n), 4), first or "")
            feats["cue.distinct"] = Feature(round(math.log1p(len(distinct)), 4))
        spec = cues.specific_in(low)
        if spec:
            feats["cue.specific"] = Feature(1.0, spec)
    if operative:
        feats["sentence.operative"] = Feature(1.0)
    if party:
        feats["sentence.party"] = Feature(1.0)
    if _NUMBERED.match(sent):
        feats["sentence.numbered"] = Feature(1.0)
    if _DEFINITION.search(sent):
        feats["sentence.definition"] = Feature(1.0)
    if denial:
        feats["sentence.denial"] = Feature(1.0)
    words = sent.split()
    if len(words) <= 8 and not _TITLE_VERB.search(sent):
        feats["sentence.title"] = Feature(1.0)
    if kind in heading_cats:
        feats["heading.same"] = Feature(1.0)
    elif heading_cats:
        feats["heading.other"] = Feature(1.0)
    return feats, first


def document_features(doctype: str, agreement_share: float, others: int) -> dict[str, Feature]:
    """The document-level features of a candidate: the document type, the share of its blocks in contract
    language, and how many other candidate sentences of the kind it has."""
    feats: dict[str, Feature] = {}
    if doctype == "agreement":
        feats["doctype.agreement"] = Feature(1.0)
    elif doctype not in ("proposal", "form"):
        feats["doctype.unknown"] = Feature(1.0)
    if agreement_share > 0:
        feats["document.agreement"] = Feature(round(agreement_share, 4))
    if others:
        feats["support.document"] = Feature(round(math.log1p(others), 4))
    return feats
