"""The compiled-phrase cache (``grantscan.detect.compiled``): same matches and findings with or without it, and
a file that is stale, corrupt, tampered with, raced over or unwritable never changes a result."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from spacy.matcher import PhraseMatcher

from grantscan.config import Config
from grantscan.detect import compiled
from grantscan.detect.compiled import PhraseTokens, phrase_tokens
from grantscan.detect.matcher import PhraseSet, load_rules, load_rules_kept, pack_files
from grantscan.detect.tokens import build_nlp
from grantscan.pipeline import Scanner

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_docs"
PHRASES = [
    "machine learning",
    "UAV",
    "e.g. lidar",
    "gain-of-function",
    "Huawei Technologies Co., Ltd.",
    "can't",
]
TEXTS = [
    "We will develop an autonomous drone swarm for military use, with partners at the National University of "
    "Defense Technology in China. UAVs carry LiDAR; gain of function studies are excluded.",
    "Collaborators at Huawei Technologies and the University of Tokyo in Japan provide data for quantum key "
    "distribution and GaN power amplifiers used in phased array radar.",
]


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201 - spacy.Language
    return build_nlp()


def _results(scanner: Scanner) -> list[dict]:
    out = [scanner.scan_text(t).to_dict() for t in TEXTS]
    for p in sorted(SAMPLES.iterdir()):
        if p.suffix in (".md", ".tex", ".docx"):
            r = scanner.scan_file(p)
            r.seconds = 0.0
            out.append(r.to_dict())
    return out


def _table(scanner: Scanner) -> PhraseTokens:
    table = scanner.detector.phrases
    assert table is not None and not table._used  # let go of once the detector is built
    return table


def test_findings_identical_cold_warm_and_without_a_writable_cache(tmp_path: Path) -> None:
    cold = Scanner(Config(cache_dir=tmp_path / "c"))
    assert _table(cold).tokenised > 10_000  # every phrase tokenised, then written
    files = list((tmp_path / "c" / "compiled").glob("phrases-*.npz"))
    assert len(files) == 1
    warm = Scanner(Config(cache_dir=tmp_path / "c"))
    assert _table(warm).tokenised == 0 and _table(warm).read > 10_000  # every phrase read from the file
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    without = Scanner(
        Config(cache_dir=blocked)
    )  # the cache dir cannot be made: nothing read, nothing written
    assert _table(without).tokenised > 10_000
    expected = _results(cold)
    assert any(r["findings"] for r in expected)
    assert _results(warm) == expected
    assert _results(without) == expected


def test_hashes_match_what_a_phrase_matcher_makes_of_docs(nlp, tmp_path: Path) -> None:  # noqa: ANN001
    """Every technology phrase matched through cached hashes matches exactly where the same phrase as a Doc
    matches (the texts are the phrases themselves, so every one of them fires)."""
    rules = load_rules(pack_files())
    phrases = sorted({t for r in rules for t in r.terms} | set(PHRASES))
    first = PhraseTokens(nlp, tmp_path)
    first.tokens(phrases)
    assert first.save()
    table = PhraseTokens(nlp, tmp_path)
    assert table.tokens(phrases) and table.tokenised == 0
    for attr, get in (("LOWER", table.lower), ("ORTH", table.orth)):
        by_docs, by_hashes = PhraseMatcher(nlp.vocab, attr=attr), PhraseMatcher(nlp.vocab, attr=attr)
        for i, (p, hashes) in enumerate(zip(phrases, get(phrases), strict=True)):
            by_docs.add(f"P{i}", [nlp.make_doc(p)])
            by_hashes.add(f"P{i}", [hashes])
        doc = nlp.make_doc(" . ".join(phrases) + " . " + " ; ".join(p.upper() for p in phrases))
        got = by_hashes(doc)
        assert len(got) > len(phrases)
        assert got == by_docs(doc)


def test_phrase_set_from_the_file_matches_as_one_tokenised_now(nlp, tmp_path: Path) -> None:  # noqa: ANN001
    text = "A UAV and two UAVs; machine-learning methods, e.g. lidar, and gain of function work."
    sets = []
    for _ in range(2):
        table = compiled.attach(nlp, tmp_path)
        ps = PhraseSet(nlp)
        ps.add("x", PHRASES)
        ps.build()
        table.save()
        sets.append(ps)
    assert phrase_tokens(nlp).tokenised == 0  # the second set came from the file
    compiled.attach(nlp, None)
    doc = nlp.make_doc(text)
    assert list(sets[0](doc)) == list(sets[1](doc))
    assert len(list(sets[0](doc))) >= 4


def test_file_of_another_key_is_not_read_and_is_replaced(
    nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    real_key = compiled.cache_key()
    monkeypatch.setattr(compiled, "cache_key", lambda: "0" * 24)  # say, an older spaCy or grantscan
    old = PhraseTokens(nlp, tmp_path)
    old.tokens(PHRASES)
    assert old.save()
    stale = old.path
    assert stale is not None and stale.is_file()
    monkeypatch.setattr(compiled, "cache_key", lambda: real_key)
    table = PhraseTokens(nlp, tmp_path)
    table.tokens(PHRASES)
    assert table.tokenised == len(PHRASES)  # nothing taken from the stale file
    assert table.save()
    assert not stale.exists()
    assert [p.name for p in tmp_path.glob("phrases-*.npz")] == [f"phrases-{real_key}.npz"]


def test_file_renamed_to_the_current_key_is_rejected(
    nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    monkeypatch.setattr(compiled, "cache_key", lambda: "1" * 24)
    other = PhraseTokens(nlp, tmp_path)
    other.tokens(PHRASES)
    other.save()
    monkeypatch.setattr(compiled, "cache_key", lambda: "2" * 24)
    assert other.path is not None
    other.path.rename(tmp_path / f"phrases-{'2' * 24}.npz")
    table = PhraseTokens(nlp, tmp_path)
    assert table.tokens(PHRASES) and table.tokenised == len(PHRASES)


def _saved(nlp, root: Path) -> PhraseTokens:  # noqa: ANN001
    table = PhraseTokens(nlp, root)
    want = table.tokens(PHRASES)
    assert table.save()
    assert PhraseTokens(nlp, root).tokens(PHRASES) == want
    return table


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "tampered", "object-array", "short"])
def test_corrupt_file_is_ignored_logged_and_rebuilt(
    nlp, tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:  # noqa: ANN001
    table = _saved(nlp, tmp_path)
    path = table.path
    assert path is not None
    want = table.tokens(PHRASES)
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        if damage == "tampered":  # a valid file whose hashes are not what the tokenizer makes
            arrays["orth"] = arrays["orth"][::-1].copy()
            arrays["lower"] = arrays["lower"][::-1].copy()
        elif damage == "object-array":  # loading it would need a pickle
            arrays["counts"] = np.array([object()] * len(arrays["counts"]), dtype=object)
        else:
            arrays["counts"] = arrays["counts"][:-1]
        with open(path, "wb") as fh:
            np.savez(fh, **arrays)
    with caplog.at_level(logging.DEBUG, logger="grantscan.detect.compiled"):
        again = PhraseTokens(nlp, tmp_path)
    assert "rebuilt" in caplog.text
    assert again.tokens(PHRASES) == want and again.tokenised == len(PHRASES)
    assert again.save()
    fresh = PhraseTokens(nlp, tmp_path)
    assert fresh.tokens(PHRASES) == want and fresh.tokenised == 0


def test_no_pickle_in_the_file(nlp, tmp_path: Path) -> None:  # noqa: ANN001
    path = _saved(nlp, tmp_path).path
    with np.load(path, allow_pickle=False) as z:
        kinds = {k: z[k].dtype.kind for k in z.files}
    assert kinds == {"key": "u", "phrases": "u", "counts": "i", "orth": "u", "lower": "u"}


def test_unwritable_cache_dir_still_scans(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    with caplog.at_level(logging.DEBUG, logger="grantscan.detect.compiled"):
        scanner = Scanner(Config(cache_dir=blocked))
    assert "not saved" in caplog.text
    assert scanner.scan_text(TEXTS[0]).findings


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")
def test_read_only_cache_dir_is_read_but_not_written(nlp, tmp_path: Path) -> None:  # noqa: ANN001
    _saved(nlp, tmp_path)
    tmp_path.chmod(0o500)
    try:
        table = PhraseTokens(nlp, tmp_path)
        table.tokens([*PHRASES, "a new phrase"])
        assert table.tokenised == 1
        assert not table.save()
    finally:
        tmp_path.chmod(0o700)


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from grantscan.detect import compiled
    from grantscan.detect.compiled import PhraseTokens
    from grantscan.detect.tokens import build_nlp
    compiled.cache_key = lambda: sys.argv[3]  # the reader's, even if a source file changes meanwhile
    nlp = build_nlp()
    phrases = sys.argv[2].split("|")
    print("ready", flush=True)
    sys.stdin.readline()
    for _ in range(40):
        table = PhraseTokens(nlp, Path(sys.argv[1]))
        table.tokens(phrases)
        table.new = 1  # write even when the other writer's file already held every phrase
        assert table.save()
    """
)


def test_two_writers_race_and_a_reader_never_sees_half_a_file(
    nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    key = compiled.cache_key()
    monkeypatch.setattr(compiled, "cache_key", lambda: key)
    phrases = [f"phrase number {i}" for i in range(3000)] + PHRASES
    expected = PhraseTokens(nlp, None).tokens(phrases)
    env = dict(os.environ)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), "|".join(phrases), key],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    try:
        for w in writers:
            assert w.stdout is not None and w.stdout.readline().strip() == "ready"
        for w in writers:  # both start writing at once
            assert w.stdin is not None
            w.stdin.write("go\n")
            w.stdin.flush()
        reads = full = 0
        deadline = time.monotonic() + 120
        while any(w.poll() is None for w in writers) and time.monotonic() < deadline:
            table = PhraseTokens(nlp, tmp_path)
            reads += 1
            if table._known:  # a file was there: it is whole
                assert table.tokens(phrases) == expected and table.tokenised == 0
                full += 1
        for w in writers:
            assert w.wait(timeout=120) == 0
    finally:
        for w in writers:
            if w.poll() is None:
                w.kill()
    assert reads > 0 and full > 0
    assert [p.name for p in tmp_path.iterdir()] == [f"phrases-{key}.npz"]  # no temp left
    final = PhraseTokens(nlp, tmp_path)
    assert final.tokens(phrases) == expected and final.tokenised == 0


# ---- validated technology rules ------------------------------------------------------------------------------

EXTRA = """pack: extra
version: 1
rules:
  - id: extra-widget
    category: {category}
    terms: [quantum widget]
    context: {{words: [lab], window: 5, weight: 0.2}}
    requires: {{terms: [research]}}
    scope: [body, table]
    patterns:
      - [{{LOWER: widget}}, {{IS_DIGIT: true, OP: "?"}}]
"""


def _category() -> str:
    return load_rules(pack_files())[0].category


def test_rules_read_back_equal_the_parsed_ones_without_parsing(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    pack = tmp_path / "extra.yaml"
    pack.write_text(EXTRA.format(category=_category()), encoding="utf-8")
    files = pack_files([pack])
    parsed = load_rules(files)
    assert load_rules_kept(files, tmp_path / "c") == parsed
    assert (tmp_path / "c" / "rules.json").is_file()

    def no_parsing(files):  # noqa: ANN001, ANN202
        raise AssertionError("parsed again")

    monkeypatch.setattr("grantscan.detect.matcher.load_rules", no_parsing)
    again = load_rules_kept(files, tmp_path / "c")
    assert again == parsed
    widget = next(r for r in again if r.id == "extra-widget")
    assert widget.scope == ("body", "table") and widget.requires is not None and widget.context[0].window == 5


def test_a_changed_pack_is_parsed_again(tmp_path: Path) -> None:
    pack = tmp_path / "extra.yaml"
    pack.write_text(EXTRA.format(category=_category()), encoding="utf-8")
    files = pack_files([pack])
    load_rules_kept(files, tmp_path / "c")
    pack.write_text(EXTRA.format(category=_category()).replace("quantum widget", "quantum gadget"), "utf-8")
    widget = next(r for r in load_rules_kept(files, tmp_path / "c") if r.id == "extra-widget")
    assert widget.terms == ["quantum gadget"]


def test_an_invalid_pack_raises_and_nothing_is_kept(tmp_path: Path) -> None:
    from grantscan.knowledge.loader import PackError

    pack = tmp_path / "extra.yaml"
    pack.write_text(EXTRA.format(category="no-such-category"), encoding="utf-8")
    with pytest.raises(PackError, match="unknown category"):
        load_rules_kept(pack_files([pack]), tmp_path / "c")
    assert not (tmp_path / "c" / "rules.json").exists()


@pytest.mark.parametrize(
    "damage", [b"", b"{not json", b'{"digest": 1}', b"[]", b'{"digest": "x", "payload": 3}', b"bad payload"]
)
def test_a_damaged_rules_file_is_rebuilt(tmp_path: Path, damage: bytes) -> None:
    import json

    files = pack_files()
    want = load_rules(files)
    load_rules_kept(files, tmp_path)
    kept = tmp_path / "rules.json"
    if damage == b"bad payload":  # the right digest over entries that are not rules
        data = json.loads(kept.read_bytes())
        data["payload"] = [{"id": 1}, 2]
        damage = json.dumps(data).encode()
    kept.write_bytes(damage)
    assert load_rules_kept(files, tmp_path) == want
    assert json.loads(kept.read_bytes())["payload"][0]["id"] == want[0].id  # rewritten
    assert load_rules_kept(files, tmp_path) == want


def test_phrases_read_from_the_file_share_one_object_per_hash(nlp, tmp_path: Path) -> None:  # noqa: ANN001
    """A word's hash recurs in many phrases; the tuples the matchers keep share one int object for it (memory),
    with the values tokenising gives."""
    phrases = ["machine learning", "deep learning", "learning rate", "machine vision"]
    first = PhraseTokens(nlp, tmp_path)
    want = first.tokens(phrases)
    assert first.save()
    table = PhraseTokens(nlp, tmp_path)
    for which, get in ((0, table.orth), (1, table.lower)):
        got = get(phrases)
        assert got == [t[which] for t in want] and table.tokenised == 0
        learning = [got[0][1], got[1][1], got[2][0]]
        assert learning[0] > 2**32 and all(x is learning[0] for x in learning)
        assert got[0][0] is got[3][0]  # "machine"
