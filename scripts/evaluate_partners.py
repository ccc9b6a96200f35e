#!/usr/bin/env python3
"""Country detection scored against the labelled corpus, without the CLI.

Extracts each labelled entry (inline text or file) with grantscan's extractor, runs a blank English pipeline
plus PartnerDetector over every block and compares the set of country codes with the gold ``countries``.

    .venv/bin/python scripts/evaluate_partners.py [--errors] ../shared/corpus/labelled/*.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy

from grantscan.config import Config
from grantscan.detect.partners import PartnerDetector
from grantscan.extract import extract
from grantscan.model import Document, Location, TextBlock


def predict(det: PartnerDetector, nlp, doc: Document) -> set[str]:  # noqa: ANN001 - spacy.Language
    codes = set()
    for i, block in enumerate(doc.blocks):
        sdoc = nlp(block.text.replace("\n", " "))
        for f in det.find(sdoc, block, i):
            if f.category == "country" and f.kind == "finding":
                codes.add(f.country_code)
    return codes


def read(path: Path) -> Document:
    """grantscan's extractor; a plain reader when a format's extractor is unavailable in this checkout."""
    try:
        return extract(path)
    except (ImportError, ModuleNotFoundError):
        if path.suffix == ".pdf":
            import pdfplumber

            with pdfplumber.open(path) as pdf:
                texts = [p.extract_text() or "" for p in pdf.pages]
        elif path.suffix == ".docx":
            import docx

            texts = [p.text for p in docx.Document(str(path)).paragraphs]
            texts += [c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells]
        else:
            texts = path.read_text(encoding="utf-8", errors="replace").split("\n\n")
        return Document(str(path), path.suffix, [TextBlock(t, Location(line=1)) for t in texts if t.strip()])


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--errors", action="store_true", help="list false positives/negatives per entry")
    ap.add_argument("--lists", help="screening-list folder")
    a = ap.parse_args()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    det = PartnerDetector(nlp, Config(lists_dir=Path(a.lists) if a.lists else None))
    total = [0, 0, 0]
    t0 = time.perf_counter()
    for f in a.files:
        counts = [0, 0, 0]
        root = Path(f).resolve().parent.parent
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            e = json.loads(line)
            if "text" in e:
                doc = Document(e["id"], "text", [TextBlock(e["text"], Location(line=1, column=1))])
            else:
                doc = read(root / e["file"])
            pred, gold = predict(det, nlp, doc), set(e.get("countries", []))
            tp, fp, fn = len(pred & gold), len(pred - gold), len(gold - pred)
            counts = [counts[0] + tp, counts[1] + fp, counts[2] + fn]
            if a.errors and (fp or fn):
                print(f"  {e['id']}: FP {sorted(pred - gold)} FN {sorted(gold - pred)}")
        p, r, f1 = prf(*counts)
        print(
            f"{Path(f).name:22s} P={p:.3f} R={r:.3f} F1={f1:.3f} (tp {counts[0]}, fp {counts[1]}, fn {counts[2]})"
        )
        total = [x + y for x, y in zip(total, counts, strict=True)]
    p, r, f1 = prf(*total)
    print(
        f"{'all':22s} P={p:.3f} R={r:.3f} F1={f1:.3f} (tp {total[0]}, fp {total[1]}, fn {total[2]})"
        f"  {time.perf_counter() - t0:.1f}s"
    )


if __name__ == "__main__":
    sys.exit(main())
