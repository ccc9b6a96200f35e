"""The command line: exit codes, the JSON contracts of scan and extract, output files, colour."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from grantscan.cli import main, parse_size

from .conftest import CLEAN_TEXT, RISKY_TEXT, SAMPLES

FINDING_KEYS = {
    "rule_id",
    "category",
    "kind",
    "severity",
    "confidence",
    "text",
    "context",
    "location",
    "why",
    "action",
    "contacts",
    "links",
}


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture()
def risky(tmp_path: Path) -> Path:
    p = tmp_path / "risky.txt"
    p.write_text(RISKY_TEXT, encoding="utf-8")
    return p


@pytest.fixture()
def clean(tmp_path: Path) -> Path:
    p = tmp_path / "clean.txt"
    p.write_text(CLEAN_TEXT, encoding="utf-8")
    return p


def test_help_lists_commands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for cmd in ("scan", "extract", "triage", "annotate", "baseline", "config"):
        assert cmd in out


def test_clean_file_exits_0(clean: Path) -> None:
    code, out, _ = run("scan", "--no-cache", str(clean))
    assert code == 0, out


def test_high_finding_exits_1_and_fail_on_is_respected(risky: Path) -> None:
    code, out, _ = run("scan", "--no-cache", "--format", "json", str(risky))
    data = json.loads(out)
    sev = {f["severity"] for f in data["documents"][0]["findings"] if f["kind"] == "finding"}
    assert "high" in sev, data
    assert code == 1
    # a clean file with --fail-on low stays 0; the risky one fails at every threshold
    assert run("scan", "--no-cache", "--fail-on", "low", str(risky))[0] == 1


def test_unreadable_input_exits_3_and_names_file(tmp_path: Path, risky: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage that is not a pdf")
    code, out, err = run("scan", "--no-cache", "--format", "json", str(risky), str(bad))
    assert code == 3  # precedence: unreadable (3) over findings (1)
    assert f"{bad}:" in err and err.count("\n") >= 1
    docs = {d["path"]: d for d in json.loads(out)["documents"]}
    assert docs[str(bad)]["status"] == "error" and docs[str(bad)]["error"]
    assert docs[str(bad)]["findings"] == []
    assert docs[str(risky)]["status"] == "ok"


def test_missing_file_is_reported_not_ignored(tmp_path: Path) -> None:
    code, out, err = run("scan", "--no-cache", "--format", "json", str(tmp_path / "nope.docx"))
    assert code == 3
    assert "not found" in err


def test_usage_errors_exit_2(clean: Path) -> None:
    assert run("scan")[0] == 2
    assert run("scan", "--format", "yaml", str(clean))[0] == 2
    assert run("scan", "--fail-on", "critical", str(clean))[0] == 2
    assert run("scan", "--max-size", "lots", str(clean))[0] == 2


def test_json_contract(risky: Path) -> None:
    code, out, _ = run("scan", "--no-cache", "--format", "json", str(risky))
    data = json.loads(out)
    assert data["tool"]["name"] == "grantscan" and data["tool"]["version"]
    doc = data["documents"][0]
    assert {"path", "status", "error", "sha256", "findings"} <= set(doc)
    assert doc["path"] == str(risky) and doc["status"] == "ok" and len(doc["sha256"]) == 64
    assert doc["findings"], "expected findings in the risky text"
    for f in doc["findings"]:
        assert FINDING_KEYS <= set(f), FINDING_KEYS - set(f)
        assert f["kind"] in ("finding", "declaration")
        assert 0.0 <= f["confidence"] <= 1.0
        assert f["location"].get("line") == 1
        if f["category"] == "country":
            assert len(f["country_code"]) == 2
    countries = {f["country_code"] for f in doc["findings"] if f["category"] == "country"}
    assert "CN" in countries
    assert {"documents", "errors", "findings"} <= set(data["summary"])


def test_output_file_written_and_stdout_empty(tmp_path: Path, risky: Path) -> None:
    out_file = tmp_path / "sub" / "report.json"
    code, out, _ = run("scan", "--no-cache", "--format", "json", "-o", str(out_file), str(risky))
    assert out == ""
    assert json.loads(out_file.read_text())["documents"][0]["path"] == str(risky)
    assert [p.name for p in out_file.parent.iterdir()] == ["report.json"]  # no temp file left behind


def test_text_output_has_no_ansi_when_not_a_tty(risky: Path) -> None:
    code, out, _ = run("scan", "--no-cache", str(risky))
    assert "\x1b[" not in out
    assert "drone" in out.lower()


def test_extract_json_contract_and_parts() -> None:
    docx = SAMPLES / "proposal-skyward.docx"
    code, out, _ = run("extract", "--format", "json", str(docx))
    assert code == 0
    doc = json.loads(out)["documents"][0]
    assert doc["path"] == str(docx) and doc["status"] == "ok" and doc["error"] is None
    parts = {b["location"]["part"] for b in doc["blocks"]}
    assert {"body", "table", "footnote", "comment", "header", "deleted"} <= parts
    deleted = " ".join(b["text"] for b in doc["blocks"] if b["location"]["part"] == "deleted")
    live = " ".join(b["text"] for b in doc["blocks"] if b["location"]["part"] != "deleted")
    assert "Iran" in deleted and "Iran" not in live


def test_extract_reports_unreadable_with_exit_3(tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    code, out, err = run("extract", "--format", "json", str(empty))
    assert code == 3
    assert json.loads(out)["documents"][0]["status"] == "error"
    assert "empty" in err


def test_folder_scan_paths_as_found(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.md").write_text(RISKY_TEXT)
    (tmp_path / "a" / "ignored.xyz").write_text(RISKY_TEXT)
    code, out, _ = run("scan", "--no-cache", "--format", "json", str(tmp_path))
    paths = [d["path"] for d in json.loads(out)["documents"]]
    assert paths == [os.path.join(str(tmp_path), "a", "x.md")]


@pytest.mark.parametrize(
    "value,expected",
    [("50MB", 50 * 1024**2), ("200k", 200 * 1024), ("1048576", 1048576), ("1.5 GB", int(1.5 * 1024**3))],
)
def test_parse_size(value: str, expected: int) -> None:
    assert parse_size(value) == expected


def test_entry_point_runs_as_installed() -> None:
    exe = Path(sys.executable).parent / "grantscan"
    r = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=False)
    assert r.returncode == 0 and r.stdout.startswith("grantscan ")


def test_rules_list_and_test_run_the_shipped_examples() -> None:
    code, out, _ = run("rules", "list")
    assert code == 0 and "ai-deep-learning" in out
    code, out, _ = run("rules", "test")
    assert code == 0 and out.strip().endswith("0 failed")


def test_rules_test_fails_on_a_custom_pack_whose_example_does_not_match(tmp_path: Path) -> None:
    pack = tmp_path / "custom.yaml"
    pack.write_text(
        "pack: custom\nversion: 1\ndescription: test pack\nrules:\n"
        "  - id: custom-widget\n    category: defence\n    terms: [zorblax launcher]\n"
        "    examples:\n      must_match: [We will build a zorblax launcher.]\n"
        "      must_not_match: [We will build a garden shed.]\n"
        "  - id: custom-broken\n    category: defence\n    terms: [frobnicator]\n"
        "    examples:\n      must_match: [Nothing to see here.]\n      must_not_match: [Quiet.]\n",
        encoding="utf-8",
    )
    code, out, _ = run("rules", "test", "--pack", str(pack))
    assert code == 1
    assert "FAIL custom-broken" in out and "custom-widget" not in out


def test_rules_test_reports_a_broken_pack_with_file_and_line(tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "pack: bad\nversion: 1\nrules:\n  - id: x\n    category: ai\n    trems: [a]\n", encoding="utf-8"
    )
    code, _, err = run("rules", "list", "--pack", str(pack))
    assert code == 2
    assert f"{pack}:" in err and "trems" in err
