#!/usr/bin/env python3
"""Validate the labelled corpus under ``corpus/`` (format of ``../shared/corpus/labelled/README.md``).

Checks every JSON Lines file under ``corpus/dev`` and ``corpus/frozen``: each line parses; ids are unique across
the corpus; categories and declarations are taxonomy ids (technology or clause); country codes are ISO 3166-1
alpha-2 (pycountry); lists are sorted and free of duplicates; no id is both a finding and a declaration in one
row; clause ids appear as findings only in ``agreements*.jsonl`` files; ``source`` is a key of the sources table
in ``corpus/README.md``; and every group sits on the side of the split that the frozen-split rule assigns it, so
one document never appears in both ``dev`` and ``frozen``.

Run: ``python scripts/check_corpus.py [CORPUS_DIR]``; exit status 1 and one line per problem when any check fails.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pycountry

from grantscan.knowledge.taxonomy import CLAUSE_CATEGORIES, TECH_CATEGORIES

REQUIRED = {"id", "text", "categories", "countries", "declarations", "notes", "source", "group"}
OPTIONAL = {"organisations"}
LIST_FIELDS = ("categories", "countries", "declarations", "organisations")
SIDES = ("dev", "frozen")
FROZEN_PERCENT = 30
SOURCE_ROW = re.compile(r"^\|\s*`([a-z0-9-]+)`\s*\|")
MACHINE_PATH = re.compile(r"(?<![\w.])/(?:work|tmp|home|root)/")


def frozen_side(group: str) -> str:
    """The split side of a group: 'frozen' when the first 8 hex digits of SHA-256(group) mod 100 fall below 30.

    A fixed hash of the group key, so the split is deterministic, keeps every row of one document together,
    and does not depend on row order or on anyone's choice.
    """
    bucket = int(hashlib.sha256(group.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "frozen" if bucket < FROZEN_PERCENT else "dev"


def source_keys(readme: Path) -> set[str]:
    """Source keys listed in the first column of the sources table of ``corpus/README.md``."""
    if not readme.exists():
        return set()
    keys: set[str] = set()
    in_table = False
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("| source key"):
            in_table = True
            continue
        if in_table:
            m = SOURCE_ROW.match(line)
            if m:
                keys.add(m.group(1))
            elif not line.startswith("|"):
                in_table = False
    return keys


def _check_row(row: object, where: str, is_agreement: bool, sources: set[str]) -> list[str]:
    """Problems of one parsed row, each prefixed with its file and line."""
    if not isinstance(row, dict):
        return [f"{where}: not a JSON object"]
    errors: list[str] = []
    keys = set(row)
    if REQUIRED - keys:
        errors.append(f"{where}: missing {sorted(REQUIRED - keys)}")
    if keys - REQUIRED - OPTIONAL:
        errors.append(f"{where}: unknown fields {sorted(keys - REQUIRED - OPTIONAL)}")
    for name in ("id", "text", "notes", "source", "group"):
        if name in row and not isinstance(row[name], str):
            errors.append(f"{where}: '{name}' must be a string")
    for name in ("id", "text", "source", "group"):
        if isinstance(row.get(name), str) and not row[name].strip():
            errors.append(f"{where}: '{name}' is empty")
    for name in LIST_FIELDS:
        value = row.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            errors.append(f"{where}: '{name}' must be a list of strings")
            continue
        if value != sorted(set(value)):
            errors.append(f"{where}: '{name}' is not sorted and de-duplicated")
    if errors:
        return errors
    allowed = set(TECH_CATEGORIES) | set(CLAUSE_CATEGORIES)
    for name in ("categories", "declarations"):
        for cid in row[name]:
            if cid not in allowed:
                errors.append(f"{where}: '{cid}' in {name} is not a taxonomy id")
    both = set(row["categories"]) & set(row["declarations"])
    if both:
        errors.append(f"{where}: {sorted(both)} both finding and declaration")
    clauses = set(row["categories"]) & set(CLAUSE_CATEGORIES)
    if clauses and not is_agreement:
        errors.append(f"{where}: clause ids {sorted(clauses)} outside an agreements file")
    for code in row["countries"]:
        if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
            errors.append(f"{where}: '{code}' is not an ISO 3166-1 alpha-2 code")
    if sources and row["source"] not in sources:
        errors.append(f"{where}: source '{row['source']}' is not in the sources table of corpus/README.md")
    for name in ("text", "notes", "group"):
        if MACHINE_PATH.search(row[name]):
            errors.append(f"{where}: '{name}' holds a machine path")
    return errors


def check(corpus: Path) -> tuple[list[str], int]:
    """All problems found under ``corpus`` and the number of rows read."""
    errors: list[str] = []
    sources = source_keys(corpus / "README.md")
    if not sources:
        errors.append(f"{corpus / 'README.md'}: no sources table found")
    seen_ids: dict[str, str] = {}
    group_sides: dict[str, set[str]] = {}
    rows = 0
    files = [f for side in SIDES for f in sorted((corpus / side).glob("*.jsonl"))]
    if not files:
        errors.append(f"{corpus}: no .jsonl files under {' or '.join(SIDES)}")
    for path in files:
        side = path.parent.name
        is_agreement = path.name.startswith("agreements")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(corpus)}:{n}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: invalid JSON ({exc.msg})")
                continue
            rows += 1
            row_errors = _check_row(row, where, is_agreement, sources)
            errors.extend(row_errors)
            if row_errors:
                continue
            if row["id"] in seen_ids:
                errors.append(f"{where}: id '{row['id']}' already used at {seen_ids[row['id']]}")
            seen_ids[row["id"]] = where
            group_sides.setdefault(row["group"], set()).add(side)
            if frozen_side(row["group"]) != side:
                errors.append(f"{where}: group '{row['group']}' belongs in {frozen_side(row['group'])}/")
    for group, sides in sorted(group_sides.items()):
        if len(sides) > 1:
            errors.append(f"group '{group}' has rows in both {' and '.join(sorted(sides))}")
    return errors, rows


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "corpus"
    errors, rows = check(corpus)
    for e in errors:
        print(e)
    print(f"{rows} rows, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
