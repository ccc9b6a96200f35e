#!/usr/bin/env python3
"""Partner detection scored against labelled data, without the CLI.

Countries: extracts each labelled entry (inline text or file) with grantscan's extractor, runs a blank English
pipeline plus PartnerDetector over every block and compares the set of country codes with the gold
``countries``:

    .venv/bin/python scripts/evaluate_partners.py [--errors] ../shared/corpus/labelled/*.jsonl

Screening (``--screening``): scans each text of tests/partners/labelled.jsonl with the real scanner (severity
from ``assess``) and reports, per split, designated recall (a high finding whose list match is the expected
entry), recall at any severity, and the false-match rate (look-alikes flagged at high). ``--fit`` searches the
fuzzy thresholds on the ``tune`` split only; ``--write-quality`` records the figures in patterns/quality.yaml.

    .venv/bin/python scripts/evaluate_partners.py --screening [--tune-only] [--errors] [--fit] [--write-quality]

``--timing`` measures what screening adds to start-up and to detection (CPU seconds, each against the same work
without it, in the same run):

    .venv/bin/python scripts/evaluate_partners.py --timing
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


ROOT = Path(__file__).resolve().parent.parent
SCREENING_SET = ROOT / "tests" / "partners" / "labelled.jsonl"


def screening_rows(path: Path = SCREENING_SET) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


_ENTRIES: dict[tuple[str, str], object] = {}


def same_body(list_id: str, entry_id: str, names: set[tuple[str, ...]], countries: set[str]) -> bool:
    """Whether listed entry ``list_id``/``entry_id`` is the expected body listed again (by another list, or twice
    by one): it shares one of the expected entry's names, once normalised, and a country when both give one
    ('27th Scientific Center' of the State Department's list is the UK list's '... 27th Scientific Centre')."""
    from grantscan.detect.partners.screening import name_words
    from grantscan.knowledge.designations import default_designations

    if not _ENTRIES:
        _ENTRIES.update({(e.list_id, e.entry_id or e.name): e for e in default_designations().entries})
    e = _ENTRIES.get((list_id, entry_id))
    if e is None:
        return False
    theirs = e.all_countries()  # type: ignore[attr-defined]
    if countries and theirs and not countries & theirs:
        return False
    return any(name_words(n) in names for n in (e.name, *e.aliases))  # type: ignore[attr-defined]


def _expected_countries(row: dict) -> set[str]:
    """The expected entry's countries, as the lists give them (none for a look-alike)."""
    same_body("", "", set(), set())  # fills the entry table
    e = _ENTRIES.get((row.get("list_id", ""), row.get("entry_id", "")))
    return e.all_countries() if e is not None else set()  # type: ignore[attr-defined]


def judge(scanner, row: dict) -> tuple[bool, bool, list[str]]:  # noqa: ANN001 - a Scanner
    """(flagged high with the expected entry / any high list match, flagged at any severity, what was found).
    The expected entry is also met by another entry of the same body (see ``same_body``): the lists name some
    bodies twice, and either entry is a right answer."""
    result = scanner.scan_text(row["text"], name=row["id"])
    orgs = [f for f in result.findings if f.category == "organisation" and f.kind == "finding"]
    from grantscan.detect.partners.screening import name_words

    names = {name_words(n) for n in row.get("names", [])}
    countries = _expected_countries(row)
    high_ok = any_flag = False
    seen = []
    for f in orgs:
        for m in f.lists:
            seen.append(f"{f.severity}:{m.list_id}:{m.entry_id}:{m.status}:{m.entry}")
            right = (m.list_id, m.entry_id) == (
                row.get("list_id"),
                row.get("entry_id"),
            ) or (name_words(m.entry) in names or name_words(m.matched or "") in names)
            right = right or (
                row["label"] == "designated"
                and same_body(m.list_id, m.entry_id or m.entry, names - {()}, countries)
            )
            if row["label"] == "designated":
                if right and f.severity == "high" and m.status == "designated":
                    high_ok = True
                any_flag = any_flag or right
            else:
                high_ok = high_ok or f.severity == "high"
                any_flag = True
    return high_ok, any_flag, seen


def screening(a: argparse.Namespace) -> None:
    from grantscan.detect.partners import screening as scr
    from grantscan.pipeline import Scanner

    rows = screening_rows()
    scanner = Scanner(Config(cache=False))
    det = scanner.detector.partners
    if a.fit:
        best = None
        tune = [r for r in rows if r["split"] == "tune"]
        for designated in (0.80, 0.83, 0.86, 0.89, 0.92):
            for possible in (0.65, 0.70, 0.75):
                for extra in (0.4, 0.6, 0.8):
                    scr.DESIGNATED, scr.POSSIBLE, scr.EXTRA_WEIGHT = designated, possible, extra
                    det.screen._span_cache.clear()
                    got = [judge(scanner, r) for r in tune]
                    pos = [g for g, r in zip(got, tune, strict=True) if r["label"] == "designated"]
                    neg = [g for g, r in zip(got, tune, strict=True) if r["label"] != "designated"]
                    recall = sum(g[0] for g in pos) / len(pos)
                    fmr = sum(g[0] for g in neg) / len(neg)
                    key = (recall - 4 * fmr, designated, possible, extra)  # ties: the stricter thresholds
                    print(
                        f"designated>={designated} possible>={possible} extra={extra}: recall {recall:.3f} fmr {fmr:.3f}"
                    )
                    if best is None or key > best[0]:
                        best = (key, designated, possible, extra)
        print("best on tune:", best)
        return
    figures = []
    lists = det.screened_lists()
    snapshot = max((d for _, d in lists if d), default="")
    for split in ("tune",) if a.tune_only else ("tune", "frozen"):
        part = [r for r in rows if r["split"] == split]
        pos = [r for r in part if r["label"] == "designated"]
        neg = [r for r in part if r["label"] != "designated"]
        res = {r["id"]: judge(scanner, r) for r in part}
        recall = sum(res[r["id"]][0] for r in pos) / len(pos)
        anyrec = sum(res[r["id"]][1] for r in pos) / len(pos)
        fmr = sum(res[r["id"]][0] for r in neg) / len(neg)
        print(
            f"{split:7s} designated recall {recall:.3f} ({len(pos)} texts), any severity {anyrec:.3f}; "
            f"look-alikes flagged high {fmr:.3f} ({len(neg)} texts)"
        )
        figures += [
            {
                "metric": "designated recall",
                "value": round(recall, 3),
                "set": f"partners-{split}",
                "size": len(pos),
            },
            {
                "metric": "recall at any severity",
                "value": round(anyrec, 3),
                "set": f"partners-{split}",
                "size": len(pos),
            },
            {
                "metric": "look-alikes flagged high",
                "value": round(fmr, 3),
                "set": f"partners-{split}",
                "size": len(neg),
            },
        ]
        if a.errors and split == "tune":  # the frozen part is scored, never read
            for r in part:
                ok, anyf, seen = res[r["id"]]
                if (r["label"] == "designated") != ok:
                    print(f"  {r['id']} {r['label']}/{r['form']}: {r['org']!r} -> {seen[:3]}")
    print(f"snapshot of the newest list: {snapshot}")
    if a.write_quality:
        if a.tune_only:
            raise SystemExit("--write-quality records both splits: run it without --tune-only")
        write_quality(figures, snapshot)


def write_quality(figures: list[dict], snapshot: str) -> None:
    """Replace the screening figures in patterns/quality.yaml (a list of {metric, value, set, size, date}),
    keeping any others; the set names the designations snapshot the figures were measured on."""
    import datetime

    import yaml

    path = ROOT / "patterns" / "quality.yaml"
    old = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    keep = [x for x in (old or []) if not str(x.get("set", "")).startswith("partners-")]
    today = datetime.date.today().isoformat()
    new = keep + [
        {
            "metric": f["metric"],
            "value": f["value"],
            "set": f"{f['set']} (designations {snapshot})",
            "size": f["size"],
            "date": today,
        }
        for f in figures
    ]
    header = (
        "# Measured quality figures: a list of {metric, value, set, size, date}, written by the evaluation scripts.\n"
        "# partners-*: scripts/evaluate_partners.py --screening --write-quality on tests/partners/labelled.jsonl\n"
        "# (frozen: rows whose sha1(id) starts 0-4, never used for tuning), with the designations snapshot date.\n"
    )
    path.write_text(header + yaml.safe_dump(new, sort_keys=False), encoding="utf-8")


# -- what screening costs ------------------------------------------------------------------------------------------

_BUILD = """
import sys, time
import grantscan.detect.partners.detector as D
from grantscan.config import Config
from grantscan.knowledge.designations import Designations, default_designations
from grantscan.pipeline import Scanner
if sys.argv[1] == "off":
    D.default_designations = lambda: Designations([], default_designations().lists, [])
t = time.process_time()
Scanner(Config(cache=False))
print(time.process_time() - t)
"""


def _build_seconds(mode: str) -> float:
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", _BUILD, mode], capture_output=True, text=True, check=True
    ).stdout
    return float(out.split()[-1])


def timing(rounds: int = 5) -> None:
    """CPU seconds screening adds to start-up and to detection, each against the same thing without it.

    Start-up: building a Scanner in a fresh process with the shipped lists and with none (alternately, best of
    ``rounds``). Detection: the partner detector over every block of the real PDFs in ../shared/corpus/real
    (sample_docs when absent), extracted and tokenised once, with an empty index, the shipped index as a scan
    leaves it (warm: its caches filled by an earlier pass) and a new index object each time (cold: text it has
    never scored; its tables made on first use, and made beforehand as a forked worker inherits them), best of
    ``rounds``; the whole detector set over the same documents gives the share."""
    from grantscan.pipeline import Scanner

    sys.path.insert(0, str(ROOT / "scripts"))
    from bench import screening_cost

    builds: dict[str, list[float]] = {"on": [], "off": []}
    for _ in range(rounds):  # alternately, so that a change of load falls on both
        for mode in builds:
            builds[mode].append(_build_seconds(mode))
    on, off = min(builds["on"]), min(builds["off"])
    print(
        f"start-up (Scanner build): {off:.3f} s without screening, {on:.3f} s with (+{(on - off) / off:.1%})"
    )
    scanner = Scanner(Config(cache=False))
    real = ROOT.parent / "shared" / "corpus" / "real"
    paths = sorted(real.glob("*/*.pdf")) if real.is_dir() else sorted((ROOT / "sample_docs").iterdir())
    cost = screening_cost(scanner, paths, rounds)
    pages = int(cost["pages"])
    print(
        f"detection of {len(paths)} documents{f' ({pages} pages)' if pages else ''}: {cost['detect_s']:.3f} s without screening"
        f" (extraction {cost['extract_s']:.3f} s)"
    )
    scan = cost["detect_s"] + cost["extract_s"]
    labels = (("warm", "repeat_text_s"), ("cold", "new_text_s"), ("cold, tables made before", "ready_text_s"))
    for label, key in labels:
        extra = cost[key]
        print(
            f"  screening, {label}: +{extra:.3f} s (+{extra / cost['detect_s']:.1%} of detection, "
            f"+{extra / scan:.1%} of extraction and detection)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--screening", action="store_true", help="score organisation screening (tests/partners)")
    ap.add_argument(
        "--fit", action="store_true", help="with --screening: search thresholds on the tune split"
    )
    ap.add_argument(
        "--write-quality", action="store_true", help="with --screening: update patterns/quality.yaml"
    )
    ap.add_argument(
        "--tune-only", action="store_true", help="with --screening: score the tune split alone (while tuning)"
    )
    ap.add_argument("--errors", action="store_true", help="list false positives/negatives per entry")
    ap.add_argument("--lists", help="screening-list folder")
    ap.add_argument("--timing", action="store_true", help="what screening adds to start-up and detection")
    a = ap.parse_args()
    if a.timing:
        timing()
        return
    if a.screening:
        screening(a)
        return
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
