"""The command line: exit codes, the JSON contracts of scan and extract, output files, colour."""

from __future__ import annotations

import json
import os
import re
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


# ---------------------------------------------------------------- exit codes, errors, standard input


def test_exit_code_table_is_one_closed_table_in_code_docstring_and_readme() -> None:
    import re

    from grantscan import cli

    assert set(cli.EXIT_CODES) == {0, 1, 2, 3, 4, 130}
    doc = dict(re.findall(r"^  (\d+)\s+(.+)$", cli.__doc__ or "", re.MULTILINE))
    assert {int(k) for k in doc} == set(cli.EXIT_CODES)
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Exit codes") :]
    table = dict(
        re.findall(r"^\| (\d+) \| (.+?) \|$", section[: section.index("\n\n", section.index("| code"))], re.M)
    )
    assert {int(k) for k in table} == set(cli.EXIT_CODES)
    for code, meaning in cli.EXIT_CODES.items():
        first_words = " ".join(meaning.split()[:3])
        assert first_words in doc[str(code)], (code, doc[str(code)])
        assert first_words in table[str(code)], (code, table[str(code)])


def test_an_internal_error_is_one_line_exit_4_and_the_traceback_only_with_debug(
    risky: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*a, **k):  # noqa: ANN002, ANN003, ANN202
        raise KeyError("surprise")

    monkeypatch.setattr("grantscan.runner.scan_path", broken)
    r = CliRunner().invoke(main, ["scan", "--no-cache", str(risky)])
    assert r.exit_code == 4
    assert r.stderr == (
        "grantscan: internal error: KeyError: 'surprise' (run again with --debug for the traceback)\n"
    )
    r = CliRunner().invoke(main, ["--debug", "scan", "--no-cache", str(risky)])
    assert r.exit_code == 4 and "Traceback (most recent call last)" in r.stderr and "KeyError" in r.stderr


def test_ctrl_c_exits_130_not_1(risky: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*a, **k):  # noqa: ANN002, ANN003, ANN202
        raise KeyboardInterrupt

    monkeypatch.setattr("grantscan.runner.scan_path", interrupted)
    r = CliRunner().invoke(main, ["scan", "--no-cache", str(risky)])
    assert r.exit_code == 130 and r.stderr == "grantscan: interrupted\n"


@pytest.mark.parametrize("name", ["proposal-skyward.docx", "proposal-orbital-radar.pdf", "clean-proposal.md"])
def test_standard_input_is_read_as_the_format_its_content_shows(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    r = CliRunner().invoke(main, ["scan", "--no-cache", "-f", "json", "-"], input=data)
    assert "Traceback" not in r.stderr and r.exit_code in (0, 1), r.stderr
    doc = json.loads(r.stdout)["documents"][0]
    assert doc["path"] == "-" and doc["status"] == "ok"
    assert doc["format"] == {".docx": "docx", ".pdf": "pdf", ".md": "text"}[Path(name).suffix]
    direct = json.loads(run("scan", "--no-cache", "-f", "json", str(SAMPLES / name))[1])["documents"][0]
    assert doc["sha256"] == direct["sha256"]
    if doc["format"] != "text":
        assert [f["rule_id"] for f in doc["findings"]] == [f["rule_id"] for f in direct["findings"]]


def test_unreadable_standard_input_is_one_line_and_exit_3() -> None:
    r = CliRunner().invoke(main, ["scan", "--no-cache", "-"], input=b"%PDF-1.4 broken")
    assert r.exit_code == 3 and r.stderr.startswith("grantscan: error: -: ") and r.stderr.count("\n") == 1
    r = CliRunner().invoke(main, ["scan", "--no-cache", "-"], input=b"\xd0\xcf\x11\xe0legacy word")
    assert r.exit_code == 3 and "unsupported file type '.doc'" in r.stderr
    assert run("scan", "-", "-")[0] == 2


def test_an_empty_folder_or_one_without_supported_files_is_not_a_clean_scan(
    tmp_path: Path, risky: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run("scan", "--no-cache", str(empty))
    assert code == 2 and out == ""
    assert f"grantscan: warning: {empty}: no file to scan in this folder" in err
    assert err.rstrip().endswith(
        "grantscan: error: nothing was scanned: no supported file in the given paths"
    )
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.xyz").write_text(RISKY_TEXT)
    assert run("scan", "--no-cache", str(other))[0] == 2
    # beside a file that was read, an empty folder is a warning, not the exit code
    code, _, err = run("scan", "--no-cache", str(empty), str(risky))
    assert code == 1 and "no file to scan in this folder" in err and "nothing was scanned" not in err


def test_a_missing_path_is_reported_once(tmp_path: Path) -> None:
    code, _, err = run("scan", "--no-cache", str(tmp_path / "nope.docx"))
    assert code == 3 and err == f"grantscan: error: {tmp_path / 'nope.docx'}: not found\n"


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    """`grantscan scan ... | head -1`: the reader goes away; grantscan keeps its exit code and says nothing."""
    exe = Path(sys.executable).parent / "grantscan"
    proc = subprocess.Popen(
        [str(exe), "scan", "--no-cache", "-f", "json", str(SAMPLES)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1 and "Traceback" not in err and "Broken pipe" not in err


# ---------------------------------------------------------------- init, config, version, completion


def test_version_names_the_data_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("--version")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("grantscan ")
    assert lines[1].startswith("  guidance reviewed 20")
    assert "country sanctions and embargo facts reviewed 20" in out
    assert "further screening lists: none configured" in out
    # the shipped snapshot is searched by every scan, so --version names it as the scan's report does
    shipped = re.search(r"shipped screening lists: (\d+) lists current between (\S+) and (\S+)", out)
    assert shipped
    (tmp_path / "one.txt").write_text("We will collaborate with the University of Oxford.", encoding="utf-8")
    _, scanned, _ = run("scan", str(tmp_path / "one.txt"), "--no-cache")
    said = re.search(r"screened against (\d+) lists current between (\S+) and (\S+)\.", scanned)
    assert said and said.groups() == shipped.groups()
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "bis_entity_list.json").write_text('{"list_id": "x", "extracted": "2026-07-09", "entities": []}')
    (lists / "older.json").write_text('{"generatedAt": "2025-01-02T10:00:00Z", "entries": []}')
    (tmp_path / "grantscan.toml").write_text('lists = "lists"\n')
    code, out, _ = run("--version")
    assert code == 0 and f"screening lists: {lists} (snapshot 2026-07-09)" in out


def test_init_writes_a_commented_config_that_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    from grantscan.config import FILE_KEYS, load_config

    monkeypatch.chdir(tmp_path)
    code, _, err = run("init", "--institution", "University of Northshire", "--institution", "UoN")
    assert code == 0 and "grantscan.toml: written" in err
    text = (tmp_path / "grantscan.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text) == {"host_institutions": ["University of Northshire", "UoN"]}
    for key in FILE_KEYS:  # every setting is there, explained, ready to uncomment
        assert f"# {key} = " in text or f"{key} = " in text or f"[{key}]" in text, key
    cfg, sources = load_config([str(tmp_path)])
    assert cfg.host_institutions == ["University of Northshire", "UoN"] and cfg.host_country == "GB"
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and " = " in line else line for line in text.splitlines()
    )
    assert "[allow]" in uncommented and tomllib.loads(uncommented)["fail_on"] == "high"
    code, _, err = run("init")
    assert code == 2 and "exists (use --force" in err
    assert run("init", "--force", "--country", "ie")[0] == 0
    assert 'host_country = "IE"' in (tmp_path / "grantscan.toml").read_text(encoding="utf-8")
    assert run("init", "--force", "--country", "XX")[0] == 2


def test_config_shows_the_settings_without_show_and_the_host_country_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "grantscan.toml").write_text('host_country = "ie"\n')
    code, out, _ = run("config")
    assert code == 0 and f'host_country = "IE"  # {tmp_path / "grantscan.toml"}' in out
    assert run("config", "--show")[1] == out
    (tmp_path / "grantscan.toml").write_text('host_country = "Ireland"\n')
    code, _, err = run("config")
    assert code == 2 and "grantscan.toml:1: key 'host_country'" in err


def test_shell_completion_works_as_the_readme_says() -> None:
    exe = Path(sys.executable).parent / "grantscan"
    env = {**os.environ, "_GRANTSCAN_COMPLETE": "bash_source"}
    script = subprocess.run([str(exe)], env=env, capture_output=True, text=True, check=False).stdout
    assert "_grantscan_completion" in script and "complete " in script
    env = {
        **os.environ,
        "_GRANTSCAN_COMPLETE": "bash_complete",
        "COMP_WORDS": "grantscan tri",
        "COMP_CWORD": "1",
    }
    words = subprocess.run([str(exe)], env=env, capture_output=True, text=True, check=False).stdout
    assert "triage" in words
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "_GRANTSCAN_COMPLETE=bash_source grantscan" in readme


# ---------------------------------------------------------------- scan and triage options


def test_quiet_and_verbose(risky: Path) -> None:
    quiet = run("scan", "--no-cache", "-q", str(risky))
    normal = run("scan", "--no-cache", str(risky))
    verbose = run("scan", "--no-cache", "--verbose", str(risky))
    assert quiet[0] == normal[0] == verbose[0] == 1
    assert len(quiet[1].splitlines()) < len(normal[1].splitlines()) < len(verbose[1].splitlines())
    assert "What to do first" in normal[1] and "What to do first" not in quiet[1]
    assert "reasons: " in verbose[1] and "reasons: " not in normal[1]
    assert run("scan", "-q", "-v", str(risky))[0] == 2


def test_triage_takes_the_scan_options(tmp_path: Path, risky: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN_TEXT)
    assert run("triage", "--no-cache", str(clean))[0] == 0
    assert run("triage", "--no-cache", str(risky))[0] == 1  # a high finding, as scan
    assert run("triage", "--no-cache", "--fail-on", "high", "--no-color", str(clean))[0] == 0
    baseline = tmp_path / "b.json"
    assert run("baseline", "create", "--no-cache", "-o", str(baseline), str(risky))[0] == 0
    code, out, _ = run("triage", "--no-cache", "-f", "json", "--baseline", str(baseline), str(risky))
    assert code == 0 and json.loads(out)["rows"][0]["findings"] == 0
    code, out, _ = run(
        "triage", "--no-cache", "-f", "json", "--baseline", str(baseline), "--show-suppressed", str(risky)
    )
    hidden = json.loads(out)["rows"][0]["suppressed"]
    assert code == 0 and hidden and all(x.endswith(": baseline") for x in hidden)


def test_the_host_country_is_context_not_risk(tmp_path: Path) -> None:
    doc = tmp_path / "uk.txt"
    doc.write_text("This project in the UK studies reading in primary schools in the United Kingdom.\n")
    code, out, _ = run("scan", "--no-cache", "-f", "json", str(doc))
    uk = next(f for f in json.loads(out)["documents"][0]["findings"] if f.get("country_code") == "GB")
    assert code == 0 and uk["kind"] == "finding" and uk["severity"] == "info"
    assert json.loads(out)["documents"][0]["risk_score"] == 0
    code, out, _ = run("scan", "--no-cache", str(doc))
    assert "What to do first: nothing needs action" in out and "United Kingdom (host country)" in out
    (tmp_path / "grantscan.toml").write_text('host_country = "IE"\n')
    code, out, _ = run("scan", "--no-cache", "-f", "json", str(doc))
    uk = next(f for f in json.loads(out)["documents"][0]["findings"] if f.get("country_code") == "GB")
    assert uk["severity"] == "low"


def test_rules_stats_shows_measured_quality_with_set_size_and_date() -> None:
    from click.testing import CliRunner

    from grantscan.cli import main
    from grantscan.knowledge.quality import load_quality

    figures = load_quality()
    assert {f.category for f in figures} >= {"ai", "defence", "organisation"}
    out = CliRunner().invoke(main, ["rules", "stats"])
    assert out.exit_code == 0
    for f in figures[:5]:
        assert f.set in out.output and f.date in out.output and f"{f.value:.3f}" in out.output
