"""A built PhraseSet keeps its patterns in the match trie only: spaCy's PhraseMatcher also keeps a copy of every
pattern's tokens (for ``remove`` and pickling), which grantscan lets go (about 3 MB of a one-file scan's peak
memory). Matching must not change, and a built set must refuse to be pickled rather than arrive empty."""

from __future__ import annotations

import pickle

import pytest
import spacy

from grantscan.detect.matcher import PhraseSet


@pytest.fixture(scope="module")
def built() -> PhraseSet:
    phrases = PhraseSet(spacy.blank("en"))
    phrases.add("quantum", ["quantum key distribution", "QKD"])
    phrases.add("drone", ["unmanned aerial vehicle", "fiber-optic network"])
    return phrases.build()


def test_a_built_set_keeps_no_copy_of_its_patterns(built: PhraseSet) -> None:
    for matcher in (built.lower, built.orth):
        kept = matcher.__reduce__()[1][1]  # what spaCy would pickle: its copy of the patterns
        assert kept and sum(len(v) for v in kept.values()) == 0
    assert len(built.lower) == 2 and len(built.orth) == 1


def test_a_term_is_one_path_of_the_trie_however_its_gaps_are_written(built: PhraseSet) -> None:
    """Each term and its plural: "fiber-optic network" is added once, as "fiber optic network" (its hyphenated
    spellings are found by skipping the text's gap marks, not kept as paths of their own)."""
    assert built.patterns == 8


def test_a_built_set_still_finds_every_spelling(built: PhraseSet) -> None:
    doc = built.nlp(
        "QKD links over fiber optic networks and unmanned aerial vehicles; quantum key distribution."
    )
    found = {(label, doc[s:e].text) for label, s, e, _ in built(doc)}
    assert found == {
        ("quantum", "QKD"),
        ("drone", "fiber optic networks"),
        ("drone", "unmanned aerial vehicles"),
        ("quantum", "quantum key distribution"),
    }


def test_a_built_set_is_not_pickled_empty(built: PhraseSet) -> None:
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(built)
