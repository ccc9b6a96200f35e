"""What screening decides at all, and that the faster forms decide as the definitions do: seed runs of one
everyday word are not read, and span scoring reads each name's words as decided once per name (checked
against the earlier per-word form on generated spans)."""

from __future__ import annotations

import hashlib
import random

import pytest
from spacy.attrs import ORTH

from grantscan.detect.partners import screening
from grantscan.detect.partners.screening import WORD_SIMILARITY, Name, word_similarity
from grantscan.pipeline import Scanner


def _scored(scanner: Scanner, monkeypatch, text: str) -> list[str]:  # noqa: ANN001
    index = scanner.detector.partners.screen
    index._span_cache.clear()
    index._block_cache.clear()
    index._block_seeds.clear()
    scanner.detector.partners._seed_run_cache.clear()
    scored: list[str] = []
    real = index.score_span
    monkeypatch.setattr(index, "score_span", lambda t, threshold=None: scored.append(t) or real(t, threshold))
    scanner.scan_text(text)
    monkeypatch.undo()
    return scored


# -- seed runs -------------------------------------------------------------------------------------------------


def test_a_run_of_everyday_listed_words_of_no_one_name_is_not_read_for_a_listed_name(scanner, monkeypatch):
    """'Consortium' and 'Project' are distinctive words of listed names and everyday words, and no listed name
    holds both: a heading holding only them is not scored; the same run read by the rule before (every seed
    makes a run) is."""
    index = scanner.detector.partners.screen
    assert index.is_seed("Consortium") and index.is_seed("Project")
    assert {"consortium", "project"} <= index.common and not index.together(["project", "consortium"])
    text = "The Consortium Agreement and the Project Consortium Agreement are signed by all parties."
    scored = _scored(scanner, monkeypatch, text)
    assert "Consortium Agreement" not in scored and "Project Consortium Agreement" not in scored
    monkeypatch.setattr(type(scanner.detector.partners), "_seeded", lambda self, t, seeds, rs, re_: True)
    scored = _scored(scanner, monkeypatch, text)
    assert "Consortium Agreement" in scored and "Project Consortium Agreement" in scored


def test_a_run_of_two_everyday_words_of_one_listed_name_or_a_rarer_word_is_read(scanner, monkeypatch):
    """'Metal' and 'Ceramic' are everyday words of one listed name: together they still make the run that body
    is found by ('Plant of Metal Ceramic Instruments, Ryazan'); one word no everyday text uses ('Sukhoi') makes
    one alone."""
    assert scanner.detector.partners.screen.together(["metal", "ceramic"])
    text = "Samples come from the Plant of Metal Ceramic Instruments, Ryazan, under contract."
    assert "Plant of Metal Ceramic Instruments" in _scored(scanner, monkeypatch, text)
    found = [f for f in scanner.scan_text(text).findings if f.lists]
    assert any(
        f.severity == "high" and any(m.entry_id == "EL-2311" and m.status == "designated" for m in f.lists)
        for f in found
    )
    assert "Bureau of Sukhoi Design" in _scored(scanner, monkeypatch, "We met the Bureau of Sukhoi Design.")


def _variants(rng: random.Random, raw: str) -> list[str]:
    """A listed name as written, reordered, with a letter dropped or two swapped in its longest word."""
    words = raw.split()
    out = [raw, " ".join(words[::-1])]
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    w = words[longest]
    if len(w) >= 6:
        i = rng.randrange(1, len(w) - 2)
        out.append(" ".join([*words[:longest], w[:i] + w[i + 1 :], *words[longest + 1 :]]))
        out.append(" ".join([*words[:longest], w[:i] + w[i + 1] + w[i] + w[i + 2 :], *words[longest + 1 :]]))
    return out


_HEADINGS = [
    "Consortium Agreement",
    "Grant Agreement",
    "Data Management Plan",
    "Project Number",
    "Research and Innovation",
    "Executive Board",
    "Software Development",
]


def _listed(findings) -> list[tuple]:  # noqa: ANN001
    return sorted(
        (f.text, f.severity, tuple((m.entry_id, m.status, m.score) for m in f.lists))
        for f in findings
        if f.lists
    )


def _fresh_caches(index, scanner: Scanner | None = None) -> None:  # noqa: ANN001
    """Empty the index's caches, and the seed runs ``scanner``'s partner detector keeps per block, so that a
    scan decides everything again under the rules a test put in place."""
    if scanner is not None:
        scanner.detector.partners._seed_run_cache.clear()
    for cache in (
        index._span_cache,
        index._block_cache,
        index._block_seeds,
        index._written_cache,
        index._near_cache,
        index._typo_cache,
        index._seed_cache,
        index._kinds,
        index._typo_words,
        index._first_marked,
        index._first_typos,
    ):
        cache.clear()


def _sampled(raws: list[str]) -> list[str]:
    """The listed names (about 60 of 10,200) whose text's SHA-1 falls below a fixed bound: whether a name is
    sampled depends on its own text alone, so names added to or taken from the index change no other name's
    place in the sample (a draw from the list of names would redraw all of them)."""
    return [r for r in raws if int(hashlib.sha1(r.encode()).hexdigest()[:4], 16) < 0x0166]


def test_everyday_words_read_as_spelt_and_their_runs_change_no_finding_on_generated_texts(
    scanner, monkeypatch
):
    """Generated texts mixing listed names (as listed, reordered, with a typo) with everyday headings and
    everyday capitalised words: the findings are those of the rules before, where every seed made a run and an
    everyday word was also read as a listed word with a typo."""
    index = scanner.detector.partners.screen
    raws = sorted(
        {
            index.raws[k]
            for k in range(len(index.names))
            if not index.name_flags[k] & 1 and not index.generic(k) and 2 <= len(index.raws[k].split()) <= 6
        }
    )
    texts = []
    for raw in _sampled(raws):
        rng = random.Random(raw)  # each name's variants and headings from its own text
        for v in _variants(rng, raw):
            a, b = rng.sample(_HEADINGS, 2)
            texts.append(f"Under the {a}, Partner 3 is {v}. The {b} covers Data and Software.")
    _fresh_caches(index, scanner)
    new = [_listed(scanner.scan_text(t).findings) for t in texts]
    monkeypatch.setattr(type(scanner.detector.partners), "_seeded", lambda self, t, seeds, rs, re_: True)
    monkeypatch.setattr(index, "_as_spelt", lambda word: False)
    _fresh_caches(index, scanner)
    old = [_listed(scanner.scan_text(t).findings) for t in texts]
    monkeypatch.undo()
    _fresh_caches(index, scanner)
    assert sum(bool(x) for x in old) > len(texts) // 2  # the texts do name listed bodies
    assert [(t, a, b) for t, a, b in zip(texts, new, old, strict=True) if a != b] == []


def test_an_everyday_word_finds_no_listed_word_through_a_typo(scanner):
    """'Grant' (everyday) stands for the listed word 'grant' alone, not for 'Granit' one letter away, in span
    scoring and in the walk after a name's start; 'Granitt' (no everyday word) is read as 'Granit'."""
    index = scanner.detector.partners.screen
    _fresh_caches(index, scanner)
    granit = index._key_id["granit"]
    assert "grant" in index.common and "granitt" not in index.common and index.distinctive("granit")
    assert granit not in index._written_as("grant", "grant")[0]
    assert granit in index._written_as("granitt", screening.canon("granitt"))[0]
    assert "granit" not in {index.vocab[v] for v in index._near("grant", "grant")}
    assert "granit" in {index.vocab[v] for v in index._near("granitt", screening.canon("granitt"))}


# -- span scoring reads each name's words once ---------------------------------------------------------------------


def _plausible_per_word(index, cand, words, keys):  # noqa: ANN001, ANN202
    """The definition ``_plausible`` had before the names' words were classed once per name."""
    held = set(keys)
    lax = index.generic_keys | index.type_keys | index.place_keys
    present: dict[str, bool] = {}
    out = []
    for k in cand:
        if index._generic_now[k]:
            continue
        nm = index.names[k]
        for word, key in zip(nm.words, nm.keys, strict=True):
            if key in lax or key in held or len(key) == 1:
                continue
            got = present.get(word)
            if got is None:
                got = present[word] = any(
                    word_similarity(w, sk, word, key) >= WORD_SIMILARITY
                    for w, sk in zip(words, keys, strict=True)
                )
            if not got:
                break
        else:
            out.append(k)
    return out


def _similarity_per_word(index, words, span, nm: Name, legal=False):  # noqa: ANN001, ANN202
    """The definition ``_similarity`` had before the names' words were classed once per name."""
    used: set[int] = set()
    num = den = 0.0
    type_mismatch = False
    idf = index.idf
    same = 0
    place_missing = specific = False
    for word, key in zip(nm.words, nm.keys, strict=True):
        w = idf.get(key, index.max_idf)
        den += w
        best, best_j = 0.0, -1
        if key in span:
            best_j = next((j for j, sk in enumerate(span) if sk == key and j not in used), -1)
            best = 1.0 if best_j >= 0 else 0.0
        if best_j < 0:
            for j, sk in enumerate(span):
                if j in used:
                    continue
                r = word_similarity(words[j], sk, word, key)
                if r >= WORD_SIMILARITY and r > best:
                    best, best_j = r, j
        if best_j >= 0:
            used.add(best_j)
            same += best == 1.0
            specific = specific or not (
                key in index.generic_keys or key in index.type_keys or key in index.place_keys
            )
        elif key in index.type_keys:
            type_mismatch = True
        elif key in index.place_keys or len(key) == 1:
            place_missing = True
            den -= w * (1.0 - screening.PLACE_WEIGHT)
        elif key not in index.generic_keys:
            return 0.0
        num += w * best
    if place_missing and not specific:
        return 0.0
    extra = sum(
        idf.get(sk, 0.5 * index.max_idf) * (0.5 if sk in index.generic_keys else 1.0)
        for j, sk in enumerate(span)
        if j not in used and len(sk) > 1
    )
    type_mismatch = type_mismatch or any(sk in index.type_keys for j, sk in enumerate(span) if j not in used)
    if type_mismatch:
        num *= 0.85
    if not same and len(used) < 2 and all(len(w) < (5 if legal else 8) for w in nm.words):
        return 0.0
    return num / (den + screening.EXTRA_WEIGHT * extra) if den else 0.0


_EVERYDAY = [
    "consortium",
    "project",
    "data",
    "software",
    "board",
    "university",
    "of",
    "beijing",
    "institute",
    "a",
]


def _mutated(rng: random.Random, words: tuple[str, ...], pool: list[str]) -> tuple[str, ...]:
    out = list(words)
    for _ in range(rng.randrange(4)):
        op = rng.randrange(5)
        i = rng.randrange(len(out)) if out else 0
        if op == 0 and len(out) > 1:
            del out[i]  # a word left out
        elif op == 1 and out and len(out[i]) >= 5:
            j = rng.randrange(1, len(out[i]) - 1)
            out[i] = out[i][:j] + out[i][j + 1 :]  # a letter dropped
        elif op == 2 and out and len(out[i]) >= 5:
            j = rng.randrange(len(out[i]) - 1)
            out[i] = out[i][:j] + out[i][j + 1] + out[i][j] + out[i][j + 2 :]  # two letters swapped
        elif op == 3:
            out.insert(rng.randrange(len(out) + 1), rng.choice(_EVERYDAY))
        else:
            out.insert(rng.randrange(len(out) + 1), rng.choice(pool))  # a word of another listed name
    return tuple(out) or words


def test_span_scoring_by_per_name_terms_is_the_per_word_definition_on_generated_spans(scanner):
    index = scanner.detector.partners.screen
    rng = random.Random(7)
    ks = [k for k in range(len(index.names)) if not index.name_flags[k] & 1]
    pool = [w for w in index.vocab if len(w) >= 4]
    checked = scored = 0
    for _ in range(400):
        k = rng.choice(ks)
        words = _mutated(rng, index.names[k].words, pool)
        keys = [screening.canon(w) for w in words]
        cand = sorted({k, *rng.sample(ks, 8)})
        assert index._plausible(cand, words, keys) == _plausible_per_word(index, cand, words, keys)
        for c in cand:
            for legal in (False, True):
                got = index._similarity(words, keys, index.names[c], legal)
                assert got == _similarity_per_word(index, words, keys, index.names[c], legal), (words, c)
                checked += 1
                scored += got > 0
    assert scored > 100 and checked > scored  # the spans score some names and not others


# -- the walk runs only where a listed name can follow ----------------------------------------------------------------


def _mixed_texts(index, rng: random.Random, n: int) -> list[str]:  # noqa: ANN001
    """Generated sentences mixing listed names (as listed, reversed, with a letter dropped or two swapped),
    everyday capitalised words, connecting words and punctuation."""
    ks = [
        k for k in range(len(index.names)) if not index.name_flags[k] & 1 and len(index.raws[k].split()) <= 7
    ]
    everyday = sorted(w.capitalize() for w in index.common if w.isalpha() and len(w) >= 3)
    glue = ["of", "the", "and", ",", "-", "(", ")", ".", ";", "for", "&"]
    texts = []
    for _ in range(n):
        parts: list[str] = []
        for _ in range(rng.randrange(2, 6)):
            r = rng.random()
            if r < 0.45:
                parts.append(rng.choice(_variants(rng, index.raws[rng.choice(ks)])))
            elif r < 0.8:
                parts.append(" ".join(rng.sample(everyday, rng.randrange(1, 4))))
            else:
                parts.append(rng.choice(_HEADINGS))
            parts.append(rng.choice(glue))
        texts.append("We work with " + " ".join(parts) + " on the project.")
    return texts


def test_starts_passed_over_by_the_array_check_are_those_whose_walk_finds_no_name(scanner, monkeypatch):
    """The walk from every token that can start a name (the rule before) and the walk from the starts the array
    check keeps find the same hits, block by block, and the same findings, on generated texts; and the check
    passes most starts over."""
    index = scanner.detector.partners.screen
    texts = _mixed_texts(index, random.Random(20261208), 300)
    cls = type(index)
    walkable = cls._walkable
    hits: list[list[tuple]] = []
    counts = [0, 0]

    def counted(self, starts, *args):  # noqa: ANN001, ANN202
        got = walkable(self, starts, *args)
        counts[0] += len(starts)
        counts[1] += len(got)
        return got

    def scanned(self, *args):  # noqa: ANN001, ANN202
        got = real_scan(self, *args)
        hits.append([(h.start, h.end, tuple(h.names), h.how, h.score) for h in got])
        return got

    real_scan = cls._scan
    monkeypatch.setattr(cls, "_scan", scanned)
    monkeypatch.setattr(cls, "_walkable", counted)
    _fresh_caches(index, scanner)
    new = [_listed(scanner.scan_text(t).findings) for t in texts]
    new_hits, hits = hits, []
    monkeypatch.setattr(cls, "_walkable", lambda self, starts, *args: starts)
    _fresh_caches(index, scanner)
    old = [_listed(scanner.scan_text(t).findings) for t in texts]
    old_hits = hits
    monkeypatch.undo()
    _fresh_caches(index, scanner)
    assert sum(bool(h) for h in old_hits) > len(texts) // 2  # the walks do find names
    assert new_hits == old_hits
    assert [(t, a, b) for t, a, b in zip(texts, new, old, strict=True) if a != b] == []
    assert counts[1] < counts[0] // 2


def test_every_name_a_key_finds_holds_that_key(scanner):
    """Span scoring keeps a candidate found by a key the span holds without reading the name's keys: it holds
    that key, as every name is found by one of its own words."""
    index = scanner.detector.partners.screen
    ptr, names = index._finders
    found = 0
    for j in range(len(ptr) - 1):
        for k in names[ptr[j] : ptr[j + 1]].tolist():
            assert j in index.key_ids_of(k), (index.keys[j], index.raws[k])
            found += 1
    assert found > 1000


# -- seed decisions read per token ---------------------------------------------------------------------------------


def _seed_tokens_by_distinct_hash(index, orth, strings):  # noqa: ANN001, ANN202
    """The rule before: the block's distinct hashes sorted (``np.unique``), each decided once, spread back."""
    import numpy as np

    uniq, inv = np.unique(orth, return_inverse=True)
    got = []
    for h in uniq.tolist():
        w = strings[h]
        got.append(w[:1].isupper() and w.isalpha() and index.is_seed(w))
    return np.array(got, dtype=bool)[inv]


def test_seed_decisions_read_per_token_are_those_of_the_distinct_hashes_on_generated_texts(scanner):
    """Generated texts mixing listed names (as listed, reversed, with a letter dropped or two swapped), everyday
    capitalised words and headings: the seeds decided token by token from the per-word cache are those the
    distinct hashes of each block gave, with the cache empty and with it filled by the texts before."""
    from spacy.attrs import ORTH

    from grantscan.detect.partners.detector import lower_hashes

    index = scanner.detector.partners.screen
    nlp = scanner.detector.nlp
    strings = nlp.vocab.strings
    texts = _mixed_texts(index, random.Random(20261209), 200)
    seeds = 0
    for fresh in (True, False):
        _fresh_caches(index, scanner)
        for text in texts:
            if fresh:
                index._seed_cache.clear()
            sdoc = nlp(text)
            orth = sdoc.to_array(ORTH)
            caps = orth[orth != lower_hashes(sdoc)]
            new = index._seed_tokens(caps, strings)
            old = _seed_tokens_by_distinct_hash(index, caps, strings)
            assert new.dtype == old.dtype and new.tolist() == old.tolist(), text
            seeds += int(new.sum())
    _fresh_caches(index, scanner)
    assert seeds > len(texts)  # the texts do hold seeds


# -- seed runs kept per block ---------------------------------------------------------------------------------------


def test_a_block_read_again_takes_its_seed_runs_from_the_first_reading_with_the_same_findings(
    scanner, monkeypatch
):
    """Generated texts mixing listed names, everyday capitalised words and headings, each scanned twice: the
    second scan builds no seed run (the block's runs are kept) and finds what the first found, and what a scan
    that builds every run again finds."""
    partners = scanner.detector.partners
    cls = type(partners)
    index = partners.screen
    texts = _mixed_texts(index, random.Random(20261210), 60)
    partners._seed_run_cache.clear()
    _fresh_caches(index, scanner)
    built = [0]
    add_seeds = cls._add_seeds

    def counted(self, *args):  # noqa: ANN001, ANN202
        built[0] += 1
        return add_seeds(self, *args)

    monkeypatch.setattr(cls, "_add_seeds", counted)
    first = [_listed(scanner.scan_text(t).findings) for t in texts]
    assert built[0] >= len(texts) // 2  # the texts do hold seeds
    monkeypatch.setattr(cls, "_add_seeds", lambda *a: pytest.fail("seed runs built again"))
    again = [_listed(scanner.scan_text(t).findings) for t in texts]
    monkeypatch.setattr(
        cls, "_seed_runs", lambda self, t, candidates, seeds: add_seeds(self, t, candidates, seeds)
    )
    monkeypatch.setattr(cls, "_add_seeds", add_seeds)
    _fresh_caches(index, scanner)
    rebuilt = [_listed(scanner.scan_text(t).findings) for t in texts]
    monkeypatch.undo()
    assert sum(bool(x) for x in first) > len(texts) // 2  # the texts do name listed bodies
    assert again == first
    assert [(t, a, b) for t, a, b in zip(texts, first, rebuilt, strict=True) if a != b] == []


def test_seed_runs_kept_for_a_block_are_not_read_for_other_candidates_or_another_index(scanner):
    """The runs kept for a block are those of its candidates and seeds read with this index: other candidates
    (another built-in body found first) or another index make them again."""
    partners = scanner.detector.partners
    index = partners.screen
    sdoc = scanner.detector.nlp(
        "Samples come from the Plant of Metal Ceramic Instruments, Ryazan, under contract."
    )
    t = partners._toks(sdoc)
    seeds = partners._seeds(sdoc, sdoc.to_array(ORTH))
    assert seeds
    partners._seed_run_cache.clear()
    runs = partners._seed_runs(t, [], seeds)
    assert any(kind == "seed" for _, _, kind, _ in runs)
    assert partners._seed_runs(t, [], seeds) == runs and len(partners._seed_run_cache) == 1
    held = partners._seed_runs(t, [(0, 1, "listed", None)], seeds)
    assert len(partners._seed_run_cache) == 2 and held[0] == (0, 1, "listed", None)
    try:
        partners.screen = other = screening.ScreeningIndex.from_entries([])
        partners._seed_runs(t, [], seeds)
        # the runs read with the shipped index are gone: another index empties the cache
        assert len(partners._seed_run_cache) == 1 and partners._seed_run_index is other
    finally:
        partners.screen = index
    assert partners._seed_runs(t, [], seeds) == runs and partners._seed_run_index is index
    partners._seed_run_cache.clear()


def _marked_texts(index, rng: random.Random, n: int) -> list[str]:  # noqa: ANN001
    """Generated sentences as ``_mixed_texts``, a word in some of them written with a mark inside (straight or
    curly apostrophe, grave accent, Unicode hyphen or non-breaking hyphen), in capitals, capitalised or in lower
    case, inside a word or at its end."""
    marks = ["'", "\u2019", "`", "\u00b4", "\u2010", "\u2011"]
    texts = []
    for text in _mixed_texts(index, rng, n):
        words = text.split(" ")
        for _ in range(rng.randrange(0, 3)):
            j = rng.randrange(len(words))
            w = words[j]
            if len(w) >= 2:
                cut = rng.randrange(1, len(w) + 1)
                w = w[:cut] + rng.choice(marks) + w[cut:]
                words[j] = rng.choice([w, w.lower(), w.upper()])
        texts.append(" ".join(words) + rng.choice(["", " it's the partner\u2019s work."]))
    return texts


def test_the_block_check_for_capitalised_marked_tokens_misses_none_and_changes_no_hit(scanner, monkeypatch):
    """A block whose every capitalised token holds no mark has nothing for ``_marked_starts`` to decide, and
    the block-level check passes it over: on generated texts it is true of every block holding a capitalised
    token with a mark (a word with an apostrophe, a Unicode hyphen), false of some without, and the scan finds
    the same hits with it and without it (text not given)."""
    index = scanner.detector.partners.screen
    nlp = scanner.detector.nlp
    texts = _marked_texts(index, random.Random(20261207), 300)
    kinds = {True: 0, False: 0}
    for text in texts:
        marked = any(screening._MARKED.search(tok.text) and tok.orth != tok.lower for tok in nlp(text))
        assert screening._capital_marked(text) or not marked, text
        kinds[marked] += 1
    assert kinds[True] > 30 and kinds[False] > 30
    assert sorted(screening._MARKS) == sorted(screening._MARKED.pattern.strip("[]"))
    assert screening._capital_marked("Partner 2: IS\u2019Vision in Shanghai.")
    assert screening._capital_marked("Partner 2: Minotor\u2011Service (Minsk).")
    assert not screening._capital_marked("It is the partner\u2019s role and the lab's own budget.")
    cls = type(index)
    real_scan = cls._scan
    hits: list[list[tuple]] = []

    def scanned(self, *args):  # noqa: ANN001, ANN202
        got = real_scan(self, *args)
        hits.append([(h.start, h.end, tuple(h.names), h.how, h.score) for h in got])
        return got

    monkeypatch.setattr(cls, "_scan", scanned)
    _fresh_caches(index, scanner)
    new = [_listed(scanner.scan_text(t).findings) for t in texts]
    new_hits, hits = hits, []
    monkeypatch.setattr(cls, "_scan", lambda self, *args: scanned(self, *args[:4], None))
    _fresh_caches(index, scanner)
    old = [_listed(scanner.scan_text(t).findings) for t in texts]
    old_hits = hits
    monkeypatch.undo()
    _fresh_caches(index, scanner)
    assert sum(bool(b) for b in old_hits) > len(texts) // 4  # the walks do find names
    assert new_hits == old_hits
    assert [(t, a, b) for t, a, b in zip(texts, new, old, strict=True) if a != b] == []
