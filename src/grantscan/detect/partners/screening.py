"""Screening: every listed name and alias as a pattern over the whole text, and fuzzy scoring of name spans.

One index is built over all names and aliases of the loaded designations. Each name is normalised to words
(case, diacritics, punctuation, abbreviations, adjective forms, legal-form and connecting words dropped) and
put in a word trie. A block is scanned from the tokens whose lower-case form can start a name (one numpy
look-up over the block's LOWER hashes), so the cost is linear in the text and independent of the organisation
recogniser. Acronyms given as names or aliases are matched case-sensitively as whole tokens.

Names written another way (word order, transliteration, a typo, a cut-short name) are found by ``score_span``
on candidate spans (capitalised runs, recogniser output, NER): candidates share a distinctive word (after
transliteration folding) with the span, and are scored by the idf-weighted share of the listed name's words
found in the span, less the span's own distinctive words the name lacks.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from ...knowledge.designations import Designations, ListEntry
from .words import word_lists

# The two score thresholds of a fuzzy match (fitted on tests/partners/labelled.jsonl, tuning part: see
# scripts/evaluate_partners.py --fit): at or above DESIGNATED a span is the listed body, at or above POSSIBLE a
# person should check it.
DESIGNATED = 0.86
POSSIBLE = 0.75
EXTRA_WEIGHT = 0.6  # how much a span's own distinctive words, absent from the listed name, count against it
# two words this similar (after transliteration folding) count as the same, in proportion
WORD_SIMILARITY = 0.87
MAX_DF = 150  # words in more names than this never find fuzzy candidates on their own
MAX_NAME_WORDS = 24

_APOS = re.compile(r"['’`´]")
_SPLIT = re.compile(r"[a-z0-9]+")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9\-&]{1,9}$")
_TERM = ""  # trie key of the names ending at a node
_PARENS = re.compile(r"\s*\([^)]*\)")
_PAREN_TEXT = re.compile(r"\(([^)]*)\)")


def fold(s: str) -> str:
    """ASCII lower case, apostrophes dropped ("Xi'an" -> "xian"), '&' as 'and'."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return _APOS.sub("", s.lower().replace("&", " and ").replace("ß", "ss"))


@lru_cache(maxsize=200_000)
def name_words(s: str) -> tuple[str, ...]:
    """The words a name is compared by: folded, abbreviations and adjective forms expanded, legal forms and
    connecting words dropped ('PJSC United Aircraft Corp.' -> ('united', 'aircraft'))."""
    wl = word_lists()
    abbreviations, dropped = wl.abbreviations, wl.dropped
    out = []
    for w in _SPLIT.findall(fold(s)):
        w = abbreviations.get(w, w)
        if w and w not in dropped:
            out.append(w)
    return tuple(out)


@lru_cache(maxsize=200_000)
def canon(word: str) -> str:
    """A spelling key shared by common transliteration variants: Shahid/Shaheed, Zhukovskiy/Joukovski,
    Rosoboronexport/Rosoboroneksport, Tupolev/Toupolev, doubled letters."""
    w = word
    for rx, rep in word_lists().transliteration:
        w = rx.sub(rep, w)
    return w


def is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name)) and sum(c.isalpha() for c in name) >= 2


@dataclass(slots=True)
class Name:
    """One listed name or alias of an entry, as indexed."""

    entry: int
    raw: str
    words: tuple[str, ...]
    keys: tuple[str, ...]  # canon(words)
    generic: bool


@dataclass(slots=True)
class Hit:
    """Listed names found at tokens ``start:end`` of a block."""

    start: int
    end: int
    names: list[int]  # indices into ScreeningIndex.names
    how: str  # exact | acronym | reordered | fuzzy
    score: float = 1.0
    evidence: list[str] = field(default_factory=list)


class ScreeningIndex:
    """All names and aliases of the loaded designations, for pattern matching over text and span scoring."""

    def __init__(
        self,
        designations: Designations,
        vocab,  # noqa: ANN001 - spacy Vocab
        not_acronyms: Iterable[str] = (),
        common: frozenset[str] = frozenset(),
    ):
        from spacy.strings import get_string_id

        self.designations = designations
        self.entries: list[ListEntry] = designations.entries
        self.names: list[Name] = []
        self.trie: dict = {}
        self.by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.by_set: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.acronyms: dict[str, list[int]] = defaultdict(list)
        self.weak: set[int] = set()  # names of everyday words, matched only with their legal form written
        wl = word_lists()
        GENERIC, LEGAL_FORMS = self.generic_words, self.dropped_words = wl.generic, wl.dropped
        blocked = set(not_acronyms)
        df: dict[str, set[int]] = defaultdict(set)
        firsts: set[str] = set()
        for i, e in enumerate(self.entries):
            names = [e.name, *e.aliases]
            for n in names[:]:  # 'Institute of Applied Physics (IAP)': the name, and 'IAP' as an acronym
                if "(" in n:
                    names.append(_PARENS.sub(" ", n))
                    names += [
                        m for m in _PAREN_TEXT.findall(n) if is_acronym(m) and m.lower() not in LEGAL_FORMS
                    ]
            for raw in dict.fromkeys(names):
                raw = " ".join(raw.split())
                if not raw:
                    continue
                if is_acronym(raw):
                    if raw not in blocked and len(raw) >= 3 and raw.lower() not in LEGAL_FORMS:
                        self.acronyms[raw].append(self._add(i, raw, (raw.lower(),)))
                    continue
                words = name_words(raw)
                if not words or len(words) > MAX_NAME_WORDS:
                    continue
                if all(len(w) <= 3 for w in words):
                    continue  # 'LLC A-K-S': letters, not a name
                weak = all(w in common or w in GENERIC for w in words) and len(words) <= 2
                k = self._add(i, raw, words)
                if weak:  # 'The Base', 'United Aircraft Corp.': everyday words, matched only with the rest
                    self.weak.add(k)
                else:
                    self.by_words[words].append(k)
                    self.by_set[tuple(sorted(self.names[k].keys))].append(k)
                node = self.trie
                for w in words:
                    node = node.setdefault(w, {})
                node.setdefault(_TERM, []).append(k)
                first = _SPLIT.findall(fold(raw.split()[0]))
                firsts.add(words[0])
                firsts.update(x for x in first if x)
                for key in set(self.names[k].keys):
                    df[key].add(i)
        n = max(1, len(self.entries))
        self.idf = {k: math.log(1 + n / len(v)) for k, v in df.items()}
        self.max_idf = math.log(1 + n)
        self.postings = {k: v for k, v in self._postings().items() if len(df[k]) <= MAX_DF}
        self.vocab_keys = sorted(self.postings)
        self.generic_keys = generic_keys = {canon(w) for w in GENERIC | LEGAL_FORMS}
        self.type_keys = {canon(w) for w in wl.type_words}
        self.seed_keys = {
            k for k in self.postings if len(k) >= 4 and self.distinctive(k) and k not in generic_keys
        }
        self.first_hashes = np.array(sorted({get_string_id(w) for w in firsts}), dtype=np.uint64)
        self.acronym_hashes = np.array(sorted({get_string_id(a) for a in self.acronyms}), dtype=np.uint64)
        # a name of generic words found in the lists for several countries ("Institute of Applied Physics")
        by_set_countries: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for nm in self.names:
            if nm.generic:
                by_set_countries[tuple(sorted(nm.keys))].update(
                    self.entries[nm.entry].all_countries() or {"?"}
                )
        self.shared = {key for key, cs in by_set_countries.items() if len(cs) > 1}
        self._span_cache: dict[str, list[tuple[int, float]]] = {}
        self._near_cache: dict[str, list[str]] = {}
        self._bodies: dict[str, int] = {}

    def _add(self, entry: int, raw: str, words: tuple[str, ...]) -> int:
        keys = tuple(canon(w) for w in words)
        generic = (
            all(w in self.generic_words or w in self.dropped_words for w in words)
            or len(words) == 1
            and len(words[0]) < 4
        )
        self.names.append(Name(entry, raw, words, keys, generic))
        return len(self.names) - 1

    def _postings(self) -> dict[str, set[int]]:
        out: dict[str, set[int]] = defaultdict(set)
        for k, nm in enumerate(self.names):
            if len(nm.words) == 1 and is_acronym(nm.raw) or k in self.weak:
                continue
            for key in nm.keys:
                out[key].add(k)
        return out

    def __len__(self) -> int:
        return len(self.entries)

    def derived_single(self, k: int) -> bool:
        """A name left with one word once its legal form is dropped ('Guowei Group', 'The Islamic Group')."""
        nm = self.names[k]
        return len(nm.words) == 1 and len(nm.raw.split()) > 1

    def _dropped(self, k: int) -> set[str]:
        """The words of name ``k`` that normalisation dropped (its legal form), "the", "of", "and" aside."""
        return set(_SPLIT.findall(fold(self.names[k].raw))) - set(self.names[k].words) - {"the", "of", "and"}

    def _legal_near(self, k: int, start: int, end: int, n: int, word) -> bool:  # noqa: ANN001
        """Whether the words dropped from name ``k`` are written around tokens ``start:end``."""
        want = self._dropped(k)
        if not want:
            return k not in self.weak
        near = set()
        for j in range(max(0, start - 3), min(n, end + 3)):
            near.update(_SPLIT.findall(fold(word(j))))
        return want <= near

    def acronym_bodies(self, acronym: str) -> int:
        """How many different listed bodies an acronym stands for: entries whose primary names share a
        distinctive word are one body listed twice (UK and US lists)."""
        got = self._bodies.get(acronym)
        if got is None:
            groups: list[set[str]] = []
            for k in self.acronyms.get(acronym, ()):
                keys = {
                    canon(w)
                    for w in name_words(self.entries[self.names[k].entry].name)
                    if w not in self.generic_words
                }
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
        nm = self.names[k]
        return nm.generic or tuple(sorted(nm.keys)) in self.shared

    def distinctive(self, key: str) -> bool:
        return key in self.postings and self.idf.get(key, 0) > 0.35 * self.max_idf

    # -- exact look-ups ---------------------------------------------------------------------------------------

    def lookup(self, text: str) -> list[int]:
        """Names equal to ``text`` after normalisation, in the same word order or another."""
        if is_acronym(text.strip()):
            return list(self.acronyms.get(text.strip(), ()))
        words = name_words(text)
        if not words:
            return []
        got = self.by_words.get(words) or self.by_set.get(tuple(sorted(canon(w) for w in words)), ())
        # "AO STATUS" is listed; "Liability and Status" is not it: a name left with one word once its legal
        # form is dropped needs that form written too
        written = set(_SPLIT.findall(fold(text)))
        return [k for k in got if not self.derived_single(k) or self._dropped(k) <= written]

    # -- the scan over a block --------------------------------------------------------------------------------

    def scan(self, lower: np.ndarray, orth: np.ndarray, word, cap) -> list[Hit]:  # noqa: ANN001
        """Listed names and acronyms in a block; ``lower``/``orth``: its tokens' hashes, ``word(i)``: token text,
        ``cap(i)``: whether token ``i`` holds a capital letter. Longest first, no overlaps."""
        hits: list[Hit] = []
        n = len(lower)
        if not n:
            return hits
        starts = np.flatnonzero(np.isin(lower, self.first_hashes)).tolist() if len(self.first_hashes) else []
        for i in starts:
            if not cap(i):
                continue  # names are written capitalised; "state research center" in prose is not one
            node, j, best = self.trie, i, None
            while j < n and j - i < 3 * MAX_NAME_WORDS:
                ws = name_words(word(j))
                if not ws:
                    w = word(j)
                    if j == i or w in (";", ":", "(", ")", "\n") or (w == "." and j + 1 < n and cap(j + 1)):
                        break
                    j += 1
                    continue
                for w in ws:
                    node = node.get(w)
                    if node is None:
                        break
                if node is None:
                    break
                j += 1
                if _TERM in node:
                    best = (j, node[_TERM])
            if best is not None:
                names = [
                    k
                    for k in best[1]
                    if not self.derived_single(k) or self._legal_near(k, i, best[0], n, word)
                ]
                if names:
                    hits.append(Hit(i, best[0], names, "exact"))
        if len(self.acronym_hashes):
            for i in np.flatnonzero(np.isin(orth, self.acronym_hashes)).tolist():
                hits.append(Hit(i, i + 1, list(self.acronyms.get(word(i), ())), "acronym"))
        return _longest(hits)

    def seeds(self, words: list[str], caps: list[int]) -> list[int]:
        """Of the capitalised tokens ``caps`` (indices into ``words``), those whose spelling key is a distinctive
        word of a listed name: a capitalised run around one may name a listed body written another way."""
        keys = self.seed_keys
        return [i for i in caps if canon(fold(words[i])) in keys]

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

    def _score(self, text: str) -> list[tuple[int, float]]:
        exact = self.lookup(text)
        if exact:
            return [(k, 1.0) for k in exact]
        words = name_words(text)
        if not words:
            return []
        keys = [canon(w) for w in words]
        # candidates: names sharing a distinctive key, or a key within a typo of one
        cand: set[int] = set()
        span_keys: dict[str, str] = {}  # a span key -> the listed key it stands for
        for key in keys:
            if key in self.postings:
                span_keys[key] = key
                if self.distinctive(key):
                    cand |= self.postings[key]
            elif len(key) >= 5:
                for near in self._near(key):
                    span_keys.setdefault(key, near)
                    if self.distinctive(near):
                        cand |= self.postings[near]
        if not cand or len(cand) > 3000:
            return []
        out = []
        written = set(_SPLIT.findall(fold(text)))
        for k in cand:
            nm = self.names[k]
            if self.generic(k):
                continue  # generic names count only when written exactly
            if self.derived_single(k) and not self._dropped(k) <= written:
                continue  # one word left once the legal form is dropped: only with that form written
            s = self._similarity(keys, nm)
            if s >= POSSIBLE - 0.1:
                out.append((k, round(s, 3)))
        out.sort(key=lambda x: -x[1])
        return out[:20]

    def _near(self, key: str) -> list[str]:
        got = self._near_cache.get(key)
        if got is None:
            if len(self._near_cache) > 50_000:
                self._near_cache.clear()
            found = process.extract(
                key, self.vocab_keys, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY * 100, limit=3
            )
            got = self._near_cache[key] = [m[0] for m in found]
        return got

    def _similarity(self, span: list[str], nm: Name) -> float:
        """idf-weighted share of the name's words found in the span, less the span's unmatched distinctive words."""
        used: set[int] = set()
        num = den = 0.0
        type_mismatch = False
        for key in nm.keys:
            w = self.idf.get(key, self.max_idf)
            den += w
            best, best_j = 0.0, -1
            for j, sk in enumerate(span):
                if j in used:
                    continue
                if sk == key:
                    best, best_j = 1.0, j
                    break
                r = fuzz.ratio(sk, key) / 100.0 if len(sk) >= 4 and len(key) >= 4 else 0.0
                if 3 <= len(sk) < len(key) and key.startswith(sk):
                    r = max(r, 0.9)  # a word written short ("Phys")
                if r >= WORD_SIMILARITY and r > best:
                    best, best_j = r, j
            if best_j >= 0:
                used.add(best_j)
            elif key in self.type_keys:
                type_mismatch = True
            elif key not in self.generic_keys:
                return 0.0  # a distinctive word of the listed name is missing: another body
            num += w * best
        extra = sum(
            self.idf.get(sk, 0.5 * self.max_idf) * (0.5 if sk in self.generic_keys else 1.0)
            for j, sk in enumerate(span)
            if j not in used
        )
        type_mismatch = type_mismatch or any(
            sk in self.type_keys for j, sk in enumerate(span) if j not in used
        )
        if type_mismatch:
            num *= 0.85
        return num / (den + EXTRA_WEIGHT * extra) if den else 0.0


def _longest(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    taken: set[int] = set()
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if not any(i in taken for i in range(h.start, h.end)):
            out.append(h)
            taken.update(range(h.start, h.end))
    return sorted(out, key=lambda h: h.start)
