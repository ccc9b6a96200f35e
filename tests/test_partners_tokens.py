"""Partner detection reads tokens as offsets into the block text instead of spaCy Token/Span objects.

These tests hold the fast readings to what spaCy itself says: token texts, spaces and sentences, a span read on
its own (``Span.as_doc``), ``filter_spans``, the one-pass phrase scan, and the cached screening-list lookups.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import spacy
from spacy.util import filter_spans

from grantscan.config import Config
from grantscan.detect.partners import PartnerDetector, _filter_spans, _Tokens
from grantscan.model import Location, TextBlock

ODD = (
    "  Leading spaces, then\ttabs,\xa0no-break spaces and  double spaces. The University of Tokyo (Japan) "
    "works with UK&Turkish teams; see https://example.org/a/b. Mr. Smith went to Washington, D.C. today!  "
    "1 UNIWERSYTET SLASKI PL 161,235 2.11% ... end "
)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="module")
def det(nlp):
    return PartnerDetector(nlp, Config())


def _table(doc) -> _Tokens:
    return _Tokens(doc, doc.text, None, {})


def test_token_offsets_match_spacy_tokens(nlp) -> None:
    doc = nlp(ODD)
    t = _table(doc)
    assert t.n == len(doc)
    for tok in doc:
        i = tok.i
        assert t.word(i) == tok.text
        assert t.st[i] == tok.idx
        assert t.end(i) == tok.idx + len(tok.text)
        assert bool(t.sp[i]) == bool(tok.whitespace_)
        low, cap, punct, alpha, is_lower = t.info(i)
        assert (low, punct, alpha, is_lower) == (tok.lower_, tok.is_punct, tok.is_alpha, tok.is_lower)
        assert cap == (tok.text[:1].isupper() and any(c.isalpha() for c in tok.text))
        assert t.sent_start(i) == bool(tok.is_sent_start)
    assert t.span_text(3, 9) == doc[3:9].text
    assert t.lowers(2, 7) == [tok.lower_ for tok in doc[2:7]]


def test_sentences_match_span_sent(nlp) -> None:
    doc = nlp(ODD)
    t = _table(doc)
    for i in range(len(doc)):
        sent = doc[i : i + 1].sent
        assert t.sentence(i) == (sent.start, sent.end)
        assert t.sentence_text(doc.text, i, i + 1) == doc.text[sent.start_char : sent.end_char].strip()


def test_a_view_reads_like_a_copied_span(nlp) -> None:
    doc = nlp(ODD)
    t = _table(doc)
    assert t.can_view()
    rng = random.Random(7)
    for _ in range(60):
        s = rng.randrange(len(doc))
        e = rng.randrange(s + 1, len(doc) + 1)
        view, copy = t.view(s, e), _table(doc[s:e].as_doc())
        assert (view.text, view.st, view.sp, view.n) == (copy.text, copy.st, copy.sp, copy.n)
        assert view.has_sents == copy.has_sents
        assert [view.sentence(i) for i in range(view.n)] == [copy.sentence(i) for i in range(copy.n)]
        assert view.sent_key(0, view.n) == copy.sent_key(0, copy.n)


def test_a_doc_with_hooks_is_copied_not_viewed(nlp) -> None:
    doc = nlp("Partners in Japan. And more.")
    doc.user_hooks["sents"] = lambda d: [d[:]]
    assert not _table(doc).can_view()


def test_filter_spans_matches_spacy(nlp) -> None:
    doc = nlp(" ".join(["word"] * 40))
    rng = random.Random(3)
    for _ in range(200):
        raw = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randrange(40)
            raw.append((s, min(40, s + rng.randint(1, 5)), rng.randrange(1000)))
        want = [(sp.start, sp.end, sp.label) for sp in filter_spans([doc[s:e] for s, e, _ in raw])]
        got = _filter_spans(raw)
        assert [(s, e) for s, e, _ in got] == [(s, e) for s, e, _ in want]
        # of equal spans the first one wins, as in spaCy (stable sort)
        firsts = {}
        for s, e, label in raw:
            firsts.setdefault((s, e), label)
        assert all(label == firsts[(s, e)] for s, e, label in got)


def test_one_scan_finds_what_each_matcher_finds(nlp, det) -> None:
    from spacy.matcher import PhraseMatcher

    text = (
        "The University of Tokyo and Harbin Institute of Technology in China met the Ministry of Defence "
        "(UK) in Paris, France; PL 161 and DE 12 were listed. THE NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY"
    )
    doc = nlp(text)
    found = det._scan(doc)
    places = PhraseMatcher(nlp.vocab, attr="ORTH")
    for phrase in det.rules.places:
        places.add(phrase, [nlp.make_doc(phrase)])
    want = [(s, e, nlp.vocab.strings[k]) for k, s, e in places(doc)]
    assert found.places == want and want
    assert [w for _, _, w in found.places][:2] == ["Tokyo", "Harbin"]
    assert {doc[i].text for i in found.codes} == {"PL", "DE"}
    assert {doc[i].text for i in found.heads} >= {"University", "Institute", "Ministry", "UNIVERSITY"}
    assert [(s, e) for s, e, _ in found.orgs]


def test_blocked_spans_near_places_are_all_found(nlp, det) -> None:
    """Only block phrases around place phrases are looked for; those are exactly the ones a full scan finds."""
    text = (
        "China clay and Congo red are materials. " * 3
        + "Plain words here. " * 20
        + "The Paris Agreement binds France. Turkey the bird is not Turkey."
    )
    doc = nlp(text)
    block = TextBlock(text, Location(line=1, column=1))
    det._doc, det._doc_text, det._orig = doc, text, text
    try:
        got = det._blocked(doc)
        full = [(s, e) for _, s, e in det.block_matcher(doc)]
        places = det._scan(doc).places
        near = [b for b in full if any(b[0] < e and s < b[1] for s, e, _ in places)]
        assert near and set(near) <= set(got) <= set(full)
    finally:
        det._doc = det._blocked_for = det._scanned_for = det._scanned = det._tokens = None
    codes = {f.country_code for f in det.find(doc, block, 0) if f.category == "country"}
    assert codes == {"FR", "TR"}


def test_joined_words_and_codes_before_amounts(nlp, det) -> None:
    def codes(text: str) -> list[str]:
        block = TextBlock(text, Location(line=1, column=1))
        return sorted(f.country_code for f in det.find(nlp(text), block, 0) if f.category == "country")

    assert codes("1 UNIWERSYTET SLASKI PL 161,235 2.11%") == ["PL"]
    assert codes("1 UNIWERSYTET SLASKI PL161,235") == []  # a code glued to the amount is one token
    assert codes("1 UNIWERSYTET SLASKI PL euro") == []  # no amount after it
    assert codes("A consortium of UK&Turkish academics and Muryn@Manchester.") == ["GB", "GB", "TR"]


def test_list_matches_are_never_shared(tmp_path: Path, nlp) -> None:
    (tmp_path / "tracker.json").write_text(
        json.dumps({"type": "tracker", "name": "Tracker", "values": [{"value": "Harbin Example Institute"}]})
    )
    det = PartnerDetector(nlp, Config(lists_dir=tmp_path))
    text = "Harbin Example Institute will host the visit."
    block = TextBlock(text, Location(line=1, column=1))
    [first] = [f for f in det.find(nlp(text), block, 0) if f.category == "organisation"]
    assert [m.entry for m in first.lists] == ["Harbin Example Institute"]
    first.lists[0].score = 0.0
    first.lists.append(first.lists[0])
    [again] = [f for f in det.find(nlp(text), block, 0) if f.category == "organisation"]
    assert len(again.lists) == 1 and again.lists[0].score == 1.0


def test_fast_year_pattern_agrees_with_the_plain_one() -> None:
    from grantscan.detect.partners import YEAR, YEAR_FAST

    rng = random.Random(9)
    alphabet = "1920 x_é.\n3"
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert bool(YEAR.search(s)) == bool(YEAR_FAST.search(s)), s
    assert YEAR_FAST.search("in 2019.") and not YEAR_FAST.search("x2019") and not YEAR_FAST.search("20190")
