"""Clause pack regexes are checked on load without compiling them and compiled on first run: a bad regex
still fails at load naming file and line, and a scan compiles only the regexes it runs."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy

from grantscan.config import Config
from grantscan.detect.clauses import ClauseDetector, _Patterns, load_pack, prefilter
from grantscan.detect.clauses.pack import ClausePack
from grantscan.detect.clauses.prefilter import LazyRegex, check_regex, loosen
from grantscan.knowledge.loader import PackError
from grantscan.model import Location, TextBlock

# (pattern, whether re.compile accepts it under re.I)
CASES = [
    (r"\bshall\b", True),
    (r"(?<=\bthe )licen[cs]e", True),
    (r"(?<!not )agree", True),
    (r"(?<=a|bc)x", False),  # branches of different widths
    (r"(?<=ab|cd)x", True),
    (r"(?<=a+)x", False),
    (r"(?<=a{2})x", True),
    (r"(?<=a{1,2})x", False),
    (r"(?:foo(?<=o\s*)bar)", False),  # look-behind inside a group
    (r"(?:x|y(?<!b+))", False),  # inside a branch
    (r"(?:z(?<=\w+))*", False),  # inside a repeat
    (r"(?>a(?<=a*))", False),  # inside an atomic group
    (r"(?=(?<=ab*)c)", False),  # inside a look-ahead
    (r"(a)?(?(1)(?<=a+)b|c)", False),  # inside a conditional's yes branch
    (r"(a)?(?(1)b|(?<=a+)c)", False),  # ... and its no branch
    (r"(a)?(?(1)b|c)", True),
    (r"(unclosed", False),
    (r"a{2,1}", False),
    (r"a{99999999999}", False),  # OverflowError
    (r"[z-a]", False),
    (r"\k", False),
    (r"a++b*+", True),
    (r"(?i)abc", True),
    (r"x(?i)abc", False),  # global flag not at the start
]


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern, re.I)
    except (re.error, OverflowError):
        return False
    return True


def _checks(pattern: str) -> bool:
    try:
        check_regex(pattern)
    except (re.error, OverflowError):
        return False
    return True


@pytest.mark.parametrize("pattern, ok", CASES)
def test_check_regex_agrees_with_compile(pattern: str, ok: bool) -> None:
    assert _compiles(pattern) is ok  # the case itself is right for this Python
    assert _checks(pattern) is ok


def test_check_regex_does_not_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("compiled")

    monkeypatch.setattr(re, "compile", refuse)
    check_regex(r"(?<=\bthe )licen[cs]e\w*")


def _all_patterns(pack: ClausePack) -> list[_Patterns]:
    out = [pack.operative, pack.parties, pack.question, *pack.headings.values()]
    for r in pack.rules:
        out += [r.strong, r.patterns, r.unless]
    for k in pack.risks:
        out += [k.patterns, k.unless]
    out += [p.patterns for p in pack.passing]
    if pack.denials is not None:
        out.append(pack.denials)
    return out


def _lazies(pack: ClausePack) -> list[LazyRegex]:
    return [lz for pats in _all_patterns(pack) for lz in (*pats._strict, *pats._loose)]


def test_every_shipped_regex_and_its_loose_form_compiles() -> None:
    """The compile check the load no longer makes, made here for the shipped pack."""
    pack = load_pack()
    lazies = _lazies(pack)
    assert len(lazies) > 600
    for lz in lazies:
        assert isinstance(lz.rx, re.Pattern), lz.pattern
        assert lz.rx.flags & re.I


def test_load_compiles_no_pack_regex() -> None:
    lazies = _lazies(load_pack())
    assert lazies and all(lz._rx is None for lz in lazies)


def _write_pack(tmp_path: Path, pattern: str) -> Path:
    p = tmp_path / "clauses.yaml"
    p.write_text(
        "operative: ['\\bshall\\b']\nparties: ['Party']\nrules:\n  - id: x\n    category: clause-ip\n"
        f"    patterns:\n      - '{pattern}'\n",
        encoding="utf-8",
    )
    return p


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<=a+)x",  # parses, but compiling fails: a variable-width look-behind
        r"(?<=shall not )disclose",  # fixed width; its loose form (optional spaces) is not
        r"a{99999999999}",
    ],
)
def test_regex_that_only_fails_to_compile_fails_at_load(tmp_path: Path, pattern: str) -> None:
    path = _write_pack(tmp_path, pattern)
    with pytest.raises(PackError) as e:
        load_pack(path)
    assert str(e.value).startswith(f"{path}:6:")
    assert "bad regex" in str(e.value)


def test_loose_form_of_the_fixed_width_case_is_what_fails() -> None:
    assert _compiles(r"(?<=shall not )disclose")
    assert not _compiles(loosen(r"(?<=shall not )disclose"))


def test_scan_compiles_only_the_regexes_it_runs() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    pack = load_pack()
    det = ClauseDetector(nlp, Config(), pack=pack)
    text = "The Recipient shall comply with all applicable export control laws and sanctions regulations."
    found = det.find_block(None, TextBlock(text, Location(line=1)), 0)
    assert found
    lazies = _lazies(pack)
    compiled = [lz for lz in lazies if lz._rx is not None]
    assert 0 < len(compiled) < len(lazies) // 4
    for f in found:  # the rules that fired ran a compiled regex
        rule = next(r for r in pack.rules if r.id == f.rule_id)
        assert any(lz._rx is not None for lz in (*rule.strong._strict, *rule.patterns._strict))


# ---- what parsing told, kept between runs (compiled/regexes.json) -------------------------------------------


def _needs_table(pack: ClausePack) -> list[tuple[str, tuple[frozenset[str], ...]]]:
    return [
        (lz.pattern, needs)
        for pats in _all_patterns(pack)
        for lz, needs in (*pats._strict_needs, *pats._loose_needs)
    ]


def _refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []

    def counting(pattern: str, flags: int = re.I) -> None:
        parsed.append(pattern)
        check_regex(pattern, flags)

    monkeypatch.setattr(prefilter, "check_regex", counting)
    monkeypatch.setattr(prefilter, "needs_of", _no_needs)
    return parsed


def _no_needs(pattern: str) -> tuple[frozenset[str], ...]:
    raise AssertionError(f"parsed again for its literals: {pattern!r}")


def test_kept_facts_spare_every_parse_and_give_the_same_literals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _needs_table(load_pack())
    load_pack(root=tmp_path)  # parses, then keeps
    assert (tmp_path / "regexes.json").is_file()
    parsed = _refuse_parsing(monkeypatch)
    again = load_pack(root=tmp_path)
    assert _needs_table(again) == plain
    assert parsed == []


def test_kept_facts_never_let_a_bad_regex_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "compiled"
    good = _write_pack(tmp_path, r"licen[cs]e")
    load_pack(good, root=root)
    assert (root / "regexes.json").is_file()
    parsed = _refuse_parsing(monkeypatch)
    load_pack(good, root=root)
    assert parsed == []
    bad = _write_pack(tmp_path, r"(?<=a+)licen[cs]e")
    with pytest.raises(PackError) as e:
        load_pack(bad, root=root)
    assert str(e.value).startswith(f"{bad}:6:")
    assert parsed == [r"(?<=a+)licen[cs]e"]


def _stale(good: bytes) -> bytes:
    data = json.loads(good)
    data["digest"] = "0" * len(data["digest"])  # another key (Python version, code)
    data["payload"]["export"] = [["zzz"]]  # well-formed, but wrong: read, it would change the literals
    return json.dumps(data).encode()


def _malformed(good: bytes) -> bytes:
    data = json.loads(good)
    data["payload"]["export"] = [[1]]  # the right key, an entry of the wrong shape
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    "damage",
    [
        lambda good: b"",
        lambda good: b"\x00\xff not json",
        lambda good: good[: len(good) // 2],  # truncated
        _stale,
        _malformed,
    ],
)
def test_damaged_or_stale_facts_are_ignored_and_rewritten(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    plain = _needs_table(load_pack())
    path = tmp_path / "regexes.json"
    load_pack(root=tmp_path)
    good = path.read_bytes()
    assert b'"export"' in good
    path.write_bytes(damage(good))
    assert _needs_table(load_pack(root=tmp_path)) == plain
    assert json.loads(path.read_bytes()) == json.loads(good)


def test_findings_same_with_kept_facts(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    plain_pack = load_pack()
    load_pack(root=tmp_path)
    kept_pack = load_pack(root=tmp_path)
    texts = [t for r in [*plain_pack.rules, *plain_pack.risks] for v in r.examples.values() for t in v]
    assert len(texts) > 100

    def found(pack: ClausePack) -> list[tuple[str, str]]:
        det = ClauseDetector(nlp, Config(), pack=pack)
        out = []
        for i, t in enumerate(texts):
            for f in det.find_block(None, TextBlock(t, Location(line=i + 1)), i):
                out.append((f.rule_id, f.text))
        return out

    want = found(plain_pack)
    assert want
    assert found(kept_pack) == want


def test_an_unwritable_cache_costs_no_derivation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "file"
    root.write_text("not a folder")
    monkeypatch.setattr(prefilter, "needs_of", _no_needs)
    pack = load_pack(_write_pack(tmp_path, r"licen[cs]e"), root=root)
    assert pack.rules[0].patterns.occurs("a licence") and root.read_text() == "not a folder"
