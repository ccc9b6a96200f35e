"""ATAS (Academic Technology Approval Scheme) from the shipped Appendix ATAS table (``patterns/atas.yaml``).

ATAS is needed only where three things meet: a person who is not a national of an exempt country, a subject
listed in Appendix ATAS by CAH3 code, and postgraduate study or research (or a researcher role on a work
route). ``atas_note`` says so only when a listed subject (from the technology categories found) and a
non-exempt partner country (from the countries named) meet, and names both; an exempt partner gets nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .loader import LineDict, PackError, check_keys, load_yaml
from .resources import patterns_dir
from .sources import Registry, Source, parse_date, registry

SCOPES = ("research", "taught-masters")
_CAH3 = re.compile(r"^CAH\d\d-\d\d-\d\d$")
_ISO = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class Subject:
    """One CAH3 subject listed in Appendix ATAS 4.1."""

    code: str
    name: str
    group: str
    scopes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AtasNote:
    """Why ATAS may apply to this project: the subjects and non-exempt countries that meet, with the rule."""

    subjects: tuple[Subject, ...]
    countries: tuple[str, ...]
    text: str
    link: str
    sources: tuple[Source, ...]
    checked: dt.date


@dataclass(frozen=True, slots=True)
class AtasTable:
    subjects: dict[str, Subject]
    exempt: dict[str, str]  # ISO code -> name as the Appendix writes it
    not_subject: dict[str, str]
    categories: dict[str, tuple[str, ...]]
    sources: tuple[Source, ...]
    source_date: dt.date
    checked: dt.date
    path: str


def load_atas(path: str | Path | None = None, reg: Registry | None = None) -> AtasTable:
    """Read and validate atas.yaml (PackError with file:line on a bad entry)."""
    p = Path(path) if path else patterns_dir() / "atas.yaml"
    reg = reg or registry()
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "expected a mapping")
    keys = {"source_date", "checked", "sources", "licence", "subjects", "exempt", "not_subject", "categories"}
    check_keys(p, data, keys, keys, "ATAS table")
    subjects: dict[str, Subject] = {}
    if not isinstance(data["subjects"], list) or not data["subjects"]:
        raise PackError(p, data.key_line("subjects"), "'subjects' must be a non-empty list")
    for s in data["subjects"]:
        check_keys(p, s, {"code", "name", "group", "scopes"}, {"code", "name", "group", "scopes"}, "subject")
        code = s["code"]
        if not isinstance(code, str) or not _CAH3.match(code):
            raise PackError(p, s.key_line("code"), f"subject: code must look like CAH11-01-05, not {code!r}")
        if code in subjects:
            raise PackError(p, s.key_line("code"), f"subject {code} listed twice")
        scopes = s["scopes"]
        if not isinstance(scopes, list) or not scopes or any(x not in SCOPES for x in scopes):
            raise PackError(
                p, s.key_line("scopes"), f"subject {code}: scopes must be among {', '.join(SCOPES)}"
            )
        subjects[code] = Subject(code, str(s["name"]), str(s["group"] or ""), tuple(scopes))
    countries: dict[str, dict[str, str]] = {}
    for key in ("exempt", "not_subject"):
        m = data[key]
        if not isinstance(m, LineDict):
            raise PackError(p, data.key_line(key), f"'{key}' must map ISO codes to names")
        for code in m:
            if not isinstance(code, str) or not _ISO.match(code):
                raise PackError(
                    p, m.key_line(str(code)), f"{key}: {code!r} is not an ISO 3166-1 alpha-2 code"
                )
        countries[key] = {str(k): str(v) for k, v in m.items()}
    cats: dict[str, tuple[str, ...]] = {}
    m = data["categories"]
    if not isinstance(m, LineDict):
        raise PackError(p, data.key_line("categories"), "'categories' must map category ids to CAH3 codes")
    for cat, codes in m.items():
        if not isinstance(codes, list) or not codes:
            raise PackError(p, m.key_line(cat), f"category '{cat}': expected a list of CAH3 codes")
        for c in codes:
            if c not in subjects:
                raise PackError(p, m.key_line(cat), f"category '{cat}': {c} is not a listed ATAS subject")
        cats[str(cat)] = tuple(codes)
    return AtasTable(
        subjects=subjects,
        exempt=countries["exempt"],
        not_subject=countries["not_subject"],
        categories=cats,
        sources=reg.resolve(p, data, "sources", "ATAS table"),
        source_date=parse_date(p, data, "source_date", "ATAS table"),
        checked=parse_date(p, data, "checked", "ATAS table"),
        path=str(p),
    )


@cache
def atas_table() -> AtasTable:
    """The shipped table, loaded once."""
    return load_atas()


def is_exempt(code: str) -> bool:
    """True for nationals of an Appendix ATAS 3.1 country (or UK nationals, who are not subject to ATAS)."""
    c = (code or "").strip().upper()
    t = atas_table()
    return c in t.exempt or c in t.not_subject


def subjects_for(categories: Iterable[str]) -> list[Subject]:
    """The listed CAH3 subjects that work in these technology categories usually falls under (no duplicates)."""
    t = atas_table()
    out: dict[str, Subject] = {}
    for cat in categories:
        for code in t.categories.get(cat, ()):
            out.setdefault(code, t.subjects[code])
    return list(out.values())


def atas_note(tech_categories: Iterable[str], country_codes: Iterable[str]) -> AtasNote | None:
    """A note where a listed subject and a non-exempt nationality or partner country meet; None otherwise."""
    subjects = subjects_for(tech_categories)
    countries = sorted({c.strip().upper() for c in country_codes if c and c.strip() and not is_exempt(c)})
    if not subjects or not countries:
        return None
    t = atas_table()
    names = ", ".join(f"{s.code} {s.name}" for s in subjects)
    text = (
        f"ATAS may apply: nationals of {', '.join(countries)} (not exempt under Appendix ATAS 3.1) need an ATAS "
        f"certificate before postgraduate study or research, or a researcher role on a work route, in a listed "
        f"subject; this work falls under {names}. Check each person's nationality and CAH3 code and apply before "
        f"work starts (Appendix ATAS of {t.source_date:%d %B %Y}, checked {t.checked.isoformat()})."
    )
    link = next((s.url for s in t.sources if s.key == "atas-appendix"), t.sources[0].url)
    return AtasNote(tuple(subjects), tuple(countries), text, link, t.sources, t.checked)
