"""Regex lists of the clause pack and their literal prefilters.

Each regex of a clause pack runs only where the literal words every one of its matches must contain occur
in the lower-cased text. Those words are derived from the regex's parse tree (``needs_of``), so a regex is
skipped only where it cannot match and findings stay exactly those of running every regex. Every regex
also has a loose form for PDF text whose word spaces were lost (``loosen``, ``lost_spaces``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property, lru_cache
from pathlib import Path

from ...knowledge.loader import PackError


def loosen(pattern: str) -> str:
    """The same regex with optional word spaces and no word boundaries, for PDF text that lost its spaces."""
    return pattern.replace(r"\s+", r"\s*").replace(r"\b", "").replace(" ", r"\s*")


try:  # the regex parser of the standard library (Python 3.11+); without it nothing is prefiltered
    from re import _parser as _sre_parse
    from re._compiler import MAXCODE
    from re._constants import (
        ASSERT,
        ASSERT_NOT,
        AT,
        ATOMIC_GROUP,
        BRANCH,
        GROUPREF_EXISTS,
        IN,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        POSSESSIVE_REPEAT,
        SUBPATTERN,
    )
except ImportError:  # pragma: no cover
    _sre_parse = None

# Non-ASCII characters that a case-insensitive regex matches for an ASCII letter (İ, ı for 'i', ſ for 's',
# the Kelvin sign for 'k'): in a text holding one, lower-cased substrings do not show every match.
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
_MAX_ALTS = 64  # the most spellings one literal choice may have before it stops being worth listing


def _literal_char(code: int) -> str | None:
    """The character of a regex literal when a case-insensitive match is that character up to ASCII case
    (ASCII, or a character without case such as '?' or '☐'), else None."""
    c = chr(code)
    return c if c.isascii() or c.lower() == c == c.upper() else None


def _score(need: frozenset[str]) -> tuple[int, int]:
    """How cheap and telling a literal choice is to test: few alternatives (a test costs a pass over the
    text each), then long ones."""
    return -len(need), min(map(len, need))


def _minimal(alts: set[str]) -> frozenset[str]:
    """Alternatives without those containing a shorter one: a text holding 'agreed' holds 'agree'."""
    return frozenset(a for a in alts if not any(b != a and b in a for b in alts))


def _joined(items: object) -> list[tuple[object, object]]:
    """A parsed regex sequence with each run of literal characters as one ``(None, string)`` item."""
    out: list[tuple[object, object]] = []
    buf: list[str] = []
    for op, av in getattr(items, "data", items):
        c = _literal_char(av) if op is LITERAL else None
        if c:
            buf.append(c.lower())
            continue
        if buf:
            out.append((None, "".join(buf)))
            buf = []
        out.append((op, av))
    if buf:
        out.append((None, "".join(buf)))
    return out


def _literals(items: object) -> tuple[set[str] | None, list[frozenset[str]]]:  # noqa: C901 - one case per opcode
    """For a parsed regex sequence: the exact strings it matches (None when not a small finite set), and
    literal choices one of each of which is in every text it matches (lower-cased)."""
    needs: list[frozenset[str]] = []
    run: set[str] = {""}  # product of the exact nodes since the last inexact one
    exact: set[str] | None = {""}

    def end_run() -> None:
        if run and "" not in run:
            needs.append(_minimal(run))

    for op, av in _joined(items):
        node: set[str] | None = None
        if op is None:
            node = {av}  # type: ignore[set-item]
        elif op is IN:
            chars = [_literal_char(a) if o is LITERAL else None for o, a in av]
            node = {c.lower() for c in chars} if chars and all(chars) else None
        elif op in (AT, ASSERT, ASSERT_NOT):
            node = {""}  # zero-width
        elif op in (SUBPATTERN, ATOMIC_GROUP):
            sub = av[-1] if op is SUBPATTERN else av
            node, inner = _literals(sub)
            if node is None:
                needs.extend(inner)
        elif op is BRANCH:
            parts = [_literals(b) for b in av[1]]
            if all(e is not None for e, _ in parts) and sum(len(e) for e, _ in parts) <= _MAX_ALTS:
                node = set().union(*(e for e, _ in parts))
            elif all(n for _, n in parts):
                needs.append(_minimal(set().union(*(max(n, key=_score) for _, n in parts))))
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            lo, hi, sub = av
            inner_exact, inner = _literals(sub)
            if lo == 0 and hi == 1 and inner_exact is not None:
                node = inner_exact | {""}
            elif lo >= 1:
                if lo == hi == 1 and inner_exact is not None:
                    node = inner_exact
                else:
                    if inner_exact is not None and "" not in inner_exact:
                        inner = [*inner, _minimal(inner_exact)]
                    needs.extend(inner)
        if node is None:
            end_run()
            run, exact = {""}, None
            continue
        joined = {a + b for a in run for b in node}
        if len(joined) > _MAX_ALTS:
            end_run()
            joined = set(node)
        run = joined
        if exact is not None:
            exact = {a + b for a in exact for b in node}
            if len(exact) > _MAX_ALTS:
                exact = None
    end_run()
    return exact, needs


@lru_cache(maxsize=4096)
def needs_of(pattern: str) -> tuple[frozenset[str], ...]:
    """Up to two literal choices, the most telling, of which every match of ``pattern`` (under re.I) holds
    one each; empty when none can be derived."""
    if _sre_parse is None:  # pragma: no cover
        return ()
    try:
        _, needs = _literals(_sre_parse.parse(pattern, re.I))
    except Exception:  # noqa: BLE001 - an unparsable pattern is simply not prefiltered
        return ()
    needs = [n for n in needs if n and "" not in n]
    return tuple(sorted(set(needs), key=_score, reverse=True)[:2])


def holds(needs: tuple[frozenset[str], ...], low: str) -> bool:
    """Whether lower-cased ``low`` holds one literal of each choice in ``needs``."""
    for need in needs:
        for lit in need:
            if lit in low:
                break
        else:
            return False
    return True


def lowered(text: str) -> str | None:
    """``text`` lower-cased for literal prefilters, or None where a case-insensitive regex could match an
    ASCII letter with a character that lower-casing does not turn into it."""
    if not text.isascii():
        for c in FOLDS_TO_ASCII:
            if c in text:
                return None
    return text.lower()


def _behind_ok(items: object) -> None:
    """Raise ``re.error`` as compiling would for a look-behind of a parsed regex that is not of fixed width
    (the one check the compiler makes that parsing does not)."""
    for op, av in getattr(items, "data", items):
        subs: list[object] = []
        if op in (ASSERT, ASSERT_NOT):
            if av[0] < 0:
                lo, hi = av[1].getwidth()
                if lo > MAXCODE:
                    raise re.error("looks too much behind")
                if lo != hi:
                    raise re.error("look-behind requires fixed-width pattern")
            subs = [av[1]]
        elif op is SUBPATTERN:
            subs = [av[-1]]
        elif op is ATOMIC_GROUP:
            subs = [av]
        elif op is BRANCH:
            subs = list(av[1])
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            subs = [av[2]]
        elif op is GROUPREF_EXISTS:
            subs = [b for b in av[1:] if b is not None]
        for sub in subs:
            _behind_ok(sub)


def check_regex(pattern: str, flags: int = re.I) -> None:
    """Raise ``re.error`` where ``re.compile(pattern, flags)`` would, without compiling: parsing a regex
    costs about half of compiling it, and most of a pack's regexes are never run in a scan."""
    if _sre_parse is None:  # pragma: no cover
        re.compile(pattern, flags)
        return
    _behind_ok(_sre_parse.parse(pattern, flags))


class LazyRegex:
    """A regex (case-insensitive) compiled on first use: a scan runs few of a pack's regexes."""

    __slots__ = ("pattern", "_rx")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._rx: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        """The compiled regex."""
        if self._rx is None:
            self._rx = re.compile(self.pattern, re.I)
        return self._rx

    def search(self, text: str) -> re.Match[str] | None:
        return self.rx.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text)

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r})"


Needs = tuple[frozenset[str], ...]


class RegexFacts:
    """What parsing a pack's regexes tells: that each is valid (checked on load) and its literal words
    (``needs_of``). ``known`` comes from an earlier run (``compiled.regex_facts_kept``, whose key holds the
    Python version and grantscan's code): a regex found there is not parsed again, so an unchanged pack is
    loaded without parsing any of its regexes; a new or changed one is checked as ever."""

    def __init__(self, known: dict[str, Needs] | None = None):
        self.known: dict[str, Needs] = known or {}
        self.checked: list[str] = []  # regexes parsed in this run (not known before)

    def check(self, pattern: str) -> None:
        """Raise ``re.error`` where ``pattern`` would not compile."""
        if pattern not in self.known:
            check_regex(pattern)
            self.checked.append(pattern)

    def needs(self, pattern: str) -> Needs:
        """The literal choices of ``pattern`` (as ``needs_of``)."""
        got = self.known.get(pattern)
        return got if got is not None else needs_of(pattern)

    def table(self) -> dict[str, Needs]:
        """Every known or checked regex with its literal choices, to keep for the next run."""
        return {**self.known, **{p: needs_of(p) for p in self.checked}}


class Patterns:
    """A list of regexes with a strict form and a loose form (for space-less text).

    Each regex carries literal prefilters (``needs_of``): given the lower-cased text, a regex is only
    run where the literals every one of its matches must contain are present. Both forms are checked on
    load (a bad regex fails there, naming file and line) but compiled only when first run."""

    def __init__(
        self, path: Path, node: object, line: int, what: str, facts: RegexFacts | None = None
    ) -> None:
        if node is None:
            node = []
        if not isinstance(node, list) or not all(isinstance(p, str) for p in node):
            raise PackError(path, line, f"{what}: expected a list of regex strings")
        self._facts = facts or RegexFacts()
        self._strict: list[LazyRegex] = []
        self._loose: list[LazyRegex] = []
        for p in node:
            loose = loosen(p)
            try:
                self._facts.check(p)
                if loose != p:
                    self._facts.check(loose)
            except (re.error, OverflowError, RecursionError) as e:
                raise PackError(path, line, f"{what}: bad regex {p!r}: {e}") from None
            self._strict.append(LazyRegex(p))
            self._loose.append(LazyRegex(loose))
        self._source = list(node)
        self._combined: re.Pattern[str] | None = None
        self._joinable = True

    @property
    def strict(self) -> list[re.Pattern[str]]:
        """The regexes, compiled (all of them: for inspection; a scan compiles only those it runs)."""
        return [lz.rx for lz in self._strict]

    @property
    def loose(self) -> list[re.Pattern[str]]:
        """The loose forms, compiled (all of them, as ``strict``)."""
        return [lz.rx for lz in self._loose]

    # The prefilters are derived on first use (parsing every regex again takes a while, and a scan
    # rarely needs them all: loose forms only for text without word spaces).
    @cached_property
    def _strict_needs(self) -> list[tuple[LazyRegex, Needs]]:
        return [(lz, self._facts.needs(lz.pattern)) for lz in self._strict]

    @cached_property
    def _loose_needs(self) -> list[tuple[LazyRegex, Needs]]:
        return [(lz, self._facts.needs(lz.pattern)) for lz in self._loose]

    @cached_property
    def _by_cost(self) -> list[tuple[LazyRegex, Needs]]:
        """For ``occurs`` any order will do: regexes that open with a word boundary are tried at every
        position of a text, so they go last."""
        return sorted(self._strict_needs, key=lambda x: x[0].pattern.startswith("\\b"))

    def occurs(self, text: str, low: str | None = None) -> bool:
        """Whether any of the (strict) regexes matches somewhere in ``text``, in one pass where possible;
        with ``low`` (``text`` lower-cased, see ``lowered``) only regexes whose literals are there run."""
        if low is not None:
            for rx, needs in self._by_cost:
                if (not needs or holds(needs, low)) and rx.search(text):
                    return True
            return False
        if self._joinable and self._combined is None and self._source:
            try:
                self._combined = re.compile("|".join(f"(?:{p})" for p in self._source), re.I)
            except re.error:  # a pattern with a global flag cannot be joined with others
                self._joinable = False
        if self._combined is not None:
            return self._combined.search(text) is not None
        return self.search(text) is not None

    def search(
        self,
        text: str,
        squashed: bool = False,
        low: str | None = None,
        outside: list[tuple[int, int]] | None = None,
    ) -> re.Match[str] | None:
        """The first regex match in ``text`` (loose forms when ``squashed``); ``low`` as for ``occurs``.
        With ``outside``, a match lying wholly inside one of those spans does not count (the next one does)."""
        for rx in self._runnable(squashed, low):
            if not outside:
                m = rx.search(text)
                if m:
                    return m
                continue
            for m in rx.finditer(text):
                if not any(a <= m.start() and m.end() <= b for a, b in outside):
                    return m
        return None

    def finditer(self, text: str, squashed: bool = False, low: str | None = None) -> list[re.Match[str]]:
        """Every match of every regex in ``text``."""
        return [m for rx in self._runnable(squashed, low) for m in rx.finditer(text)]

    def _runnable(self, squashed: bool, low: str | None) -> Iterator[re.Pattern[str]]:
        """The regexes (loose forms when ``squashed``) that can match, by their literals when ``low`` is given;
        each is compiled here, on its first run."""
        if low is None:
            for lz in self._loose if squashed else self._strict:
                yield lz.rx
            return
        for lz, needs in self._loose_needs if squashed else self._strict_needs:
            if not needs or holds(needs, low):
                yield lz.rx

    def __bool__(self) -> bool:
        return bool(self._source)


# A run of 22 or more letters (words whose spaces were lost), found in one pass: shorter runs and what
# separates them are taken whole and never retried, which searching for the run itself would do at
# every letter.
_SQUASHED = re.compile(r"(?:[A-Za-z]{0,21}+[^A-Za-z]++)*+[A-Za-z]{22}")


def lost_spaces(text: str) -> bool:
    """Whether ``text`` holds a run of 22 or more letters."""
    return _SQUASHED.match(text) is not None
