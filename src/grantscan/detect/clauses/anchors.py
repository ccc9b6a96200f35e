"""Which clause rules can match a sentence, from its words (the anchors index)."""

from __future__ import annotations

import re
from collections.abc import Iterable


class Anchors:
    """Which rules can possibly match a sentence, from its words.

    Each rule names anchors, at least one of which occurs in every text its regexes match. An anchor is
    a word or a few words (all must occur); a word of three letters or fewer must equal a word of the
    text ("ip", "ear"), a longer one may also sit inside a word ("licen" in "sublicensable", also in
    text without spaces). Each distinct word is looked up once (cached), so a text costs one ``findall``.
    """

    _WORD = re.compile(r"\w+")

    def __init__(self, rules: Iterable[tuple[str, list[str]]]):
        """``rules``: each rule's id and anchors."""
        rules = list(rules)
        self.always = frozenset(rid for rid, anchors in rules if not anchors)
        self._single: dict[str, set[str]] = {}  # part -> rule ids of one-part anchors
        self._multi: list[tuple[frozenset[str], str]] = []  # (parts, rule id) of several-word anchors
        parts: set[str] = set()
        for rid, anchors in rules:
            for a in anchors:
                ps = frozenset(self._WORD.findall(a))
                if len(ps) == 1:
                    self._single.setdefault(next(iter(ps)), set()).add(rid)
                else:
                    self._multi.append((ps, rid))
                parts |= ps
        self._short = frozenset(p for p in parts if len(p) <= 3)
        long_parts = sorted((p for p in parts if len(p) > 3), key=len, reverse=True)
        # only the longest alternative is seen at one position: a part also stands for its prefixes
        self._prefixes = {p: frozenset(q for q in long_parts if p.startswith(q)) for p in long_parts}
        # zero-width lookahead: overlapping parts inside one word are all found
        self._long = re.compile("(?=(" + "|".join(map(re.escape, long_parts)) + "))") if long_parts else None
        self._parts_of: dict[str, frozenset[str]] = {}

    def parts(self, text: str, lowered: bool = False) -> set[str]:
        """The anchor parts present in ``text`` (already lower-cased when ``lowered``)."""
        words = self._WORD.findall(text if lowered else text.lower())
        got = list(map(self._parts_of.get, words))
        if None in got:
            got = [g if g is not None else self._learn(w) for g, w in zip(got, words, strict=True)]
        return set().union(*got)

    def any_part(self, text: str, lowered: bool = False) -> bool:
        """Whether ``text`` holds any anchor part (``bool(parts(text))``, stopping at the first word with one)."""
        cache = self._parts_of
        for m in self._WORD.finditer(text if lowered else text.lower()):
            got = cache.get(m.group())
            if got is None:
                got = self._learn(m.group())
            if got:
                return True
        return False

    def _learn(self, word: str) -> frozenset[str]:
        """The anchor parts in one word, cached."""
        found: set[str] = set()
        if self._long is not None:
            for p in self._long.findall(word):
                found |= self._prefixes[p]
        if word in self._short:
            found.add(word)
        got = frozenset(found)
        if len(self._parts_of) > 200_000:
            self._parts_of.clear()
        self._parts_of[word] = got
        return got

    def rules(self, present: set[str]) -> set[str]:
        """Rule ids with an anchor whose words are all in ``present``."""
        out = set(self.always)
        for p in present:
            ids = self._single.get(p)
            if ids:
                out |= ids
        for ps, rid in self._multi:
            if rid not in out and ps <= present:
                out.add(rid)
        return out
