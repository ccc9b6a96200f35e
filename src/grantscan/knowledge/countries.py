"""Country facts: UK sanctions regimes, arms embargoes, FIRS tier and occupied regions (``patterns/regimes.yaml``).

One table answers every country question grantscan asks: which regimes apply, whether an arms embargo reaches
the state itself (or only armed groups), whether the state is in the enhanced tier of the Foreign Influence
Registration Scheme, and which regions of an otherwise unrestricted country are restricted (the occupied regions
of Ukraine). Every record carries its sources and the date it was checked; ``stale`` says when the table is too
old to reassure anyone. Cheap to import: YAML only, loaded on first use.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .loader import LineDict, PackError, check_keys, load_yaml
from .resources import patterns_dir
from .sources import Registry, Source, is_stale, parse_date, registry

SCOPES = ("full", "partial", "non-state")
STATE_SCOPES = ("full", "partial")  # scopes that reach the state itself
IMPOSERS = ("UN", "UK", "OSCE")
FIRS_TIERS = ("enhanced",)
REGIME_KINDS = ("country", "thematic")
_CODE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class Regime:
    """A UK sanctions regime."""

    id: str
    name: str
    kind: str
    instrument: str
    research: str
    sources: tuple[Source, ...]
    checked: dt.date
    designations: str = ""


@dataclass(frozen=True, slots=True)
class Embargo:
    """An arms embargo: who imposes it, on whom (scope), since when, and whether it was lifted."""

    id: str
    name: str
    imposed_by: tuple[str, ...]
    scope: str
    since: str
    lifted: dt.date | None
    notes: str
    sources: tuple[Source, ...]
    checked: dt.date

    @property
    def reaches_state(self) -> bool:
        """True when the embargo is in force and covers the state itself, not only armed groups."""
        return self.lifted is None and self.scope in STATE_SCOPES


@dataclass(frozen=True, slots=True)
class CountryFacts:
    """What the table says about one country (ISO 3166-1 alpha-2)."""

    code: str
    name: str
    regimes: tuple[Regime, ...]
    embargo: Embargo | None
    firs_tier: str | None
    notes: str
    sources: tuple[Source, ...]
    checked: dt.date


@dataclass(frozen=True, slots=True)
class RegionFacts:
    """A region under restrictions its country as a whole is not under (e.g. Crimea, in Ukraine)."""

    id: str
    country: str
    name: str
    names: tuple[str, ...]
    regimes: tuple[Regime, ...]
    restrictions: str
    sources: tuple[Source, ...]
    checked: dt.date


@dataclass(frozen=True, slots=True)
class CountryTable:
    """The loaded table."""

    snapshot: dt.date
    regimes: dict[str, Regime]
    embargoes: dict[str, Embargo]
    countries: dict[str, CountryFacts]
    regions: dict[str, RegionFacts]
    region_names: dict[str, str]  # casefolded id, name or spelling -> region id
    path: str


def _text(path: Path, d: LineDict, key: str, what: str, required: bool = True) -> str:
    v = d.get(key)
    if v is None and not required:
        return ""
    if not isinstance(v, str) or not v.strip():
        raise PackError(path, d.key_line(key), f"{what}: '{key}' must be a non-empty string")
    return " ".join(v.split())


def _list(path: Path, d: LineDict, key: str, what: str, allow_empty: bool = True) -> list[str]:
    v = d.get(key)
    if (
        not isinstance(v, list)
        or not all(isinstance(x, str) and x.strip() for x in v)
        or not (v or allow_empty)
    ):
        raise PackError(path, d.key_line(key), f"{what}: '{key}' must be a list of strings")
    return list(v)


def _entries(path: Path, data: LineDict, key: str) -> list[LineDict]:
    v = data.get(key)
    if not isinstance(v, list):
        raise PackError(path, data.key_line(key), f"'{key}' must be a list")
    for e in v:
        if not isinstance(e, LineDict):
            raise PackError(path, data.key_line(key), f"'{key}': every entry must be a mapping")
    return v


def _unique(path: Path, seen: dict[str, Any], key: str, e: LineDict, field: str, what: str) -> None:
    if key in seen:
        raise PackError(path, e.key_line(field), f"{what} '{key}' listed twice")


def load_table(path: str | Path | None = None, reg: Registry | None = None) -> CountryTable:
    """Read and validate regimes.yaml; every error is a PackError naming file and line."""
    p = Path(path) if path else patterns_dir() / "regimes.yaml"
    reg = reg or registry()
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "expected a mapping with snapshot, regimes, embargoes, countries, regions")
    check_keys(
        p, data, {"snapshot", "regimes", "embargoes", "countries", "regions"},
        {"snapshot", "regimes", "embargoes", "countries", "regions"}, "table",
    )  # fmt: skip

    regimes: dict[str, Regime] = {}
    for e in _entries(p, data, "regimes"):
        what = f"regime '{e.get('id', '?')}'"
        check_keys(
            p, e, {"id", "name", "kind", "instrument", "research", "designations", "sources", "checked"},
            {"id", "name", "kind", "instrument", "research", "sources", "checked"}, what,
        )  # fmt: skip
        rid = _text(p, e, "id", what)
        _unique(p, regimes, rid, e, "id", "regime")
        if e["kind"] not in REGIME_KINDS:
            raise PackError(p, e.key_line("kind"), f"{what}: kind must be one of {', '.join(REGIME_KINDS)}")
        regimes[rid] = Regime(
            id=rid,
            name=_text(p, e, "name", what),
            kind=e["kind"],
            instrument=_text(p, e, "instrument", what),
            research=_text(p, e, "research", what),
            sources=reg.resolve(p, e, "sources", what),
            checked=parse_date(p, e, "checked", what),
            designations=_text(p, e, "designations", what, required=False),
        )

    embargoes: dict[str, Embargo] = {}
    for e in _entries(p, data, "embargoes"):
        what = f"embargo '{e.get('id', '?')}'"
        check_keys(
            p, e, {"id", "name", "imposed_by", "scope", "since", "lifted", "notes", "sources", "checked"},
            {"id", "name", "imposed_by", "scope", "since", "lifted", "notes", "sources", "checked"}, what,
        )  # fmt: skip
        eid = _text(p, e, "id", what)
        _unique(p, embargoes, eid, e, "id", "embargo")
        by = _list(p, e, "imposed_by", what, allow_empty=False)
        if any(x not in IMPOSERS for x in by):
            raise PackError(
                p, e.key_line("imposed_by"), f"{what}: imposed_by must be among {', '.join(IMPOSERS)}"
            )
        if e["scope"] not in SCOPES:
            raise PackError(p, e.key_line("scope"), f"{what}: scope must be one of {', '.join(SCOPES)}")
        embargoes[eid] = Embargo(
            id=eid,
            name=_text(p, e, "name", what),
            imposed_by=tuple(by),
            scope=e["scope"],
            since=str(e["since"]),
            lifted=None if e["lifted"] is None else parse_date(p, e, "lifted", what),
            notes=_text(p, e, "notes", what),
            sources=reg.resolve(p, e, "sources", what),
            checked=parse_date(p, e, "checked", what),
        )

    countries: dict[str, CountryFacts] = {}
    for e in _entries(p, data, "countries"):
        what = f"country '{e.get('code', '?')}'"
        keys = {"code", "name", "regimes", "embargo", "firs_tier", "notes", "sources", "checked"}
        check_keys(p, e, keys, keys, what)
        code = e["code"]
        if not isinstance(code, str) or not _CODE.match(code):
            raise PackError(
                p, e.key_line("code"), f"{what}: code must be an ISO 3166-1 alpha-2 code such as CN"
            )
        _unique(p, countries, code, e, "code", "country")
        rs = []
        for rid in _list(p, e, "regimes", what):
            if rid not in regimes:
                raise PackError(p, e.key_line("regimes"), f"{what}: unknown regime '{rid}'")
            rs.append(regimes[rid])
        emb = None
        if e["embargo"] is not None:
            emb = embargoes.get(e["embargo"])
            if emb is None:
                raise PackError(p, e.key_line("embargo"), f"{what}: unknown embargo '{e['embargo']}'")
            if emb.lifted is not None:
                raise PackError(
                    p, e.key_line("embargo"), f"{what}: embargo '{emb.id}' was lifted on {emb.lifted}"
                )
        tier = e["firs_tier"]
        if tier is not None and tier not in FIRS_TIERS:
            raise PackError(
                p, e.key_line("firs_tier"), f"{what}: firs_tier must be null or one of {FIRS_TIERS}"
            )
        countries[code] = CountryFacts(
            code=code,
            name=_text(p, e, "name", what),
            regimes=tuple(rs),
            embargo=emb,
            firs_tier=tier,
            notes=_text(p, e, "notes", what),
            sources=reg.resolve(p, e, "sources", what),
            checked=parse_date(p, e, "checked", what),
        )

    regions: dict[str, RegionFacts] = {}
    names: dict[str, str] = {}
    for e in _entries(p, data, "regions"):
        what = f"region '{e.get('id', '?')}'"
        keys = {"id", "country", "name", "names", "regimes", "restrictions", "sources", "checked"}
        check_keys(p, e, keys, keys, what)
        rid = _text(p, e, "id", what)
        _unique(p, regions, rid, e, "id", "region")
        if e["country"] not in countries:
            raise PackError(
                p, e.key_line("country"), f"{what}: country '{e['country']}' is not in 'countries'"
            )
        rs = []
        for x in _list(p, e, "regimes", what, allow_empty=False):
            if x not in regimes:
                raise PackError(p, e.key_line("regimes"), f"{what}: unknown regime '{x}'")
            rs.append(regimes[x])
        spellings = _list(p, e, "names", what, allow_empty=False)
        name = _text(p, e, "name", what)
        for n in {rid.casefold(), name.casefold(), *(s.casefold() for s in spellings)}:
            if names.get(n, rid) != rid:
                raise PackError(p, e.key_line("names"), f"{what}: name '{n}' also names region '{names[n]}'")
            names[n] = rid
        regions[rid] = RegionFacts(
            id=rid,
            country=e["country"],
            name=name,
            names=tuple(spellings),
            regimes=tuple(rs),
            restrictions=_text(p, e, "restrictions", what),
            sources=reg.resolve(p, e, "sources", what),
            checked=parse_date(p, e, "checked", what),
        )
    return CountryTable(
        snapshot=parse_date(p, data, "snapshot", "table"),
        regimes=regimes,
        embargoes=embargoes,
        countries=countries,
        regions=regions,
        region_names=names,
        path=str(p),
    )


@cache
def table() -> CountryTable:
    """The shipped table, loaded and validated once."""
    return load_table()


def country_facts(code: str) -> CountryFacts | None:
    """The facts for an ISO alpha-2 code, or None when the table has no record for it."""
    return table().countries.get((code or "").strip().upper())


def region_facts(name_or_id: str) -> RegionFacts | None:
    """A restricted region by id, name or any listed spelling (case-insensitive)."""
    key = " ".join((name_or_id or "").split()).casefold()
    rid = table().region_names.get(key)
    return table().regions[rid] if rid else None


def is_restricted(code: str) -> bool:
    """True when a UK sanctions regime applies to the country or an arms embargo reaches the state itself."""
    c = country_facts(code)
    return bool(c and (c.regimes or (c.embargo and c.embargo.reaches_state)))


def country_risk(code: str) -> dict[str, Any] | None:
    """The risk view the scan's severities and guidance use: ``{code, name, regimes, arms_embargo, notes}``,
    or None when no UK sanctions regime applies and no arms embargo reaches the state. ``regimes`` are regime
    names; ``arms_embargo`` is True only where an embargo in force reaches the state itself (not one on armed
    groups only)."""
    c = country_facts(code)
    if c is None:
        return None
    embargo = bool(c.embargo and c.embargo.reaches_state)
    if not (c.regimes or embargo):
        return None
    return {
        "code": c.code,
        "name": c.name,
        "regimes": [r.name for r in c.regimes],
        "arms_embargo": embargo,
        "notes": c.notes,
    }


def restriction_summary(code: str) -> str | None:
    """One line saying why a country is restricted (regimes, embargo and who imposes it), or None."""
    c = country_facts(code)
    if c is None or not is_restricted(code):
        return None
    bits = []
    if c.regimes:
        bits.append("UK sanctions: " + ", ".join(r.name for r in c.regimes))
    if c.embargo and c.embargo.reaches_state:
        bits.append(f"{c.embargo.scope} arms embargo ({'/'.join(c.embargo.imposed_by)})")
    return "; ".join(bits)


def snapshot() -> dt.date:
    """The date the table's facts were last checked as a whole."""
    return table().snapshot


def stale(today: dt.date | None = None) -> bool:
    """True when the table is more than 12 months old on ``today`` (default: the system date)."""
    return is_stale(snapshot(), today)
