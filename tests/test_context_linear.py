"""Context scoring reads a sentence once, not once per term, and scores every term as reading it per term did.

``context._support``, ``ContextScorer._verbs``, ``ContextScorer._cues`` and ``context._none_of_them`` work out per sentence what does
not depend on the term (the sentence's verb forms, the first hits of its texts, the denying "none of"
phrases) and find actions near a term by bisection. The functions as they were, reading the whole sentence
for each term, are kept here as the reference: random texts of technology terms, research verbs, cue
phrases, denials and punctuation, many of them one long sentence, are scored with both and must give the
same features, denials and restrictions for every term.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from spacy.tokens import Doc, Span

from grantscan.config import Config
from grantscan.detect import context
from grantscan.detect.context import _NEG_EXCEPT, _UNUSED, ContextScorer, _Block, _in_sentence, _near
from grantscan.detect.evidence import Feature
from grantscan.detect.matcher import Hit
from grantscan.detect.tokens import lower_words, span_text, words

# ---------------------------------------------------------------- the reference: read per term


def _support_per_term(
    feats: dict[str, Feature],
    doc: Doc,
    h: Hit,
    sent: Span,
    lowered: dict[int, str],
    by_sent_cat: dict[tuple[int, str], list[Hit]],
    distinct: dict[str, list[Hit]],
    facts: Any = None,
) -> None:
    cat, mine = h.rule.category, lowered[id(h)]
    same = next((o for o in by_sent_cat[(sent.start, cat)] if lowered[id(o)] != mine), None)
    if same is not None:
        feats["support.sentence"] = Feature(1.0, span_text(doc, same.start, same.end))
        return
    same = next((o for o in distinct[cat] if lowered[id(o)] != mine), None)
    if same is not None:
        feats["support.paragraph"] = Feature(1.0, span_text(doc, same.start, same.end))


def _verbs_per_term(
    self: ContextScorer, feats: dict[str, Feature], block: _Block, h: Hit, sent: Span, facts: Any = None
) -> None:
    doc, cues = block.doc, block.cues
    verbs = block.verbs
    dev = _near(doc, cues.sentence("build", sent.start), None, sent, h, self.window, verbs)
    named = "" if dev else context.purpose_phrase(block, h, sent)
    use = (
        None
        if dev or named
        else _near(doc, cues.sentence("apply", sent.start), None, sent, h, self.window, verbs)
    )
    far = (
        None
        if dev or use or named
        else _in_sentence([c for c in cues.sentence("build", sent.start) if c in verbs], sent, h)
    )
    for name, found in (("verb.build", dev), ("verb.apply", use), ("verb.research", far)):
        if found:
            feats[name] = Feature(1.0, span_text(doc, *found))
    if named:
        feats["verb.build"] = Feature(1.0, named)
    lowers = block.lowers
    if not (dev or use or far or named):
        for j in range(sent.start, sent.end):
            if lowers[j] in self._verb_forms and not (h.start <= j < h.end):
                feats["verb.loose"] = Feature(1.0, doc[j].text)
                break
    first = sent.start
    while first < sent.end and block.punct[first]:
        first += 1
    if first < sent.end and first != h.start and lowers[first] in self._verb_forms:
        feats["verb.imperative"] = Feature(1.0, doc[first].text)
    acts = context._acts(block, h, sent)
    if acts:
        feats["verb.subject"] = Feature(1.0, acts)
    for name in ("transfer", "collaborate"):
        found = _in_sentence(cues.sentence(name, sent.start), sent, h)
        if found:
            feats[f"verb.{name}"] = Feature(1.0, span_text(doc, *found))


def _cues_per_term(
    self: ContextScorer, feats: dict[str, Feature], block: _Block, h: Hit, sent: Span, facts: Any = None
) -> None:
    doc, cues = block.doc, block.cues
    r = h.rule
    for name, fam in self.context.families.items():
        if name in ("transfer", "collaborate", "programme"):  # read as verbs and as a subject, not as cues
            continue
        spans = cues.sentence(name, sent.start)
        if name == "comparison":
            found = next(
                (
                    (s, e)
                    for s, e in spans
                    if sent.start <= s and 0 <= h.start - e <= 3 and block.lower[e] != "to"
                ),
                None,
            )
        elif fam.scope == "paragraph":
            found = next(((s, e) for s, e in cues.all.get(name, []) if s >= h.end or e <= h.start), None)
        elif fam.scope == "before":
            found = next(((s, e) for s, e in spans if 0 <= h.start - e <= fam.reach), None)
        elif fam.scope == "after":
            found = next(((s, e) for s, e in spans if 0 <= s - h.end <= fam.reach), None)
        elif fam.scope == "around":
            found = next(
                ((s, e) for s, e in spans if 0 <= h.start - e <= fam.reach or 0 <= s - h.end <= fam.reach),
                None,
            )
        else:
            found = _in_sentence(spans, sent, h)
        if not found:
            continue
        if name == "example" and not context._example_scope(doc, found, h):
            continue
        if r.end_use and name in ("example", "hedge", "option"):
            continue
        if name == "instrument" and not r.platform:
            continue
        if name == "method" and not context.method_cue(block, found, h, sent):
            continue
        value = context.literature_weight(spans, sent, h) if name in context._COUNTED else 1.0
        feats[f"cue.{name}"] = Feature(value, span_text(doc, *found))
    listed = context._list_item(block, h, sent)
    if listed:
        feats["cue.list"] = Feature(1.0, listed)


def _none_of_them_per_term(doc: Doc, sent: Span, start: int) -> str | None:
    lower = lower_words(doc)
    for i in range(start + 1, sent.end - 2):
        if lower[i] in ("none", "neither") and lower[i + 1] == "of":
            tail = lower[i + 2 : min(sent.end, i + 7)]
            if any(t in _UNUSED for t in tail) and not any(t in _NEG_EXCEPT for t in tail):
                return words(doc)[i]
    return None


# ---------------------------------------------------------------- random texts

_TERMS = [
    "autonomous drone",
    "drones",
    "drone",
    "machine learning",
    "deep learning",
    "radar",
    "quantum computing",
    "hypersonic",
    "synthetic biology",
    "military use",
    "dual use",
    "nuclear",
    "lidar",
]
_VERBS = [
    "we",
    "will",
    "develop",
    "train",
    "build",
    "design",
    "are",
    "is",
    "be",
    "flown",
    "used",
    "using",
    "apply",
    "test",
    "has",
    "been",
    "developed",
    "aims",
    "to",
    "the project",
    "development of",
    "scale up",
    "fine-tune",
    "co-develop",
    "shipped to",
]
_CUES = [
    "such as",
    "e.g.",
    "like",
    "for military",
    "could",
    "optional",
    "has been used",
    "funded by",
    "carrying",
    "export control",
    "army",
    "civil applications only",
    "like",
    "similar to",
    "sponsored by",
    "aboard",
    "imagery",
    "based",
    "analysis",
    "tools",
]
_DENIALS = ["no", "not", "none of", "neither of", "these", "only", "out of scope", "without", "never"]
_GLUE = ["and", "or", ",", ";", ":", "(", ")", "-", "the", "of", "for", "in", "x", "data"]


def _text(rnd: random.Random, n: int) -> str:
    pools = [_TERMS, _VERBS, _CUES, _DENIALS, _GLUE]
    weights = [3, 4, 1, 1, 3]
    words_ = [rnd.choice(rnd.choices(pools, weights)[0]) for _ in range(n)]
    if rnd.random() < 0.3:  # now and then a few sentences instead of one
        for _ in range(rnd.randrange(1, 4)):
            words_.insert(rnd.randrange(len(words_) + 1), ".")
    return " ".join(words_)


def _scored(scorer: ContextScorer, doc: Doc, hits: list[Hit], title: bool, field: bool) -> list[Any]:
    return [
        (
            sc.hit.start,
            sc.hit.end,
            sc.hit.rule.id,
            sc.sent.start,
            sc.sent.end,
            {k: (f.value, f.evidence) for k, f in sorted(sc.features.items())},
            sc.negated,
            sc.negator,
            sc.restricted,
        )
        for sc in scorer.score(doc, hits, title, field)
    ]


@pytest.fixture(scope="module")
def detector() -> Any:
    from grantscan.detect import Detector

    return Detector(Config(cache=False))


def test_scores_read_per_sentence_equal_scores_read_per_term(
    detector: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    tech = detector.tech
    scorer = tech.scorer
    rnd = random.Random(20)
    docs = []
    for k in range(160):
        doc = detector.nlp(_text(rnd, rnd.randrange(20, 400 if k % 4 else 1200)))
        hits, _ = tech.compiled.hits(doc)
        docs.append((doc, hits, k % 7 == 0, k % 5 == 0))

    indexed = Counter[str]()
    around = context._Nearby.around

    def counted(self: Any, start: int, end: int, window: int) -> list[int]:
        indexed["around"] += 1
        return around(self, start, end, window)

    with monkeypatch.context() as m:
        m.setattr(context._Nearby, "around", counted)
        new = [_scored(scorer, *d) for d in docs]
    with monkeypatch.context() as m:
        m.setattr(context, "_support", _support_per_term)
        m.setattr(ContextScorer, "_verbs", _verbs_per_term)
        m.setattr(ContextScorer, "_cues", _cues_per_term)
        m.setattr(context, "_none_of_them", _none_of_them_per_term)
        old = [_scored(scorer, *d) for d in docs]

    for (doc, *_), a, b in zip(docs, new, old, strict=True):
        assert a == b, doc.text
    # the texts exercise every feature read per sentence, the index of nearby actions and the denials
    seen = Counter(name for scored in new for item in scored for name in item[5])
    for name in (
        "verb.build",
        "verb.apply",
        "verb.research",
        "verb.loose",
        "verb.imperative",
        "support.sentence",
        "support.paragraph",
        "cue.comparison",
        "cue.funder",
        "cue.instrument",
        "cue.method",
    ):
        assert seen[name] >= 20, (name, seen)
    assert indexed["around"] > 1000
    assert sum(item[6] for scored in new for item in scored) > 500
    assert sum(item[7] in ("none", "neither", "None", "Neither") for scored in new for item in scored) > 50


def test_none_of_read_per_sentence_equals_none_of_read_per_term(detector: Any) -> None:
    """Every token of every sentence, and every window of a sentence as the declarations read it."""
    rnd = random.Random(13)
    vocabulary = (
        "military use none neither of these them used needed required only no not never will be is are "
        "and or , ; : we the drones it out scope just less"
    ).split()
    denied = 0
    for _ in range(300):
        doc = detector.nlp(" ".join(rnd.choice(vocabulary) for _ in range(rnd.randrange(3, 200))))
        for sent in doc.sents:
            for s in range(sent.start, sent.end):
                for end in (sent.end, min(sent.end, s + 16), min(sent.end, s + 40)):
                    part = doc[sent.start : end]
                    want = _none_of_them_per_term(doc, part, s)
                    denied += want is not None
                    assert context._none_of_them(doc, part, s) == want, (doc.text, s, end)
    assert denied > 2000
