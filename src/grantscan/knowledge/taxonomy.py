"""The category ids of the taxonomy (``patterns/taxonomy.yaml``), the single list every layer reads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .loader import LineDict, PackError, check_keys, load_yaml
from .resources import patterns_dir

GROUPS = ("technology", "partner", "clause")


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Category ids in taxonomy order, by group."""

    categories: tuple[str, ...]
    technology: tuple[str, ...]
    dual_use: tuple[str, ...]
    partner: tuple[str, ...]
    clause: tuple[str, ...]


@cache
def taxonomy() -> Taxonomy:
    """The shipped taxonomy, loaded and validated once."""
    path = patterns_dir() / "taxonomy.yaml"
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise PackError(path, 1, "expected a mapping with 'categories'")
    check_keys(path, data, {"version", "categories"}, {"categories"}, "taxonomy")
    ids: list[str] = []
    by_group: dict[str, list[str]] = {g: [] for g in GROUPS}
    dual: list[str] = []
    for entry in data["categories"]:
        check_keys(path, entry, {"id", "group", "dual_use"}, {"id", "group"}, "category")
        cid, group = entry["id"], entry["group"]
        if group not in GROUPS:
            raise PackError(path, entry.key_line("group"), f"category '{cid}': group must be one of {GROUPS}")
        if cid in ids:
            raise PackError(path, entry.key_line("id"), f"category '{cid}' listed twice")
        ids.append(cid)
        by_group[group].append(cid)
        if entry.get("dual_use"):
            dual.append(cid)
    return Taxonomy(
        tuple(ids),
        tuple(by_group["technology"]),
        tuple(dual),
        tuple(by_group["partner"]),
        tuple(by_group["clause"]),
    )


CATEGORIES = taxonomy().categories
TECH_CATEGORIES = taxonomy().technology
DUAL_USE = taxonomy().dual_use
CLAUSE_CATEGORIES = taxonomy().clause
PARTNER_CATEGORIES = taxonomy().partner
