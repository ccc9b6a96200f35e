"""The partner detector: country mentions kept by the context rules, organisation names (recogniser and
built-in list) and screening-list matches (``screening``) with the qualifiers that decide them.

One Finding is returned per mention; grouping is done by the caller.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cache, partial
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ...config import Config
from ...knowledge.designations import Designations, default_designations, load_lists
from ...model import Document, Finding, ListMatch, TextBlock
from ..tokens import lower_hashes
from . import acronyms, filters, keep, listmatch, screening, verdict
from .organisations import NO_PLACE_KINDS, ORG_TAG_SEVERITY, KnownOrg, _longest, _sev_rank, load_org_rules
from .places import (
    ABBREVIATED,
    AMERICA_BEFORE,
    AMOUNT,
    CODE_LIST,
    CONNECTORS,
    CONTINENT_WORDS,
    JOINED_OR_CODE,
    KIND_CONFIDENCE,
    LETTER,
    PUBLISHER,
    REFERENCE_SECTION,
    US_ADDRESS,
    Place,
    _risk_summary,
    _rules,
    _variants,
    ap_addresses,
    au_addresses,
    code_lists,
    country_code,
    country_name,
    us_addresses,
)
from .screening import (
    Hit,
    ScreeningIndex,
    _block_key,
    fold,
)
from .tokens import _Mention, _Scan, _Tokens
from .words import word_lists

# a number before a capitalised word that a listed name may start with: of three digits or more ('360 Security
# Technology'), ranked ('85th Main ...') or marked ('No. 85 Main ...'); each search starts with a digit or a
# literal, which keeps it fast, and ``_number_seeds`` says which of them count
NUMBERED = re.compile(r"\d(?:\d\d\d?|st|nd|rd|th)\s+[A-Z]")
MARKED_NUMBER = re.compile(r"(?:No\.|N°|#)\s?(\d{1,4})\s+[A-Z]")
NUMBER_MARKS = ("No.", "No", "N°", "#")
_YEAR = re.compile(r"(?:19|20)\d\d\Z")
# a word written short with an apostrophe before a capitalised word ("Nat'l Iranian Gas Company")
_ABBREVIATED = re.compile(r"\b[A-Z][a-z]{1,4}['’][a-z]{1,2}(?=\s+[A-Z])")


def _abbreviated_starts(text: str) -> list[int]:
    """Where a word the lists write out starts in ``text`` written short with an apostrophe ("Nat'l", "Int'l"):
    it starts a listed name as the word does, and no listed word is written so."""
    if "'" not in text and "’" not in text:
        return []
    short = word_lists().abbreviations
    return [m.start() for m in _ABBREVIATED.finditer(text) if fold(m.group()) in short]


# two short capitalised syllables written apart ("Lei Ke"): a pinyin word written syllable by syllable
_SYLLABLE_PAIR = re.compile(r"\b(?=([A-Z][a-z]{1,5}) ([A-Z][a-z]{1,5})\b)")
# a word alone in brackets ("(Shaanxi)"): where a city moved after a name is written
_BRACKETED_WORD = re.compile(r"\(([A-Z][A-Za-z']+)\)")
OPENING_QUOTES = {"“", '"', "«", "'", "‘", "„"}
CLOSING_QUOTES = {"”", '"', "»", "'", "’"}


class PartnerDetector:
    """Finds country and organisation references in a block, and screening-list matches for organisations."""

    def __init__(self, nlp, config: Config):  # noqa: ANN001 - spacy.Language
        self.nlp, self.config = nlp, config
        self.rules = _rules()
        # one search for all university head words ("University", "College") instead of one regex per word
        heads = self.rules.university_heads
        self._university = re.compile(r"\b(?:" + "|".join(map(re.escape, heads)) + r")\b") if heads else None
        self.orgs = load_org_rules()
        vocab = nlp.vocab
        import pycountry

        self.iso_codes = {c.alpha_2 for c in pycountry.countries}
        # the user's own institution (config) joins the built-in ones: never a partner, never a country signal
        hosts = [h for h in dict.fromkeys(getattr(config, "host_institutions", None) or []) if h.strip()]
        self.host = re.compile("|".join(rf"{re.escape(h)}\b" for h in hosts)) if hosts else None
        # every phrase as the token hashes a matcher compares (``compiled``: read from the cache)
        from ..compiled import phrase_tokens

        table = phrase_tokens(nlp)
        block_docs = table.lower([*self.rules.blockers, *hosts])
        self.block_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.block_matcher.add("BLOCK", block_docs)
        self._block_len = max((len(d) for d in block_docs), default=0)
        self.heads_by_kind = {k: set(v) for k, v in self.orgs.heads.items()}
        # a capitalised run can only name an organisation if it holds a head word: those words (first words of
        # multi-word heads, capitals for headings, publishers) are found by the scan, and runs are read only
        # around them
        anchors = {w for heads in self.orgs.heads.values() for h in heads for w in (h, h.split()[0])}
        anchors |= {"Press", "Publishing", "Publishers", "Verlag"}
        anchors |= {w.upper() for w in anchors}
        # Place phrases, known organisations, head words and ISO codes are found in one pass over the tokens
        # (key -> what it finds). Each kind keeps its own matcher only if two of its keys share a token
        # sequence: the order of such matches would then depend on the matcher's contents.
        patterns: dict[str, list[tuple[str, Any, list[tuple[int, ...]]]]] = {
            "place": [
                (f"place:{ph}", ph, [d])
                for ph, d in zip(self.rules.places, table.orth(self.rules.places), strict=True)
            ],
            "org": [
                (f"ORG{i}", org, table.orth(v for n in [org.name, *org.aliases] for v in _variants(n)))
                for i, org in enumerate(self.orgs.known)
            ],
            "head": [("HEAD", None, table.orth(sorted(anchors)))],
            "code": [("CODE", None, [d for d in table.orth(sorted(self.iso_codes)) if len(d) == 1])],
        }
        # In the merged matcher a kind has one key, and a match's place or organisation is the one of its token
        # sequence: a key per phrase would make a spaCy lexeme of every key (~3,700 of them, ~30 ms a start).
        self._found_by: dict[int, tuple[str, Any]] = {}
        self._by_tokens: dict[str, dict[tuple[int, ...], Any]] = {}
        self.matchers: list[PhraseMatcher] = []
        merged = PhraseMatcher(vocab, attr="ORTH")
        for kind, entries in patterns.items():
            keys_of: dict[tuple[int, ...], set[str]] = {}
            for key, _, docs in entries:
                for d in docs:
                    keys_of.setdefault(d, set()).add(key)
            if all(len(k) == 1 for k in keys_of.values()):
                key = kind.upper()
                self._found_by[vocab.strings.add(key)] = (kind, None)
                if any(value is not None for _, value, _ in entries):
                    self._by_tokens[kind] = {d: value for _, value, docs in entries for d in docs}
                merged.add(key, [d for _, _, docs in entries for d in docs])
                continue
            own = PhraseMatcher(vocab, attr="ORTH")
            for key, value, docs in entries:
                self._found_by[vocab.strings.add(key)] = (kind, value)
                own.add(key, docs)
            self.matchers.append(own)
        self.matchers.insert(0, merged)
        self.company_heads = self.heads_by_kind.get("company", set())
        self._doc: Doc | None = (
            None  # the block being read, its text and its original text (line breaks kept)
        )
        self._doc_text = self._orig = ""
        self._tokens: _Tokens | None = None  # of the block being read, made on first use
        self._lex: dict[str, tuple] = {}  # word -> lexeme attributes, for every document
        self._blocked_for: Doc | None = None
        self._blocked_spans: list[tuple[int, int]] = []
        self._scanned_for: Doc | None = None
        self._scanned: _Scan | None = None
        self._span_cache: dict[tuple[str, tuple], list[_Mention]] = {}  # mentions of short spans read alone
        self.multiword_heads = {k: [h for h in v if " " in h] for k, v in self.orgs.heads.items()}
        self._multiword = {
            k: re.compile("|".join(rf"\b{re.escape(h)}\b" for h in v))
            for k, v in self.multiword_heads.items()
            if v
        }
        # every scan screens against the shipped designations (or the office's newer import of them); a --lists
        # folder adds more
        # with screening off (``screening = false``) no list is loaded and none is reported as searched
        base = default_designations() if config.screening else Designations([], [])
        self.designations = base
        self.warnings: list[str] = list(base.warnings)  # lists skipped or ignored, for the CLI to show
        if config.lists_dir and config.screening:
            extra = load_lists(config.lists_dir, country_of=country_code)
            self.warnings += extra.warnings
            self.designations = Designations(base.entries + extra.entries, base.lists + extra.lists)
        from ..compiled import compiled_dir

        self.screen = _screening_index(self.designations, tuple(self._not_acronyms()), compiled_dir(config))
        self._consequence = {i.id: i.consequence for i in self.designations.lists}
        self._block_mentions: list[_Mention] = []  # country mentions of the block being read
        self._definitions: dict[str, list[str]] | None = None  # acronyms the document being read defines
        self._block_definitions: tuple[str, dict[str, list[str]]] = ("", {})  # of a block read on its own
        self._numbers_cache: dict[bytes, list[int]] = {}  # where a block's number seeds start, by its tokens
        # a block's text, the candidates before its seed runs and its seeds -> its candidates with the seed runs,
        # read with the index ``_seed_run_index`` (another index empties it)
        self._seed_run_cache: dict[tuple, tuple[tuple, list[tuple[int, int, str, KnownOrg | None]]]] = {}
        self._seed_run_index: screening.ScreeningIndex | None = None
        # built-in bodies by the normalised words of their names of three words or more (made on first use)
        self._known_words: dict[tuple[str, ...], KnownOrg | None] | None = None
        self._dash = nlp.vocab.strings.add("-")
        self.ner = _load_model(config.model) if config.model else None

    # -- entry points -------------------------------------------------------------------------------------------

    def find(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        """One Finding per country mention and per organisation mention in ``block``."""
        if block.location.section and REFERENCE_SECTION.search(block.location.section):
            return []  # places in bibliographic references are not partners
        self._doc, self._orig = sdoc, block.text
        if len(self._span_cache) > 5000:
            self._span_cache.clear()
        if len(self._lex) > 50_000:
            self._lex.clear()
        # Doc.text rebuilds the string on every call: read it once per block
        last = sdoc[-1] if len(sdoc) else None
        same = last is not None and last.idx + len(last.text) + len(last.whitespace_) == len(block.text)
        self._doc_text = block.text.replace("\r", " ").replace("\n", " ") if same else sdoc.text
        if not same:
            self._orig = self._doc_text
        try:
            out = self._countries(sdoc, block, block_index)
            out += self._organisations(sdoc, block, block_index)
        finally:
            self._doc = self._blocked_for = self._scanned_for = self._scanned = self._tokens = None
        return out

    def begin(self, document: Document, doctype: str) -> None:
        """The acronyms the document defines, wherever they are: a listed acronym written alone is read by what
        the document says it stands for."""
        self._definitions = self._defined_in(b.text for b in document.blocks)

    def finalize(self, document: Document, own: list[Finding], earlier: list[Finding]) -> list[Finding]:
        """Nothing document-wide but the acronym definitions, forgotten here: mentions are grouped by the
        caller."""
        self._definitions = None
        return own

    def _defined_in(self, texts: Iterable[str]) -> dict[str, list[str]]:
        """Acronym -> what ``texts`` define it as ('Institute of Applied Physics (IAP)', 'IAP (Institute of
        Applied Physics)'); a place in brackets after an acronym ('NSI (Russia)') places it and defines nothing."""
        places = self.rules.places
        out: dict[str, list[str]] = {}
        for text in texts:
            if "(" not in text:
                continue
            for d in acronyms.definitions(text.replace("\n", " ")):
                parts = [part.strip() for part in d.expansion.split(",")]
                if all(part in places for part in parts) or (
                    # a town and its country ('MIPT (Dolgoprudny, Russia)'): the town need not be known
                    len(parts) == 2 and parts[1] in places and len(parts[0].split()) <= 2
                ):
                    continue
                got = out.setdefault(d.acronym, [])
                if d.expansion not in got:
                    got.append(d.expansion)
        return out

    def _listed_acronym_elsewhere(self, n: filters.NameAt, text: str, org: KnownOrg) -> bool:
        """Whether a built-in listed body's acronym ('NUDT') is written in another role than an organisation's
        or defined by the text as something else ('Nanjing Unified Data Tools (NUDT)')."""
        if not screening.is_acronym(text.strip()):
            return False
        idx = self.screen
        entries = {k for name in (org.name, *org.aliases) for k in idx.lookup(name) if len(name) > 3}
        if not entries:
            return False  # not listed: the built-in body's finding stays as it was
        use = self._acronym_use(n, text)
        if use is None:
            return False
        if use.role == "other" and not use.defined:
            return True
        if not use.defined:
            return False
        own = {(e.list_id, e.entry_id or e.name) for e in (idx.entries[idx.names[k].entry] for k in entries)}
        return not any(use.expansion_scores.get(key, 0.0) >= verdict.DEFINED_AS_LISTED for key in own)

    def _acronym_use(self, n: filters.NameAt, text: str) -> acronyms.AcronymUse | None:
        """What the text says of the listed acronym at ``n`` written alone: its definition, its role, the places
        of its paragraph; None when ``n`` is not one acronym."""
        # single letters joined by dots or dashes ('A.K.S.', 'A–K–S') are the listed letters' acronym ('A-K-S')
        acronym = screening.letters_key(text) or "".join(text.split())
        if not screening.is_acronym(acronym):
            return None
        defined = self._definitions
        if defined is None:  # found outside a document's scan: the block's own definitions
            if self._block_definitions[0] != self._orig:
                self._block_definitions = (self._orig, self._defined_in([self._orig]))
            defined = self._block_definitions[1]
        expansions = tuple(defined.get(acronym, ()))
        t = n.t
        role = "other" if filters.reference(n) or filters.title(n) else acronyms.role(t, n.s, n.e)
        mentions = self._block_mentions
        scores: dict[tuple[str, str], float] = {}
        idx = self.screen
        for expansion in expansions:
            found = [(k, 1.0) for k in idx.lookup(expansion)] + idx.score_span(expansion, screening.POSSIBLE)
            for k, score in found:
                e = idx.entries[idx.names[k].entry]
                key = (e.list_id, e.entry_id or e.name)
                scores[key] = max(scores.get(key, 0.0), score)
        return acronyms.AcronymUse(
            acronym=acronym,
            role=role,
            expansions=expansions,
            paragraph_codes=frozenset(m.code for m in mentions),
            paragraph_cities=frozenset(m.phrase.casefold() for m in mentions if m.place.kind == "city"),
            expansion_scores=scores,
        )

    # -- tokens ---------------------------------------------------------------------------------------------------

    def _toks(self, sdoc: Doc) -> _Tokens:
        """Token offsets of ``sdoc``: kept for the block being read, made anew for another doc."""
        if sdoc is self._doc:
            if self._tokens is None:
                self._tokens = _Tokens(sdoc, self._doc_text, self._orig, self._lex)
            return self._tokens
        return _Tokens(sdoc, sdoc.text, None, self._lex)

    def _scan(self, doclike: Doc | Span, base: int = 0) -> _Scan:
        """Place phrases, known organisations, head words and ISO codes in ``doclike`` (a doc, or a span whose
        first token is ``base``), as token indices from ``base``; once per block."""
        if doclike is self._doc and self._scanned_for is doclike and self._scanned is not None:
            return self._scanned
        found = _Scan([], [], [], [])
        by, by_tokens = self._found_by, self._by_tokens
        doc = doclike if isinstance(doclike, Doc) else doclike.doc
        for matcher in self.matchers:
            for key, s, e in matcher(doclike):
                kind, value = by[key]
                if value is None and kind in by_tokens:
                    value = by_tokens[kind][tuple(doc[i].orth for i in range(s, e))]
                if kind == "place":
                    found.places.append((s - base, e - base, value))
                elif kind == "org":
                    found.orgs.append((s - base, e - base, value))
                elif kind == "head":
                    found.heads.append(s - base)
                else:
                    found.codes.append(s - base)
        if doclike is self._doc:
            self._scanned_for, self._scanned = doclike, found
        return found

    # -- countries ----------------------------------------------------------------------------------------------

    def _countries(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        mentions = self._block_mentions = self.mentions(sdoc)
        if not mentions:
            return []
        t = self._toks(sdoc)
        out = []
        for m in mentions:
            start, end = t.st[m.start], t.end(m.end - 1)
            out.append(
                self._country_finding(
                    t,
                    block,
                    block_index,
                    m.start,
                    m.end,
                    m.code,
                    m.place.kind,
                    f"{m.place.kind} '{t.text[start:end]}' -> {m.code}",
                )
            )
        return out

    def _line_break(self, t: _Tokens, j: int) -> bool:
        """True when a line break of the original block text follows token ``j`` (the Doc has spaces there)."""
        if t.orig is None or j < 0:
            return False
        end = t.end(j)
        return bool(t.sp[j]) and end < len(t.orig) and t.orig[end] in "\r\n"

    def _blocked(self, sdoc: Doc | Span, base: int = 0) -> list[tuple[int, int]]:
        """Spans of false friends, region names and host institutions; in the block's own doc only those that
        overlap a place phrase or a known organisation (the only ones a rule looks at), once per block."""
        if sdoc is not self._doc:
            return [(s - base, e - base) for _, s, e in self.block_matcher(sdoc)]
        if self._blocked_for is not sdoc:
            found = self._scan(sdoc)
            # a blocked phrase overlapping tokens s:e lies within s - L + 1 .. e + L - 1 (L: its longest length)
            reach, n = self._block_len - 1, len(sdoc)
            windows = sorted(
                (max(0, s - reach), min(n, e + reach)) for s, e, _ in [*found.places, *found.orgs]
            )
            merged: list[tuple[int, int]] = []
            for ws, we in windows:
                if merged and ws <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], we))
                else:
                    merged.append((ws, we))
            # one call per window costs about as much as reading 60 tokens: past that, read the whole block
            if len(merged) * 60 + sum(we - ws for ws, we in merged) >= n:
                merged = [(0, n)]
            spans = [
                (s, e)
                for ws, we in merged
                for _, s, e in self.block_matcher(sdoc[ws:we] if we - ws < n else sdoc)
            ]
            self._blocked_spans, self._blocked_for = spans, sdoc
        return self._blocked_spans

    def mentions(self, sdoc: Doc) -> list[_Mention]:
        """Country mentions kept after the context rules, with their resolved codes."""
        found = self._scan(sdoc)
        if not found.places and not found.codes:
            text = self._doc_text if sdoc is self._doc else sdoc.text
            if (
                "&" not in text
                and "@" not in text
                and "/" not in text
                and not US_ADDRESS.search(text)
                and not (self.rules.ap_address is not None and self.rules.ap_address.search(text))
                and not (self.rules.au_address is not None and self.rules.au_address.search(text))
                and not ("(" in text and CODE_LIST.search(text))
            ):
                return []  # no place phrase, code, joined word, town and state or code list: nothing to read
        return self._mentions(self._toks(sdoc))

    def _mentions(self, t: _Tokens) -> list[_Mention]:
        found = self._scan(t.doclike, t.base)
        blocks = self._blocked(t.doclike, t.base) if found.places else []
        raw = []
        for s, e, phrase in found.places:
            if any(bs < e and s < be and (be - bs) >= (e - s) for bs, be in blocks):
                continue  # part of a false friend, a region name or the host institution
            raw.append((s, e, phrase))
        places = self.rules.places
        kept = []
        for s, e, phrase in _filter_spans(raw):
            kept.append(_Mention(s, e, phrase, places[phrase], places[phrase].code))
        out = [m for m in kept if self._keep(t, m, kept) and not self._continent(t, m)]
        out += self._joined_and_codes(t, out, found.codes)
        out.sort(key=lambda m: m.start)
        self._resolve(t, out)
        self._us_states(t, out)
        self._code_lists(t, out)
        return out

    def _code_lists(self, t: _Tokens, mentions: list[_Mention]) -> None:
        """Country codes of a bracketed partner list ("from North (FIN, S) to South (E, I, GR, TR)")."""
        text, st = t.text, t.st
        if "(" not in text:
            return
        added = False
        for at, code in code_lists(text, self.rules.list_codes):
            i = bisect_right(st, at) - 1
            if not 0 <= i < t.n or st[i] != at or any(m.start <= i < m.end for m in mentions):
                continue
            mentions.append(_Mention(i, i + 1, t.word(i), Place(code, "name"), code))
            added = True
        if added:
            mentions.sort(key=lambda m: m.start)

    @staticmethod
    def _continent(t: _Tokens, m: _Mention) -> bool:
        """'America' that names the continent: after South/North/Central/Latin or among other continents."""
        if m.phrase not in ("America", "AMERICA"):
            return False
        words = [t.word(i) for i in range(max(0, m.start - 6), min(t.n, m.end + 6)) if t.word(i).strip()]
        at = words.index(m.phrase)
        return (at > 0 and words[at - 1] in AMERICA_BEFORE) or any(w in CONTINENT_WORDS for w in words)

    def _us_states(self, t: _Tokens, mentions: list[_Mention]) -> None:
        """A town followed by a US state code is in the United States: a known town there ("Cambridge, MA")
        takes US, an unknown one with a ZIP code or an unambiguous code ("Poker Flat, AK") adds a US place. The
        same holds for a state abbreviated in news style ("ABERDEEN PROVING GROUND, Md.", "Fort Monmouth,
        N.J."), and for an Australian state code with a postcode ("Canberra ACT 2600")."""
        text, st = t.text, t.st
        if "," not in text and not any(c.isdigit() for c in text):
            return
        found = [
            (*x, "US") for x in us_addresses(text) + (ap_addresses(text, self.rules) if "." in text else [])
        ]
        found += [(*x, "AU") for x in au_addresses(text, self.rules)]
        for a, b, code_at, certain, country in found:
            i = bisect_right(st, code_at) - 1
            if not 0 <= i < t.n or st[i] != code_at:
                continue
            town = [m for m in mentions if m.start < t.n and a <= st[m.start] < b]
            if country == "AU" and any(m.code != "AU" for m in town):
                continue  # "Johannesburg SA 2000": a known town of another country keeps it
            if town:
                for m in town:
                    m.code = country
            elif certain and not any(m.start <= i < m.end for m in mentions):
                word = t.word(i)
                mentions.append(_Mention(i, i + 1, word, Place(country, "region"), country))
        mentions.sort(key=lambda m: m.start)

    def _joined_and_codes(self, t: _Tokens, found: list[_Mention], codes: list[int]) -> list[_Mention]:
        """Places glued to other words ("UK&Turkish", "Muryn@Manchester") and ISO codes in a country column
        ("UNIWERSYTET SLASKI PL 161,235"). ``codes``: tokens that are ISO codes."""
        text, st, n = t.text, t.st, t.n
        # tokens holding '&', '@' or '/', and codes with no letter just before them
        cand = set()
        for ch in "&@/":
            c = text.find(ch)
            while c != -1:
                cand.add(bisect_right(st, c) - 1)
                c = text.find(ch, c + 1)
        cand.update(i for i in codes if not (st[i] and LETTER.match(text, st[i] - 1)))
        if not cand:
            return []
        taken = {i for m in found for i in range(m.start, m.end)}
        for i in cand:  # a code inside a false friend ("CC BY 4.0") is no column entry
            if len(t.word(i)) == 2 and i not in taken:
                for _, bs, be in self.block_matcher(t.doclike[max(0, i - 3) : min(n, i + 4)]):
                    taken.update(
                        range(bs - t.base, be - t.base)
                    )  # the matcher gives offsets in the whole doc
        out = []
        for i in sorted(cand):
            if i in taken:
                continue
            word = t.word(i)
            if "&" in word or "@" in word or "/" in word:
                for part in re.split(r"[&@/]", word):
                    pl = self.rules.places.get(part)
                    if pl and not pl.person_name and part not in self.rules.not_after:
                        out.append(_Mention(i, i + 1, part, pl, pl.code))
            elif (
                len(word) == 2
                and word.isupper()
                and word in self.iso_codes
                and i + 1 < n
                and AMOUNT.match(t.word(i + 1))
                and i > 0
                and t.word(i - 1).isupper()
                and len(t.word(i - 1)) > 1
            ):
                out.append(_Mention(i, i + 1, word, Place(word, "name"), word))
        return out

    def _keep(self, t: _Tokens, m: _Mention, all_mentions: list[_Mention]) -> bool:
        """Apply the countries.yaml context rules (``keep.KEEP_RULES``, in order) to one matched place; False
        drops it."""
        return (
            keep.dropped_by(keep.PlaceContext(t, m, all_mentions, self.rules, self._university, self._run))
            is None
        )

    def _run(self, t: _Tokens, start: int, end: int) -> tuple[int, int]:
        """Token range of the capitalised name around [start, end) (words joined by of/for/and/the/-)."""
        info = t.info
        s = start
        while s > 0:
            low, cap, punct, _, _ = info(s - 1)
            if cap and not punct:
                if self._line_break(t, s - 1):
                    break  # a heading above a name: "2. Consortium\nThe University of Northshire"
                s -= 1
            elif low in CONNECTORS and s - 2 >= 0 and info(s - 2)[1]:
                s -= 2  # a name wrapped after or before "of" continues on the next line
            else:
                break
        e, n = end, t.n
        while e < n:
            low, cap, punct, _, _ = info(e)
            if cap and not punct:
                if self._line_break(t, e - 1):
                    break
                e += 1
            elif (
                t.word(e) == "."
                and not t.sp[e - 1]
                and t.word(e - 1) in ABBREVIATED
                and e + 1 < n
                and (info(e + 1)[1] or info(e + 1)[0] in CONNECTORS)
            ):
                e += 1  # "Sharif Univ. of Technology"
            elif low in CONNECTORS and e + 1 < n and info(e + 1)[1]:
                e += 2
            else:
                break
        return s, e

    def _name_run(self, t: _Tokens, i: int) -> tuple[int, int]:
        """The capitalised name around token ``i`` (``_run``), continued over what joins the parts of a listed
        name: a word after a hyphen with no space whatever its case ('Sovtest-ervis', 'Air-condiitoning'),
        quotation marks around a name (AO “Uralelement”), an abbreviation before a word ('Research Inst.
        Signal') and a word in lower case joined by a hyphen to a capitalised one before the name
        ('Sceeentific-production Enterprise Vostok')."""
        s, e = self._run(t, i, i + 1)
        n, word, sp = t.n, t.word, t.sp
        while True:
            s0, e0 = s, e
            # the token after the run and the one before it, each read once a round
            after = word(e) if e < n else ""
            if e + 1 < n and after in "-‐–" and not sp[e - 1] and not sp[e] and t.info(e + 1)[3]:
                e = self._run(t, e + 1, e + 2)[1]
            elif e < n and after in CLOSING_QUOTES and not sp[e - 1]:
                e += 1
            elif e + 1 < n and after in OPENING_QUOTES and not sp[e] and t.name_word(e + 1):
                e = self._run(t, e + 1, e + 2)[
                    1
                ]  # a quoted name after a legal form: Joint Stock Company “Uralelement”
            before = word(s - 1) if s > 0 else ""
            if s > 0 and before in OPENING_QUOTES and not sp[s - 1]:
                s -= 1
                if s > 0 and t.name_word(s - 1):
                    s = self._run(t, s - 1, s)[0]
            elif s >= 2 and before == "." and not sp[s - 2] and word(s - 2) in ABBREVIATED:
                s = self._run(t, s - 2, s - 1)[0]
            elif (
                s >= 3
                and not sp[s - 3]
                and not sp[s - 2]
                and word(s - 2) in ("-", "‐", "–")
                and before.isalpha()
                and before.islower()
                and t.info(s - 3)[1]
            ):
                s = self._run(t, s - 3, s - 2)[0]  # 'Sceeentific-production Enterprise Vostok'
            if (s, e) == (s0, e0):
                return s, e

    def _resolve(self, t: _Tokens, mentions: list[_Mention]) -> None:
        """Choose codes that depend on neighbours: 'Atlanta, Georgia' -> US, 'Cambridge, Massachusetts' -> US; a
        name two countries share takes its other code after 'State of' or inside a university's name ('the State
        of Georgia', 'Georgia Institute of Technology')."""
        for m in mentions:
            if m.place.alt:
                ms = m.start
                if (ms >= 2 and (t.lower(ms - 2), t.lower(ms - 1)) in self.rules.alt_before) or (
                    self._university is not None
                    and self._university.search(t.span_text(*self._run(t, ms, m.end)))
                ):
                    m.code = m.place.alt
                    continue
                s0, s1 = t.sentence(m.start) if t.has_sents else (0, t.n)
                if any(x is not m and x.place.code == m.place.alt and s0 <= x.start < s1 for x in mentions):
                    m.code = m.place.alt
        for i, m in enumerate(mentions[:-1]):
            nxt = mentions[i + 1]
            if m.place.kind != "city" or nxt.place.kind not in ("region", "name") or nxt.code == m.code:
                continue
            if 0 <= nxt.start - m.end <= 2:
                between = t.span_text(m.end, nxt.start).strip()
                if between in (",", "(", "-", ""):
                    m.code = nxt.code
            elif self._named_place_then_region(t, m, nxt):
                m.code = nxt.code

    def _named_place_then_region(self, t: _Tokens, m: _Mention, nxt: _Mention) -> bool:
        """A town opening a longer place name, then a comma and a region: the name is in that region
        ("Aberdeen Proving Ground, Maryland", "Dover Air Force Base, Delaware"). Up to three capitalised words
        close the name; an organisation's word among them ("Aberdeen Business School, Virginia Tech") makes it
        an organisation and the region another item of a list."""
        gap = nxt.start - m.end
        if not 2 < gap <= 4 or t.word(nxt.start - 1) != ",":
            return False
        words = [t.word(j) for j in range(m.end, nxt.start - 1)]
        return all(w[:1].isupper() and w not in self.rules.name_words for w in words)

    def _country_finding(
        self,
        t: _Tokens,
        block: TextBlock,
        block_index: int,
        s: int,
        e: int,
        code: str,
        kind: str,
        reason: str,
        confidence: float | None = None,
    ) -> Finding:
        """A country finding for the tokens ``s:e``."""
        start, end = t.st[s], t.end(e - 1)
        severity, risk_reason = _risk_summary(code)
        conf = confidence if confidence is not None else KIND_CONFIDENCE.get(kind, 0.7)
        reasons = [reason] if risk_reason is None else [reason, risk_reason]
        return Finding(
            rule_id="country",
            category="country",
            text=block.text[start:end],
            context=t.sentence_text(block.text, s, e),
            location=block.locate(start, end),
            severity=severity,
            confidence=conf,
            subcategory=kind,
            country_code=code,
            name=country_name(code),
            reasons=reasons,
            block_index=block_index,
            start=start,
            end=end,
        )

    # -- organisations ------------------------------------------------------------------------------------------

    # -- organisations ------------------------------------------------------------------------------------------

    def screened_lists(self) -> list[tuple[str, str | None]]:
        """The lists every organisation name is screened against: (list name, snapshot date), so a report can say
        "screened against X dated D" and never reassure without having looked."""
        return [(i.name, i.snapshot) for i in self.designations.lists]

    def prepare(self) -> None:
        """Make the screening index's look-up tables now rather than on the first block: called before worker
        processes are forked, so that they inherit one copy instead of each making its own."""
        if len(self.screen):
            self.screen.prepare()
            listmatch._honorees(self.screen)

    def _not_acronyms(self) -> list[str]:
        """Acronyms that name something else in proposals (patterns/organisations.yaml ``not_acronyms``)."""
        return list(self.orgs.not_acronyms)

    def _screen_hits(self, sdoc: Doc, orth: np.ndarray) -> list[Hit]:
        """Listed names and acronyms anywhere in the block (``orth``: its tokens' ORTH hashes), found without the
        organisation recogniser."""
        if not len(sdoc) or not len(self.screen):
            return []
        t = self._toks(sdoc)
        lower = lower_hashes(sdoc)
        hits = self.screen.scan(lower, orth, t.word, lambda i: _has_capital(t.word(i)), t.text)
        if hits:
            hits = [h for h in hits if not self._in_for_of(t, h)]
        dashes = np.flatnonzero(orth == self._dash)
        return self._joined_acronyms(t, hits, dashes.tolist()) if len(dashes) else hits

    def _in_for_of(self, t: _Tokens, h: Hit) -> bool:
        """Whether hit ``h`` holds 'in' where its listed names have 'of': a place after another name ('Tochka Bank
        in Russia'), not the listed 'Bank of Russia' ('Zavod No 9 in Yekaterinburg' is 'Zavod 9 Yekaterinburg')."""
        if not any(t.word(i) == "in" for i in range(h.start + 1, h.end - 1)):
            return False
        raws = [f" {self.screen.raws[k].casefold()} " for k in h.names]
        return not any(" in " in r for r in raws) and any(" of " in r for r in raws)

    def _joined_acronyms(self, t: _Tokens, hits: list[Hit], dashes: list[int]) -> list[Hit]:
        """Listed acronyms of parts joined by hyphens ('NSCC-SZ', 'IRGC-ASF'), which the tokeniser splits: the
        whole acronym replaces the hits of its parts ('IRGC' is another listed body than 'IRGC-ASF').
        ``dashes``: the tokens that are hyphens."""
        listed = self.screen.acronyms
        out = hits
        done = -1
        for j in dashes:
            if j <= done or not 0 < j < t.n - 1 or t.sp[j - 1] or t.sp[j]:
                continue
            if not (t.word(j - 1).isupper() and (t.word(j + 1).isupper() or t.word(j + 1).isdigit())):
                continue
            i, end = j - 1, j + 1
            while i >= 2 and t.word(i - 1) == "-" and not t.sp[i - 2] and not t.sp[i - 1]:
                i -= 2
            while end + 2 < t.n and t.word(end + 1) == "-" and not t.sp[end] and not t.sp[end + 1]:
                end += 2
            done = end
            names = listed.get("".join(t.word(k) for k in range(i, end + 1)))
            if names:
                out = [h for h in out if h.end <= i or h.start > end]
                out.append(Hit(i, end + 1, list(names), "acronym"))
        return sorted(out, key=lambda h: h.start) if out is not hits else hits

    def _name_number(self, word: str) -> bool:
        """Whether ``word`` is a number of three digits or more, no year, that a listed name holds: a smaller
        one before a name counts things or numbers rows ('12 Completed', '1 Country France')."""
        return (
            word.isdigit()
            and 3 <= len(word) <= 4
            and not _YEAR.match(word)
            and self.screen.holds(screening.canon(word))
        )

    def _syllable_starts(self, text: str) -> list[int]:
        """Where two short capitalised syllables written apart start in ``text`` that together are a distinctive
        word of a listed name ('Lei Ke' for 'Leike'): a Chinese name written syllable by syllable, which no seed
        starts as neither syllable is a listed word."""
        idx = self.screen
        return [
            m.start()
            for m in _SYLLABLE_PAIR.finditer(text)
            if idx.distinctive(screening.canon(fold(m[1] + m[2])))
        ]

    def _number_seeds(self, t: _Tokens, starts: list[int]) -> list[int]:
        """The tokens of the numbers at characters ``starts`` (``_number_starts``)."""
        out = []
        for a in starts:
            i = bisect_right(t.st, a) - 1
            if 0 <= i < t.n:
                out.append(i)
        return out

    def _number_starts(self, text: str) -> list[int]:
        """Where the numbers a listed name is known by start in ``text``, written before a capitalised word ('85th
        Main Special Service Centre', 'No. 85 Main ...', '360 Security Technology'): the number is the name's
        distinctive word, and no capital starts it. A number counts when it is ranked, marked ('No. 85') or of three
        or four digits and no year; a smaller bare one counts things or numbers rows."""
        found: list[int] = []
        for m in NUMBERED.finditer(text):
            a = m.start()
            while a and text[a - 1].isdigit():
                a -= 1
            number = re.match(r"\d+", text[a : m.end()])
            if number is None or a and (text[a - 1].isalpha() or text[a - 1] in ".,"):
                continue  # inside a word or a decimal ('D1.2', '154.00')
            digits = number.group()
            if text[a + len(digits)].isspace() and (len(digits) > 4 or _YEAR.match(digits)):
                continue  # a year, or a number too long for a name
            found.append(a)
        found += [m.start(1) for m in MARKED_NUMBER.finditer(text)]
        out = []
        for a in found:
            digits = re.match(r"\d+", text[a:])
            if digits and self.screen.holds(screening.canon(digits.group())):
                out.append(a)
        return out

    def _seeds(self, sdoc: Doc, orth: np.ndarray) -> list[int]:
        """Capitalised tokens whose spelling key is a distinctive word of a listed name."""
        if not len(sdoc) or not len(self.screen):
            return []
        caps = np.flatnonzero(
            orth != lower_hashes(sdoc)
        )  # tokens with a capital letter (or a mark lower() drops)
        if not len(caps):
            return []
        return caps[self.screen.seed_tokens(orth[caps], sdoc.vocab.strings)].tolist()

    def _organisations(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        """One Finding per organisation name in the block (recognised, built-in or listed), and a country finding
        for an institution that fixes where it is."""
        found = self._scan(sdoc)
        orth = sdoc.to_array(ORTH) if len(sdoc) and len(self.screen) else np.zeros(0, dtype=np.uint64)
        hits = self._screen_hits(sdoc, orth)
        seeds = self._seeds(sdoc, orth)
        if len(self.screen):
            numbers = self._numbers_cache.get(key := _block_key(orth))
            if numbers is None:
                if len(self._numbers_cache) > 2_000:
                    self._numbers_cache.clear()
                text = self._doc_text if sdoc is self._doc else sdoc.text
                numbers = self._numbers_cache[key] = (
                    self._number_starts(text) + _abbreviated_starts(text) + self._syllable_starts(text)
                )
            if numbers:
                seeds = sorted({*seeds, *self._number_seeds(self._toks(sdoc), numbers)})
        if not found.orgs and not found.heads and self.ner is None and not hits and not seeds:
            return []
        t = self._toks(sdoc)
        candidates = self._org_candidates(sdoc, t, found.orgs, found.heads, hits, seeds)
        out: list[Finding] = []
        for s, e, kind, org in sorted(candidates, key=lambda c: c[0]):
            name_at = filters.NameAt(t, s, e, kind, self.rules.titles, self.host, self._run)
            if filters.first_catch(filters.SKIP_FILTERS, name_at) is not None:
                continue
            out += self._org_findings(name_at, block, block_index, org, hits)
        return out

    def _org_candidates(
        self,
        sdoc: Doc,
        t: _Tokens,
        known: list[tuple[int, int, KnownOrg]],
        heads: list[int],
        hits: list[Hit],
        seeds: list[int],
    ) -> list[tuple[int, int, str, KnownOrg | None]]:
        """Organisation names of the block, each (start, end, kind, built-in body), from every source in turn:
        capitalised runs with a head word, built-in bodies, the statistical model, listed names, listed words."""
        blocked = self._blocked(sdoc) if known else []
        known_spans = _longest(
            [
                k
                for k in known
                if not any(bs < k[1] and k[0] < be and be - bs > k[1] - k[0] for bs, be in blocked)
            ]
        )
        candidates = self._run_candidates(t, heads, known_spans)
        self._add_known(t, known_spans, candidates)
        if self.ner is not None:
            self._add_ner(sdoc, t, candidates)
        self._join_before(t, candidates)
        for j, (cs, ce, ckind, corg) in enumerate(candidates):
            for (
                h
            ) in hits:  # a listed name running past a recognised one ("Research Inst. of Nuclear Science")
                if cs < h.end and h.start < ce and (h.start < cs or h.end > ce):
                    cs, ce = min(cs, h.start), max(ce, h.end)
            candidates[j] = (cs, ce, ckind, corg)
        for h in hits:
            # a listed name with no head word the recogniser knows ("Concern ...", "... Plant", an acronym)
            if not any(cs < h.end and h.start < ce for cs, ce, _, _ in candidates):
                rs = h.start
                if h.how != "acronym":
                    # distinctive capitalised words before it name another body with it ('Shenyang Xizi
                    # Aviation Industry Group' is not 'Aviation Industry Corporation'): read the whole name
                    r0 = self._run(t, h.start, h.end)[0]
                    if (
                        r0 < h.start
                        and not t.sent_start(h.start)
                        and listmatch._qualified(self, t, r0, h.start)
                    ):
                        rs = r0
                candidates.append((rs, h.end, "listed", None))
        if seeds:
            candidates = self._seed_runs(t, candidates, seeds)
        if "(" in t.text:
            self._add_city_moved(t, candidates)
        return candidates

    def _add_city_moved(self, t: _Tokens, candidates: list[tuple[int, int, str, KnownOrg | None]]) -> None:
        """A listed name that starts with a city, written with the city moved into brackets after the rest
        ('Aerospace Science and Technology (Shaanxi)' for 'Shaanxi Aerospace Science and Technology Co., Ltd.'),
        where the rest holds no seed (generic words, a number): the run and its brackets, where no other
        candidate than a listed name inside the run lies."""
        places = word_lists().places
        for m in _BRACKETED_WORD.finditer(t.text):
            if (
                m.group(1).lower().replace("'", "") not in places
            ):  # the places are ASCII, as fold() writes them
                continue
            i = bisect_left(t.st, m.start())
            if not 2 <= i < t.n - 2 or t.word(i) != "(" or t.word(i + 2) != ")" or not t.name_word(i - 1):
                continue
            r0 = self._name_run(t, i - 1)[0]
            # with a number before the run, which the name may hold ('8 Star International (Beijing)')
            starts = (r0 - 1, r0) if r0 > 0 and t.word(r0 - 1).isdigit() else (r0,)
            rs = next((r for r in starts if self.screen.lookup(f"{t.word(i + 1)} {t.span_text(r, i)}")), None)
            if rs is None or i - rs < 2:
                continue
            over = [c for c in candidates if c[0] < i + 3 and rs < c[1]]
            # a listed name found alone inside the run gives way to it ('Technology Development'); any other
            # candidate keeps its words
            if any(c[2] != "listed" or c[0] < rs or c[1] > i for c in over):
                continue
            candidates[:] = [c for c in candidates if not any(c is o for o in over)]
            candidates.append((rs, self._legal_form_after(t, i + 3), "seed", None))

    def _seed_runs(
        self, t: _Tokens, candidates: list[tuple[int, int, str, KnownOrg | None]], seeds: list[int]
    ) -> list[tuple[int, int, str, KnownOrg | None]]:
        """``_add_seeds``, kept per block: its runs follow from the block's text (with its line breaks), the
        candidates found before and the seeds alone, and a block read again (a second scan, a file saved again
        under ``--watch``) would build the same run around every seed occurrence again (about 0.04 s of the
        0.1 s a second scan of the 373 real pages spends on screening)."""
        if self._seed_run_index is not self.screen:
            self._seed_run_cache.clear()  # runs read with another index (a new import of the lists)
            self._seed_run_index = self.screen
        text = t.text if t.orig is None else f"{t.text}\0{t.orig}"
        before = tuple(candidates)
        key = (
            hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest(),
            tuple((cs, ce, kind, id(org)) for cs, ce, kind, org in before),
            tuple(seeds),
        )
        got = self._seed_run_cache.get(key)
        if got is None or got[0] != before:
            if len(self._seed_run_cache) > 2_000:
                self._seed_run_cache.clear()
            # the candidates (their built-in bodies) are kept with the runs, so that the ids in the key stay theirs
            got = self._seed_run_cache[key] = (before, self._add_seeds(t, list(candidates), seeds))
        return list(got[1])

    def _join_before(self, t: _Tokens, candidates: list[tuple[int, int, str, KnownOrg | None]]) -> None:
        """Extend a candidate back over what ends a capitalised run inside a name, where no other candidate holds
        those words: a place in brackets before a candidate of legal-form words only ('HiFar Technology (Beijing)
        Co., Ltd.'), and pinyin syllables joined by a hyphen, the second in lower case, that make a word a listed
        name holds ('Guo-wei Integration Technology'), and a number a listed name holds ('No. 33 Scientific
        Research and Testing Institute')."""
        gone: list[tuple[int, int, str, KnownOrg | None]] = []
        for j, (cs, ce, kind, org) in enumerate(candidates):
            if org is not None or cs < 1:
                continue
            rs = self._bracketed_place_before(t, cs, ce) if cs >= 3 else None
            if rs is None and cs >= 3:
                rs = self._syllables_before(t, cs) or self._hyphen_word_before(t, cs, ce)
            if rs is None:
                rs = self._number_before(t, cs)
            if rs is None:
                continue
            before = [c for c in candidates if c is not candidates[j] and c[0] < cs and rs < c[1]]
            # a listed name found alone inside the words joined ('Tech Industrial' of 'Pu-Tech Industrial
            # (Zhuhai) Company Limited') gives way to them; any other candidate keeps its words
            if any(c[2] != "listed" or c[0] < rs for c in before):
                continue
            gone += before
            candidates[j] = (rs, ce, kind, org)
        if gone:
            candidates[:] = [c for c in candidates if not any(c is g for g in gone)]

    def _bracketed_place_before(self, t: _Tokens, cs: int, ce: int) -> int | None:
        """Where the name before ``(Place)`` starts, for a candidate ``cs:ce`` of legal-form and generic or trade
        words only right after the brackets; None when the brackets hold more than a place or no name precedes
        them."""
        if cs < 4 or t.word(cs - 1) != ")":
            return None
        wl = word_lists()
        after = screening.name_words(t.span_text(cs, ce))
        # legal-form words, or trade words before them, as a listed name may hold a city in brackets before its
        # last words ('Zhongke Xinliang (Beijing) Technology Co., Ltd.'); other words only where the whole is
        # a listed name as written ('Piotech Chuangyi (Shenyang) Semiconductor Equipment Co., Ltd.')
        exact_only = not all(w in wl.generic or w in wl.company_words for w in after)
        open_at = next((k for k in range(cs - 2, max(0, cs - 6), -1) if t.word(k) == "("), None)
        if open_at is None or open_at < 2 or open_at + 1 >= cs - 1:
            return None
        last = open_at - 1
        if (
            not t.name_word(last)
            and last >= 2
            and t.word(last - 1) in "-‐–"
            and not t.sp[last - 2]
            and not t.sp[last - 1]
            and t.name_word(last - 2)
        ):
            last -= 2  # a word after a hyphen in lower case ('E-science (Beijing) Co., Ltd.')
        if not t.name_word(last):
            return None
        places = self._span_mentions(t, open_at + 1, cs - 1)
        listed_place = all(fold(t.word(k)) in word_lists().places for k in range(open_at + 1, cs - 1))
        if sum(m.end - m.start for m in places) != cs - 1 - (open_at + 1) and not listed_place:
            return None  # the brackets hold more than a place (a city the names hold counts: 'Zhuhai')
        rs = self._name_run(t, last)[0]
        if (
            rs >= 2
            and t.word(rs - 1) in "-‐–"
            and not t.sp[rs - 2]
            and not t.sp[rs - 1]
            and t.name_word(rs - 2)
        ):
            # a first word joined by a hyphen ('Pu-Tech Industrial (Zhuhai)')
            rs = self._run(t, rs - 2, rs - 1)[0]
        if not screening.name_words(t.span_text(rs, open_at)):
            return None
        return None if exact_only and not self.screen.lookup(t.span_text(rs, ce)) else rs

    def _hyphen_word_before(self, t: _Tokens, cs: int, ce: int) -> int | None:
        """Where the name starts for a candidate ``cs:ce`` of legal-form words only written right after a word
        joined by a hyphen, its second part in lower case ('E-science Co., Ltd.'), which ends a capitalised run;
        None otherwise."""
        if (
            screening.name_words(t.span_text(cs, ce))
            or t.word(cs - 2) not in "-‐–"
            or not (t.word(cs - 1).isalpha() and t.word(cs - 1).islower())
            or not t.name_word(cs - 3)
            or t.sp[cs - 3]
            or t.sp[cs - 2]
        ):
            return None
        return self._run(t, cs - 3, cs - 2)[0]

    def _number_before(self, t: _Tokens, cs: int) -> int | None:
        """Where the name starts when a number a listed name holds is written right before token ``cs`` ('No. 33
        Scientific Research and Testing Institute', '33rd ...', '360 Security Technology Corp.'); None
        otherwise."""
        w = t.word(cs - 1)
        mark = self._number_mark(t, cs - 1)
        if self._name_number(w) and not (cs >= 2 and t.word(cs - 2)[:1].isdigit()):
            return mark  # three digits or more a listed name holds, no year ('360 Security Technology Corp.')
        if not (mark < cs - 1 and w.isdigit()) and not re.fullmatch(r"\d{1,4}(?:st|nd|rd|th)", w):
            return None  # a bare number before a name counts or numbers rows ('3 JACOBS UNIVERSITY')
        if not self.screen.holds(screening.canon(w.rstrip("stndrh"))):
            return None
        return mark

    @staticmethod
    def _number_mark(t: _Tokens, i: int) -> int:
        """Where 'No. 33' starts for the number at token ``i`` ('No', '.' and 'No.' are tokens): ``i`` when no
        mark precedes it."""
        if i >= 2 and t.word(i - 1) == "." and t.word(i - 2) in ("No", "Nr"):
            return i - 2
        return i - 1 if i and t.word(i - 1) in NUMBER_MARKS else i

    def _syllables_before(self, t: _Tokens, cs: int) -> int | None:
        """Where the name starts when ``Guo-wei`` is written right before token ``cs`` and 'guowei' is a word of
        a listed name; None otherwise ('Open-source Software Foundation' keeps its run)."""
        if not (
            t.word(cs - 2) in "-‐–"
            and t.word(cs - 1).isalpha()
            and t.word(cs - 1).islower()
            and t.name_word(cs - 3)
            and not t.sp[cs - 3]
            and not t.sp[cs - 2]
        ):
            return None
        words = screening.name_words(t.span_text(cs - 3, cs))
        if len(words) != 1 or not self.screen.holds(screening.canon(words[0])):
            return None
        return self._run(t, cs - 3, cs - 2)[0]

    def _run_candidates(
        self, t: _Tokens, heads: list[int], known_spans: list[tuple[int, int, KnownOrg]]
    ) -> list[tuple[int, int, str, KnownOrg | None]]:
        """Capitalised runs holding a head word, with the built-in body when exactly one lies inside and the run
        names no other country than the body's ("Russian Ministry of Defence" is not the UK's)."""
        out: list[tuple[int, int, str, KnownOrg | None]] = []
        for s, e, kind in self._org_runs(t, heads):
            inside = [k for k in known_spans if s <= k[0] and k[1] <= e]
            org = inside[0][2] if len(inside) == 1 else None
            named = self._country_in(t, s, e)
            if org and named and org.country and named != org.country:
                org = None
            out.append((s, e, kind, org))
        return out

    def _add_known(
        self,
        t: _Tokens,
        known_spans: list[tuple[int, int, KnownOrg]],
        candidates: list[tuple[int, int, str, KnownOrg | None]],
    ) -> None:
        """Built-in bodies no run holds; one written after another country's name is another body ("Iran National
        Science Foundation" is not the US NSF)."""
        for s, e, org in known_spans:
            if not any(cs <= s and e <= ce for cs, ce, _, _ in candidates):
                rs = max(self._run(t, s, e)[0], s - 2)
                named = self._country_in(t, rs, s) if rs < s else None
                if org.country and named and named != org.country:
                    candidates.append((rs, e, org.kind, None))
                else:
                    candidates.append((s, e, org.kind, org))

    def _add_ner(
        self, sdoc: Doc, t: _Tokens, candidates: list[tuple[int, int, str, KnownOrg | None]]
    ) -> None:
        """Organisations the statistical model names that overlap no other candidate."""
        assert self.ner is not None
        for ent in self.ner(t.text).ents:
            if ent.label_ == "ORG":
                span = sdoc.char_span(ent.start_char, ent.end_char, alignment_mode="expand")
                if span is not None and not any(
                    cs < span.end and span.start < ce for cs, ce, _, _ in candidates
                ):
                    candidates.append((span.start, span.end, "ner", None))

    def _add_seeds(
        self, t: _Tokens, candidates: list[tuple[int, int, str, KnownOrg | None]], seeds: list[int]
    ) -> list[tuple[int, int, str, KnownOrg | None]]:
        """Capitalised runs holding a distinctive listed word, written another way ("Bureau of Sukhoi Design"),
        where no other candidate lies; a listed name found alone inside such a run gives way to it."""
        covered = bytearray(t.n)  # 1 for the tokens of a candidate, 2 of a listed name alone
        for cs, ce, kind, _ in candidates:
            covered[cs:ce] = (b"\x02" if kind == "listed" else b"\x01") * max(0, ce - cs)
        tried = -1  # the end of the last run read: another seed inside it gives the same run
        for i in seeds:
            if covered[i] == 1 or i < tried:
                continue
            if t.word(i)[:1].isdigit():
                # a number a listed name starts with: the name runs from it over the capitalised words after it
                if self._line_break(t, i) or not (i + 1 < t.n and t.name_word(i + 1)):
                    continue
                rs = self._number_mark(t, i)
                re_ = self._name_run(t, i + 1)[1]
            else:
                rs, re_ = self._name_run(t, i)
            if rs < i and t.sent_start(rs) and not self.screen.is_seed(t.word(rs)):
                rs += 1  # the sentence's first word ("Letters", "Partner")
            if covered.find(1, rs, re_) != -1:
                grown = self._built_in_grown(t, candidates, rs, re_)
                if grown is None:
                    tried = re_
                    continue  # another candidate holds some of its tokens (and would of a longer run)
                candidates = [c for c in candidates if c not in grown]
                covered[rs:re_] = b"\x01" * (re_ - rs)
                candidates.append((rs, re_, "seed", None))
                tried = re_
                continue
            re_ = self._place_after(t, self._legal_form_after(t, re_))
            re_ = self._sentence_end(t, i, re_)
            if rs > 0 and self._name_number(t.word(rs - 1)):
                rs -= 1  # a number a listed name starts with ('322 Aviation Repair Plant')
            tried = re_
            if re_ - rs < 2 and not (re_ - rs == 1 and self._one_word_spelt(t.word(rs))):
                continue
            if covered.find(1, rs, re_) != -1:
                continue  # another candidate holds some of its tokens
            if not self._seeded(t, seeds, rs, re_):
                continue
            if covered.find(2, rs, re_) != -1:
                # a listed name found inside the run on its own ('Mechanical Plant' in 'Balakeerev Mechanical
                # Plant') gives way to the run, unless it runs past it
                inside = [c for c in candidates if rs <= c[0] and c[1] <= re_ and c[2] == "listed"]
                # (listed names found inside may overlap: 'Dolgoprudny' and 'Dolgoprudny Design Bureau')
                if len({j for c in inside for j in range(c[0], c[1])}) != covered.count(2, rs, re_):
                    continue
                candidates = [c for c in candidates if c not in inside]
            candidates.append((rs, re_, "seed", None))
            covered[rs:re_] = b"\x01" * (re_ - rs)
        return candidates

    def _one_word_spelt(self, word: str) -> bool:
        """Whether ``word`` is a listed one-word name of eight letters or more written in another
        transliteration ('Uralwagonzavod' for 'Uralvagonzavod'), or of twelve or more with a typo: the same spelling
        key, another spelling, no everyday word. A word as listed is found by the scan; a shorter one names too many things."""
        if len(word) < 8:
            return False
        folded = fold(word)
        if not folded.isalpha() or folded in self.screen.common:
            return False
        idx = self.screen
        found = idx.lookup(word)
        if not found and len(folded) >= 12:
            # a word this long is one listed word with a typo ('Kurganmashzavood'), as no other word is near it
            near = idx._written_for(folded)
            found = [k for v in near for k in idx.lookup(idx.vocab[v])] if len(near) == 1 else []
        return bool(found) and all(
            len(idx.words_of(k)) == 1
            and idx.words_of(k)[0] != folded
            and (
                not idx.derived_single(k) or len(idx.words_of(k)[0]) >= 12
            )  # see ScreeningIndex.legal_written
            for k in found
        )

    def _known_by_words(self, text: str) -> KnownOrg | None:
        """The built-in body whose name or alias has the words of ``text`` once normalised (abbreviations
        expanded: 'Univ.', 'Inst.'), if exactly one has; None for a name of fewer than three words, and for one
        with no word the lists write short (the built-in bodies' own names are found as written)."""
        if text.count(" ") < 2 or _short_word().search(text) is None:
            return None
        words = screening.name_words(text)
        if len(words) < 3:
            return None
        table = self._known_words
        if table is None:
            table = {}
            for org in self.orgs.known:
                for n in (org.name, *org.aliases):
                    w = screening.name_words(n)
                    if len(w) >= 3:
                        table[w] = org if table.get(w, org) is org else None
            self._known_words = table
        return table.get(words)

    def _built_in_grown(
        self, t: _Tokens, candidates: list[tuple[int, int, str, KnownOrg | None]], rs: int, re_: int
    ) -> list[tuple[int, int, str, KnownOrg | None]] | None:
        """The built-in bodies' candidates inside the run ``rs:re_`` when the run is one of their listed names
        written another way ('Huawei Clud Russia' is the listed 'Huawei Cloud Russia', not 'Huawei'): the run
        holds every other candidate it meets and scores as a listed name longer than theirs; else None."""
        met = [c for c in candidates if c[0] < re_ and rs < c[1]]
        if not met or any(c[3] is None or c[0] < rs or c[1] > re_ for c in met):
            return None
        if any(t.span_text(c[0], c[1]).isupper() for c in met):
            return (
                None  # a funder's acronym before other words ('DFG Priority Project', 'ERC Starting Grant')
            )
        longest = max(c[1] - c[0] for c in met)
        if re_ - rs <= longest:
            return None
        idx = self.screen
        best = idx.score_span(t.span_text(rs, re_), screening.DESIGNATED)
        if not best or len(idx.names[best[0][0]].words) <= longest:
            return None
        return met

    def _seeded(self, t: _Tokens, seeds: list[int], rs: int, re_: int) -> bool:
        """Whether the run ``rs:re_`` may name a listed body written another way: it holds a seed that is not an
        everyday word, or two distinctive words of one listed name. Everyday words of listed names in a heading
        ('Consortium Agreement', 'Project Consortium Agreement', 'Research and Innovation') are not read; 'Plant
        Tractor Wheeled Minsk' and 'Plant of Metal Ceramic Instruments' are."""
        inside = seeds[bisect_left(seeds, rs) : bisect_left(seeds, re_)]
        idx = self.screen
        common = idx.common
        if any(fold(t.word(j)) not in common for j in inside):
            return True
        return idx.one_name_holds_two(t.span_text(rs, re_))

    @staticmethod
    def _legal_form_after(t: _Tokens, e: int) -> int:
        """The end of a name continued over a legal form written after a comma ('Lazurnaya, OOO'): a one-word name
        is a name with it."""
        if e + 1 < t.n and t.word(e) == "," and fold(t.word(e + 1)).strip(".") in word_lists().legal_forms:
            return e + 2
        return e

    @staticmethod
    def _sentence_end(t: _Tokens, i: int, e: int) -> int:
        """The end of a run from seed ``i`` cut where the next sentence starts: at a sentence start, or after an
        abbreviated legal form with its full stop ('Jadeshine Engineering HK Co. Role: ...'), which the
        tokeniser keeps in one token, when no other legal form follows it."""
        if t.has_sents:
            e = min(e, t.sentence(i)[1])
        if e - i < 2 or "." not in t.text[t.st[i] : t.end(e - 2)]:
            return e
        legal = word_lists().legal_forms
        for j in range(i + 1, e):
            w = t.word(j - 1)
            if w.endswith(".") and fold(w).strip(".") in legal and fold(t.word(j)).strip(".,") not in legal:
                return j
        return e

    @staticmethod
    def _place_after(t: _Tokens, e: int) -> int:
        """The end of a name continued over a city or province in brackets ('AppTec (WuXi)'): a one-word name with
        its place moved after it is a name with it."""
        if (
            e + 2 < t.n
            and t.word(e) == "("
            and t.word(e + 2) == ")"
            and fold(t.word(e + 1)) in word_lists().places
        ):
            return e + 3
        return e

    def _org_findings(
        self, n: filters.NameAt, block: TextBlock, block_index: int, org: KnownOrg | None, hits: list[Hit]
    ) -> list[Finding]:
        """The finding of one organisation name, screened, and the country finding of an institution it places;
        none for a name found only to be screened that no list names."""
        t, s, e, kind = n.t, n.s, n.e, n.kind
        text = t.span_text(s, e)
        start_char, end_char = t.st[s], t.end(e - 1)
        inside = [h for h in hits if s <= h.start and h.end <= e]
        if org is not None and self._listed_acronym_elsewhere(n, text, org):
            return []
        if (
            kind == "listed"
            and org is None
            and e - s == 1
            and inside
            and all(h.how != "acronym" for h in inside)
            and screening.is_acronym(text)
            and acronyms.role(t, s, e) == "other"
        ):
            return []  # a one-word name written in capitals in another role, as an acronym ('the AEROSUN method')
        use = (
            self._acronym_use(n, text)
            if kind == "listed" and org is None and inside and all(h.how == "acronym" for h in inside)
            else None
        )
        # a built-in body written with a word short ('Northwestern Polytechnical Univ.') is screened as that body,
        # unless the text places it in another country
        screened_as = org
        if org is None and use is None and (known := self._known_by_words(text)) is not None:
            after = self._country_after(t, e)
            screened_as = known if after is None or after == known.country else None
        matches, dropped = listmatch.screen_span(
            self, t, s, e, text, screened_as, inside, kind in ("listed", "seed"), use
        )
        if not matches and not dropped and org is None and self._legal_of_place(t, s, e):
            # 'IMA Consulting LLC of Moscow': the name ends at its legal form, the place after 'of' places it
            e -= 2
            text = t.span_text(s, e)
            end_char = t.end(e - 1)
            inside = [h for h in inside if h.end <= e]
            matches, dropped = listmatch.screen_span(
                self, t, s, e, text, None, inside, kind in ("listed", "seed"), use
            )
        elif (
            not dropped
            and org is None
            and (cut := self._of_city(t, s, e))
            and self._read_before_of(matches, t, cut, e)
        ):
            # 'VZ RTO of Volgograd', 'Chitron Electronics of Shenzhen': a name, 'of' and a place
            head = [h for h in inside if h.end <= cut]
            found, _ = listmatch.screen_span(
                self, t, s, cut, t.span_text(s, cut), None, head, kind in ("listed", "seed"), use
            )
            kept = self._placed_before_of(found, t, cut, e)
            if kept or matches:
                matches, e, text, inside = kept, cut, t.span_text(s, cut), head
                end_char = t.end(e - 1)
        if kind in ("listed", "seed") and not matches:
            return []  # found only to be screened, and nothing listed it: not reported
        not_partner = filters.first_catch(filters.NOT_PARTNER_FILTERS, n) if matches else None
        kind = "listed" if kind == "seed" else kind
        rule, severity, conf, reasons = self._org_rule(kind, org)
        if not_partner is not None:
            # a title, a reference or "not X": a note, never a partner finding
            rule, severity, conf = "org-list-mention", "info", 0.5
            reasons += [filters.org_reason("not-partner", why=not_partner.why)]
            reasons += [listmatch.match_reason(x, "") for x in matches[:3]]
            matches = []
        elif matches:
            rule, conf = "org-list-match", max(x.score for x in matches)
            designated = any(x.status == "designated" for x in matches)
            severity = max(severity, "high" if designated else "medium", key=_sev_rank)
            reasons += [listmatch.match_reason(x, self._consequence.get(x.list_id, "")) for x in matches[:6]]
        reasons += dropped
        name = org.name if org else text
        exact = [x.entry for x in matches if x.status == "designated" and x.score == 1.0]
        if not org and exact:  # the list's spelling names the body ("Univ." -> "University")
            name = next((x for x in exact if not x.isupper()), exact[0])
        finding = Finding(
            rule_id=rule,
            category="organisation",
            text=text,
            context=t.sentence_text(block.text, s, e),
            location=block.locate(start_char, end_char),
            severity=severity,
            confidence=conf,
            subcategory=kind,
            name=name,
            lists=matches,
            country_code=(org.country if org else None)
            or next((x.country for x in matches if x.country), None),
            reasons=reasons,
            block_index=block_index,
            start=start_char,
            end=end_char,
        )
        # an institution fixes the country it is in; a funder or government body named with no place word
        # (DARPA, Dstl, NIH) names who pays, not where ("Dstl" alone is no country)
        code = finding.country_code
        listed = bool(matches) and all(x.status == "designated" and x.score == 1.0 for x in matches)
        if (
            not code
            or not (org or listed)
            or kind not in ("university", "institute")
            or (org is not None and org.kind in NO_PLACE_KINDS)
            or self._has_country(t, s, e, code)
        ):
            return [finding]
        why = filters.org_reason("institution-country", name=name, code=code)
        return [finding, self._country_finding(t, block, block_index, s, e, code, "institution", why, 0.6)]

    @staticmethod
    def _org_rule(kind: str, org: KnownOrg | None) -> tuple[str, str, float, list[str]]:
        """Rule id, severity, confidence and first reason of a name before screening: a built-in body by its tags,
        any other by the kind of name it is."""
        if not org:
            return f"org-{kind}", "info", 0.6, [filters.org_reason("pattern", kind=kind)]
        why = (
            filters.org_reason("built-in-tags", name=org.name, tags=", ".join(org.tags))
            if org.tags
            else filters.org_reason("built-in", name=org.name)
        )
        severity = max((ORG_TAG_SEVERITY.get(tag, "info") for tag in org.tags), key=_sev_rank, default="info")
        return "org-known", severity, 0.9, [why]

    def _sentence_codes(self, t: _Tokens, s: int) -> set[str]:
        """Countries named in the sentence of token ``s`` (the block when it has no sentences)."""
        mentions = self._block_mentions
        if not mentions:
            return set()
        if t.has_sents:
            a, b = t.sentence(s)
            return {m.code for m in mentions if a <= m.start < b}
        return {m.code for m in mentions}

    def _span_mentions(self, t: _Tokens, s: int, e: int) -> list[_Mention]:
        """``mentions`` of the tokens ``s:e`` read on their own; copying the span is skipped when no place
        phrase, joined word or code lies inside it (then there is nothing to find)."""
        sdoc = t.doc
        if t is self._tokens:
            if not any(s <= ms and me <= e for ms, me, _ in self._scan(sdoc).places):
                if not JOINED_OR_CODE.search(t.text, t.st[s], t.end(e - 1)):
                    return []
        key = (t.text[t.st[s] : t.st[e]], t.sent_key(s, e))
        found = self._span_cache.get(key)
        if found is None:
            view = t.view(s, e) if t.can_view() else self._toks(sdoc[s:e].as_doc())
            found = self._span_cache[key] = self._mentions(view)
        return found

    def _country_in(self, t: _Tokens, s: int, e: int) -> str | None:
        """A country or nationality named inside an organisation's name ('Russian Ministry of Defence')."""
        for m in self._span_mentions(t, s, e):
            if m.place.kind in ("name", "demonym"):
                return m.code
        return None

    def _country_after(self, t: _Tokens, end: int) -> str | None:
        """A country named right after an organisation: 'X University (US)', 'X Institute, Germany', also after
        the full stop of a word written short ('General Tech. (China)') and after 'of' past a legal form ('X LLC
        of Moscow')."""
        if 0 < end < t.n and t.word(end) == "." and not t.sp[end - 1]:
            end += 1
        stop = min(t.n, end + 4)
        if stop - end < 2 or (
            t.word(end) not in ("(", ",", "-", "in")
            and not (t.word(end) == "of" and (self._legal_at(t, end - 1) or self._place_run_after_of(t, end)))
        ):
            return None
        for m in self._span_mentions(t, end, stop):
            if m.start <= 1 and m.place.kind in ("name", "region", "city"):
                return m.code
        return None

    @staticmethod
    def _legal_at(t: _Tokens, i: int) -> bool:
        """Whether token ``i`` is a word of a legal form ('LLC', 'Ltd', 'JSC')."""
        return i >= 0 and screening.legal_word(fold(t.word(i)).strip(".")) in word_lists().legal_forms

    def _legal_of_place(self, t: _Tokens, s: int, e: int) -> bool:
        """Whether tokens ``s:e`` end with a legal form, 'of' and a city or country ('IMA Consulting LLC of
        Moscow'): a company and where it is, not one name."""
        if e - s < 4 or t.word(e - 2) != "of" or not self._legal_at(t, e - 3):
            return False
        return any(
            m.start == 0 and m.place.kind in ("name", "city") for m in self._span_mentions(t, e - 1, e)
        )

    @staticmethod
    def _of_city(t: _Tokens, s: int, e: int) -> int:
        """Where 'of' stands before one or two last capitalised words of tokens ``s:e`` ('VZ RTO of Volgograd',
        'MSN International of Wah Cantt'), a name and perhaps its city; 0 when it does not."""
        for cut in (e - 2, e - 3):
            if cut - s >= 1 and t.word(cut) == "of":
                tail = [t.word(i) for i in range(cut + 1, e)]
                return cut if all(w.isalpha() and w[0].isupper() for w in tail) else 0
        return 0

    def _read_before_of(self, matches: list[ListMatch], t: _Tokens, cut: int, e: int) -> bool:
        """Whether the name before 'of' at token ``cut`` is read alone: when nothing listed matched the whole
        span, or only possible matches did while the words after 'of' are one place ('Zhangjiang Laboratory of
        Shanghai': the place places the body and is no part of its name)."""
        if not matches:
            return True
        return all(m.status == "possible" for m in matches) and bool(self._place_after_of(t, cut, e))

    def _placed_before_of(self, found: list[ListMatch], t: _Tokens, cut: int, e: int) -> list[ListMatch]:
        """The matches of the name before 'of' at token ``cut`` that the words after it place: the entry's own
        city named there ('VZ RTO of Volgograd', a city no place list may know), or one place the place lists
        know that the listed name does not hold (the verdict has weighed it as the place after the name)."""
        placed = self._place_after_of(t, cut, e)
        return [
            m
            for m in found
            if verdict.placed_by_city(m.evidence)
            or (placed and not verdict.name_holds(m.matched or m.entry, placed))
        ]

    def _place_run_after_of(self, t: _Tokens, of: int) -> bool:
        """Whether the capitalised words after 'of' at token ``of`` are one place and nothing more ('X
        Electronics of Shenzhen, China'; not 'of Beijing Institute of Technology')."""
        j = of + 1
        while j < t.n and t.info(j)[1] and not t.info(j)[2]:
            j += 1
        return j > of + 1 and bool(self._place_after_of(t, of, j))

    def _place_after_of(self, t: _Tokens, cut: int, e: int) -> str:
        """The words after 'of' at token ``cut`` up to ``e`` when the place lists read them as one city, region
        or country ('Chitron Electronics of Shenzhen, China', 'Zhangjiang Laboratory of Shanghai'): a place that
        places the body before it, which the verdict has weighed with the rest of the sentence; '' otherwise."""
        mentions = self._span_mentions(t, cut + 1, e)
        if any(
            m.start == 0 and m.end >= e - cut - 1 and m.place.kind in ("name", "city", "region")
            for m in mentions
        ):
            return t.span_text(cut + 1, e)
        return ""

    def _has_country(self, t: _Tokens, s: int, e: int, code: str) -> bool:
        return any(m.code == code for m in self._span_mentions(t, s, e))

    def _may_join(self, t: _Tokens, i: int) -> bool:
        """Whether a token can be part of a capitalised run (see ``_run``); any other token ends every run."""
        low, cap, punct, _, _ = t.info(i)
        if (cap and not punct) or low in CONNECTORS:
            return True
        w = t.word(i)
        return w in (".", ",") or w in self.company_heads

    def _org_runs(self, t: _Tokens, heads: list[int]) -> list[tuple[int, int, str]]:
        """Capitalised names containing an organisation head word, with the kind the head says.

        Only the runs around head words (``heads``: their first tokens) are read: scanning starts at the last
        token before a head word that cannot belong to any run, which gives the runs a scan of the whole block
        would.
        """
        out: list[tuple[int, int, str]] = []
        i = 0  # tokens before i have been read
        for h in sorted(set(heads)):
            if h < i:
                continue
            p = h
            while p > i and self._may_join(t, p - 1):
                p -= 1
            i = self._read_runs(t, p, h, out)
        return out

    def _read_runs(self, t: _Tokens, i: int, last: int, out: list[tuple[int, int, str]]) -> int:
        """Read the runs starting at tokens ``i..last`` into ``out``; return the first token not read."""
        n = t.n
        while i <= last and i < n:
            if not t.name_word(i):
                i += 1
                continue
            s, e = self._run(t, i, i + 1)
            # "X Co., Ltd." / "X Holdings, Inc.": a legal suffix after a comma belongs to the name
            while e + 1 < n and t.word(e) == "," and t.word(e + 1) in self.company_heads:
                e += 2
            if t.lower(s) == "the":
                s += 1
            # 'IMA Consulting LLC of Moscow': a company and where it is, its name ending at the legal form
            end = e - 2 if self._legal_of_place(t, s, e) else e
            for ps, pe in self._split_run(t, s, end):
                kind = self._org_kind(t, ps, pe) if pe - ps >= 2 else None
                if kind:
                    out.append((ps, pe, kind))
            i = max(e, i + 1)
        return i

    def _split_run(self, t: _Tokens, s: int, e: int) -> list[tuple[int, int]]:
        """'Beihang University and Tsinghua University' -> two names; '... and Dr Evans' -> name only."""
        for j in range(s + 1, e - 1):
            if t.lower(j) in ("and", "&"):
                if t.word(j + 1) in self.rules.titles:
                    return [(s, j)]
                if self._org_kind(t, s, j) and self._org_kind(t, j + 1, e):
                    return [(s, j), *self._split_run(t, j + 1, e)]
        return [(s, e)]

    def _org_kind(self, t: _Tokens, s: int, e: int) -> str | None:
        """The kind of organisation the head words of tokens ``s:e`` name, if any."""
        words = [t.word(i) for i in range(s, e)]
        text = t.span_text(s, e)
        if text.isupper():  # table cells and headings in capitals
            words = [w.title() if len(w) > 3 else w for w in words]
        if words[-1] in self.heads_by_kind.get("company", ()) or PUBLISHER.search(text):
            return "company"
        for kind in ("university", "institute", "government"):
            multi = self._multiword.get(kind)
            if any(w in self.heads_by_kind.get(kind, ()) for w in words) or (
                multi is not None and multi.search(text)
            ):
                return kind
        return None


@cache
def _short_word() -> re.Pattern[str]:
    """A word the lists write short or in another form ('Univ', 'Inst.', 'Polytechnical'): what a built-in body's
    name may be written with other than its own words."""
    words = sorted(map(re.escape, word_lists().abbreviations), key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(words) + r")\b")


def _filter_spans(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``spacy.util.filter_spans`` over (start, end, label) tuples: the first longest of overlapping spans."""
    out = []
    seen: set[int] = set()
    for s, e, label in sorted(spans, key=lambda x: (x[1] - x[0], -x[0]), reverse=True):
        if s not in seen and e - 1 not in seen:
            out.append((s, e, label))
            seen.update(range(s, e))
    return sorted(out, key=lambda x: x[0])


def _has_capital(word: str) -> bool:
    return any(c.isupper() for c in word)


_INDEXES: dict[tuple[int, tuple[str, ...]], tuple[Designations, ScreeningIndex]] = {}


COMMON_WORDS_FORMAT = 1  # bump when _common_words reads the packs another way
# whole words of three or more lower-case ASCII letters ([\w']+ tokens that are only those letters)
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z]{3,}(?![\w'])")


@cache
def _common_words(kept_in: Path | None = None) -> frozenset[str]:
    """Everyday and domain words: those written in lower case in the shipped pattern packs, and English stop
    words. A listed name made only of them ('The Base', 'Research Software') is never matched on its own.

    ``kept_in``: the compiled cache folder, where the words are kept under a digest of the packs read (reading
    the packs for them costs about 20 ms a process, the digest and the kept words about 6 ms); a changed pack
    is a miss, read again and kept."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from ...knowledge.resources import patterns_dir
    from ..compiled import files_digest, read_json, writable, write_json

    # not the names' own words, nor the regex sources of the document-type cues, nor the place names and
    # sources of the district table (a table of where lists' addresses are, not the words of a text)
    files = [
        p
        for p in sorted(patterns_dir().rglob("*.yaml"))
        if p.parent.name != "designations"
        and p.name not in ("screening.yaml", "doctype.yaml", "districts.yaml")
    ]
    digest = files_digest(f"common-words={COMMON_WORDS_FORMAT}", files) if kept_in is not None else None
    path = kept_in / "common_words.json" if kept_in is not None else None
    if digest is not None and path is not None:
        kept = read_json(path, digest)
        if isinstance(kept, str):  # one string, a word a line: a list of ~6,000 strings takes 5 ms to decode
            return frozenset(kept.split("\n"))
    words: set[str] = set(STOP_WORDS)
    for p in files:
        words.update(_LOWER_WORD.findall(p.read_text(encoding="utf-8")))
    if digest is not None and path is not None and writable(path.parent):
        write_json(path, digest, "\n".join(sorted(words)))
    return frozenset(words)


def _screening_index(
    designations: Designations, not_acronyms: tuple[str, ...], kept_in: Path | None = None
) -> ScreeningIndex:
    """One index per set of loaded lists (the loaders cache them), made once per process: the shipped snapshot's
    compiled index when the lists are that snapshot alone, else compiled now. ``kept_in``: the compiled cache
    folder, where the everyday words are kept between runs."""
    key = (id(designations), not_acronyms)
    got = _INDEXES.get(key)
    if got is None or got[0] is not designations:
        if len(_INDEXES) > 4:
            _INDEXES.clear()
        arrays = screening.shipped_index(designations.table) if designations.table is not None else None
        common = partial(_common_words, kept_in)
        if arrays is not None:
            index = ScreeningIndex(arrays, designations.rows, not_acronyms, common)
        else:
            index = ScreeningIndex.from_entries(designations.entries, not_acronyms, common)
        got = _INDEXES[key] = (designations, index)
    return got[1]


def _load_model(name: str):  # noqa: ANN202 - spacy.Language
    """Load an installed spaCy pipeline (package name or folder); never downloads."""
    import spacy

    if spacy.util.is_package(name) or Path(name).is_dir():
        return spacy.load(name)
    raise ValueError(
        f"spaCy model '{name}' is not installed (install it offline, e.g. pip install a local wheel,"
        " or give the path of a saved pipeline); grantscan never downloads models"
    )
