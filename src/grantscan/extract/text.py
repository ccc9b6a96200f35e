"""Plain text, Markdown and LaTeX reader: one block per paragraph, every character traced to its source.

Plain text is kept as written (blocks locate matches by counting newlines). Markdown and LaTeX are
reduced to the words a reader sees: markup is dropped, the text inside it kept, and each output character
remembers the source offset it came from, so ``TextBlock.line_offsets`` can map a match back to its own
line and column. Comments (``%`` in LaTeX, ``<!-- -->`` in Markdown) are removed from the text and kept in
``metadata["source_comments"]`` for inline suppression markers.

Bytes that are not UTF-8 are refused with the offending byte and offset rather than guessed: a wrong
guess (cp1252 decodes any byte) would scan mojibake silently. UTF-16 and UTF-32 with a byte order mark,
and UTF-16 without one, are decoded.
"""

from __future__ import annotations

import html
import re
import unicodedata
from array import array
from bisect import bisect_right
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..model import Document, Location, TextBlock
from .errors import ExtractionError, too_many_chars

if TYPE_CHECKING:
    from .options import ExtractOptions

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# Possessive quantifiers (``*+``, ``++``) and atomic groups never give back what they matched: every regex
# here runs on untrusted text and must take time linear in it (tests/test_linear_time.py).
_BLANK_RUN = re.compile(r"\n(?:[ \t\f\v\u00a0]*+\n)++")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t\f\v\u00a0]*+\n)*+")


def extract_text_file(path: Path, options: ExtractOptions, fmt: str) -> Document:
    """Read a .txt/.md/.tex file; ``fmt`` is "text", "markdown" or "latex"."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ExtractionError(f"cannot read: {e.strerror or e}") from None
    text = decode(data)
    # refused before the work: plain text keeps every character; markup is at most a few times the text
    if options.max_chars and len(text) > options.max_chars * (1 if fmt == "text" else 4):
        raise too_many_chars(options.max_chars)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    metadata: dict[str, Any] = {}
    if fmt == "markdown":
        blocks, comments = _markdown(text)
        metadata["source_comments"] = comments
    elif fmt == "latex":
        blocks, comments = _latex(text)
        metadata["source_comments"] = comments
    else:
        blocks = _plain(text)
    return Document(path=str(path), format=fmt, blocks=blocks, metadata=metadata)


def decode(data: bytes) -> str:
    """Bytes -> str: UTF-8 (BOM stripped), UTF-16/32 by BOM, BOM-less UTF-16; else a one-line error."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as e:
                raise ExtractionError(
                    f"encoding: invalid {codec.upper()} at offset {e.start + len(bom)}"
                ) from None
    guess = _bomless_utf16(data)
    if guess:
        try:
            return data.decode(guess)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ExtractionError(
            f"encoding: not UTF-8 (invalid byte 0x{data[e.start]:02X} at offset {e.start});"
            " save the file as UTF-8"
        ) from None


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when most of one byte column is NUL (ASCII text in UTF-16), else None."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _plain(text: str) -> list[TextBlock]:
    """Blank-line separated paragraphs, kept verbatim; line numbers come from counting newlines."""
    blocks = []
    line = 1
    pos = 0
    for m in [*_BLANK_RUN.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = _LEADING_BLANK_LINES.match(chunk).end()
            body = chunk[lead:].rstrip()
            blocks.append(TextBlock(body, Location(line=line + chunk.count("\n", 0, lead), column=1)))
        if m:
            line += text.count("\n", pos, m.end())
            pos = m.end()
    return blocks


class _Builder:
    """Output text assembled from source pieces, with the source offset of every output character."""

    def __init__(self, src: str):
        self.src = src
        self.parts: list[str] = []
        self.pos = array("q")
        self.n = 0
        self.breaks: list[int] = []
        self.sections: list[tuple[int, str]] = []

    def copy(self, i: int, j: int) -> None:
        """Emit ``src[i:j]`` unchanged."""
        if j > i:
            self.parts.append(self.src[i:j])
            self.pos.extend(range(i, j))
            self.n += j - i

    def put(self, s: str, at: int) -> None:
        """Emit ``s`` in place of the markup at source offset ``at``."""
        if s:
            self.parts.append(s)
            self.pos.extend(repeat(at, len(s)))
            self.n += len(s)

    def brk(self) -> None:
        """End the current paragraph here."""
        self.breaks.append(self.n)

    def section(self, start: int, title: str) -> None:
        """The text from output offset ``start`` on sits under heading ``title``."""
        title = " ".join(title.split())
        if title:
            self.sections.append((start, title[:200]))

    def mark(self) -> tuple[int, int]:
        """A position to read back from with ``text_since``."""
        return self.n, len(self.parts)

    def text_since(self, mark: tuple[int, int]) -> str:
        return "".join(self.parts[mark[1] :])

    def blocks(self) -> list[TextBlock]:
        """Split at blank lines and breaks; each block carries (line, column) of every character."""
        text = "".join(self.parts)
        src = self.src
        starts = np.fromiter((m.end() for m in re.finditer("\n", src)), dtype=np.int64, count=src.count("\n"))
        starts = np.concatenate((np.zeros(1, dtype=np.int64), starts))
        pos = np.frombuffer(self.pos, dtype=np.int64) if self.n else np.zeros(0, dtype=np.int64)
        cuts = sorted({0, self.n, *self.breaks})
        sec_at = [s for s, _ in self.sections]
        out = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            seg = a
            for m in [*_BLANK_RUN.finditer(text, a, b), None]:
                end = m.start() if m else b
                chunk = text[seg:end]
                stripped = chunk.strip()
                if stripped:
                    lo = seg + (len(chunk) - len(chunk.lstrip()))
                    hi = lo + len(stripped)
                    p = pos[lo:hi]
                    lines = np.searchsorted(starts, p, side="right")
                    cols = p - starts[lines - 1] + 1
                    offs = np.empty(2 * (hi - lo), dtype=np.int32)
                    offs[0::2] = lines
                    offs[1::2] = cols
                    k = bisect_right(sec_at, lo) - 1
                    section = self.sections[k][1] if k >= 0 else None
                    line_offsets = array("i")
                    line_offsets.frombytes(offs.tobytes())
                    out.append(
                        TextBlock(
                            stripped,
                            Location(line=int(lines[0]), column=int(cols[0]), section=section),
                            line_offsets=line_offsets,
                        )
                    )
                if m:
                    seg = m.end()
        return out


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces (newlines kept), so offsets do not move."""
    if not spans:
        return text
    parts = []
    pos = 0
    for a, b in spans:
        parts.append(text[pos:a])
        parts.append(re.sub(r"[^\n]", " ", text[a:b]))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


# ---------------------------------------------------------------- Markdown

_HTML_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.S)
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
# a closing run of '#' starts where a run of blanks starts, never inside one (else each blank of a long run
# would be tried as a start and scanned to the run's end)
_ATX_CLOSE = re.compile(r"(?<![ \t])[ \t]++#++[ \t]*+$|^#++[ \t]*+$")
_SETEXT = re.compile(r" {0,3}(=++|-++)[ \t]*+$")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*+\1){2,}+[ \t]*+$")
_TABLE_DELIM = re.compile(
    r"[ \t]*+\|?+[ \t]*+:?+-{2,}+:?+[ \t]*+(?:\|[ \t]*+:?+-{2,}+:?+[ \t]*+)*+\|?+[ \t]*+$"
)
_LINK_DEF = re.compile(r" {0,3}\[[^\]]++\]:[ \t]*+\S")
_CONTAINER = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?")
_INLINE = re.compile(
    r"""
    (?P<img>!\[(?P<alt>[^\[\]\n]*)\]\([^()\n]*\))
  | (?P<link>\[(?P<ltext>[^\[\]\n]*)\](?:\([^()\n]*\)|\[[^\[\]\n]*\]))
  | (?P<auto><(?:https?://|mailto:)[^>\s]+>)
  | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>)
  | (?P<esc>\\[\\`*_{}\[\]()#+\-.!|~<>])
  | (?P<ent>&(?:[A-Za-z][A-Za-z0-9]{1,10}|\#\d{1,7}|\#[xX][0-9A-Fa-f]{1,6});)
  | (?P<mark>\*+|~~|`+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9]))
  | (?P<pipe>\|)
""",
    re.X,
)


def _markdown(src: str) -> tuple[list[TextBlock], list[dict[str, Any]]]:
    comments = []
    spans = []
    line, counted = 1, 0
    for m in _HTML_COMMENT.finditer(src):
        line += src.count("\n", counted, m.start())
        counted = m.start()
        comments.append({"line": line, "text": m.group(1).strip()})
        spans.append((m.start(), m.end()))
    text = _blank(src, spans)
    out = _Builder(text)
    fence: str | None = None
    para: tuple[int, int] | None = None  # where the open paragraph began in the output
    offset = 0
    lines = text.split("\n")
    skip: set[int] = set()
    if lines and lines[0].strip() == "---":  # YAML front matter: keep the values, drop the fences
        close = next((k for k in range(1, min(len(lines), 200)) if lines[k].strip() in ("---", "...")), None)
        if close is not None:
            skip = {0, close}
    for n, line in enumerate(lines):
        start, offset = offset, offset + len(line) + 1
        if n in skip:
            line = ""
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
                out.brk()
            else:
                out.copy(start, start + len(line))
                out.put("\n", start + len(line))
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)
            out.brk()
            para = None
            continue
        if not line.strip():
            out.brk()
            para = None
            continue
        if para is not None and _SETEXT.match(line):
            out.section(para[0], out.text_since(para))
            out.brk()
            para = None
            continue
        if _RULE.match(line) or _TABLE_DELIM.match(line) or _LINK_DEF.match(line):
            continue
        m = _ATX.match(line)
        if m:
            out.brk()
            close = _ATX_CLOSE.search(line, m.end())
            head = out.mark()
            _md_inline(out, text, start + m.end(), start + (close.start() if close else len(line)))
            out.section(head[0], out.text_since(head))
            out.brk()
            para = None
            continue
        if para is None:
            para = out.mark()
        m = _CONTAINER.match(line)
        _md_inline(out, text, start + m.end(), start + len(line))
        out.put("\n", start + len(line))
    return out.blocks(), comments


def _md_inline(out: _Builder, text: str, i: int, j: int) -> None:
    """Emit ``text[i:j]`` without inline markup (link targets, emphasis, tags, escapes, entities)."""
    pos = i
    for m in _INLINE.finditer(text, i, j):
        out.copy(pos, m.start())
        if m.group("img") is not None:
            _md_inline(out, text, m.start("alt"), m.end("alt"))
        elif m.group("link") is not None:
            _md_inline(out, text, m.start("ltext"), m.end("ltext"))
        elif m.group("auto") is not None:
            out.copy(m.start() + 1, m.end() - 1)
        elif m.group("esc") is not None:
            out.copy(m.start() + 1, m.end())
        elif m.group("ent") is not None:
            out.put(html.unescape(m.group()), m.start())
        elif m.group("tag") is not None or m.group("pipe") is not None:
            before = text[m.start() - 1] if m.start() > i else " "
            after = text[m.end()] if m.end() < j else " "
            if not before.isspace() and not after.isspace():
                out.put(" ", m.start())
        pos = m.end()
    out.copy(pos, j)


# ---------------------------------------------------------------- LaTeX

_COMMAND = re.compile(r"\\(?:([A-Za-z@]+)\*?|(.))", re.S)
_PLAIN_RUN = re.compile(r"[^\\{}~&$%]+")
# Commands whose arguments are not prose: the number of brace arguments dropped (optional [..] args too).
_DROP_ARGS = {
    **dict.fromkeys(
        "cite citep citet citealp citealt citeauthor citeyear citenum nocite parencite textcite "
        "autocite footcite ref eqref autoref cref Cref pageref nameref vref label usepackage "
        "RequirePackage documentclass includegraphics bibliography bibliographystyle "
        "addbibresource input include includeonly vspace hspace pagestyle thispagestyle "
        "pagenumbering hypersetup geometry graphicspath color linespread bibitem theoremstyle "
        "captionsetup setmainfont setsansfont usetikzlibrary tikzset pgfplotsset cellcolor rowcolor "
        "columncolor cline enlargethispage IEEEmembership markboth specialpapernotice pdfbookmark".split(),
        1,
    ),
    **dict.fromkeys(
        "newcommand renewcommand providecommand setlength addtolength setcounter addtocounter "
        "newtheorem DeclareMathOperator fontsize rule".split(),
        2,
    ),
    **dict.fromkeys("newenvironment renewenvironment definecolor addcontentsline".split(), 3),
}
# Commands whose leading arguments are dropped and whose last argument is prose.
_KEEP_LAST = {
    "href": 1,
    "textcolor": 1,
    "colorbox": 1,
    "foreignlanguage": 1,
    "raisebox": 1,
    "resizebox": 2,
    "scalebox": 1,
    "parbox": 1,
    "multicolumn": 2,
    "multirow": 2,
    "newacronym": 1,
    "acrodef": 1,
    "fcolorbox": 2,
}
_SECTIONS = {"part", "chapter", "section", "subsection", "subsubsection", "paragraph", "subparagraph"}
_ASIDES = {"footnote", "footnotetext", "marginpar", "thanks", "caption", "todo"}
_WORDS = {
    "LaTeX": "LaTeX",
    "TeX": "TeX",
    "LaTeXe": "LaTeX2e",
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "i",
    "j": "j",
    "and": ", ",
    "quad": " ",
    "qquad": " ",
    "newline": " ",
    "linebreak": " ",
    "item": "",
    "dots": "...",
    "ldots": "...",
    "textendash": "–",
    "textemdash": "—",
    "copyright": "©",
    "euro": "€",
    "textasciitilde": "~",
    "textbackslash": "\\",
    "S": "§",
    "P": "¶",
    "pounds": "£",
}
_ACCENTS = {
    "'": "\u0301",
    '"': "\u0308",
    "`": "\u0300",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
}
_SYMBOLS = {
    "%": "%",
    "$": "$",
    "&": "&",
    "#": "#",
    "_": "_",
    "{": "{",
    "}": "}",
    "\\": " ",
    ",": " ",
    ";": " ",
    ":": " ",
    " ": " ",
    "\n": " ",
    "\t": " ",
    "-": "",
    "/": "",
    "!": "",
    "@": "",
    "(": "",
    ")": "",
    "[": "",
    "]": "",
    "|": "|",
}
_RAW_ENVS = {"verbatim", "verbatim*", "lstlisting", "minted", "Verbatim", "alltt"}
_SKIP_ENVS = {"comment", "tikzpicture", "filecontents", "filecontents*"}
_TABLE_ENVS = {
    "tabular": 1,
    "tabular*": 2,
    "tabularx": 2,
    "tabulary": 2,
    "longtable": 1,
    "array": 1,
    "supertabular": 1,
    "tabu": 1,
    "thebibliography": 1,
    "multicols": 1,
    "minipage": 1,
    "wrapfigure": 2,
}
# The optional argument stops at the next '[' too: an unclosed '[' is then scanned only up to the next
# command's, not to the end of the preamble once per command.
_PREAMBLE_TEXT = re.compile(r"\\(title|author)\s*+(?:\[[^\[\]]*+\]\s*+)?+\{")


def _latex(src: str) -> tuple[list[TextBlock], list[dict[str, Any]]]:
    comments, spans = [], []
    offset = 0
    for n, line in enumerate(src.split("\n"), 1):
        k = _comment_start(line)
        if k is not None:
            comments.append({"line": n, "text": line[k:].lstrip("%").strip()})
            spans.append((offset + k, offset + len(line)))
        offset += len(line) + 1
    text = _blank(src, spans)
    out = _Builder(text)
    scanner = _TexScanner(text, out)
    begin = re.search(r"\\begin\s*\{document\}", text)
    end = re.search(r"\\end\s*\{document\}", text)
    if begin:
        pos = 0
        while m := _PREAMBLE_TEXT.search(text, pos, begin.start()):
            close = scanner.group_end(m.end() - 1, begin.start())
            out.brk()
            scanner.scan(m.end(), close - 1)
            out.brk()
            pos = max(close, m.end())  # a title inside a title is read once, as part of the outer one
        body_start = begin.end()
    else:
        body_start = 0
    body_end = end.start() if end and end.start() >= body_start else len(text)
    scanner.scan(body_start, body_end)
    return out.blocks(), comments


def _comment_start(line: str) -> int | None:
    """Index of the ``%`` that starts a comment on this line (an escaped ``\\%`` does not)."""
    k = line.find("%")
    while k != -1:
        slashes = 0
        while k - slashes - 1 >= 0 and line[k - slashes - 1] == "\\":
            slashes += 1
        if slashes % 2 == 0:
            return k
        k = line.find("%", k + 1)
    return None


class _TexScanner:
    """Walks LaTeX source, emitting prose and dropping markup."""

    MAX_DEPTH = 40  # nested titles/notes deeper than this are read flat instead of recursively

    def __init__(self, text: str, out: _Builder):
        self.t = text
        self.out = out
        self.depth = 0

    def group_end(self, i: int, limit: int) -> int:
        """Offset just past the group opened at ``t[i]`` ('{' or '['); ``limit`` when it is not closed."""
        t = self.t
        open_, close = t[i], "}" if t[i] == "{" else "]"
        depth = 0
        k = i
        while k < limit:
            c = t[k]
            if c == "\\":
                k += 2
                continue
            if c == open_:
                depth += 1
            elif c == close:
                depth -= 1
                if depth == 0:
                    return k + 1
            k += 1
        return limit

    def skip_space(self, i: int, limit: int) -> int:
        t = self.t
        while i < limit and t[i] in " \t\n":
            i += 1
        return i

    def skip_args(self, i: int, limit: int, count: int) -> int:
        """Offset after ``count`` arguments (brace groups or single tokens), and any [..] among them."""
        t = self.t
        i = self.skip_optional(i, limit)
        for _ in range(count):
            i = self.skip_optional(self.skip_space(i, limit), limit)
            if i >= limit:
                return limit
            if t[i] == "{":
                i = self.group_end(i, limit)
            elif t[i] == "\\":
                m = _COMMAND.match(t, i)
                i = m.end() if m else i + 1
            else:
                i += 1
            i = self.skip_optional(i, limit)
        return i

    def skip_optional(self, i: int, limit: int) -> int:
        t = self.t
        while i < limit and t[i] == "[":
            i = self.group_end(i, limit)
        return i

    def scan(self, i: int, limit: int) -> None:
        self.depth += 1
        try:
            self._scan(i, limit)
        finally:
            self.depth -= 1

    def _scan(self, i: int, limit: int) -> None:
        t, out = self.t, self.out
        while i < limit:
            c = t[i]
            if c == "\\":
                i = self.command(i, limit)
            elif c in "{}$":
                if c == "}" and i + 1 < limit and t[i + 1] == "{":  # \cmd{a}{b}: keep "a b" apart
                    out.put(" ", i)
                i += 1
            elif c in "~&":
                out.put(" ", i)
                i += 1
            else:
                m = _PLAIN_RUN.match(t, i, limit)
                j = m.end() if m else i + 1
                out.copy(i, j)
                i = j

    def command(self, i: int, limit: int) -> int:  # noqa: C901 - one case per kind of LaTeX command
        """Handle the control sequence at ``t[i]``; return the offset after it and its dropped arguments."""
        t, out = self.t, self.out
        m = _COMMAND.match(t, i, limit)
        if m is None:
            return i + 1
        name, symbol = m.group(1), m.group(2)
        j = m.end()
        if symbol is not None:
            if symbol in _ACCENTS:
                return self.accent(symbol, i, j, limit)
            if symbol == "\\":
                out.put(" ", i)
                return self.skip_optional(j, limit)
            if symbol in "([])":
                return j
            rep = _SYMBOLS.get(symbol, "")
            if rep and rep not in " |":
                out.copy(i + 1, j)
            else:
                out.put(rep, i)
            return j
        if name in ("begin", "end"):
            return self.environment(name, i, j, limit)
        if self.depth > self.MAX_DEPTH:
            return j
        if name in _DROP_ARGS:
            return self.skip_args(j, limit, _DROP_ARGS[name])
        if name == "def":
            k = self.skip_args(j, limit, 1)
            while k < limit and t[k] != "{":
                k += 1
            return self.group_end(k, limit) if k < limit else limit
        if name in _KEEP_LAST:
            return self.skip_args(j, limit, _KEEP_LAST[name])
        if name in _SECTIONS:
            k = self.skip_space(self.skip_optional(j, limit), limit)
            out.brk()
            if k < limit and t[k] == "{":
                end = self.group_end(k, limit)
                head = out.mark()
                self.scan(k + 1, end - 1 if t[end - 1] == "}" else end)
                out.section(head[0], out.text_since(head))
                out.brk()
                return end
            return k
        if name in _ASIDES:
            k = self.skip_space(self.skip_optional(j, limit), limit)
            if k < limit and t[k] == "{":
                end = self.group_end(k, limit)
                out.put(" ", i)
                self.scan(k + 1, end - 1 if t[end - 1] == "}" else end)
                out.put(" ", end - 1)
                return end
            return j
        if name == "item":
            out.brk()
            if j < limit and t[j] == "[":  # \item[label]: keep the label's words, not its brackets
                end = self.group_end(j, limit)
                self.scan(j + 1, end - 1 if t[end - 1] == "]" else end)
                if end < limit and not t[end].isspace():
                    out.put(" ", end - 1)
                return end
            return j
        if name == "verb":
            if j < limit:
                close = t.find(t[j], j + 1, limit)
                close = limit if close == -1 else close
                out.copy(j + 1, close)
                return close + 1
            return j
        if name in _ACCENTS:
            return self.accent(name, i, j, limit)
        word = _WORDS.get(name)
        if word:
            if word == name:
                out.copy(i + 1, j)
            else:
                out.put(word, i)
            if j < limit and t[j] == "{" and j + 1 < limit and t[j + 1] == "}":
                return j + 2
            return j
        return self.skip_optional(j, limit)

    def accent(self, mark: str, i: int, j: int, limit: int) -> int:
        """``\\'e`` or ``\\'{e}`` -> é, mapped to the letter's position."""
        t = self.t
        k = self.skip_space(j, limit) if mark.isalpha() else j
        if k < limit and t[k] == "{":
            end = self.group_end(k, limit)
            inner = t[k + 1 : end - 1].strip()
            at = k + 1
        else:
            end = k + 1
            inner = t[k:end]
            at = k
        if inner.startswith("\\"):
            inner = _WORDS.get(inner[1:].strip(), inner[1:2])
        if inner:
            composed = unicodedata.normalize("NFC", inner[0] + _ACCENTS[mark])
            self.out.put(composed if len(composed) == 1 else inner[0], at)
        return end

    def environment(self, name: str, i: int, j: int, limit: int) -> int:
        """``\\begin{env}``/``\\end{env}``: drop the name (and a table's column spec), break the paragraph."""
        t, out = self.t, self.out
        k = self.skip_space(j, limit)
        if k >= limit or t[k] != "{":
            return k
        end = self.group_end(k, limit)
        env = t[k + 1 : end - 1].strip()
        out.brk()
        if name == "end":
            return end
        if env in _RAW_ENVS or env in _SKIP_ENVS:
            m = re.compile(r"\\end\s*\{" + re.escape(env) + r"\}").search(t, end, limit)
            stop = m.start() if m else limit
            if env in _RAW_ENVS:
                body = self.skip_optional(end, stop)
                out.copy(body, stop)
                out.brk()
            return m.end() if m else limit
        end = self.skip_optional(end, limit)
        if env in _TABLE_ENVS:
            end = self.skip_args(end, limit, _TABLE_ENVS[env])
        return end
