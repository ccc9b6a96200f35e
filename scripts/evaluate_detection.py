#!/usr/bin/env python3
"""Per-file detection scores on the labelled corpus, without the CLI: extract, detect, score.

    .venv/bin/python scripts/evaluate_detection.py [--errors] [--explain] [--only technology|clauses]
        [--quality SET] [FILE.jsonl ...]

Uses the scoring functions of ../shared/tools/evaluate.py (the same per-document rules: a category counts
when one finding of kind "finding" has it; declarations never count) and prints technology and clause
precision/recall/F1 per labelled file and per category. ``--errors`` lists false positives and negatives;
``--explain`` adds the rule, matched text and reasons of each false positive and the text of each false
negative. ``--quality SET`` writes the figures over all files to patterns/quality/detection.yaml under the
set name SET. The frozen split's errors are never listed.
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


GROUPS = ("technology", "clauses")


def _labels(ev, group: str) -> list[str]:  # noqa: ANN001 - scorer module
    return ev.TECH if group == "technology" else ev.CLAUSES


def evaluate(files: list[str], detector: Detector | None = None) -> dict:
    """{file stem: {group: {"precision", "recall", "f1", "tp", "fp", "fn", "per_label", "errors"}, "seconds"}}
    for the groups "technology" and "clauses"; errors are (id, false positives, false negatives, the findings
    behind the false positives, the text)."""
    ev = _scorer()
    detector = detector or Detector(Config())
    out: dict = {}
    for f in files:
        entries = ev.load([f])
        gold, pred, detail, texts = {}, {}, {}, {}
        t = time.perf_counter()
        for e in entries:
            doc = load_document(e)
            findings = [x for x in detector.detect(doc) if x.kind == "finding"]
            gold[e["id"]] = set(e.get("categories", []))
            pred[e["id"]] = {x.category for x in findings}
            detail[e["id"]] = findings
            texts[e["id"]] = e.get("text", e.get("file", ""))
        res: dict = {"seconds": time.perf_counter() - t}
        for group in GROUPS:
            labels = _labels(ev, group)
            rows = ev.score(gold, pred, labels)
            tp, fp, fn = (sum(r[i] for r in rows.values()) for i in range(3))
            p, r, f1 = ev.prf(tp, fp, fn)
            errors = []
            for doc_id in gold:
                fps = sorted((pred[doc_id] & set(labels)) - gold[doc_id])
                fns = sorted((gold[doc_id] & set(labels)) - pred[doc_id])
                if fps or fns:
                    behind = [x for x in detail[doc_id] if x.category in fps]
                    errors.append((doc_id, fps, fns, behind, texts[doc_id]))
            res[group] = {
                "precision": p,
                "recall": r,
                "f1": f1,
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "per_label": rows,
                "errors": errors,
            }
        out[Path(f).stem] = res
    return out


def write_quality(rows: dict[str, dict[str, list[int]]], size: int, set_name: str) -> None:
    """Replace the entries of ``set_name`` in patterns/quality/detection.yaml with these figures (per
    category, plus "technology" and "clauses" for the micro averages)."""
    from fit_evidence import write_quality as write

    flat: dict[str, tuple[int, int, int]] = {}
    for group, per in rows.items():
        for lab, v in per.items():
            flat[lab] = tuple(v)  # type: ignore[assignment]
        tp, fp, fn = (sum(v[i] for v in per.values()) for i in range(3))
        flat[f"all:{group}"] = (tp, fp, fn)
    write(flat, size, set_name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", default=sorted(str(p) for p in (CORPUS / "labelled").glob("*.jsonl")))
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--explain", action="store_true")
    ap.add_argument("--only", choices=GROUPS, help="score and list one group only")
    ap.add_argument("--quality", metavar="SET", help="write the figures to patterns/quality/detection.yaml")
    a = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit("../shared corpus not present")
    if any("frozen" in Path(f).parts for f in a.files) and (a.errors or a.explain):
        sys.exit(
            "the frozen split is scored with ../shared/tools/evaluate.py only; its errors are not listed"
        )
    ev = _scorer()
    t = time.perf_counter()
    det = Detector(Config())
    print(f"detector built in {time.perf_counter() - t:.2f}s")
    res = evaluate(a.files, det)
    groups = [a.only] if a.only else list(GROUPS)
    totals: dict[str, dict[str, list[int]]] = {g: {} for g in GROUPS}
    for name, by_group in res.items():
        for group in groups:
            r = by_group[group]
            print(
                f"\n{name}: {group} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']}) in {by_group['seconds']:.1f}s"
            )
            for lab, (tp, fp, fn) in r["per_label"].items():
                acc = totals[group].setdefault(lab, [0, 0, 0])
                acc[0] += tp
                acc[1] += fp
                acc[2] += fn
                if tp or fp or fn:
                    p_, r_, f_ = ev.prf(tp, fp, fn)
                    print(f"  {lab:22s} P={p_:.2f} R={r_:.2f} F1={f_:.2f}  tp={tp} fp={fp} fn={fn}")
            if a.errors or a.explain:
                for doc_id, fps, fns, behind, text in r["errors"]:
                    print(f"    {doc_id}: +{fps} -{fns}")
                    if a.explain:
                        if fns:
                            print(f"        text: {' '.join(text.split())[:400]}")
                        for x in behind:
                            print(
                                f"        {x.rule_id} '{x.text}' x{x.count} {x.confidence:.2f}: "
                                f"{x.context[:200]}"
                            )
                            print(f"            {' | '.join(x.reasons)}")
    for group in groups:
        rows = totals[group]
        tp, fp, fn = (sum(v[i] for v in rows.values()) for i in range(3))
        print(f"\nall files: {group} P/R/F1 = {'/'.join(f'{x:.3f}' for x in ev.prf(tp, fp, fn))}")
        for lab, (tp, fp, fn) in rows.items():
            if tp + fn:
                print(
                    f"  {lab:22s} gold={tp + fn:3d} F1={ev.prf(tp, fp, fn)[2]:.2f}  tp={tp} fp={fp} fn={fn}"
                )
    if a.quality:
        size = sum(len(ev.load([f])) for f in a.files)
        write_quality({g: totals[g] for g in groups}, size, a.quality)
        print(f"wrote {a.quality!r} to patterns/quality/detection.yaml")


if __name__ == "__main__":
    main()
