"""Screening off is a user's choice (``screening = false``, ``--no-screening``): no list is searched, and the
report says the organisations were not screened rather than that none matched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from grantscan.cache import config_digest
from grantscan.cli import main
from grantscan.config import Config, ConfigError, load_config
from grantscan.pipeline import Scanner

LISTED = "Samples come from PJSC United Aircraft Corporation, which will host the workshop.\n"


def _scan_json(*args: str) -> dict:
    r = CliRunner().invoke(main, ["scan", "--no-cache", "--no-config", "-f", "json", *args])
    assert r.exit_code in (0, 1), r.stderr
    return json.loads(r.stdout)


def _list_matches(report: dict) -> list[dict]:
    return [f for d in report["documents"] for f in d["findings"] if f["rule_id"] == "org-list-match"]


def test_the_option_turns_list_matching_off_and_the_report_says_not_screened(tmp_path: Path) -> None:
    doc = tmp_path / "partner.txt"
    doc.write_text(LISTED, encoding="utf-8")
    on = _scan_json(str(doc))
    assert _list_matches(on) and on["knowledge"]["screened"]
    off = _scan_json("--no-screening", str(doc))
    assert not _list_matches(off)
    assert off["knowledge"]["screened"] == []
    r = CliRunner().invoke(main, ["scan", "--no-cache", "--no-config", "--no-screening", str(doc)])
    assert "not screened against any list" in r.stdout


def test_the_config_key_is_read_and_checked(tmp_path: Path) -> None:
    (tmp_path / "grantscan.toml").write_text("screening = false\n", encoding="utf-8")
    cfg, sources = load_config([str(tmp_path)])
    assert cfg.screening is False and sources["screening"].endswith("grantscan.toml")
    (tmp_path / "grantscan.toml").write_text('screening = "no"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="screening"):
        load_config([str(tmp_path)])


def test_a_scan_without_screening_searches_no_list_and_caches_apart() -> None:
    scanner = Scanner(Config(cache=False, screening=False))
    partners = scanner.detector.partners
    assert len(partners.screen) == 0 and partners.screened_lists() == []
    found = scanner.scan_text(LISTED).findings
    assert not [f for f in found if f.lists]
    assert config_digest(Config(screening=False)) != config_digest(Config())


def test_version_says_when_the_config_turns_screening_off(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    on = CliRunner().invoke(main, ["--version"]).stdout
    assert "screening: off" not in on and "shipped screening lists" in on
    (tmp_path / "grantscan.toml").write_text("screening = false\n", encoding="utf-8")
    off = CliRunner().invoke(main, ["--version"]).stdout
    assert "screening: off" in off
