"""Literal prefilters of clause detection: a regex is skipped only where it cannot match, so findings stay
exactly those of running every regex."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest
import spacy

from grantscan.config import Config
from grantscan.detect import clauses
from grantscan.detect.clauses import (
    _FOLDS_TO_ASCII,
    ClauseDetector,
    _heading_of_line,
    _holds,
    _lowered,
    _needs_of,
    _Patterns,
    _Sections,
    _squashed,
    load_pack,
)
from grantscan.model import Document, Location, TextBlock


def _all_patterns(pack: clauses.ClausePack) -> list[_Patterns]:
    out = [pack.operative, pack.parties, pack.question, *pack.headings.values()]
    for r in pack.rules:
        out += [r.strong, r.patterns, r.unless]
    for k in pack.risks:
        out += [k.patterns, k.unless]
    return out


def _pack_sentences(pack: clauses.ClausePack) -> list[str]:
    out = []
    for r in [*pack.rules, *pack.risks]:
        for v in r.examples.values():
            out += v
    return out


TRICKY = [
    "The Party shall comply with ITAR; Foreground IP vests in the Sponsor?",
    "Publication may be delayed (max. 200 words) — yes / no ☐ Note: applicants must state whether.",
    "thePartiesshallcomplywithallexportcontrollawsandregulations governedbythelawsofFrance",
    "ITAR EAR99 ECCN OFAC SDN re-export end-user certificate dual-use items",
    "ſanctions laws apply and the Kelvin-sign Kontrol, İTAR and ıtar spellings",
]


def test_fold_characters_are_exactly_those_matching_ascii_under_ignorecase() -> None:
    every = "".join(chr(i) for i in range(0x80, 0x110000) if not 0xD800 <= i < 0xE000)
    found: set[str] = set()
    for a in map(chr, range(128)):
        found |= set(re.compile(re.escape(a), re.I).findall(every))
    assert found == set(_FOLDS_TO_ASCII)
    # lower-casing keeps offsets for every other character, so sentences can be sliced from a lowered block
    assert {c for c in every if len(c.lower()) != 1} <= set(_FOLDS_TO_ASCII)


def test_lowered_refuses_texts_with_fold_characters() -> None:
    assert _lowered("Export CONTROL") == "export control"
    for c in _FOLDS_TO_ASCII:
        assert _lowered(f"export {c} control") is None


@pytest.mark.parametrize(
    ("pattern", "required", "not_required"),
    [
        (r"\bagree(?:s|d)?\s+(?:to|that)\b", {"agree"}, set()),
        (r"\b(?:is|are)\s+governed\b", {"governed"}, set()),
        (r"(?:optional\s+)?word", {"word"}, {"optional"}),
        (r"x{0,3}\bexport(?!\s+to\s+pdf)", {"export"}, {"pdf"}),
        (r"licen[cs]e", {"licence", "license"}, set()),
        (r"(?-i:\bEAR\b)", {"ear"}, set()),
    ],
)
def test_needs_name_required_literals_only(pattern: str, required: set[str], not_required: set[str]) -> None:
    needs = _needs_of(pattern)
    assert any(required <= n for n in needs) or any(n <= required for n in needs), needs
    assert not any(lit in n for n in needs for lit in not_required)


def test_needs_absent_where_nothing_is_required() -> None:
    assert _needs_of(r"\w+\s*\d?") == ()
    assert _needs_of(r"(?:a|\w+)") == ()
    assert _needs_of(r"[A-Z][a-z]{2,}") == ()


def test_every_pack_regex_match_holds_its_literals() -> None:
    pack = load_pack()
    texts = _pack_sentences(pack) + TRICKY
    checked = 0
    for pats in _all_patterns(pack):
        for rx, needs in pats._strict_needs + pats._loose_needs:
            for t in texts:
                low = _lowered(t)
                if low is not None and rx.search(t):
                    checked += 1
                    assert _holds(needs, low), (rx.pattern, t)
    assert checked > 200


def test_prefiltered_search_equals_plain_search() -> None:
    pack = load_pack()
    texts = _pack_sentences(pack) + TRICKY
    for pats in _all_patterns(pack):
        for t in texts:
            for squashed in (False, True):
                plain = pats.search(t, squashed)
                fast = pats.search(t, squashed, _lowered(t))
                assert (plain and (plain.re.pattern, plain.span())) == (
                    fast and (fast.re.pattern, fast.span())
                )
            if _lowered(t) is not None:
                assert pats.occurs(t) == pats.occurs(t, _lowered(t))


def test_fold_characters_still_match(nlp: spacy.Language) -> None:
    det = ClauseDetector(nlp, Config())
    text = "The Recipient ſhall comply with all applicable export control laws and ſanctions regulations."
    got = det.find_block(None, TextBlock(text, Location(line=1)), 0)
    assert any(f.rule_id == "clause-export-control" for f in got)


def test_squashed_finds_exactly_runs_of_22_letters() -> None:
    run = re.compile(r"[A-Za-z]{22,}")
    rng = random.Random(7)
    cases = [
        "a" * 22,
        "a" * 21,
        f"({'b' * 22}),",
        f"{'c' * 11}1{'c' * 11}",
        f"x {'d' * 30} y",
        "",
        f"{'e' * 10}_{'e' * 12}",
        "governedbythelawsofEnglandandWales.",
        f"{'f' * 21} {'g' * 21}",
    ]
    cases += [
        "".join(rng.choice("ab -.1é") * rng.choice([1, 5, 21, 22, 23]) for _ in range(rng.randint(0, 8)))
        for _ in range(2000)
    ]
    assert any(_squashed(t) for t in cases) and not all(_squashed(t) for t in cases)
    for t in cases:
        assert _squashed(t) == bool(run.search(t)), t


def test_sections_skip_only_lines_that_cannot_be_headings() -> None:
    lines = [
        "RESEARCH AGREEMENT",
        "7.2 Export Control",
        "\t# 8. Publication",
        "\x1c 9 Governing law.",
        "  Article 10 Liability",
        "ARTICLE11.Confidentiality",
        "12 months after signature",
        "\r",
        "> * 3.1 Data Protection\r",
        "Section: 5",
        "schedule 2",
        "Annex IV Security",
        "",
        "٣ Arabic digit",
        "a sentence that mentions clause 4 in passing",
        "  ",
        "11.7.Ti=Applicable law",
    ]
    text = "\n".join(lines * 2)
    expected, start = [], 0
    for line in text.split("\n"):
        h = _heading_of_line(line)
        if h:
            expected.append((start, h))
        start += len(line) + 1
    sections = _Sections(text)
    assert sections.at(len(text)) == expected[-1][1]
    assert list(zip(sections.starts, sections.headings, strict=True)) == expected
    assert len(expected) >= 16


def _findings(nlp: spacy.Language, doc: Document) -> list[dict]:
    det = ClauseDetector(nlp, Config())
    found = []
    for i, b in enumerate(doc.blocks):
        found += det.find(nlp(b.text.replace("\n", " ")), b, i)
    return [dataclasses.asdict(f) for f in det.finalize(doc, found, [])]


def test_detection_identical_with_and_without_prefilters(
    nlp: spacy.Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = load_pack()
    paras = [
        "RESEARCH COLLABORATION AGREEMENT",
        "1. Export Control",
        *_pack_sentences(pack),
        *TRICKY,
        "Does the project involve dual-use items? Yes / No",
    ]
    blocks, line = [], 1
    for p in paras:
        blocks.append(TextBlock(p, Location(line=line)))
        line += 2
    doc = Document(path="agreement.txt", format="text", blocks=blocks)
    fast = _findings(nlp, doc)
    assert len(fast) > 50
    # every module of the package that lowers a text for the prefilters
    for module in (clauses.detector, clauses.risks):
        monkeypatch.setattr(module, "lowered", lambda text: None)
    assert _findings(nlp, doc) == fast


def test_jurisdiction_name_scan_finds_what_searching_each_name_finds() -> None:
    det = ClauseDetector(None, Config())
    names = [*det.pack.jurisdictions.items(), *clauses._country_names().items()]

    each = [
        (re.compile(r"(?<![A-Za-z])" + re.escape(name) + r"(?![a-z])", re.I), code)
        for name, code in names
        if len(name) >= 4
    ]

    def one_by_one(s: str) -> tuple[str | None, str | None]:
        best = None
        for rx, code in each:
            m = rx.search(s)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), code, m.group(0))
        return (best[1], best[2]) if best else (None, None)

    rng = random.Random(11)
    plain = [n for n, _ in names if len(n) >= 4]
    sentences = [
        "Each Party shall comply with applicable law.",
        "Governed by the laws of England and Wales.",
        "The courts of the Republic of Korea and of Korea shall decide.",
        "Frenchman law",
        "",
    ]
    for _ in range(300):
        a, b = rng.choice(plain), rng.choice(plain)
        sentences.append(
            f"the laws of {a.upper() if rng.random() < 0.3 else a.title()}"
            f"{rng.choice(['', 's', 'n', ' ', '.'])} or {b}ian courts in {a}{b} and {b}"
        )
    found = 0
    for s in sentences:
        expected = one_by_one(s)
        assert det._scan_names(s) == expected, s
        found += expected[0] is not None
    assert found > 250
