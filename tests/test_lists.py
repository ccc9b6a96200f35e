"""Screening lists as knowledge: every file shape, the official UK CSV, the shipped snapshot, imports of newer
downloads, and the name normalisation the matcher relies on."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from grantscan.detect.partners.screening import canon, name_words
from grantscan.detect.partners.words import load_word_lists, word_lists
from grantscan.knowledge import designations as dz
from grantscan.knowledge.loader import PackError

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

UK_OFFICIAL = (
    "Report Date: 01-Sep-2026\n"
    "Last Updated,Unique ID,OFSI Group ID,UN Reference Number,Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,"
    "Name type,Alias strength,Regime Name,Designation Type,Date Designated,Address Country\n"
    "01/09/2026,RUS9999,1,,Volga Avionics JSC,,,,,,Primary Name,,Russia,Entity,15/03/2024,Russia\n"
    "01/09/2026,RUS9999,1,,Volga Avia Systems,,,,,,Alias,,Russia,Entity,15/03/2024,Russia\n"
    "01/09/2026,RUS9998,2,,,Ivan,,,,Petrov,Primary Name,,Russia,Individual,01/09/2026,Russia\n"
    "01/09/2026,RUS9997,3,,Sea Star,,,,,,Primary Name,,Russia,Ship,01/09/2026,\n"
)


@pytest.fixture()
def lists_dir(tmp_path: Path) -> Path:
    us = tmp_path / "us"
    us.mkdir()
    (us / "lists.json").write_text(
        json.dumps(
            {"lists": [{"id": "demo-entity", "official_name": "Demo Entity List", "snapshot": "July 2026"}]}
        ),
        encoding="utf-8",
    )
    (us / "entity.json").write_text(
        json.dumps(
            {
                "list_id": "demo-entity",
                "entities": [
                    {"name": "Northwind Photonics Institute", "aliases": ["NPI Labs"], "country": "Russia"},
                    {
                        "name": "Acme Quantum Devices Co., Ltd. (a.k.a., Acme QD; AQD Works",
                        "country": "China",
                    },
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
                        "raw": "Harbour Engineering Academy, a.k.a., the following one alias: —HEA Institute. "
                        "1 Road, Dalian, China.",
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
    d = dz.load_folder(lists_dir)
    by_list = {e.list_id: e for e in d.entries}
    assert set(by_list) == {"demo-entity", "demo-tracker", "bis", "uk-sanctions-list"}
    us = [e for e in d.entries if e.list_id == "demo-entity"]
    assert (us[0].list_name, us[0].snapshot, us[0].entry_id, us[0].country) == (
        "Demo Entity List",
        "2026-07",
        "DEMO-ENTITY-0001",
        "RU",
    )
    # a name extracted with its aliases glued on is split
    assert us[1].name == "Acme Quantum Devices Co., Ltd." and us[1].aliases == ["Acme QD", "AQD Works"]
    assert (
        by_list["demo-tracker"].name == "Example Defence University"
        and by_list["demo-tracker"].country == "CN"
    )
    assert by_list["bis"].aliases == ["HEA Institute"] and by_list["bis"].country == "CN"
    uk = by_list["uk-sanctions-list"]
    assert (uk.name, uk.aliases, uk.country, uk.snapshot, uk.entry_id, uk.regime, uk.listed) == (
        "Volga Avionics JSC",
        ["Volga Avia Systems"],
        "RU",
        "2026-04-29",
        "RUS0001",
        "RUS",
        "2024-01-01",
    )
    assert d.warnings == ["notes.csv: not a recognised screening list, skipped"]
    assert {i.id: i.rows for i in d.lists}["demo-entity"] == 2


def test_official_uk_csv_keeps_entities_only(tmp_path):
    p = tmp_path / "UK-Sanctions-List.csv"
    p.write_text(UK_OFFICIAL, encoding="utf-8")
    [e] = dz.read_list_file(p)
    assert (e.entry_id, e.name, e.aliases, e.country, e.snapshot, e.regime, e.listed) == (
        "RUS9999",
        "Volga Avionics JSC",
        ["Volga Avia Systems"],
        "RU",
        "2026-09-01",
        "Russia",
        "2024-03-15",
    )


def test_persons_are_told_from_organisations():
    assert dz.looks_like_person("Alexander Petrenko") and dz.looks_like_person("Arellano, Jonathan")
    assert not dz.looks_like_person("Almaz JSC") and not dz.looks_like_person("Huawei Cloud Shanghai")
    assert dz.split_name("Institute of Applied Physics (IAP)") == (
        "Institute of Applied Physics (IAP)",
        ["IAP", "Institute of Applied Physics"],
    )
    assert dz.iso_date("Federal Register notice of June 10, 2026") == "2026-06-10"


def test_shipped_snapshot_is_complete_and_dated():
    d = dz.default_designations()
    infos = {i.id: i for i in d.lists}
    assert {"uk-sanctions-list", "bis-entity-list", "bis-meu", "dow-1260h", "ofac-nscmic"} <= set(infos)
    assert all(i.snapshot and i.licence and i.source and i.origin == "shipped" for i in infos.values())
    assert "OFSI licence" in infos["uk-sanctions-list"].consequence
    assert "EAR" in infos["bis-entity-list"].consequence
    uk = [e for e in d.entries if e.list_id == "uk-sanctions-list"]
    assert len(uk) == infos["uk-sanctions-list"].rows > 1000
    mipt = next(e for e in uk if e.entry_id == "RUS1431")
    assert mipt.name == "Moscow Institute of Physics and Technology" and "MIPT" in mipt.aliases
    assert mipt.listed == "2022-05-04" and mipt.country == "RU"


def test_table_errors_name_the_file_and_line(tmp_path):
    meta = tmp_path / "designations.yaml"
    info = dz.ListInfo("demo", "Demo", "2026-01-01", 1)
    dz.write_meta([info], meta, "t.tsv")
    (tmp_path / "t.tsv").write_text("\t".join(dz.TABLE_COLUMNS) + "\ndemo\tD-1\tAcme\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"t\.tsv:2: expected 9"):
        dz._load_table_set(meta, "shipped")
    dz.write_table([dz.ListEntry("demo", "Demo", None, "Acme", entry_id="D-1")], tmp_path / "t.tsv")
    entries, _ = dz._load_table_set(meta, "shipped")
    assert entries[0].name == "Acme" and entries[0].snapshot == "2026-01-01"
    dz.write_meta([dz.ListInfo("demo", "Demo", "2026-01-01", 5)], meta, "t.tsv")
    with pytest.raises(PackError, match="1 rows in t.tsv, not 5"):
        dz._load_table_set(meta, "shipped")


def test_import_validates_and_replaces_the_shipped_list(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    good = tmp_path / "uk.csv"
    good.write_text(UK_OFFICIAL, encoding="utf-8")
    with pytest.raises(dz.ListImportError, match="partial download"):
        dz.import_lists([good])  # one organisation where the shipped list has over a thousand
    junk = tmp_path / "junk.csv"
    junk.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(dz.ListImportError, match="not a UK Sanctions List CSV"):
        dz.import_lists([junk], min_share=0)
    [info] = dz.import_lists([good], min_share=0)
    assert (info.id, info.rows, info.snapshot, info.origin) == (
        "uk-sanctions-list",
        1,
        "2026-09-01",
        "imported",
    )
    d = dz.default_designations()
    uk = [e for e in d.entries if e.list_id == "uk-sanctions-list"]
    assert [e.entry_id for e in uk] == ["RUS9999"] and uk[0].snapshot == "2026-09-01"
    assert any(e.list_id == "bis-entity-list" for e in d.entries)  # the other shipped lists stay
    assert any("imported" in line and "2026-09-01" in line for line in dz.describe())


def test_normalisation():
    assert name_words("The Acme Quantum Devices Co., Ltd.") == ("acme", "quantum", "devices")
    assert name_words("Univ. of Électronique & Tech") == ("university", "electronique", "technology")
    assert name_words("PJSC United Aircraft Corp.") == ("united", "aircraft")
    assert name_words("Moscow Physico-Technical Institute") == (
        "moscow",
        "physics",
        "technology",
        "institute",
    )
    assert canon("shaheed") == canon("shahid") and canon("zhukovskiy") == canon("joukovski")
    assert canon("rosoboroneksport") == canon("rosoboronexport") and canon("beheshti") != canon("sharif")


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data not present")
def test_real_lists_load():
    d = dz.load_lists(SHARED_DATA)
    ids = {e.list_id for e in d.entries}
    assert {"bis-entity-list", "uk-sanctions-list", "china-defence-universities", "dow-1286"} <= ids
    assert len(d) > 7000
    assert dz.load_lists(SHARED_DATA) is d  # read once per folder


def test_word_lists_are_read_from_the_pattern_file():
    wl = word_lists()
    assert {"jsc", "pjsc", "ltd", "group"} <= wl.legal_forms and "the" in wl.connecting
    assert wl.abbreviations["inst"] == "institute" and wl.abbreviations["named"] == ""
    assert "institute" in wl.generic and "pedagogical" in wl.type_words
    assert wl.transliteration and len(wl.digest) == 64


_MINIMAL = {
    "abbreviations": "{}",
    "legal_forms": "[ltd]",
    "connecting": "[the]",
    "generic": "[institute]",
    "organisation_types": "[institute]",
    "type_words": "[law]",
    "spelled_as_written": "[]",
    "places": "[beijing]",
    "parent_groups": "[avic]",
    "optional_parts": "[]",
    "transliteration": "[]",
}


def _word_lists_file(tmp_path: Path, first: str, text: str, drop: str = "") -> Path:
    """A word-list file whose section ``first`` (from line 1) is ``text``, the other sections minimal."""
    rest = [f"{k}: {v}" for k, v in _MINIMAL.items() if k not in (first, drop)]
    path = tmp_path / "screening.yaml"
    path.write_text(f"{first}:{text}\n" + "\n".join(rest) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "section,text,message",
    [
        (
            "transliteration",
            "\n  - {from: 'ks', to: 'x'}\n  - {from: '(?:ts|tz', to: 'c'}",
            r":3: transliteration rule '\(\?:ts",
        ),
        ("transliteration", "\n  - {from: 'x', to: '\\2'}", r":2: transliteration rule 'x' -> '\\\\2'"),
        (
            "transliteration",
            "\n  - {from: 'x', to: 'ks', note: 1}",
            r":2: transliteration rule: unknown key 'note'",
        ),
        ("legal_forms", " [\n  ltd,\n  Co.,\n]", r":3: 'legal_forms': word 'Co\.'"),
        ("generic", " [\n  institute,\n  institute,\n]", r":3: 'generic': 'institute' listed twice"),
        ("places", " [\n  beijing,\n  Shenzhen,\n]", r":3: 'places': word 'Shenzhen'"),
        ("abbreviations", "\n  univ: university\n  acad: Academy", r":3: abbreviation 'acad' -> 'Academy'"),
        ("optional_parts", "\n  - ', Academy$'\n  - '(unclosed'", r":3: optional part '\(unclosed'"),
    ],
)
def test_word_list_errors_name_the_file_and_line(tmp_path, section, text, message):
    with pytest.raises(PackError, match=r"screening\.yaml" + message):
        load_word_lists(_word_lists_file(tmp_path, section, text))


def test_word_list_file_needs_every_list(tmp_path):
    with pytest.raises(PackError, match="missing required key 'generic'"):
        load_word_lists(_word_lists_file(tmp_path, "legal_forms", " [ltd]", drop="generic"))
    wl = load_word_lists(_word_lists_file(tmp_path, "abbreviations", "\n  cas: china academy science"))
    assert wl.abbreviations["cas"] == "china academy science" and wl.legal_forms == {"ltd"}
