"""The partner detector's one-pass phrase scan: one matcher key per kind, each match's place or organisation
found by its token sequence, as a key per phrase found it."""

from __future__ import annotations

import random

import pytest
from spacy.matcher import PhraseMatcher

from grantscan.config import Config
from grantscan.detect.partners import PartnerDetector
from grantscan.detect.partners.places import _variants
from grantscan.detect.tokens import build_nlp


@pytest.fixture(scope="module")
def det() -> PartnerDetector:
    return PartnerDetector(build_nlp(), Config(cache=False))


def _per_phrase_scan(det: PartnerDetector, doc) -> tuple[list, list]:  # noqa: ANN001 - a spaCy Doc
    """Places and organisations of ``doc`` by a matcher with a key per phrase (the definition)."""
    vocab = det.nlp.vocab
    matcher = PhraseMatcher(vocab, attr="ORTH")
    value_of = {}
    for ph in det.rules.places:
        key = f"place:{ph}"
        matcher.add(key, [det.nlp.make_doc(ph)])
        value_of[vocab.strings[key]] = ("place", ph)
    for i, org in enumerate(det.orgs.known):
        key = f"ORG{i}"
        matcher.add(key, [det.nlp.make_doc(v) for n in [org.name, *org.aliases] for v in _variants(n)])
        value_of[vocab.strings[key]] = ("org", org)
    places, orgs = [], []
    for key, s, e in matcher(doc):
        kind, value = value_of[key]
        (places if kind == "place" else orgs).append((s, e, value))
    return places, orgs


def test_one_key_per_kind(det: PartnerDetector) -> None:
    assert len(det.matchers) == 1 and len(det.matchers[0]) == 4
    assert sorted(kind for kind, _ in det._found_by.values()) == ["code", "head", "org", "place"]


def test_places_and_organisations_are_those_of_a_key_per_phrase(det: PartnerDetector) -> None:
    rng = random.Random(5)
    names = [*rng.sample(sorted(det.rules.places), 300)]
    names += [v for org in det.orgs.known for n in [org.name, *org.aliases] for v in _variants(n)]
    rng.shuffle(names)
    for i in range(0, len(names), 12):
        text = " and ".join(f"the team in {n}" for n in names[i : i + 12]) + "."
        doc = det.nlp(text)
        found = det._scan(doc)
        places, orgs = _per_phrase_scan(det, doc)
        assert found.places == places, text
        assert [(s, e, o.name) for s, e, o in found.orgs] == [(s, e, o.name) for s, e, o in orgs], text
        assert found.places or found.orgs
    # a span read alone: token indices from its start, values as in the whole doc
    doc = det.nlp("Partners: the University of Tokyo in Japan and Tsinghua University in China.")
    whole = det._scan(doc)
    part = det._scan(doc[3:], base=3)
    assert [(s + 3, e + 3, v) for s, e, v in part.places] == [p for p in whole.places if p[0] >= 3]
    assert [(s + 3, e + 3, v.name) for s, e, v in part.orgs] == [
        (s, e, v.name) for s, e, v in whole.orgs if s >= 3
    ]
