"""The topic reading: what the document as a whole is about, per technology category, from its words.

A mention of a pack term whose evidence probability stays a little under its category's threshold (a plain
description: no build verb, no end-use cue in its sentence) is kept when the document reads as that
category: a linear bag-of-words model per category (lower-cased word forms and bigrams of the content words,
log counts scaled to unit length over the document's words) says how probable the category is from the
whole text. It never creates a finding without a pack match; it only decides the mentions of a narrow band
under the threshold. The weights are fitted by ``scripts/fit_topics.py`` (scikit-learn, training only) and
ship as data (``patterns/topics.yaml``), read here in plain Python.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..knowledge.loader import LineDict, PackError, check_keys, load_yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEYS = {"version", "fitted", "data", "size", "method", "band", "categories"}
_CAT_KEYS = {"intercept", "threshold", "weights"}
TOP_WORDS = 3  # words named in a reason


def content_words(sdoc: Doc, stop: frozenset[str] | set[str]) -> list[str]:
    """The lower-cased alphabetic tokens of ``sdoc`` of two letters or more that are not stop words, in order
    (the model's unigrams; its bigrams are pairs of neighbours in this list)."""
    out = []
    for t in sdoc:
        if t.is_alpha and len(t.text) > 1:
            w = t.lower_
            if w not in stop:
                out.append(w)
    return out


def count_words(
    words: list[str], unigrams: Counter[str], bigrams: Counter[str], model: TopicModel | None
) -> None:
    """Add a block's content words to the document's counts: every unigram (the scale needs them all) and
    the bigrams of the model's vocabulary (every bigram without a model: for fitting)."""
    unigrams.update(words)
    if model is None:
        bigrams.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
        return
    heads, vocab = model.bigram_heads, model.vocabulary
    for a, b in zip(words, words[1:], strict=False):
        if a in heads:
            pair = f"{a} {b}"
            if pair in vocab:
                bigrams[pair] += 1


@dataclass(slots=True)
class Reading:
    """One document's topic probability of a category and the words that weighed most for it."""

    probability: float
    words: tuple[str, ...]


@dataclass(slots=True)
class TopicModel:
    """Per-category intercept, weights over unigrams and bigrams, and topic threshold (``topics.yaml``)."""

    intercept: dict[str, float]
    weights: dict[str, dict[str, float]]
    threshold: dict[str, float]
    band: float  # how far under its category's evidence threshold a mention may be and still be lifted
    fitted: str = ""
    data: str = ""
    size: int = 0
    bigram_heads: frozenset[str] = field(default_factory=frozenset)
    vocabulary: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        vocab = {w for ws in self.weights.values() for w in ws}
        self.vocabulary = frozenset(vocab)
        self.bigram_heads = frozenset(w.split(" ", 1)[0] for w in vocab if " " in w)

    def read(self, category: str, unigrams: Counter[str], bigrams: Counter[str]) -> Reading | None:
        """The document's topic probability of ``category`` (None when the model has no such category or the
        document no words)."""
        ws = self.weights.get(category)
        if ws is None or not unigrams:
            return None
        norm = math.sqrt(sum(math.log1p(c) ** 2 for c in unigrams.values()))
        z = self.intercept[category]
        parts = []
        for w, weight in ws.items():
            c = bigrams.get(w, 0) if " " in w else unigrams.get(w, 0)
            if c:
                share = weight * math.log1p(c) / norm
                z += share
                parts.append((share, w))
        parts.sort(reverse=True)
        top = tuple(w for s, w in parts[:TOP_WORDS] if s > 0)
        return Reading(round(_sigmoid(z), 3), top)

    def threshold_for(self, category: str) -> float | None:
        return self.threshold.get(category)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _num(p: Path, d: LineDict, key: str, lo: float, hi: float, what: str) -> float:
    v = d[key]
    if isinstance(v, bool) or not isinstance(v, int | float) or not lo <= v <= hi:
        raise PackError(p, d.key_line(key), f"{what}: '{key}' must be a number in [{lo}, {hi}]")
    return float(v)


def read_topics(p: Path, categories: Iterable[str]) -> TopicModel:
    """A topic model file; PackError names file:line."""
    what = "topics"
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, f"{what}: expected a mapping")
    check_keys(p, data, _KEYS, {"version", "band", "categories"}, what)
    cats = set(categories)
    band = _num(p, data, "band", 0.0, 0.5, what)
    size = data.get("size", 0)
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise PackError(p, data.key_line("size"), f"{what}: 'size' must be a whole number")
    table = data["categories"]
    if not isinstance(table, LineDict):
        raise PackError(p, data.key_line("categories"), f"{what}: 'categories' must be a mapping")
    intercept: dict[str, float] = {}
    weights: dict[str, dict[str, float]] = {}
    threshold: dict[str, float] = {}
    for cat, entry in table.items():
        line = table.key_line(str(cat))
        if cat not in cats:
            raise PackError(p, line, f"{what}: unknown technology category '{cat}'")
        if not isinstance(entry, LineDict):
            raise PackError(p, line, f"{what} '{cat}': expected a mapping")
        check_keys(p, entry, _CAT_KEYS, _CAT_KEYS, f"{what} '{cat}'")
        intercept[cat] = _num(p, entry, "intercept", -50, 50, f"{what} '{cat}'")
        threshold[cat] = _num(p, entry, "threshold", 0.01, 0.99, f"{what} '{cat}'")
        ws = entry["weights"]
        if not isinstance(ws, LineDict) or not ws:
            raise PackError(
                p, entry.key_line("weights"), f"{what} '{cat}': 'weights' must be a non-empty mapping"
            )
        out = {}
        for w in ws:
            wl = ws.key_line(str(w))
            parts = str(w).split(" ")
            if (
                not isinstance(w, str)
                or not 1 <= len(parts) <= 2
                or any(not x.isalpha() or x != x.lower() for x in parts)
            ):
                raise PackError(p, wl, f"{what} '{cat}': '{w}' must be one or two lower-case words")
            out[w] = _num(p, ws, w, -100, 100, f"{what} '{cat}'")
        weights[cat] = out
    return TopicModel(
        intercept=intercept,
        weights=weights,
        threshold=threshold,
        band=band,
        fitted=str(data.get("fitted", "")),
        data=str(data.get("data", "")),
        size=size,
    )


def load_topics(path: str | Path | None = None) -> TopicModel | None:
    """Load topics.yaml (the shipped one unless ``path`` is given; None when none is shipped); raises
    PackError naming file:line."""
    from ..knowledge.resources import patterns_dir
    from ..knowledge.taxonomy import TECH_CATEGORIES

    p = Path(path) if path else patterns_dir() / "topics.yaml"
    if path is None and not p.is_file():
        return None
    return read_topics(p, TECH_CATEGORIES)
