"""Whether a matched place phrase is a country mention: the context rules of ``countries.yaml`` as named rules.

Each rule answers one question about one mention and says True when the mention is not a place ("UK Master's
degree", "Dr Henry Lancashire", "translated to Spanish"). ``KEEP_RULES`` applies them in order; the first rule
that drops a mention names why (``dropped_by``), and a mention no rule drops is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from .places import (
    CITATION,
    CONNECTORS,
    COUNTRY_WORDS,
    FUNCTION_WORDS,
    PUBLISHER,
    QUALIFICATION,
    YEAR_FAST,
    CountryRules,
)
from .tokens import _Mention, _Tokens

_LANGUAGE_WORDS = re.compile(r"(?i)\btranslat|\blanguages?\b|\bspeak")
_BE = ("be", "is", "was", "are")
# what follows the place of a news-release dateline: a dash, or the agency's credit in brackets
_DATELINE_AFTER = ("-", "--", "\u2013", "\u2014", "(")


class PlaceContext:
    """One place phrase in its tokens, with what the rules read around it (each worked out on first use)."""

    def __init__(
        self,
        t: _Tokens,
        m: _Mention,
        mentions: list[_Mention],
        rules: CountryRules,
        university: re.Pattern[str] | None,
        run: Callable[[_Tokens, int, int], tuple[int, int]],
    ):
        self.t, self.m, self.mentions, self.rules = t, m, mentions, rules
        self.university, self.run_of = university, run
        ms, me, n = m.start, m.end, t.n
        self.prev = ms - 1 if ms > 0 else None  # token indices
        self.nxt = me if me < n else None

    @cached_property
    def prev_w(self) -> str | None:
        """The token before the mention, as written."""
        t, p = self.t, self.prev
        return t.text[t.st[p] : t.st[self.m.start] - t.sp[p]] if p is not None else None

    @cached_property
    def after(self) -> int | None:
        """The token after the mention, past a hyphen ("Spanish-speaking")."""
        t, me = self.t, self.m.end
        if self.nxt is not None and t.text[t.st[me] : t.st[me + 1] - t.sp[me]] == "-" and me + 1 < t.n:
            return me + 1
        return self.nxt

    @cached_property
    def lo(self) -> int:
        """The first token of ``low``: four before the mention."""
        return max(0, self.m.start - 4)

    @cached_property
    def low(self) -> list[str]:
        """Lower-case words from 4 before to 7 after the mention."""
        return self.t.lowers(self.lo, min(self.t.n, self.m.end + 7))

    @cached_property
    def a_low(self) -> int:
        """Index in ``low`` of the token after the mention."""
        return self.m.end - self.lo

    @cached_property
    def prev_lower(self) -> str | None:
        return self.low[self.m.start - 1 - self.lo] if self.prev is not None else None

    @cached_property
    def chars(self) -> tuple[int, int]:
        """Character offsets of the mention."""
        t, ms, me = self.t, self.m.start, self.m.end
        return t.st[ms], t.st[me] - t.sp[me - 1]

    @cached_property
    def run(self) -> tuple[int, int]:
        """Token range of the capitalised name the mention is part of."""
        return self.run_of(self.t, self.m.start, self.m.end)

    @cached_property
    def run_text(self) -> str:
        return self.t.span_text(*self.run)

    @cached_property
    def adjective(self) -> bool:
        """A demonym used as an adjective before a noun: "English law"."""
        if self.after is None:
            return False
        after_lower, _, _, alpha, is_lower = self.t.info(self.after)
        return alpha and is_lower and after_lower not in FUNCTION_WORDS

    @cached_property
    def in_university(self) -> bool:
        """The name around the mention is a university's ("University of Cambridge")."""
        return self.university is not None and self.university.search(self.run_text) is not None


# -- the rules: True drops the mention ----------------------------------------------------------------------------


def compound_suffix(c: PlaceContext) -> bool:
    """A place written after a hyphen at the end of a capitalised compound name is part of it ("MarRI-UK")."""
    t, ms = c.t, c.m.start
    return (
        ms >= 2
        and c.prev_w == "-"
        and not t.sp[ms - 1]
        and not t.sp[ms - 2]
        and t.cap(ms - 2)
        and not any(x.end == ms - 1 for x in c.mentions)
    )


def qualification(c: PlaceContext) -> bool:
    """A country name before a kind of degree names the degree ("UK Master's degree")."""
    return c.m.place.kind == "name" and any(w in QUALIFICATION for w in c.low[c.a_low : c.a_low + 3])


def citation(c: PlaceContext) -> bool:
    """A place near a year and citation words is a place of publication in a reference."""
    a, b = c.chars
    window = c.t.text[max(0, a - 120) : b + 120]
    return bool(YEAR_FAST.search(window) and CITATION.search(window))


def us_pronoun(c: PlaceContext) -> bool:
    """'US' after a verb or preposition is the pronoun "us" ("let US know")."""
    return c.m.phrase == "US" and c.prev_w is not None and c.prev_w in c.rules.us_pronoun_before


def us_dollars(c: PlaceContext) -> bool:
    """'US' before an amount or "dollars" names a currency, not a partner country."""
    if c.m.phrase != "US" or c.nxt is None:
        return False
    return c.t.word(c.nxt).startswith("$") or c.low[c.a_low] in ("dollar", "dollars")


def not_before(c: PlaceContext) -> bool:
    """Two words before that make it something else (countries.yaml ``not_before``)."""
    ms, lo = c.m.start, c.lo
    return ms >= 2 and (c.low[ms - 2 - lo], c.low[ms - 1 - lo]) in c.rules.not_before


def not_after(c: PlaceContext) -> bool:
    """A word later in its capitalised name that makes it something else (countries.yaml ``not_after``)."""
    me = c.m.end
    run_end = c.run[1]
    return run_end > me and any(c.t.word(i) in c.rules.not_after for i in range(me, run_end))


def league_table(c: PlaceContext) -> bool:
    """A ranking ("ranked 71st in the Shanghai ranking"), not a place (countries.yaml ``not_near_after``)."""
    return any(w in c.rules.not_near_after for w in c.low[c.a_low :]) or "ranked" in c.low[: c.m.start - c.lo]


def language_after(c: PlaceContext) -> bool:
    """A demonym before a language word names the language ("Spanish-speaking", "French course")."""
    return (
        c.m.place.kind == "demonym" and c.after is not None and c.t.info(c.after)[0] in c.rules.language_after
    )


def language_name(c: PlaceContext) -> bool:
    """A demonym that mostly names a language counts only as an adjective before a noun ("English law"), never
    after a language cue or a form of 'to be'."""
    if c.m.place.kind != "demonym" or not c.m.place.language:
        return False
    if c.prev is not None and (c.prev_lower in c.rules.language_before or c.prev_lower in _BE):
        return True
    return not c.adjective


def coordinated_language(c: PlaceContext) -> bool:
    """The later demonyms of 'in French, German or Spanish' (the language cue sits before the first)."""
    if c.m.place.kind != "demonym" or c.m.place.language:
        return False
    t, rules = c.t, c.rules
    i = c.m.start - 1
    seen = False
    while i >= 1 and t.lower(i) in ("or", "and", ",", "/"):
        pl = rules.places.get(t.word(i - 1))
        if not pl or pl.kind != "demonym":
            return False
        seen = True
        i -= 2
    return seen and i >= 0 and t.lower(i) in rules.language_before


def language_sentence(c: PlaceContext) -> bool:
    """A demonym, not an adjective, in a sentence about languages ("translated to Spanish", "materials in
    Portuguese")."""
    if c.m.place.kind != "demonym" or c.m.place.language or c.adjective:
        return False
    a = c.chars[0]
    return _LANGUAGE_WORDS.search(c.t.sentence_text(c.t.text, c.m.start, c.m.end, (a, a + 1))) is not None


def language_before(c: PlaceContext) -> bool:
    """A demonym, not an adjective, after a language cue ("in Portuguese")."""
    if c.m.place.kind != "demonym" or c.m.place.language or c.adjective:
        return False
    return c.prev is not None and c.prev_lower in c.rules.language_before


def person_name(c: PlaceContext) -> bool:
    """A place that is also a given name ("Chad", "Jordan") counts only where its context says place; inside a
    university's name it is the place ("Virginia Union University", "University of Virginia") unless a given
    name comes just before it ("University of Mary Washington")."""
    if not c.m.place.person_name:
        return False
    if c.in_university and not (c.prev is not None and c.t.cap(c.prev) and c.prev_lower not in CONNECTORS):
        return False
    return not _place_cue(c)


def licence_name(c: PlaceContext) -> bool:
    """A country word inside a licence's name ("Data licence Germany", "Creative Commons Attribution 3.0
    Australia licence", "the Norwegian licence for Open Government data") is not a jurisdiction."""
    t, r, i = c.t, c.rules, c.m.start - 1
    while i >= 0 and (t.word(i) in ("-", ".") or t.word(i).replace(".", "").isdigit()):
        i -= 1  # a version number or the hyphen of "Attribution-ShareAlike"
    if i >= 0 and (t.word(i) in r.licence_words or t.word(i) in r.licence_name_before):
        return True
    a = c.after
    return a is not None and t.word(a) in r.licence_words and a + 1 < t.n and t.lower(a + 1) == "for"


def time_zone(c: PlaceContext) -> bool:
    """A country word before "Time" names a time zone ("17:00hrs Nepal Time"), not a place."""
    t, me = c.t, c.m.end
    return any(
        me + len(z) <= t.n and tuple(t.word(me + k) for k in range(len(z))) == z
        for z in c.rules.time_zone_after
    )


def definition_place(c: PlaceContext) -> bool:
    """A place in a definition of days ("a public or bank holiday in England", "banks in London are open")."""
    ms = c.m.start
    return ms >= 2 and (c.t.lower(ms - 2), c.t.lower(ms - 1)) in c.rules.definition_before


def _list_start(c: PlaceContext) -> int:
    """The first token of the list of places the mention ends ("China and India", "the US, Japan and Korea")."""
    t, start = c.t, c.m.start
    joins = ("and", "or", ",", "in", "the")
    while True:
        j = start - 1
        while j >= 0 and t.lower(j) in joins:
            j -= 1
        if not any(t.lower(k) in ("and", "or", ",") for k in range(j + 1, start)):
            return start
        prev = [x for x in c.mentions if x.end == j + 1]
        if not prev:
            return start
        start = prev[0].start


def comparison(c: PlaceContext) -> bool:
    """A country after a market or comparison cue, or in a list that follows one ("competition from the US and
    Asia", "a mature market in China and india", "an area the size of Louisiana"), is no partner."""
    t = c.t
    start = _list_start(c)
    if start > 0 and t.lower(start - 1) == "the":
        start -= 1
    for cue in c.rules.comparison_before:
        k = len(cue)
        if start >= k and tuple(t.lower(start - k + j) for j in range(k)) == cue:
            return True
    return False


def surname(c: PlaceContext) -> bool:
    """A region or city after a capitalised word that is not a place word is a surname ("Dr Henry Lancashire")."""
    if c.m.place.kind not in ("region", "city") or c.in_university or c.prev is None:
        return False
    t, r, prev, prev_w = c.t, c.rules, c.prev, c.prev_w
    return (
        t.cap(prev)
        and t.info(prev)[3]
        and not t.sent_start(prev)
        and prev_w not in r.place_modifiers
        and prev_w not in r.name_words
        and prev_w not in r.places
        and c.prev_lower not in r.place_before
    )


def publisher(c: PlaceContext) -> bool:
    """A region or city in a publisher's name ("Cambridge University Press")."""
    if c.m.place.kind not in ("region", "city"):
        return False
    run_start, run_end = c.run
    return run_end - run_start > c.m.end - c.m.start and PUBLISHER.search(c.run_text) is not None


def other_organisation(c: PlaceContext) -> bool:
    """A region or city that is only part of another organisation's name ("Port of London Authority")."""
    if c.m.place.kind not in ("region", "city") or c.in_university:
        return False
    run_start, run_end = c.run
    ms, me = c.m.start, c.m.end
    if run_end - run_start <= me - ms:
        return False
    return any(c.t.word(i) in c.rules.name_words for i in range(run_start, run_end) if not ms <= i < me)


def _place_cue(c: PlaceContext) -> bool:
    """For names that are also given names: True when the context says place, not person."""
    t, r, m, mentions, prev, nxt = c.t, c.rules, c.m, c.mentions, c.prev, c.nxt
    if _dateline(t, m, nxt):
        return True
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


def _dateline(t: _Tokens, m: _Mention, nxt: int | None) -> bool:
    """A news release's dateline: the place in capitals opening the text, then a dash or the agency's credit in
    brackets ("WASHINGTON (NASA PR) - NASA plans ...", "WASHINGTON - After a rigorous competition, the FAA ...");
    a person named in capitals ("WASHINGTON IRVING wrote ...") is followed by another name."""
    words = [t.word(i) for i in range(m.start, m.end)]
    if not (t.sent_start(m.start) and all(w.isupper() and len(w) > 1 for w in words)):
        return False
    return nxt is not None and t.word(nxt) in _DATELINE_AFTER


@dataclass(frozen=True, slots=True)
class KeepRule:
    """A context rule: its id, why a mention it drops is not a place, and the test."""

    id: str
    why: str
    drops: Callable[[PlaceContext], bool]


# In order: the cheap tests on nearby words first, the ones reading a sentence or a name later.
KEEP_RULES: tuple[KeepRule, ...] = (
    KeepRule("compound-suffix", "the suffix of a compound name", compound_suffix),
    KeepRule("qualification", "a kind of degree, not a place", qualification),
    KeepRule("citation", "the place of publication in a reference", citation),
    KeepRule("us-pronoun", "the pronoun 'us'", us_pronoun),
    KeepRule("us-dollars", "a currency", us_dollars),
    KeepRule("not-before", "words before it make it something else", not_before),
    KeepRule("not-after", "a later word of its name makes it something else", not_after),
    KeepRule("league-table", "a league table, not a place", league_table),
    KeepRule("language-after", "a language, named before a language word", language_after),
    KeepRule("language-name", "a language, not an adjective before a noun", language_name),
    KeepRule("coordinated-language", "one of several languages", coordinated_language),
    KeepRule("language-sentence", "a language, in a sentence about languages", language_sentence),
    KeepRule("language-before", "a language, after a language cue", language_before),
    KeepRule("person-name", "a given name, not a place", person_name),
    KeepRule("licence-name", "part of a licence's name, not a jurisdiction", licence_name),
    KeepRule("time-zone", "a time zone, not a place", time_zone),
    KeepRule("definition", "a place inside a definition of days", definition_place),
    KeepRule("comparison", "a market or a comparison, not a partner", comparison),
    KeepRule("surname", "a surname", surname),
    KeepRule("publisher", "part of a publisher's name", publisher),
    KeepRule("other-organisation", "part of another organisation's name", other_organisation),
)


def dropped_by(c: PlaceContext) -> KeepRule | None:
    """The first rule that drops the mention, or None when it is a place."""
    for rule in KEEP_RULES:
        if rule.drops(c):
            return rule
    return None
