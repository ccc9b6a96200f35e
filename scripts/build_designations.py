#!/usr/bin/env python3
"""Build the shipped designations snapshot (patterns/designations/) from the lists in ../shared/data.

Only lists whose terms allow shipping them are used: the UK Sanctions List (Crown copyright, Open Government
Licence v3; entities only) and US federal lists that name organisations (US government works, public domain).
The ASPI tracker and the AGPL repository of Chinese university names are not shipped; they stay loadable with
``--lists``. Persons on the US lists are left out (organisation mentions never name them).

The screening index of the table (``index.npz``: every name normalised, as flat arrays a scan loads without
per-name work) is compiled beside it; ``--index-only`` recompiles just that, after a change of
patterns/screening.yaml or of the normalisation.

    .venv/bin/python scripts/build_designations.py [--data ../shared/data] [--out patterns/designations]
    .venv/bin/python scripts/build_designations.py --index-only
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from grantscan.detect.partners.screening import INDEX_FILE, compile_index, file_digest, write_index
from grantscan.knowledge.designations import (
    CONSEQUENCE,
    UK_LIST_ID,
    ListEntry,
    ListInfo,
    _load_table_set,
    iso_date,
    load_us,
    read_list_file,
    write_meta,
    write_table,
)

ROOT = Path(__file__).resolve().parent.parent
UK_SOURCE = "FCDO UK Sanctions List (gov.uk), via the normalised copy covyr/uk-sanctions-list"
UK_LICENCE = "Crown copyright, Open Government Licence v3.0"
# the copy's own date: the commit of covyr/uk-sanctions-list it was taken from (../shared/data/SOURCES.md)
UK_RETRIEVED = "2026-05-13"
US_SOURCE = "US federal list text, via phagehunter/nsfreg data/{file}"
US_LICENCE = "US government work, public domain in the US"
# US lists shipped: they name organisations (the Denied Persons, debarred-party and WRO lists are mostly persons,
# vessels or products and are left out)
US_FILES = (
    "bis_entity_list.json",
    "bis_meu.json",
    "dow_1260h.json",
    "dow_1286.json",
    "ofac_nscmic.json",
    "ofac_eo14032_annex.json",
    "state_nonproliferation.json",
    "fcc_covered.json",
    "dhs_uflpa.json",
)
NOT_PARTIES = ("produced in a foreign country", "Fishing Vessel")  # FCC/WRO rows naming goods, not a party


def build(data: Path, out: Path) -> list[ListInfo]:
    uk = read_list_file(data / "uk-sanctions-list" / "uk_sanctions_entities_names.csv")
    assert uk, "UK Sanctions List entity names not found"
    infos = [
        ListInfo(
            UK_LIST_ID,
            "UK Sanctions List (FCDO)",
            max(e.snapshot or "" for e in uk) or None,
            len(uk),
            UK_SOURCE,
            UK_LICENCE,
            CONSEQUENCE[UK_LIST_ID],
            authority="Sanctions and Anti-Money Laundering Act 2018 regulations (FCDO; OFSI for financial sanctions)",
            snapshot_note="newest last_updated date of the entity rows",
            retrieved=UK_RETRIEVED,
        )
    ]
    entries: list[ListEntry] = sorted(uk, key=lambda e: e.entry_id or "")
    us_dir = data / "us-restricted-party-lists"
    meta = {m["id"]: m for m in json.loads((us_dir / "lists.json").read_text(encoding="utf-8"))["lists"]}
    for name in US_FILES:
        raw = json.loads((us_dir / name).read_text(encoding="utf-8"))
        m = meta.get(raw["list_id"], {})
        got = [
            e for e in load_us(raw, m, organisations_only=True) if not any(x in e.name for x in NOT_PARTIES)
        ]
        snapshot = iso_date(m.get("snapshot")) or iso_date(raw.get("extracted"))
        infos.append(
            ListInfo(
                raw["list_id"],
                got[0].list_name if got else raw["list_id"],
                snapshot,
                len(got),
                US_SOURCE.format(file=name),
                US_LICENCE,
                CONSEQUENCE.get(raw["list_id"], ""),
                authority=str(m.get("authority", "")),
                snapshot_note=str(m.get("snapshot", ""))
                + (f"; extracted {raw.get('extracted')}" if raw.get("extracted") else ""),
                retrieved=iso_date(raw.get("extracted")),
            )
        )
        entries += got
    write_table(entries, out / "designations.tsv")
    write_meta(
        infos,
        out / "designations.yaml",
        "designations.tsv",
        note="built by scripts/build_designations.py from ../shared/data; see README.md",
    )
    write_shipped_index(out)
    return infos


def write_shipped_index(out: Path) -> Path:
    """Compile the screening index of the table in ``out`` (the rows as a scan reads them back) beside it."""
    table = out / "designations.tsv"
    entries, _ = _load_table_set(out / "designations.yaml", "shipped")
    path = out / INDEX_FILE
    write_index(compile_index(entries, file_digest(table)), path)
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(ROOT / "patterns" / "designations"))
    ap.add_argument(
        "--index-only",
        action="store_true",
        help="only compile the screening index of the table already in --out (after a word-list change)",
    )
    a = ap.parse_args()
    if a.index_only:
        print(write_shipped_index(Path(a.out)))
        return 0
    for i in build(Path(a.data), Path(a.out)):
        print(f"{i.id:26s} {i.snapshot or '?':10s} {i.rows:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
