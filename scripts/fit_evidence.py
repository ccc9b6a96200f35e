#!/usr/bin/env python3
"""Fit the evidence model (patterns/evidence.yaml) on labelled documents, with grouped cross-validation.

    .venv/bin/python scripts/fit_evidence.py [--cache FEATURES.json] [--write] [--quality] [--repeats N]
        [--compare-shipped] [--calibrate] [--calibrate-shipped [--deals N]] [--c C] [FILE.jsonl ...]

Needs the ``train`` extra (scikit-learn); the scan path reads the fitted weights with plain Python.

1. Every labelled document is scanned; the technology detector records, for every mention it scores, the
   category and the named features (``TechDetector.record``). A mention is labelled positive when its
   category is among the document's gold categories (each document and category weighs 1 in total however
   often it is mentioned).
2. A logistic regression (features plus one indicator per category, the category biases) is fitted.
   The regularisation strength is chosen by grouped cross-validation (groups: a row's ``group``, else the
   project id in it, else its id), on the document-level F1.
3. A document is predicted to have a category when its most probable mention of it reaches the category's
   threshold. Thresholds are chosen per category on out-of-fold predictions, shrunk towards the global
   best threshold for categories with few gold documents.
4. Nested cross-validation (thresholds and weights fitted on the training folds only) gives the honest
   per-category scores and the calibration table (reliability per probability bin and expected calibration
   error, of the document-level probability). ``--repeats N`` runs it with N deals of the groups into folds
   and pools the counts: one deal moves F1 by about 0.005 when a few documents are added.

5. ``--compare-shipped``: the fair test of a refit. The documents the shipped weights were not fitted on
   (files missing from the ``data:`` line of patterns/evidence.yaml, pack example sentences added since the
   commit of its last refit) are scored with the shipped weights and thresholds, and with the refit's nested
   out-of-fold predictions of every repeat, the groups of those documents alone dealt into folds (each fold
   trains, thresholds by inner cross-validation, on every document outside its groups);
   P/R/F1 per category both ways, the refit's pooled over the repeats with its range. Refit only when the
   refit wins by more than that range.
6. Calibration: in each outer fold, a Platt map and an isotonic table (12 bins of like count, pooled
   adjacent violators) of the document-level probability are fitted on the inner out-of-fold scores of the
   training documents, with thresholds chosen again on the mapped scores; both are reported beside the
   model's own probability (reliability table, expected calibration error, F1). ``--calibrate`` chooses C on
   the isotonic table's predictions and, with ``--write``, ships the table (fitted on out-of-fold scores of
   every document) as ``calibration:`` in patterns/evidence.yaml.
7. ``--calibrate-shipped``: a table for the shipped weights as they are. Their document-level probability
   (3 places, before any table) on the documents they were not fitted on (those of ``--compare-shipped``) is
   fitted with an isotonic table of at most 12 points that starts at the detector's floor mapped to itself;
   its expected calibration error is measured by cross-fitting (the groups dealt into two halves, the table
   fitted on one half and measured on the other, both ways, ``--deals`` times). Each threshold is mapped
   through the table (the calibrated value of the raw threshold), and the script checks that the raw
   threshold is the lowest raw probability reaching the mapped one, so every decision stays the same. With
   ``--write`` the table and mapped thresholds replace those of patterns/evidence.yaml (nothing else in it
   changes) when the cross-fitted error drops; nothing else runs.

``--write`` saves patterns/evidence.yaml; ``--quality`` writes the cross-validated figures to
patterns/quality/detection.yaml (with ``--compare-shipped``, also the shipped weights' figures on the
documents they were not fitted on; with ``--calibrate-shipped``, their expected calibration error without and
with the table, cross-fitted).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from grantscan.detect.evidence import FEATURES  # noqa: E402
from grantscan.knowledge.taxonomy import TECH_CATEGORIES  # noqa: E402

CATS = list(TECH_CATEGORIES)
DEFAULT_FILES = [
    *(str(p) for p in sorted((SHARED / "corpus" / "labelled").glob("*.jsonl"))),
    *(str(p) for p in sorted((ROOT / "tests" / "heldout").glob("*.jsonl"))),
    *(str(p) for p in sorted((ROOT / "tests" / "heldout-blind").glob("*.jsonl"))),
    # the project corpus' development side only: corpus/frozen is never read here
    *(str(p) for p in sorted((ROOT / "corpus" / "dev").glob("*.jsonl"))),
]
_PROJECT = re.compile(r"2228[a-z]{2}\d{4}")
SHRINK = 8  # gold documents at which a category's own threshold weighs as much as the global one
MAX_SHIFT = (
    0.1  # a category's threshold stays this close to the global one (few gold documents make it jumpy)
)
FOLDS = 5
PACK_EXAMPLES = True  # the packs' must_match / must_not_match sentences are labelled data too
DROPPED: set[str] = set()  # features left out (--drop), to measure what each one is worth


def use(features: tuple[str, ...], cats: list[str]) -> None:
    """Point the fitting functions below at another feature set and label set (the clause model of
    scripts/fit_clauses.py is fitted by the same functions)."""
    global FEATURES, CATS
    FEATURES, CATS = tuple(features), list(cats)


def group_of(entry: dict, set_name: str) -> str:
    """The row's group, else the UCL project id it names, else its id (documents stay whole in a fold)."""
    if entry.get("group"):
        return f"{set_name}:{entry['group']}"
    m = _PROJECT.search(entry["id"])
    return f"ucl:{m.group(0)}" if m else f"{set_name}:{entry['id']}"


def collect(files: list[str]) -> list[dict]:
    """Scan every labelled document and record its mentions' features."""
    from evaluate_detection import _scorer, load_document

    from grantscan.config import Config
    from grantscan.detect import Detector

    ev = _scorer()
    det = Detector(Config())
    tech = det.tech
    tech.floor = 0.0
    docs = []
    for f in files:
        set_name = f"{Path(f).parent.name}/{Path(f).stem}"
        for e in ev.load([f]):
            tech.record = []
            det.detect(load_document(e))
            docs.append(
                {
                    "id": f"{set_name}:{e['id']}",
                    "set": set_name,
                    "group": group_of(e, set_name),
                    "gold": sorted(set(e.get("categories", [])) & set(CATS)),
                    "mentions": [[c, feats, rule] for c, feats, rule in tech.record],
                }
            )
            tech.record = None
        print(f"  {f}: {sum(1 for d in docs if d['set'] == set_name)} documents", file=sys.stderr)
    if PACK_EXAMPLES:
        docs += pack_examples(det)
    return docs


def pack_examples(det) -> list[dict]:  # noqa: ANN001 - Detector
    """The packs' own example sentences as labelled documents: a must_match sentence has its rule's
    category, a must_not_match sentence has not. Only mentions of that category are recorded (the
    sentence says nothing about the others)."""
    from evaluate_detection import text_document

    tech = det.tech
    out = []
    for rule in tech.rules:
        for label, sentences in (("match", rule.must_match), ("not", rule.must_not_match)):
            for i, text in enumerate(sentences):
                tech.record = []
                det.detect(text_document(text, f"{rule.id}-{label}-{i}"))
                out.append(
                    {
                        "id": f"packs:{rule.id}:{label}:{i}",
                        "set": "packs/examples",
                        "group": f"packs:{rule.id}",
                        "gold": [rule.category] if label == "match" else [],
                        "mentions": [[c, f, r] for c, f, r in tech.record if c == rule.category],
                        "text": text,
                    }
                )
    tech.record = None
    print(f"  pack examples: {len(out)} sentences", file=sys.stderr)
    return out


def design(
    docs: list[dict], share: list[list[float]] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Mention matrix (features then category indicators), labels, sample weights, document and category
    index of every row. A negative document's mentions each weigh 1/sqrt(mentions of the category): every
    one must stay below the threshold. A positive document's weight of 1 is shared among its mentions of the
    category, evenly or by ``share`` (the previous model's probabilities): one convincing mention is enough."""
    rows, ys, ws, di, ci = [], [], [], [], []
    nf = len(FEATURES)
    for d_i, d in enumerate(docs):
        counts: dict[str, int] = defaultdict(int)
        mass: dict[str, float] = defaultdict(float)
        for m_i, (c, _, _) in enumerate(d["mentions"]):
            counts[c] += 1
            mass[c] += share[d_i][m_i] if share else 1.0
        for m_i, (c, feats, _) in enumerate(d["mentions"]):
            x = np.zeros(nf + len(CATS))
            for k, v in feats.items():
                if k in FEATURES and k not in DROPPED:
                    x[FEATURES.index(k)] = v
            x[nf + CATS.index(c)] = 1.0
            rows.append(x)
            positive = c in d["gold"]
            ys.append(1 if positive else 0)
            if positive:
                ws.append((share[d_i][m_i] if share else 1.0) / max(mass[c], 1e-9))
            else:
                ws.append(1.0 / math.sqrt(counts[c]))
            di.append(d_i)
            ci.append(CATS.index(c))
    return np.array(rows), np.array(ys), np.array(ws), np.array(di), np.array(ci)


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float):  # noqa: ANN201 - sklearn estimator
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, y, sample_weight=w)
    return model


def doc_scores(p: np.ndarray, di: np.ndarray, ci: np.ndarray, n_docs: int) -> np.ndarray:
    """Document x category: the highest probability of any mention (0 without a mention)."""
    out = np.zeros((n_docs, len(CATS)))
    np.maximum.at(out, (di, ci), p)
    return out


def gold_matrix(docs: list[dict]) -> np.ndarray:
    g = np.zeros((len(docs), len(CATS)), dtype=bool)
    for i, d in enumerate(docs):
        for c in d["gold"]:
            g[i, CATS.index(c)] = True
    return g


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


GRID = np.round(np.arange(0.10, 0.91, 0.025), 3)


def best_threshold(s: np.ndarray, g: np.ndarray) -> float:
    """The threshold of best F1 (ties: the middle of the best run, which is steadier than its edge)."""
    f1s = []
    for t in GRID:
        pred = s >= t
        f1s.append(prf(int((pred & g).sum()), int((pred & ~g).sum()), int((~pred & g).sum()))[2])
    f1s = np.array(f1s)
    best = np.flatnonzero(f1s >= f1s.max() - 1e-9)
    return float(GRID[best[len(best) // 2]])


def thresholds(s: np.ndarray, g: np.ndarray) -> dict[str, float]:
    """Per-category thresholds, shrunk towards the global one by the category's number of gold documents."""
    t_all = best_threshold(s.ravel(), g.ravel())
    out = {"default": t_all}
    for j, c in enumerate(CATS):
        n = int(g[:, j].sum())
        if n == 0:
            continue
        t_c = best_threshold(s[:, j], g[:, j])
        t = (n * t_c + SHRINK * t_all) / (n + SHRINK)
        out[c] = round(min(t_all + MAX_SHIFT, max(t_all - MAX_SHIFT, t)), 3)
    return out


def predict(s: np.ndarray, th: dict[str, float]) -> np.ndarray:
    t = np.array([th.get(c, th["default"]) for c in CATS])
    return s >= t


def grouped_folds(docs: list[dict], k: int, seed: int = 0) -> list[np.ndarray]:
    """k folds of document indices; the groups are shuffled once and dealt out so folds are of like size."""
    groups = sorted({d["group"] for d in docs})
    rng = np.random.default_rng(seed)
    rng.shuffle(groups)
    sizes: dict[str, int] = defaultdict(int)
    for d in docs:
        sizes[d["group"]] += 1
    fold_of, load = {}, [0] * k
    for gname in sorted(groups, key=lambda x: -sizes[x]):  # largest groups first, each to the lightest fold
        f = int(np.argmin(load))
        fold_of[gname] = f
        load[f] += sizes[gname]
    return [np.array([i for i, d in enumerate(docs) if fold_of[d["group"]] == f]) for f in range(k)]


def oof_scores(docs: list[dict], idx: np.ndarray, c: float, k: int, seed: int) -> np.ndarray:
    """Out-of-fold document scores for the documents ``idx`` (grouped k-fold inside them)."""
    sub = [docs[i] for i in idx]
    out = np.zeros((len(sub), len(CATS)))
    for fold in grouped_folds(sub, k, seed):
        train = np.setdiff1d(np.arange(len(sub)), fold)
        out[fold] = score_docs([sub[i] for i in fold], fit_docs([sub[i] for i in train], c))
    return out


def fit_docs(docs: list[dict], c: float, rounds: int = 2):  # noqa: ANN201
    """Fit, then refit ``rounds`` times with each positive document's weight shared by the previous
    model's probabilities (multiple-instance learning: the convincing mention carries the document)."""
    x, y, w, _, _ = design(docs)
    model = fit(x, y, w, c)
    for _ in range(rounds):
        p = model.predict_proba(x)[:, 1] if len(x) else np.zeros(0)
        share, k = [], 0
        for d in docs:
            share.append([float(v) ** 2 for v in p[k : k + len(d["mentions"])]])
            k += len(d["mentions"])
        _, _, w, _, _ = design(docs, share)
        model = fit(x, y, w, c)
    return model


def score_docs(docs: list[dict], model) -> np.ndarray:  # noqa: ANN001
    x, _, _, di, ci = design(docs)
    if len(x) == 0:
        return np.zeros((len(docs), len(CATS)))
    return doc_scores(model.predict_proba(x)[:, 1], di, ci, len(docs))


def nested_cv(docs: list[dict], c: float, k: int = FOLDS, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Honest out-of-fold predictions and scores: in each outer fold, thresholds come from inner
    cross-validation on the training documents and weights from all of them. ``seed`` deals the groups
    into other folds (a repeat of the cross-validation)."""
    run = nested_run(docs, c, k, seed)
    return run["pred"], run["score"]


def nested_run(
    docs: list[dict], c: float, k: int = FOLDS, seed: int = 0, held: np.ndarray | None = None
) -> dict[str, np.ndarray]:
    """``nested_cv`` with and without a calibration map: ``pred``/``score`` are the model's own
    probabilities, ``pred_cal``/``score_cal`` the same documents' probabilities through a Platt map fitted,
    like the thresholds, on the inner out-of-fold scores of the training documents only (the thresholds of
    ``pred_cal`` are chosen on the calibrated inner scores). With ``held`` (a mask), only those documents are
    dealt into folds and predicted, and each fold trains on every document outside the fold's groups."""
    pred = np.zeros((len(docs), len(CATS)), dtype=bool)
    score = np.zeros((len(docs), len(CATS)))
    pred_cal, score_cal = pred.copy(), score.copy()
    pred_iso, score_iso = pred.copy(), score.copy()
    gold = gold_matrix(docs)
    if held is None:
        folds = grouped_folds(docs, k, seed)
    else:
        idx = np.flatnonzero(held)
        folds = [idx[f] for f in grouped_folds([docs[i] for i in idx], k, seed)]
    for f, fold in enumerate(folds):
        out = {docs[i]["group"] for i in fold}
        train = np.array([i for i, d in enumerate(docs) if d["group"] not in out])
        inner = oof_scores(docs, train, c, k, seed=f + 1 + 1000 * seed)
        th = thresholds(inner, gold[train])
        s = score_docs([docs[i] for i in fold], fit_docs([docs[i] for i in train], c))
        score[fold] = s
        pred[fold] = predict(s, th)
        cal = platt(inner, gold[train])
        th_cal = thresholds(calibrated(inner, cal), gold[train])
        score_cal[fold] = calibrated(s, cal)
        pred_cal[fold] = predict(score_cal[fold], th_cal)
        table_ = isotonic_table(inner, gold[train])
        th_iso = thresholds(through_table(inner, table_), gold[train])
        score_iso[fold] = through_table(s, table_)
        pred_iso[fold] = predict(score_iso[fold], th_iso)
    return {
        "pred": pred,
        "score": score,
        "pred_cal": pred_cal,
        "score_cal": score_cal,
        "pred_iso": pred_iso,
        "score_iso": score_iso,
    }


def _logit(s: np.ndarray) -> np.ndarray:
    q = np.clip(s, 1e-6, 1 - 1e-6)
    return np.log(q / (1 - q))


def platt(score: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """Slope and offset of a logistic map of the document-level log-odds (Platt scaling), fitted on the
    document x category pairs with a mention: calibrated log-odds = slope * log-odds + offset."""
    from sklearn.linear_model import LogisticRegression

    m = score > 0
    z = _logit(score[m]).reshape(-1, 1)
    y = gold[m].astype(int)
    if len(set(y.tolist())) < 2:
        return 1.0, 0.0
    lr = LogisticRegression(C=1e4, max_iter=1000).fit(z, y)
    return float(lr.coef_[0][0]), float(lr.intercept_[0])


def calibrated(score: np.ndarray, cal: tuple[float, float]) -> np.ndarray:
    """``score`` through the Platt map ``cal``; pairs without a mention stay 0."""
    a, b = cal
    out = 1.0 / (1.0 + np.exp(-(a * _logit(score) + b)))
    return np.where(score > 0, out, 0.0)


def isotonic_table(score: np.ndarray, gold: np.ndarray, bins: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """A small monotone table of the document-level probability: the pairs with a mention in ``bins``
    bins of like count, each bin's mean probability against its observed rate, made non-decreasing by
    pooling adjacent violators, and strictly increasing by a small step (so the order of documents, and
    with it the choice of thresholds, is kept)."""
    m = score > 0
    x, y = score[m], gold[m].astype(float)
    order = np.argsort(x, kind="stable")
    blocks = [b for b in np.array_split(order, bins) if len(b)]
    pts = [[float(x[b].mean()), float(y[b].mean()), len(b)] for b in blocks]
    i = 0
    while i < len(pts) - 1:  # pool adjacent violators
        if pts[i][1] > pts[i + 1][1]:
            a, b = pts[i], pts[i + 1]
            n = a[2] + b[2]
            pts[i : i + 2] = [[(a[0] * a[2] + b[0] * b[2]) / n, (a[1] * a[2] + b[1] * b[2]) / n, n]]
            i = max(i - 1, 0)
        else:
            i += 1
    xs = np.array([0.0, *(p[0] for p in pts), 1.0])
    ys = np.array([0.0, *(p[1] for p in pts), max(pts[-1][1], pts[-1][0]) if pts else 1.0])
    ys = np.clip(ys + 1e-4 * np.arange(len(ys)), 0.0, 1.0)
    return xs, np.maximum.accumulate(ys)


def through_table(score: np.ndarray, table_: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """``score`` through a monotone table by linear interpolation; pairs without a mention stay 0."""
    return np.where(score > 0, np.interp(score, *table_), 0.0)


def _pooled(tables: list[dict]) -> dict:
    """Per-category (tp, fp, fn) summed over repeats of the cross-validation."""
    return {cat: tuple(sum(t[cat][i] for t in tables) for i in range(3)) for cat in tables[0]}


def table(pred: np.ndarray, gold: np.ndarray, docs: list[dict], sets: list[str] | None = None) -> dict:
    """Micro and per-category precision/recall/F1 (optionally of some sets only)."""
    keep = np.array([sets is None or d["set"] in sets for d in docs])
    p, g = pred[keep], gold[keep]
    out = {}
    for j, c in enumerate(CATS):
        tp, fp, fn = (
            int((p[:, j] & g[:, j]).sum()),
            int((p[:, j] & ~g[:, j]).sum()),
            int((~p[:, j] & g[:, j]).sum()),
        )
        out[c] = (tp, fp, fn)
    tp, fp, fn = (sum(v[i] for v in out.values()) for i in range(3))
    out["all"] = (tp, fp, fn)
    return out


def calibration(score: np.ndarray, gold: np.ndarray, docs_with: np.ndarray) -> tuple[list, float]:
    """Reliability table (bins of 0.1: count, mean predicted, observed rate) and expected calibration error,
    over the document x category pairs that have at least one mention."""
    s, g = score[docs_with], gold[docs_with]
    rows, ece = [], 0.0
    for lo in np.arange(0.0, 1.0, 0.1):
        m = (s >= lo) & (s < lo + 0.1 if lo < 0.9 else s <= 1.0)
        n = int(m.sum())
        if n:
            mp, obs = float(s[m].mean()), float(g[m].mean())
            rows.append((round(float(lo), 1), n, round(mp, 3), round(obs, 3)))
            ece += n / len(s) * abs(mp - obs)
    return rows, round(ece, 3)


def write_evidence(  # noqa: ANN001 - model: sklearn estimator
    model,
    docs: list[dict],
    th: dict[str, float],
    c: float,
    files: list[str],
    cal: tuple[np.ndarray, np.ndarray] | None = None,
) -> None:
    nf = len(FEATURES)
    coef = model.coef_[0]
    lines = [
        "# Evidence model of technology detection: fitted weights, per-category bias and thresholds.",
        "# Written by scripts/fit_evidence.py (logistic regression over the named features of",
        "# src/grantscan/detect/evidence.py; see that script for the data, the grouped cross-validation and the",
        "# threshold choice). The log-odds of a mention are intercept + bias[category] + sum(weight * feature);",
        "# a category is reported when its most probable mention reaches threshold[category] (else default).",
        "version: 1",
        f"fitted: '{dt.date.today().isoformat()}'",
        "data: '" + ", ".join([*(_shown(f) for f in files), "patterns/technology/*.yaml examples"]) + "'",
        f"size: {len(docs)}  # documents; {sum(len(d['mentions']) for d in docs)} mentions",
        f"method: 'logistic regression, L2, C={c}, mention weight 1/(mentions of the category in the document)'",
        f"intercept: {float(model.intercept_[0]):.4f}",
        "weights:",
        *(f"  {name}: {coef[i]:.4f}" for i, name in enumerate(FEATURES)),
        "bias:",
        *(f"  {cat}: {coef[nf + j]:.4f}" for j, cat in enumerate(CATS)),
        "threshold:",
        *(f"  {k}: {v:.3f}" for k, v in th.items()),
    ]
    if cal is not None:
        lines += [
            "# model probability -> calibrated probability, read between points by linear interpolation (an",
            "# isotonic table fitted on out-of-fold scores); the thresholds above apply to the calibrated one",
            "calibration:",
        ]
        shown: list[str] = []
        for x, y in zip(*cal, strict=True):
            if not shown or f"{x:.4f}" > shown[-1]:
                shown.append(f"{x:.4f}")
                lines.append(f"  {x:.4f}: {y:.4f}")
    (ROOT / "patterns" / "evidence.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _shown(f: str) -> str:
    p = Path(f).resolve()
    for base, name in ((SHARED, "../shared"), (ROOT, ".")):
        try:
            return f"{name}/{p.relative_to(base.resolve())}"
        except ValueError:
            continue
    return f"corpus/dev/{p.name}" if "dev" in p.name or "corpus" in str(p) else p.name


# the quality set of the shipped weights scored on the documents they were not fitted on
SHIPPED_SET = "shipped evidence weights on the labelled documents they were not fitted on"


def shipped_in_sample(docs: list[dict]) -> np.ndarray:
    """Which documents the shipped weights were fitted on: those of the files named on the ``data:`` line
    of patterns/evidence.yaml, and the pack example sentences the packs held at the commit that last
    changed its intercept (the last refit). Every other document is out of sample for the shipped weights."""
    import subprocess

    import yaml

    from grantscan.detect.evidence import load_evidence

    listed = {
        f"{Path(f.strip()).parent.name}/{Path(f.strip()).stem}"
        for f in load_evidence().data.split(",")
        if f.strip().endswith(".jsonl")
    }

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
        ).stdout

    commit = git("log", "-1", "--format=%H", "-G^intercept:", "--", "patterns/evidence.yaml").strip()
    old: set[tuple[str, str, str]] = set()
    if commit:
        for path in git("ls-tree", "--name-only", commit, "patterns/technology/").split():
            if not path.endswith(".yaml"):
                continue
            pack = yaml.safe_load(git("show", f"{commit}:{path}")) or {}
            for rule in pack.get("rules") or []:
                ex = rule.get("examples") or {}
                for label, key in (("match", "must_match"), ("not", "must_not_match")):
                    old.update((str(rule["id"]), label, str(t)) for t in ex.get(key) or [])
    out = np.zeros(len(docs), dtype=bool)
    for i, d in enumerate(docs):
        if d["set"] == "packs/examples":
            _, rule_id, label, _ = d["id"].split(":")
            out[i] = (rule_id, label, d.get("text", "")) in old
        else:
            out[i] = d["set"] in listed
    return out


def shipped_scores(docs: list[dict], raw: bool = False, model=None) -> np.ndarray:  # noqa: ANN001
    """Document x category: the shipped model's reported probability of the most probable mention (0
    without a mention), as at scan time; with ``raw``, the model's own probability (3 places) before its
    calibration table."""
    from grantscan.detect.evidence import Feature, load_evidence

    model = model or load_evidence()
    score = np.zeros((len(docs), len(CATS)))
    for i, d in enumerate(docs):
        for c, feats, _ in d["mentions"]:
            named = {k: Feature(v) for k, v in feats.items()}
            if raw:
                p = round(1.0 / (1.0 + math.exp(-model.logit(c, named))), 3)
            else:
                p = model.probability(c, named)
            j = CATS.index(c)
            score[i, j] = max(score[i, j], p)
    return score


def shipped_predictions(docs: list[dict]) -> np.ndarray:
    """The shipped weights' and thresholds' decisions on the recorded mentions (a document has a category
    when its most probable mention of it reaches the category's threshold, as at scan time)."""
    from grantscan.detect.evidence import load_evidence

    model = load_evidence()
    return predict(shipped_scores(docs, model=model), {"default": model.default_threshold, **model.threshold})


CAL_BINS = 10  # bins of the shipped weights' table: with the floor point and 1.0, at most 12 points


def floor_table(score: np.ndarray, gold: np.ndarray, bins: int = CAL_BINS) -> tuple[np.ndarray, np.ndarray]:
    """An isotonic table (``isotonic_table``) for a model whose findings must not change: it starts at the
    technology detector's floor mapped to itself (a mention kept or dropped before the document-level
    weighing stays so), every later point is above the floor and above the one before, and the values are
    rounded to the 4 places they are written with."""
    from grantscan.detect.technology import FLOOR

    xs, ys = isotonic_table(score, gold, bins)
    keep = xs > FLOOR + 1e-4
    x = np.round(np.array([FLOOR, *xs[keep]]), 4)
    y = np.array([FLOOR, *np.maximum(ys[keep], FLOOR)])
    y = np.minimum(np.maximum.accumulate(y + 1e-4 * np.arange(len(y))), 1.0)
    return x, np.round(y, 4)


def on_scale(score: np.ndarray, table_: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """``score`` as EvidenceModel.on_scale reports it through ``table_`` (rounded to 3 places, through the
    table, from the origin to its first point in a line, rounded again); pairs without a mention stay 0."""
    xs, ys = np.array([0.0, *table_[0]]), np.array([0.0, *table_[1]])
    return np.where(score > 0, np.round(np.interp(np.round(score, 3), xs, ys), 3), 0.0)


def calibrate_shipped(docs: list[dict], gold: np.ndarray, deals: int, write: bool) -> dict | None:
    """An isotonic table for the shipped weights, fitted on the documents they were not fitted on, its
    expected calibration error measured by cross-fitting (the groups dealt into two halves, the table fitted
    on one and measured on the other, both ways, ``deals`` times). The thresholds are mapped through the
    table so that every decision stays the same; with ``write``, the table and the mapped thresholds go into
    patterns/evidence.yaml (nothing else in it changes) when the cross-fitted error drops."""
    import dataclasses

    from grantscan.detect.evidence import load_evidence

    shipped = load_evidence()
    oos = ~shipped_in_sample(docs)
    sub = [d for i, d in enumerate(docs) if oos[i]]
    g = gold[oos]
    raw = shipped_scores(sub, raw=True, model=shipped)
    mentioned = raw > 0
    before, ece0 = calibration(raw, g, mentioned)
    crossed, eces = [], []
    for deal in range(deals):
        cal = np.zeros_like(raw)
        halves = grouped_folds(sub, 2, seed=deal)
        for a, b in ((0, 1), (1, 0)):
            cal[halves[b]] = on_scale(raw[halves[b]], floor_table(raw[halves[a]], g[halves[a]]))
        crossed.append(cal)
        eces.append(calibration(cal, g, mentioned)[1])
    after, _ = calibration(crossed[0], g, mentioned)
    print(
        f"\nshipped weights on the {len(sub)} documents they were not fitted on "
        f"({int(mentioned.sum())} document x category pairs with a mention):"
    )
    print(
        "  bin   n     mean p / observed (model's own)   n     mean p / observed (table, cross-fitted, deal 0)"
    )
    rows_after = {lo: (n, mp, obs) for lo, n, mp, obs in after}
    for lo, n, mp, obs in before:
        a_ = rows_after.pop(lo, None)
        right = f"{a_[0]:5d}  {a_[1]:.3f} / {a_[2]:.3f}" if a_ else ""
        print(f"  {lo:.1f}  {n:5d}  {mp:.3f} / {obs:.3f}                  {right}")
    for lo, (n, mp, obs) in sorted(rows_after.items()):
        print(f"  {lo:.1f}      -                              {n:5d}  {mp:.3f} / {obs:.3f}")
    mean_after = float(np.mean(eces))
    print(
        f"  expected calibration error: {ece0:.3f} -> {mean_after:.3f} cross-fitted "
        f"(per deal {', '.join(f'{e:.3f}' for e in eces)})"
    )
    table_ = floor_table(raw, g)
    pts = tuple((float(x), float(y)) for x, y in zip(*table_, strict=True))
    raw_th = {"default": shipped.raw_threshold(shipped.default_threshold)}
    raw_th.update({c: shipped.raw_threshold(t) for c, t in shipped.threshold.items()})
    model = dataclasses.replace(shipped, calibration=pts)
    mapped = {c: model.on_scale(t) for c, t in raw_th.items()}
    exact = all(model.raw_threshold(mapped[c]) == t for c, t in raw_th.items())
    print(f"  table (fitted on all {len(sub)}): " + ", ".join(f"{x:.4f}: {y:.4f}" for x, y in pts))
    print(
        "  thresholds raw -> calibrated: "
        + ", ".join(f"{c} {raw_th[c]:.3f} -> {mapped[c]:.3f}" for c in raw_th)
    )
    if not exact:
        print("  the table merges a threshold with the value below it: decisions would change, not written")
        return None
    same = (predict(on_scale(raw, table_), mapped) == predict(raw, raw_th)).all()
    print(f"  decisions on these documents with the table the same as without it: {bool(same)}")
    if write and same and mean_after < ece0:
        write_calibration(pts, mapped, raw_th, len(sub), ece0, mean_after)
        print("wrote the calibration and thresholds of patterns/evidence.yaml")
    return {
        "before": ece0,
        "after": mean_after,
        "deals": eces,
        "table": pts,
        "thresholds": mapped,
        "size": len(sub),
    }


def write_calibration(
    pts: tuple[tuple[float, float], ...],
    mapped: dict[str, float],
    raw_th: dict[str, float],
    size: int,
    ece0: float,
    ece1: float,
) -> None:
    """Replace the threshold and calibration blocks at the end of patterns/evidence.yaml, keeping every
    line before them (weights, intercept and biases stay byte-identical)."""
    path = ROOT / "patterns" / "evidence.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[: lines.index("threshold:")]
    out = [
        *head,
        "threshold:",
        *(f"  {k}: {v:.3f}" for k, v in mapped.items()),
        "# model probability (3 places) -> calibrated probability, read between points by linear interpolation",
        "# (from 0 to the first point in a line): an isotonic table fitted by fit_evidence.py --calibrate-shipped",
        f"# on the {size} labelled documents these weights were not fitted on (expected calibration error",
        f"# {ece0:.3f} -> {ece1:.3f}, cross-fitted). The thresholds above apply to the calibrated probability and are",
        "# the raw ones mapped through the table, so every decision is the same (raw: "
        + ", ".join(f"{k} {v:.3f}" for k, v in raw_th.items() if k == "default")
        + "; EvidenceModel.raw_threshold gives each)",
        "calibration:",
        *(f"  {x:.4f}: {y:.4f}" for x, y in pts),
    ]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def compare_shipped(docs: list[dict], gold: np.ndarray, preds: list[np.ndarray], label: str) -> dict:
    """The shipped weights against a refit's nested out-of-fold predictions (one per repeat), on the
    documents the shipped weights were not fitted on: P/R/F1 per category, the refit's pooled over the
    repeats with the range of its per-repeat F1."""
    oos = ~shipped_in_sample(docs)
    sub = [d for i, d in enumerate(docs) if oos[i]]
    g = gold[oos]
    shipped = table(shipped_predictions(sub), g, sub)
    refits = [table(p[oos], g, sub) for p in preds]
    pooled = _pooled(refits)
    print(
        f"\nfair test on the {int(oos.sum())} documents the shipped weights were not fitted on "
        f"({int((~oos).sum())} in sample); {label}, {len(preds)} repeat(s):"
    )
    print(f"  {'category':15s} gold  shipped P / R / F1      refit P / R / F1 (pooled)   refit F1 range")
    for cat in [*CATS, "all"]:
        tp, fp, fn = shipped[cat]
        if tp + fp + fn == 0 and pooled[cat] == (0, 0, 0):
            continue
        sp = prf(tp, fp, fn)
        rp = prf(*pooled[cat])
        f1s = [prf(*t[cat])[2] for t in refits]
        print(
            f"  {cat:15s} {tp + fn:4d}  {sp[0]:.3f} / {sp[1]:.3f} / {sp[2]:.3f}   "
            f"{rp[0]:.3f} / {rp[1]:.3f} / {rp[2]:.3f}   {min(f1s):.3f}-{max(f1s):.3f}"
        )
    return {"shipped": shipped, "refit": pooled, "size": len(sub)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", default=DEFAULT_FILES)
    ap.add_argument("--cache", help="read the recorded features from this JSON file, or write them there")
    ap.add_argument("--write", action="store_true", help="write patterns/evidence.yaml")
    ap.add_argument("--quality", action="store_true", help="write patterns/quality/detection.yaml")
    ap.add_argument("--c", type=float, help="regularisation strength (default: chosen by grouped CV)")
    ap.add_argument("--drop", default="", help="comma-separated features to leave out")
    ap.add_argument(
        "--repeats",
        type=int,
        default=1,
        help="repeat the nested cross-validation with the groups dealt into other folds and pool the counts "
        "(one fold assignment moves F1 by about 0.005 when a few documents are added; repeats compare "
        "two versions of the packs more fairly)",
    )
    ap.add_argument(
        "--compare-shipped",
        action="store_true",
        help="score the shipped weights and the refit's out-of-fold predictions on the documents the shipped "
        "weights were not fitted on (a fair test of a refit)",
    )
    ap.add_argument(
        "--calibrate",
        action="store_true",
        help="choose C and write the thresholds on the probability through a monotone table (isotonic, fitted "
        "on out-of-fold scores); with --write, ship the table in patterns/evidence.yaml",
    )
    ap.add_argument(
        "--calibrate-shipped",
        action="store_true",
        help="fit an isotonic table for the shipped weights on the documents they were not fitted on, measure "
        "it by cross-fitting, and with --write ship it with thresholds that keep every decision (then stop)",
    )
    ap.add_argument(
        "--deals", type=int, default=5, help="deals of the groups into halves (--calibrate-shipped)"
    )
    a = ap.parse_args()
    DROPPED.update(x for x in a.drop.split(",") if x)
    cache = Path(a.cache) if a.cache else None
    if cache and cache.exists():
        docs = json.loads(cache.read_text(encoding="utf-8"))
    else:
        docs = collect(a.files)
        if cache:
            cache.write_text(json.dumps(docs), encoding="utf-8")
    gold = gold_matrix(docs)
    print(
        f"{len(docs)} documents, {len({d['group'] for d in docs})} groups, "
        f"{sum(len(d['mentions']) for d in docs)} mentions, {int(gold.sum())} gold document categories"
    )
    if a.calibrate_shipped:
        got = calibrate_shipped(docs, gold, max(1, a.deals), a.write)
        if got and a.quality:
            figures = [
                ("ECE, model", "technology", got["before"]),
                ("ECE, with table", "technology", got["after"]),
            ]
            replace_quality(CALIBRATION_SET, got["size"], figures)
            print("wrote the calibration figures to patterns/quality/detection.yaml")
        return
    cs = [a.c] if a.c else [0.1, 0.3, 1.0, 3.0, 10.0, 30.0]
    best = None
    repeats = max(1, a.repeats)
    key = "pred_iso" if a.calibrate else "pred"
    for c in cs:
        runs = [nested_run(docs, c, seed=r) for r in range(repeats)]
        pooled = _pooled([table(r[key], gold, docs) for r in runs])
        tp, fp, fn = pooled["all"]
        f1 = prf(tp, fp, fn)[2]
        print(f"C={c}: cross-validated technology P/R/F1 = {'/'.join(f'{v:.3f}' for v in prf(tp, fp, fn))}")
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, c, runs, pooled)
    _, c, runs, rows = best
    pred = runs[0][key]
    if repeats > 1:
        print(f"(counts pooled over {repeats} repeats of the nested cross-validation; per set: the first)")
    print(f"\nchosen C={c}; cross-validated per category (tp fp fn, P R F1):")
    for cat, (tp, fp, fn) in rows.items():
        if tp + fp + fn:
            p, r, f = prf(tp, fp, fn)
            print(
                f"  {cat:15s} gold={tp + fn:3d}  tp={tp:3d} fp={fp:3d} fn={fn:3d}  P={p:.2f} R={r:.2f} F1={f:.2f}"
            )
    f1s = [prf(*table(r[key], gold, docs)["all"])[2] for r in runs]
    print(f"  F1 per repeat: {', '.join(f'{v:.3f}' for v in f1s)}")
    sets = sorted({d["set"] for d in docs})
    print("\ncross-validated per set:")
    for s in sets:
        tp, fp, fn = table(pred, gold, docs, [s])["all"]
        print(
            f"  {s:22s} P/R/F1 = {'/'.join(f'{v:.3f}' for v in prf(tp, fp, fn))}  (tp {tp} fp {fp} fn {fn})"
        )
    mentioned = np.zeros_like(gold)
    for i, d in enumerate(docs):
        for cat, _, _ in d["mentions"]:
            mentioned[i, CATS.index(cat)] = True
    for name, sk, pk in (
        ("model's own", "score", "pred"),
        ("Platt-calibrated", "score_cal", "pred_cal"),
        ("isotonic table", "score_iso", "pred_iso"),
    ):
        print(
            f"\ncalibration of the document-level probability, {name} (cross-validated; pairs with a mention):"
        )
        rel, ece = calibration(runs[0][sk], gold, mentioned)
        print("  bin   n     mean p  observed")
        for lo, n, mp, obs in rel:
            print(f"  {lo:.1f}  {n:5d}  {mp:.3f}   {obs:.3f}")
        eces = [calibration(r[sk], gold, mentioned)[1] for r in runs]
        f1r = prf(*_pooled([table(r[pk], gold, docs) for r in runs])["all"])
        print(
            f"  expected calibration error: {ece:.3f} (per repeat {', '.join(f'{e:.3f}' for e in eces)}); "
            f"P/R/F1 with thresholds on it {'/'.join(f'{v:.3f}' for v in f1r)}"
        )
        for j, cat in enumerate(CATS):
            m = mentioned[:, j]
            if gold[:, j].sum() >= 5:
                _, e = calibration(runs[0][sk][:, [j]], gold[:, [j]], m[:, None])
                print(f"  ECE {cat:15s} {e:.3f}  (n={int(m.sum())})")
    fair = None
    if a.compare_shipped:
        compare_shipped(docs, gold, [r["pred"] for r in runs], f"refit C={c}, nested CV over every document")
        # the refit as the shipped weights would be replaced: folds over the out-of-sample documents only, each
        # trained on every other document (all of the shipped weights' own among them)
        held = ~shipped_in_sample(docs)
        fair_runs = [nested_run(docs, c, seed=r, held=held) for r in range(repeats)]
        fair = compare_shipped(
            docs, gold, [r["pred"] for r in fair_runs], f"refit C={c}, folds over these only"
        )
        compare_shipped(
            docs,
            gold,
            [r["pred_iso"] for r in fair_runs],
            f"refit C={c}, folds over these only, isotonic table",
        )
    # final model on every document
    full = oof_scores(docs, np.arange(len(docs)), c, FOLDS, seed=99)
    cal = isotonic_table(full, gold) if a.calibrate else None
    th = thresholds(through_table(full, cal) if cal else full, gold)
    model = fit_docs(docs, c)
    print("\nthresholds:", th, "calibration:", cal)
    print("weights of the model fitted on every document:")
    for i, name in enumerate(FEATURES):
        print(f"  {name:22s} {model.coef_[0][i]:+.4f}")
    if a.write:
        write_evidence(model, docs, th, c, a.files, cal)
        print("wrote patterns/evidence.yaml")
    if a.quality:
        write_quality(rows, len(docs), "cross-validated (grouped, nested) on the development data")
        if fair:
            write_quality(fair["shipped"], fair["size"], SHIPPED_SET)


def write_quality(rows: dict, size: int, set_name: str) -> None:
    """Replace the entries of ``set_name`` in patterns/quality/detection.yaml (a list of
    {metric, category, value, set, size, date}), keeping the others."""
    figures = []
    for cat, (tp, fp, fn) in rows.items():
        if tp + fn == 0 and fp == 0:
            continue
        p, r, f = prf(tp, fp, fn)
        # micro averages: "all" (technology) or "all:<group>" (evaluate_detection.py)
        shown = "technology" if cat == "all" else cat.removeprefix("all:")
        figures += [(metric, shown, v) for metric, v in (("precision", p), ("recall", r), ("f1", f))]
    replace_quality(set_name, size, figures)


# the quality set of the shipped weights' calibration (--calibrate-shipped)
CALIBRATION_SET = (
    "shipped evidence weights' calibration on the documents they were not fitted on, cross-fitted"
)


def replace_quality(set_name: str, size: int, figures: list[tuple[str, str, float]]) -> None:
    """Replace the entries of ``set_name`` in patterns/quality/detection.yaml by ``figures`` (metric,
    category, value), keeping the others."""
    import yaml

    path = ROOT / "patterns" / "quality" / "detection.yaml"
    old = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    entries = [e for e in (old or {}).get("entries", []) if e.get("set") != set_name]
    today = dt.date.today().isoformat()
    for metric, category, v in figures:
        entries.append(
            {
                "metric": metric,
                "category": category,
                "value": round(v, 3),
                "set": set_name,
                "size": size,
                "date": today,
            }
        )
    path.parent.mkdir(exist_ok=True)
    head = (
        "# Measured detection quality, document level (../shared/tools/evaluate.py rules): one entry per metric,\n"
        "# category and evaluation set. Written by scripts/fit_evidence.py --quality and\n"
        "# scripts/evaluate_detection.py --quality; read by grantscan.detect.evidence.load_quality.\n"
    )
    body = yaml.safe_dump({"version": 1, "entries": entries}, sort_keys=False, width=110)
    path.write_text(head + body, encoding="utf-8")


if __name__ == "__main__":
    main()
