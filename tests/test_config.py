"""Config discovery, precedence, validation and `config --show` rendering."""

from __future__ import annotations

from pathlib import Path

import pytest

from grantscan.config import Config, ConfigError, load_config, parse_size, show_config, user_config_file


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "proj" / "docs" / "deep").mkdir(parents=True)
    return tmp_path / "proj"


def test_defaults_without_any_file(tmp_path: Path) -> None:
    cfg, sources = load_config([tmp_path])
    assert cfg.fail_on == "high" and cfg.config_file is None and cfg.jobs >= 1
    assert set(sources.values()) == {"default"}


def test_grantscan_toml_found_walking_up(project: Path) -> None:
    f = project / "grantscan.toml"
    f.write_text('fail_on = "medium"\npacks = ["extra.yaml"]\nmax_size = "50MB"\n', encoding="utf-8")
    (project / "extra.yaml").write_text("pack: x\n", encoding="utf-8")
    cfg, sources = load_config([project / "docs" / "deep"])
    assert cfg.fail_on == "medium" and sources["fail_on"] == str(f)
    assert cfg.extra_packs == [project.resolve() / "extra.yaml"]  # relative to the config file
    assert cfg.max_size == 50 * 1024**2
    assert cfg.config_file == f
    assert sources["timeout"] == "default"


def test_pyproject_tool_section(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.grantscan]\njobs = 3\n', encoding="utf-8"
    )
    cfg, sources = load_config([project / "docs" / "a.md"])
    assert cfg.jobs == 3 and sources["jobs"].endswith("pyproject.toml")


def test_pyproject_without_section_is_skipped(project: Path) -> None:
    (project / "grantscan.toml").write_text("jobs = 2\n", encoding="utf-8")
    (project / "docs" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    cfg, _ = load_config([project / "docs"])
    assert cfg.jobs == 2


def test_user_config_dir_is_the_fallback(tmp_path: Path) -> None:
    user = user_config_file()
    assert str(user).startswith(str(Path.home())) or "xdg-config" in str(user)
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text("timeout = 7\n", encoding="utf-8")
    try:
        cfg, sources = load_config([tmp_path])
        assert cfg.timeout == 7.0 and sources["timeout"] == str(user)
    finally:
        user.unlink()


def test_config_option_and_env_override_discovery(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "grantscan.toml").write_text("jobs = 11\n", encoding="utf-8")
    env_file = tmp_path / "env.toml"
    env_file.write_text("jobs = 5\n", encoding="utf-8")
    explicit = tmp_path / "explicit.toml"
    explicit.write_text("jobs = 7\n", encoding="utf-8")
    monkeypatch.setenv("GRANTSCAN_CONFIG", str(env_file))
    assert load_config([project])[0].jobs == 5
    assert load_config([project], config_file=explicit)[0].jobs == 7
    cfg, sources = load_config([project], no_config=True)
    assert cfg.jobs != 11 and sources["jobs"] == "default" and cfg.config_file is None


def test_command_line_beats_file_beats_default(project: Path) -> None:
    (project / "grantscan.toml").write_text('fail_on = "low"\ntimeout = 9\n', encoding="utf-8")
    cfg, sources = load_config([project], overrides={"fail_on": "medium", "cache": False})
    assert (cfg.fail_on, sources["fail_on"]) == ("medium", "command line")
    assert (cfg.timeout, sources["timeout"]) == (9.0, str(project / "grantscan.toml"))
    assert (cfg.max_pages, sources["max_pages"]) == (5000, "default")
    assert cfg.cache is False and sources["cache"] == "command line"


@pytest.mark.parametrize(
    "body, key, line",
    [
        ('fail_on = "high"\ncolour = true\n', "colour", 2),
        ('fail_on = "extreme"\n', "fail_on", 1),
        ("jobs = 0\n", "jobs", 1),
        ("jobs = true\n", "jobs", 1),
        ('categories = ["ai", "magic"]\n', "categories", 1),
        ('max_size = "lots"\n', "max_size", 1),
        ('cache = "yes"\n', "cache", 1),
        ('\n\n[allow]\nunknown = ["x"]\n', "allow", 4),
        ('[allow]\nai = ["re:("]\n', "allow", 2),
        ('lists = "missing-folder"\n', "lists", 1),
    ],
)
def test_bad_keys_and_values_name_file_line_and_key(project: Path, body: str, key: str, line: int) -> None:
    f = project / "grantscan.toml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config([project])
    assert f"{f}:{line}:" in str(e.value) and f"'{key}'" in str(e.value)


def test_pyproject_errors_name_the_file(project: Path) -> None:
    f = project / "pyproject.toml"
    f.write_text('[tool.grantscan]\nfail_on = "low"\nbogus = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"{f}:3: unknown key 'bogus'"):
        load_config([project])


def test_invalid_toml_and_missing_file(project: Path, tmp_path: Path) -> None:
    (project / "grantscan.toml").write_text("jobs = = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config([project])
    with pytest.raises(ConfigError, match="not found"):
        load_config([project], config_file=tmp_path / "nope.toml")


def test_bad_command_line_value(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="command line: option 'categories'"):
        load_config([tmp_path], no_config=True, overrides={"categories": ["nope"]})


def test_allow_and_categories_accepted(project: Path) -> None:
    (project / "grantscan.toml").write_text(
        'categories = ["ai", "quantum/sensing"]\n[allow]\ncountry = ["Jersey"]\n"*" = ["re:ACME .*"]\n',
        encoding="utf-8",
    )
    cfg, _ = load_config([project])
    assert cfg.categories == ["ai", "quantum/sensing"]
    assert cfg.allow == {"country": ["Jersey"], "*": ["re:ACME .*"]}


def test_show_config_lists_values_with_sources(project: Path) -> None:
    f = project / "grantscan.toml"
    f.write_text('fail_on = "low"\n[allow]\ncountry = ["Jersey"]\n', encoding="utf-8")
    cfg, sources = load_config([project], overrides={"jobs": 4, "password": "secret"})
    text = show_config(cfg, sources)
    assert f'fail_on = "low"  # {f}' in text
    assert "jobs = 4  # command line" in text
    assert "max_pages = 5000  # default" in text
    assert 'country = ["Jersey"]' in text
    assert "secret" not in text


@pytest.mark.parametrize(
    "value, expected",
    [("50MB", 50 * 1024**2), ("200k", 200 * 1024), (1234, 1234), ("1.5 GB", int(1.5 * 1024**3))],
)
def test_parse_size(value: str | int, expected: int) -> None:
    assert parse_size(value) == expected


def test_extract_options_follow_config() -> None:
    from grantscan.pipeline import extract_options

    opts = extract_options(Config(max_size=10, max_pages=3, password="pw"))
    assert (opts.max_size, opts.max_pages, opts.password) == (10, 3, "pw")
