#!/usr/bin/env python3
"""Fit the clause model (patterns/clause_evidence.yaml) with cross-validation grouped by source origin.

    .venv/bin/python scripts/fit_clauses.py [--cache FEATURES.json] [--write [--force]] [--quality] [--repeats N]
        [FILE.jsonl ...]

Needs the ``train`` extra (scikit-learn); the scan path reads the fitted weights with plain Python.
One command refits on the current data: ``.venv/bin/python scripts/fit_clauses.py --write --quality``.

1. Every labelled document (the default files of ``fit_evidence.py``; never corpus/frozen) is scanned; the
   clause detector records every clause candidate (a sentence where a rule of a kind matched or a cue of the
   kind occurs) with its named features (``detect/clauses/evidence.py``), and the kinds the rules alone report.
   A candidate is labelled positive when its kind is among the document's gold clause categories.
2. A logistic regression (one weight per feature, one bias per kind) is fitted with the functions of
   ``fit_evidence.py`` (multiple-instance weighting: one convincing sentence carries a document).
3. The group of a row is its SOURCE ORIGIN (the ``source`` field of corpus rows; the file for rows without
   one), so each cross-validation fold holds out whole origins: the scores answer "does it carry to a drafter
   it has not seen". C and the per-kind thresholds (a document has a kind when its most probable candidate
   reaches the threshold) are chosen inside the training folds (nested cross-validation).
4. Reported on the same documents: per-kind document-level P/R/F1 of (a) the rules as they are, (b) the
   model, out of fold, and (c) the rules OR the model above one high threshold chosen inside the training folds
   (the rules keep every finding; the model adds a kind only where it is confident), and the calibration
   table of the model's document-level probability.

``--write`` saves patterns/clause_evidence.yaml only when the model beats the rules (higher F1 at no lower
precision), and the scan then uses it (``--force`` writes it regardless); without that file the rules decide.
``--quality`` writes both tables to patterns/quality/detection.yaml. ``--repeats`` (default 3) pools the counts
of several deals of the origins into folds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import fit_evidence as fe  # noqa: E402

from grantscan.detect.clauses.evidence import CLAUSE_FEATURES  # noqa: E402
from grantscan.knowledge.taxonomy import CLAUSE_CATEGORIES  # noqa: E402

KINDS = list(CLAUSE_CATEGORIES)
OUT = ROOT / "patterns" / "clause_evidence.yaml"
RULES_SET = "clauses, rules as they are, on the documents of the origin-grouped cross-validation"
MODEL_SET = "clauses, model, cross-validated by source origin (nested) on the development data"
UNION_SET = (
    "clauses, rules OR model above a threshold chosen in the training folds, cross-validated by source origin"
)


def origin_of(entry: dict, set_name: str) -> str:
    """The row's source origin: its ``source`` field, else the file it comes from."""
    return f"source:{entry['source']}" if entry.get("source") else f"file:{set_name}"


def collect(files: list[str]) -> list[dict]:
    """Scan every labelled document; record its clause candidates' features and the rules' kinds."""
    from evaluate_detection import _scorer, load_document

    from grantscan.config import Config
    from grantscan.detect import Detector

    ev = _scorer()
    det = Detector(Config())
    clauses = det.clauses
    docs = []
    for f in files:
        if "frozen" in Path(f).parts:
            sys.exit(f"{f}: the frozen split is never used for fitting")
        set_name = f"{Path(f).parent.name}/{Path(f).stem}"
        n = 0
        for e in ev.load([f]):
            clauses.record = []
            det.detect(load_document(e))
            docs.append(
                {
                    "id": f"{set_name}:{e['id']}",
                    "set": set_name,
                    "group": origin_of(e, set_name),
                    "gold": sorted(set(e.get("categories", [])) & set(KINDS)),
                    "rules": sorted(clauses.record_rules),
                    "mentions": [[k, feats, rule] for k, feats, rule in clauses.record],
                }
            )
            n += 1
        clauses.record = None
        print(f"  {f}: {n} documents", file=sys.stderr)
    return docs


def rules_matrix(docs: list[dict]) -> np.ndarray:
    out = np.zeros((len(docs), len(KINDS)), dtype=bool)
    for i, d in enumerate(docs):
        for k in d["rules"]:
            out[i, KINDS.index(k)] = True
    return out


UNION_GRID = [round(0.5 + 0.01 * i, 2) for i in range(50)]  # 0.50 ... 0.99


def union_threshold(score: np.ndarray, rules: np.ndarray, gold: np.ndarray) -> float:
    """The one probability above which the model may add a kind to the rules' (rules OR model >= t) that gives
    the best F1 at no lower precision than the rules alone, on these documents; 1.01 (never) when none
    does better than the rules."""
    rp, _, rf = fe.prf(*_counts(rules, gold))
    best_t, best_f = 1.01, rf
    for t in UNION_GRID:
        p, _, f = fe.prf(*_counts(rules | (score >= t), gold))
        if f > best_f + 1e-9 and p >= rp - 1e-9:
            best_t, best_f = t, f
    return best_t


def _counts(pred: np.ndarray, gold: np.ndarray) -> tuple[int, int, int]:
    return int((pred & gold).sum()), int((pred & ~gold).sum()), int((~pred & gold).sum())


def union_cv(
    docs: list[dict], c: float, rules: np.ndarray, k: int = fe.FOLDS, seed: int = 0
) -> tuple[np.ndarray, list[float]]:
    """Rules OR model, out of fold on the same origin-held-out folds as ``fe.nested_cv``: the rules keep every
    finding; the model adds a kind only where its probability reaches a high threshold chosen inside the
    training folds (inner cross-validation). Returns the predictions and each fold's threshold."""
    gold = fe.gold_matrix(docs)
    pred = rules.copy()
    chosen: list[float] = []
    for f, fold in enumerate(fe.grouped_folds(docs, k, seed)):
        train = np.setdiff1d(np.arange(len(docs)), fold)
        inner = fe.oof_scores(docs, train, c, k, seed=f + 1 + 1000 * seed)
        t = union_threshold(inner, rules[train], gold[train])
        chosen.append(t)
        s = fe.score_docs([docs[i] for i in fold], fe.fit_docs([docs[i] for i in train], c))
        pred[fold] = rules[fold] | (s >= t)
    return pred, chosen


def show(title: str, rows: dict) -> None:
    print(title)
    for kind, (tp, fp, fn) in rows.items():
        if tp + fp + fn:
            p, r, f = fe.prf(tp, fp, fn)
            print(
                f"  {kind:24s} gold={tp + fn:4d} tp={tp:4d} fp={fp:4d} fn={fn:4d}  P={p:.3f} R={r:.3f} F1={f:.3f}"
            )


def write_model(model, docs: list[dict], th: dict[str, float], c: float, files: list[str]) -> None:  # noqa: ANN001
    nf = len(CLAUSE_FEATURES)
    coef = model.coef_[0]
    lines = [
        "# Clause model: fitted weights, per-kind bias and thresholds of agreement clause detection.",
        "# Written by scripts/fit_clauses.py (logistic regression over the named features of clause candidate",
        "# sentences, src/grantscan/detect/clauses/evidence.py; cross-validation grouped by source origin).",
        "# The log-odds of a candidate are intercept + bias[kind] + sum(weight * feature); a kind is reported",
        "# where its most probable candidate reaches threshold[kind] (else default).",
        "version: 1",
        f"fitted: '{dt.date.today().isoformat()}'",
        "data: '" + ", ".join(fe._shown(f) for f in files) + "'",
        f"size: {len(docs)}  # documents; {sum(len(d['mentions']) for d in docs)} candidates",
        f"method: 'logistic regression, L2, C={c}, candidate weight shared within a document (multiple instance)'",
        f"intercept: {float(model.intercept_[0]):.4f}",
        "weights:",
        *(f"  {name}: {coef[i]:.4f}" for i, name in enumerate(CLAUSE_FEATURES)),
        "bias:",
        *(f"  {kind}: {coef[nf + j]:.4f}" for j, kind in enumerate(KINDS)),
        "threshold:",
        *(f"  {k}: {v:.3f}" for k, v in th.items()),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", default=fe.DEFAULT_FILES)
    ap.add_argument("--cache", help="read the recorded features from this JSON file, or write them there")
    ap.add_argument(
        "--write",
        action="store_true",
        help="write patterns/clause_evidence.yaml when the model beats the rules (origin-grouped CV F1 higher at "
        "no lower precision); the scan then uses it",
    )
    ap.add_argument(
        "--force", action="store_true", help="with --write: write the model even when it does not"
    )
    ap.add_argument(
        "--quality", action="store_true", help="write the CV figures to patterns/quality/detection.yaml"
    )
    ap.add_argument("--c", type=float, help="regularisation strength (default: chosen by grouped CV)")
    ap.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="repeat the CV with other deals of the origins, pooling the counts",
    )
    a = ap.parse_args()
    fe.use(CLAUSE_FEATURES, KINDS)
    cache = Path(a.cache) if a.cache else None
    if cache and cache.exists():
        docs = json.loads(cache.read_text(encoding="utf-8"))
    else:
        docs = collect(a.files)
        if cache:
            cache.write_text(json.dumps(docs), encoding="utf-8")
    gold = fe.gold_matrix(docs)
    print(
        f"{len(docs)} documents, {len({d['group'] for d in docs})} source origins, "
        f"{sum(len(d['mentions']) for d in docs)} candidates, {int(gold.sum())} gold document clause kinds"
    )
    rules = fe.table(rules_matrix(docs), gold, docs)
    cs = [a.c] if a.c else [0.1, 0.3, 1.0, 3.0, 10.0]
    repeats = max(1, a.repeats)
    best = None
    for c in cs:
        runs = [fe.nested_cv(docs, c, seed=r) for r in range(repeats)]
        pooled = fe._pooled([fe.table(p, gold, docs) for p, _ in runs])
        f1 = fe.prf(*pooled["all"])[2]
        print(
            f"C={c}: origin-grouped CV clause P/R/F1 = {'/'.join(f'{v:.3f}' for v in fe.prf(*pooled['all']))}"
        )
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, c, runs[0][0], runs[0][1], pooled)
    _, c, pred, score, rows = best
    show("\n(a) rules as they are (no fitting: the same on every fold):", rules)
    pooled_note = f" (counts pooled over {repeats} deals of the origins into folds)" if repeats > 1 else ""
    show(f"\n(b) model, chosen C={c}, nested origin-grouped cross-validation{pooled_note}:", rows)
    print("per set (the first deal):")
    for s in sorted({d["set"] for d in docs}):
        tp, fp, fn = fe.table(pred, gold, docs, [s])["all"]
        rtp, rfp, rfn = fe.table(rules_matrix(docs), gold, docs, [s])["all"]
        if tp + fp + fn + rtp + rfp + rfn:
            print(
                f"  {s:28s} rules F1={fe.prf(rtp, rfp, rfn)[2]:.3f} (fp {rfp} fn {rfn})  "
                f"model F1={fe.prf(tp, fp, fn)[2]:.3f} (fp {fp} fn {fn})"
            )
    union_runs = [union_cv(docs, c, rules_matrix(docs), seed=r) for r in range(repeats)]
    union = fe._pooled([fe.table(p, gold, docs) for p, _ in union_runs])
    show(
        f"\n(c) rules OR model above a high threshold chosen inside the training folds, C={c}{pooled_note}; "
        f"thresholds per fold: {[t for _, ts in union_runs for t in ts]}",
        union,
    )
    mentioned = np.zeros_like(gold)
    for i, d in enumerate(docs):
        for k, _, _ in d["mentions"]:
            mentioned[i, KINDS.index(k)] = True
    rel, ece = fe.calibration(score, gold, mentioned)
    print(
        "\ncalibration of the document-level probability (out of fold; document x kind pairs with a candidate):"
    )
    print("  bin   n     mean p  observed")
    for lo, n, mp, obs in rel:
        print(f"  {lo:.1f}  {n:5d}  {mp:.3f}   {obs:.3f}")
    print(f"  expected calibration error: {ece:.3f}")
    full = fe.oof_scores(docs, np.arange(len(docs)), c, fe.FOLDS, seed=99)
    th = fe.thresholds(full, gold)
    model = fe.fit_docs(docs, c)
    print("\nthresholds:", th)
    rp, _, rf = fe.prf(*rules["all"])
    mp, _, mf = fe.prf(*rows["all"])
    beats = mf > rf and mp >= rp
    print(
        f"\nrules F1 {rf:.3f} P {rp:.3f}; model F1 {mf:.3f} P {mp:.3f}: "
        f"the model {'beats' if beats else 'does not beat'} the rules"
    )
    up, _, uf = fe.prf(*union["all"])
    union_beats = uf > rf and up >= rp
    print(
        f"rules OR model: F1 {uf:.3f} P {up:.3f}: the combination "
        f"{'beats' if union_beats else 'does not beat'} the rules"
    )
    if a.write and union_beats and not beats:
        print("the combination is not shipped by this script: the scan has no union mode")
    if a.write and (beats or a.force):
        write_model(model, docs, th, c, a.files)
        print(f"wrote {OUT.relative_to(ROOT)}")
    elif a.write:
        print(f"not written: the rules stay ({OUT.relative_to(ROOT)} unchanged; --force writes it anyway)")
    if a.quality:
        for set_name, table_rows in ((RULES_SET, rules), (MODEL_SET, rows), (UNION_SET, union)):
            flat = {k: v for k, v in table_rows.items() if k != "all"}
            flat["all:clauses"] = table_rows["all"]
            fe.write_quality(flat, len(docs), set_name)
        print("wrote patterns/quality/detection.yaml")


if __name__ == "__main__":
    main()
