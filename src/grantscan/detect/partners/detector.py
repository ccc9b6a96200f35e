"""The partner detector: country mentions kept by the context rules, organisation names (recogniser and
built-in list) and screening-list matches (``screening``) with the qualifiers that decide them.

One Finding is returned per mention; grouping is done by the caller.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
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
from . import screening
from .organisations import ORG_TAG_SEVERITY, KnownOrg, _longest, _sev_rank, load_org_rules
from .places import (
    ABBREVIATED,
    AMOUNT,
    CITATION,
    CONNECTORS,
    COUNTRY_WORDS,
    FUNCTION_WORDS,
    JOINED_OR_CODE,
    KIND_CONFIDENCE,
    LETTER,
    PUBLISHER,
    QUALIFICATION,
    REFERENCE_SECTION,
    YEAR_FAST,
    Place,
    _risk_summary,
    _rules,
    _variants,
    country_code,
    country_name,
)
from .screening import (
    Hit,
    ScreeningIndex,
    canon,
    fold,
    is_acronym,
    name_words,
)
from .tokens import _Mention, _Scan, _Tokens

# a listed name inside these is a title or a reference, not a partner
TITLE_WORDS = re.compile(
    r"\b(?:Journal|Proceedings|Transactions|Bulletin|Letters|Acta|Annals|Review|Reviews|Conference|Symposium|"
    r"Workshop|Press|Magazine|Herald|Vestnik|Izvestiya|Gazette)\b"
)
TITLE_BEFORE = re.compile(
    r"(?:\b(?:Journal|Proceedings|Transactions|Bulletin|Letters|Annals|Acta|Review|Herald|Vestnik)\s+"
    r"(?:of|on|de)?\s*(?:the\s+)?|[\"“‘]\s*)$"
)
NEGATION = re.compile(
    r"\b(?:not|never|neither|nor|unrelated|unaffiliated|rather than|instead of|as opposed to|distinct from|"
    r"confused with|no (?:link|links|relation|relationship|connection|connections|affiliation|tie|ties))\b",
    re.I,
)
REFERENCE_ENTRY = re.compile(r"^\s*(?:\[\d+\]|\d+\.\s|\(\d+\))")
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
            "place": [(f"place:{ph}", ph, table.orth([ph])) for ph in self.rules.places],
            "org": [
                (f"ORG{i}", org, table.orth(v for n in [org.name, *org.aliases] for v in _variants(n)))
                for i, org in enumerate(self.orgs.known)
            ],
            "head": [("HEAD", None, table.orth(sorted(anchors)))],
            "code": [("CODE", None, [d for d in table.orth(sorted(self.iso_codes)) if len(d) == 1])],
        }
        self._found_by: dict[int, tuple[str, Any]] = {}
        self.matchers: list[PhraseMatcher] = []
        merged = PhraseMatcher(vocab, attr="ORTH")
        for kind, entries in patterns.items():
            keys_of: dict[tuple[int, ...], set[str]] = {}
            for key, value, docs in entries:
                self._found_by[vocab.strings.add(key)] = (kind, value)
                for d in docs:
                    keys_of.setdefault(d, set()).add(key)
            own = merged if all(len(k) == 1 for k in keys_of.values()) else PhraseMatcher(vocab, attr="ORTH")
            for key, _, docs in entries:
                own.add(key, docs)
            if own is not merged:
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
        base = default_designations()
        self.designations = base
        self.warnings: list[str] = list(base.warnings)  # lists skipped or ignored, for the CLI to show
        if config.lists_dir:
            extra = load_lists(config.lists_dir, country_of=country_code)
            self.warnings += extra.warnings
            self.designations = Designations(base.entries + extra.entries, base.lists + extra.lists)
        self.screen = _screening_index(self.designations, tuple(self._not_acronyms()))
        self._consequence = {i.id: i.consequence for i in self.designations.lists}
        self._block_mentions: list[_Mention] = []  # country mentions of the block being read
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
        """Nothing to set up per document."""

    def finalize(self, document: Document, own: list[Finding], earlier: list[Finding]) -> list[Finding]:
        """Nothing document-wide yet: mentions are grouped by the caller."""
        return own

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
        by = self._found_by
        for matcher in self.matchers:
            for key, s, e in matcher(doclike):
                kind, value = by[key]
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
            if "&" not in text and "@" not in text and "/" not in text:
                return []  # no place phrase, code or joined word: nothing to read
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
        out = [m for m in kept if self._keep(t, m, kept)]
        out += self._joined_and_codes(t, out, found.codes)
        out.sort(key=lambda m: m.start)
        self._resolve(t, out)
        return out

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
        """Apply the countries.yaml context rules to one matched place; False drops it."""
        r = self.rules
        ms, me, n = m.start, m.end, t.n
        text, st, sp = t.text, t.st, t.sp
        prev = ms - 1 if ms > 0 else None  # token indices
        nxt = me if me < n else None
        after = nxt
        if after is not None and text[st[me] : st[me + 1] - sp[me]] == "-" and me + 1 < n:
            after = me + 1
        prev_w = text[st[prev] : st[ms] - sp[prev]] if prev is not None else None
        if (
            ms >= 2
            and prev_w == "-"
            and not sp[prev]
            and not sp[ms - 2]
            and t.cap(ms - 2)
            and not any(x.end == ms - 1 for x in all_mentions)
        ):
            return False  # suffix of a compound name ("MarRI-UK")
        lo = max(0, ms - 4)
        low = t.lowers(lo, min(n, me + 7))  # lower-case words from 4 before to 7 after the mention
        a_low = me - lo  # index in ``low`` of the token after the mention
        if m.place.kind == "name" and any(w in QUALIFICATION for w in low[a_low : a_low + 3]):
            return False  # a kind of degree ("UK Master's degree"), not a place
        a, b = st[ms], st[me] - sp[me - 1]
        window = text[max(0, a - 120) : b + 120]
        if YEAR_FAST.search(window) and CITATION.search(window):
            return False  # place of publication in a reference
        if m.phrase == "US":
            if prev_w is not None and prev_w in r.us_pronoun_before:
                return False
            if nxt is not None and (t.word(nxt).startswith("$") or low[a_low] in ("dollar", "dollars")):
                return False
        if ms >= 2 and (low[ms - 2 - lo], low[ms - 1 - lo]) in r.not_before:
            return False
        run_start, run_end = self._run(t, ms, me)
        if run_end > me and any(t.word(i) in r.not_after for i in range(me, run_end)):
            return False
        if any(w in r.not_near_after for w in low[a_low:]) or "ranked" in low[: ms - lo]:
            return False  # a league table ("ranked 71st in the Shanghai ranking"), not a place
        prev_lower = low[ms - 1 - lo] if prev is not None else None
        if m.place.kind == "demonym":
            adjective = False  # an adjective before a noun: "English law"
            if after is not None:
                after_lower, _, _, alpha, is_lower = t.info(after)
                if after_lower in r.language_after:
                    return False
                adjective = alpha and is_lower and after_lower not in FUNCTION_WORDS
            if m.place.language:  # counted only as an adjective before a noun: "English law"
                if prev is not None and (
                    prev_lower in r.language_before or prev_lower in ("be", "is", "was", "are")
                ):
                    return False
                if not adjective:
                    return False
            elif self._coordinated_language(t, ms):
                return False  # "in French or Spanish"
            elif (
                re.search(r"(?i)\btranslat|\blanguages?\b|\bspeak", t.sentence_text(text, ms, me, (a, a + 1)))
                and not adjective
            ):
                return False  # "translated to Spanish", "materials in Portuguese"
            elif prev is not None and prev_lower in r.language_before and not adjective:
                return False
        if m.place.person_name and not self._place_cue(t, m, prev, nxt, all_mentions):
            return False
        if m.place.kind in ("region", "city"):
            run_text = t.span_text(run_start, run_end)
            in_university = self._university is not None and self._university.search(run_text) is not None
            if (
                not in_university
                and prev is not None
                and t.cap(prev)
                and t.info(prev)[3]
                and not t.sent_start(prev)
                and prev_w not in r.place_modifiers
                and prev_w not in r.name_words
                and prev_w not in r.places
                and prev_lower not in r.place_before
            ):
                return False  # a surname ("Dr Henry Lancashire")
            if run_end - run_start > me - ms:
                if PUBLISHER.search(run_text):
                    return False  # "Cambridge University Press"
                if not in_university and any(
                    t.word(i) in r.name_words for i in range(run_start, run_end) if not ms <= i < me
                ):
                    return False  # only part of another organisation's name (Port of London Authority)
        return True

    def _coordinated_language(self, t: _Tokens, start: int) -> bool:
        """True for the later demonyms of 'in French, German or Spanish' (the cue sits before the first)."""
        i = start - 1
        seen = False
        while i >= 1 and t.lower(i) in ("or", "and", ",", "/"):
            pl = self.rules.places.get(t.word(i - 1))
            if not pl or pl.kind != "demonym":
                return False
            seen = True
            i -= 2
        return seen and i >= 0 and t.lower(i) in self.rules.language_before

    def _place_cue(
        self, t: _Tokens, m: _Mention, prev: int | None, nxt: int | None, mentions: list[_Mention]
    ) -> bool:
        """For names that are also given names: True when the context says place, not person."""
        r = self.rules
        prev_w = t.word(prev) if prev is not None else None
        if prev_w is not None and prev_w in r.titles:
            return False
        if (
            nxt is not None
            and t.cap(nxt)
            and t.info(nxt)[3]
            and t.word(nxt) not in r.name_words
            and t.word(nxt) not in r.places
            and not any(x.start == m.end for x in mentions)
        ):
            return False  # "Chad Williams", "Jordan Peterson"
        prev_lower = t.lower(prev) if prev is not None else None
        if (
            prev is not None
            and t.cap(prev)
            and t.info(prev)[3]
            and not t.sent_start(prev)
            and prev_lower not in r.place_before
            and not any(x.end == m.start for x in mentions)
        ):
            return False  # "Michael Jordan"
        if prev is not None and prev_lower in r.place_before:
            if prev_lower in ("and", "or", ",", "("):
                return any(x is not m and abs(x.start - m.start) <= 4 for x in mentions)
            return True
        if any(x is not m and (0 < m.start - x.end <= 2 or 0 <= x.start - m.end <= 2) for x in mentions):
            return True
        a = t.st[m.start]
        sent = t.sentence_text(t.text, m.start, m.end, (a, a + 1))
        return bool(COUNTRY_WORDS.search(sent))  # "Chad is one of the poorest countries"

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
        quotation marks around a name (AO “Uralelement”) and an abbreviation before a word ('Research Inst.
        Signal')."""
        s, e = self._run(t, i, i + 1)
        n = t.n
        while True:
            s0, e0 = s, e
            if e + 1 < n and t.word(e) in "-‐–" and not t.sp[e - 1] and not t.sp[e] and t.info(e + 1)[3]:
                e = self._run(t, e + 1, e + 2)[1]
            elif e < n and t.word(e) in CLOSING_QUOTES and not t.sp[e - 1]:
                e += 1
            elif e + 1 < n and t.word(e) in OPENING_QUOTES and not t.sp[e] and t.name_word(e + 1):
                e = self._run(t, e + 1, e + 2)[
                    1
                ]  # a quoted name after a legal form: Joint Stock Company “Uralelement”
            if s > 0 and t.word(s - 1) in OPENING_QUOTES and not t.sp[s - 1]:
                s -= 1
                if s > 0 and t.name_word(s - 1):
                    s = self._run(t, s - 1, s)[0]
            elif s >= 2 and t.word(s - 1) == "." and not t.sp[s - 2] and t.word(s - 2) in ABBREVIATED:
                s = self._run(t, s - 2, s - 1)[0]
            if (s, e) == (s0, e0):
                return s, e

    def _resolve(self, t: _Tokens, mentions: list[_Mention]) -> None:
        """Choose codes that depend on neighbours: 'Atlanta, Georgia' -> US, 'Cambridge, Massachusetts' -> US."""
        for m in mentions:
            if m.place.alt:
                s0, s1 = t.sentence(m.start) if t.has_sents else (0, t.n)
                if any(x is not m and x.place.code == m.place.alt and s0 <= x.start < s1 for x in mentions):
                    m.code = m.place.alt
        for i, m in enumerate(mentions[:-1]):
            nxt = mentions[i + 1]
            if m.place.kind != "city" or not 0 <= nxt.start - m.end <= 2:
                continue
            between = t.span_text(m.end, nxt.start).strip()
            if between in (",", "(", "-", "") and nxt.place.kind in ("region", "name") and nxt.code != m.code:
                m.code = nxt.code

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
        return self.screen.scan(lower, orth, t.word, lambda i: _has_capital(t.word(i)))

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

    def _person_name(self, t: _Tokens, i: int) -> bool:
        """A one-word name at token ``i`` written as a surname: after a title, or a title and a given name."""
        if i == 0:
            return False
        prev = t.word(i - 1)
        if prev in self.rules.titles or prev.rstrip(".") in self.rules.titles:
            return True
        return (
            i >= 2
            and t.name_word(i - 1)
            and not t.sent_start(i - 1)
            and t.word(i - 2).rstrip(".") in self.rules.titles
        )

    def _organisations(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        out: list[Finding] = []
        known_spans: list[tuple[int, int, KnownOrg]] = []
        found = self._scan(sdoc)
        known_spans = list(found.orgs)
        orth = sdoc.to_array(ORTH) if len(sdoc) and len(self.screen) else np.zeros(0, dtype=np.uint64)
        hits = self._screen_hits(sdoc, orth)
        seeds = self._seeds(sdoc, orth)
        if not known_spans and not found.heads and self.ner is None and not hits and not seeds:
            return out
        t = self._toks(sdoc)
        blocked = self._blocked(sdoc) if known_spans else []
        known_spans = _longest(
            [
                k
                for k in known_spans
                if not any(bs < k[1] and k[0] < be and be - bs > k[1] - k[0] for bs, be in blocked)
            ]
        )
        candidates: list[tuple[int, int, str, KnownOrg | None]] = []
        for s, e, kind in self._org_runs(t, found.heads):
            inside = [k for k in known_spans if s <= k[0] and k[1] <= e]
            org = inside[0][2] if len(inside) == 1 else None
            named = self._country_in(t, s, e)
            if org and named and org.country and named != org.country:
                org = None  # "Russian Ministry of Defence" is not the UK's
            candidates.append((s, e, kind, org))
        for s, e, org in known_spans:
            if not any(cs <= s and e <= ce for cs, ce, _, _ in candidates):
                rs = max(self._run(t, s, e)[0], s - 2)
                named = self._country_in(t, rs, s) if rs < s else None
                if org.country and named and named != org.country:
                    # "Iran National Science Foundation" is not the US NSF
                    candidates.append((rs, e, org.kind, None))
                else:
                    candidates.append((s, e, org.kind, org))
        if self.ner is not None:
            ents = self.ner(t.text).ents
            for ent in ents:
                if ent.label_ == "ORG":
                    span = sdoc.char_span(ent.start_char, ent.end_char, alignment_mode="expand")
                    if span is not None and not any(
                        cs < span.end and span.start < ce for cs, ce, _, _ in candidates
                    ):
                        candidates.append((span.start, span.end, "ner", None))
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
                candidates.append((h.start, h.end, "listed", None))
        covered = bytearray(t.n if seeds else 0)  # 1 for the tokens of a candidate, 2 of a listed name alone
        for cs, ce, kind, _ in candidates if seeds else ():
            covered[cs:ce] = (b"\x02" if kind == "listed" else b"\x01") * max(0, ce - cs)
        for i in seeds:
            # a capitalised run holding a distinctive listed word, written another way ("Bureau of Sukhoi Design")
            if covered[i] == 1:
                continue
            rs, re_ = self._name_run(t, i)
            if rs < i and t.sent_start(rs) and not self.screen.is_seed(t.word(rs)):
                rs += 1  # the sentence's first word ("Letters", "Partner")
            if re_ - rs < 2:
                continue
            if covered.find(1, rs, re_) != -1:
                continue  # another candidate holds some of its tokens
            if covered.find(2, rs, re_) != -1:
                # a listed name found inside the run on its own ('Mechanical Plant' in 'Balakeerev Mechanical
                # Plant') gives way to the run, unless it runs past it
                inside = [c for c in candidates if rs <= c[0] and c[1] <= re_ and c[2] == "listed"]
                if sum(c[1] - c[0] for c in inside) != covered.count(2, rs, re_):
                    continue
                candidates = [c for c in candidates if c not in inside]
            candidates.append((rs, re_, "seed", None))
            covered[rs:re_] = b"\x01" * (re_ - rs)
        for s, e, kind, org in sorted(candidates, key=lambda c: c[0]):
            if e - s == 1 and kind != "university" and self._person_name(t, s):
                continue  # "Dr Maria Rostec": a surname, not the corporation
            text = t.span_text(s, e)
            if self.host is not None and self.host.match(text):
                continue  # the host institution itself is not a partner
            start_char, end_char = t.st[s], t.end(e - 1)
            name = org.name if org else text
            inside = [h for h in hits if s <= h.start and h.end <= e]
            matches, dropped = self._screen_span(t, s, e, text, org, inside, kind in ("listed", "seed"))
            not_partner = self._not_partner(t, block, s, e) if matches else None
            if kind in ("listed", "seed") and not matches:
                continue  # found only to be screened, and nothing listed it: not reported
            if kind == "seed":
                kind = "listed"
            severity, conf, reasons = "info", 0.6, [f"{kind} name pattern"]
            rule = f"org-{kind}"
            if org:
                rule, conf = "org-known", 0.9
                reasons = [f"built-in list: {org.name}" + (f" ({', '.join(org.tags)})" if org.tags else "")]
                severity = max(
                    (ORG_TAG_SEVERITY.get(tag, "info") for tag in org.tags), key=_sev_rank, default="info"
                )
            if matches and not_partner:
                # a title, a reference or "not X": a note, never a partner finding
                rule, severity, conf = "org-list-mention", "info", 0.5
                reasons += [f"named in {not_partner}, not as a partner"]
                reasons += [_match_reason(x, "") for x in matches[:3]]
                matches = []
            elif matches:
                rule, conf = "org-list-match", max(x.score for x in matches)
                designated = any(x.status == "designated" for x in matches)
                severity = max(severity, "high" if designated else "medium", key=_sev_rank)
                reasons += [_match_reason(x, self._consequence.get(x.list_id, "")) for x in matches[:6]]
            reasons += dropped
            exact = [x.entry for x in matches if x.status == "designated" and x.score == 1.0]
            if not org and exact:  # the list's spelling names the body ("Univ." -> "University")
                name = next((n for n in exact if not n.isupper()), exact[0])
            out.append(
                Finding(
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
            )
            # an institution fixes the country it is in (funders and government bodies name who pays)
            code = out[-1].country_code
            listed = bool(matches) and all(x.status == "designated" and x.score == 1.0 for x in matches)
            if (
                code
                and (org or listed)
                and kind in ("university", "institute")
                and not self._has_country(t, s, e, code)
            ):
                out.append(
                    self._country_finding(
                        t,
                        block,
                        block_index,
                        s,
                        e,
                        code,
                        "institution",
                        f"institution '{name}' is in {code}",
                        0.6,
                    )
                )
        return out

    def _screen_span(
        self,
        t: _Tokens,
        s: int,
        e: int,
        text: str,
        org: KnownOrg | None,
        hits: list[Hit],
        kind_listed: bool = False,
    ) -> tuple[list[ListMatch], list[str]]:
        """List matches of the organisation at tokens ``s:e`` and the reasons some candidates were dropped.

        Evidence: listed names found in the span by the scan, the built-in body's own names, else fuzzy scores of
        the span's text. The place in the name, right after it or in its sentence, set against the entry's
        countries, decides between designated, possible and not this entity."""
        idx = self.screen
        ev: dict[int, tuple[float, str]] = {}
        if org is not None:
            for n in [org.name, *org.aliases]:
                if not is_acronym(n) and len(n) > 3:
                    for k in idx.lookup(n):
                        ev.setdefault(k, (1.0, "known"))
        whole = False
        for h in hits:
            if org is not None and h.how == "acronym":
                continue  # the built-in body decides what its acronym names
            if h.how != "acronym" and self._qualified(t, s, h.start):
                continue  # "Shandong University of Science and Technology ...": another body than the listed one
            whole = whole or (h.start == s and h.end == e)
            rs, re_ = self._run(t, h.start, h.end)
            rs, re_ = min(rs, s), max(re_, e)
            others = self._other_words(t, rs, re_, h) if (h.start, h.end) != (rs, re_) else False
            for k in h.names:
                if others and len(idx.names[k].words) <= 2:
                    continue  # "Machine Building" inside "Mytishchi Machine Building Plant": another body
                ev.setdefault(k, (h.score, h.how))
        if not whole:
            # no listed name covers the whole span: read it whole too ("Beizhing Guowei Integration Technology")
            specific = any(not idx.generic(k) for k in ev)  # a generic name found inside does not decide it
            for k, score in idx.score_span(text, screening.DESIGNATED if specific else screening.POSSIBLE):
                ev.setdefault(k, (score, "reordered" if score >= 1.0 else "fuzzy"))
            whole = not hits
        if not ev and e - s > 2 and not kind_listed:
            # a sentence's first words run into the name ("Staff of Sharif University ..."): start later, past
            # everyday words only ("Ioffe Physical-Technical Institute" is not a listed "Institute of Technical
            # Physics")
            for j in range(s + 1, min(e - 1, s + 4)):
                if self._distinctive_word(t, j - 1):
                    break
                if t.name_word(j) and not t.name_word(j - 1) or j == s + 1:
                    for k, score in idx.score_span(t.span_text(j, e)):
                        ev.setdefault(k, (score, "reordered" if score >= 1.0 else "fuzzy"))
                if ev:
                    break
        if (
            max((x[0] for k, x in ev.items() if not idx.generic(k)), default=0.0) < screening.DESIGNATED
            and e + 1 < t.n
            and t.word(e) in (",", "(", "in")
            and t.name_word(e + 1)
        ):
            # "Institute of Advanced Technology, Wuxi": the place word belongs to the listed name; "Tactical
            # Missile Corporation, Joint Stock Company 'Uralelement'": so does the name after the comma
            after = t.word(e + 1)
            for k, score in idx.score_span(f"{text} {after}"):
                if score >= screening.DESIGNATED and canon(fold(after)) in idx.names[k].keys:
                    ev[k] = (score, "reordered" if score >= 1.0 else "fuzzy")
            end = self._name_run(t, e + 1)[1]
            if not ev and t.word(e) == "," and end > e + 2:
                keys = {canon(w) for i in range(e + 1, end) for w in name_words(t.word(i))}
                for k, score in idx.score_span(t.span_text(s, end)):
                    if score >= screening.DESIGNATED and not keys.isdisjoint(idx.names[k].keys):
                        ev[k] = (score, "reordered" if score >= 1.0 else "fuzzy")
        if not ev:
            return [], []
        strong = {m.code for m in self._span_mentions(t, s, e)}
        after = self._country_after(t, e)
        if after:
            strong.add(after)
        if org is not None and org.country:
            strong.add(org.country)
        weak = self._sentence_codes(t, s) - strong
        best: dict[tuple[str, str], ListMatch] = {}
        dropped: list[str] = []
        for k, (score, how) in sorted(ev.items(), key=lambda kv: -kv[1][0]):
            nm = idx.names[k]
            entry = idx.entries[nm.entry]
            key = (entry.list_id, entry.entry_id or entry.name)
            if key in best:
                continue
            generic = idx.generic(k)
            evidence = [_how(how, nm.raw, score)]
            status = "designated" if score >= screening.DESIGNATED else "possible"
            if score < screening.POSSIBLE:
                continue
            countries = entry.all_countries()
            if how == "acronym" and len(nm.raw) <= 3 and not ((strong | weak) & countries):
                continue  # a three-letter acronym alone is too common ('IEC', 'DEC'): only with its country
            if how in ("fuzzy", "reordered") and kind_listed and score < screening.DESIGNATED:
                continue  # a run found only by a listed word must be close to be worth a check
            if how == "acronym" and idx.acronym_bodies(nm.raw) > 1:
                status = "possible"
                evidence.append(f"'{nm.raw}' is the acronym of {idx.acronym_bodies(nm.raw)} listed bodies")
            if entry.category and set(entry.category.split(", ")) == {"Civilian"}:
                status = "possible"  # a tracker entry rated only "Civilian" is worth a check, not an alarm
                evidence.append("the tracker rates it Civilian")
            if countries and strong:
                if strong & countries:
                    evidence.append(f"placed in {', '.join(sorted(strong & countries))}, as listed")
                else:
                    dropped.append(
                        f"not {entry.list_name} {entry.entry_id or ''} '{entry.name}': listed in "
                        f"{', '.join(sorted(countries))}, this one in {', '.join(sorted(strong))}"
                    )
                    continue
            elif countries and weak:
                if weak & countries:
                    evidence.append(f"its sentence names {', '.join(sorted(weak & countries))}, as listed")
                elif generic:
                    dropped.append(
                        f"not {entry.list_name} {entry.entry_id or ''} '{entry.name}': a name several bodies "
                        f"share, listed in {', '.join(sorted(countries))}, placed in {', '.join(sorted(weak))}"
                    )
                    continue
                else:
                    evidence.append(
                        f"its sentence names {', '.join(sorted(weak))}; listed in {', '.join(sorted(countries))}"
                    )
                    if how == "fuzzy":
                        status = "possible"
            elif generic and weak & countries and len(nm.words) <= 2:
                status = "possible"  # a two-word generic name, placed only by its sentence
                evidence.append(f"a generic name; its sentence names {', '.join(sorted(weak & countries))}")
            elif generic and (strong or len(nm.words) <= 2):
                continue  # a generic name placed by the text where the list cannot say, or too short alone
            elif generic:
                if not whole:
                    continue  # a generic listed name inside a longer, unplaced name: that name is another body
                status = "possible"
                evidence.append("a name several bodies share, and no place named: check which one")
            if (
                status == "designated"
                and how == "fuzzy"
                and countries
                and not (strong & countries or weak & countries)
            ):
                evidence.append("no place named to confirm it")
            best[key] = ListMatch(
                list_id=entry.list_id,
                list_name=entry.list_name,
                snapshot=entry.snapshot,
                entry=entry.name,
                score=round(min(score, 1.0), 3),
                country=entry.country,
                entry_id=entry.entry_id,
                regime=entry.regime,
                matched=nm.raw,
                status=status,  # type: ignore[arg-type]
                evidence=evidence,
            )
        found = sorted(best.values(), key=lambda m: (m.status != "designated", -m.score))
        return found, dropped[:3]

    def _distinctive_word(self, t: _Tokens, i: int) -> bool:
        """Whether token ``i`` is a capitalised word that tells one body from another: not an everyday word, a
        generic one, a legal form or a nationality."""
        if not t.name_word(i):
            return False
        w = t.word(i)
        if fold(w) in self.screen.common:
            return False
        generic, dropped = self.screen.generic_words, self.screen.dropped_words
        if all(x in generic or x in dropped for x in name_words(w)):
            return False
        place = self.rules.places.get(w)
        return place is None or place.kind != "demonym"

    def _qualified(self, t: _Tokens, s: int, start: int) -> bool:
        """Whether the capitalised words written right before a listed name at token ``start`` (from token ``s``
        on) name another body: a distinctive word other than a nationality ('Shandong University of Science and
        Technology' is not 'University of Science and Technology of China'; 'Russian Rostec' is Rostec)."""
        generic, dropped = self.screen.generic_words, self.screen.dropped_words
        j = start - 1
        while j >= s and t.name_word(j):
            if any(w not in generic and w not in dropped for w in name_words(t.word(j))):
                place = self.rules.places.get(t.word(j))
                if place is None or place.kind != "demonym":
                    return True
            j -= 1
        return False

    def _other_words(self, t: _Tokens, s: int, e: int, h: Hit) -> bool:
        """Whether tokens ``s:e`` name more than the hit: a capitalised word outside it that is not generic, a
        legal form or a place."""
        places = {i for m in self._span_mentions(t, s, e) for i in range(s + m.start, s + m.end)}
        generic, dropped = self.screen.generic_words, self.screen.dropped_words
        for i in range(s, e):
            if h.start <= i < h.end or i in places or not t.name_word(i):
                continue
            if any(w not in generic and w not in dropped for w in name_words(t.word(i))):
                return True
        return False

    def _sentence_codes(self, t: _Tokens, s: int) -> set[str]:
        """Countries named in the sentence of token ``s`` (the block when it has no sentences)."""
        mentions = self._block_mentions
        if not mentions:
            return set()
        if t.has_sents:
            a, b = t.sentence(s)
            return {m.code for m in mentions if a <= m.start < b}
        return {m.code for m in mentions}

    def _not_partner(self, t: _Tokens, block: TextBlock, s: int, e: int) -> str | None:
        """Why the name at tokens ``s:e`` is not a partner: a title, a reference or a negated mention."""
        text = t.text
        a, b = t.st[s], t.end(e - 1)
        rs, re_ = self._run(t, s, e)
        if TITLE_WORDS.search(t.span_text(rs, re_)) or TITLE_BEFORE.search(text[max(0, a - 40) : a]):
            return "a journal or proceedings title"
        window = text[max(0, a - 150) : b + 150]
        if YEAR_FAST.search(window) and (CITATION.search(window) or REFERENCE_ENTRY.match(text)):
            return "a reference"
        if t.has_sents:
            sa = t.st[t.sentence(s)[0]]
        else:
            sa = max(text.rfind(". ", 0, a) + 1, 0)
        if NEGATION.search(text[max(sa, a - 120) : a]):
            return "a sentence that says the partner is not it"
        return None

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
        """A country named right after an organisation: 'X University (US)', 'X Institute, Germany'."""
        stop = min(t.n, end + 4)
        if stop - end < 2 or t.word(end) not in ("(", ",", "-", "in"):
            return None
        for m in self._span_mentions(t, end, stop):
            if m.start <= 1 and m.place.kind in ("name", "region", "city"):
                return m.code
        return None

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
            for ps, pe in self._split_run(t, s, e):
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


def _how(how: str, raw: str, score: float) -> str:
    return {
        "exact": f"listed name or alias '{raw}' written in the text",
        "known": f"built-in body, listed as '{raw}'",
        "acronym": f"listed acronym '{raw}'",
        "reordered": f"listed name '{raw}' in another word order or spelling",
        "typo": f"listed name '{raw}' written with a typo (score {score:.2f})",
    }.get(how, f"close to listed name '{raw}' (score {score:.2f})")


def _match_reason(m: ListMatch, consequence: str) -> str:
    """'UK Sanctions List (FCDO) RUS1431 'Moscow Institute of Physics and Technology' (RUS; snapshot D):
    designated; evidence; what follows'."""
    bits = f"{m.list_name} {m.entry_id or ''} '{m.entry}'".replace("  ", " ")
    meta = "; ".join(x for x in (m.regime, f"snapshot {m.snapshot}" if m.snapshot else "") if x)
    out = f"{bits} ({meta}): {m.status}" + (f" (score {m.score:.2f})" if m.score < 1.0 else "")
    if m.evidence:
        out += "; " + "; ".join(m.evidence)
    if consequence and m.status == "designated":
        out += f". {consequence}"
    return out


_INDEXES: dict[tuple[int, tuple[str, ...]], tuple[Designations, ScreeningIndex]] = {}


@cache
def _common_words() -> frozenset[str]:
    """Everyday and domain words: those written in lower case in the shipped pattern packs, and English stop
    words. A listed name made only of them ('The Base', 'Research Software') is never matched on its own."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from ...knowledge.resources import patterns_dir

    words: set[str] = set(STOP_WORDS)
    for p in sorted(patterns_dir().rglob("*.yaml")):
        if p.parent.name != "designations" and p.name != "screening.yaml":  # not the names' own words
            # whole words of three or more lower-case ASCII letters
            for w in set(re.findall(r"[\w']+", p.read_text(encoding="utf-8"))):
                if len(w) >= 3 and w.isascii() and w.isalpha() and w.islower():
                    words.add(w)
    return frozenset(words)


def _screening_index(designations: Designations, not_acronyms: tuple[str, ...]) -> ScreeningIndex:
    """One index per set of loaded lists (the loaders cache them), made once per process: the shipped snapshot's
    compiled index when the lists are that snapshot alone, else compiled now."""
    key = (id(designations), not_acronyms)
    got = _INDEXES.get(key)
    if got is None or got[0] is not designations:
        if len(_INDEXES) > 4:
            _INDEXES.clear()
        arrays = screening.shipped_index(designations.table) if designations.table is not None else None
        if arrays is not None:
            index = ScreeningIndex(arrays, lambda: designations.entries, not_acronyms, _common_words)
        else:
            index = ScreeningIndex.from_entries(designations.entries, not_acronyms, _common_words)
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
