"""Plain text, Markdown and LaTeX extraction: encodings, paragraphs, markup removal and source positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from grantscan.extract import ExtractionError, extract
from grantscan.model import Document, Location, TextBlock

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = SHARED / "corpus" / "real"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return p


def where(doc: Document, phrase: str) -> tuple[TextBlock, Location]:
    """The block holding ``phrase`` and the location of the phrase in it."""
    for b in doc.blocks:
        i = b.text.find(phrase)
        if i >= 0:
            return b, b.locate(i, i + len(phrase))
    raise AssertionError(f"{phrase!r} not in {[b.text for b in doc.blocks]}")


def source_at(path: Path, loc: Location, length: int) -> str:
    line = path.read_text(encoding="utf-8").splitlines()[loc.line - 1]
    return line[loc.column - 1 : loc.column - 1 + length]


# ---------------------------------------------------------------- plain text and encodings


def test_plain_text_paragraphs_and_line_columns(tmp_path: Path) -> None:
    p = write(
        tmp_path, "a.txt", "  \nTitle line\n\n\nFirst para line one\n  and quantum line two.\n   \nLast.\n"
    )
    doc = extract(p)
    assert doc.format == "text"
    assert [b.text for b in doc.blocks] == [
        "Title line",
        "First para line one\n  and quantum line two.",
        "Last.",
    ]
    assert [b.location.line for b in doc.blocks] == [2, 5, 8]
    _, loc = where(doc, "quantum")
    assert (loc.line, loc.column) == (6, 7)


def test_crlf_and_lone_cr_count_as_one_line_break(tmp_path: Path) -> None:
    p = write(tmp_path, "crlf.txt", b"one\r\ntwo\r\n\r\nthree radar\rfour\n")
    doc = extract(p)
    assert [b.text for b in doc.blocks] == ["one\ntwo", "three radar\nfour"]
    _, loc = where(doc, "four")
    assert (loc.line, loc.column) == (5, 1)


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"")],
)
def test_unicode_encodings_are_decoded(tmp_path: Path, codec: str, bom: bytes) -> None:
    text = "Partner: Université de Genève — drone swarm\n"
    doc = extract(write(tmp_path, "u.txt", bom + text.encode(codec)))
    assert doc.blocks[0].text == text.strip()  # no BOM character left in front


def test_non_utf8_bytes_give_an_actionable_error(tmp_path: Path) -> None:
    p = write(tmp_path, "latin.txt", "Café collaboration".encode("cp1252"))
    with pytest.raises(ExtractionError) as e:
        extract(p)
    assert e.value.reason == ("encoding: not UTF-8 (invalid byte 0xE9 at offset 3); save the file as UTF-8")


def test_control_characters_become_spaces(tmp_path: Path) -> None:
    doc = extract(write(tmp_path, "c.txt", "nuclear\x00reactor\x07design\n"))
    assert doc.blocks[0].text == "nuclear reactor design"


def test_blank_text_file_is_empty(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="^empty"):
        extract(write(tmp_path, "blank.md", "  \n\n<!-- only a comment -->\n"))


# ---------------------------------------------------------------- Markdown

MD = """---
title: Drone project
---
# Project *SKYWARD*

Intro with **quantum** sensing and [a partner](https://example.org/x "t") in _China_.
<!-- grantscan: ignore[quantum] reviewed by the export office -->
Second line of intro &amp; more.

Overview
========

- item about `radar` jamming
- [x] done item
> quoted hypersonic text

| Partner | Country |
|---------|:-------:|
| Beihang | China |

```python
swarm = "military"  # kept
```

<!--
multi-line
comment -->
snake_case_name stays, <b>bold</b> tag removed, ![satellite image](img.png) alt kept.
"""


@pytest.fixture
def md_doc(tmp_path: Path) -> tuple[Path, Document]:
    p = write(tmp_path, "p.md", MD)
    return p, extract(p)


def test_markdown_markup_is_dropped_and_words_kept(md_doc: tuple[Path, Document]) -> None:
    _, doc = md_doc
    text = " ".join(doc.text.split(" "))
    flat = " ".join(doc.text.split())
    assert doc.format == "markdown"
    for kept in (
        "Project SKYWARD",
        "Intro with quantum sensing and a partner in China.",
        "& more",
        "item about radar jamming",
        "done item",
        "quoted hypersonic text",
        "Beihang China",
        'swarm = "military" # kept',
        "snake_case_name stays",
        "bold tag removed",
        "satellite image alt kept",
        "title: Drone project",
    ):
        assert kept in flat, kept
    for dropped in (
        "**",
        "https://example.org",
        "img.png",
        "<b>",
        "&amp;",
        "```",
        "grantscan:",
        "multi-line",
        "---",
        "====",
        "[x]",
        "|",
    ):
        assert dropped not in text, dropped


def test_markdown_sections_follow_headings(md_doc: tuple[Path, Document]) -> None:
    _, doc = md_doc
    assert where(doc, "Intro with")[1].section == "Project SKYWARD"
    assert where(doc, "radar jamming")[1].section == "Overview"
    assert where(doc, "Beihang")[1].section == "Overview"


def test_markdown_matches_map_to_their_source_line_and_column(md_doc: tuple[Path, Document]) -> None:
    path, doc = md_doc
    for phrase in (
        "quantum",
        "China",
        "a partner",
        "radar",
        "hypersonic",
        "Beihang",
        "military",
        "satellite",
        "SKYWARD",
        "more",
    ):
        _, loc = where(doc, phrase)
        assert source_at(path, loc, len(phrase)) == phrase, (phrase, loc)


def test_markdown_comments_are_recorded_with_their_line(md_doc: tuple[Path, Document]) -> None:
    _, doc = md_doc
    assert doc.metadata["source_comments"] == [
        {"line": 7, "text": "grantscan: ignore[quantum] reviewed by the export office"},
        {"line": 25, "text": "multi-line\ncomment"},
    ]
    # an HTML comment on its own line ends the paragraph (CommonMark HTML block), so an own-line
    # suppression marker sits between blocks and applies to the next one
    intro, _ = where(doc, "Intro with")
    after, _ = where(doc, "Second line of intro")
    assert max(intro.line_offsets[0::2]) == 6 and after.location.line == 8


# ---------------------------------------------------------------- LaTeX

TEX = r"""\documentclass[11pt]{article}
\usepackage{amsmath} % preamble comment
\newcommand{\secret}{hidden macro body}
\title{Quantum \textbf{Radar} Study}
\begin{document}
\maketitle
\section{Work Plan}\label{sec:plan}
We build a \textbf{quantum} sensor~\cite{smith2020} with 50\% less noise. % TODO check
Partners: Beihang University\\in China, see Fig.~\ref{fig:x}.
%% a whole-line comment
\emph{Hypersonic} tests \footnote{Funded by the \textit{Air Force}.} follow.

\subsection*{Budget and \LaTeX{} tools}
\begin{tabular}{|l|c|}
Item & Cost \\ \hline
Drone & 10 \\
\end{tabular}
\begin{itemize}
\item[a)] first item on lidar
\item second on Caf\'e and na\"{\i}ve
\end{itemize}
Math $E = mc^2$ stays.
\input{other}
\begin{comment}
commented-out sonar plans
\end{comment}
\begin{verbatim}
raw \textbf{text} kept
\end{verbatim}
\end{document}
ignored after end
"""


@pytest.fixture
def tex_doc(tmp_path: Path) -> tuple[Path, Document]:
    write(tmp_path, "other.tex", "Included text about nuclear weapons.\n")
    p = write(tmp_path, "p.tex", TEX)
    return p, extract(p)


def test_latex_keeps_prose_and_drops_commands(tex_doc: tuple[Path, Document]) -> None:
    _, doc = tex_doc
    text = doc.text
    assert doc.format == "latex"
    for kept in (
        "Quantum Radar Study",
        "We build a quantum sensor",
        "with 50% less noise.",
        "Beihang University in China, see Fig. .",
        "Hypersonic tests",
        "Funded by the Air Force.",
        "Budget and LaTeX tools",
        "Item   Cost",
        "Drone   10",
        "a) first item on lidar",
        "second on Café and naïve",
        "Math E = mc^2 stays.",
        r"raw \textbf{text} kept",
    ):
        assert kept in text, kept
    for dropped in (
        "smith2020",
        "fig:x",
        "sec:plan",
        "amsmath",
        "article",
        "hidden macro",
        "TODO",
        "whole-line",
        "tabular",
        "|l|c|",
        "itemize",
        "nuclear",
        "sonar",
        "ignored after end",
        "maketitle",
        "\\cite",
        "~",
    ):
        assert dropped not in text, dropped


def test_latex_sections_and_blocks(tex_doc: tuple[Path, Document]) -> None:
    _, doc = tex_doc
    assert any(b.text == "Work Plan" for b in doc.blocks)
    assert where(doc, "quantum sensor")[1].section == "Work Plan"
    assert where(doc, "Drone")[1].section == "Budget and LaTeX tools"
    assert where(doc, "Quantum Radar Study")[1].section is None


def test_latex_matches_map_to_their_source_line_and_column(tex_doc: tuple[Path, Document]) -> None:
    path, doc = tex_doc
    for phrase in (
        "quantum",
        "Beihang University",
        "Hypersonic",
        "Air Force",
        "Radar",
        "Work Plan",
        "lidar",
        "Drone",
        "LaTeX",
    ):
        _, loc = where(doc, phrase)
        assert source_at(path, loc, len(phrase)) == phrase, (phrase, loc)
    _, loc = where(doc, "Café")
    assert (loc.line, source_at(path, loc, 3)) == (20, "Caf")


def test_latex_comments_are_recorded_and_escaped_percent_is_not_one(tex_doc: tuple[Path, Document]) -> None:
    _, doc = tex_doc
    comments = doc.metadata["source_comments"]
    assert {"line": 2, "text": "preamble comment"} in comments
    assert {"line": 8, "text": "TODO check"} in comments
    assert {"line": 10, "text": "a whole-line comment"} in comments
    assert not any("less noise" in c["text"] for c in comments)


# ---------------------------------------------------------------- real files


def _real_text_files() -> list[Path]:
    if not REAL.is_dir():
        return []
    return sorted(
        [
            *REAL.glob("opendreamkit/*.tex"),
            *REAL.glob("nsf-f26-zzhu8/*.tex"),
            *REAL.glob("ucl-epsrc-dtp/raw/*.md"),
            *REAL.glob("commonaccord/*.md"),
        ]
    )


@needs_shared
@pytest.mark.parametrize("path", _real_text_files(), ids=lambda p: p.name)
def test_real_files_every_letter_maps_back_to_itself(path: Path) -> None:
    """Each ASCII letter or digit of the output points at the same character in the source file."""
    doc = extract(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    checked = 0
    for b in doc.blocks:
        assert b.line_offsets is not None and len(b.line_offsets) == 2 * len(b.text)
        for i, ch in enumerate(b.text):
            if ch.isascii() and ch.isalnum():
                line, col = b.line_offsets[2 * i], b.line_offsets[2 * i + 1]
                assert lines[line - 1][col - 1] == ch, (b.text, i)
                checked += 1
    assert checked > 100
    if path.suffix == ".tex":
        assert "\\begin" not in doc.text and "\\cite" not in doc.text


@needs_shared
def test_real_latex_sections_and_comments() -> None:
    doc = extract(REAL / "opendreamkit" / "ethics_security.tex")
    assert where(doc, "activities or results raising security issues: NO")[1].section == "Security"
    assert {c["text"] for c in doc.metadata["source_comments"]} >= {"Local Variables:", "mode: latex"}
