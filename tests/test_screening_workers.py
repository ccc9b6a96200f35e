"""What each scanning process pays for screening before its first match: the look-up tables are made once in a
process that forks workers (``prepare``), and the lists' rows are read one at a time as matches name them
(``TableRows``), the same entries as the whole table read at once."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

import pytest

from grantscan.config import Config
from grantscan.detect.partners import detector as detector_module
from grantscan.detect.partners.screening import ScreeningIndex, shipped_index
from grantscan.knowledge import designations as dz
from grantscan.knowledge.designations import ListEntry, ListInfo, TableRows, read_table, write_table
from grantscan.knowledge.loader import PackError
from grantscan.pipeline import Scanner

TEXT = (
    "The consortium works with the Beijing Institute of Aeronautical Materials and Harbin Institute of "
    "Technology, and with NATOINAL IRANIAN OIL COMPANY. SAGE Days and Jupyter notebooks are used by the "
    "Gromov Flight Research Institute, Huawei Technologies Co., Ltd. and Bureau of Sukhoi Design (Russia)."
)


def _new_index(scanner: Scanner) -> ScreeningIndex:
    partners = scanner.detector.partners
    d = partners.designations
    arrays = shipped_index(d.table)
    assert arrays is not None
    return ScreeningIndex(arrays, d.rows, tuple(partners._not_acronyms()), detector_module._common_words)


def _tables(index: ScreeningIndex) -> set[str]:
    made = vars(index)
    return {n for n, a in vars(ScreeningIndex).items() if isinstance(a, cached_property) and n in made}


def test_prepare_makes_every_table_a_scan_makes_but_the_rows(scanner, monkeypatch):
    """A scan with an unprepared index makes tables on first use; ``prepare`` made every one of them already
    (so a forked worker inherits them all), and leaves the lists' rows unread."""
    partners = scanner.detector.partners
    cold = _new_index(scanner)
    monkeypatch.setattr(partners, "screen", cold)
    findings = scanner.scan_text(TEXT).findings
    used = _tables(cold)
    assert {"_trie", "seed_keys", "_finders", "common"} <= used and "entries" in used

    prepared = _new_index(scanner)
    prepared.prepare()
    before = _tables(prepared)
    assert used - {"entries"} <= before and "entries" not in before
    monkeypatch.setattr(partners, "screen", prepared)
    assert scanner.scan_text(TEXT).findings == findings
    assert _tables(prepared) - before == {"entries"}


class _Stop(Exception):
    """Raised by a stand-in for starting a worker: the test needs the moment before the fork, not the worker."""


def _tables_at_first_fork(monkeypatch, paths: list[str]) -> set[str]:
    """The screening tables the pool's scanner holds when the pool, of two workers, starts its first worker for
    a batch of ``paths``."""
    from grantscan.batch import WorkerPool

    monkeypatch.setattr(detector_module, "_INDEXES", {})  # a new index, not one an earlier test used
    with WorkerPool(Config(cache=False), 2) as pool:
        if pool.inherited is None:
            pytest.skip("this platform spawns workers: each builds its own scanner")
        seen: list[set[str]] = []

        def spawn() -> None:
            seen.append(_tables(pool.inherited.detector.partners.screen))
            raise _Stop

        monkeypatch.setattr(pool, "_spawn", spawn)
        with pytest.raises(_Stop):
            pool.scan(paths)
        return seen[0]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked only where the platform forks")
def test_a_forked_pool_makes_the_tables_before_its_workers_start(monkeypatch):
    """A batch that two workers share: the pool's scanner is prepared in the parent, so its index holds the tables
    before the first worker is forked."""
    got = _tables_at_first_fork(monkeypatch, ["a.txt", "b.txt"])
    assert {"_trie", "seed_keys", "_finders", "common", "_required_at"} <= got
    assert "entries" not in got


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked only where the platform forks")
def test_a_batch_of_one_file_leaves_the_tables_to_its_worker(monkeypatch):
    """One file, one worker: the tables are shared with no one and its scan may need few of them, so they are made
    on first use in the worker, as without a pool."""
    got = _tables_at_first_fork(monkeypatch, ["a.txt"])
    assert not {"_trie", "seed_keys", "_finders"} & got


# -- the lists' rows read one at a time -------------------------------------------------------------------------


def test_rows_of_the_shipped_table_are_the_entries_read_at_once():
    """Every row of the shipped table read on its own is the entry ``read_table`` makes of it, and asking twice
    gives the same object."""
    dz._default.cache_clear()
    d = dz.default_designations()
    if d.table is None:
        pytest.skip("an imported list replaces the shipped snapshot here")
    rows = d.rows()
    assert isinstance(rows, TableRows)
    infos = {i.id: i for i in d.lists}
    whole = read_table(d.table, infos)
    assert len(rows) == len(whole) == len(d.entries)
    assert rows[len(rows) - 1] is rows[-1]
    assert [rows[i] for i in range(len(rows))] == whole


def _entry(list_id: str, name: str, listed: str | None = None, aliases: list[str] | None = None) -> ListEntry:
    return ListEntry(list_id, "L", None, name, "CN", aliases or [], entry_id=name[:3], listed=listed)


def test_rows_with_line_breaks_and_quotes_inside_fields(tmp_path: Path):
    """A field holding a line break or a quote is written quoted: its row is still one entry, and the rows after
    it are the rows after it."""
    entries = [
        _entry("a", "First Co"),
        _entry("a", 'The "Quoted" Works', listed="85 FR 1234\n85 FR 5678"),
        _entry("b", "Third Ltd", aliases=["Third", 'Tri "T"'], listed='1 FR 2\n"x"\n\n3'),
        _entry("b", "Last Institute"),
    ]
    path = tmp_path / "t.tsv"
    write_table(entries, path)
    infos = {i: ListInfo(i, f"list {i}", "2026-01-01", 2) for i in ("a", "b")}
    rows = TableRows(path, infos)
    assert len(rows) == 4
    assert list(rows) == read_table(path, infos)
    assert rows[1].listed == "85 FR 1234\n85 FR 5678" and rows[3].name == "Last Institute"


def test_rows_of_generated_tables_are_the_entries_read_at_once(tmp_path: Path):
    """Tables of generated entries whose fields hold quotes, line breaks, tabs, commas and letters outside ASCII:
    every row read on its own is the entry the table reader makes of it."""
    import random

    rng = random.Random(11)
    alphabet = ['"', "\n", "\t", ",", "'", "é", "Ж", "中", " ", "a", "B", "1", "|", "\r\n", '""']
    infos = {i: ListInfo(i, f"list {i}", "2026-01-01", 0) for i in ("uk", "us")}

    def text(n: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(n)))

    for round_ in range(20):
        entries = [
            ListEntry(
                rng.choice(["uk", "us"]),
                "L",
                None,
                "Name " + text(8),
                rng.choice([None, "CN", "RU"]),
                [text(6) or "x" for _ in range(rng.randrange(3))],
                entry_id=text(5) or None,
                regime=text(5) or None,
                listed=text(12) or None,
                countries=tuple(rng.sample(["CN", "RU", "IR"], rng.randrange(3))),
                city=text(6) or None,
            )
            for _ in range(rng.randrange(1, 40))
        ]
        path = tmp_path / f"t{round_}.tsv"
        write_table(entries, path)
        rows = TableRows(path, infos)
        assert list(rows) == read_table(path, infos)


def test_rows_check_the_header_the_counts_and_each_row_as_the_table_reader_does(tmp_path: Path):
    path = tmp_path / "t.tsv"
    write_table([_entry("a", "First Co"), _entry("zz", "Second Co")], path)
    infos = {"a": ListInfo("a", "list a", None, 1)}
    rows = TableRows(path, infos)
    with pytest.raises(PackError, match=r"t\.tsv.*3.*'zz' is not described"):
        rows[1]
    assert rows[0].name == "First Co"

    bad = tmp_path / "bad.tsv"
    bad.write_text("list_id\tname\na\tX\n", encoding="utf-8")
    with pytest.raises(PackError, match="expected the columns"):
        TableRows(bad, infos)

    meta = tmp_path / "designations.yaml"
    dz.write_meta([ListInfo("a", "list a", "2026-01-01", 2)], meta, "t.tsv")
    data, _ = dz._read_meta(meta, "shipped")
    with pytest.raises(PackError, match="list 'a': 1 rows in t.tsv, not 2"):
        TableRows(path, infos, (meta, data))


# -- everyday words kept between runs ---------------------------------------------------------------------------


def test_everyday_words_kept_between_runs_are_the_words_read_from_the_packs(tmp_path: Path, monkeypatch):
    """The words kept in the compiled cache are the words the packs give; a changed pack is read again, and a
    kept file that cannot be read is rewritten."""
    from grantscan.knowledge import resources

    packs = tmp_path / "patterns"
    for name in ("organisations.yaml", "countries.yaml", "screening.yaml"):
        (packs / name).parent.mkdir(parents=True, exist_ok=True)
        (packs / name).write_bytes((resources.patterns_dir() / name).read_bytes())
    monkeypatch.setattr(resources, "patterns_dir", lambda: packs)
    kept = tmp_path / "compiled"
    read = detector_module._common_words.__wrapped__
    words = read()
    assert "research" in words and "the" in words and "zyxwords" not in words
    assert read(kept) == words and (kept / "common_words.json").is_file()
    with monkeypatch.context() as m:  # from the kept file: the packs' text is not read again
        m.setattr(Path, "read_text", lambda *a, **k: pytest.fail("a pack was read"))
        assert read(kept) == words

    (packs / "countries.yaml").write_text(
        (packs / "countries.yaml").read_text(encoding="utf-8") + "\n# zyxwords\n", encoding="utf-8"
    )
    assert read(kept) == words | {"zyxwords"} == read()
    (kept / "common_words.json").write_text("{not json", encoding="utf-8")
    assert read(kept) == words | {"zyxwords"}
    # the screening word lists are not everyday words
    (packs / "screening.yaml").write_text("# qqqwords\n", encoding="utf-8")
    assert "qqqwords" not in read(kept)


def _lower_words_before(text: str) -> set[str]:
    """The words the everyday-word reader took from a pack before: tokens of word characters and apostrophes
    that are three or more lower-case ASCII letters."""
    import re

    return {
        w for w in re.findall(r"[\w']+", text) if len(w) >= 3 and w.isascii() and w.isalpha() and w.islower()
    }


def test_everyday_words_of_a_pack_are_the_words_the_token_reading_gave():
    """One search for whole lower-case words finds the words the reading by tokens found, on every shipped pack
    and on generated text of letters, digits, apostrophes, underscores, marks and letters outside ASCII."""
    import random

    from grantscan.knowledge import resources

    for p in sorted(resources.patterns_dir().rglob("*.yaml")):
        text = p.read_text(encoding="utf-8")
        assert set(detector_module._LOWER_WORD.findall(text)) == _lower_words_before(text), p.name
    rng = random.Random(3)
    pieces = ["abc", "de", "fgh", "Ab", "X", "1", "_", "'", "’", "é", "ß", " ", "-", ":", "\n", "zz", "k"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 14)))
        assert set(detector_module._LOWER_WORD.findall(text)) == _lower_words_before(text), text


# -- the names that say whom their body is named after ----------------------------------------------------------


def test_names_named_after_someone_are_those_the_pattern_finds(scanner):
    """The quick check finds exactly the names the pattern finds: every listed name, and generated names mixing
    the pattern's words in any case with other words, marks, spaces and letters outside ASCII."""
    import random

    from grantscan.detect.partners import listmatch

    raws = scanner.detector.partners.screen.raws
    found = [k for k, r in enumerate(raws) if listmatch._names_whom_after(r)]
    assert found == [k for k, r in enumerate(raws) if listmatch._NAMED_AFTER_RAW.search(r)]
    assert len(found) > 50
    parts = ["named", "NAMED", "Named", "after", "AFTER", "N.", "n.", "A.", "a.", "im.", "IM.", "Im", "imeni"]
    parts += ["IMENI", "nAmEd", "Institute", "Plant", "Gromov", "Co.", "Ltd", ".", ",", "-", "(", ")"]
    other = ["İmeni", "ımeni", "é", "ß", "\u00a0"]  # outside ASCII: the pattern decides alone
    rng = random.Random(7)
    matched = 0
    for i in range(6000):
        pool = parts + other if i % 4 == 0 else parts
        text = "".join(rng.choice(pool) + rng.choice(["", " ", "  ", "\t", "\n"]) for _ in range(6))
        got = listmatch._names_whom_after(text)
        assert got == bool(listmatch._NAMED_AFTER_RAW.search(text)), text
        matched += got and text.isascii()
    assert matched > 500
