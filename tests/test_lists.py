"""Screening lists: every file shape, normalisation, exact/alias/fuzzy matching, threshold and speed."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import pytest

from grantscan.detect.lists import MATCH_THRESHOLD, load_folder, load_lists, normalise_name

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture()
def lists_dir(tmp_path: Path) -> Path:
    us = tmp_path / "us"
    us.mkdir()
    (us / "lists.json").write_text(
        json.dumps(
            {"lists": [{"id": "demo-entity", "official_name": "Demo Entity List", "snapshot": "2026-01-01"}]}
        ),
        encoding="utf-8",
    )
    (us / "entity.json").write_text(
        json.dumps(
            {
                "list_id": "demo-entity",
                "entities": [
                    {"name": "Northwind Photonics Institute", "aliases": ["NPI Labs"], "country": "Russia"},
                    {"name": "Acme Quantum Devices Co., Ltd.", "aliases": [], "country": "China"},
                ],
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "galaxy.json").write_text(
        json.dumps(
            {
                "type": "demo-tracker",
                "name": "Demo Tracker",
                "description": "Chinese defence universities",
                "values": [
                    {
                        "value": "Example Defence University (示例大学)",
                        "meta": {"aliases": ["EDU Alias University"]},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "bis").mkdir()
    (tmp_path / "bis" / "data.json").write_text(
        json.dumps(
            {
                "generatedAt": "2026-03-30T00:00:00Z",
                "entries": [
                    {
                        "name": "Harbour Engineering Academy",
                        "raw": "Harbour Engineering Academy, a.k.a., the following one alias: —HEA Institute. 1 Road, Dalian, China.",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    with (tmp_path / "uk.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "unique_id",
                "regime_prefix",
                "ofsi_group_id",
                "un_reference_number",
                "date_designated",
                "last_updated",
                "name_type",
                "name",
                "address_countries",
            ]
        )
        w.writerow(
            ["RUS0001", "RUS", "1", "", "01/01/2024", "29/04/2026", "primary", "Volga Avionics JSC", "RU"]
        )
        w.writerow(
            ["RUS0001", "RUS", "1", "", "01/01/2024", "29/04/2026", "alias", "Volga Avia Systems", "RU"]
        )
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return tmp_path


def test_every_shape_is_loaded(lists_dir):
    lists = load_folder(lists_dir)
    by_list = {e.list_id: e for e in lists.entries}
    assert set(by_list) == {"demo-entity", "demo-tracker", "bis", "uk-sanctions-list"}
    assert (
        by_list["demo-entity"].list_name == "Demo Entity List"
        and by_list["demo-entity"].snapshot == "2026-01-01"
    )
    assert (
        by_list["demo-tracker"].name == "Example Defence University"
        and by_list["demo-tracker"].country == "CN"
    )
    assert by_list["bis"].aliases == ["HEA Institute"] and by_list["bis"].country == "CN"
    uk = by_list["uk-sanctions-list"]
    assert (uk.name, uk.aliases, uk.country, uk.snapshot) == (
        "Volga Avionics JSC",
        ["Volga Avia Systems"],
        "RU",
        "2026-04-29",
    )
    assert lists.warnings == ["notes.csv: not a recognised screening list, skipped"]


def test_normalisation():
    assert normalise_name("The Acme Quantum Devices Co., Ltd.") == "acme quantum devices"
    assert normalise_name("Univ. of Électronique & Tech") == "university of electronique and technology"


def test_exact_alias_and_word_order(lists_dir):
    lists = load_folder(lists_dir)
    [m] = lists.match("Acme Quantum Devices Limited")
    assert (m.list_id, m.entry, m.score, m.country) == (
        "demo-entity",
        "Acme Quantum Devices Co., Ltd.",
        1.0,
        "CN",
    )
    assert lists.match("EDU Alias University")[0].entry == "Example Defence University"
    assert lists.match("Avionics Volga JSC")[0].list_name == "UK Sanctions List (FCDO)"


def test_fuzzy_scores_and_threshold(lists_dir):
    lists = load_folder(lists_dir)
    [m] = lists.match("Northwind Photonic Institute")
    assert MATCH_THRESHOLD <= m.score < 1.0 and m.entry == "Northwind Photonics Institute"
    assert lists.match("Northwind Bakery Institute") == []
    assert lists.match("NPI") == []  # short names never fuzzy-match
    assert lists.match("Northwind Photonic Institute", threshold=0.99) == []


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_folder(tmp_path / "nope")


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data not present")
def test_real_lists_load_and_match():
    lists = load_lists(SHARED_DATA)
    ids = {e.list_id for e in lists.entries}
    assert {"bis-entity-list", "uk-sanctions-list", "china-defence-universities", "dow-1286"} <= ids
    assert len(lists) > 7000
    hits = {m.list_id for m in lists.match("National University of Defense Technology")}
    assert {"china-defence-universities", "dow-1286"} <= hits
    bis = [m for m in lists.match("Huawei Technologies Co., Ltd.") if m.list_id == "bis-entity-list"]
    assert bis and bis[0].country == "CN" and bis[0].snapshot
    assert lists.match("University of Oxford") == []
    assert load_lists(SHARED_DATA) is lists  # built once per folder


@pytest.mark.bench  # a timing check: run with -m bench (speed is measured by scripts/bench.py)
@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data not present")
def test_matching_is_fast():
    lists = load_lists(SHARED_DATA)
    names = [e.name for e in lists.entries[:500]] + [f"Institute of Example Studies {i}" for i in range(500)]
    t = time.perf_counter()
    for n in names:
        lists.match(n)
    assert time.perf_counter() - t < 5.0  # about 0.1 s measured; loose bound for shared machines
