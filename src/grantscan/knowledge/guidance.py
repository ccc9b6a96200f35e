"""Trusted Research guidance: why a finding matters, what to do, whom to ask, official links.

The knowledge base is ``patterns/guidance.yaml``: one record per taxonomy id plus ``declaration``,
optional records per sub-category or rule id (``overrides``) and country facts (``countries``). It is
validated on load; every error names the file and line. Country findings also name the sanctions and
embargo regimes of the dated country table (``knowledge.countries``); organisation
findings matched to a screening list name the list and its snapshot date.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from ..model import Finding, RuleHelp
from . import countries
from .countries import table as country_table
from .loader import LineDict, PackError, check_keys, load_yaml
from .resources import patterns_dir
from .sources import Registry, parse_date, registry
from .taxonomy import CATEGORIES

DECLARATION = "declaration"
_TOP_KEYS = {"version", "reviewed", "note", "contacts", "links", "categories", "countries", "overrides"}
_RECORD_KEYS = {"label", "why", "action", "steps", "contacts", "links", "sources", "checked"}
_REQUIRED_RECORD_KEYS = {"label", "why", "action", "steps", "contacts", "links", "sources", "checked"}
_COUNTRY_KEYS = {"why", "action", "sources", "checked"}


@dataclass(frozen=True, slots=True)
class Record:
    """Guidance for one category, sub-category or rule: contacts and links already resolved."""

    label: str
    why: str
    action: str
    steps: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    links: tuple[dict[str, str], ...] = ()

    @property
    def link(self) -> dict[str, str] | None:
        """The primary official page."""
        return self.links[0] if self.links else None


@dataclass(slots=True)
class Guidance:
    """The knowledge base (patterns/guidance.yaml), loaded and validated once."""

    records: dict[str, Record]
    overrides: dict[str, Record] = field(default_factory=dict)
    countries: dict[str, dict[str, str]] = field(default_factory=dict)
    reviewed: str = ""
    note: str = ""
    path: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None) -> Guidance:
        """Load and validate the knowledge base (the shipped one unless ``path`` is given)."""
        if path is None:
            return _shipped()
        return _parse(Path(path))

    def record(
        self, category: str, subcategory: str | None = None, rule_id: str | None = None, kind: str = "finding"
    ) -> Record:
        """The most specific record: rule id, then sub-category, then category (declarations: own record)."""
        if kind == DECLARATION:
            return self.records[DECLARATION]
        for key in (rule_id, subcategory):
            if key and key in self.overrides:
                return self.overrides[key]
        rec = self.records.get(category)
        if rec is None:  # a category from an extra pack that this knowledge base does not cover
            first = self.records["organisation"]
            return Record(
                label=category,
                why="A signal outside the Trusted Research categories of this guidance.",
                action="Ask the research office whether it matters for this project.",
                contacts=first.contacts[:1],
                links=first.links[:1],
            )
        return rec

    def for_finding(self, f: Finding) -> Record:
        """The record for one finding, with country- and list-specific facts added."""
        rec = self.record(f.category, f.subcategory, f.rule_id, f.kind)
        if f.kind == DECLARATION:
            label = self.records[f.category].label if f.category in self.records else f.category
            return replace(rec, why=f"{label}: {rec.why}")
        if f.category == "country":
            return self._country(rec, f)
        if f.category == "organisation" and f.lists:
            return self._listed(rec, f)
        return rec

    def label(self, category: str) -> str:
        """The short title of a category ('Quantum technology'), or the id itself."""
        rec = self.records.get(category)
        return rec.label if rec else category

    def help_for(self, f: Finding) -> RuleHelp:
        """What a report says about the rule of ``f`` in general (not about this mention)."""
        rec = self.record(f.category, f.subcategory, f.rule_id, f.kind)
        return RuleHelp(
            rule_id=f.rule_id,
            category=f.category,
            category_label=self.label(f.category),
            label=rec.label,
            why=rec.why,
            action=rec.action,
            steps=list(rec.steps),
            contacts=list(rec.contacts),
            links=[dict(link) for link in rec.links],
        )

    def _country(self, rec: Record, f: Finding) -> Record:
        code = (f.country_code or "").upper()
        risk = _country_risk(code) if code else None
        name = (risk or {}).get("name") or (country_name(code) if code else (f.name or f.text))
        extra = self.countries.get(code, {})
        regimes = _names(risk.get("regimes")) if risk else []
        embargo = bool(risk.get("arms_embargo")) if risk else False
        # the partner pack's notes are the fuller country facts; this file's are the fallback
        facts = " ".join(_names(risk.get("notes"))) if risk else ""
        facts = facts or extra.get("why", "")
        if regimes or embargo:
            bits = []
            if regimes:
                quoted = ", ".join(f"'{r}'" for r in regimes)
                bits.append(f"UK sanctions regime{'s' if len(regimes) > 1 else ''} {quoted}")
            if embargo:
                bits.append("UK arms embargo")
            why = f"{name}: {'; '.join(bits)}. {facts}".strip()
            action = (
                f"Check the UK Sanctions List and the arms-embargo page for {name} before any goods, "
                "technology, services or funds go there."
            )
        else:
            why = f"Partner country: {name}. {facts or rec.why}"
            action = rec.action
        return replace(rec, label=f"{rec.label}: {name}", why=why, action=extra.get("action") or action)

    def _listed(self, rec: Record, f: Finding) -> Record:
        hits = []
        for m in f.lists:
            when = f", snapshot {m.snapshot}" if m.snapshot else ""
            hits.append(f"'{m.entry}' on {m.list_name}{when}, match {m.score:.2f}")
        who = f.name or f.text
        why = f"{who} matches {'; '.join(hits)}. {rec.why}"
        action = (
            f"Escalate to the research office: confirm the match for {who} before any agreement or transfer."
        )
        return replace(rec, why=why, action=action)


def country_name(code: str) -> str:
    """Common English name of an ISO 3166-1 alpha-2 code, or the code itself when unknown."""
    import pycountry

    c = pycountry.countries.get(alpha_2=code.upper())
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def _country_risk(code: str) -> dict[str, Any] | None:
    """The country's sanctions and embargo facts (``knowledge.countries.country_risk``)."""
    return countries.country_risk(code)


def _names(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [str(k) for k, v in value.items() if v]
    return [str(v) for v in value if v]


@cache
def _shipped() -> Guidance:
    return _parse(patterns_dir() / "guidance.yaml")


def _text(path: Path, d: LineDict, key: str, what: str) -> str:
    v = d.get(key)
    if not isinstance(v, str) or not v.strip():
        raise PackError(path, d.key_line(key), f"{what}: '{key}' must be a non-empty string")
    return " ".join(v.split())


def _keys(path: Path, d: LineDict, key: str, table: dict[str, Any], what: str) -> list[Any]:
    v = d.get(key)
    if not isinstance(v, list) or not v:
        raise PackError(path, d.key_line(key), f"{what}: '{key}' must be a non-empty list")
    out = []
    for k in v:
        if k not in table:
            raise PackError(
                path, d.key_line(key), f"{what}: unknown {key[:-1]} '{k}' (known: {', '.join(sorted(table))})"
            )
        out.append(table[k])
    return out


def _record(
    path: Path,
    d: Any,
    what: str,
    contacts: dict[str, str],
    links: dict[str, dict[str, str]],
    base: Record | None = None,
) -> Record:
    required = set() if base else _REQUIRED_RECORD_KEYS
    check_keys(path, d, _RECORD_KEYS, required, what)
    vals: dict[str, Any] = {}
    for key in ("label", "why", "action"):
        if key in d:
            vals[key] = _text(path, d, key, what)
    if "action" in vals and "\n" in str(d["action"]).strip():
        raise PackError(path, d.key_line("action"), f"{what}: 'action' must be one line")
    if "steps" in d:
        steps = d["steps"]
        if (
            not isinstance(steps, list)
            or not steps
            or not all(isinstance(s, str) and s.strip() for s in steps)
        ):
            raise PackError(path, d.key_line("steps"), f"{what}: 'steps' must be a list of non-empty strings")
        vals["steps"] = tuple(" ".join(s.split()) for s in steps)
    if "contacts" in d:
        vals["contacts"] = tuple(_keys(path, d, "contacts", contacts, what))
    if "links" in d:
        vals["links"] = tuple(_keys(path, d, "links", links, what))
    return replace(base, **vals) if base else Record(**vals)


def _sourced(path: Path, d: LineDict, what: str, reg: Registry) -> None:
    """A record's facts name their sources (keys of patterns/sources.yaml) and the date they were checked."""
    reg.resolve(path, d, "sources", what)
    parse_date(path, d, "checked", what)


def _parse(path: Path) -> Guidance:
    data = load_yaml(path)
    check_keys(path, data, _TOP_KEYS, {"contacts", "categories"}, "guidance")
    contacts = data["contacts"]
    if not isinstance(contacts, LineDict) or not contacts:
        raise PackError(path, data.key_line("contacts"), "'contacts' must map keys to descriptions")
    for k, v in contacts.items():
        if not isinstance(v, str) or not v.strip():
            raise PackError(path, contacts.key_line(k), f"contact '{k}': expected a description")
    # links are the official sources of patterns/sources.yaml, by key; a file may add its own
    reg = registry()
    links = {k: {"title": s.title, "url": s.url} for k, s in reg.sources.items()}
    raw_links = data.get("links") or LineDict()
    if not isinstance(raw_links, LineDict):
        raise PackError(path, data.key_line("links"), "'links' must map keys to {title, url}")
    for k, v in raw_links.items():
        check_keys(path, v, {"title", "url"}, {"title", "url"}, f"link '{k}'")
        url = v["url"]
        if not isinstance(url, str) or not url.startswith("https://"):
            raise PackError(path, v.key_line("url"), f"link '{k}': url must start with https://")
        links[k] = {"title": _text(path, v, "title", f"link '{k}'"), "url": url}
    cats = data["categories"]
    if not isinstance(cats, LineDict):
        raise PackError(path, data.key_line("categories"), "'categories' must be a mapping")
    records: dict[str, Record] = {}
    for cat, rec in cats.items():
        if cat not in CATEGORIES and cat != DECLARATION:
            raise PackError(
                path, cats.key_line(cat), f"unknown category '{cat}' (taxonomy ids or 'declaration')"
            )
        records[cat] = _record(path, rec, f"category '{cat}'", contacts, links)
        _sourced(path, rec, f"category '{cat}'", reg)
    missing = [c for c in (*CATEGORIES, DECLARATION) if c not in records]
    if missing:
        raise PackError(
            path, data.key_line("categories"), f"categories without guidance: {', '.join(missing)}"
        )
    overrides: dict[str, Record] = {}
    raw_over = data.get("overrides") or LineDict()
    if not isinstance(raw_over, LineDict):
        raise PackError(path, data.key_line("overrides"), "'overrides' must be a mapping")
    for key, rec in raw_over.items():
        if not isinstance(rec, LineDict):
            raise PackError(path, raw_over.key_line(key), f"override '{key}': expected a mapping")
        # a sub-category names its category ('quantum/sensing'); a rule id says it with `category:`
        cat = rec["category"] if "category" in rec else str(key).split("/", 1)[0]
        base = records.get(cat)
        if base is None:
            raise PackError(
                path,
                raw_over.key_line(key),
                f"override '{key}': unknown category '{cat}' "
                "(use a sub-category such as 'quantum/sensing' or give 'category:' for a rule id)",
            )
        body = LineDict({k: v for k, v in rec.items() if k != "category"})
        body.line, body.key_lines = rec.line, rec.key_lines
        overrides[str(key)] = _record(path, body, f"override '{key}'", contacts, links, base=base)
        if "sources" in body or "checked" in body:
            _sourced(path, body, f"override '{key}'", reg)
    # country facts come from the country table (patterns/regimes.yaml); this file may add to them
    countries: dict[str, dict[str, str]] = {
        c.code: {"why": c.notes} for c in country_table().countries.values()
    }
    raw_countries = data.get("countries") or LineDict()
    if not isinstance(raw_countries, LineDict):
        raise PackError(path, data.key_line("countries"), "'countries' must be a mapping")
    for code, rec in raw_countries.items():
        if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
            raise PackError(
                path,
                raw_countries.key_line(str(code)),
                f"country '{code}': expected an ISO 3166-1 alpha-2 code such as CN",
            )
        check_keys(path, rec, _COUNTRY_KEYS, {"why", "sources", "checked"}, f"country '{code}'")
        _sourced(path, rec, f"country '{code}'", reg)
        countries[code] = {k: _text(path, rec, k, f"country '{code}'") for k in ("why", "action") if k in rec}
    return Guidance(
        records=records,
        overrides=overrides,
        countries=countries,
        reviewed=str(data.get("reviewed") or ""),
        note=str(data.get("note") or ""),
        path=str(path),
    )
