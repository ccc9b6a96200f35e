"""Control-list candidates for a technology finding (``patterns/control_map.yaml``): entries worth self-rating.

``candidates`` suggests at most a few entries of the UK Strategic Export Control Lists (dual-use, UK national,
Military List) or US-only entries for one finding, from its rule id, the matched term, nearby cue words and any
parameter it can read from the text (a frame rate, a qubit count, a key length). It never says an item is
controlled: confidence is "low" or "medium", and every suggestion points to self-rating and to ECJU's control
list classification advice service.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..model import ControlCandidate
from .loader import LineDict, PackError, check_keys, load_yaml
from .resources import patterns_dir
from .sources import Registry, Source, parse_date, registry

LISTS = ("UK dual-use", "UK national", "UK Military List", "US only")
ADVICE = (
    "worth self-rating against this entry; for a formal view ask ECJU's control list classification advice "
    "service (via the research office)"
)
_ENTRY_KEYS = {
    "entry",
    "list",
    "title",
    "categories",
    "rules",
    "terms",
    "cues",
    "parameters",
    "decontrol",
    "exemptions",
    "sources",
    "checked",
}
_REQUIRED = {"entry", "list", "title", "categories", "rules", "terms", "exemptions", "sources", "checked"}


@dataclass(frozen=True, slots=True)
class Parameter:
    """A value to read from the text and compare with the entry (e.g. a frame rate)."""

    name: str
    pattern: re.Pattern[str]
    note: str


@dataclass(frozen=True, slots=True)
class MapEntry:
    """One control-list entry and what suggests it."""

    entry: str
    list: str
    title: str
    categories: tuple[str, ...]
    rules: tuple[str, ...]
    terms: Phrases | None
    cues: Phrases | None
    parameters: tuple[Parameter, ...]
    decontrol: str | None
    exemptions: tuple[str, ...]
    sources: tuple[Source, ...]
    checked: dt.date


# characters that match an ASCII letter case-insensitively although they do not lower-case to it
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """``text`` lower-cased as ``Phrases.search`` reads it: an ASCII phrase can only match ``text`` where its
    first word, lower-cased, is a substring of this."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


class Phrases:
    """One regex for a phrase list, compiled on first use: capitalised phrases match case-sensitively, the rest
    ignore case.

    A scan asks every control-map entry about each technology finding, and few entries have a phrase in the
    text: the search looks for the phrases' first words in the folded text (``fold``) first and compiles and
    runs the regex only where one is there. A list with a non-ASCII phrase is always searched (case-insensitive
    matching of non-ASCII letters goes beyond lower-casing)."""

    __slots__ = ("words", "firsts", "_rx")

    def __init__(self, words: list[str]):
        self.words = words
        self.firsts: frozenset[str] | None = (
            frozenset(w.split(" ")[0].lower() for w in words) if all(w.isascii() for w in words) else None
        )
        self._rx: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        words = self.words
        exact = sorted(
            {w for w in words if w.isupper() or (w[:1].isupper() and any(c.isdigit() for c in w))}, key=len
        )
        loose = sorted(set(words) - set(exact), key=len)

        def alt(ws: list[str]) -> str:
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in reversed(ws))

        parts = [f"(?-i:{alt(exact)})"] if exact else []
        parts += [alt(loose)] if loose else []
        return rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])"

    @property
    def rx(self) -> re.Pattern[str]:
        """The compiled regex."""
        if self._rx is None:
            self._rx = re.compile(self.pattern, re.I)
        return self._rx

    def may_match(self, folded: str) -> bool:
        """False when no phrase can match the text whose ``fold`` is ``folded``."""
        return self.firsts is None or any(w in folded for w in self.firsts)

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """The first match in ``text`` (``folded``: its ``fold``, when the caller has it)."""
        if not self.may_match(fold(text) if folded is None else folded):
            return None
        return self.rx.search(text)

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        """Every match in ``text``, as ``re.finditer``."""
        if not self.may_match(fold(text) if folded is None else folded):
            return iter(())
        return self.rx.finditer(text)


def _phrases(words: list[str]) -> Phrases | None:
    """The phrase list's ``Phrases`` (None for an empty list)."""
    return Phrases(words) if words else None


def _strings(path: Path, d: LineDict, key: str, what: str, required: bool = True) -> list[str]:
    v = d.get(key, None if required else [])
    if (
        not isinstance(v, list)
        or not all(isinstance(x, str) and x.strip() for x in v)
        or (required and not v)
    ):
        raise PackError(path, d.key_line(key), f"{what}: '{key}' must be a list of strings")
    return [" ".join(x.split()) for x in v]


@dataclass(frozen=True, slots=True)
class ControlMap:
    entries: tuple[MapEntry, ...]
    exemptions: dict[str, str]
    checked: dt.date
    path: str


def load_control_map(path: str | Path | None = None, reg: Registry | None = None) -> ControlMap:
    """Read and validate control_map.yaml; regexes compiled, errors name file and line."""
    from .taxonomy import CATEGORIES

    p = Path(path) if path else patterns_dir() / "control_map.yaml"
    reg = reg or registry()
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "expected a mapping")
    keys = {"checked", "sources", "exemptions", "entries"}
    check_keys(p, data, keys, keys, "control map")
    reg.resolve(p, data, "sources", "control map")
    ex = data["exemptions"]
    if not isinstance(ex, LineDict) or not all(isinstance(v, str) and v.strip() for v in ex.values()):
        raise PackError(p, data.key_line("exemptions"), "'exemptions' must map keys to texts")
    exemptions = {str(k): " ".join(v.split()) for k, v in ex.items()}
    entries: list[MapEntry] = []
    seen: set[str] = set()
    for e in data["entries"]:
        what = f"entry '{e.get('entry', '?') if isinstance(e, dict) else '?'}'"
        check_keys(p, e, _ENTRY_KEYS, _REQUIRED, what)
        code = str(e["entry"])
        if code in seen:
            raise PackError(p, e.key_line("entry"), f"{what} listed twice")
        seen.add(code)
        if e["list"] not in LISTS:
            raise PackError(p, e.key_line("list"), f"{what}: list must be one of {', '.join(LISTS)}")
        cats = _strings(p, e, "categories", what)
        unknown = [c for c in cats if c not in CATEGORIES]
        if unknown:
            raise PackError(p, e.key_line("categories"), f"{what}: unknown categories {', '.join(unknown)}")
        ex_keys = _strings(p, e, "exemptions", what)
        for k in ex_keys:
            if k not in exemptions:
                raise PackError(p, e.key_line("exemptions"), f"{what}: unknown exemption '{k}'")
        params = []
        raw_params = e.get("parameters") or []
        if not isinstance(raw_params, list):
            raise PackError(p, e.key_line("parameters"), f"{what}: 'parameters' must be a list")
        for prm in raw_params:
            check_keys(p, prm, {"name", "pattern", "note"}, {"name", "pattern", "note"}, f"{what} parameter")
            try:
                rx = re.compile(str(prm["pattern"]), re.I)
            except re.error as err:
                raise PackError(p, prm.key_line("pattern"), f"{what}: bad parameter pattern: {err}") from None
            if "value" not in rx.groupindex:
                raise PackError(
                    p, prm.key_line("pattern"), f"{what}: parameter pattern needs a (?P<value>...) group"
                )
            params.append(Parameter(str(prm["name"]), rx, " ".join(str(prm["note"]).split())))
        decontrol = e.get("decontrol")
        entries.append(
            MapEntry(
                entry=code,
                list=e["list"],
                title=" ".join(str(e["title"]).split()),
                categories=tuple(cats),
                rules=tuple(_strings(p, e, "rules", what)),
                terms=_phrases(_strings(p, e, "terms", what)),
                cues=_phrases(_strings(p, e, "cues", what, required=False)),
                parameters=tuple(params),
                decontrol=" ".join(str(decontrol).split()) if decontrol else None,
                exemptions=tuple(ex_keys),
                sources=reg.resolve(p, e, "sources", what),
                checked=parse_date(p, e, "checked", what),
            )
        )
    return ControlMap(tuple(entries), exemptions, parse_date(p, data, "checked", "control map"), str(p))


@cache
def control_map() -> ControlMap:
    """The shipped control map, loaded once."""
    return load_control_map()


def _clip(s: str) -> str:
    return " ".join(s.split())


def candidates(
    category: str, rule_id: str, matched_text: str, context: str, max_n: int = 3
) -> list[ControlCandidate]:
    """Up to ``max_n`` control-list entries worth self-rating for one technology finding, best first.

    An entry qualifies when the finding's rule id is one of its rules or one of its terms is in the matched
    text or its context; cue words nearby and parameters read from the context raise its rank. Confidence is
    "medium" only when a term and a cue or parameter agree, otherwise "low".
    """
    cmap = control_map()
    context = context or ""
    matched_text = matched_text or ""
    folded_match, folded_context = fold(matched_text), fold(context)
    scored: list[tuple[int, int, ControlCandidate]] = []
    for order, e in enumerate(cmap.entries):
        in_match = e.terms.search(matched_text, folded_match) if e.terms else None
        in_context = None if in_match or not e.terms else e.terms.search(context, folded_context)
        by_rule = rule_id in e.rules
        cues: list[str] = []
        seen: set[str] = set()
        for m in e.cues.finditer(context, folded_context) if e.cues else ():
            c = _clip(m.group())
            if c.casefold() not in seen and c.casefold() != _clip(matched_text).casefold():
                seen.add(c.casefold())
                cues.append(c)
        if not (in_match or in_context or (by_rule and cues)):
            continue  # the rule alone (no term, no cue) says too little about which entry
        if not (in_match or by_rule) and category not in e.categories:
            continue  # a term only in the sentence around another category's finding: too weak
        why: list[str] = []
        score = 0
        term = in_match or in_context
        if term:
            where = "matched text" if in_match else "same sentence"
            why.append(f"term '{_clip(term.group())}' in the {where}")
            score += 3 if in_match else 2
        if by_rule:
            why.append(f"detected by rule {rule_id}")
            score += 1
        if cues:
            why.append("cue " + ", ".join(f"'{c}'" for c in cues[:3]) + " nearby")
            score += min(len(cues), 2)
        read = []
        for prm in e.parameters:
            pm = prm.pattern.search(context)
            if pm:
                unit = pm.groupdict().get("unit")
                value = _clip(pm.group("value")) + (f" {_clip(unit)}" if unit else "")
                read.append(f"parameter {prm.name} = {value} read from the text ({prm.note})")
        if read:
            why += read
            score += 1
        why.append(ADVICE)
        confidence = "medium" if term and (cues or read) else "low"
        exemptions = [cmap.exemptions[k] for k in e.exemptions]
        source = f"{e.sources[0].title} ({e.sources[0].url}), checked {e.checked.isoformat()}"
        cand = ControlCandidate(
            entry=e.entry,
            control_list=e.list,
            title=e.title,
            why=why,
            confidence=confidence,  # type: ignore[arg-type]
            decontrol=e.decontrol,
            exemptions=exemptions,
            source=source,
        )
        scored.append((score, -order, cand))
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return [c for _, _, c in scored[: max(0, max_n)]]
