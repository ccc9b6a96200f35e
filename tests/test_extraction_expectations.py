"""The extraction-completeness benchmark: every DOCX and PDF expectation met, expected failures fail right.

Uses the comparison logic of scripts/check_extraction.py (the README's rules), and checks that logic on
hand-made documents first so a lenient comparison cannot hide extraction gaps.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest

from grantscan.model import Document, Location, TextBlock

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
HAVE_CORPUS = (CORPUS / "extraction" / "expectations.jsonl").is_file()
needs_corpus = pytest.mark.skipif(not HAVE_CORPUS, reason="../shared corpus not present")

_spec = importlib.util.spec_from_file_location("check_extraction", ROOT / "scripts" / "check_extraction.py")
assert _spec and _spec.loader
checker = importlib.util.module_from_spec(_spec)
sys.modules["check_extraction"] = checker  # dataclasses look their module up while being built
_spec.loader.exec_module(checker)

EXPECTATIONS = checker.load_expectations(CORPUS) if HAVE_CORPUS else []
FAILURES = checker.expected_failures(CORPUS) if HAVE_CORPUS else []


@functools.cache
def outcome(rel: str) -> tuple[Document | None, str | None]:
    return checker.outcome_of(CORPUS / rel)


def _doc(*blocks: tuple[str, str]) -> Document:
    return Document(
        "x.docx", "docx", [TextBlock(t, Location(part=p, paragraph=i)) for i, (p, t) in enumerate(blocks)]
    )


# -- the comparison itself ------------------------------------------------------------------------------


def test_check_normalises_whitespace_and_joins_two_blocks() -> None:
    doc = _doc(("body", "Data\u00a0Sharing\tLicense"), ("body", "Agreement between"), ("table", "other"))
    assert checker.check({"part": "body", "text": "Data Sharing License"}, doc) is None
    assert checker.check({"part": "body", "text": "License Agreement"}, doc) is None
    assert checker.check({"part": "table", "text": "License"}, doc) is not None
    assert checker.check({"part": "body", "text": "data sharing"}, doc) is not None  # case is kept


def test_check_does_not_join_across_parts_or_three_blocks() -> None:
    doc = _doc(("body", "one"), ("table", "two"), ("body", "three"), ("body", "four"), ("body", "five"))
    assert checker.check({"part": "body", "text": "one two"}, doc) is not None
    assert checker.check({"part": "body", "text": "three four five"}, doc) is not None
    assert checker.check({"part": "body", "text": "four five"}, doc) is None


def test_check_deleted_rules() -> None:
    leaked = _doc(("body", "a secret clause"), ("deleted", "secret clause"))
    exp = {"part": "deleted", "text": "secret clause", "absent_from_live": True}
    assert checker.check(exp, leaked) == "deleted text leaked into live text"
    assert checker.check(exp, _doc(("body", "a clause"), ("deleted", "secret clause"))) is None
    move = {"part": "deleted", "text": "Moved.", "absent_from_live": False, "live_occurrences": 1}
    assert checker.check(move, _doc(("body", "Moved."), ("deleted", "Moved."))) is None
    assert (
        checker.check(move, _doc(("body", "Moved."), ("body", "Moved."), ("deleted", "Moved."))) is not None
    )


def test_check_pdf_by_page() -> None:
    doc = Document(
        "x.pdf",
        "pdf",
        [
            TextBlock("first half", Location(page=2)),
            TextBlock("second half", Location(page=2)),
            TextBlock("other page", Location(page=3)),
        ],
    )
    assert checker.check({"page": 2, "text": "half second"}, doc) is None
    assert checker.check({"page": 2, "text": "other page"}, doc) is not None


def test_expected_failure_prefixes() -> None:
    assert checker._prefix("error: encrypted, password required") == "encrypted"
    assert checker._prefix("error: zero-byte file, not a PDF") == "empty"
    assert checker._prefix("no text layer: it opens (RC4, empty user password, no /ID)") == "no text layer"
    assert checker._prefix("error: empty, no text found") == "empty"
    assert checker._prefix("readable, but **dropped** because the libraries disagree") is None


# -- the benchmark ------------------------------------------------------------------------------------


@needs_corpus
def test_benchmark_lists_expected_shape() -> None:
    assert sum("part" in e for e in EXPECTATIONS) == 77 and sum("page" in e for e in EXPECTATIONS) == 36
    assert len(FAILURES) == 10


@needs_corpus
@pytest.mark.parametrize("exp", EXPECTATIONS, ids=[e["id"] for e in EXPECTATIONS])
def test_expectation_met(exp: dict) -> None:
    doc, err = outcome(exp["file"])
    assert doc is not None, f"{exp['file']}: {err}"
    assert checker.check(exp, doc) is None, checker.check(exp, doc)


@needs_corpus
@pytest.mark.parametrize("item", FAILURES, ids=[f.file for f in FAILURES])
def test_expected_failure(item) -> None:
    doc, reason = outcome(item.file)
    assert item.reason_prefix != "?", f"unrecognised outcome in README: {item.outcome}"
    assert checker.failure_problem(item, doc, reason) is None, checker.failure_problem(item, doc, reason)
