"""The control map's phrase regexes are compiled on first use and skipped where their first words are absent,
with the same matches as the compiled regex run on every text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from grantscan.knowledge import control_map as cm

CMAP = cm.load_control_map()
LISTS = [p for e in CMAP.entries for p in (e.terms, e.cues) if p is not None]
WORDS = sorted({w for p in LISTS for w in p.words})
# letters that re.IGNORECASE matches to ASCII letters without lower-casing to them, and others that do
ODD = ["\u0130", "\u0131", "\u017f", "\u212a", "\u00b5", "\u03bc", "\u2019", "\u00a0", "-", " ", "\n"]


def _variants(word: str) -> list[str]:
    """A phrase as a text may write it: cases, odd letters in place of ASCII ones, extra spaces."""
    out = [word, word.upper(), word.lower(), word.title(), word.replace(" ", "  \n ")]
    out += [word.replace("s", "\u017f"), word.replace("i", "\u0131"), word.replace("I", "\u0130")]
    out += [word.replace("k", "\u212a").replace("K", "\u212a"), word.replace("\u00b5", "\u03bc")]
    return out


def _same(p: cm.Phrases, text: str) -> None:
    rx = re.compile(p.pattern, re.I)
    got, want = p.search(text), rx.search(text)
    assert (got and got.span()) == (want and want.span()), (p.words[:3], text)
    assert [m.span() for m in p.finditer(text)] == [m.span() for m in rx.finditer(text)], (p.words[:3], text)


def test_every_phrase_and_its_variants_match_as_the_compiled_regex() -> None:
    others = WORDS[::37]
    for p in LISTS:
        for w in [*p.words, *others]:
            for v in _variants(w):
                _same(p, f"The team {v} works here.")
                _same(p, v)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ODD + ["x", "the", "3D", "GHz"]), max_size=12), st.data())
def test_arbitrary_texts_match_as_the_compiled_regex(parts: list[str], data: st.DataObject) -> None:
    text = " ".join(data.draw(st.sampled_from(_variants(w))) if w in WORDS else w for w in parts)
    for p in LISTS:
        _same(p, text)


def test_loading_compiles_no_phrase_regex_and_a_search_only_where_a_first_word_is() -> None:
    cmap = cm.load_control_map()
    lists = [p for e in cmap.entries for p in (e.terms, e.cues) if p is not None]
    assert lists and all(p._rx is None for p in lists)
    text = "We will train a deep learning model for anomaly detection."
    folded = cm.fold(text)
    for p in lists:
        p.search(text)
    compiled = [p for p in lists if p._rx is not None]
    assert compiled and len(compiled) < len(lists) // 4
    assert all(p.may_match(folded) for p in compiled)


def test_candidates_are_those_of_eagerly_compiled_regexes(monkeypatch) -> None:
    cases = [
        (
            "ai",
            "ai-deep-learning",
            "deep learning",
            "We train a deep learning model on GPUs for image recognition.",
        ),
        (
            "quantum",
            "quantum-computing",
            "quantum computer",
            "A 50-qubit quantum computer with cryogenic control.",
        ),
        ("cyber", "cyber-offensive", "intrusion software", "Intrusion software and exploit development."),
        (
            "sensing",
            "sensing-radar-sonar",
            "lidar odometry",
            "Lidar odometry for drones at 100 Hz frame rate.",
        ),
    ]
    lazy = [cm.candidates(*c) for c in cases]
    monkeypatch.setattr(cm.Phrases, "may_match", lambda self, folded: True)
    eager = [cm.candidates(*c) for c in cases]
    assert lazy == eager and any(lazy)
