#!/usr/bin/env python3
"""Fit the topic reading (patterns/topics.yaml) and measure it out of fold.

    .venv/bin/python scripts/fit_topics.py [--cache WORDS.json] [--write] [--folds K] [--repeats N] [FILE.jsonl ...]

Needs the ``train`` extra (scikit-learn); the scan path reads the fitted weights with plain Python
(``src/grantscan/detect/topics.py``).

1. Every labelled document (the development side only: ``../shared/corpus/labelled``, ``tests/heldout*``,
   ``corpus/dev``; ``corpus/frozen`` is never read) is scanned once with the topic reading off; the technology
   detector records its word counts (content words and all their bigrams) and, per category, the evidence
   probability of its best mention (``TechDetector.topic_record``).
2. Per technology category, a logistic regression over the document's words: log(1 + count) of every
   unigram and bigram found in at least MIN_DF training documents, scaled by the length of the document's
   unigram vector; L2 fit, then the TOP_K words of largest weight kept and the model refitted on them alone.
3. The decision: a category whose best mention has an evidence probability in [threshold - band, threshold)
   is reported when the document's topic probability reaches the category's topic threshold; optionally a
   category whose document reads below ``demote`` is dropped although a mention reached the threshold. The
   band, the topic threshold (global, then per category shrunk towards it) and ``demote`` are chosen on
   out-of-fold topic probabilities of the training documents.
4. Grouped k-fold (groups: a row's ``group``, else its id): in each outer fold the model is fitted and the
   band and thresholds chosen on the other folds only (an inner grouped k-fold gives their out-of-fold topic
   probabilities); the held-out fold is scored with and without the reading, and the counts are pooled over
   the folds (and over ``--repeats`` deals of the groups). Printed per set and overall.

``--write`` fits on every document (band and thresholds chosen on out-of-fold probabilities of all of them)
and writes patterns/topics.yaml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from fit_evidence import DEFAULT_FILES, _shown, gold_matrix, group_of, grouped_folds, prf  # noqa: E402

from grantscan.knowledge.taxonomy import TECH_CATEGORIES  # noqa: E402

CATS = list(TECH_CATEGORIES)
MIN_DF = 3  # documents a word must be in (training documents) to be a candidate
TOP_K = 120  # words kept per category
C = 4.0  # inverse regularisation strength of the per-category fits
MIN_POS = 4  # training documents of a category needed to fit its reading
SHRINK = 20  # gold documents at which a category's own topic threshold weighs as much as the global one
BANDS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
TOPIC_GRID = tuple(np.round(np.arange(0.3, 0.96, 0.05), 2))
DEMOTE_GRID = (0.0, 0.02, 0.05, 0.1)
C_EVIDENCE = 10.0  # the evidence model's regularisation (patterns/evidence.yaml), for --oof-evidence


def collect(files: list[str]) -> list[dict]:
    """Scan every labelled document and record its words and best mention per category."""
    from evaluate_detection import _scorer, load_document

    from grantscan.config import Config
    from grantscan.detect import Detector

    ev = _scorer()
    det = Detector(Config())
    tech = det.tech
    tech.topics = None
    docs = []
    for f in files:
        if "frozen" in Path(f).parts:
            sys.exit("corpus/frozen is never read to fit")
        set_name = f"{Path(f).parent.name}/{Path(f).stem}"
        for e in ev.load([f]):
            tech.topic_record = []
            det.detect(load_document(e))
            rec = (
                tech.topic_record[-1]
                if tech.topic_record
                else {"unigrams": {}, "bigrams": {}, "mentions": []}
            )
            best: dict[str, float] = {}
            for c, p in rec["mentions"]:
                best[c] = max(best.get(c, 0.0), p)
            docs.append(
                {
                    "id": f"{set_name}:{e['id']}",
                    "set": set_name,
                    "group": group_of(e, set_name),
                    "gold": sorted(set(e.get("categories", [])) & set(CATS)),
                    "unigrams": rec["unigrams"],
                    "bigrams": rec["bigrams"],
                    "best": best,
                }
            )
        tech.topic_record = None
        print(f"  {f}: {sum(1 for d in docs if d['set'] == set_name)} documents", file=sys.stderr)
    return docs


# ---------------------------------------------------------------- features


def vectors(docs: list[dict]) -> list[dict[str, float]]:
    """log(1 + count) of every unigram and bigram, over the length of the unigram vector."""
    out = []
    for d in docs:
        norm = math.sqrt(sum(math.log1p(c) ** 2 for c in d["unigrams"].values())) or 1.0
        v = {w: math.log1p(c) / norm for w, c in d["unigrams"].items()}
        v.update({w: math.log1p(c) / norm for w, c in d["bigrams"].items()})
        out.append(v)
    return out


def matrix(vecs: list[dict[str, float]], idx: np.ndarray, vocab: list[str]):  # noqa: ANN201 - sparse
    from scipy.sparse import csr_matrix

    col = {w: j for j, w in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, i in enumerate(idx):
        for w, x in vecs[i].items():
            j = col.get(w)
            if j is not None:
                rows.append(r)
                cols.append(j)
                vals.append(x)
    return csr_matrix((vals, (rows, cols)), shape=(len(idx), len(vocab)))


def evidence_matrix(docs: list[dict]) -> np.ndarray:
    e = np.zeros((len(docs), len(CATS)))
    for i, d in enumerate(docs):
        for c, p in d["best"].items():
            if c in CATS:
                e[i, CATS.index(c)] = p
    return e


# ---------------------------------------------------------------- the model


def fit_topics(
    vecs: list[dict[str, float]], gold: np.ndarray, idx: np.ndarray
) -> dict[str, tuple[float, dict]]:
    """Per category: (intercept, {word: weight}) fitted on the documents ``idx``."""
    from sklearn.linear_model import LogisticRegression

    df: dict[str, int] = defaultdict(int)
    for i in idx:
        for w in vecs[i]:
            df[w] += 1
    vocab = sorted(w for w, n in df.items() if n >= MIN_DF)
    x = matrix(vecs, idx, vocab)
    out = {}
    for j, cat in enumerate(CATS):
        y = gold[idx, j].astype(int)
        if y.sum() < MIN_POS:
            continue
        m = LogisticRegression(C=C, max_iter=2000, class_weight="balanced", solver="liblinear")
        m.fit(x, y)
        coef = m.coef_[0]
        top = np.argsort(-np.abs(coef))[:TOP_K]
        top = top[np.abs(coef[top]) > 1e-6]
        m2 = LogisticRegression(C=C, max_iter=2000, class_weight="balanced", solver="liblinear")
        m2.fit(x[:, top], y)
        out[cat] = (
            float(m2.intercept_[0]),
            {vocab[k]: float(w) for k, w in zip(top, m2.coef_[0], strict=True)},
        )
    return out


def read(model: dict[str, tuple[float, dict]], vecs: list[dict[str, float]], idx: np.ndarray) -> np.ndarray:
    """Topic probabilities (documents ``idx`` x categories; NaN where the category has no reading)."""
    out = np.full((len(idx), len(CATS)), np.nan)
    for j, cat in enumerate(CATS):
        if cat not in model:
            continue
        b, ws = model[cat]
        for r, i in enumerate(idx):
            v = vecs[i]
            z = b + sum(w * v.get(t, 0.0) for t, w in ws.items())
            out[r, j] = 1.0 / (1.0 + math.exp(-z))
    return out


def oof_topics(
    vecs: list[dict], gold: np.ndarray, docs: list[dict], idx: np.ndarray, k: int, seed: int
) -> np.ndarray:
    sub = [docs[i] for i in idx]
    out = np.full((len(idx), len(CATS)), np.nan)
    for fold in grouped_folds(sub, k, seed):
        train = np.setdiff1d(np.arange(len(sub)), fold)
        model = fit_topics(vecs, gold, idx[train])
        out[fold] = read(model, vecs, idx[fold])
    return out


# ---------------------------------------------------------------- the decision


def decide(
    ev: np.ndarray, th: np.ndarray, topic: np.ndarray, rule: dict | None, cats: list[str] = CATS
) -> np.ndarray:
    """The reported categories: the evidence alone, plus the band lifted by the topic, minus the demoted."""
    pred = ev >= th
    if rule is None:
        return pred
    t = np.array([rule["threshold"].get(c, np.inf) for c in cats])
    tp = np.nan_to_num(topic, nan=-1.0)
    band = (ev > 0) & (ev >= th - rule["band"]) & ~pred
    pred = pred | (band & (tp >= t))
    if rule["demote"] > 0:
        has = ~np.isnan(topic)
        pred = pred & ~(has & (tp < rule["demote"]) & (ev < 0.95))
    return pred


def counts(pred: np.ndarray, gold: np.ndarray) -> tuple[int, int, int]:
    return int((pred & gold).sum()), int((pred & ~gold).sum()), int((~pred & gold).sum())


PER_CATEGORY = True  # per-category topic thresholds (else the global one for every category)


def choose(ev: np.ndarray, th: np.ndarray, topic: np.ndarray, gold: np.ndarray, demote: bool = True) -> dict:
    """Band, global topic threshold and demotion of best F1 on these documents, then per-category topic
    thresholds (best F1 of the category, shrunk towards the global one by its gold documents)."""
    best, best_f = None, -1.0
    for band in BANDS:
        for t in TOPIC_GRID:
            for d in DEMOTE_GRID if demote else (0.0,):
                rule = {"band": band, "threshold": dict.fromkeys(CATS, float(t)), "demote": d}
                f = prf(*counts(decide(ev, th, topic, rule), gold))[2]
                if f > best_f + 1e-9:
                    best, best_f = rule, f
    assert best is not None
    t_all = next(iter(best["threshold"].values()))
    per = {}
    for j, c in enumerate(CATS):
        if np.isnan(topic[:, j]).all():
            continue
        n = int(gold[:, j].sum())
        scores = []
        for t in TOPIC_GRID:
            rule = {**best, "threshold": {c: float(t)}}
            p = decide(ev[:, j : j + 1], th[j : j + 1], topic[:, j : j + 1], rule, [c])
            scores.append(prf(*counts(p[:, 0], gold[:, j]))[2])
        scores_a = np.array(scores)
        ok = np.flatnonzero(scores_a >= scores_a.max() - 1e-9)
        t_c = float(TOPIC_GRID[ok[len(ok) // 2]])
        per[c] = round((n * t_c + SHRINK * t_all) / (n + SHRINK), 3) if PER_CATEGORY else t_all
    return {**best, "threshold": per, "global": t_all}


# ---------------------------------------------------------------- out-of-fold measurement


def nested(
    docs: list[dict],
    vecs: list[dict],
    k: int,
    seed: int,
    demote: bool,
    ev_docs: list[dict] | None = None,
    judged: np.ndarray | None = None,
) -> dict:
    """Out-of-fold predictions with and without the topic reading. The evidence probabilities are the
    shipped model's (fitted on most of these documents), or with ``ev_docs`` (the mentions' features,
    ``fit_evidence.collect``) the evidence model's too are fitted, with its thresholds, on the training folds
    only (its inner out-of-fold scores are what the band and topic thresholds are chosen on). With ``judged``
    (a mask), the band and thresholds are chosen on those training documents only (the topic model still
    learns from all of them)."""
    gold, ev = gold_matrix(docs), evidence_matrix(docs)
    th = evidence_thresholds()
    without = np.zeros_like(gold)
    with_ = np.zeros_like(gold)
    chosen = []
    for f, fold in enumerate(grouped_folds(docs, k, seed)):
        outg = {docs[i]["group"] for i in fold}
        train = np.array([i for i, d in enumerate(docs) if d["group"] not in outg])
        inner_seed = f + 1 + 1000 * seed
        inner = oof_topics(vecs, gold, docs, train, k, seed=inner_seed)
        ev_train, ev_fold, th_f = ev[train], ev[fold], th
        if ev_docs is not None:
            import fit_evidence as fe

            ev_train = fe.oof_scores(ev_docs, train, C_EVIDENCE, k, inner_seed)
            t = fe.thresholds(ev_train, gold[train])
            th_f = np.array([t.get(c, t["default"]) for c in CATS])
            ev_fold = fe.score_docs(
                [ev_docs[i] for i in fold], fe.fit_docs([ev_docs[i] for i in train], C_EVIDENCE)
            )
        use = np.ones(len(train), dtype=bool) if judged is None else judged[train]
        rule = choose(ev_train[use], th_f, inner[use], gold[train][use], demote)
        chosen.append({k_: v for k_, v in rule.items() if k_ != "threshold"})
        model = fit_topics(vecs, gold, train)
        topic = read(model, vecs, fold)
        without[fold] = decide(ev_fold, th_f, topic, None)
        with_[fold] = decide(ev_fold, th_f, topic, rule)
        print(f"    fold {f}: {len(fold)} documents, chosen {chosen[-1]}", file=sys.stderr)
    return {"without": without, "with": with_, "chosen": chosen}


def evidence_thresholds() -> np.ndarray:
    from grantscan.detect.evidence import load_evidence

    model = load_evidence()
    return np.array([model.threshold_for(c) for c in CATS])


def unseen(docs: list[dict]) -> np.ndarray:
    """The documents of files missing from the ``data:`` line of patterns/evidence.yaml."""
    from grantscan.detect.evidence import load_evidence

    data = load_evidence().data
    return np.array([f"{d['set']}.jsonl" not in data for d in docs])


def report(docs: list[dict], runs: list[dict], judged: np.ndarray | None = None) -> list[str]:
    if judged is not None:
        docs = [d for d, j in zip(docs, judged, strict=True) if j]
        runs = [{w: r[w][judged] for w in ("without", "with")} for r in runs]
    gold = gold_matrix(docs)
    sets = sorted({d["set"].split("/")[0] for d in docs})
    lines = []
    for name in [*sets, "all"]:
        keep = np.array([name == "all" or d["set"].split("/")[0] == name for d in docs])
        row = [f"{name:<14} {keep.sum():>5} docs"]
        for which in ("without", "with"):
            tp = fp = fn = 0
            for r in runs:
                a, b, c = counts(r[which][keep], gold[keep])
                tp, fp, fn = tp + a, fp + b, fn + c
            p, rr, f1 = prf(tp, fp, fn)
            row.append(f"{which}: P={p:.3f} R={rr:.3f} F1={f1:.3f} (tp {tp}, fp {fp}, fn {fn})")
        lines.append("  ".join(row))
    lines.append("per category (all sets, with - without): ")
    for j, c in enumerate(CATS):
        parts = []
        for which in ("without", "with"):
            tp = fp = fn = 0
            for r in runs:
                a, b, cc = counts(r[which][:, j], gold[:, j])
                tp, fp, fn = tp + a, fp + b, fn + cc
            parts.append(
                f"{which} P={prf(tp, fp, fn)[0]:.2f} R={prf(tp, fp, fn)[1]:.2f} F1={prf(tp, fp, fn)[2]:.3f}"
            )
        lines.append(f"  {c:<15} gold {int(gold[:, j].sum()) * len(runs):>4}  " + "  ".join(parts))
    return lines


# ---------------------------------------------------------------- writing


def write(docs: list[dict], vecs: list[dict], rule: dict, model: dict, files: list[str], note: str) -> None:
    lines = [
        "# Topic reading of technology detection: per-category bag-of-words logistic regressions over the",
        "# document's content words (src/grantscan/detect/topics.py). Written by scripts/fit_topics.py (see it for",
        "# the data, the grouped cross-validation and the choice of band and thresholds). A mention whose evidence",
        "# probability is under its category's threshold by at most 'band' is kept when the document's topic",
        "# probability of its category reaches that category's threshold here. Never a finding without a match.",
        f"# out of fold: {note}",
        "version: 1",
        f"fitted: '{dt.date.today().isoformat()}'",
        "data: '" + ", ".join(_shown(f) for f in files) + "'",
        f"size: {len(docs)}  # documents",
        f"method: 'logistic regression per category, L2, C={C}, balanced classes, log(1 + count) of unigrams and "
        f"bigrams (in >= {MIN_DF} documents) over the unigram vector length, top {TOP_K} weights refitted'",
        f"band: {rule['band']}",
        "categories:",
    ]
    for cat in CATS:
        if cat not in model or cat not in rule["threshold"]:
            continue
        b, ws = model[cat]
        lines += [
            f"  {cat}:",
            f"    intercept: {b:.4f}",
            f"    threshold: {rule['threshold'][cat]:.3f}",
            "    weights:",
        ]
        for w, x in sorted(ws.items(), key=lambda kv: -abs(kv[1])):
            lines.append(f"      {w}: {x:.4f}")
    (ROOT / "patterns" / "topics.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", default=DEFAULT_FILES)
    ap.add_argument("--cache", help="word counts JSON: read if present, else written")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--no-demote", action="store_true", help="never demote (the lift alone)")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--no-cv", action="store_true", help="skip the out-of-fold measurement (with --write)")
    ap.add_argument(
        "--unseen",
        action="store_true",
        help="choose and score on the documents of files the shipped evidence weights were not fitted on",
    )
    ap.add_argument("--global-threshold", action="store_true", help="one topic threshold for every category")
    ap.add_argument(
        "--oof-evidence",
        metavar="FEATURES.json",
        help="fit the evidence model out of fold too (its mention features cached in this file)",
    )
    a = ap.parse_args()
    if a.cache and Path(a.cache).is_file():
        docs = json.loads(Path(a.cache).read_text())
    else:
        docs = collect(a.files)
        if a.cache:
            Path(a.cache).write_text(json.dumps(docs))
    vecs = vectors(docs)
    print(f"{len(docs)} documents, {len({d['group'] for d in docs})} groups", file=sys.stderr)
    global PER_CATEGORY
    PER_CATEGORY = not a.global_threshold
    ev_docs = None
    if a.oof_evidence:
        import fit_evidence as fe

        if Path(a.oof_evidence).is_file():
            ev_docs = json.loads(Path(a.oof_evidence).read_text())
        else:
            fe.PACK_EXAMPLES = False
            ev_docs = fe.collect(a.files)
            Path(a.oof_evidence).write_text(json.dumps(ev_docs))
        if [d["id"] for d in ev_docs] != [d["id"] for d in docs]:
            sys.exit("the evidence features are not of the same documents")
    judged = unseen(docs) if a.unseen else None
    runs = (
        []
        if a.no_cv
        else [
            nested(docs, vecs, a.folds, seed, not a.no_demote, ev_docs, judged) for seed in range(a.repeats)
        ]
    )
    lines = report(docs, runs, judged) if runs else ["all  not measured in this run"]
    print("\n".join(lines))
    if a.write:
        gold, ev = gold_matrix(docs), evidence_matrix(docs)
        idx = np.arange(len(docs))
        oof = oof_topics(vecs, gold, docs, idx, a.folds, seed=7)
        rule = choose(ev, evidence_thresholds(), oof, gold, not a.no_demote)
        print(f"shipped rule: {rule}", file=sys.stderr)
        model = fit_topics(vecs, gold, idx)
        overall = [ln for ln in lines if ln.startswith("all ")][0]
        write(docs, vecs, rule, model, a.files, " ".join(overall.split()))


if __name__ == "__main__":
    main()
