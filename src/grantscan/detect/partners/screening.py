"""Screening: every listed name and alias as a pattern over the whole text, and fuzzy scoring of name spans.

One index covers all names and aliases of the loaded designations. Each name is normalised to words (case,
diacritics, punctuation, abbreviations, adjective forms, legal-form and connecting words dropped: the word lists
of patterns/screening.yaml) and put in a word trie. A block is scanned from the tokens written with a capital
whose lower-case form can start a name (one sorted-array look-up over the block's hashes), so the cost is linear
in the text and independent of the organisation recogniser; the walk may pass one word written with a typo after
a name's first. Acronyms given as names or aliases are matched case-sensitively as whole tokens.

Names written another way (word order, transliteration, a typo, a cut-short or shortened name) are found by
``score_span`` on candidate spans (capitalised runs around a distinctive listed word, recogniser output, NER).
A listed name is looked up only when the span holds its rarest distinctive word (as written, within a typo, or
written short) and shares a word with it, and counts only if the span holds every distinctive word of it; it is
scored by the idf-weighted share of its words found in the span (``word_similarity``: the same spelling key, or
close by letters in common or two letters swapped), less the span's own distinctive words it lacks.

The index is compiled to flat arrays (``compile_index``): for the shipped snapshot at data-build time
(``patterns/designations/index.npz``, written by scripts/build_designations.py), for imported lists or a
``--lists`` folder at start-up. Loading the shipped arrays takes no per-name Python work; the look-up tables
are made from them in bulk the first time a block needs them, the fuzzy ones the first time a span is scored,
and the lists' rows are read only when a match needs its entry.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import unicodedata
import zipfile
import zlib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

import numpy as np
from rapidfuzz import fuzz

from ...knowledge.designations import ListEntry
from .words import WordLists, word_lists

# The two score thresholds of a fuzzy match (fitted on tests/partners/labelled.jsonl, tuning part: see
# scripts/evaluate_partners.py --fit): at or above DESIGNATED a span is the listed body, at or above POSSIBLE a
# person should check it.
DESIGNATED = 0.86
POSSIBLE = 0.75
PLACE_WEIGHT = 0.25  # how much a listed name's city or province, left out of a span, counts against it
EXTRA_WEIGHT = 0.8  # how much a span's own distinctive words, absent from the listed name, count against it
# two words this similar (after transliteration folding) count as the same, in proportion
WORD_SIMILARITY = 0.87
MAX_DF = 150  # words in more names than this never find fuzzy candidates on their own
MAX_NAME_WORDS = 24
_AHEAD = 3  # tokens after a name's first word in which ``_walkable`` looks for its next word
INDEX_FORMAT = 7  # changes whenever compile_index writes other arrays or computes them another way

_APOS = re.compile(r"['’`´]")
# a mark inside a word that a tokeniser keeps in it: an apostrophe, or a hyphen written as the Unicode hyphen or
# non-breaking hyphen (U+2010, U+2011: 'Minotor-Service' as a PDF writes it)
_MARKED = re.compile("['\u2019`\u00b4\u2010\u2011]")
_HYPHENS = re.compile("[\u2010\u2011]")
_SPLIT = re.compile(r"[a-z0-9]+")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9\-&]{1,9}$")
_PARENS = re.compile(r"\s*\([^)]*\)")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_PAREN_TEXT = re.compile(r"\(([^)]*)\)")
_SEP = "\x1f"  # between the raw names of a compiled index (never in a listed name: the table is cleaned)
_ACRONYM_FLAG, _GENERIC_FLAG, _SHORTENED_FLAG = 1, 2, 4
_SHORT_FLAG = 8  # while compiling only: a name of one short word written with its legal form
# what a word of a listed name is to span scoring: distinctive, generic, a type word, a place or initial
_REQUIRED, _GENERIC, _TYPE, _PLACE = 0, 1, 2, 3


_V = TypeVar("_V")


def _decided_once(
    seen: dict[int, _V], keys: list[int], decide: Callable[[int], _V], tokens: list[int]
) -> list[_V]:
    """``seen[key]`` for each of ``keys``, decided by ``decide(token)`` (the token of ``tokens`` at the same place)
    the first time a key is met; the memo is emptied past 50,000 entries so a long batch of documents cannot grow
    it without bound. One call per block, not per token: the look-up of a word met before is a dict ``get``."""
    if len(seen) > 50_000:
        seen.clear()
    get = seen.get
    out = []
    for key, token in zip(keys, tokens, strict=True):
        got = get(key)
        if got is None:
            got = seen[key] = decide(token)
        out.append(got)
    return out


_MARKS = ("'", "\u2019", "`", "\u00b4", "\u2010", "\u2011")  # the marks of ``_MARKED``


def _capital_marked(text: str) -> bool:
    """Whether a part of ``text`` between spaces holds a mark of ``_MARKED`` and a letter lower case changes: a
    token is a part of such a part, so a block without one has no capitalised token with a mark inside, and
    ``_marked_starts`` has nothing to decide (most blocks: a capitalised token is checked once per block, not
    once per token). Read from the marks, few in a block (each found by ``str.find``, faster than a pattern),
    out to the spaces around each."""
    for mark in _MARKS:
        at = text.find(mark)
        while at >= 0:
            end = text.find(" ", at)
            if end < 0:
                end = len(text)
            part = text[text.rfind(" ", 0, at) + 1 : end]
            if part != part.lower():
                return True
            at = text.find(mark, end)
    return False


def fold(s: str) -> str:
    """ASCII lower case, apostrophes dropped ("Xi'an" -> "xian"), '&' as 'and'."""
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
    return _APOS.sub("", s.lower().replace("&", " and ").replace("ß", "ss"))


@lru_cache(maxsize=200_000)
def name_words(s: str) -> tuple[str, ...]:
    """The words a name is compared by: folded, abbreviations and adjective forms expanded, legal forms and
    connecting words dropped, syllables joined by a hyphen written as one word ('Guo-wei' -> 'guowei'): 'PJSC
    United Aircraft Corp.' -> ('united', 'aircraft')."""
    wl = word_lists()
    abbreviations, dropped = wl.abbreviations, wl.dropped
    if "-" in s:
        s = _SYLLABLES.sub(_join_syllables, _EZAFE.sub("", s))
    if "&" in s:
        s = _AMP_INITIALS.sub(_join_initials, s)
    out = []
    for w in _SPLIT.findall(fold(s)):
        if w[0].isdigit() and w[-2:] in _ORDINAL:
            w = w.rstrip("stndrh")  # '28th' -> '28'
        elif len(w) >= 7 and w not in abbreviations and w not in dropped:
            w = _known_word(w)  # 'Scienific', 'Liabiltiy', 'Technologeecal'
        elif 4 <= len(w) <= 6 and w not in dropped:
            w = legal_word(w)  # 'Holdng', 'Grup'
        for x in abbreviations.get(w, w).split(" "):  # 'ras' -> russia academy science
            if x and x not in dropped:
                out.append(x)
    return tuple(out)


_ORDINAL = ("st", "nd", "rd", "th")
# two initials joined by '&' in one word ('M&K Industries', 'S&D Industry'): one word of two letters, as a text
# writes them in one token; otherwise the 's' and 'a' of 'S&D' and 'A&M' would be dropped as connecting words
_AMP_INITIALS = re.compile(r"(?<![A-Za-z0-9&])([A-Za-z])&([A-Za-z])(?![A-Za-z0-9&])")
# initials joined by '&' or 'and', each a capital ('E and I Systems', 'Q & N Traders'): a name written so is
# also indexed in the other ways a text writes them ('E&I Systems', 'E & I Systems')
_INITIALS_ANY = re.compile(r"(?<![A-Za-z0-9&])([A-Z])(?:\s*&\s*|\s+and\s+)([A-Z])(?![A-Za-z0-9&])")


def _join_initials(m: re.Match[str]) -> str:
    """'M&K' -> 'MK': one word, unless that word is one the lists expand or drop ('S&T' is not 'St', 'A&B' is
    not 'AB'), which stays two letters as before."""
    wl = word_lists()
    pair = (m.group(1) + m.group(2)).lower()
    return m.group(0) if pair in wl.abbreviations or pair in wl.dropped else m.group(1) + m.group(2)


def initials_forms(name: str) -> list[str]:
    """The other ways a text writes the initials of listed name ``name`` joined by '&' or 'and' ('M and K
    Industries' -> 'M&K Industries', 'M & K Industries'); [] for a name without such initials."""
    m = _INITIALS_ANY.search(name)
    if m is None:
        return []
    a, b = m.group(1), m.group(2)
    forms = [f"{a}&{b}", f"{a} & {b}", f"{a} and {b}"]
    return [name[: m.start()] + f + name[m.end() :] for f in forms if f != m.group(0)]


# what a lone distinctive word stands as an organisation after ('with Megvii'), or between (a list, a bracket)
_LONE_BEFORE = frozenset({"with", "at", "from"})
_LONE_AFTER = {"(": (")",), ",": (",", "and")}
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@lru_cache(maxsize=1)
def _known_forms() -> tuple[dict[str, str], dict[str, str]]:
    """The long words the lists expand or drop (abbreviation and adjective forms, legal forms, seven letters or
    more): (spelling key -> word, one-letter deletion -> word), each kept only where one word has it."""
    wl = word_lists()
    known = sorted(w for w in wl.abbreviations.keys() | wl.dropped if len(w) >= 7)
    by_key: dict[str, str | None] = {}
    by_del: dict[str, str | None] = {}
    for w in known:
        k = canon(w)
        was = by_key.get(k, w)
        # two dropped words of one key are one word to drop ('predpriyatie', 'predpriatie': 'Predpriiatiye')
        by_key[k] = w if was == w or (was in wl.dropped and w in wl.dropped) else None
        for d in _deletions(w):
            by_del[d] = w if by_del.get(d, w) == w else None
    return (
        {k: w for k, w in by_key.items() if w is not None},
        {d: w for d, w in by_del.items() if w is not None},
    )


@lru_cache(maxsize=50_000)
def _known_word(word: str) -> str:
    """``word``, or the long word of the lists it is written for in another spelling or with one typo (a letter
    dropped, added, changed or two swapped): 'scienific' -> 'scientific', 'liabiltiy' -> 'liability'."""
    by_key, by_del = _known_forms()
    got = by_key.get(canon(word))
    if got is None:
        # a letter dropped comes first: 'hodings' is 'holdings', though 'hoding' (a letter changed) is 'holding'
        got = by_del.get(word)
    if got is None:
        near = {by_del[d] for d in _deletions(word) if d in by_del}
        got = near.pop() if len(near) == 1 else None
    return got if got is not None and abs(len(got) - len(word)) <= 3 else word


def letter_groups(words: tuple[str, ...]) -> bool:
    """A name of two or three groups of two or three letters ('VZ RTO', 'VO TPE', 'PKB RIO', 'SP Era'): letters
    that name the body, where single letters ('LLC A-K-S') do not."""
    return 2 <= len(words) <= 3 and all(2 <= len(w) <= 3 and w.isalpha() for w in words)


def _numbered(words: tuple[str, ...]) -> bool:
    """A name of a number and one to three groups of two or three letters ('20 ARZ', '5 SRZ', '32 RZ SOP'): the
    number names the body, and the walk reads such a name only from the number written bare before the letters
    (``ScreeningIndex._number_name``)."""
    return (
        2 <= len(words) <= 4
        and words[0].isdigit()
        and all(2 <= len(w) <= 3 and w.isalpha() for w in words[1:])
    )


def _short_company(raw: str, words: tuple[str, ...], dropped: frozenset[str]) -> bool:
    """A one-word name of two or three letters written with its legal form ('JSC ITC', 'USM Holdings Limited',
    'OC Enterprise FZE', 'RN Holding OAO'): a name the matcher finds only with a legal form beside it, as it does
    any one-word name."""
    return (
        len(words) == 1
        and 2 <= len(words[0]) <= 3
        and words[0].isalpha()
        and any(w in dropped and w not in word_lists().connecting for w in _SPLIT.findall(fold(raw)))
    )


@lru_cache(maxsize=1)
def _legal_forms_short() -> dict[str, str]:
    """Six-letter words that are a legal-form word of seven letters with one letter dropped ('holdng' ->
    'holding'), each kept only where one legal form has it: shorter words are read only as legal forms, as
    'center' or 'system' written for a longer word of the lists would be read as another word."""
    _, by_del = _known_forms()
    forms = word_lists().legal_forms
    return {d: w for d, w in by_del.items() if len(d) == 6 and w in forms}


def _legal_form_short(word: str) -> str:
    return _legal_forms_short().get(word, word)


@lru_cache(maxsize=1)
def _legal_forms_by_key() -> dict[str, str]:
    """Spelling key -> legal-form word of five letters or more ('grup' -> 'group'), where one form has it."""
    by_key: dict[str, str | None] = {}
    for w in sorted(word_lists().legal_forms):
        if len(w) >= 5:
            k = canon(w)
            by_key[k] = w if by_key.get(k, w) == w else None
    return {k: w for k, w in by_key.items() if w is not None}


@lru_cache(maxsize=50_000)
def legal_word(word: str) -> str:
    """The legal-form word ``word`` (folded) is written for with one typo ('corporatin' -> 'corporation',
    'holdng' -> 'holding') or in another spelling ('grup', 'grooup' -> 'group'), else ``word``."""
    if len(word) >= 7:
        got = _known_word(word)
        return got if got in word_lists().legal_forms else word
    if len(word) >= 4 and word.isalpha():
        got = _legal_forms_by_key().get(canon(word))
        if got is not None:
            return got
    return _legal_form_short(word) if len(word) == 6 else word


# the Persian Ezafe written with a hyphen ("Sanaye Mokhaberat-e Iran", "Sazman-e ..."): not a word
_EZAFE = re.compile(r"(?<=[a-z])-y?e\b")
# two short syllables joined by a hyphen, the second in lower case: a Chinese name written syllable by syllable
_SYLLABLES = re.compile(r"\b([A-Za-z]{2,6})-([a-z]{2,6})\b")
# one pinyin syllable written on its own with a capital ('Bei Hang')
_SYLLABLE = re.compile(r"[A-Z][a-z]{1,5}")


def _join_syllables(m: re.Match[str]) -> str:
    """'Guo-wei' -> 'Guowei'; a word the lists know ('Hi-tech', 'Sci-tech') stays two words."""
    wl = word_lists()
    known = wl.abbreviations.keys() | wl.dropped | wl.generic
    a, b = m.group(1), m.group(2)
    return m.group(0) if a.lower() in known or b in known else a + b


@lru_cache(maxsize=200_000)
def canon(word: str) -> str:
    """A spelling key shared by common transliteration variants: Shahid/Shaheed, Zhukovskiy/Joukovski,
    Rosoboronexport/Rosoboroneksport, Tupolev/Toupolev, doubled letters."""
    wl = word_lists()
    if word in wl.spelled_as_written:
        return word
    w = word
    for rx, rep in wl.transliteration:
        w = rx.sub(rep, w)
    return w


def is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name)) and sum(c.isalpha() for c in name) >= 2


# single capital letters joined by one kind of mark: a hyphen, a Unicode hyphen or dash, or a dot, a space after
# it or not ('A-K-S', 'A‑K‑S', 'A–K–S', 'A.K.S.', 'A. K. S.', 'T.R.O.S')
_LETTERS_TEXT = re.compile("[A-Z](\\s?[-.\u2010-\u2014]\\s?)[A-Z](?:\\1[A-Z]){0,3}\\.?")
_LETTER_SEPS = frozenset({"-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014"})
_LETTERS_TOKEN = re.compile("[A-Z]([.\u2010\u2011])[A-Z](?:\\1[A-Z]){0,3}\\.?")
_QUOTES = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')


def letters_key(text: str) -> str | None:
    """The letters of ``text`` joined by '-' when it is two to five single capital letters joined by one kind of
    mark ('A.K.S.', 'A–K–S', 'A. K. S.' -> 'A-K-S'); None for any other text."""
    text = text.strip()
    if not _LETTERS_TEXT.fullmatch(text):
        return None
    return "-".join(c for c in text if "A" <= c <= "Z")


def _letters_name(raw: str, dropped: frozenset[str]) -> str | None:
    """A listed name of single letters ('LLC A-K-S', 'OOO “A-K-S”', 'M.A.C.', 'T.R.O.S'), legal forms and
    quotation marks aside, as its letters joined by '-' ('A-K-S'); None for any other name. Its normalised words
    are single letters, some of them connecting words ('a', 's'), so it is indexed as this acronym instead."""
    core = [w for w in _QUOTES.sub(" ", raw).split() if fold(w).strip(".") not in dropped]
    key = letters_key(core[0]) if len(core) == 1 else None
    # three letters or more: 'N.V. Co', 'E.X. Co' are letters of a legal form or too few to name a body
    return key if key is not None and len(key) >= 5 else None


@dataclass(slots=True)
class Name:
    """One listed name or alias of an entry, as indexed."""

    entry: int
    raw: str
    words: tuple[str, ...]
    keys: tuple[str, ...]  # canon(words)
    generic: bool  # of generic words only, or a name the lists give for several countries
    # per word: (word, key, idf weight, kind, lax): what span scoring reads of each word, decided once per name;
    # kind (what its absence from a span means): _TYPE, _PLACE (a place, a parent group or an initial), _GENERIC
    # or _REQUIRED; lax: a generic, type or place word (it makes no match specific)
    terms: tuple[tuple[str, str, float, int, bool], ...] = ()
    required: tuple[tuple[str, str], ...] = ()  # (word, key) of the words a span must hold (``_plausible``)


@dataclass(slots=True)
class Hit:
    """Listed names found at tokens ``start:end`` of a block."""

    start: int
    end: int
    names: list[int]  # indices into ScreeningIndex.names
    how: str  # exact | typo | acronym | reordered | fuzzy
    score: float = 1.0
    evidence: list[str] = field(default_factory=list)


# -- compiling the index -------------------------------------------------------------------------------------------


def _names_of(entry: ListEntry, dropped: frozenset[str]) -> dict[str, bool]:
    """An entry's names and aliases, each with whether it was shortened: 'Institute of Applied Physics (IAP)'
    also as the name without the brackets and as the acronym 'IAP'; '... of the Russian Academy of Sciences'
    also without that part (shortened)."""
    names = [entry.name, *entry.aliases]
    for n in names[:]:
        if "(" in n:
            names.append(_PARENS.sub(" ", n))
            names += [m for m in _PAREN_TEXT.findall(n) if is_acronym(m) and m.lower() not in dropped]
    names += [f for n in names for f in initials_forms(n)]
    # a name of single letters, as the acronym a text's letters are read as ('LLC A-K-S' -> 'A-K-S')
    names += [k for n in names if (k := _letters_name(n, dropped)) is not None]
    out = dict.fromkeys(names, False)
    for n in names:
        every = n
        for rx in word_lists().optional_parts:
            short = rx.sub(" ", n).strip(" ,")
            if short != n.strip(" ,") and len(short.split()) >= 2:
                out.setdefault(short, True)
            every = rx.sub(" ", every).strip(" ,")
        # a name with two parts texts leave out, both left out ('Federal Autonomous Institution Central
        # Institute of Engine-Building N.A. P.I. Baranov' written 'Central Institute of Engine-Building')
        if every != n.strip(" ,") and len(every.split()) >= 2:
            out.setdefault(" ".join(every.split()), True)
    return out


def _blob(strings: Iterable[str], sep: str = "\n") -> np.ndarray:
    return np.frombuffer(sep.join(strings).encode("utf-8"), dtype=np.uint8)


def _strings(blob: np.ndarray, sep: str = "\n") -> list[str]:
    return blob.tobytes().decode("utf-8").split(sep) if len(blob) else []


def _ids(values: Iterable[int]) -> np.ndarray:
    """Non-negative ids as the smallest unsigned array that holds them (the index ships as it is built)."""
    a = np.fromiter(values, dtype=np.int64)
    return a.astype(np.uint16 if not len(a) or a.max() < 2**16 else np.uint32)


def _csr(groups: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Groups of ids as (pointers, ids): group ``i`` is ``ids[ptr[i]:ptr[i + 1]]``."""
    ptr = np.zeros(len(groups) + 1, dtype=np.int32)
    ptr[1:] = np.cumsum([len(g) for g in groups])
    return ptr, _ids(x for g in groups for x in g)


def _generic(words: tuple[str, ...], wl: WordLists) -> bool:
    """A name that says what kind of body it is, not which one: one short word, or generic words of which fewer
    than three are more than the kind of organisation ('Institute of Applied Physics', not 'Central Research
    Institute of Machine Building')."""
    if len(words) == 1 and len(words[0]) < 4:
        return True
    if not all(w in wl.generic or w in wl.dropped for w in words):
        return False
    return sum(w not in wl.organisation_types for w in words) < 3


def _deletions(word: str) -> set[str]:
    """``word`` and every word made by dropping one of its letters."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _hash64(s: str) -> int:
    """A stable 64-bit hash (the same in every process, unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")


def _hashed_groups(groups: dict[str, list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Groups of names by a string, as (sorted hashes of the strings, CSR pointers, names)."""
    items = sorted((_hash64(key), names) for key, names in groups.items())
    ptr, flat = _csr([names for _, names in items])
    return np.array([h for h, _ in items], dtype=np.uint64), ptr, flat


def compile_index(entries: Sequence[ListEntry], table_digest: str = "") -> dict[str, np.ndarray]:
    """Every name and alias of ``entries`` normalised, as flat arrays: what ``ScreeningIndex`` loads.

    Names (raw text, entry, words, flags), the word and spelling-key vocabularies, document frequencies, the
    word trie, first words, and the names grouped by words and by key set. ``table_digest`` identifies the
    designations table the arrays were made from (see ``read_index``)."""
    wl = word_lists()
    dropped = wl.dropped
    raws: list[str] = []
    name_entry: list[int] = []
    name_words_: list[tuple[str, ...]] = []
    flags: list[int] = []
    firsts: set[str] = set()
    for i, e in enumerate(entries):
        for raw, shortened in _names_of(e, dropped).items():
            raw = " ".join(raw.split())
            if not raw:
                continue
            groups = False
            if is_acronym(raw):
                if len(raw) < 3 or raw.lower() in dropped:
                    continue
                words: tuple[str, ...] = (raw.lower(),)
                flag = _ACRONYM_FLAG
            else:
                words = name_words(raw)
                if not words or len(words) > MAX_NAME_WORDS:
                    continue
                short = all(len(w) <= 3 for w in words)
                groups = short and letter_groups(words)
                if short and not groups and not _short_company(raw, words, dropped) and not _numbered(words):
                    continue  # 'LLC A-K-S': letters, not a name (its letters are indexed as 'A-K-S')
                # a short name written with its legal form is matched only with that form beside it
                # (``legal_written``), which says which body it is as a place would
                flag = _SHORT_FLAG if short else 0
                firsts.add(words[0])
                firsts.update(x for x in _SPLIT.findall(fold(raw.split()[0])) if x)
                if "&" in raw.split()[0]:
                    firsts.add(raw.split()[0].lower())  # 'M&K', one token of a text, as spaCy reads it
            if (_generic(words, wl) and not flag & _SHORT_FLAG) or groups:
                # a name of short letter groups ('VZ RTO') may be letters of other bodies: as a generic name,
                # it is the body where the text places it in the entry's country or city, else a check
                flag |= _GENERIC_FLAG
            flag &= ~_SHORT_FLAG
            if shortened:
                flag |= _SHORTENED_FLAG
            raws.append(raw)
            name_entry.append(i)
            name_words_.append(words)
            flags.append(flag)
    vocab = sorted({w for ws in name_words_ for w in ws})
    wid = {w: j for j, w in enumerate(vocab)}
    keys = sorted({canon(w) for w in vocab})
    kid = {k: j for j, k in enumerate(keys)}
    word_key = [kid[canon(w)] for w in vocab]
    name_keys = [tuple(word_key[wid[w]] for w in ws) for ws in name_words_]
    # a name of generic words found in the lists for several countries ("Institute of Applied Physics")
    countries: dict[tuple[int, ...], set[str]] = defaultdict(set)
    for k, f in enumerate(flags):
        if f & _GENERIC_FLAG:
            countries[tuple(sorted(name_keys[k]))].update(entries[name_entry[k]].all_countries() or {"?"})
    shared = {ks for ks, cs in countries.items() if len(cs) > 1}
    for k, ks in enumerate(name_keys):
        if tuple(sorted(ks)) in shared:
            flags[k] |= _GENERIC_FLAG
    # document frequency of a key: the entries whose names (acronyms aside) hold it
    df_sets: list[set[int]] = [set() for _ in keys]
    postings: list[list[int]] = [[] for _ in keys]
    # every key of four letters or more, and each way of dropping one of its letters: two words within one
    # typo (a letter dropped, added, changed, two swapped) share one of these
    dels = sorted(
        {(zlib.crc32(v.encode()), j) for j, key in enumerate(keys) if len(key) >= 4 for v in _deletions(key)}
    )
    word_dels = sorted(
        {(zlib.crc32(v.encode()), j) for j, w in enumerate(vocab) if len(w) >= 5 for v in _deletions(w)}
    )
    trie_parent: list[int] = []
    trie_word: list[int] = []
    edges: dict[tuple[int, int], int] = {}
    terms: list[tuple[int, int]] = []
    by_words: dict[str, list[int]] = defaultdict(list)
    by_set: dict[str, list[int]] = defaultdict(list)
    for k, ws in enumerate(name_words_):
        if flags[k] & _ACRONYM_FLAG:
            continue
        for key in set(name_keys[k]):
            df_sets[key].add(name_entry[k])
            postings[key].append(k)
        node = 0
        for w in ws:
            nxt = edges.get((node, wid[w]))
            if nxt is None:
                trie_parent.append(node)
                trie_word.append(wid[w])
                nxt = edges[(node, wid[w])] = len(trie_parent)
            node = nxt
        terms.append((node, k))
        by_words[" ".join(ws)].append(k)
        by_set[" ".join(keys[x] for x in sorted(name_keys[k]))].append(k)
    terms.sort()
    name_ptr, name_wids = _csr([[wid[w] for w in ws] for ws in name_words_])
    post_ptr, post_names = _csr(postings)
    # a token starts a name only if its words lead into the trie (not 'The', 'JSC', 'Physico' with no name
    # starting 'physics'); spaCy's string hashes of these words and of the acronyms are kept, so a scan compares
    # a block's token hashes with them directly
    from spacy.strings import get_string_id

    # another spelling of a place a name starts with ('Peking' for Beijing) starts it too
    firsts.update(w for w, x in wl.abbreviations.items() if x in wl.places)
    first_words = sorted(w for w in firsts if name_words(w) and (0, wid.get(name_words(w)[0], -1)) in edges)
    bw_hash, bw_ptr, bw_names = _hashed_groups(by_words)
    bs_hash, bs_ptr, bs_names = _hashed_groups(by_set)
    meta = {
        "format": INDEX_FORMAT,
        "table": table_digest,
        "words": wl.digest,
        "entries": len(entries),
        "names": len(raws),
    }
    return {
        "meta": _blob([json.dumps(meta, sort_keys=True)]),
        "raws": _blob(raws, _SEP),
        "name_entry": _ids(name_entry),
        "name_flags": np.array(flags, dtype=np.uint8),
        "name_ptr": name_ptr,
        "name_wids": name_wids,
        "vocab": _blob(vocab),
        "word_key": _ids(word_key),
        "keys": _blob(keys),
        "key_df": _ids(len(s) for s in df_sets),
        "post_ptr": post_ptr,
        "post_names": post_names,
        "del_hash": np.array([h for h, _ in dels], dtype=np.uint32),
        "del_key": _ids(j for _, j in dels),
        "wdel_hash": np.array([h for h, _ in word_dels], dtype=np.uint32),
        "wdel_word": _ids(j for _, j in word_dels),
        "trie_parent": _ids(trie_parent),
        "trie_word": _ids(trie_word),
        "term_node": _ids(t[0] for t in terms),
        "term_name": _ids(t[1] for t in terms),
        "firsts": _blob(first_words),
        "first_hash": np.array([get_string_id(w) for w in first_words], dtype=np.uint64),
        "acronym_hash": np.array(
            [get_string_id(r) if f & _ACRONYM_FLAG else 0 for r, f in zip(raws, flags, strict=True)],
            dtype=np.uint64,
        ),
        "bw_hash": bw_hash,
        "bw_ptr": bw_ptr,
        "bw_names": bw_names,
        "bs_hash": bs_hash,
        "bs_ptr": bs_ptr,
        "bs_names": bs_names,
    }


def index_meta(arrays: dict[str, np.ndarray]) -> dict:
    return json.loads(_strings(arrays["meta"])[0])


def write_index(arrays: dict[str, np.ndarray], path: Path) -> None:
    """The arrays as an uncompressed .npz (a zip of .npy files, no pickled objects), byte for byte the same
    for the same arrays."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            zf.writestr(info, buf.getvalue())


def read_index(path: Path, table_digest: str) -> dict[str, np.ndarray] | None:
    """The compiled arrays at ``path`` if they were made from the table with ``table_digest``, with today's
    word lists and index format; None otherwise (the caller compiles them anew)."""
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        meta = index_meta(arrays)
    except (OSError, ValueError, KeyError, IndexError):
        return None
    if (meta.get("format"), meta.get("table"), meta.get("words")) != (
        INDEX_FORMAT,
        table_digest,
        word_lists().digest,
    ):
        return None
    return arrays


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


INDEX_FILE = "index.npz"  # beside the shipped designations table


def shipped_index(table: Path) -> dict[str, np.ndarray] | None:
    """The compiled index shipped beside the designations ``table``, if it was made from that table with
    today's word lists; None when absent or stale."""
    index = table.parent / INDEX_FILE
    try:
        stamp = tuple((p.stat().st_mtime_ns, p.stat().st_size) for p in (table, index))
    except OSError:
        return None
    return _shipped(str(table), stamp)


@lru_cache(maxsize=2)
def _shipped(table: str, stamp: tuple) -> dict[str, np.ndarray] | None:
    path = Path(table)
    return read_index(path.parent / INDEX_FILE, file_digest(path))


# -- the index ---------------------------------------------------------------------------------------------------


class _Names:
    """``names[k]``: the listed name ``k`` as a ``Name``, made from the compiled arrays on first use."""

    def __init__(self, index: ScreeningIndex):
        self._index = index
        self._made: dict[int, Name] = {}

    def __len__(self) -> int:
        return len(self._index.name_entry)

    def __getitem__(self, k: int) -> Name:
        got = self._made.get(k)
        if got is None:
            ix = self._index
            words = ix.words_of(k)
            all_keys = ix.keys
            keys = tuple(all_keys[j] for j in ix.key_ids_of(k))  # canon(words), as compiled
            lax = ix._lax
            terms = tuple(
                (w, key, ix.idf.get(key, ix.max_idf), ix._kind(key), key in lax)
                for w, key in zip(words, keys, strict=True)
            )
            got = self._made[k] = Name(
                int(ix.name_entry[k]),
                ix.raws[k],
                words,
                keys,
                bool(ix._generic_now[k]),
                terms,
                tuple((w, key) for w, key, _, _, lax_word in terms if not lax_word and len(key) > 1),
            )
        return got

    def __iter__(self):  # noqa: ANN204
        return (self[k] for k in range(len(self)))


class ScreeningIndex:
    """All names and aliases of the loaded designations, for pattern matching over text and span scoring.

    ``arrays``: what ``compile_index`` made; ``entries``: the designations' entries, or a function that reads
    them (called the first time a match needs its entry); ``not_acronyms``: listed acronyms never matched on
    their own; ``common``: everyday words (a function, called once when first needed): a name of at most two of
    them or of generic words ('The Base', 'United Aircraft Corp.') is matched only with its legal form written.
    """

    def __init__(
        self,
        arrays: dict[str, np.ndarray],
        entries: Sequence[ListEntry] | Callable[[], Sequence[ListEntry]],
        not_acronyms: Iterable[str] = (),
        common: Callable[[], frozenset[str]] | frozenset[str] = frozenset(),
    ):
        self._arrays = arrays
        self._entries = entries
        self._blocked = frozenset(not_acronyms)
        self._common = common
        meta = index_meta(arrays)
        self.n_entries = int(meta["entries"])
        self.name_entry: np.ndarray = arrays["name_entry"]
        self.name_flags: np.ndarray = arrays["name_flags"]
        self.names = _Names(self)
        wl = word_lists()
        self.generic_words, self.dropped_words = wl.generic, wl.dropped
        self.generic_keys = {canon(w) for w in wl.generic | wl.dropped}
        self.type_keys = {canon(w) for w in wl.type_words}
        self.place_keys = {canon(w) for w in wl.places | wl.parent_groups}
        self.max_idf = math.log(1 + max(1, self.n_entries))
        self._span_cache: dict[str, list[tuple[int, float]]] = {}
        self._lookup_cache: dict[str, tuple[int, ...]] = {}
        self._written_cache: dict[tuple[str, str], tuple[set[int], set[int]]] = {}
        self._typo_cache: dict[str, dict[int, float]] = {}
        self._near_cache: dict[str, set[int]] = {}
        self._word_typo_cache: dict[str, set[int]] = {}
        self._seed_cache: dict[int, bool] = {}  # ORTH hash of a word -> whether it is a seed
        # a digest of a block's ORTH hashes -> its hits; of its capitalised tokens' hashes -> their seeds
        self._block_cache: dict[bytes, list[Hit]] = {}
        self._block_seeds: dict[bytes, np.ndarray] = {}
        self._bodies: dict[str, int] = {}
        self._two_cache: dict[str, bool] = {}
        # ORTH hash of a token -> what it is to the trie walk, and whether it may be a listed word with a typo
        self._kinds: dict[int, tuple[int, int]] = {}
        self._first_typos: dict[int, bool] = {}  # ORTH hash: may be a first word with a typo
        self._first_marked: dict[int, bool | tuple[int, ...]] = {}  # ORTH hash: see _marked_kind
        self._typo_words: dict[int, bool] = {}

    @classmethod
    def from_entries(
        cls,
        entries: Sequence[ListEntry],
        not_acronyms: Iterable[str] = (),
        common: Callable[[], frozenset[str]] | frozenset[str] = frozenset(),
    ) -> ScreeningIndex:
        """An index compiled now (imported lists, a ``--lists`` folder, tests)."""
        return cls(compile_index(entries), entries, not_acronyms, common)

    def __len__(self) -> int:
        return self.n_entries

    def prepare(self) -> None:
        """Make now every look-up table a scan makes on first use (the trie, the hashes of first words and
        acronyms, the everyday words and what follows from them, the fuzzy candidate finders), and the word lists
        and their typo tables: a process that forks workers calls it before the fork, so that each worker inherits
        the tables instead of making its own. The lists' rows stay unread until a match needs them."""
        if not self.n_entries:
            return
        _known_forms()
        _legal_forms_short()
        for name, attr in vars(ScreeningIndex).items():
            if isinstance(attr, cached_property) and name != "entries":
                getattr(self, name)

    # -- what is made on first use ------------------------------------------------------------------------------

    @cached_property
    def entries(self) -> Sequence[ListEntry]:
        got = self._entries() if callable(self._entries) else self._entries
        if len(got) != self.n_entries:
            raise RuntimeError(f"the compiled index covers {self.n_entries} entries, the lists {len(got)}")
        return got

    @cached_property
    def raws(self) -> list[str]:
        return _strings(self._arrays["raws"], _SEP)

    @cached_property
    def vocab(self) -> list[str]:
        return _strings(self._arrays["vocab"])

    @cached_property
    def keys(self) -> list[str]:
        return _strings(self._arrays["keys"])

    @cached_property
    def _key_id(self) -> dict[str, int]:
        return dict(zip(self.keys, range(len(self.keys)), strict=True))

    @cached_property
    def _name_lists(self) -> tuple[list[int], list[int], list[int]]:
        """The names' words as plain lists: (pointers, word ids, key ids), for look-ups one name at a time."""
        a = self._arrays
        return a["name_ptr"].tolist(), a["name_wids"].tolist(), self._name_keys.tolist()

    def words_of(self, k: int) -> tuple[str, ...]:
        ptr, wids, _ = self._name_lists
        vocab = self.vocab
        return tuple(vocab[j] for j in wids[ptr[k] : ptr[k + 1]])

    def key_ids_of(self, k: int) -> list[int]:
        ptr, _, kids = self._name_lists
        return kids[ptr[k] : ptr[k + 1]]

    @cached_property
    def _trie(self) -> tuple[dict[str, int], dict[int, int], dict[int, int]]:
        """(word -> id, parent * V + word id -> child node, node -> where its names start in ``_term_names``):
        the word trie, as dicts of plain ints (made in bulk, nothing for the garbage collector to walk)."""
        a = self._arrays
        vocab = self.vocab
        v = max(1, len(vocab))
        word_id = dict(zip(vocab, range(len(vocab)), strict=True))
        parent = a["trie_parent"].astype(np.int64)
        edges = dict(zip((parent * v + a["trie_word"]).tolist(), range(1, len(parent) + 1), strict=True))
        nodes = a["term_node"]
        first = (
            np.flatnonzero(np.r_[True, nodes[1:] != nodes[:-1]])
            if len(nodes)
            else np.zeros(0, dtype=np.int64)
        )
        terms = dict(zip(nodes[first].tolist(), first.tolist(), strict=True))
        return word_id, edges, terms

    @cached_property
    def _term_names(self) -> tuple[list[int], list[int]]:
        a = self._arrays
        return a["term_node"].tolist(), a["term_name"].tolist()

    def _ending_at(self, node: int, at: int) -> list[int]:
        """The names that end at trie ``node`` (whose first is at ``at`` in the term list)."""
        nodes, names = self._term_names
        out = []
        while at < len(nodes) and nodes[at] == node:
            out.append(names[at])
            at += 1
        return out

    @cached_property
    def _spacy_hashes_hold(self) -> bool:
        """Whether the spaCy string hashes kept in the index are this spaCy's (they are stable across versions;
        checked on a few words all the same)."""
        from spacy.strings import get_string_id

        firsts = _strings(self._arrays["firsts"])
        pairs = zip(firsts[:3], self._arrays["first_hash"][:3].tolist(), strict=False)
        return all(get_string_id(w) == h for w, h in pairs)

    @cached_property
    def first_hashes(self) -> np.ndarray:
        """spaCy string hashes of the words a listed name can start with, sorted."""
        if self._spacy_hashes_hold:
            return _unique(self._arrays["first_hash"])
        from spacy.strings import get_string_id

        return _unique(
            np.array([get_string_id(w) for w in _strings(self._arrays["firsts"])], dtype=np.uint64)
        )

    @cached_property
    def acronyms(self) -> dict[str, list[int]]:
        """Listed acronyms (those never matched alone left out) -> their names."""
        out: dict[str, list[int]] = {}
        raws = self.raws
        for k in np.flatnonzero(self.name_flags & _ACRONYM_FLAG).tolist():
            if raws[k] not in self._blocked:
                out.setdefault(raws[k], []).append(k)
        return out

    @cached_property
    def acronym_hashes(self) -> np.ndarray:
        """spaCy string hashes of the listed acronyms (those never matched alone left out), sorted."""
        if self._spacy_hashes_hold:
            ids = [k for ks in self.acronyms.values() for k in ks]
            return _unique(self._arrays["acronym_hash"][ids]) if ids else np.zeros(0, dtype=np.uint64)
        from spacy.strings import get_string_id

        return _unique(np.array([get_string_id(a) for a in self.acronyms], dtype=np.uint64))

    @cached_property
    def common(self) -> frozenset[str]:
        return self._common() if callable(self._common) else self._common

    @cached_property
    def weak(self) -> np.ndarray:
        """Per name: at most two words, each everyday or generic ('The Base', 'United Aircraft Corp.'):
        matched only with the rest of the name, its legal form, written."""
        a = self._arrays
        everyday = self._everyday_words
        ptr = a["name_ptr"]
        n = len(ptr) - 1
        if not n:
            return np.zeros(0, dtype=bool)
        per_word = everyday[a["name_wids"]] if len(a["name_wids"]) else np.zeros(0, dtype=bool)
        all_everyday = np.minimum.reduceat(per_word.astype(np.uint8), ptr[:-1]).astype(bool)
        return all_everyday & (np.diff(ptr) <= 2) & ~(self.name_flags & _ACRONYM_FLAG).astype(bool)

    @cached_property
    def _generic_now(self) -> np.ndarray:
        """Per name: generic (see ``generic``); a name shortened by an optional part is generic unless a word of
        it is neither everyday nor generic ('Institute of Solid-State Physics' is many institutes, 'Keldysh
        Institute of Applied Mathematics' one)."""
        a = self._arrays
        flags = self.name_flags
        got = (flags & _GENERIC_FLAG) != 0
        shortened = np.flatnonzero((flags & _SHORTENED_FLAG) != 0)
        if len(shortened):
            everyday = self._everyday_words
            ptr, wids = a["name_ptr"], a["name_wids"]
            got[shortened] = [bool(everyday[wids[ptr[k] : ptr[k + 1]]].all()) for k in shortened.tolist()]
        return got

    @cached_property
    def _everyday_words(self) -> np.ndarray:
        """Per listed word: everyday (``common``) or generic."""
        common, generic = self.common, self.generic_words
        return np.fromiter(
            (w in common or w in generic for w in self.vocab), dtype=bool, count=len(self.vocab)
        )

    @cached_property
    def _postings_of(self) -> np.ndarray:
        """Per key: whether it finds fuzzy candidates (in a name that is not weak, in few entries)."""
        a = self._arrays
        ptr, names = a["post_ptr"], a["post_names"]
        strong = np.zeros(len(names) + 1, dtype=np.int64)
        strong[1:] = np.cumsum(~self.weak[names]) if len(names) else []
        return (strong[ptr[1:]] - strong[ptr[:-1]] > 0) & (a["key_df"] <= MAX_DF)

    @cached_property
    def idf(self) -> dict[str, float]:
        n = max(1, self.n_entries)
        df = self._arrays["key_df"]
        held = np.flatnonzero(df > 0)  # keys of acronyms only have no document frequency
        idf = np.log(1 + n / df[held].astype(np.float64)).tolist()
        keys = self.keys
        return {keys[j]: x for j, x in zip(held.tolist(), idf, strict=True)}

    @cached_property
    def postings(self) -> frozenset[str]:
        """The keys that find fuzzy candidates."""
        keys = self.keys
        return frozenset(keys[j] for j in np.flatnonzero(self._postings_of).tolist())

    @cached_property
    def _finders(self) -> tuple[np.ndarray, np.ndarray]:
        """Per key id (as pointers and names): the names that key finds as fuzzy candidates. A name (not weak,
        generic or an acronym) is found by one word only: the rarest of the distinctive words a span must hold
        (see ``_plausible``), else, when it has none ('National University of Defense Technology', 'Pedagogical
        University'), the rarest of its distinctive words: a span without that word is not written for it."""
        a = self._arrays
        ptr = a["name_ptr"].astype(np.int64)
        n, keys = len(ptr) - 1, len(self.keys)
        kid = self._name_keys.astype(np.int64)
        owner = np.repeat(np.arange(n), np.diff(ptr))
        eligible = ~self.weak & ((self.name_flags & _ACRONYM_FLAG) == 0) & ~self._generic_now
        pos = np.flatnonzero(eligible[owner] & self._distinct[kid])
        req = self._required[kid[pos]]
        pos = pos[
            np.lexsort((kid[pos], a["key_df"][kid[pos]], ~req, owner[pos]))
        ]  # per name: required, rarest
        first = pos[np.r_[True, owner[pos][1:] != owner[pos][:-1]]] if len(pos) else pos
        pairs = _unique(kid[first] * max(1, n) + owner[first])
        pair_key, pair_name = pairs // max(1, n), pairs % max(1, n)
        fptr = np.zeros(keys + 1, dtype=np.int64)
        np.add.at(fptr, pair_key + 1, 1)
        return np.cumsum(fptr), pair_name

    @cached_property
    def seed_keys(self) -> frozenset[str]:
        """Distinctive keys of four letters or more, not generic, that find fuzzy candidates (see ``_finders``),
        or that are words of a name found by a word too short to seed a run ('Stratum' of 'Stratum FT Limited',
        found by 'FT'): a capitalised run around a word that finds no listed name is not read for one ('Sites',
        'Travel')."""
        generic, keys = self.generic_keys, self.keys
        capable = self._distinct & (self._key_len >= 4)
        capable &= np.fromiter((k not in generic for k in keys), dtype=bool, count=len(keys))
        ptr, names = self._finders
        seed = capable & (ptr[1:] > ptr[:-1])
        finder = np.repeat(np.arange(len(keys)), np.diff(ptr))  # the finder key of each found name
        orphans = names[~capable[finder]].tolist()
        if orphans:
            name_ptr = self._arrays["name_ptr"]
            kid = self._name_keys[np.concatenate([np.arange(name_ptr[k], name_ptr[k + 1]) for k in orphans])]
            seed[kid[capable[kid]]] = True
        return frozenset(keys[j] for j in np.flatnonzero(seed).tolist())

    @cached_property
    def _group_hashes(self) -> dict[str, list[int]]:
        return {t: self._arrays[f"{t}_hash"].tolist() for t in ("bw", "bs")}

    def _group(self, table: str, key: str) -> list[int]:
        """The names grouped under ``key`` in the compiled groups ``table`` (bw: by words, bs: by key set)."""
        hashes = self._group_hashes[table]
        h = _hash64(key)
        j = bisect_left(hashes, h)
        if j == len(hashes) or hashes[j] != h:
            return []
        a = self._arrays
        ptr = a[f"{table}_ptr"]
        return a[f"{table}_names"][ptr[j] : ptr[j + 1]].tolist()

    @cached_property
    def _lax(self) -> set[str]:
        """The keys a span need not hold for a name to be plausible: generic, type and place words."""
        return self.generic_keys | self.type_keys | self.place_keys

    def _kind(self, key: str) -> int:
        """What a listed word of spelling key ``key`` missing from a span means (``_similarity`` reads a type word
        before a place or initial, and those before a generic word)."""
        if key in self.type_keys:
            return _TYPE
        if key in self.place_keys or len(key) == 1:
            return _PLACE
        return _GENERIC if key in self.generic_keys else _REQUIRED

    # -- properties of names --------------------------------------------------------------------------------------

    def is_weak(self, k: int) -> bool:
        return bool(self.weak[k])

    def plain_name(self, k: int) -> bool:
        """A name of at most two words, each everyday, generic, a trade word or of three letters or fewer ('DM
        Link', 'Art Logistics LLC', 'KB Radar'): many companies of other countries write the same."""
        words = self.words_of(k)
        wl = word_lists()
        return len(words) <= 2 and all(
            len(w) <= 3 or w in self.common or w in wl.generic or w in wl.company_words for w in words
        )

    def derived_single(self, k: int) -> bool:
        """A name left with one word once its legal form is dropped ('Guowei Group', 'The Islamic Group')."""
        ptr = self._arrays["name_ptr"]
        return ptr[k + 1] - ptr[k] == 1 and len(self.raws[k].split()) > 1

    def _dropped(self, k: int) -> set[str]:
        """The words of name ``k`` that normalisation dropped (its legal form), "the", "of", "and" aside."""
        return set(_SPLIT.findall(fold(self.raws[k]))) - set(self.words_of(k)) - {"the", "of", "and"}

    def legal_written(self, k: int, written: set[str]) -> bool:
        """Whether the words ``written`` with name ``k``, a name left with one word once its legal form is dropped,
        say it is that body: its whole legal form ('AO Status'), or, for a word that is not an everyday one, one
        word of it ('Schmidt & Co.' for 'Schmidt & Co., Ltd.')."""
        want = self._dropped(k)
        if not want:
            return not self.is_weak(k)
        # as written and as read: 'Enterprises' is listed so, 'Liabiltiy' and 'Grup' are read as forms
        written = set(written) | {legal_word(w) if len(w) < 7 else _known_word(w) for w in written}
        if want <= written:
            return True
        words = self.words_of(k)
        if len(words) == 1 and len(words[0]) >= 12 and words[0] not in self.common:
            return True  # a word this long no everyday text uses names the body alone ('Promsvyazbank')
        if len(words) == 1 and len(words[0]) <= 3:
            # a word of its own legal form ('USM Holdings' for 'USM Holdings Limited'), never another form:
            # 'JSC ITC' is not 'ITC Limited', as three letters name many companies
            return not want.isdisjoint(written)
        # a word no everyday text uses, with one word of its legal form or an abbreviated legal form of its own
        # ('Aviasnab, JSC' for 'Aviasnab LLC': a body re-registered or written with another form; not the
        # 'Liability' of a heading)
        own = {w for w in written if len(w) <= 4} & word_lists().legal_forms
        return self.common.isdisjoint(self.words_of(k)) and (not want.isdisjoint(written) or bool(own))

    def _legal_near(self, k: int, start: int, end: int, n: int, word) -> bool:  # noqa: ANN001
        """Whether the legal form of name ``k`` is written around tokens ``start:end`` (see ``legal_written``)."""
        near: set[str] = set()
        for j in range(max(0, start - 3), min(n, end + 3)):
            near.update(_SPLIT.findall(fold(word(j))))
        return self.legal_written(k, near)

    def acronym_bodies(self, acronym: str) -> int:
        """How many different listed bodies an acronym stands for: entries whose names share a distinctive word
        other than the acronym, or a whole name in one country, are one body listed twice (UK and US lists: 'BSVT'
        is 'Belspetsvneshtechnika' on both, one list writing it with a typo in its primary name)."""
        got = self._bodies.get(acronym)
        if got is None:
            groups: list[set[str]] = []
            own = canon(acronym.casefold())
            for k in self.acronyms.get(acronym, ()):
                e = self.entries[int(self.name_entry[k])]
                names = [name_words(n) for n in (e.name, *e.aliases)]
                keys = {canon(w) for ws in names for w in ws if w not in self.generic_words}
                # a whole name of generic words, in one country: 'Federal Security Service' (not the 'Institute of
                # Applied Physics' of Russia and of Iran)
                keys |= {f"{e.country} {' '.join(ws)}" for ws in names if len(ws) > 1}
                keys.discard(own)
                for g in groups:
                    if g & keys:
                        g |= keys
                        break
                else:
                    groups.append(keys)
            got = self._bodies[acronym] = len(groups)
        return got

    def generic(self, k: int) -> bool:
        """A name of generic words only, or one the lists give for several countries."""
        return bool(self._generic_now[k])

    def holds(self, key: str) -> bool:
        """Whether a listed name has a word of spelling key ``key``."""
        return key in self._key_id

    def one_name_holds_two(self, text: str) -> bool:
        """Whether one listed name (not an acronym) holds two of the distinctive words of ``text`` (kept per text:
        a heading recurs on every page)."""
        got = self._two_cache.get(text)
        if got is None:
            if len(self._two_cache) > 50_000:
                self._two_cache.clear()
            keys = {canon(w) for w in name_words(text)}
            got = self._two_cache[text] = self.together([k for k in keys if self.distinctive(k)])
        return got

    def together(self, keys: Sequence[str]) -> bool:
        """Whether one listed name (not an acronym) holds two of the spelling keys ``keys``."""
        if len(keys) < 2:
            return False
        a = self._arrays
        ptr, names, key_id = a["post_ptr"], a["post_names"], self._key_id
        seen: set[int] = set()
        for key in keys:
            j = key_id.get(key)
            if j is None:
                continue
            holders = set(names[ptr[j] : ptr[j + 1]].tolist())
            if not seen.isdisjoint(holders):
                return True
            seen |= holders
        return False

    def distinctive(self, key: str) -> bool:
        return key in self.postings and self.idf.get(key, 0) > 0.35 * self.max_idf

    # -- exact look-ups ---------------------------------------------------------------------------------------

    def lookup(self, text: str) -> list[int]:
        """Names equal to ``text`` after normalisation, in the same word order or another (kept per text: a
        built-in body's names are looked up at each of its mentions)."""
        got = self._lookup_cache.get(text)
        if got is None:
            if len(self._lookup_cache) > 50_000:
                self._lookup_cache.clear()
            got = self._lookup_cache[text] = tuple(self._lookup(text))
        return list(got)

    def _lookup(self, text: str) -> list[int]:
        if is_acronym(text.strip()):
            return list(self.acronyms.get(text.strip(), ()))
        words = name_words(text)
        if not words:
            return []
        key_id = self._key_id
        if any(canon(w) not in key_id for w in words):
            return []  # a word no listed name holds, in any spelling: no name is equal to the text
        weak = self.weak
        got = [k for k in self._group("bw", " ".join(words)) if not weak[k] and self.words_of(k) == words]
        if not got:
            keys = sorted(canon(w) for w in words)
            got = [
                k
                for k in self._group("bs", " ".join(keys))
                if not weak[k] and sorted(self.names[k].keys) == keys
            ]
        # "AO STATUS" is listed; "Liability and Status" is not it: a name left with one word once its legal
        # form is dropped needs that form written too
        written = set(_SPLIT.findall(fold(text)))
        return [k for k in got if not self.derived_single(k) or self.legal_written(k, written)]

    # -- the scan over a block --------------------------------------------------------------------------------

    def scan(self, lower: np.ndarray, orth: np.ndarray, word, cap, text: str | None = None) -> list[Hit]:  # noqa: ANN001
        """Listed names and acronyms in a block; ``lower``/``orth``: its tokens' hashes, ``word(i)``: token text,
        ``cap(i)``: whether token ``i`` holds a capital letter; ``text``: the block's text, which every token's
        text is a part of (None: not known). Only a token written otherwise than in lower case (ORTH differs from
        LOWER) can start a name or be an acronym. Longest first, no overlaps."""
        if not len(lower) or not self.n_entries:
            return []
        # a block's hits follow from its tokens' texts alone: kept per block, as span scores are per span
        block = _block_key(orth)
        got = self._block_cache.get(block)
        if got is None:
            if len(self._block_cache) > 2_000:
                self._block_cache.clear()
            got = self._block_cache[block] = self._scan(lower, orth, word, cap, text)
        return [Hit(h.start, h.end, list(h.names), h.how, h.score, list(h.evidence)) for h in got]

    def _scan(self, lower: np.ndarray, orth: np.ndarray, word, cap, text: str | None = None) -> list[Hit]:  # noqa: ANN001
        hits: list[Hit] = []
        n = len(lower)
        capital = orth != lower
        caps = np.flatnonzero(capital)
        if not len(caps):
            return hits
        first = _member(self.first_hashes, lower[caps])
        starts = caps[first].tolist()
        if starts:
            starts = self._walkable(starts, orth.tolist(), word, cap)
        numbers = self._number_starts(lower, capital, caps, word)
        if numbers:
            starts = sorted(set(starts) | numbers)
        if len(self._letter_names):
            hits += self._letter_hits(caps[_member(self._letter_first_hashes, orth[caps])].tolist(), n, word)
        others = caps[~first]
        if len(others) and (text is None or _capital_marked(text)):
            # a first word written with an apostrophe or another mark inside ('IS’Vision', 'Is'vision')
            marked, marked_acronyms = self._marked_starts(others.tolist(), orth, word)
            if marked:
                starts = sorted(set(starts) | set(self._walkable(marked, orth.tolist(), word, cap)))
            hits += [Hit(i, i + 1, names, "acronym") for i, names in marked_acronyms]
        # a first word with a typo is read only before another capitalised word
        others = others[others + 1 < n]
        typo_starts = (
            self._typo_starts(others[capital[others + 1]].tolist(), orth, word) if len(others) else set()
        )
        if typo_starts:
            starts = sorted(set(starts) | typo_starts)
        if starts:
            word_id, edges, terms = self._trie
            v = max(1, len(word_id))
        # names are written capitalised ("state research center" in prose is not one): a start is written with a
        # capital, as its lower case form is ASCII and differs from it
        for i in starts:
            node, j, best, typo, depth = 0, i, None, 1.0, 0
            while j < n and j - i < 3 * MAX_NAME_WORDS:
                text = word(j)
                ws = name_words(text)
                if not ws:
                    if (
                        j == i
                        or text in (";", ":", "(", ")", "\n")
                        or (
                            text == "."
                            and j + 1 < n
                            and cap(j + 1)
                            # 'Mat. Tech. Group': the mark of a word written short, not a sentence's end
                            and fold(word(j - 1)) not in word_lists().abbreviations
                        )
                    ):
                        break
                    j += 1
                    continue
                at = node
                for w in ws:
                    x = word_id.get(w)
                    node = edges.get(node * v + x) if x is not None else None
                    if node is None:
                        break
                if node is None and (depth or i in typo_starts) and typo == 1.0 and len(ws) == 1 and cap(j):
                    # one word of a longer listed name written with a typo ('Marine Instrument Engnieering')
                    node, typo = self._typo_child(at, ws[0])
                if node is None:
                    break
                j += 1
                depth += 1
                if node in terms:
                    best = (j, self._ending_at(node, terms[node]), typo, depth)
            if best is not None and i in numbers:
                best = self._number_name(i, best, word)
            if best is not None and not (i in typo_starts and best[3] < 2):
                names = [
                    k
                    for k in best[1]
                    if not self.derived_single(k) or self._legal_near(k, i, best[0], n, word)
                ]
                if names:
                    # a typo costs its share of the name's words
                    score = round(1.0 - (1.0 - best[2]) / best[3], 3)
                    hits.append(Hit(i, best[0], names, "exact" if score == 1.0 else "typo", score))
        lone_at = caps[first]
        lone_at = lone_at[
            (lone_at > 0) & _member(self._lone_before_hashes, lower[np.maximum(lone_at - 1, 0)])
        ]
        for i in lone_at.tolist():
            lone = self._lone_word(i, n, word, cap)
            if lone:
                hits.append(Hit(i, i + 1, lone, "exact"))
        for i in caps[_member(self.acronym_hashes, orth[caps])].tolist():
            hits.append(Hit(i, i + 1, list(self.acronyms.get(word(i), ())), "acronym"))
        return _longest(hits)

    @cached_property
    def _number_first_hashes(self) -> np.ndarray:
        """spaCy hashes of the bare numbers a listed name starts with ('20' of 'Open Joint Stock Company 20
        Aviation Repair Plant', '558' of '558 Aircraft Repair Plant JSC'), sorted."""
        from spacy.strings import get_string_id

        numbers = [w for w in _strings(self._arrays["firsts"]) if w.isdigit() and len(w) <= 4]
        return _unique(np.array([get_string_id(w) for w in numbers], dtype=np.uint64))

    def _number_starts(self, lower: np.ndarray, capital: np.ndarray, caps: np.ndarray, word) -> set[int]:  # noqa: ANN001
        """Tokens of a bare number a listed name starts with, written right before a capitalised word and not a
        year, nor a day before a month ('On 25 January Committee members ...'): the walk reads a name from them
        as from a capitalised word; ``_number_name`` keeps only what is that name in full."""
        before = caps[caps > 0] - 1
        before = before[~capital[before]]
        if not len(before) or not len(self._number_first_hashes):
            return set()
        before = before[_member(self._number_first_hashes, lower[before])]
        months = word_lists().months
        return {
            i
            for i in before.tolist()
            if not (len(word(i)) == 4 and _YEAR_LIKE.match(word(i)))
            and fold(word(i + 1)).strip(".") not in months
        }

    def _number_name(self, i: int, best: tuple, word) -> tuple | None:  # noqa: ANN001
        """What a walk from the number at token ``i`` found (``best``: end, names, typo, depth), kept only as a
        listed name in full that holds the number as written, bare (not '12th Institute' for '12 Institute'),
        read without a typo, of the number and two words or more, or one word that is no everyday word ('20 ARZ',
        not '81 UAV' or '28 Radio', which count things): a number before capitalised words is as often a count,
        a list item's or a section's number ('20 Aviation students', '3 Institute of Physics')."""
        end, names, typo, depth = best
        if typo != 1.0 or depth < 2:
            return None
        if depth == 2 and self._everyday_word(word(i + 1)):
            return None
        bare = re.compile(rf"(?<![\w.]){re.escape(word(i))}(?![\w])")
        raws = self.raws
        kept = [k for k in names if bare.search(raws[k])]
        return (end, kept, typo, depth) if kept else None

    def _everyday_word(self, text: str) -> bool:
        ws = name_words(text)
        return len(ws) == 1 and (ws[0] in self.common or ws[0] in self.generic_words)

    @cached_property
    def _letter_names(self) -> dict[str, list[int]]:
        """The listed names of single letters, by their letters joined by '-' ('A-K-S' of 'LLC A-K-S'; see
        ``_letters_name``)."""
        return {a: ks for a, ks in self.acronyms.items() if letters_key(a) == a}

    @cached_property
    def _letter_first_hashes(self) -> np.ndarray:
        """spaCy hashes of the first token of each way a text writes the letters of ``_letter_names``: the first
        letter (before a hyphen or a dash, 'A' '-' 'K' '-' 'S'), the first letter and a dot ('A.' 'K.' 'S.'), or
        all letters in one token joined by dots or a Unicode hyphen ('A.K.S.', 'T.R.O.S', 'A‑K‑S')."""
        from spacy.strings import get_string_id

        forms: set[str] = set()
        for key in self._letter_names:
            letters = key.split("-")
            forms |= {letters[0], letters[0] + ".", ".".join(letters), ".".join(letters) + "."}
            forms |= {"\u2010".join(letters), "\u2011".join(letters)}
        return _unique(np.array([get_string_id(f) for f in forms], dtype=np.uint64))

    def _letter_hits(self, at: list[int], n: int, word) -> list[Hit]:  # noqa: ANN001
        """Listed names of single letters written at tokens ``at`` with hyphens, dashes or dots, as acronyms; not
        a person's initials (a capitalised word after them that is no legal form: 'A.K.S. Rao'), nor letters of
        a longer row ('B-A-K-S')."""
        hits = []
        dropped = word_lists().dropped
        for i in at:
            got = self._letters_at(i, n, word)
            if got is None:
                continue
            end, key = got
            names = self._letter_names.get(key)
            after = word(end) if end < n else ""
            if not names or (after[:1].isupper() and fold(after).strip(".") not in dropped):
                continue
            hits.append(Hit(i, end, list(names), "acronym"))
        return hits

    @staticmethod
    def _letters_at(i: int, n: int, word) -> tuple[int, str] | None:  # noqa: ANN001
        """(end token, letters joined by '-') of single letters written from token ``i``: one token ('A.K.S.',
        'A‑K‑S'), letters and hyphens or dashes ('A' '-' 'K' '-' 'S'), or letters each with its dot ('A.' 'K.'
        'S.'); None when they are fewer than three or part of a longer row."""

        def letter(j: int, dot: bool = False) -> bool:
            w = word(j) if 0 <= j < n else ""
            return len(w) == 1 + dot and "A" <= w[0] <= "Z" and (not dot or w[1] == ".")

        w = word(i)
        if _LETTERS_TOKEN.fullmatch(w):
            return i + 1, "-".join(c for c in w if "A" <= c <= "Z")
        j = i
        if letter(i):
            if i >= 2 and word(i - 1) in _LETTER_SEPS and letter(i - 2):
                return None
            sep = word(i + 1) if i + 1 < n else ""
            while sep in _LETTER_SEPS and j + 2 < n and word(j + 1) == sep and letter(j + 2):
                j += 2
            if j + 2 < n and word(j + 1) in _LETTER_SEPS and letter(j + 2):
                return None
        elif letter(i, dot=True):
            if letter(i - 1, dot=True):
                return None
            while letter(j + 1, dot=True):
                j += 1
        key = "-".join(word(k)[0] for k in range(i, j + 1) if word(k)[0] not in _LETTER_SEPS)
        return (j + 1, key) if len(key) >= 5 else None

    def _lone_word(self, i: int, n: int, word, cap) -> list[int]:  # noqa: ANN001
        """The listed names of two words, a distinctive first word and a generic or trade word, that token ``i``
        stands for alone as an organisation ('with Megvii' for 'Megvii Technology', 'at Beihang' for 'Beihang
        University'): after 'with', 'at' or 'from', or as an item of a list or a bracket, no capitalised word
        after it. The word is of five letters or more and no everyday, generic, trade word or place. A possessive
        after it ('from Newton's innovations', 'at Turing's suggestion') makes it the owner of what follows, a
        person as often as a body: not read alone."""
        before = fold(word(i - 1)) if i else ""
        after = word(i + 1) if i + 1 < n else "."
        if after in _POSSESSIVE:
            return []
        if before in _LONE_BEFORE:
            if cap(i + 1) and after.isalpha():
                return []
        elif not (before in ("(", ",") and after in _LONE_AFTER.get(before, ())):
            return []
        ws = name_words(word(i))
        if len(ws) != 1 or len(ws[0]) < 5 or not ws[0].isalpha():
            return []
        w = ws[0]
        wl = word_lists()
        if w in self.common or w in wl.generic or w in wl.company_words or w in wl.places:
            return []
        word_id, edges, terms = self._trie
        v = max(1, len(word_id))
        node = edges.get(word_id[w]) if w in word_id else None
        if node is None:
            return []
        out: list[int] = []
        for g in self._lone_heads:
            child = edges.get(node * v + g)
            if child is not None and child in terms:
                out.extend(k for k in self._ending_at(child, terms[child]) if len(self.words_of(k)) == 2)
        return out

    @cached_property
    def _lone_heads(self) -> list[int]:
        """Ids of the listed words a lone first word may stand for a name with: generic and trade words."""
        wl = word_lists()
        word_id = self._trie[0]
        return [x for w, x in word_id.items() if w in wl.generic or w in wl.company_words]

    @cached_property
    def _lone_before_hashes(self) -> np.ndarray:
        """spaCy hashes of the lower-case tokens a lone word may follow (see ``_lone_word``)."""
        from spacy.strings import get_string_id

        return _unique(np.array([get_string_id(w) for w in (*_LONE_BEFORE, *_LONE_AFTER)], dtype=np.uint64))

    def _typo_starts(self, tokens: list[int], orth: np.ndarray, word) -> set[int]:  # noqa: ANN001
        """Of capitalised ``tokens`` no listed name starts with, each before another capitalised word (a first
        word alone is too little to read a typo in), those that may be a listed first word written with a typo
        ('NATOINAL IRANIAN OIL COMPANY'): six letters or more, no everyday word. Decided once per word."""

        def may_be_typo(i: int) -> bool:
            f = fold(word(i))
            return (
                len(f) >= 6
                and f.isalpha()
                and not self._as_spelt(f)
                and self._typo_child(0, f)[0] is not None
            )

        decided = _decided_once(self._first_typos, orth[tokens].tolist(), may_be_typo, tokens)
        return {i for i, ok in zip(tokens, decided, strict=True) if ok}

    def _marked_starts(  # noqa: ANN001 - word: token i -> its text
        self, tokens: list[int], orth: np.ndarray, word
    ) -> tuple[list[int], list[tuple[int, list[int]]]]:
        """Of capitalised ``tokens`` whose lower case is no listed first word, those holding an apostrophe (straight,
        curly or a grave accent) or a Unicode hyphen whose first name word is one ('IS’Vision', 'Is'vision' for
        the listed 'IS'Vision'; 'Minotor-Service' written with the non-breaking hyphen U+2011): the walk reads
        words so, and only the first word's look-up is by the written form. A listed acronym written with a
        Unicode hyphen ('IRGC-ASF' with U+2011) is that acronym. Returns (starts, [(token, the acronym's
        names)]); decided once per distinct text."""
        got: list[int] = []
        acronyms: list[tuple[int, list[int]]] = []
        kinds = _decided_once(
            self._first_marked, orth[tokens].tolist(), lambda t: self._marked_kind(word(t)), tokens
        )
        for i, ok in zip(tokens, kinds, strict=True):
            if ok is True:
                got.append(i)
            elif ok:
                acronyms.append((i, list(ok)))
        return got, acronyms

    def _marked_kind(self, text: str) -> bool | tuple[int, ...]:
        """What a capitalised token is for ``_marked_starts``: True a listed first word written with a mark
        inside, the names of a listed acronym written with a Unicode hyphen, False neither."""
        if not _MARKED.search(text):
            return False
        names = self.acronyms.get(_HYPHENS.sub("-", text))
        if names:
            return tuple(names)
        ws = name_words(text)
        x = self._trie[0].get(ws[0]) if ws else None
        return x is not None and self._trie[1].get(x) is not None  # the root's child: key 0 * V + word id

    def _token_kind(self, text: str) -> tuple[int, int]:
        """What token ``text`` is to the trie walk: (0, -1) no name word (a connecting word, punctuation), (1, id)
        one listed word, (2, -1) one word no name holds, (3, -1) several words (an abbreviation written out)."""
        ws = name_words(text)
        if len(ws) != 1:
            return (3 if ws else 0), -1
        x = self._trie[0].get(ws[0])
        return (1, x) if x is not None else (2, -1)

    def _may_be_typo(self, text: str, capital: bool) -> bool:
        """Whether the walk may read token ``text`` (``capital``: written with a capital) as a listed word with a
        typo: one word of five letters or more that stands for another listed word (see ``_typo_child``)."""
        ws = name_words(text)
        return capital and len(ws) == 1 and len(ws[0]) >= 5 and bool(self._written_for(ws[0]))

    def _walkable(self, starts: list[int], orth: list[int], word, cap) -> list[int]:  # noqa: ANN001
        """Of the tokens ``starts`` that can start a listed name, those whose walk can find one: a start of one
        listed word is passed over when no name ends at its word and the next token holding a name word (the
        walk passes over connecting words and punctuation, or stops there; looked for in the next three tokens)
        neither continues a listed name from it nor may stand for a word that does with a typo. What a token is
        to the walk is decided once per distinct text (by its ORTH hash in ``orth``), so a start is passed over
        with a few look-ups, and the walk (with its typo probes) runs only where a name can follow."""
        kinds, typos = self._kinds, self._typo_words
        if len(kinds) > 200_000:
            kinds.clear()
            typos.clear()
        _, edges, terms = self._trie
        v = max(1, len(self.vocab))
        n = len(orth)
        out = []
        for i in starts:
            kind, x = kinds.get(orth[i]) or kinds.setdefault(orth[i], self._token_kind(word(i)))
            if kind != 1:
                if kind == 3:
                    out.append(
                        i
                    )  # several name words: walked as before (no name word, or one unlisted: none)
                continue
            node = edges.get(x)  # the root's child: key 0 * V + word id
            if node is None:
                continue  # its word starts no name: the walk stops at once
            if node in terms:
                out.append(i)
                continue
            j, kind, x = i + 1, 0, -1
            while j < n and j <= i + _AHEAD:
                kind, x = kinds.get(orth[j]) or kinds.setdefault(orth[j], self._token_kind(word(j)))
                if kind:
                    break
                j += 1
            if not kind:
                if j < n:
                    out.append(i)  # no name word within reach: walked as before
                continue
            if kind == 3 or (kind == 1 and node * v + x in edges):
                out.append(i)
                continue
            typo = typos.get(orth[j])
            if typo is None:
                typo = typos[orth[j]] = self._may_be_typo(word(j), cap(j))
            if typo and self._typo_child(node, name_words(word(j))[0])[0] is not None:
                out.append(i)
        return out

    @cached_property
    def _key_words(self) -> tuple[np.ndarray, np.ndarray]:
        """The listed words by spelling key: (pointers per key id, word ids)."""
        word_key = self._arrays["word_key"].astype(np.int64)
        order = np.argsort(word_key, kind="stable")
        ptr = np.zeros(len(self.keys) + 1, dtype=np.int64)
        np.add.at(ptr, word_key + 1, 1)
        return np.cumsum(ptr), order

    def _written_for(self, word: str) -> dict[int, float]:
        """The listed words (ids, five letters or more) ``word`` may be written for with a typo or in another
        transliteration, and how close (``word_similarity``, at least ``WORD_SIMILARITY``)."""
        got = self._typo_cache.get(word)
        if got is None:
            if len(self._typo_cache) > 50_000:
                self._typo_cache.clear()
            key, vocab, keys, word_key = canon(word), self.vocab, self.keys, self._arrays["word_key"]
            got = {}
            for v in self._near(word, key):
                listed = vocab[v]
                if len(listed) >= 5 and listed != word:
                    r = word_similarity(word, key, listed, keys[int(word_key[v])])
                    if r >= WORD_SIMILARITY:
                        got[v] = r
            self._typo_cache[word] = got
        return got

    def _as_spelt(self, word: str) -> bool:
        """Whether ``word`` (folded) is read only as it is spelt, never as a listed word written with a typo: an
        everyday word ('Grant' is not 'Granit', 'Source' not 'Sure') or a city or province of the word lists
        ('Taiyuan' is not 'Tanyuan')."""
        return word in self.common or word in self._places

    @cached_property
    def _places(self) -> frozenset[str]:
        return word_lists().places

    def _near(self, word: str, key: str) -> set[int]:
        """The listed words ``_written_for`` scores for ``word`` (and its spelling key ``key``): those within one
        typo of it (five letters or more, not an everyday word) and those of the same key."""
        found = self._near_cache.get(word)
        if found is None:
            if len(self._near_cache) > 50_000:
                self._near_cache.clear()
            # an everyday word is read as it is spelt (its spelling key), not as a listed word with a typo
            found = set(self._word_typos(word)) if len(word) >= 5 and not self._as_spelt(word) else set()
            j = self._key_id.get(key)
            if j is not None:
                ptr, ids = self._key_words
                found.update(ids[ptr[j] : ptr[j + 1]].tolist())
            self._near_cache[word] = found
        return found

    def _typo_child(self, node: int, word: str) -> tuple[int | None, float]:
        """The child of trie ``node`` whose word ``word`` is written for with a typo (``_written_for``), and how
        close; (None, 1.0) if none."""
        if len(word) < 5:
            return None, 1.0
        _, edges, _ = self._trie
        v = max(1, len(self.vocab))
        if word not in self._typo_cache and all(
            node * v + wid not in edges for wid in self._near(word, canon(word))
        ):
            return None, 1.0  # no listed word near it follows ``node``: nothing to score
        best, best_r = None, 0.0
        for wid, r in self._written_for(word).items():
            child = edges.get(node * v + wid)
            if child is not None and r > best_r:
                best, best_r = child, r
        return (best, best_r) if best is not None else (None, 1.0)

    def is_seed(self, word: str) -> bool:
        """Whether ``word`` is a distinctive word of a listed name, by its spelling key or within a typo of it
        (five letters or more, not an everyday word: 'Directoate', 'VNIRI' for 'VNIIR'): a capitalised run around
        one may name a listed body written another way."""
        folded = fold(word)
        key = canon(folded)
        seeds = self.seed_keys
        if key in seeds:
            return True
        if len(folded) < 5 or folded in self.common or not folded.isalpha():
            return False
        word_key, keys = self._arrays["word_key"], self.keys
        if folded not in self._typo_cache and not any(
            keys[int(word_key[v])] in seeds for v in self._word_typos(folded)
        ):
            return False  # no listed word within a typo has a seed's key: nothing to score
        return any(keys[int(word_key[v])] in seeds for v in self._written_for(folded))

    def seed_tokens(self, orth: np.ndarray, strings) -> np.ndarray:  # noqa: ANN001 - a spaCy StringStore
        """Which of the tokens with ORTH hashes ``orth`` are seeds: words of letters written capitalised or in
        capitals (spaCy's IS_TITLE or IS_UPPER, and IS_ALPHA) that ``is_seed``; decided once per word."""
        if not len(orth) or not self.n_entries:
            return np.zeros(len(orth), dtype=bool)
        block = _block_key(orth)
        kept = self._block_seeds.get(block)
        if kept is None:
            if len(self._block_seeds) > 2_000:
                self._block_seeds.clear()
            kept = self._block_seeds[block] = self._seed_tokens(orth, strings)
        return kept.copy()

    def _seed_tokens(self, orth: np.ndarray, strings) -> np.ndarray:  # noqa: ANN001
        # a dict look-up per token: sorting a block's hashes to decide each distinct one once cost more than
        # the look-ups of its repeats (np.unique, about 30 us a block)
        cache, is_seed = self._seed_cache, self.is_seed
        if len(cache) > 200_000:
            cache.clear()
        get = cache.get
        got = []
        for h in orth.tolist():
            s = get(h)
            if s is None:
                w = strings[h]
                # capitalised, in capitals or in camel case ('AppTec', 'WuXi', 'HiFar')
                s = cache[h] = w[:1].isupper() and w.isalpha() and is_seed(w)
            got.append(s)
        return np.array(got, dtype=bool)

    # -- fuzzy scoring of a span ------------------------------------------------------------------------------

    def score_span(self, text: str, threshold: float | None = None) -> list[tuple[int, float]]:
        """(name index, score) of listed names this span may be written for, best first, at or above
        ``threshold``; scores are 0..1 and equal 1.0 for a name equal after normalisation."""
        got = self._span_cache.get(text)
        if got is None:
            if len(self._span_cache) > 50_000:
                self._span_cache.clear()
            got = self._span_cache[text] = self._score(text)
        limit = POSSIBLE if threshold is None else threshold
        return [(k, s) for k, s in got if s >= limit]

    def plain(self, text: str) -> bool:
        """Whether ``text`` is made of everyday and generic words only ('Consortium Agreement', 'Project
        Coordinator'): it is a listed name only as written, never written another way."""
        common, generic = self.common, self.generic_words
        return all(w in common or w in generic for w in name_words(text))

    def _score(self, text: str) -> list[tuple[int, float]]:
        got = self._score_text(text)
        if " " in text and max((sc for _, sc in got), default=0.0) < DESIGNATED:
            joined = self._joined_syllables(text)
            if joined is not None:
                best = dict(got)
                for k, sc in self._score_text(joined):
                    best[k] = max(sc, best.get(k, 0.0))
                got = sorted(best.items(), key=lambda x: -x[1])[:20]
        return got

    def _joined_syllables(self, text: str) -> str | None:
        """``text`` with two short capitalised syllables written apart joined ('Bei Hang University' -> 'Beihang
        University'), where together they are a distinctive word of a listed name: a Chinese name written syllable
        by syllable (read only when the text as written scores no name at the designated bar); None when there are none."""
        parts = text.split()
        out, i = [], 0
        while i < len(parts):
            a = parts[i]
            if i + 1 < len(parts) and _SYLLABLE.fullmatch(a) and _SYLLABLE.fullmatch(parts[i + 1]):
                b = parts[i + 1]
                if self.distinctive(canon(fold(a + b))):
                    out.append(a + b.lower())
                    i += 2
                    continue
            out.append(a)
            i += 1
        return " ".join(out) if len(out) < len(parts) else None

    def _score_text(self, text: str) -> list[tuple[int, float]]:
        if not self.n_entries:
            return []
        exact = self.lookup(text)
        if exact:
            return [(k, 1.0) for k in exact]
        words = name_words(text)
        if self.plain(text):
            return []  # everyday and generic words only: a listed name of them is matched as written (above)
        keys = [canon(w) for w in words]
        # candidates: names sharing a distinctive word with the span, as written or within a typo; of those, only
        # the names whose rarest distinctive word the span holds (as written, within a typo or written short) can
        # score, so only they are looked up
        close: set[int] = set()
        short: set[int] = set()
        for w, key in zip(words, keys, strict=True):
            a, b = self._written_as(w, key)
            close |= a
            short |= b
        if not close:
            return []
        # a name found by a key of ``close`` holds it (a name is found by one of its own words); one found only by
        # a word written short must hold another key of ``close``
        cand: set[int] = set()
        by_short: set[int] = set()
        ptr, names = self._finders
        for j in close | short:
            (cand if j in close else by_short).update(names[ptr[j] : ptr[j + 1]].tolist())
        cand |= {k for k in by_short - cand if not close.isdisjoint(self.key_ids_of(k))}
        if not cand or len(cand) > 3000:
            return []
        out = []
        written = set(_SPLIT.findall(fold(text)))
        legal = not written.isdisjoint(word_lists().legal_forms)
        for k in self._plausible(sorted(cand), words, keys):  # ties keep the lists' order
            if self.derived_single(k) and not self.legal_written(k, written):
                continue  # one word left once the legal form is dropped: only with that form written
            s = self._similarity(words, keys, self.names[k], legal)
            if s >= POSSIBLE - 0.1:
                out.append((k, round(s, 3)))
        out.sort(key=lambda x: -x[1])
        return out[:20]

    @cached_property
    def _name_keys(self) -> np.ndarray:
        """The key id of every word of every name (aligned with the names' words)."""
        return self._arrays["word_key"][self._arrays["name_wids"]]

    @cached_property
    def _required(self) -> np.ndarray:
        """Per key id: whether a name lacking it is another body (neither a generic nor a type word)."""
        lax = self.generic_keys | self.type_keys
        return np.fromiter((k not in lax for k in self.keys), dtype=bool, count=len(self.keys))

    @cached_property
    def _key_len(self) -> np.ndarray:
        return np.fromiter((len(k) for k in self.keys), dtype=np.int32, count=len(self.keys))

    @cached_property
    def _required_at(self) -> list[bool]:
        """Per word of every name (aligned with the names' words): whether a span must hold it for the name to be
        plausible (``Name.required``: neither a generic, type or place word nor a single letter), made in bulk so
        that a candidate is checked without making its ``Name``."""
        lax = self._lax
        per_key = np.fromiter((k in lax or len(k) <= 1 for k in self.keys), dtype=bool, count=len(self.keys))
        return (~per_key[self._name_keys]).tolist() if len(per_key) else []

    def _plausible(self, cand: list[int], words: tuple[str, ...], keys: list[str]) -> list[int]:
        """Of the candidate names ``cand`` (in order), those not generic whose every distinctive word the span
        (its ``words`` and their ``keys``) holds, or holds within a typo or written short: the others score 0 (see
        ``_similarity``). Read from the compiled names' words, the names' ``required`` words in their order."""
        key_id = self._key_id
        held = {key_id[x] for x in keys if x in key_id}
        present: dict[int, bool] = {}
        out = []
        generic, required = self._generic_now, self._required_at
        ptr, wids, kids = self._name_lists
        vocab, all_keys = self.vocab, self.keys
        for k in cand:
            if generic[k]:
                continue  # generic names count only when written exactly
            for p in range(ptr[k], ptr[k + 1]):
                if not required[p] or kids[p] in held:
                    continue
                got = present.get(wids[p])
                if got is None:
                    word, key = vocab[wids[p]], all_keys[kids[p]]
                    got = present[wids[p]] = any(
                        word_similarity(w, sk, word, key) >= WORD_SIMILARITY
                        for w, sk in zip(words, keys, strict=True)
                    )
                if not got:
                    break
            else:
                out.append(k)
        return out

    def _typos(self, word: str) -> set[int]:
        """The ids of the keys (four letters or more) within one typo of ``word``: a letter dropped, added,
        changed, or two swapped; they share a word with a letter dropped."""
        return _probe(self._arrays["del_hash"], self._arrays["del_key"], word)

    def _word_typos(self, word: str) -> set[int]:
        """The ids of the listed words (five letters or more) within one typo of ``word`` (kept per word: seeds,
        the trie walk and span scoring ask for the same capitalised words)."""
        got = self._word_typo_cache.get(word)
        if got is None:
            if len(self._word_typo_cache) > 50_000:
                self._word_typo_cache.clear()
            got = self._word_typo_cache[word] = _probe(
                self._arrays["wdel_hash"], self._arrays["wdel_word"], word
            )
        return got

    @cached_property
    def _distinct(self) -> np.ndarray:
        """Per key id: whether it is distinctive (see ``distinctive``)."""
        df = self._arrays["key_df"]
        idf = np.zeros(len(df), dtype=np.float64)
        held = df > 0
        idf[held] = np.log(1 + max(1, self.n_entries) / df[held].astype(np.float64))  # as ``idf``
        return self._postings_of & (idf > 0.35 * self.max_idf)

    def _written_as(self, word: str, key: str) -> tuple[set[int], set[int]]:
        """For a word of a span (folded, and its spelling key): the ids of the distinctive keys it stands for
        (the same key, or, for a word that is not an everyday one, within one typo of that key or of a listed word,
        as close as ``WORD_SIMILARITY``), and of the keys that find candidates it may be written short for (three
        letters or more: 'Phys'). An everyday word finds no candidates through a typo ('Grant' is not 'Granit',
        'Source' not 'Sure'): the typo probes of a document are made for its rarer words only."""
        got = self._written_cache.get((word, key))
        if got is None:
            if len(self._written_cache) > 50_000:
                self._written_cache.clear()
            keys, key_id, distinct = self.keys, self._key_id, self._distinct
            close = {key_id[key]} if key in key_id else set()
            everyday = self._as_spelt(word)
            if len(key) >= 4 and not everyday:
                close |= {j for j in self._typos(key) if fuzz.ratio(key, keys[j]) / 100.0 >= WORD_SIMILARITY}
            if len(word) >= 5 and not everyday:
                vocab, word_key = self.vocab, self._arrays["word_key"]
                for v in self._word_typos(word):
                    j = int(word_key[v])
                    if word_similarity(word, key, vocab[v], keys[j]) >= WORD_SIMILARITY:
                        close.add(j)
            short = set()
            if len(key) >= 3 and 0.9 >= WORD_SIMILARITY:  # the score of a word written short
                ptr, length = self._finders[0], self._key_len
                for j in range(bisect_left(keys, key), bisect_left(keys, key + "{")):
                    if length[j] > len(key) and ptr[j + 1] > ptr[j]:
                        short.add(j)
            got = self._written_cache[(word, key)] = ({j for j in close if distinct[j]}, short)
        return got

    def _similarity(self, words: tuple[str, ...], span: list[str], nm: Name, legal: bool = False) -> float:
        """idf-weighted share of the name's words found in the span (its ``words`` and their keys ``span``), less
        the span's unmatched distinctive words; ``legal``: whether the span writes a legal form."""
        used: set[int] = set()
        num = den = 0.0
        type_mismatch = False
        same = 0  # name words the span holds as they are listed
        place_missing = specific = False
        for word, key, w, kind, lax in nm.terms:
            den += w
            best, best_j = 0.0, -1
            if key in span:  # the first unused span word with the same key
                best_j = next((j for j, sk in enumerate(span) if sk == key and j not in used), -1)
                best = 1.0 if best_j >= 0 else 0.0
            if best_j < 0:
                for j, sk in enumerate(span):
                    if j in used:
                        continue
                    r = word_similarity(words[j], sk, word, key)
                    if r >= WORD_SIMILARITY and r > best:
                        best, best_j = r, j
            if best_j >= 0:
                used.add(best_j)
                same += best == 1.0
                specific = specific or not lax
            elif kind == _TYPE:
                type_mismatch = True
            elif kind == _PLACE:
                # a city ('HiFar Technology' for 'Beijing HiFar Technology') or an initial ('named after Kartsev'
                # for '... M.A. Kartsev') left out counts little
                place_missing = True
                den -= w * (1.0 - PLACE_WEIGHT)
            elif kind == _REQUIRED:
                return 0.0  # a distinctive word of the listed name is missing: another body
            num += w * best
        if place_missing and not specific:
            return 0.0  # 'Institute of Technology' is not 'Beijing Institute of Technology'
        idf, generic_keys, type_keys = self.idf, self.generic_keys, self.type_keys
        extra = sum(
            idf.get(sk, 0.5 * self.max_idf) * (0.5 if sk in generic_keys else 1.0)
            for j, sk in enumerate(span)
            if j not in used and len(sk) > 1  # initials ('V.P. Makeyev') say nothing of which body
        )
        type_mismatch = type_mismatch or any(sk in type_keys for j, sk in enumerate(span) if j not in used)
        if type_mismatch:
            num *= 0.85
        if not same and len(used) < 2 and all(len(w) < (5 if legal else 8) for w in nm.words):
            # one short word written otherwise ('Orbit' for 'Orbita'): another word, not the body, unless a legal
            # form is written with it ('Sysydnamic Limited')
            return 0.0
        return num / (den + EXTRA_WEIGHT * extra) if den else 0.0


@lru_cache(maxsize=200_000)
def word_similarity(span_word: str, span_key: str, word: str, key: str) -> float:
    """How well a word of a span (folded, and its spelling key) stands for a listed word (and its key): 1.0 for
    the same key; else the closer of the two spellings by letters in common (both four letters or more; 0 below
    ``WORD_SIMILARITY``), at least 0.9 for two neighbouring letters swapped in a word of five letters or more
    ('Chsoun') or for the word written short (three letters or more: 'Phys')."""
    if span_key == key:
        return 1.0
    cut = WORD_SIMILARITY * 100 - 1e-9  # 0.87 * 100 is a hair above 87
    r = 0.0
    if len(span_key) >= 4 and len(key) >= 4:
        r = fuzz.ratio(span_key, key, score_cutoff=cut) / 100.0
    if len(span_word) >= 4 and len(word) >= 4:
        if span_word != span_key or word != key:
            r = max(r, fuzz.ratio(span_word, word, score_cutoff=cut) / 100.0)
        if r < 0.9 and len(word) >= 5 and len(span_word) == len(word) and _swapped(span_word, word):
            r = 0.9
    if r < 0.9 and 3 <= len(span_key) < len(key) and key.startswith(span_key):
        r = 0.9
    return r


def _swapped(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with two neighbouring letters swapped ('Chsoun', 'Chosun')."""
    if len(a) != len(b) or a == b:
        return False
    i = next(i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


def _probe(hashes: np.ndarray, ids: np.ndarray, word: str) -> set[int]:
    """The ids a one-deletion index (sorted ``hashes`` of deletions, their ``ids``) holds for ``word`` and its
    one-letter deletions."""
    probe = np.fromiter((zlib.crc32(v.encode()) for v in _deletions(word)), dtype=np.uint32)
    at = np.searchsorted(hashes, probe)
    at[at == len(hashes)] = 0
    found: set[int] = set()
    for j in at[hashes[at] == probe].tolist() if len(hashes) else ():
        h = hashes[j]
        while j < len(hashes) and hashes[j] == h:
            found.add(int(ids[j]))
            j += 1
    return found


def _block_key(hashes: np.ndarray) -> bytes:
    """A block's token hashes as a short key (a digest, not the hashes: a long block would be kept whole)."""
    return hashlib.blake2b(hashes.tobytes(), digest_size=16).digest()


def _unique(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: ``np.unique`` without it importing ``numpy.ma`` (15 ms of a first scan)."""
    got = np.sort(values, kind="stable")
    return got[np.r_[True, got[1:] != got[:-1]]] if len(got) else got


def _member(sorted_values: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Per value of ``values``: whether it is in the sorted array ``sorted_values``."""
    if not len(sorted_values):
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(sorted_values, values)
    at[at == len(sorted_values)] = 0
    return sorted_values[at] == values


def _longest(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    taken: set[int] = set()
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if not any(i in taken for i in range(h.start, h.end)):
            out.append(h)
            taken.update(range(h.start, h.end))
    return sorted(out, key=lambda h: h.start)
