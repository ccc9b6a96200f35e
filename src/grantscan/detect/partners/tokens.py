"""Token views of a block for the partner context rules: offsets and word attributes read once per Doc."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.attrs import IDX, SENT_START, SPACY
from spacy.tokens import Doc

from .organisations import KnownOrg
from .places import Place


@dataclass(slots=True)
class _Scan:
    """What the phrase scan found in one Doc (token indices)."""

    places: list[tuple[int, int, str]]  # start, end, phrase
    orgs: list[tuple[int, int, KnownOrg]]
    heads: list[int]  # first tokens of organisation head words
    codes: list[int]  # tokens that are ISO 3166 alpha-2 codes


@dataclass(slots=True)
class _Mention:
    start: int  # token indices in the spaCy doc
    end: int
    phrase: str
    place: Place
    code: str


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


class _Tokens:
    """One Doc's tokens as offsets into its text, read once with ``Doc.to_array``.

    The context rules look at many neighbouring tokens per mention; a spaCy Token or Span object costs
    ~0.5 µs to create, a slice of the text a tenth of that. Word attributes (lower case, punctuation, letters)
    come from the vocabulary's lexemes, cached per distinct word, so they are exactly the Token's.
    """

    __slots__ = (
        "doc",
        "doclike",
        "base",
        "text",
        "orig",
        "n",
        "st",
        "sp",
        "_flags",
        "_bounds",
        "has_sents",
        "_lex",
        "_vocab",
    )

    def __init__(self, doc: Doc, text: str, orig: str | None, lex: dict[str, tuple]):
        self.doc = self.doclike = doc  # doclike: what the matchers read (the doc, or the span of a view)
        self.base = 0  # index in ``doc`` of token 0
        self.text, self.orig = text, orig  # orig: the block text with line breaks (the block's own doc)
        self.n = len(doc)
        arr = doc.to_array([IDX, SPACY, SENT_START]) if self.n else None
        # st[i]: start of token i; st[n] = len(text), so that token i ends at st[i + 1] - sp[i]
        self.st: list[int] = (arr[:, 0].tolist() if arr is not None else []) + [len(text)]
        self.sp: bytes = (
            arr[:, 1].astype("u1").tobytes() if arr is not None else b""
        )  # 1 where a space follows
        self._flags = arr[:, 2] if arr is not None else None  # SENT_START: 1, -1 (as uint64) or 0
        self._bounds: list[int] | None = None
        self.has_sents = doc.has_annotation("SENT_START")
        self._lex, self._vocab = lex, doc.vocab

    def can_view(self) -> bool:
        """Whether ``view`` reads like ``Span.as_doc``: no parse or hooks that a copy would carry along."""
        d = self.doc
        return (
            self.base == 0
            and self.doclike is d
            and not (d.user_hooks or d.user_span_hooks or d.user_token_hooks or d.has_annotation("DEP"))
        )

    def view(self, s: int, e: int) -> _Tokens:
        """Tokens ``s:e`` read as a Doc of their own (what ``doc[s:e].as_doc()`` gives), without the copy."""
        v = _Tokens.__new__(_Tokens)
        v.doc, v.doclike, v.base = self.doc, self.doc[s:e], s
        a = self.st[s]
        v.text, v.orig, v.n = self.text[a : self.st[e]], None, e - s
        v.st = [x - a for x in self.st[s : e + 1]]
        v.sp = self.sp[s:e]
        v._flags = self._flags[s:e]
        v._bounds = None
        # Doc.has_annotation("SENT_START"): a one-token doc always has it, else a boundary after token 0 set
        v.has_sents = v.n <= 1 or bool((v._flags[1:] != 0).any())
        v._lex, v._vocab = self._lex, self._vocab
        return v

    def word(self, i: int) -> str:
        st = self.st
        return self.text[st[i] : st[i + 1] - self.sp[i]]

    def end(self, i: int) -> int:
        """Character offset just after token ``i``."""
        return self.st[i + 1] - self.sp[i]

    def span_text(self, s: int, e: int) -> str:
        """``doc[s:e].text``."""
        return self.text[self.st[s] : self.end(e - 1)] if e > s else ""

    def info(self, i: int) -> tuple[str, bool, bool, bool, bool]:
        """(lower case, capitalised, punctuation, alphabetic, all lower case) of token ``i``."""
        st = self.st
        w = self.text[st[i] : st[i + 1] - self.sp[i]]
        return self._lex.get(w) or self._learn(w)

    def _learn(self, w: str) -> tuple[str, bool, bool, bool, bool]:
        lex = self._vocab[w]
        got = self._lex[w] = (lex.lower_, _is_cap(w), lex.is_punct, lex.is_alpha, lex.is_lower)
        return got

    def lowers(self, lo: int, hi: int) -> list[str]:
        """Lower-case forms of tokens ``lo:hi``."""
        st, sp, text, lex = self.st, self.sp, self.text, self._lex
        out = []
        for i in range(lo, hi):
            w = text[st[i] : st[i + 1] - sp[i]]
            out.append((lex.get(w) or self._learn(w))[0])
        return out

    def lower(self, i: int) -> str:
        return self.info(i)[0]

    def cap(self, i: int) -> bool:
        return self.info(i)[1]

    def name_word(self, i: int) -> bool:
        """Capitalised and not punctuation: a word that extends a name."""
        got = self.info(i)
        return got[1] and not got[2]

    def sent_start(self, i: int) -> bool:
        """``Token.is_sent_start`` taken as a truth value."""
        return int(self._flags[i]) == 1

    def sent_key(self, s: int, e: int) -> tuple:
        return tuple(self._flags[s:e].tolist())

    def sentence(self, i: int) -> tuple[int, int]:
        """Token range of the sentence holding token ``i`` (``Span.sent`` of any span starting there)."""
        if self._bounds is None:
            self._bounds = (self._flags == 1).nonzero()[0].tolist()
        b = self._bounds
        j = bisect_right(b, i)
        return (b[j - 1] if j else 0), (b[j] if j < len(b) else self.n)

    def sentence_text(self, text: str, s: int, e: int, chars: tuple[int, int] | None = None) -> str:
        """``_sentence`` of the tokens ``s:e`` (or of the characters ``chars`` in them) in ``text``, a string
        with the doc text's offsets."""
        if self.has_sents:
            a, b = self.sentence(s)
            return text[self.st[a] : self.end(b - 1)].strip()
        return _text_sentence(text, *(chars or (self.st[s], self.end(e - 1))))


def _text_sentence(text: str, start: int, end: int) -> str:
    """The text between the full stops or line breaks around ``text[start:end]``."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return text[left + 1 if left >= 0 else 0 : (min(right) + 1) if right else len(text)].strip()
