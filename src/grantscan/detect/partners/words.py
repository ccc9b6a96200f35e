"""The word lists screening compares organisation names by (patterns/screening.yaml): abbreviations and
adjective forms, legal forms, connecting words, generic and type words, places, transliteration rules, and the
words of generic company names.

Loaded and validated once per process; an error names the file and the line of the offending entry.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...knowledge.loader import LineDict, PackError, check_keys, load_yaml
from ...knowledge.resources import patterns_dir

WORD = re.compile(r"[a-z0-9]+")  # how fold()ed text splits into words: a listed word must be one of them
LIST_KEYS = (
    "legal_forms",
    "connecting",
    "generic",
    "organisation_types",
    "type_words",
    "spelled_as_written",
    "places",
    "parent_groups",
    "company_words",
    "months",
)
OPTIONAL_KEYS = frozenset({"company_words", "months"})  # an older word-list file without them still loads


@dataclass(frozen=True, slots=True)
class WordLists:
    """What ``patterns/screening.yaml`` says, ready to use."""

    abbreviations: dict[str, str]  # word -> the words it is compared as ('' drops it)
    legal_forms: frozenset[str]  # legal-form words, dropped from names
    connecting: frozenset[str]  # connecting words, dropped from names
    generic: frozenset[str]  # words that say what kind of body a name is, not which one
    organisation_types: frozenset[str]  # the generic words that name the kind of organisation (its head)
    type_words: frozenset[str]  # words that say which type of university or institute it is
    spelled_as_written: frozenset[str]  # words the transliteration rules leave alone (country names)
    places: frozenset[str]  # cities and provinces a company name often leaves out or moves ('Beijing ...')
    parent_groups: frozenset[str]  # state groups a member's name starts with, often left out ('AECC ...')
    # trade and industry words that, with the generic ones, make a company name one many companies share
    company_words: frozenset[str]
    months: frozenset[str]  # month names: a bare number before one is a date, not the start of a listed name
    transliteration: tuple[tuple[re.Pattern[str], str], ...]  # spelling rules, applied in order
    optional_parts: tuple[re.Pattern[str], ...]  # parts of listed names texts often leave out
    digest: str  # sha256 of the file: a compiled index records the lists it was made with

    @property
    def dropped(self) -> frozenset[str]:
        """Words dropped from every name: legal forms and connecting words."""
        return self.legal_forms | self.connecting


def default_path() -> Path:
    return patterns_dir() / "screening.yaml"


@cache
def word_lists() -> WordLists:
    """The shipped word lists, read once per process."""
    return load_word_lists(default_path())


def _line_of(lines: list[str], start: int, word: str) -> int:
    """The first line from ``start`` (1-based) holding ``word`` as a whole word; ``start`` if none does."""
    rx = re.compile(rf"(?<![\w']){re.escape(word)}(?![\w'])")
    for i in range(max(start, 1) - 1, len(lines)):
        if rx.search(lines[i].split("#", 1)[0]):
            return i + 1
    return start


def load_word_lists(path: str | Path) -> WordLists:
    """Read and check a word-list file: every word one lower-case ASCII word, no word listed twice, every
    transliteration rule a valid regular expression and replacement."""
    p = Path(path)
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "expected a mapping of word lists")
    keys = {"abbreviations", "transliteration", "optional_parts", *LIST_KEYS}
    check_keys(p, data, keys, keys - OPTIONAL_KEYS, "screening word lists")
    text = p.read_text(encoding="utf-8")
    lines = text.splitlines()

    def word(value: object, line: int, what: str, empty: bool = False) -> str:
        if not isinstance(value, str) or not (WORD.fullmatch(value) or (empty and value == "")):
            raise PackError(
                p,
                _line_of(lines, line, str(value)) if value else line,
                f"{what} {value!r}: expected one "
                "lower-case ASCII word (letters and digits only)" + (" or ''" if empty else ""),
            )
        return value

    lists: dict[str, frozenset[str]] = {}
    for key in LIST_KEYS:
        if key not in data:
            lists[key] = frozenset()
            continue
        line = data.key_line(key)
        if not isinstance(data[key], list):
            raise PackError(p, line, f"'{key}' must be a list of words")
        seen: set[str] = set()
        for w in data[key]:
            word(w, line, f"'{key}': word")
            if w in seen:
                raise PackError(
                    p, _line_of(lines, _line_of(lines, line, w) + 1, w), f"'{key}': {w!r} listed twice"
                )
            seen.add(w)
        lists[key] = frozenset(seen)
    abbr = data["abbreviations"]
    if not isinstance(abbr, LineDict):
        raise PackError(p, data.key_line("abbreviations"), "'abbreviations' must map a word to a word")
    for k, v in abbr.items():
        word(k, abbr.key_line(str(k)), "abbreviation")
        if not isinstance(v, str) or v and not all(WORD.fullmatch(x) for x in v.split(" ")):
            raise PackError(
                p,
                abbr.key_line(str(k)),
                f"abbreviation {k!r} -> {v!r}: expected lower-case ASCII words or ''",
            )
    parts = data["optional_parts"]
    if not isinstance(parts, list):
        raise PackError(p, data.key_line("optional_parts"), "'optional_parts' must be a list of patterns")
    optional = []
    for x in parts:
        start = data.key_line("optional_parts")
        line = next(
            (i + 1 for i in range(start - 1, len(lines)) if isinstance(x, str) and x in lines[i]), start
        )
        if not isinstance(x, str) or not x:
            raise PackError(p, data.key_line("optional_parts"), "optional part: expected a pattern")
        try:
            optional.append(re.compile(x, re.I))
        except re.error as e:
            raise PackError(p, line, f"optional part {x!r}: {e}") from None
    rules = data["transliteration"]
    if not isinstance(rules, list):
        raise PackError(p, data.key_line("transliteration"), "'transliteration' must be a list of {from, to}")
    compiled = []
    for r in rules:
        line = getattr(r, "line", data.key_line("transliteration"))
        check_keys(p, r, {"from", "to"}, {"from", "to"}, "transliteration rule")
        if not isinstance(r["from"], str) or not r["from"] or not isinstance(r["to"], str):
            raise PackError(
                p, line, "transliteration rule: 'from' and 'to' must be strings, 'from' not empty"
            )
        try:
            rx = re.compile(r["from"])
            rx.sub(r["to"], "abcdefghijklmnopqrstuvwxyz")  # a bad group reference fails only when used
        except (re.error, IndexError) as e:
            raise PackError(p, line, f"transliteration rule {r['from']!r} -> {r['to']!r}: {e}") from None
        compiled.append((rx, r["to"]))
    return WordLists(
        abbreviations=dict(abbr),
        legal_forms=lists["legal_forms"],
        connecting=lists["connecting"],
        generic=lists["generic"],
        organisation_types=lists["organisation_types"],
        type_words=lists["type_words"],
        spelled_as_written=lists["spelled_as_written"],
        places=lists["places"],
        parent_groups=lists["parent_groups"],
        company_words=lists["company_words"],
        months=lists["months"],
        transliteration=tuple(compiled),
        optional_parts=tuple(optional),
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
