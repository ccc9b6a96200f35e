"""Clause sections: the heading or clause number a sentence sits under ("7.2 Export Control").

A heading is read from a line ("7.2 Export Control", "Article 9. Governing Law") or from a whole short block
("Governing Law"); it tells the matcher which clause kind a sentence under it belongs to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_WS = re.compile(r"\s+")


# "7.2 Export Control", "Article 9. Governing Law", "Section 5: Liability", "## 4. Confidentiality",
# CommonAccord keys "11.7.Ti=Applicable law" / "11.7.sec=...".
_HEADING_LINE = re.compile(
    r"^[#>*\s]*(?P<label>(?:(?:article|section|clause|schedule|annex)\s*[0-9IVXivx]+(?:\.\d+)*"
    r"|\d{1,2}(?:\.\d{1,2}){0,4}|§+\s*[0-9IVX]+(?:\.\d+)*|(?-i:[IVX]{1,5})(?=[.)]\s))(?!\d)\.?)"
    r"(?:\.(?:ti|sec)=)?[\s:.\-–—)]*(?P<title>[^\n]*)$",
    re.I,
)
_VERB = re.compile(r"\b(?:shall|will|must|may|is|are|has|have|was|were|be)\b", re.I)
_FIELD_LABELS = {
    "title",
    "name",
    "date",
    "signature",
    "signed",
    "address",
    "email",
    "e-mail",
    "by",
    "for",
    "place",
    "position",
    "witness",
    "telephone",
    "phone",
    "and",
    "between",
}
# a title alone on its line, also in markdown emphasis or with a colon ("**Governing Law**", "DATA PROTECTION:")
_TITLE_ONLY = re.compile(r"^[#*_\s]*(?P<title>[A-Z][A-Za-z ,&/'’-]{2,60}?)[*_\s]*:?[*_\s]*$")
_KIND_NUMBER = re.compile(r"(?i)^(article|section|clause|schedule|annex)(?=\d)")  # "Article9" -> "Article 9"
_LEADER = re.compile(r"(?<!\s)\s*+(?:\.{3,}+|…++).*$")  # table-of-contents dots and what follows
_KIND_COLON = re.compile(r"(?i)^(?:article|section|clause)\s*:\s*")
_TITLE_END = re.compile(r"[:.]\s|\.(?=[A-Z])|\.$")


def heading_of_line(line: str) -> str | None:
    """The heading a line opens ('7.2 Export Control', '9'), or None."""
    s = line.strip()
    if not s or len(s) > 400:
        return None
    return _heading_of_stripped(s)


@lru_cache(maxsize=8192)
def _heading_of_stripped(s: str) -> str | None:
    """``heading_of_line`` of a stripped line (cached: a block's first line is asked for up to three
    times, and short headings recur)."""
    m = _HEADING_LINE.match(s)
    if not m:
        return None
    label = _WS.sub(" ", m.group("label")).strip().rstrip(".")
    label = _KIND_NUMBER.sub(r"\1 ", label)
    title = _LEADER.sub("", m.group("title")).strip()
    if "=" in title[:12]:  # CommonAccord "Alt1.sec=..." and similar keys
        title = title.split("=", 1)[1]
    if label.isdigit() and title[:1].islower():  # "12 months after ...": a number, not a clause
        return None
    title = _KIND_COLON.sub("", title)
    if not title:
        return label
    head = _TITLE_END.split(title, maxsplit=1)[0].strip()
    if (
        len(head) <= 60
        and len(head.split()) <= 7
        and head[:1].isupper()
        and not _VERB.search(head)
        and (head != title or len(title) <= 60)
    ):
        return f"{label} {head}"
    run_in = _run_in_title(head) if len(head) > 60 or len(head.split()) > 7 else None
    return f"{label} {run_in}" if run_in else label


def _run_in_title(line: str) -> str | None:
    """The title words opening a numbered line whose body follows on the same line without a stop, as
    extraction joins them ("Data Rights and Ownership of Deliverables 18F intends that ...", "Confidentiality
    (a) Each Party ..."): a run of two to seven capitalised and small words that ends where a token opens with
    no letter. A run that ends at a lower-case word is the subject of a sentence ("Access Rights shall be
    granted"), not a title."""
    words = line.split()
    run: list[str] = []
    for w in words[:9]:
        if not w[:1].isalpha():
            if run:
                break
            return None
        bare = w.strip(_TITLE_PUNCT)
        if bare[:1].isupper() or (run and bare.lower() in _SMALL_WORDS):
            run.append(w)
            continue
        return None
    else:
        return None
    while run and run[-1].strip(_TITLE_PUNCT).lower() in _SMALL_WORDS:
        run.pop()
    if run and run[0].strip(_TITLE_PUNCT).lower() in _SENTENCE_OPENERS:
        return None  # "In Attachment 1 ...", "Each Party ...": a sentence, not a title
    if not 2 <= len(run) <= 7 or _VERB.search(" ".join(run)) or "=" in "".join(run):
        return None
    return " ".join(run)


def section_at(text: str, pos: int) -> str | None:
    """The nearest clause heading or number before ``pos`` in ``text``."""
    start = text.rfind("\n", 0, pos) + 1
    while True:
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)]
        h = heading_of_line(line)
        if h:
            return h
        if start == 0:
            return None
        start = text.rfind("\n", 0, start - 1) + 1


# The start of every line that ``heading_of_line`` can take for a heading (white space other than a line
# break, then what _HEADING_LINE needs first): other lines are not looked at.
_LINE_HEAD = re.compile(
    r"^(?:[#>*]|[^\S\n])*(?:article|section|clause|schedule|annex|\d|§|(?-i:[IVX]{1,5}[.)]))", re.I | re.M
)


class Sections:
    """Clause headings of one block by position (``section_at`` for many offsets), built on first use:
    most blocks have no sentence that matches a rule."""

    def __init__(self, text: str):
        self._text: str | None = text
        self.starts: list[int] = []
        self.headings: list[str] = []

    def _build(self, text: str) -> None:
        for m in _LINE_HEAD.finditer(text):
            start = m.start()
            end = text.find("\n", start)
            h = heading_of_line(text[start : end if end >= 0 else len(text)])
            if h:
                self.starts.append(start)
                self.headings.append(h)

    def at(self, pos: int) -> str | None:
        found = self.find(pos)
        return found[1] if found else None

    def find(self, pos: int) -> tuple[int, str] | None:
        """(start, heading) of the nearest heading line before ``pos``."""
        if self._text is not None:
            self._build(self._text)
            self._text = None
        i = bisect_right(self.starts, pos) - 1
        return (self.starts[i], self.headings[i]) if i >= 0 else None


def block_heading(text: str) -> str | None:
    """A heading carried by a whole short block ('Governing Law', '11. Miscellaneous')."""
    s = text.strip()
    if not s or len(s) > 120 or "\n" in s:
        return None
    h = heading_of_line(s)
    if h:
        # "4. Governing law. This Agreement is governed by ..." is a clause that carries its heading
        rest = _LEADER.sub("", _HEADING_LINE.match(s).group("title"))
        return h if len(rest.split()) <= 8 and not _VERB.search(rest) else None
    m = _TITLE_ONLY.match(s)
    if not m or m.group("title").strip().lower() in _FIELD_LABELS:
        return None
    title = m.group("title").strip()
    if s.rstrip("*_ ").endswith(":") and any(
        not w[:1].isupper() and w.lower() not in _SMALL_WORDS for w in title.split()
    ):
        return None  # "Required report information includes:" leads into a list; it is no title
    return title


_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "or",
    "of",
    "the",
    "to",
    "for",
    "in",
    "on",
    "by",
    "with",
    "at",
    "from",
    "as",
    "per",
}
_TITLE_PUNCT = ",;&()'’\"“”-/"
_SENTENCE_OPENERS = _SMALL_WORDS | {
    "each",
    "any",
    "all",
    "no",
    "nothing",
    "if",
    "where",
    "when",
    "during",
    "upon",
    "this",
    "these",
    "that",
    "such",
    "neither",
    "either",
    "subject",
    "unless",
    "notwithstanding",
}


# "Copyright Notice: The software is owned by ...": a title ended by a colon, its body on the same line
_COLON_TITLE = re.compile(r"^\W{0,3}(?P<title>[A-Z][^:\n]{1,60}?)\s*:\s+(?=\S)")


def colon_title(sentence: str) -> str | None:
    """The title a sentence opens with before a colon ("Copyright Notice: The software ..."), or None."""
    m = _COLON_TITLE.match(sentence)
    return inline_title(m.group("title") + ".") if m else None


def inline_title(sentence: str) -> str | None:
    """The title a block opens with as a sentence of its own ("Ownership.", "Feedback and Usage Data."), or
    None: a few capitalised words and a full stop, without a verb."""
    s = sentence.strip()
    if not s.endswith(".") or len(s) > 80 or _VERB.search(s):
        return None
    words = [w.strip(_TITLE_PUNCT) for w in s[:-1].split()]
    words = [w for w in words if w]
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper():
        return None
    if any(not w[:1].isupper() and w.lower() not in _SMALL_WORDS for w in words):
        return None
    return s[:-1].strip()
