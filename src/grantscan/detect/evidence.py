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
    "verb.programme",  # the work's project, programme, mission or call is the sentence's acting subject
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
    "cue.hedged_action",  # a hedge in a sentence where the work builds or applies the term (an outcome's hedge)
    "cue.hedged_end_user",  # a hedge in a paragraph naming a defence or security customer
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
    # a monotone table of the probability fitted out of fold ((model probability, observed rate) points,
    # read between points by linear interpolation), so a probability matches the rate at which it is right;
    # empty (the model's own probability) unless the file has a calibration
    calibration: tuple[tuple[float, float], ...] = ()

    def logit(self, category: str, features: dict[str, Feature]) -> float:
        """The model's log-odds of the match, before calibration."""
        z = self.intercept + self.bias.get(category, 0.0)
        w = self.weights
        for name, f in features.items():
            z += w.get(name, 0.0) * f.value
        return z

    def probability(self, category: str, features: dict[str, Feature]) -> float:
        """P(the category is really present | this match), calibrated, rounded to 3 places."""
        return self.on_scale(_sigmoid(self.logit(category, features)))

    def on_scale(self, p: float) -> float:
        """The reported probability of a model probability ``p``: ``p`` rounded to 3 places, then through the
        calibration table and rounded again. Calibrating the rounded value makes the reported one a function
        of the 1,001 values reported without a table, so a threshold on it can be checked to decide exactly as
        the raw threshold did (``raw_threshold``)."""
        return round(self.calibrated(round(p, 3)), 3) if self.calibration else round(p, 3)

    def raw_threshold(self, threshold: float) -> float:
        """The lowest model probability (3 places) whose reported probability reaches ``threshold``: the
        threshold without the table that makes the same decisions (``threshold`` itself without a table)."""
        if not self.calibration:
            return threshold
        lo, hi = 0, 1000
        while lo < hi:  # on_scale is non-decreasing in p
            mid = (lo + hi) // 2
            if self.on_scale(mid / 1000) >= threshold:
                hi = mid
            else:
                lo = mid + 1
        return lo / 1000

    def calibrated(self, p: float) -> float:
        """``p`` through the calibration table (unchanged without one)."""
        pts = self.calibration
        if not pts:
            return p
        if p <= pts[0][0]:
            return pts[0][1] * p / pts[0][0] if pts[0][0] > 0 else pts[0][1]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            if p <= x1:
                return y0 + (y1 - y0) * (p - x0) / (x1 - x0)
        return pts[-1][1]

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
        if self.calibration:
            z = self.logit(category, features)
            raw = _sigmoid(z)
            cal = min(max(self.on_scale(raw), 1e-6), 1 - 1e-6)
            shift = math.log(cal / (1 - cal)) - z
            out.append(f"{shift:+.2f} calibration ({raw:.3f} -> {cal:.3f})")
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


def _calibration(p: Path, data: dict, what: str) -> tuple[tuple[float, float], ...]:
    """The calibration table: a mapping of model probability to calibrated probability, both in [0, 1],
    at least two points, increasing (a calibration keeps the order of matches, and so every threshold's
    meaning)."""
    if "calibration" not in data:
        return ()
    cal = data["calibration"]
    if not isinstance(cal, dict) or len(cal) < 2:
        raise PackError(
            p,
            data.key_line("calibration"),  # type: ignore[attr-defined]
            f"{what}: 'calibration' must map at least two probabilities to calibrated ones",
        )
    pts: list[tuple[float, float]] = []
    for k, v in cal.items():
        line = cal.key_line(str(k))
        ok = all(not isinstance(x, bool) and isinstance(x, int | float) and 0 <= x <= 1 for x in (k, v))
        if not ok:
            raise PackError(p, line, f"{what}: calibration point '{k}: {v}' must be two numbers in [0, 1]")
        if pts and (k <= pts[-1][0] or v < pts[-1][1]):
            raise PackError(p, line, f"{what}: calibration points must increase ('{k}: {v}')")
        pts.append((float(k), float(v)))
    return tuple(pts)


def read_model(p: Path, what: str, features: Iterable[str], categories: Iterable[str]) -> EvidenceModel:
    """A fitted model file (evidence.yaml, clause_evidence.yaml): its weights over ``features``, a bias and a
    threshold per category; PackError names file:line and ``what`` the file is."""
    data = load_yaml(p)
    if not isinstance(data, dict):
        raise PackError(p, 1, f"{what}: expected a mapping")
    check_keys(p, data, _KEYS, {"version", "intercept", "weights", "threshold"}, what)
    cats = set(categories)
    thresholds = _table(p, data, "threshold", cats | {"default"}, 0.01, 0.99, what)
    calibration = _calibration(p, data, what)
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
        calibration=calibration,
    )


def load_evidence(path: str | Path | None = None) -> EvidenceModel:
    """Load evidence.yaml (the shipped one unless ``path`` is given); raises PackError naming file:line."""
    from ..knowledge.resources import patterns_dir
    from ..knowledge.taxonomy import TECH_CATEGORIES

    return read_model(
        Path(path) if path else patterns_dir() / "evidence.yaml", "evidence", FEATURES, TECH_CATEGORIES
    )


_QUALITY_KEYS = {"metric", "category", "value", "set", "size", "date"}
# expected calibration error of the document-level probability, without and with the calibration table
_METRICS = {"precision", "recall", "f1", "ECE, model", "ECE, with table"}


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
