"""Extraction limits an office sets: in the configuration file and on the command line, validated, and applied.

A file over a lowered limit becomes one "too large: ..." error line and the batch scans the rest.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from grantscan.cli import main
from grantscan.config import Config, ConfigError, init_text, load_config
from grantscan.extract import ExtractionError, extract
from grantscan.pipeline import extract_options

from . import hostile
from .conftest import RISKY_TEXT

LIMIT_KEYS = {  # key -> (a value to set, what it loads as)
    "max_size": ('"2MB"', 2 * 1024**2),
    "max_size_pdf": ('"3MB"', 3 * 1024**2),
    "max_size_docx": ('"40KB"', 40 * 1024),
    "max_size_text": ("5000", 5000),
    "max_pages": ("12", 12),
    "max_page_chars": ("50000", 50_000),
    "max_chars": ("0", 0),
    "max_docx_xml": ('"10MB"', 10 * 1024**2),
    "max_pdf_content": ('"20MB"', 20 * 1024**2),
    "timeout": ("30", 30.0),
    "memory_limit": ('"1GB"', 1024**3),
}


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def _reason(path: Path, config: Config) -> str:
    with pytest.raises(ExtractionError) as e:
        extract(path, extract_options(config))
    return e.value.reason


# ---------------------------------------------------------------- configuration


def test_every_limit_is_read_from_the_config_file_and_reaches_extraction(tmp_path: Path) -> None:
    f = tmp_path / "grantscan.toml"
    f.write_text("".join(f"{k} = {v}\n" for k, (v, _) in LIMIT_KEYS.items()), encoding="utf-8")
    cfg, sources = load_config([tmp_path])
    for key, (_, want) in LIMIT_KEYS.items():
        assert getattr(cfg, key) == want, key
        assert sources[key] == str(f), key
    opts = extract_options(cfg)
    assert (opts.max_size, opts.max_size_pdf, opts.max_size_docx, opts.max_size_text) == (
        2 * 1024**2,
        3 * 1024**2,
        40 * 1024,
        5000,
    )
    assert (opts.max_pages, opts.max_page_chars, opts.max_chars) == (12, 50_000, 0)
    assert (opts.max_xml_bytes, opts.max_pdf_bytes) == (10 * 1024**2, 20 * 1024**2)


BAD_VALUES = [
    ("max_size", "-1"),
    ("max_size", '"-5MB"'),
    ("max_size_pdf", '"lots"'),
    ("max_size_docx", "-20"),
    ("max_size_text", "true"),
    ("max_pages", "-3"),
    ("max_pages", '"many"'),
    ("max_page_chars", "0"),
    ("max_page_chars", "2.5"),
    ("max_chars", "-1"),
    ("max_chars", '"20M"'),
    ("max_docx_xml", '"-1KB"'),
    ("max_pdf_content", "[1]"),
    ("timeout", "-1"),
    ("timeout", '"soon"'),
    ("memory_limit", "-1"),
    ("memory_limit", '"a lot"'),
]


@pytest.mark.parametrize(("key", "value"), BAD_VALUES)
def test_a_negative_or_non_numeric_limit_is_a_one_line_error_naming_file_and_key(
    tmp_path: Path, key: str, value: str
) -> None:
    f = tmp_path / "grantscan.toml"
    f.write_text(f'fail_on = "high"\n{key} = {value}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config([tmp_path])
    message = str(e.value)
    assert message.startswith(f"{f}:2: key '{key}': ") and "\n" not in message


def test_a_bad_limit_in_the_config_file_stops_the_scan_with_exit_2(tmp_path: Path) -> None:
    f = tmp_path / "grantscan.toml"
    f.write_text("max_chars = -10\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text(RISKY_TEXT, encoding="utf-8")
    code, _, err = run("scan", str(doc), "--config", str(f))
    assert code == 2
    assert err.splitlines() == [
        f"grantscan: error: {f}:1: key 'max_chars': expected a whole number >= 0 (0 = no limit), got -10"
    ]


@pytest.mark.parametrize(
    ("option", "value"),
    [("--max-chars", "-1"), ("--max-chars", "many"), ("--max-pages", "0"), ("--memory-limit", "-1GB")],
)
def test_a_bad_limit_on_the_command_line_is_a_usage_error(tmp_path: Path, option: str, value: str) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(RISKY_TEXT, encoding="utf-8")
    code, _, err = run("scan", str(doc), "--no-config", option, value)
    assert code == 2 and option in err


def test_limit_options_on_the_command_line_override_the_file(tmp_path: Path) -> None:
    (tmp_path / "grantscan.toml").write_text("max_chars = 100\nmax_pages = 4\n", encoding="utf-8")
    cfg, sources = load_config(
        [tmp_path], overrides={"max_chars": 7, "memory_limit": 1024**3, "max_pages": 9}
    )
    assert (cfg.max_chars, cfg.memory_limit, cfg.max_pages) == (7, 1024**3, 9)
    assert sources["max_chars"] == sources["memory_limit"] == "command line"


def test_init_documents_every_limit_with_its_default(tmp_path: Path) -> None:
    """Uncommenting the limit lines of ``grantscan init`` changes nothing: each shows its default."""
    lines = [line[2:] for line in init_text().splitlines() if line.startswith("# ") and " = " in line]
    limits = [line for line in lines if line.split(" = ")[0] in LIMIT_KEYS]
    assert {line.split(" = ")[0] for line in limits} == set(LIMIT_KEYS)
    f = tmp_path / "grantscan.toml"
    f.write_text("\n".join(limits) + "\n", encoding="utf-8")
    assert tomllib.loads(f.read_text(encoding="utf-8"))
    cfg, _ = load_config([tmp_path])
    default = Config(jobs=cfg.jobs)
    for key in LIMIT_KEYS:
        want = getattr(default, key)
        if key.startswith("max_size_"):  # a per-format size shown at the size every file gets
            want = default.max_size
        assert getattr(cfg, key) == want, key


# ---------------------------------------------------------------- each limit, lowered


def test_a_per_format_size_replaces_max_size_for_its_format(tmp_path: Path) -> None:
    text = hostile.write_text(tmp_path / "a.md", "The export of radar parts. " * 200)  # 5,400 bytes
    pdf = hostile.simple_pdf(tmp_path / "a.pdf", [["The export of radar parts."] * 20])
    assert (
        _reason(text, Config(max_size_text=4000))
        == "too large: 5.4 KB exceeds the 4.0 KB limit (max_size_text)"
    )
    assert extract(pdf, extract_options(Config(max_size_text=4000))).blocks  # other formats keep max_size
    # larger than max_size for its format: a text file over max_size is read
    assert extract(text, extract_options(Config(max_size=1000, max_size_text=10_000))).blocks
    assert _reason(pdf, Config(max_size=100, max_size_text=10_000)).endswith("limit (--max-size)")
    assert _reason(pdf, Config(max_size_pdf=100)).endswith("limit (max_size_pdf)")


def test_a_lowered_docx_size_character_and_unpacked_limit_each_make_a_file_too_large(tmp_path: Path) -> None:
    docx = hostile.long_paragraph_docx(tmp_path / "a.docx", "radar export " * 2000)
    assert extract(docx, extract_options(Config())).blocks
    assert _reason(docx, Config(max_size_docx=100)).endswith("limit (max_size_docx)")
    assert _reason(docx, Config(max_chars=10_000)) == "too large: more than 10,000 characters of text"
    assert _reason(docx, Config(max_docx_xml=5_000)) == "too large: decompressed content exceeds limit"


def test_lowered_pdf_limits_refuse_or_cut(tmp_path: Path) -> None:
    pdf = hostile.simple_pdf(tmp_path / "a.pdf", [["The export of radar parts."] * 30] * 3)
    assert _reason(pdf, Config(max_pages=2)) == "too large: 3 pages exceeds the limit of 2"
    assert _reason(pdf, Config(max_pdf_content=1000)).startswith("too large: its page content inflates")
    doc = extract(pdf, extract_options(Config(max_page_chars=100)))
    assert [len(b.text) <= 100 for b in doc.blocks] == [True] * 3
    assert any(w.startswith("text cut at 100 characters on 3 page(s)") for w in doc.warnings)


# ---------------------------------------------------------------- a batch goes on


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    hostile.long_paragraph_docx(d / "big.docx", "The export of radar parts to partners. " * 300)
    (d / "risky.txt").write_text(RISKY_TEXT, encoding="utf-8")
    hostile.simple_pdf(d / "small.pdf", [["A survey of drones for military use."]])
    return d


@pytest.mark.parametrize(
    "mode", [["-j", "1", "--memory-limit", "0"], ["-j", "2"]], ids=["in-process", "workers"]
)
def test_a_file_over_a_lowered_limit_is_one_error_line_and_the_batch_goes_on(
    tmp_path: Path, folder: Path, mode: list[str]
) -> None:
    cfg = tmp_path / "grantscan.toml"
    cfg.write_text("max_chars = 5000\n", encoding="utf-8")
    code, out, err = run("scan", str(folder), "--config", str(cfg), "--no-cache", "-f", "json", *mode)
    assert code == 3
    big = folder / "big.docx"
    assert err.splitlines() == [f"grantscan: error: {big}: too large: more than 5,000 characters of text"]
    docs = {Path(d["path"]).name: d for d in json.loads(out)["documents"]}
    assert docs["big.docx"]["status"] == "error"
    assert docs["risky.txt"]["status"] == docs["small.pdf"]["status"] == "ok"
    assert docs["risky.txt"]["findings"]


def test_a_lowered_limit_is_not_hidden_by_the_result_cache(tmp_path: Path, folder: Path) -> None:
    cache = tmp_path / "cache"
    base = ["scan", str(folder), "--no-config", "--cache-dir", str(cache), "-f", "json", "-j", "1"]
    code, out, _ = run(*base, "--memory-limit", "0")
    assert code != 3 and all(d["status"] == "ok" for d in json.loads(out)["documents"])
    code, out, err = run(*base, "--memory-limit", "0", "--max-chars", "5000")
    assert code == 3 and "big.docx: too large: more than 5,000 characters of text" in err


def test_standard_input_meets_the_size_limit_of_its_format(tmp_path: Path) -> None:
    data = (RISKY_TEXT + "\n\n") * (5000 // len(RISKY_TEXT) + 1)
    cfg = tmp_path / "grantscan.toml"
    cfg.write_text('max_size = "1KB"\nmax_size_text = "100KB"\n', encoding="utf-8")
    args = ["scan", "--config", str(cfg), "--no-cache", "-f", "json", "--memory-limit", "0", "-"]
    r = CliRunner().invoke(main, args, input=data)
    assert [d["status"] for d in json.loads(r.stdout)["documents"]] == ["ok"]
    cfg.write_text('max_size_text = "2KB"\n', encoding="utf-8")
    r = CliRunner().invoke(main, args, input=data)
    assert r.exit_code == 3 and "exceeds the 2.0 KB limit (max_size_text)" in r.stderr


def test_the_readme_lists_every_limit_and_its_example_loads(tmp_path: Path) -> None:
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**Limits.**") : readme.index("### Suppressing a finding")]
    rows = re.findall(r"^\| (`max.*?|`timeout`|`memory_limit`) \| (.*?) \|", section, re.M)
    assert {k for cell, _ in rows for k in re.findall(r"`(\w+)`", cell)} == set(LIMIT_KEYS)
    options = re.findall(r"`(--[\w-]+)` \|$", section, re.M)
    assert options == ["--max-size", "--max-pages", "--max-chars", "--timeout", "--memory-limit"]
    for option in options:
        assert option in run("scan", "--help")[1]
    example = re.search(r"```toml\n(.*?)```", section, re.S)
    assert example is not None
    (tmp_path / "grantscan.toml").write_text(example.group(1), encoding="utf-8")
    cfg, _ = load_config([tmp_path])
    assert (cfg.max_size, cfg.max_size_pdf, cfg.memory_limit) == (20 * 1024**2, 60 * 1024**2, 1024**3)
