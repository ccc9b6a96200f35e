"""Suppression: strict inline markers scoped by paragraph, off/on regions, allow-list, ignore files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from grantscan.config import Config
from grantscan.model import Document, Finding, Location, TextBlock
from grantscan.runner import iter_inputs, scan_path
from grantscan.suppress import AllowList, PathRules, apply_inline, parse_marker
from tests.fixtures.pipeline import fakes


@pytest.fixture(autouse=True)
def _fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.install(monkeypatch)


def _scan(path: Path, **cfg: object) -> list[Finding]:
    return scan_path(path, Config(cache=False, **cfg)).documents[0].findings  # type: ignore[arg-type]


def _by_para(findings: list[Finding]) -> dict[int, list[str | None]]:
    out: dict[int, list[str | None]] = {}
    for f in findings:
        out.setdefault(f.location.line or 0, []).append(f.suppressed)
    return out


@pytest.mark.parametrize(
    "comment, ok",
    [
        ("grantscan: ignore[robotics] reviewed with the research office", True),
        ("grantscan: ignore[robotics, defence-military] approved by RO 2024-05", True),
        ("grantscan: ignore", False),  # bare word
        ("grantscan: ignore[robotics]", False),  # no reason
        ("grantscan: ignore[] because", False),  # no id
        ("grantscan: ignore[Robotics Team] because", False),  # not an id
        ("please ignore[robotics] this", False),  # no grantscan: prefix
    ],
)
def test_marker_parsing_is_strict(comment: str, ok: bool) -> None:
    m = parse_marker(comment)
    assert (m is not None) is ok
    if ok:
        assert m.reason and m.ids


def test_latex_marker_covers_next_paragraph_only(tmp_path: Path) -> None:
    doc = tmp_path / "p.tex"
    doc.write_text(
        "Intro.\n\n% grantscan: ignore[robotics] reviewed with the research office\n"
        "A drone for mapping.\nSecond line, military use.\n\nAnother drone here.\n",
        encoding="utf-8",
    )
    paras = _by_para(_scan(doc))
    assert paras[4] == ["inline: reviewed with the research office"]
    assert paras[5] == [None]  # same paragraph, but defence is not in the marker's ids
    assert paras[7] == [None]  # the paragraph after next is not covered


def test_marker_inside_paragraph_covers_that_paragraph(tmp_path: Path) -> None:
    doc = tmp_path / "p.tex"
    doc.write_text(
        "A drone for mapping. % grantscan: ignore[robotics-drone] civil survey only\n\nA drone again.\n",
        encoding="utf-8",
    )
    paras = _by_para(_scan(doc))
    assert paras[1] == ["inline: civil survey only"]
    assert paras[3] == [None]


def test_markdown_marker_and_bare_word(tmp_path: Path) -> None:
    doc = tmp_path / "p.md"
    doc.write_text(
        "<!-- grantscan: ignore[country] partner approved by export control -->\n"
        "We meet partners in Iran.\n\n<!-- grantscan: ignore -->\nA drone.\n\n"
        "Text that says grantscan: ignore[robotics] in prose about a drone is not a comment.\n",
        encoding="utf-8",
    )
    paras = _by_para(_scan(doc))
    assert paras[2] == ["inline: partner approved by export control"]
    assert paras[5] == [None]
    assert paras[7] == [None]


def test_suppressed_findings_add_nothing_to_the_risk(tmp_path: Path) -> None:
    """Suppression runs before scoring: a document whose findings are all suppressed has risk 0."""
    plain = tmp_path / "plain.md"
    plain.write_text("A military drone.\n", encoding="utf-8")
    assert scan_path(plain, Config(cache=False)).documents[0].risk_score > 0
    marked = tmp_path / "marked.md"
    marked.write_text(
        "<!-- grantscan: ignore[robotics,defence] reviewed by the export control team -->\nA military drone.\n",
        encoding="utf-8",
    )
    allowed = Config(cache=False, allow={"robotics": ["drone"], "defence": ["military"]})
    for doc in (scan_path(marked, Config(cache=False)).documents[0], scan_path(plain, allowed).documents[0]):
        assert len(doc.findings) == 2 and all(f.suppressed for f in doc.findings)
        assert (doc.risk_score, doc.risk_reasons) == (0, [])


def test_off_on_region(tmp_path: Path) -> None:
    doc = tmp_path / "p.tex"
    doc.write_text(
        "A drone.\n% grantscan: off\n\nmilitary drone.\n\nIran.\n% grantscan: on\n\nA drone after.\n",
        encoding="utf-8",
    )
    paras = _by_para(_scan(doc))
    assert paras[1] == [None]
    assert all(s and "grantscan: off" in s for s in paras[4] + paras[6])
    assert paras[9] == [None]


def test_docx_comment_marker_applies_to_whole_document() -> None:
    doc = Document(
        path="x.docx",
        format="docx",
        blocks=[
            TextBlock("A drone.", Location(part="body", paragraph=0)),
            TextBlock("grantscan: ignore[robotics] reviewed", Location(part="comment", paragraph=0)),
        ],
    )
    f1 = Finding("robotics-drone", "robotics", "drone", "A drone.", Location(part="body", paragraph=0))
    f2 = Finding("country-iran", "country", "Iran", "Iran.", Location(part="body", paragraph=0))
    unused = apply_inline(doc, [f1, f2])
    assert f1.suppressed == "inline: reviewed" and f2.suppressed is None
    assert unused == []


def test_docx_comment_marker_with_anchor_applies_to_that_paragraph() -> None:
    doc = Document(
        path="x.docx",
        format="docx",
        blocks=[
            TextBlock("A drone.", Location(part="body", paragraph=0)),
            TextBlock("Another drone.", Location(part="body", paragraph=1)),
            TextBlock("grantscan: ignore[robotics] civil use only", Location(part="comment", paragraph=0)),
        ],
        metadata={
            "comments": [{"id": "1", "paragraphs": [0, 1], "anchor": {"part": "body", "paragraph": 1}}]
        },
    )
    f0 = Finding("robotics-drone", "robotics", "drone", "A drone.", Location(part="body", paragraph=0))
    f1 = Finding("robotics-drone", "robotics", "drone", "Another drone.", Location(part="body", paragraph=1))
    apply_inline(doc, [f0, f1])
    assert (f0.suppressed, f1.suppressed) == (None, "inline: civil use only")


def test_unused_markers_are_returned() -> None:
    doc = Document(
        path="x.tex",
        format="latex",
        blocks=[TextBlock("Nothing here.", Location(line=2))],
        metadata={"source_comments": [{"line": 1, "text": "grantscan: ignore[ai] old reason"}]},
    )
    assert [m.ids for m in apply_inline(doc, [])] == [("ai",)]


def test_grouped_finding_needs_every_occurrence_covered() -> None:
    doc = Document(
        path="x.tex",
        format="latex",
        blocks=[TextBlock("A drone.", Location(line=2)), TextBlock("A drone.", Location(line=4))],
        metadata={"source_comments": [{"line": 1, "text": "grantscan: ignore[robotics] ok"}]},
    )
    f = Finding(
        "robotics-drone",
        "robotics",
        "drone",
        "A drone.",
        Location(line=2),
        occurrences=[Location(line=2), Location(line=4)],
    )
    apply_inline(doc, [f])
    assert f.suppressed is None


def test_allow_list_exact_and_regex(tmp_path: Path) -> None:
    doc = tmp_path / "p.txt"
    doc.write_text(f"{fakes.RISKY}\n\nMILITARY drone.\n", encoding="utf-8")
    found = _scan(doc, allow={"country": ["iran"], "*": ["re:mil.*"]})
    by_text = {(f.text, f.suppressed) for f in found}
    assert ("Iran", "allow-list: Iran") in by_text
    assert ("military", "allow-list: re:mil.*") in by_text and ("MILITARY", "allow-list: re:mil.*") in by_text
    assert all(f.suppressed is None for f in found if f.category == "robotics")


def test_allow_list_is_per_category() -> None:
    f = Finding("country-iran", "country", "Iran", "", Location())
    assert AllowList({"robotics": ["Iran"]}).match(f) is None
    assert AllowList({"country": ["Iran"]}).match(f) == "Iran"


@pytest.mark.parametrize(
    "pattern, path, hit",
    [
        ("*.md", "a/b/c.md", True),
        ("drafts/", "drafts/x.txt", True),
        ("drafts/", "x/drafts.txt", False),
        ("/top.txt", "sub/top.txt", False),
        ("sub/**/*.tex", "sub/a/b/c.tex", True),
        ("sub/*.tex", "sub/a/c.tex", False),
    ],
)
def test_gitignore_globs(pattern: str, path: str, hit: bool) -> None:
    assert PathRules([pattern]).matches(path) is hit


def test_folder_rules() -> None:
    rules = PathRules(["drafts/", "x"])
    assert rules.matches("drafts", is_dir=True) and rules.matches("a/drafts/b.txt")
    assert not rules.matches("drafts")  # a file named drafts is not the folder
    assert not rules.matches("sub", is_dir=True)  # "x" does not hide the folder holding a file x


def test_negation_last_rule_wins() -> None:
    rules = PathRules(["*.txt", "!keep.txt", "# comment", ""])
    assert rules.matches("a.txt") and not rules.matches("keep.txt")


def test_grantscanignore_and_globs_filter_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for rel in ("a.txt", "drafts/b.txt", "c.md", "sub/d.tex"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x\n", encoding="utf-8")
    (tmp_path / ".grantscanignore").write_text("drafts/\n", encoding="utf-8")

    def names(cfg: Config) -> list[str]:
        return sorted(Path(p).relative_to(tmp_path).as_posix() for p in iter_inputs([tmp_path], cfg))

    assert names(Config()) == ["a.txt", "c.md", "sub/d.tex"]
    assert names(Config(exclude=["*.md"])) == ["a.txt", "sub/d.tex"]
    assert names(Config(include=["sub/**"])) == ["sub/d.tex"]
    # explicitly named files obey exclude and the ignore file too (pre-commit passes file names)
    monkeypatch.chdir(tmp_path)
    assert list(iter_inputs(["drafts/b.txt", "a.txt"], Config())) == ["a.txt"]
    assert list(iter_inputs([tmp_path / "c.md"], Config(exclude=["*.md"]))) == []


# .grantscanignore is gitignore syntax: every rule set below is checked against git itself on a real tree
GIT_TREE = [
    "root.txt", "sub/root.txt", "a.log", "x/a.log", "build/x.txt", "build/keep.txt", "keep.txt", "note.txt",
    "doc/a/b/c.md", "doc/c.md", "tmp/x.md", "x/tmp/y.md", "a/b/z.md", "a/x/b/z.md", "a/x/y/b/w.md",
    "foo/x.md", "foo/y/z.md", "lib.o", "lib.a", "lib.c", "b.tex", "a.tex", "#notes.md", "!bang.md",
    "trailing.md", "space .md", "q.md", "qq.md", "important/x.pdf", "y.pdf", "docs/x.md", "sub/docs/y.md",
    "sub/file.md", "x/sub/file.md", "abc/d/e.md", "abc.md", "README.MD", "logs/a.log", "deep/logs/b.log",
    "deep/logs/c.txt", "x/y/z/deep.tex", "1st.md", "a*b.md", "axb.md", "[x].md", " lead.md", "notes.md/inner.txt",
    "foo/bar/deeper/k.md", "w/v/deeper/k.md",
]  # fmt: skip
GIT_RULES = [
    ["*.log"],
    ["/root.txt"],
    ["build/"],
    ["build/", "!build/keep.txt"],  # a file in an ignored folder cannot be re-included
    ["*.txt", "!keep.txt"],
    ["doc/**/*.md"],
    ["**/tmp"],
    ["a/**/b"],
    ["foo/*"],
    ["*.[oa]"],
    ["[!a]*.tex"],
    ["\\#notes.md"],
    ["\\!bang.md"],
    ["trailing.md   "],
    ["space\\ .md"],
    ["?.md"],
    ["**/*.pdf", "!important/**"],
    ["docs"],
    ["/docs/"],
    ["sub/file.md"],
    ["*", "!*/", "!*.md"],
    ["abc/**"],
    ["**"],
    ["a/b/"],
    ["# a comment", "", "q.md"],
    ["*.md"],
    ["*.MD"],
    ["**/logs/*.log"],
    ["x/**/*.tex"],
    ["*.txt", "!/deep/**"],
    ["[a-c].md"],
    ["[[:digit:]]*.md"],
    ["a\\*b.md"],
    ["/*.md"],
    ["*.md/"],
    ["\\[x].md"],
    ["\\ lead.md"],
    ["foo/**/"],
    ["**/deeper/"],
    ["**/a.log", "!x/a.log"],
    ["*/*.md"],
    ["deep/logs", "!deep/logs/c.txt"],
]


def _git_ignored(tmp_path: Path, rules: list[str]) -> set[str]:
    import subprocess

    repo = tmp_path / "repo"
    repo.mkdir()
    for rel in GIT_TREE:
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text("x\n", encoding="utf-8")
    (repo / ".gitignore").write_text("\n".join(rules) + "\n", encoding="utf-8")
    env = {
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_SYSTEM": "/dev/null",
        "HOME": str(tmp_path),
        "PATH": os.environ["PATH"],
    }
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    out = subprocess.run(
        [
            "git",
            "-c",
            "core.ignorecase=false",
            "ls-files",
            "--others",
            "--ignored",
            "--exclude-standard",
            "-z",
        ],
        cwd=repo,
        capture_output=True,
        check=True,
        env=env,
    ).stdout.decode()
    return {p for p in out.split("\0") if p and p != ".gitignore"}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed: nothing to compare with")
@pytest.mark.parametrize("rules", GIT_RULES, ids=lambda r: " ".join(r) or "empty")
def test_ignore_rules_agree_with_git(tmp_path: Path, rules: list[str]) -> None:
    expected = _git_ignored(tmp_path, rules)
    path_rules = PathRules(rules)
    got = {p for p in GIT_TREE if path_rules.matches(p)}
    assert got == expected, {"grantscan only": sorted(got - expected), "git only": sorted(expected - got)}
