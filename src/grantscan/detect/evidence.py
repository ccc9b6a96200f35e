"""The evidence model: named features of a technology match weighed by a fitted logistic regression.

What is known around a match (how strong and specific the term is, what the sentence does with it, who the
work is for, where it stands in the document) is turned into named features by ``detect/context.py``. This
module holds the fitted weights (``patterns/evidence.yaml``, written by ``scripts/fit_evidence.py``) and
turns features into a probability and into reasons: every finding lists each feature's contribution to the
log-odds ("+0.84 verb: transfer ('will be shipped to')"), so the reported confidence is always the explained
one. Scoring is plain Python; scikit-learn is needed only to fit the weights.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..knowledge.loader import PackError, check_keys, load_yaml

# Every feature the scan path computes, in a fixed order (the fit script writes one weight per name).
# Binary features are 0/1; the others are described where they are computed.
FEATURES: tuple[str, ...] = (
    "term.score",  # the rule's score (term strength), moved by the rule's own context words in the pack
    "term.multiword",  # the match is more than one word (more specific)
    "term.acronym",  # the match is an acronym
    "support.sentence",  # another term of the same category in the sentence
    "support.paragraph",  # another term of the same category elsewhere in the block
    "support.document",  # log(1 + sentences of the document with this category)
    "document.rare",  # a long document mentioning the category less than once every two pages
    "form.yes",  # after a "Yes" answer to a form question
    "position.title",  # in a title or heading
    "position.field",  # in an administrative "Label: value" line
    "position.organisation",  # inside an organisation's name ("European Space Agency")
    "verb.build",  # a build action next to the term (the work makes it)
    "verb.apply",  # an apply action next to the term (the work uses it as its method)
    "verb.research",  # a research action elsewhere in the sentence
    "verb.loose",  # a build or apply verb form in the sentence in any voice or tense
    "verb.imperative",  # the sentence starts with a build or apply verb ("Develop a ...")
    "verb.subject",  # the term is the subject of a planned action ("a swarm of quadcopters will map ...")
    "verb.transfer",  # transfer, shipment, licence, trial or deployment wording in the sentence
    "verb.collaborate",  # co-development, co-supervision or joint work wording in the sentence
    "cue.application",  # a sensitive end use named in the sentence
    "cue.end_user",  # a defence or security customer or funder named in the paragraph
    "cue.funder",  # the match is named as the funder, sponsor or customer ("sponsored by DARPA")
    "cue.objective",  # procurement or call language in the sentence
    "cue.central",  # stated as the aim of the work
    "cue.literature",  # literature or background
    "cue.comparison",  # a comparison right before the term
    "cue.tool",  # an available tool or resource
    "cue.example",  # listed among examples or possible applications
    "cue.person",  # skills wanted from an applicant
    "cue.hedge",  # possibility only
    "cue.option",  # an option, not the plan
    "cue.civil_only",  # a civil-only or no-military statement in the sentence
    "cue.instrument",  # a platform next to words that make it a carrier or data source ("drone carrying a camera")
    "cue.market",  # the term names a market, sector or business ("AI companies", "the drone industry")
    "cue.customer",  # the term is what the customers or users are in ("our users include", "serving")
    "cue.method",  # the term qualifies a method or tool noun right after it ("machine learning-based analysis")
    "cue.list",  # one item of a list of three or more fields or topics ("physics, machine learning and ...")
    "doctype.agreement",  # the document reads as an agreement
    "doctype.form",  # the document reads as a form
)

_KEYS = {
    "version",
    "fitted",
    "data",
    "size",
    "method",
    "intercept",
    "weights",
    "bias",
    "threshold",
    "calibration",
}


@dataclass(slots=True)
class Feature:
    """One feature's value for a match and the words that set it (for the reason)."""

    value: float
    evidence: str = ""


@dataclass(slots=True)
class EvidenceModel:
    """Fitted weights, per-category bias and per-category thresholds (``patterns/evidence.yaml``)."""

    intercept: float
    weights: dict[str, float]
    bias: dict[str, float] = field(default_factory=dict)
    threshold: dict[str, float] = field(default_factory=dict)
    default_threshold: float = 0.5
    fitted: str = ""
    data: str = ""
    size: int = 0
    # a monotone map of the log-odds fitted out of fold (Platt scaling): slope * log-odds + offset, so the
    # probability matches the observed rate; the identity unless the file has a calibration
    slope: float = 1.0
    offset: float = 0.0

    def logit(self, category: str, features: dict[str, Feature]) -> float:
        """The model's log-odds of the match, before calibration."""
        z = self.intercept + self.bias.get(category, 0.0)
        w = self.weights
        for name, f in features.items():
            z += w.get(name, 0.0) * f.value
        return z

    def probability(self, category: str, features: dict[str, Feature]) -> float:
        """P(the category is really present | this match), calibrated, rounded to 3 places."""
        return round(_sigmoid(self.slope * self.logit(category, features) + self.offset), 3)

    def threshold_for(self, category: str) -> float:
        return self.threshold.get(category, self.default_threshold)

    def reasons(self, category: str, features: dict[str, Feature]) -> list[str]:
        """One reason per feature that moved the log-odds, largest first, then the base."""
        parts = []
        for name, f in features.items():
            c = self.weights.get(name, 0.0) * f.value
            if abs(c) >= 0.005:
                group, _, what = name.partition(".")
                shown = f"{group}: {what.replace('_', ' ')}"
                value = "" if f.value == 1 else f" = {f.value:.2f}"
                why = f" ('{f.evidence}')" if f.evidence else ""
                parts.append((c, f"{c:+.2f} {shown}{value}{why}"))
        parts.sort(key=lambda p: -abs(p[0]))
        base = self.intercept + self.bias.get(category, 0.0)
        out = [f"{base:+.2f} base log-odds ({category})", *(p[1] for p in parts)]
        if self.slope != 1.0 or self.offset != 0.0:
            z = self.logit(category, features)
            shift = (self.slope - 1.0) * z + self.offset
            out.append(f"{shift:+.2f} calibration (log-odds x {self.slope:.2f} {self.offset:+.2f})")
        return out


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _number(path: Path, d: dict, key: str, lo: float, hi: float, what: str = "evidence") -> float:
    v = d[key]
    if isinstance(v, bool) or not isinstance(v, int | float) or not lo <= v <= hi:
        raise PackError(path, d.key_line(key), f"{what}: '{key}' must be a number in [{lo}, {hi}]")  # type: ignore[attr-defined]
    return float(v)


def _table(
    path: Path, data: dict, key: str, names: set[str], lo: float, hi: float, what: str
) -> dict[str, float]:
    d = data.get(key, {})
    if not isinstance(d, dict):
        raise PackError(path, data.key_line(key), f"{what}: '{key}' must be a mapping")  # type: ignore[attr-defined]
    out = {}
    for k in d:
        if k not in names:
            raise PackError(path, d.key_line(k), f"{what}: unknown {key} name '{k}'")  # type: ignore[attr-defined]
        out[str(k)] = _number(path, d, k, lo, hi, what)
    return out


def read_model(p: Path, what: str, features: Iterable[str], categories: Iterable[str]) -> EvidenceModel:
    """A fitted model file (evidence.yaml, clause_evidence.yaml): its weights over ``features``, a bias and a
    threshold per category; PackError names file:line and ``what`` the file is."""
    data = load_yaml(p)
    if not isinstance(data, dict):
        raise PackError(p, 1, f"{what}: expected a mapping")
    check_keys(p, data, _KEYS, {"version", "intercept", "weights", "threshold"}, what)
    cats = set(categories)
    thresholds = _table(p, data, "threshold", cats | {"default"}, 0.01, 0.99, what)
    slope, offset = 1.0, 0.0
    if "calibration" in data:
        cal = data["calibration"]
        if not isinstance(cal, dict):
            raise PackError(p, data.key_line("calibration"), f"{what}: 'calibration' must be a mapping")
        check_keys(p, cal, {"slope", "offset"}, {"slope", "offset"}, f"{what} calibration")
        slope = _number(p, cal, "slope", 0.05, 20, what)
        offset = _number(p, cal, "offset", -20, 20, what)
    size = data.get("size", 0)
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise PackError(p, data.key_line("size"), f"{what}: 'size' must be a whole number")
    return EvidenceModel(
        intercept=_number(p, data, "intercept", -20, 20, what),
        weights=_table(p, data, "weights", set(features), -20, 20, what),
        bias=_table(p, data, "bias", cats, -20, 20, what),
        threshold={k: v for k, v in thresholds.items() if k != "default"},
        default_threshold=thresholds.get("default", 0.5),
        fitted=str(data.get("fitted", "")),
        data=str(data.get("data", "")),
        size=size,
        slope=slope,
        offset=offset,
    )


def load_evidence(path: str | Path | None = None) -> EvidenceModel:
    """Load evidence.yaml (the shipped one unless ``path`` is given); raises PackError naming file:line."""
    from ..knowledge.resources import patterns_dir
    from ..knowledge.taxonomy import TECH_CATEGORIES

    return read_model(
        Path(path) if path else patterns_dir() / "evidence.yaml", "evidence", FEATURES, TECH_CATEGORIES
    )


_QUALITY_KEYS = {"metric", "category", "value", "set", "size", "date"}
_METRICS = {"precision", "recall", "f1"}


def load_quality(path: str | Path | None = None) -> list[dict]:
    """The measured detection quality of ``patterns/quality/detection.yaml``: a list of
    {metric, category, value, set, size, date}, validated (PackError naming file:line)."""
    from ..knowledge.resources import patterns_dir

    p = Path(path) if path else patterns_dir() / "quality" / "detection.yaml"
    data = load_yaml(p)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise PackError(p, 1, "detection quality: expected a mapping with a list 'entries'")
    out = []
    for e in data["entries"]:
        check_keys(p, e, _QUALITY_KEYS, _QUALITY_KEYS, "detection quality entry")
        if e["metric"] not in _METRICS:
            raise PackError(
                p, e.key_line("metric"), f"detection quality: metric must be one of {sorted(_METRICS)}"
            )
        _number(p, e, "value", 0.0, 1.0)
        if isinstance(e["size"], bool) or not isinstance(e["size"], int) or e["size"] < 1:
            raise PackError(
                p, e.key_line("size"), "detection quality: 'size' must be a positive whole number"
            )
        out.append({k: (str(e[k]) if k in ("date", "set", "category") else e[k]) for k in _QUALITY_KEYS})
    return out
