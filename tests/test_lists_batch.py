"""Fuzzy list matching scores all candidates in one rapidfuzz call; the results must be those of scoring each
candidate on its own (``ScreeningLists._score``), including scores on the threshold and ties."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from grantscan.detect.lists import ListEntry, ScreeningLists, load_lists, normalise_name, sort_key

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

NAMES = [
    "Northwind Photonics Institute",
    "Northwind Photonics Institute of Technology",
    "Acme Quantum Devices",
    "Acme Quantum Device Works",
    "Harbour Engineering Academy",
    "Harbor Engineering Academy",
    "Volga Avionics Research Bureau",
    "Volga Avionic Research Bureau",
    "Sunrise Optics Laboratory",
    "Abcdefghij",
]


def _one_by_one(lists: ScreeningLists, text: str, threshold: float) -> list[tuple[str, float]]:
    """The matching rule written out candidate by candidate."""
    norm = normalise_name(text)
    if not norm:
        return []
    found: dict[int, tuple[float, str]] = {i: (1.0, raw) for i, raw in lists._exact.get(sort_key(norm), ())}
    words = norm.split()
    if not found and len(norm) >= 5 and (len(words) > 1 or len(norm) >= 8):
        for idx in lists._candidates(norm):
            i, raw, cand = lists._names[idx]
            score = lists._score(norm, cand)
            if score >= threshold and score > found.get(i, (0.0, ""))[0]:
                found[i] = (score, raw)
    out, seen = [], set()
    for i, (score, _) in sorted(found.items(), key=lambda kv: -kv[1][0]):
        e = lists.entries[i]
        if (e.list_id, e.name) not in seen:
            seen.add((e.list_id, e.name))
            out.append((e.name, round(score, 3)))
    return out


def _typos(rng: random.Random, name: str) -> str:
    chars = list(name)
    for _ in range(rng.randint(0, 3)):
        k = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.3:
            del chars[k]
        elif op < 0.6:
            chars.insert(k, rng.choice("aeiourst "))
        else:
            chars[k] = rng.choice("aeiourst")
    return "".join(chars) + rng.choice(["", "", " Ltd", " University", " of Science"])


def test_batch_scores_equal_single_scores() -> None:
    lists = ScreeningLists([ListEntry("demo", "Demo", None, n, aliases=[n.upper()]) for n in NAMES])
    rng = random.Random(11)
    queries = [_typos(rng, rng.choice(NAMES)) for _ in range(600)]
    hits = 0
    for threshold in (0.9, 0.8, 0.95):
        for q in queries:
            got = [(m.entry, m.score) for m in lists.match(q, threshold)]
            assert got == _one_by_one(lists, q, threshold), q
            hits += bool(got)
    assert hits > 300  # the queries do reach the fuzzy path


def test_a_score_exactly_on_the_threshold_is_kept() -> None:
    # one changed letter in ten characters: token_sort_ratio 90.0 -> score 0.9, on the default threshold
    lists = ScreeningLists([ListEntry("demo", "Demo", None, "Abcd Zorro")])
    assert lists._score("abcx zorro", "abcd zorro") == 0.9
    [m] = lists.match("Abcx Zorro", 0.9)
    assert (m.entry, m.score) == ("Abcd Zorro", 0.9)


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data not present")
def test_batch_scores_equal_single_scores_on_the_real_lists() -> None:
    lists = load_lists(SHARED_DATA)
    rng = random.Random(5)
    pool = [e.name for e in lists.entries if e.list_id in ("china-defence-universities", "bis-entity-list")]
    for q in [_typos(rng, rng.choice(pool)) for _ in range(150)]:
        assert [(m.entry, m.score) for m in lists.match(q)] == _one_by_one(lists, q, 0.9), json.dumps(q)
