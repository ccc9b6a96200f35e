#!/usr/bin/env python3
"""Per-file detection scores on the labelled corpus, without the CLI: extract, detect, score.

    .venv/bin/python scripts/evaluate_detection.py [--errors] [--explain] [FILE.jsonl ...]

Uses the scoring functions of ../shared/tools/evaluate.py (the same per-document rules: a category counts
when one finding of kind "finding" has it; declarations never count) and prints technology
precision/recall/F1 per labelled file and per category. ``--errors`` lists false positives and negatives;
``--explain`` adds the rule, matched text and reasons of each false positive.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
sys.path.insert(0, str(ROOT / "src"))

from grantscan.config import Config  # noqa: E402
from grantscan.detect import Detector  # noqa: E402
from grantscan.model import Document, Location, TextBlock  # noqa: E402


def _scorer():  # noqa: ANN202 - module object
    spec = importlib.util.spec_from_file_location("gs_evaluate", SHARED / "tools" / "evaluate.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def text_document(text: str, name: str) -> Document:
    """Blocks split at blank lines, as the plain-text reader does."""
    blocks, line = [], 1
    for para in text.split("\n\n"):
        if para.strip():
            blocks.append(TextBlock(para, Location(line=line, column=1)))
        line += para.count("\n") + 2
    return Document(path=name, format="text", blocks=blocks)


def load_document(entry: dict) -> Document:
    if "text" in entry:
        return text_document(entry["text"], entry["id"])
    from grantscan.extract import ExtractionError, extract

    path = CORPUS / entry["file"]
    try:
        return extract(path)
    except (ImportError, ExtractionError):  # text reader not available: read the file as plain text
        return text_document(path.read_text(encoding="utf-8", errors="replace"), str(path))


def evaluate(files: list[str], detector: Detector | None = None) -> dict:
    """{file stem: {"technology": {...}, "per_label": {...}, "errors": [...]}} plus timing."""
    ev = _scorer()
    detector = detector or Detector(Config())
    out: dict = {}
    for f in files:
        entries = ev.load([f])
        gold, pred, detail = {}, {}, {}
        t = time.perf_counter()
        for e in entries:
            doc = load_document(e)
            findings = [x for x in detector.detect(doc) if x.kind == "finding"]
            gold[e["id"]] = set(e.get("categories", []))
            pred[e["id"]] = {x.category for x in findings}
            detail[e["id"]] = findings
        rows = ev.score(gold, pred, ev.TECH)
        tp, fp, fn = (sum(r[i] for r in rows.values()) for i in range(3))
        p, r, f1 = ev.prf(tp, fp, fn)
        errors = []
        for doc_id in gold:
            fps = sorted((pred[doc_id] & set(ev.TECH)) - gold[doc_id])
            fns = sorted((gold[doc_id] & set(ev.TECH)) - pred[doc_id])
            if fps or fns:
                errors.append((doc_id, fps, fns, [x for x in detail[doc_id] if x.category in fps]))
        out[Path(f).stem] = {
            "precision": p,
            "recall": r,
            "f1": f1,
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "per_label": rows,
            "errors": errors,
            "seconds": time.perf_counter() - t,
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", default=sorted(str(p) for p in (CORPUS / "labelled").glob("*.jsonl")))
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--explain", action="store_true")
    a = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit("../shared corpus not present")
    ev = _scorer()
    t = time.perf_counter()
    det = Detector(Config())
    print(f"detector built in {time.perf_counter() - t:.2f}s")
    res = evaluate(a.files, det)
    all_rows: dict[str, list[int]] = {}
    for name, r in res.items():
        print(
            f"\n{name}: technology P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
            f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']}) in {r['seconds']:.1f}s"
        )
        for lab, (tp, fp, fn) in r["per_label"].items():
            acc = all_rows.setdefault(lab, [0, 0, 0])
            acc[0] += tp
            acc[1] += fp
            acc[2] += fn
            if tp or fp or fn:
                print(
                    f"  {lab:14s} P={ev.prf(tp, fp, fn)[0]:.2f} R={ev.prf(tp, fp, fn)[1]:.2f} "
                    f"F1={ev.prf(tp, fp, fn)[2]:.2f}  tp={tp} fp={fp} fn={fn}"
                )
        if a.errors or a.explain:
            for doc_id, fps, fns, det_fp in r["errors"]:
                print(f"    {doc_id}: +{fps} -{fns}")
                if a.explain:
                    for x in det_fp:
                        print(
                            f"        {x.rule_id} '{x.text}' x{x.count} {x.confidence:.2f}: {x.context[:160]}"
                        )
                        print(f"            {' | '.join(x.reasons)}")
    tp, fp, fn = (sum(v[i] for v in all_rows.values()) for i in range(3))
    print(f"\nall files: technology P/R/F1 = {'/'.join(f'{x:.3f}' for x in ev.prf(tp, fp, fn))}")
    for lab, (tp, fp, fn) in all_rows.items():
        if tp + fn:
            print(f"  {lab:14s} gold={tp + fn:3d} F1={ev.prf(tp, fp, fn)[2]:.2f}  tp={tp} fp={fp} fn={fn}")


if __name__ == "__main__":
    main()
