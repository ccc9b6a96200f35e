"""Every regex the pattern packs run on document text stays linear on hostile input.

The packs (``patterns/*.yaml``) are data anyone may extend, so their regexes are audited like code: each is run
on generic adversarial texts (long runs of blanks, of one letter, of a repeated word or clause phrase, of
punctuation, of digits and dots) of about 20,000 characters; a regex that takes long there is timed again at
four times the size and fails when the time grows more than 8-fold (quadratic growth is 16-fold). No absolute
time decides a failure: a slow machine only makes more regexes go through the growth check.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from grantscan.knowledge.loader import load_yaml
from grantscan.knowledge.resources import patterns_dir

SIZE = 20_000
SUSPECT = 0.02  # seconds at SIZE before a regex is timed again at 4 x SIZE
RATIO = 8.0
UNITS = [
    " ",
    "a",
    "a ",
    "the ",
    "shall ",
    "party shall not ",
    "1.",
    "(",
    "- ",
    ".\n",
    "Section 1 ",
    "no, ",
    "☐ ",
]


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def _pack_regexes() -> list[tuple[str, str]]:
    """(file, pattern) of every regex in the packs that hold regexes (clauses, declarations, context cues)."""
    out = []
    for path in sorted(patterns_dir().glob("*.yaml")):
        data = load_yaml(path)
        if path.name not in (
            "clauses.yaml",
            "declarations.yaml",
            "context.yaml",
            "firs.yaml",
            "doctype.yaml",
        ):
            continue
        for s in _strings(data):
            if any(ch in s for ch in "\\[](|?*+{") and len(s) > 3:
                try:
                    re.compile(s, re.I)
                except re.error:
                    continue  # a phrase with brackets, not a regex
                out.append((path.name, s))
    return out


def _time(rx: re.Pattern[str], text: str) -> float:
    t = time.perf_counter()
    rx.search(text)
    for _ in rx.finditer(text):
        pass
    return time.perf_counter() - t


def test_pack_regexes_are_found() -> None:
    found = _pack_regexes()
    assert len(found) > 200 and {f for f, _ in found} >= {"clauses.yaml", "declarations.yaml"}


def test_every_pack_regex_is_linear_on_hostile_text() -> None:
    slow = []
    texts = {u: (u * (SIZE // len(u) + 1))[:SIZE] for u in UNITS}
    for name, pattern in _pack_regexes():
        rx = re.compile(pattern, re.I)
        for unit, text in texts.items():
            if _time(rx, text) < SUSPECT:
                continue
            big = (unit * (4 * SIZE // len(unit) + 1))[: 4 * SIZE]
            # a growth seen once is measured again with more runs: a busy machine can slow one timing down,
            # a super-linear regex grows every time
            for runs in (2, 5):
                t1 = min(_time(rx, text) for _ in range(runs))
                t4 = min(_time(rx, big) for _ in range(runs))
                if t1 < SUSPECT or t4 <= RATIO * t1:
                    break
            else:
                slow.append(f"{name}: {pattern[:80]!r} on {unit!r}: x{t4 / t1:.1f}")
    assert not slow, "super-linear pack regexes:\n" + "\n".join(slow)
