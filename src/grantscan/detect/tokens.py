"""Tokens and sentences: spaCy's blank English pipeline, with its two slow spots made fast.

Both stages give exactly what spaCy's own components give (tests/test_tokens.py compares them):

- ``ChunkCache`` warms the tokenizer's cache with a document's new words before the document is tokenised.
- ``sentence_starts`` is spaCy's rule-based ``Sentencizer`` computed on token arrays: spaCy's version builds a
  Python ``Token`` object for every token, which costs as much as tokenising.
"""

from __future__ import annotations

import functools
import re
from array import array
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

from ..model import TextBlock

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc

SENTENCIZER = "grantscan_sentencizer"
SMALL = 64  # tokens: shorter docs are segmented in a plain loop


class ChunkCache:
    """Warms spaCy's tokenizer cache with a document's new words before the document is tokenised.

    spaCy splits each whitespace-separated chunk on its own and caches the result, but stops caching for the
    rest of a text once one chunk hits a special case ("’", "e.g.", "and/or"). In contract text with curly
    quotes nearly every page does that early, and every later chunk is split again with the affix regexes
    (~3 µs a token, 5-8x the cached cost). Tokenising the new chunks first, apart from each other's special
    cases, fills the cache. Tokens are unchanged: a chunk's tokens never depend on its neighbours.
    """

    LIMIT = 500_000  # chunks remembered (and cached by spaCy): ~50 MB at most

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer
        tokenizer.max_cache_size = max(tokenizer.max_cache_size, self.LIMIT)
        self.specials = frozenset(tokenizer.rules or ())
        self.seen: set[str] = set()

    def prime(self, texts: list[str]) -> None:
        if len(self.seen) >= self.LIMIT:
            return
        new: set[str] = set()
        for t in texts:
            new.update(t.split())
        new -= self.seen
        if not new:
            return
        specials = self.specials
        plain = [c for c in new if c.isalnum() and c not in specials]
        if plain:  # no affix or special case can apply inside these: one call caches them all
            self.tokenizer(" ".join(plain))
        if len(plain) < len(new):
            for c in new:
                if not c.isalnum() or c in specials:
                    self.tokenizer(c)
        self.seen |= new


def sentence_starts(orth: np.ndarray, is_punct: np.ndarray, punct_ids: np.ndarray) -> np.ndarray:
    """Token indices that open a sentence, by spaCy's Sentencizer rule.

    A token opens a sentence when it is neither punctuation nor a sentence-final character and the last
    token before it that is either of those kinds (ignoring other punctuation such as closing quotes) is a
    sentence-final character ("." "!" "?" ...). The first token always opens one.
    """
    at = np.searchsorted(punct_ids, orth)  # punct_ids is sorted
    final = punct_ids[np.minimum(at, punct_ids.size - 1)] == orth
    normal = ~final & (is_punct == 0)
    seq = np.flatnonzero(final | normal)
    if seq.size < 2:
        return np.zeros(1, dtype=np.int64)
    after = seq[1:][normal[seq[1:]] & final[seq[:-1]]]
    return np.concatenate(([0], after[after > 0]))


class FastSentencizer:
    """Drop-in for spaCy's ``sentencizer`` (default punctuation, no overwrite) that sets the same starts."""

    def __init__(self, nlp: spacy.language.Language):
        from spacy.pipeline.sentencizer import Sentencizer

        chars = Sentencizer.default_punct_chars
        self.punct_set = {nlp.vocab.strings.add(c) for c in chars}
        self.punct_ids = np.array(sorted(self.punct_set), dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import IS_PUNCT, ORTH, SENT_START

        n = len(doc)
        if n == 0:  # a fresh Doc from the tokenizer: no sentence starts set yet
            return doc
        arr = doc.to_array([ORTH, IS_PUNCT])
        if n <= SMALL:  # numpy's per-call overhead outweighs a short loop
            marks = []
            seen_final = False
            for orth, punct in arr.tolist():
                if orth in self.punct_set:
                    seen_final = True
                    marks.append(-1)
                elif not punct and seen_final:
                    seen_final = False
                    marks.append(1)
                else:
                    marks.append(-1)
            marks[0] = 1
            doc.from_array([SENT_START], np.array(marks, dtype=np.int64).astype(np.uint64)[:, None])
            return doc
        starts = sentence_starts(arr[:, 0], arr[:, 1], self.punct_ids)
        marks = np.full((n, 1), -1, dtype=np.int64)
        marks[starts, 0] = 1
        doc.from_array([SENT_START], marks.astype(np.uint64))
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


_STARTS = "grantscan_sent_starts"


def sent_starts(doc: Doc) -> list[int]:
    """Token indices where the sentences of ``doc`` start (those of ``doc.sents``), read once per Doc.

    ``doc.sents`` makes a Span per sentence through slicing, ~3 µs each, every time it is walked; detection
    walks it in several places per block. Raises ValueError like ``doc.sents`` when no boundaries are set.
    """
    got = doc.user_data.get(_STARTS)
    if got is None:
        from spacy.attrs import SENT_START

        if not len(doc):
            got = []
        else:
            if not doc.has_annotation("SENT_START"):
                raise ValueError("the Doc has no sentence boundaries")
            flags = doc.to_array(SENT_START).astype(np.int64)
            flags[0] = 1
            got = np.flatnonzero(flags == 1).tolist()
        doc.user_data[_STARTS] = got
    return got


_LOWER = "grantscan_lower"


def lower_hashes(doc: Doc) -> np.ndarray:
    """The LOWER hashes of ``doc``'s tokens (uint64), read once per Doc: several stages scan them."""
    got = doc.user_data.get(_LOWER)
    if got is None:
        from spacy.attrs import LOWER

        got = doc.to_array(LOWER) if len(doc) else np.zeros(0, dtype=np.uint64)
        doc.user_data[_LOWER] = got
    return got


def _strings(doc: Doc, attr_name: str, key: str) -> list[str]:
    got = doc.user_data.get(key)
    if got is None:
        from spacy import attrs

        strings = doc.vocab.strings
        values = (
            lower_hashes(doc)
            if attr_name == "LOWER"
            else (doc.to_array(attrs.ORTH) if len(doc) else np.zeros(0, dtype=np.uint64))
        )
        got = [strings[h] for h in values.tolist()]
        doc.user_data[key] = got
    return got


def lower_words(doc: Doc) -> list[str]:
    """``[t.lower_ for t in doc]``, read once per Doc without a Token object per word."""
    return _strings(doc, "LOWER", "grantscan_lower_words")


def words(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, read once per Doc without a Token object per word."""
    return _strings(doc, "ORTH", "grantscan_words")


def punct_flags(doc: Doc) -> list[bool]:
    """``[t.is_punct for t in doc]``, read once per Doc."""
    got = doc.user_data.get("grantscan_punct")
    if got is None:
        from spacy.attrs import IS_PUNCT

        got = [bool(x) for x in doc.to_array(IS_PUNCT).tolist()] if len(doc) else []
        doc.user_data["grantscan_punct"] = got
    return got


def char_span_of(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``(span.start_char, span.end_char)`` of ``doc[start:end]`` without making the Span."""
    got = doc.user_data.get("grantscan_idx")
    if got is None:
        from spacy.attrs import IDX

        got = doc.to_array(IDX).tolist() if len(doc) else []
        doc.user_data["grantscan_idx"] = got
    return got[start], got[end - 1] + len(words(doc)[end - 1])


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without making the Span (a token's trailing whitespace is one space or none)."""
    w = words(doc)
    if end - start == 1:
        return w[start]
    got = doc.user_data.get("grantscan_spaces")
    if got is None:
        from spacy.attrs import SPACY

        got = doc.to_array(SPACY).tolist()
        doc.user_data["grantscan_spaces"] = got
    return "".join(w[i] + " " if got[i] else w[i] for i in range(start, end - 1)) + w[end - 1]


# a hyphen or an en dash written between two words ("fiber-optic", "high–power"): a word gap, which phrase
# matching reads as a space. A slash is not one: it says "or" ("chemical/biological", "AI/AN").
GAP_MARKS = ("-", "\u2013")
_MIX = 0x9E3779B97F4A7C15  # an odd 64-bit multiplier: two words' hashes into one key
_MASK = (1 << 64) - 1


@functools.cache
def gap_hashes() -> frozenset[int]:
    """The hashes of ``GAP_MARKS`` (a string's hash is the same in every vocabulary)."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(m) for m in GAP_MARKS)


@functools.cache
def _gap_array() -> np.ndarray:
    return hash_set(gap_hashes())


def pair_key(a: int, b: int) -> int:
    """One key for two adjacent tokens' hashes, as ``gap_joins`` makes it from a text's."""
    return (a * _MIX + b) & _MASK


class GapJoins:
    """The gap marks of a Doc that join two words, and the pairs of words they join (``pair_key``, by LOWER and by
    ORTH): a phrase can match across a mark only if two of its adjacent tokens are such a pair."""

    __slots__ = ("marks", "lower", "orth", "_view")

    def __init__(self, marks: list[int], lower: np.ndarray, orth: np.ndarray):
        self.marks, self.lower, self.orth = marks, lower, orth
        self._view: tuple[Doc, list[int]] | None = None

    def view(self, doc: Doc) -> tuple[Doc, list[int]]:
        """``doc`` without these marks, and the index in ``doc`` of each of its tokens; made once."""
        if self._view is None:
            from spacy.attrs import ORTH
            from spacy.tokens import Doc as Doc_

            keep = np.ones(len(doc), dtype=bool)
            keep[self.marks] = False
            # built from ORTH hashes: the lexemes are the Doc's own, looked up without their strings
            self._view = (
                Doc_(doc.vocab, words=doc.to_array(ORTH)[keep].tolist()),
                np.flatnonzero(keep).tolist(),
            )
        return self._view


_GAPS = "grantscan_gap_joins"


def gap_joins(doc: Doc) -> GapJoins | None:
    """The gap marks of ``doc`` written between two words (``GAP_MARKS`` with a letter or digit touching each side:
    "fiber-optic", "high–power"); None when there is none. Phrases are matched over a view of ``doc``
    without them (``GapJoins.view``) so that "fiber-optic network", "fiber optic-network" and "fiber optic
    network" are one pattern, each match mapped back to ``doc``'s own tokens. Read once per Doc."""
    if _GAPS in doc.user_data:
        got: GapJoins | None = doc.user_data[_GAPS]
        return got
    got = None
    marks = positions(lower_hashes(doc), _gap_array())
    if marks:
        from spacy.attrs import ORTH, SPACY

        arr = doc.to_array([ORTH, SPACY])
        strings = doc.vocab.strings
        n = len(arr)
        joins = [
            i
            for i in marks
            if 0 < i < n - 1
            and not arr[i - 1, 1]
            and not arr[i, 1]
            and strings[int(arr[i - 1, 0])][-1].isalnum()
            and strings[int(arr[i + 1, 0])][0].isalnum()
        ]
        if joins:
            at = np.array(joins)
            lower = lower_hashes(doc)
            orth = arr[:, 0]
            got = GapJoins(
                joins,
                lower[at - 1] * np.uint64(_MIX) + lower[at + 1],  # uint64 arithmetic wraps as pair_key masks
                orth[at - 1] * np.uint64(_MIX) + orth[at + 1],
            )
    doc.user_data[_GAPS] = got
    return got


def gap_free(hashes: tuple[int, ...]) -> tuple[int, ...]:
    """A phrase's token hashes without the gap marks between two of its words, as ``GapJoins.view`` reads a
    text."""
    gaps = gap_hashes()
    if not any(h in gaps for h in hashes[1:-1]):
        return hashes
    return tuple(
        h
        for i, h in enumerate(hashes)
        if not (
            0 < i < len(hashes) - 1 and h in gaps and hashes[i - 1] not in gaps and hashes[i + 1] not in gaps
        )
    )


def hash_set(hashes: Iterable[int]) -> np.ndarray:
    """A sorted uint64 array of string hashes, for ``positions``."""
    return np.array(sorted(set(hashes)), dtype=np.uint64)


def positions(lowers: np.ndarray, wanted: np.ndarray) -> list[int]:
    """Indices of ``lowers`` whose value is in the sorted array ``wanted`` (from ``hash_set``), ascending."""
    if not wanted.size or not lowers.size:
        return []
    at = np.searchsorted(wanted, lowers)
    return np.flatnonzero(wanted[np.minimum(at, wanted.size - 1)] == lowers).tolist()


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(SENTENCIZER):
        Language.factory(SENTENCIZER, func=lambda nlp, name: FastSentencizer(nlp))


# spaCy strips prefixes and suffixes off a whitespace-free chunk one at a time, and each step searches
# the whole rest of the chunk with the suffix regex and copies it: quadratic in the chunk's length (a run
# of 10,000 brackets or quotes takes minutes). A chunk longer than MAX_CHUNK stays one token (no word is
# that long), and the suffix regex, whose alternatives all end at "$", looks at the string's tail first.
MAX_CHUNK = 500
SUFFIX_TAIL = 8  # characters: longer than every fixed-length suffix of spaCy's English rules


def _long_chunk(chunk: str) -> bool:
    return len(chunk) > MAX_CHUNK


class TailSearch:
    """A ``suffix_search`` giving what the full search gives, trying only the string's tail first.

    A fixed-length suffix lies within the last SUFFIX_TAIL characters. A match starting right at the tail's
    edge may reach further back (a repeated suffix such as two or more dots), so the full search decides
    then; lookbehinds still see the characters before the tail.
    """

    def __init__(self, search: Any):
        self.search = search
        self.__self__ = search.__self__  # the compiled pattern, which spaCy reads when serialising

    def __call__(self, text: str) -> Any:
        start = len(text) - SUFFIX_TAIL
        if start <= 0:
            return self.search(text)
        m = self.search(text, start)
        if m is None or m.start() > start:
            return m
        return self.search(text)


def _tokenizer_factory() -> Any:
    """spaCy's English tokenizer with grantscan's token_match and suffix search given at construction.

    Each of the Tokenizer's settable searches reloads its ~1,300 special cases when set: made with them, the
    tokenizer loads them once instead of three times (~0.15 s of every start)."""
    from spacy import util
    from spacy.tokenizer import Tokenizer

    def make(nlp: spacy.language.Language) -> Tokenizer:
        d = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=d.tokenizer_exceptions,
            prefix_search=util.compile_prefix_regex(d.prefixes).search,
            suffix_search=TailSearch(util.compile_suffix_regex(d.suffixes).search),
            infix_finditer=util.compile_infix_regex(d.infixes).finditer,
            token_match=_long_chunk,
            url_match=d.url_match,
        )

    return make


def build_nlp() -> spacy.language.Language:
    """Blank English tokenizer + rule-based sentencizer: no statistical model, no download.

    Made as ``spacy.blank("en")`` makes it (the same vocabulary, with English's lexical attributes and stop
    words, and the tokenizer above) but without resolving and validating its config, which costs every start
    ~15 ms and gives nothing to a pipeline of fixed parts (tests/test_tokens.py compares the two)."""
    from .spacy_import import import_spacy

    import_spacy()
    from spacy.lang.en import English
    from spacy.vocab import create_vocab

    _register()
    nlp = English(vocab=create_vocab("en", English.Defaults), create_tokenizer=_tokenizer_factory())
    nlp.add_pipe(SENTENCIZER, validate=False)
    nlp.max_length = 50_000_000
    return nlp


_SPACE_RUN = re.compile(r"(?<=\S)([ \t\u00a0]{2,}|\t|\u00a0)(?=\S)")
_LINE_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])")
_CELL_BARS = re.compile(r"\|")


def aligned_text(text: str) -> tuple[str, list[int] | None]:
    """The block's text as detection reads it, of the same length, and where each of its characters comes from.

    Table bars become spaces; a tab or a run of spaces between two words (PDF exports, a line break inside a
    name) becomes one space; a word split by a line-end hyphen ("Bel-\\ngium") is joined. The freed characters
    go to the end of the block as spaces, so that no run of spaces is left between words (a tokenizer makes one
    a token of its own). Line breaks stay between the same words. ``source[i]`` is the index in ``text`` of
    character ``i`` (None when nothing moved), so that a block of the new text keeps every location:
    ``aligned_block``.
    """
    if not ("\t" in text or "  " in text or "\u00a0" in text or "-\n" in text or "|" in text):
        return text, None
    freed = bytearray(len(text))  # 1: the character is freed (moved to the end as a space)
    chars = list(text)
    for m in _LINE_HYPHEN.finditer(text):
        freed[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _CELL_BARS.finditer(text):
        chars[m.start()] = " "
    for m in _SPACE_RUN.finditer(text):
        chars[m.start()] = " "
        freed[m.start() + 1 : m.end()] = b"\x01" * (m.end() - m.start() - 1)
    if not any(freed):
        return "".join(chars), None
    kept = [i for i in range(len(chars)) if not freed[i]]
    moved = [i for i in range(len(chars)) if freed[i]]
    out = [chars[i] for i in kept] + [" "] * len(moved)
    source = kept + moved
    return "".join(out), source


def matching_text(text: str) -> str:
    """``aligned_text`` with line breaks as spaces: the text the tokenizer reads (same length as ``text``)."""
    return aligned_text(text)[0].replace("\r", " ").replace("\n", " ")


def aligned_block(block: TextBlock) -> TextBlock:
    """``block`` with its text as detection reads it (``aligned_text``), every character keeping its location:
    PDF boxes and source line/column offsets follow their characters; a text block without offsets gets them."""
    text, source = aligned_text(block.text)
    if source is None:
        if text == block.text:
            return block
        return TextBlock(text, block.location, boxes=block.boxes, line_offsets=block.line_offsets)
    boxes = line_offsets = None
    if block.boxes is not None and len(block.boxes) >= 4 * len(block.text):
        b = block.boxes
        boxes = array(b.typecode, (b[4 * j + k] for j in source for k in range(4)))
    elif block.line_offsets is not None and len(block.line_offsets) >= 2 * len(block.text):
        lo = block.line_offsets
        line_offsets = array(lo.typecode, (lo[2 * j + k] for j in source for k in range(2)))
    elif block.location.line is not None:
        orig = [block.locate(j, j + 1) for j in range(len(block.text))]
        line_offsets = array("i", (v for j in source for v in (orig[j].line or 0, orig[j].column or 0)))
    return TextBlock(text, block.location, boxes=boxes, line_offsets=line_offsets)
