"""The registry of official sources (``patterns/sources.yaml``) that every fact and guidance link cites by key.

Each source has a title, an official https address, its publisher and the date the facts citing it were
checked. Other knowledge files name sources by key; ``resolve`` turns keys into ``Source`` records and
raises ``PackError`` (file:line) for a key the registry does not hold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .loader import LineDict, PackError, check_keys, load_yaml
from .resources import patterns_dir

# Official publishers only: UK government (gov.uk and its subdomains, incl. legislation.gov.uk and
# npsa.gov.uk), UKRI, the UN, the US rules (eCFR, BIS), the US National Archives (archived White House
# publications such as the Critical and Emerging Technologies list) and the EU's own sites (EUR-Lex).
OFFICIAL_DOMAINS = ("gov.uk", "ukri.org", "un.org", "ecfr.gov", "bis.gov", "archives.gov", "europa.eu")
STALE_AFTER_DAYS = 365
_KEYS = {"title", "url", "publisher", "checked", "verified", "note"}


@dataclass(frozen=True, slots=True)
class Source:
    """One official page or instrument."""

    key: str
    title: str
    url: str
    publisher: str
    checked: dt.date
    verified: bool = False
    note: str = ""


def is_official(url: str) -> bool:
    """True for an https address on one of the official domains (or a subdomain of one)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and any(host == d or host.endswith("." + d) for d in OFFICIAL_DOMAINS)


def parse_date(path: str | Path, d: LineDict, key: str, what: str) -> dt.date:
    """A YYYY-MM-DD value of mapping ``d`` (YAML may have read it as a date already)."""
    v = d.get(key)
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            pass
    raise PackError(path, d.key_line(key), f"{what}: '{key}' must be a date YYYY-MM-DD")


def partial_date(text: str | None) -> dt.date | None:
    """A list's snapshot date written as YYYY-MM-DD, YYYY-MM or YYYY (the earliest day it can mean), or None."""
    import re

    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\b", text or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def is_stale(checked: dt.date, today: dt.date | None = None) -> bool:
    """True when ``checked`` is more than 12 months before ``today``."""
    return ((today or dt.date.today()) - checked).days > STALE_AFTER_DAYS


@dataclass(frozen=True, slots=True)
class Registry:
    """All sources by key, plus the registry's snapshot date."""

    sources: dict[str, Source]
    snapshot: dt.date
    path: str

    def resolve(self, path: str | Path, d: LineDict, key: str, what: str) -> tuple[Source, ...]:
        """The sources named by list ``d[key]``; PackError (file:line) when missing, empty or unknown."""
        keys = d.get(key)
        if not isinstance(keys, list) or not keys:
            raise PackError(path, d.key_line(key), f"{what}: '{key}' must be a non-empty list of source keys")
        out = []
        for k in keys:
            if k not in self.sources:
                raise PackError(path, d.key_line(key), f"{what}: unknown source '{k}' (see {self.path})")
            out.append(self.sources[k])
        return tuple(out)


def load_registry(path: str | Path | None = None) -> Registry:
    """Read and validate sources.yaml: official https addresses, dates, no unknown keys."""
    p = Path(path) if path else patterns_dir() / "sources.yaml"
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "expected a mapping with 'snapshot' and 'sources'")
    check_keys(p, data, {"snapshot", "sources"}, {"snapshot", "sources"}, "source registry")
    raw = data["sources"]
    if not isinstance(raw, LineDict) or not raw:
        raise PackError(p, data.key_line("sources"), "'sources' must map keys to sources")
    sources: dict[str, Source] = {}
    for key, s in raw.items():
        what = f"source '{key}'"
        if not isinstance(s, LineDict):
            raise PackError(p, raw.key_line(key), f"{what}: expected a mapping")
        check_keys(p, s, _KEYS, {"title", "url", "publisher", "checked"}, what)
        for k in ("title", "url", "publisher"):
            if not isinstance(s[k], str) or not s[k].strip():
                raise PackError(p, s.key_line(k), f"{what}: '{k}' must be a non-empty string")
        if not is_official(s["url"]):
            raise PackError(
                p, s.key_line("url"), f"{what}: not an official https page ({', '.join(OFFICIAL_DOMAINS)})"
            )
        verified: Any = s.get("verified", False)
        if not isinstance(verified, bool):
            raise PackError(p, s.key_line("verified"), f"{what}: 'verified' must be true or false")
        sources[str(key)] = Source(
            key=str(key),
            title=" ".join(s["title"].split()),
            url=s["url"],
            publisher=s["publisher"],
            checked=parse_date(p, s, "checked", what),
            verified=verified,
            note=" ".join(str(s.get("note") or "").split()),
        )
    return Registry(sources, parse_date(p, data, "snapshot", "source registry"), str(p))


@cache
def registry() -> Registry:
    """The shipped registry, loaded once."""
    return load_registry()


def source(key: str) -> Source | None:
    """One shipped source by key."""
    return registry().sources.get(key)
