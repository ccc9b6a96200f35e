"""Run configuration: one dataclass every stage reads.

Defaults live here; config files (grantscan.toml / [tool.grantscan]) and CLI options override them.
Discovery follows Vale and gitleaks: ``--config`` > env ``GRANTSCAN_CONFIG`` > the nearest ``grantscan.toml``
or ``pyproject.toml`` with ``[tool.grantscan]`` walking up from the first scanned path > the user config
dir > built-in defaults. Exactly one file is read; command-line values override it key by key.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

SEVERITIES = ("low", "medium", "high")
CONFIG_NAME = "grantscan.toml"
ENV_VAR = "GRANTSCAN_CONFIG"
ALLOW_ANY = "*"  # allow-list key that applies to every category


class ConfigError(ValueError):
    """A config file or option is invalid. The message names the file (and line) and the key."""


class _SubKeyError(ValueError):
    """A bad entry inside a table value; ``subkey`` lets the error point at its line."""

    def __init__(self, message: str, subkey: str):
        super().__init__(message)
        self.subkey = subkey


@dataclass(slots=True)
class Config:
    """Effective settings of a scan."""

    categories: list[str] | None = None  # enabled taxonomy ids; None = all
    fail_on: str = "high"
    password: str | None = None
    # limits of extraction, each checked before or while a file is read ("too large: ..." when passed)
    max_size: int = 100 * 1024 * 1024  # bytes per file (0 = none)
    max_size_pdf: int | None = None  # per-format file sizes, bytes: replace max_size for that format
    max_size_docx: int | None = None
    max_size_text: int | None = None  # .txt, .md, .tex
    max_pages: int = 5000  # pages of a PDF
    max_page_chars: int = 1_000_000  # characters read from one PDF page (the rest is cut, with a warning)
    max_chars: int = 20_000_000  # characters of text in one document (0 = none)
    max_docx_xml: int = 200 * 1024 * 1024  # decompressed XML read from one DOCX, bytes (0 = none)
    max_pdf_content: int = 250_000_000  # decompressed page content and fonts of one PDF, bytes (0 = none)
    lists_dir: Path | None = None  # folder of screening lists (formats of shared/data)
    # match organisation names against the screening lists (off: reports say "not screened", never "no concern")
    screening: bool = True
    extra_packs: list[Path] = field(default_factory=list)
    model: str | None = None  # installed spaCy model for statistical NER, e.g. en_core_web_sm
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    jobs: int = 1
    timeout: float = 120.0  # seconds per file in a batch
    cache: bool = True
    cache_dir: Path | None = None
    baseline: Path | None = None
    show_suppressed: bool = False
    # terms never reported, per category id (or "*"): exact, case-insensitive, or "re:<regex>" (full match)
    allow: dict[str, list[str]] = field(default_factory=dict)
    memory_limit: int = 2 * 1024**3  # address-space cap of each batch worker process, bytes (0 = none)
    config_file: Path | None = None  # the file these settings came from, if any
    # the user's own institution(s): named alone they are not a partner or a country signal
    host_institutions: list[str] = field(default_factory=list)
    # the user's own country (ISO 3166 alpha-2): its mentions are context (severity info, no risk points)
    host_country: str = "GB"


def parse_size(value: str | int) -> int:
    """'50MB', '200k', '1.5 GB' or a byte count -> bytes; ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"{value!r} is not a size (e.g. 50MB, 200KB, 1048576)")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("a size cannot be negative")
        return value
    if re.fullmatch(r"\s*-.*", value, re.DOTALL):
        raise ValueError(f"'{value}' is negative: a size cannot be negative")
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", str(value), re.IGNORECASE)
    if not m:
        raise ValueError(f"'{value}' is not a size (e.g. 50MB, 200KB, 1048576)")
    mult = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}[m.group(2).lower()]
    return int(float(m.group(1)) * mult)


# ---- value checks: each takes the raw value and the folder relative paths resolve against ----


def _str_list(v: Any) -> list[str]:
    if isinstance(v, str):
        return [v]
    if isinstance(v, (list, tuple)) and all(isinstance(x, (str, Path)) for x in v):
        return [str(x) for x in v]
    raise ValueError("expected a list of strings")


def _path(v: Any, base: Path) -> Path:
    if not isinstance(v, (str, Path)) or not str(v):
        raise ValueError("expected a path")
    p = Path(v).expanduser()
    return p if p.is_absolute() else base / p


def _categories_known() -> tuple[str, ...]:
    # read on first use: the taxonomy is a YAML file, and `grantscan --version` reads the config without it
    from .knowledge.taxonomy import CATEGORIES

    return CATEGORIES


def _categories(v: Any, base: Path) -> list[str]:
    cats = _str_list(v)
    for c in cats:
        if c.split("/", 1)[0] not in _categories_known():
            raise ValueError(f"unknown category '{c}' (known: {', '.join(_categories_known())})")
    return cats


def _fail_on(v: Any, base: Path) -> str:
    if v not in SEVERITIES:
        raise ValueError(f"expected one of {', '.join(SEVERITIES)}, got {v!r}")
    return str(v)


def _packs(v: Any, base: Path) -> list[Path]:
    out = [_path(x, base) for x in _str_list(v)]
    for p in out:
        if not p.exists():
            raise ValueError(f"pack '{p}' not found")
    return out


def _lists_dir(v: Any, base: Path) -> Path:
    p = _path(v, base)
    if not p.is_dir():
        raise ValueError(f"screening-list folder '{p}' not found")
    return p


def _size(v: Any, base: Path) -> int:
    return parse_size(v)


def _positive_int(v: Any, base: Path) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise ValueError(f"expected a whole number >= 1, got {v!r}")
    return v


def _count(v: Any, base: Path) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise ValueError(f"expected a whole number >= 0 (0 = no limit), got {v!r}")
    return v


def _timeout(v: Any, base: Path) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
        raise ValueError(f"expected a number of seconds > 0, got {v!r}")
    return float(v)


def _bool(v: Any, base: Path) -> bool:
    if not isinstance(v, bool):
        raise ValueError(f"expected true or false, got {v!r}")
    return v


def _opt_str(v: Any, base: Path) -> str:
    if not isinstance(v, str) or not v:
        raise ValueError(f"expected a string, got {v!r}")
    return v


def _country(v: Any, base: Path) -> str:
    if not isinstance(v, str) or not re.fullmatch(r"[A-Za-z]{2}", v):
        raise ValueError(f'expected a two-letter ISO 3166 country code such as "GB", got {v!r}')
    import pycountry

    if pycountry.countries.get(alpha_2=v.upper()) is None:
        raise ValueError(f"unknown country code {v!r}")
    return v.upper()


def _globs(v: Any, base: Path) -> list[str]:
    return _str_list(v)


def _allow(v: Any, base: Path) -> dict[str, list[str]]:
    if not isinstance(v, dict):
        raise ValueError("expected a table of category = [terms]")
    out: dict[str, list[str]] = {}
    for cat, terms in v.items():
        if cat != ALLOW_ANY and cat not in _categories_known():
            raise _SubKeyError(f"unknown category '{cat}' (use a taxonomy id or \"*\")", cat)
        try:
            out[cat] = _str_list(terms)
        except ValueError:
            raise _SubKeyError(f"'{cat}': expected a list of strings", cat) from None
        for t in out[cat]:
            if t.startswith("re:"):
                try:
                    re.compile(t[3:])
                except re.error as e:
                    raise _SubKeyError(f"'{cat}': bad regex {t[3:]!r}: {e}", cat) from None
    return out


# TOML key -> (Config field, check)
FILE_KEYS: dict[str, tuple[str, Callable[[Any, Path], Any]]] = {
    "categories": ("categories", _categories),
    "fail_on": ("fail_on", _fail_on),
    "packs": ("extra_packs", _packs),
    "lists": ("lists_dir", _lists_dir),
    "screening": ("screening", _bool),
    "include": ("include", _globs),
    "exclude": ("exclude", _globs),
    "max_size": ("max_size", _size),
    "max_size_pdf": ("max_size_pdf", _size),
    "max_size_docx": ("max_size_docx", _size),
    "max_size_text": ("max_size_text", _size),
    "max_pages": ("max_pages", _positive_int),
    "max_page_chars": ("max_page_chars", _positive_int),
    "max_chars": ("max_chars", _count),
    "max_docx_xml": ("max_docx_xml", _size),
    "max_pdf_content": ("max_pdf_content", _size),
    "timeout": ("timeout", _timeout),
    "jobs": ("jobs", _positive_int),
    "cache": ("cache", _bool),
    "cache_dir": ("cache_dir", _path),
    "baseline": ("baseline", _path),
    "model": ("model", _opt_str),
    "allow": ("allow", _allow),
    "memory_limit": ("memory_limit", _size),
    "show_suppressed": ("show_suppressed", _bool),
    "host_institutions": ("host_institutions", _globs),
    "host_country": ("host_country", _country),
}
_FIELD_CHECKS: dict[str, Callable[[Any, Path], Any]] = {f: check for f, check in FILE_KEYS.values()}
_FIELD_CHECKS["password"] = _opt_str


def default_jobs() -> int:
    """Default parallelism of a CLI run: one worker per core."""
    return os.cpu_count() or 1


def user_config_file() -> Path:
    """grantscan.toml in the per-user config dir (platformdirs; honours XDG_CONFIG_HOME)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("grantscan")) / CONFIG_NAME


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read: {e}") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None


def _section(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The grantscan settings in ``path``: the whole grantscan.toml, or pyproject's [tool.grantscan]."""
    data, text = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        return (tool.get("grantscan") if isinstance(tool, dict) else None), text
    return data, text


def discover_config(paths: Sequence[str | Path]) -> Path | None:
    """Nearest grantscan.toml or pyproject.toml with [tool.grantscan] above the first path, else the user's
    config file; None when there is none."""
    start = Path(paths[0] if paths else ".")
    if str(start) == "-":
        start = Path(".")
    start = start.resolve()
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue  # someone else's broken pyproject is not ours to report
            if isinstance(data.get("tool"), dict) and "grantscan" in data["tool"]:
                return pyproject
    user = user_config_file()
    return user if user.is_file() else None


def _key_line(text: str, key: str) -> int | None:
    k = re.escape(key)
    m = re.search(rf'^[ \t]*"?{k}"?[ \t]*=|^[ \t]*\[(tool\.grantscan\.)?{k}\]', text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _where(path: Path, text: str, key: str, subkey: str | None = None) -> str:
    line = (_key_line(text, subkey) if subkey else None) or _key_line(text, key)
    return f"{path}:{line}" if line else str(path)


def load_config(
    paths: Sequence[str | Path] = (),
    config_file: str | Path | None = None,
    no_config: bool = False,
    overrides: dict[str, Any] | None = None,
) -> tuple[Config, dict[str, str]]:
    """Effective Config for scanning ``paths`` and the source of each value.

    Sources are "default", the config file path, or "command line". Raises ConfigError naming the file,
    line and key (or the option) of anything invalid.
    """
    cfg = Config(jobs=default_jobs())
    sources = {f.name: "default" for f in fields(Config) if f.name != "config_file"}
    if config_file is not None and no_config:
        raise ConfigError("--config and --no-config cannot be used together")
    chosen: Path | None = None
    if not no_config:
        if config_file is not None:
            chosen = Path(config_file)
        elif os.environ.get(ENV_VAR):
            chosen = Path(os.environ[ENV_VAR])
        else:
            chosen = discover_config(list(paths))
        if chosen is not None and not chosen.is_file():
            raise ConfigError(f"{chosen}: config file not found")
    if chosen is not None:
        section, text = _section(chosen)
        if section is not None and not isinstance(section, dict):
            raise ConfigError(f"{chosen}: [tool.grantscan] must be a table")
        base = chosen.resolve().parent
        for key, value in (section or {}).items():
            if key not in FILE_KEYS:
                raise ConfigError(
                    f"{_where(chosen, text, key)}: unknown key '{key}' "
                    f"(allowed: {', '.join(sorted(FILE_KEYS))})"
                )
            name, check = FILE_KEYS[key]
            try:
                setattr(cfg, name, check(value, base))
            except ValueError as e:
                where = _where(chosen, text, key, getattr(e, "subkey", None))
                raise ConfigError(f"{where}: key '{key}': {e}") from None
            sources[name] = str(chosen)
        cfg.config_file = chosen
    for name, value in (overrides or {}).items():
        if name not in sources:
            raise ConfigError(f"command line: unknown setting '{name}'")
        validate = _FIELD_CHECKS.get(name)
        try:
            value = validate(value, Path.cwd()) if validate is not None else value
        except ValueError as e:
            raise ConfigError(f"command line: option '{name}': {e}") from None
        setattr(cfg, name, value)
        sources[name] = "command line"
    return cfg, sources


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    s = str(v).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{s}"'


def show_config(config: Config, sources: dict[str, str]) -> str:
    """The effective settings as TOML, each value followed by a comment naming where it came from."""
    lines = ["# effective grantscan configuration"]
    if config.config_file is not None:
        lines.append(f"# config file: {config.config_file}")
    toml_names = {name: key for key, (name, _) in FILE_KEYS.items()}
    for f in fields(Config):
        if f.name in ("config_file", "allow"):
            continue
        key = toml_names.get(f.name, f.name)
        v = getattr(config, f.name)
        src = sources.get(f.name, "default")
        if f.name == "password":
            lines.append(f"# password = {'(set)' if v else '(not set)'}  # {src}")
        elif v is None:
            lines.append(f"# {key} = (not set)  # {src}")
        else:
            lines.append(f"{key} = {_toml_value(v)}  # {src}")
    lines.append("")
    lines.append(f"[allow]  # {sources.get('allow', 'default')}")
    for cat, terms in sorted(config.allow.items()):
        lines.append(f"{_toml_value(cat) if cat == ALLOW_ANY else cat} = {_toml_value(terms)}")
    return "\n".join(lines)


def _toml_string(v: str) -> str:
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def init_text(institutions: Sequence[str] = (), country: str | None = None) -> str:
    """A commented grantscan.toml for ``grantscan init``: every key with its default and what it does.

    Only ``host_institutions`` and ``host_country`` are set when given; everything else stays a comment, so
    the file changes nothing until a line is uncommented.
    """
    if country is not None:
        country = _country(country, Path("."))
    inst = "[" + ", ".join(_toml_string(i) for i in institutions) + "]"
    lines = [
        "# grantscan configuration. Found by walking up from the scanned path; options on the command line win.",
        "# Unknown keys and bad values are errors naming this file and the line. `grantscan config` shows the",
        "# effective settings and where each came from.",
        "",
        "# Your own institution: named alone it is not a partner. Add the names and short forms you use.",
        (
            f"host_institutions = {inst}"
            if institutions
            else '# host_institutions = ["University of Northshire"]'
        ),
        "",
        "# Your own country (ISO 3166 code): its mentions are context (severity info), never a risk.",
        (f'host_country = "{country}"' if country else '# host_country = "GB"'),
        "",
        "# Exit 1 when a finding has at least this severity: low, medium or high.",
        '# fail_on = "high"',
        "",
        "# Report only these taxonomy categories (all when not set), e.g. the technology areas and partners.",
        '# categories = ["ai", "quantum", "robotics", "defence", "country", "organisation", "clause-export"]',
        "",
        "# Folder of screening lists to match organisations against (US restricted-party JSON, UK sanctions",
        "# CSV, ASPI tracker, BIS universities); re-read when its files change.",
        '# lists = "/srv/screening-lists"',
        "",
        "# Match organisation names against the screening lists (the shipped snapshot and any above). Off, a scan",
        '# is faster and its report says "not screened" where it would say "no concern".',
        "# screening = true",
        "",
        "# Extra pattern packs (files or folders), relative to this file. Check one: grantscan rules test --pack",
        '# packs = ["our-terms.yaml"]',
        "",
        "# Files to include or skip when walking folders (.grantscanignore beside this file applies too).",
        '# include = ["**/*.docx", "**/*.pdf"]',
        '# exclude = ["archive/**"]',
        "",
        '# Limits per file; a file over one is an error line ("too large: ...") and the batch goes on. Sizes',
        "# take KB, MB, GB; 0 turns a limit off (not max_pages, max_page_chars). Lower them on a small machine.",
        '# max_size = "100MB"            # file size, any format',
        '# max_size_pdf = "100MB"        # file size of one format, instead of max_size',
        '# max_size_docx = "100MB"',
        '# max_size_text = "100MB"       # .txt, .md, .tex',
        "# max_pages = 5000              # pages of a PDF",
        "# max_page_chars = 1000000      # characters read from one PDF page; the rest is cut, with a warning",
        "# max_chars = 20000000          # characters of text in one document",
        '# max_docx_xml = "200MB"        # XML unpacked from one DOCX (zip bombs)',
        "# max_pdf_content = 250000000   # bytes of page content and fonts unpacked from one PDF",
        "# timeout = 120                 # seconds per file",
        '# memory_limit = "2GB"          # address space of each worker process',
        "",
        "# Files scanned in parallel (default: one per core), and the result cache.",
        "# jobs = 4",
        "# cache = true",
        '# cache_dir = "~/.cache/grantscan"',
        "",
        "# Report only findings not recorded in this baseline (grantscan baseline create).",
        '# baseline = ".grantscan-baseline.json"',
        "# show_suppressed = false",
        "",
        "# An installed spaCy model adds statistical named-entity recognition; it is never downloaded.",
        '# model = "en_core_web_sm"',
        "",
        '# Never report these terms: per category id, or "*" for every category; exact (any case) or re:<regex>.',
        "# [allow]",
        '# quantum = ["quantum dot"]',
        '# "*" = ["re:Project SKY.*"]',
        "",
    ]
    return "\n".join(lines)
