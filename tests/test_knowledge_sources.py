"""Every fact grantscan ships names official sources that resolve in the registry and a date it was checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from grantscan.detect.firs import load_firs
from grantscan.knowledge.atas import load_atas
from grantscan.knowledge.control_map import load_control_map
from grantscan.knowledge.countries import load_table
from grantscan.knowledge.guidance import Guidance
from grantscan.knowledge.loader import PackError, load_yaml
from grantscan.knowledge.resources import patterns_dir
from grantscan.knowledge.sources import OFFICIAL_DOMAINS, is_official, load_registry, registry

PATTERNS = patterns_dir()


def _dated_and_sourced(what: str, d: dict[str, Any]) -> None:
    keys = registry().sources
    assert d.get("sources"), f"{what}: no sources"
    for k in d["sources"]:
        assert k in keys, f"{what}: source '{k}' not in the registry"
    checked = d.get("checked")
    assert isinstance(checked, dt.date), f"{what}: no checked date"
    assert checked <= dt.date.today(), f"{what}: checked in the future ({checked})"


def test_every_registry_source_is_an_official_https_page_with_a_date() -> None:
    reg = registry()
    assert len(reg.sources) >= 30
    for key, s in reg.sources.items():
        assert s.url.startswith("https://") and is_official(s.url), (key, s.url)
        assert s.title and s.publisher and isinstance(s.checked, dt.date), key


@pytest.mark.parametrize(
    ("url", "official"),
    [
        ("https://www.gov.uk/guidance/x", True),
        ("https://www.legislation.gov.uk/uksi/2025/685", True),
        ("https://www.academic-technology-approval.service.gov.uk/", True),
        ("https://www.ecfr.gov/current/title-15", True),
        ("http://www.gov.uk/guidance/x", False),  # not https
        ("https://unitracker.aspi.org.au/", False),  # not an official publisher
        ("https://gov.uk.example.com/", False),  # look-alike host
        ("https://notgov.uk/", False),
    ],
)
def test_official_domains(url: str, official: bool) -> None:
    assert is_official(url) is official, (url, OFFICIAL_DOMAINS)


def test_every_guidance_record_is_sourced_and_dated() -> None:
    data = load_yaml(PATTERNS / "guidance.yaml")
    for cat, rec in data["categories"].items():
        _dated_and_sourced(f"guidance '{cat}'", rec)
    for key, rec in (data.get("overrides") or {}).items():
        _dated_and_sourced(f"guidance override '{key}'", rec)
    g = Guidance.load()
    for rec in (*g.records.values(), *g.overrides.values()):
        for link in rec.links:
            assert is_official(link["url"]), link


def test_every_regime_embargo_country_and_region_is_sourced_and_dated() -> None:
    data = load_yaml(PATTERNS / "regimes.yaml")
    assert isinstance(data["snapshot"], dt.date)
    for section in ("regimes", "embargoes", "countries", "regions"):
        assert data[section], section
        for rec in data[section]:
            _dated_and_sourced(f"{section} {rec.get('id') or rec.get('code')}", rec)
    t = load_table()  # and the loader agrees: every key resolves
    for c in t.countries.values():
        assert c.sources and all(is_official(s.url) for s in c.sources), c.code


def test_every_control_map_entry_firs_and_atas_record_is_sourced_and_dated() -> None:
    cmap = load_yaml(PATTERNS / "control_map.yaml")
    for e in cmap["entries"]:
        _dated_and_sourced(f"control map {e['entry']}", e)
    firs = load_yaml(PATTERNS / "firs.yaml")
    _dated_and_sourced("FIRS", firs)
    for c in firs["countries"]:
        _dated_and_sourced(f"FIRS {c['code']}", c)
    _dated_and_sourced("ATAS", load_yaml(PATTERNS / "atas.yaml"))
    # the loaders resolve the same keys
    assert load_control_map().entries and load_firs().countries and load_atas().subjects


def _copy_with(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    text = (PATTERNS / name).read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p, text[: text.index(new)].count("\n") + 1


def test_registry_rejects_unofficial_and_undated_sources(tmp_path: Path) -> None:
    p, line = _copy_with(
        tmp_path,
        "sources.yaml",
        'url: "https://www.npsa.gov.uk/trusted-research"',
        'url: "https://unitracker.aspi.org.au/"',
    )
    with pytest.raises(PackError, match="not an official https page") as e:
        load_registry(p)
    assert str(e.value).startswith(f"{p}:{line}:")
    p, line = _copy_with(tmp_path, "sources.yaml", "checked: 2026-12-06", "checked: soon")
    with pytest.raises(PackError, match="'checked' must be a date") as e:
        load_registry(p)
    assert str(e.value).startswith(f"{p}:{line}:")


@pytest.mark.parametrize(
    ("name", "loader", "old", "new", "message"),
    [
        (
            "regimes.yaml",
            load_table,
            "sources: [arms, meu, tr-cc]",
            "sources: [arms, hearsay]",
            "unknown source",
        ),
        (
            "regimes.yaml",
            load_table,
            "embargo: china-1989\n",
            "embargo: osce-nagorno-karabakh\n",
            "was lifted",
        ),
        ("regimes.yaml", load_table, "scope: partial", "scope: mostly", "scope must be one of"),
        ("control_map.yaml", load_control_map, "list: UK national", "list: UK maybe", "list must be one of"),
        (
            "firs.yaml",
            load_firs,
            "checked: 2026-12-06\n\ncountries:",
            "checked: someday\n\ncountries:",
            "date",
        ),
        ("atas.yaml", load_atas, "ai: [CAH11-01-05,", "ai: [CAH99-01-05,", "not a listed ATAS subject"),
    ],
)
def test_knowledge_files_are_validated_with_file_and_line(
    tmp_path: Path, name: str, loader: Any, old: str, new: str, message: str
) -> None:
    p, line = _copy_with(tmp_path, name, old, new)
    with pytest.raises(PackError, match=message) as e:
        loader(p)
    assert str(e.value).startswith(f"{p}:{line}:"), str(e.value)


def test_checklist_no_longer_copies_country_facts() -> None:
    data = load_yaml(PATTERNS / "checklist.yaml")
    assert "restricted_countries" not in data
    assert not (PATTERNS / "country_risk.yaml").exists()
