"""Organisations: the head words that make a capitalised run an organisation name, and the built-in list of
known bodies (patterns/organisations.yaml) with their country and why they matter."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...knowledge.loader import LineDict, PackError, check_keys, load_yaml
from ...knowledge.resources import patterns_dir
from .places import _str_list

ORG_TAG_SEVERITY = {
    # below high: a defence or military body is high only when a screening list designates it
    "seven-sons": "medium",
    "military": "medium",
    "state-security": "medium",
    "defence": "medium",
    "state-linked": "medium",
    "state-owned": "medium",
}


# -- organisations ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class KnownOrg:
    name: str
    aliases: list[str]
    country: str | None
    kind: str
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OrgRules:
    heads: dict[str, list[str]]
    known: list[KnownOrg]
    not_acronyms: list[str] = field(default_factory=list)  # listed acronyms that name something else in text


ORG_KINDS = {"university", "institute", "company", "funder", "government"}
# kinds whose built-in country is not a place the text names: a funder or government body named without a place
# word gives no country finding (the guideline counts "Taiwan" in a funder's name, not "DARPA" alone)
NO_PLACE_KINDS = frozenset({"funder", "government"})


def load_org_rules(path: str | Path | None = None) -> OrgRules:
    """Read and validate organisations.yaml."""
    p = Path(path) if path else patterns_dir() / "organisations.yaml"
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "expected a mapping at top level")
    check_keys(
        p, data, {"heads", "organisations", "not_acronyms"}, {"heads", "organisations"}, "organisations pack"
    )
    heads = data["heads"]
    check_keys(p, heads, {"university", "company", "institute", "government"}, set(), "heads")
    known = []
    for e in data["organisations"]:
        check_keys(p, e, {"name", "aliases", "country", "kind", "tags"}, {"name", "kind"}, "organisation")
        if e["kind"] not in ORG_KINDS:
            raise PackError(
                p, e.key_line("kind"), f"unknown kind '{e['kind']}' (one of {', '.join(sorted(ORG_KINDS))})"
            )
        known.append(
            KnownOrg(
                e["name"], _str_list(p, e, "aliases"), e.get("country"), e["kind"], _str_list(p, e, "tags")
            )
        )
    return OrgRules({k: _str_list(p, heads, k) for k in heads}, known, _str_list(p, data, "not_acronyms"))


def _sev_rank(s: str) -> int:
    return {"info": 0, "low": 1, "medium": 2, "high": 3}[s]


def _longest(spans: list[tuple[int, int, KnownOrg]]) -> list[tuple[int, int, KnownOrg]]:
    out: list[tuple[int, int, KnownOrg]] = []
    for s, e, org in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if not any(os < e and s < oe for os, oe, _ in out):
            out.append((s, e, org))
    return sorted(out, key=lambda x: x[0])
