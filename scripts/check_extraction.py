"""Extraction-completeness check against shared/corpus/extraction/expectations.jsonl.

Runs ``grantscan.extract.extract`` on every file named in the expectations and compares as the
benchmark's README prescribes: whitespace collapsed on both sides, a DOCX snippet must sit in one block
of the stated part (or across two consecutive blocks of that part), a PDF snippet on its page, and
deleted text must be reported apart from live text. Prints met/total per part and each failure, then
runs the README's "files with no expectations" and prints the expected outcome next to grantscan's.

Usage: python scripts/check_extraction.py [--corpus ../shared/corpus] [--part table] [--quiet]
Exit status: 0 when every expectation is met and every expected-failure file behaves, else 1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from grantscan.extract import ExtractionError, extract
from grantscan.model import Document, TextBlock

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Every run of Unicode whitespace (NBSP, tab, newline included) becomes one space; trimmed."""
    return _WS.sub(" ", text).strip()


def load_expectations(corpus: Path) -> list[dict]:
    """The expectation records, in file order."""
    path = corpus / "extraction" / "expectations.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def label(exp: dict) -> str:
    """The reporting bucket of an expectation: its DOCX part, or 'pdf page'."""
    return exp["part"] if "part" in exp else "pdf page"


def _in_one_or_two(snippet: str, texts: list[str]) -> bool:
    """Snippet inside one text or across two consecutive texts joined with one space."""
    for i, t in enumerate(texts):
        if snippet in t:
            return True
        if i + 1 < len(texts) and snippet in f"{t} {texts[i + 1]}":
            return True
    return False


def _part_texts(blocks: Iterable[TextBlock], part: str) -> list[str]:
    return [normalise(b.text) for b in blocks if b.location.part == part]


def check(exp: dict, doc: Document) -> str | None:
    """None when ``exp`` is met by ``doc``, else a one-line reason."""
    snippet = normalise(exp["text"])
    if "page" in exp:
        page = [normalise(b.text) for b in doc.blocks if b.location.page == exp["page"]]
        if not page:
            return f"no text on page {exp['page']}"
        return None if snippet in " ".join(page) else f"not on page {exp['page']}"
    part = exp["part"]
    if not _in_one_or_two(snippet, _part_texts(doc.blocks, part)):
        elsewhere = sorted({b.location.part or "?" for b in doc.blocks if snippet in normalise(b.text)})
        return f"not in a '{part}' block" + (f" (found in {', '.join(elsewhere)})" if elsewhere else "")
    if part == "deleted":
        live = [normalise(b.text) for b in doc.blocks if b.location.part != "deleted"]
        count = sum(t.count(snippet) for t in live)
        if exp.get("absent_from_live") and count:
            return "deleted text leaked into live text"
        if "live_occurrences" in exp and count > exp["live_occurrences"]:
            return f"occurs {count} times in live text (at most {exp['live_occurrences']})"
    return None


@dataclass(slots=True)
class ExpectedFailure:
    """A row of the README table "Files with no expectations"."""

    file: str  # relative to the corpus folder
    outcome: str  # the README's wording
    reason_prefix: str | None  # what grantscan's error reason must start with; None = must read fine


def _prefix(outcome: str) -> str | None:
    low = outcome.lower()
    if low.startswith("readable"):
        return None
    for key, prefix in (
        ("no text layer", "no text layer"),
        ("encrypted", "encrypted"),
        ("zero-byte", "empty"),
        ("empty", "empty"),
    ):
        if key in low:
            return prefix
    return "?"


def expected_failures(corpus: Path) -> list[ExpectedFailure]:
    """Parse the README's table of files that must fail (or merely not crash)."""
    readme = (corpus / "extraction" / "README.md").read_text(encoding="utf-8")
    start = readme.find("## Files with no expectations")
    if start < 0:
        return []
    out = []
    for line in readme[start:].splitlines()[1:]:
        if line.startswith("## "):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not re.search(r"\.(pdf|docx)$", cells[0]):
            continue
        outcome = re.sub(r"\*\*", "", cells[1])
        out.append(ExpectedFailure(f"real/{cells[0]}", outcome, _prefix(outcome)))
    return out


def outcome_of(path: Path) -> tuple[Document | None, str | None]:
    """(document, None) or (None, error reason) for one file; a crash is reported as 'crash: ...'."""
    try:
        return extract(path), None
    except ExtractionError as e:
        return None, e.reason
    except Exception as e:  # noqa: BLE001 - the checker reports crashes instead of dying on them
        return None, f"crash: {type(e).__name__}: {e}"


def failure_problem(item: ExpectedFailure, doc: Document | None, reason: str | None) -> str | None:
    """None when the file behaved as the README says, else what went wrong."""
    if item.reason_prefix is None:
        return None if doc is not None else f"expected it to read, got error '{reason}'"
    if reason is None:
        return f"expected error '{item.reason_prefix}...', but it read {len(doc.blocks) if doc else 0} blocks"
    return (
        None
        if reason.startswith(item.reason_prefix)
        else f"expected '{item.reason_prefix}...', got '{reason}'"
    )


def run(corpus: Path, only_part: str | None = None, quiet: bool = False) -> int:
    """Print the report; return the process exit status."""
    exps = [e for e in load_expectations(corpus) if only_part is None or label(e) == only_part]
    docs: dict[str, tuple[Document | None, str | None]] = {}
    met: Counter[str] = Counter()
    total: Counter[str] = Counter()
    failures: list[str] = []
    for exp in exps:
        if exp["file"] not in docs:
            docs[exp["file"]] = outcome_of(corpus / exp["file"])
        doc, err = docs[exp["file"]]
        total[label(exp)] += 1
        problem = f"error: {err}" if doc is None else check(exp, doc)
        if problem is None:
            met[label(exp)] += 1
        else:
            failures.append(f"  {exp['id']}: {problem} -- {exp['text'][:60]!r}")
    print("part        met/total")
    for part in [*dict.fromkeys(label(e) for e in exps)]:
        print(f"{part:<12}{met[part]:>3}/{total[part]}")
    print(f"{'all':<12}{sum(met.values()):>3}/{sum(total.values())}")
    errored = sorted(f for f, (d, _e) in docs.items() if d is None)
    if errored:
        print("files that raised an error:")
        for f in errored:
            print(f"  {f}: {docs[f][1]}")
    if failures and not quiet:
        print("failures:")
        print("\n".join(failures))
    bad = 0
    if only_part is None:
        print("files with no expectations:")
        for item in expected_failures(corpus):
            doc, reason = outcome_of(corpus / item.file)
            problem = failure_problem(item, doc, reason)
            bad += problem is not None
            said = f"error: {reason}" if reason else f"read ({len(doc.blocks) if doc else 0} blocks)"
            print(
                f"  {'ok  ' if problem is None else 'FAIL'} {item.file}: expected {item.outcome[:50]!r}; "
                f"grantscan: {said}"
            )
    return 0 if not failures and not bad else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the shared corpus folder")
    ap.add_argument("--part", help="only expectations of this part ('pdf page' for PDF)")
    ap.add_argument("--quiet", action="store_true", help="do not list each failure")
    args = ap.parse_args(argv)
    if not (args.corpus / "extraction" / "expectations.jsonl").is_file():
        print(f"no expectations under {args.corpus}", file=sys.stderr)
        return 2
    return run(args.corpus, args.part, args.quiet)


if __name__ == "__main__":
    sys.exit(main())
