"""The fast tokenisation helpers give exactly what spaCy's own components give."""

from __future__ import annotations

import random

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from grantscan.detect.tokens import (
    SMALL,
    ChunkCache,
    build_nlp,
    char_span_of,
    hash_set,
    lower_hashes,
    lower_words,
    positions,
    punct_flags,
    sent_starts,
    span_text,
    words,
)

TEXTS = [
    "",
    " ",
    "a",
    ".",
    "  two  spaces . and more",
    'He said "Stop." Then he left! Did she? Yes... ok',
    "(1) First item. (2) Second item; e.g. this one. Mr. Smith and Dr. Who met at 3 p.m. in the U.K.",
    "The Party’s obligations (the “Obligations”) shall survive. And/or the Recipient’s data. End.",
    "Section 7.2 Export Control. Each Party shall comply with ITAR and EAR99!",
    "???!!! ... . . A",
    "Ends with a quote.” Next sentence starts here.",
]


def _random_text(rng: random.Random, n: int) -> str:
    words = [
        "data",
        "the",
        "Party’s",
        "e.g.",
        "U.S.",
        ".",
        "!",
        "?",
        "…",
        "“quoted”",
        "(see",
        "below)",
        "and/or",
        "3.5",
        "Dr.",
        "it’s",
        "—",
        "x",
        ":)",
        "—end.",
        "A.",
        "Ltd.",
        "\u00a0",
        "  ",
        "\t",
    ]
    return " ".join(rng.choice(words) for _ in range(n))


@pytest.fixture(scope="module")
def pipelines() -> tuple[spacy.language.Language, spacy.language.Language]:
    fast = build_nlp()
    ref = spacy.blank("en", vocab=fast.vocab)
    ref.add_pipe("sentencizer")
    return fast, ref


def _same_sentences(fast: spacy.language.Language, ref: spacy.language.Language, text: str) -> None:
    a, b = fast(text), ref(text)
    assert sent_starts(a) == [s.start for s in b.sents]
    assert [t.text for t in a] == [t.text for t in b]
    assert [t.is_sent_start for t in a] == [t.is_sent_start for t in b], text
    assert [(s.start, s.end) for s in a.sents] == [(s.start, s.end) for s in b.sents], text


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_match_spacy_sentencizer(pipelines, text: str) -> None:
    _same_sentences(*pipelines, text)


def test_long_documents_use_the_array_path_and_still_match(pipelines) -> None:
    rng = random.Random(7)
    for n in (SMALL - 1, SMALL, SMALL + 1, 500, 5000):
        text = _random_text(rng, n)
        assert len(pipelines[0].tokenizer(text)) > 0
        _same_sentences(*pipelines, text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab .!?;"”’()…。-\n ')), max_size=200))
def test_sentences_match_on_arbitrary_punctuation(text: str) -> None:
    fast = _FAST
    _same_sentences(fast, _REF, text)


_FAST = build_nlp()
_REF = spacy.blank("en", vocab=_FAST.vocab)
_REF.add_pipe("sentencizer")


def test_chunk_cache_changes_no_token() -> None:
    rng = random.Random(3)
    texts = [_random_text(rng, 300) for _ in range(5)] + TEXTS
    plain = spacy.blank("en")
    primed = spacy.blank("en")
    cache = ChunkCache(primed.tokenizer)
    cache.prime(texts)
    for t in texts:
        a, b = plain.tokenizer(t), primed.tokenizer(t)
        assert [(x.text, x.whitespace_, x.idx) for x in a] == [(x.text, x.whitespace_, x.idx) for x in b]
    assert cache.seen >= {c for t in texts for c in t.split()}


def test_chunk_cache_only_tokenises_new_words() -> None:
    calls: list[str] = []
    nlp = spacy.blank("en")

    class Spy:
        rules = nlp.tokenizer.rules
        max_cache_size = 10

        def __call__(self, text: str) -> object:
            calls.append(text)
            return nlp.tokenizer(text)

    cache = ChunkCache(Spy())
    cache.prime(["alpha beta, gamma"])
    first = list(calls)
    assert "beta," in first and any("alpha" in c for c in first)
    calls.clear()
    cache.prime(["alpha beta, gamma delta"])
    assert calls == ["delta"]


def test_sent_starts_needs_boundaries_like_doc_sents() -> None:
    doc = spacy.blank("en")("One. Two.")
    with pytest.raises(ValueError):
        list(doc.sents)
    with pytest.raises(ValueError):
        sent_starts(doc)


def test_positions_finds_exactly_the_wanted_words(pipelines) -> None:
    doc = pipelines[0]("Yes, the drone flew; YES it did. Drones? yes")
    wanted = hash_set([doc.vocab.strings.add("yes"), doc.vocab.strings.add("drones")])
    expected = [t.i for t in doc if t.lower_ in ("yes", "drones")]
    assert positions(lower_hashes(doc), wanted) == expected
    assert positions(lower_hashes(doc), hash_set([])) == []
    assert lower_hashes(doc) is lower_hashes(doc)  # read once per Doc


@pytest.mark.parametrize("text", [t for t in TEXTS if t] + ["A  double  space", "Tail space "])
def test_token_lists_and_span_text_match_spacy(pipelines, text: str) -> None:
    doc = pipelines[0](text)
    assert words(doc) == [t.text for t in doc]
    assert lower_words(doc) == [t.lower_ for t in doc]
    assert punct_flags(doc) == [t.is_punct for t in doc]
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 5) + 1):
            assert span_text(doc, start, end) == doc[start:end].text
            assert char_span_of(doc, start, end) == (doc[start:end].start_char, doc[start:end].end_char)


def test_aligned_block_repairs_shapes_and_keeps_every_location() -> None:
    """Detection reads 'Royal Navy' and 'Belgium' whole, and each character keeps its source line, column and
    PDF box, so a finding's location is the words' own."""
    from array import array

    from grantscan.detect.tokens import aligned_block
    from grantscan.model import Location, TextBlock

    raw = "We ship to the Royal  Navy in Bel-\ngium.\nAlso  here."
    block = aligned_block(TextBlock(raw, Location(line=3, column=1)))
    assert "Royal Navy" in block.text and "Belgium." in block.text and len(block.text) == len(raw)
    assert "  " not in block.text.rstrip() and block.text.count("\n") == 1
    for word in ("Navy", "gium", "here"):
        loc = block.locate(block.text.index(word), block.text.index(word) + len(word))
        line = raw[: raw.index(word)].count("\n")
        column = raw.index(word) - (raw.rfind("\n", 0, raw.index(word)) + 1) + 1
        assert (loc.line, loc.column) == (3 + line, column), word
    boxes = array("f", [float(i) for i in range(len(raw)) for _ in range(4)])
    pdf = aligned_block(TextBlock(raw, Location(page=2), boxes=boxes))
    i = pdf.text.index("Navy")
    assert pdf.locate(i, i + 4).bbox == (
        raw.index("Navy"),
        raw.index("Navy"),
        raw.index("Navy") + 3,
        raw.index("Navy") + 3,
    )


_LEX = (
    "text",
    "whitespace_",
    "idx",
    "lower_",
    "norm_",
    "shape_",
    "prefix_",
    "suffix_",
    "lang_",
    "is_alpha",
    "is_punct",
    "is_space",
    "is_stop",
    "like_num",
    "like_url",
    "like_email",
    "is_sent_start",
)


def _real_texts() -> list[str]:
    """Paragraphs of the sample documents, and of the real corpus when ../shared is present."""
    from pathlib import Path

    from grantscan.extract import extract

    root = Path(__file__).resolve().parents[1]
    files = sorted((root / "sample_docs").iterdir())
    shared = root.parent / "shared" / "corpus" / "real"
    if shared.is_dir():
        files += sorted(shared.rglob("*.pdf"))[:3]
    texts = []
    for f in files:
        texts += [b.text.replace("\n", " ") for b in extract(f).blocks][:40]
    return texts


def test_build_nlp_gives_what_spacy_blank_gives() -> None:
    """build_nlp makes the pipeline without spaCy's config machinery: every token, lexical attribute and sentence
    start is what ``spacy.blank("en")`` with spaCy's sentencizer gives, each with its own vocabulary."""
    fast = build_nlp()
    ref = spacy.blank("en")
    ref.add_pipe("sentencizer")
    assert type(fast) is type(ref) and fast.pipe_names == ["grantscan_sentencizer"]
    rng = random.Random(11)
    texts = TEXTS + [_random_text(rng, n) for n in (10, 80, 400)] + _real_texts()
    assert len(texts) > 60
    for text in texts:
        a, b = fast(text), ref(text)
        assert [[getattr(t, k) for k in _LEX] for t in a] == [[getattr(t, k) for k in _LEX] for t in b], text
    assert len(fast.tokenizer.rules) == len(ref.tokenizer.rules)
