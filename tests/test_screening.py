"""Screening on short texts with the shipped designations (no --lists): designated bodies however they are
written, look-alikes not flagged, place qualifiers, titles, references and negations, and severity."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from grantscan.config import Config
from grantscan.detect.partners import screening
from grantscan.knowledge.designations import Designations, ListEntry, default_designations
from grantscan.model import Finding, ListMatch, Location
from grantscan.pipeline import Scanner
from grantscan.score import assess


def orgs(scanner: Scanner, text: str) -> list[Finding]:
    return [f for f in scanner.scan_text(text).findings if f.category == "organisation"]


def listed(scanner: Scanner, text: str) -> list[Finding]:
    return [f for f in orgs(scanner, text) if f.lists]


def assert_designated(scanner: Scanner, text: str, entry_id: str) -> None:
    """A high finding in ``text`` names ``entry_id`` as designated."""
    found = listed(scanner, text)
    assert any(
        f.severity == "high" and any(m.entry_id == entry_id and m.status == "designated" for m in f.lists)
        for f in found
    ), [(f.text, [(m.entry_id, m.status) for m in f.lists]) for f in found]


def test_mipt_is_high_and_names_its_uk_entry(scanner):
    [f] = listed(
        scanner, "We will collaborate with the Moscow Institute of Physics and Technology on sensors."
    )
    assert f.severity == "high" and f.rule_id == "org-list-match"
    uk = next(m for m in f.lists if m.list_id == "uk-sanctions-list")
    assert (uk.entry_id, uk.regime, uk.status, uk.score) == ("RUS1431", "RUS", "designated", 1.0)
    assert uk.snapshot and uk.list_name == "UK Sanctions List (FCDO)"
    reason = next(r for r in f.reasons if "RUS1431" in r)
    assert "snapshot" in reason and "OFSI licence" in reason


@pytest.mark.parametrize(
    "text,entry_id",
    [
        ("Our partner MIPT will supply samples.", "RUS1431"),  # a listed acronym, no head word
        ("Samples come from PJSC United Aircraft Corporation.", "RUS0239"),  # legal form before the name
        ("Concern Almaz-Antey will host the workshop.", "RUS0178"),  # a 'Concern ...' name
        ("We partner with Shaheed Beheshti University in Tehran.", "INU0112"),  # another transliteration
        ("Collaboration with Sharif Univ. of Tech. on sensors.", "INU0042"),  # abbreviations inside the name
        ("A visit to the Moscow Physico-Technical Institute is planned.", "RUS1431"),  # adjective forms
        ("Our partner Beheshti Shahid University provides data.", "INU0112"),  # another word order
        ("Staff of Sharif Universty of Technology will visit.", "INU0042"),  # a typo
    ],
)
def test_designated_bodies_however_written(scanner, text, entry_id):
    assert_designated(scanner, text, entry_id)


def test_iran_national_science_foundation_is_not_the_us_nsf(scanner):
    found = orgs(scanner, "The work is funded by the Iran National Science Foundation.")
    assert found and all(f.name != "National Science Foundation" and f.country_code != "US" for f in found)
    assert all(f.severity != "high" for f in found)


def test_shared_institute_name_placed_in_europe_is_not_the_listed_one(scanner):
    found = orgs(scanner, "Partner: Institute of Applied Physics, University of Bern, Switzerland.")
    inst = next(f for f in found if f.text == "Institute of Applied Physics")
    assert inst.lists == [] and inst.severity == "info"
    assert any(r.startswith("not ") and "placed in CH" in r for r in inst.reasons)
    # alone, the same name is only a possible match for a person to check
    [alone] = listed(scanner, "The Institute of Applied Physics will provide samples.")
    assert alone.severity == "medium" and {m.status for m in alone.lists} == {"possible"}


@pytest.mark.parametrize(
    "text",
    [
        "For clarity: our partner is not Sharif University of Technology; it is a company in Leeds.",
        "Our method follows results published in the Journal of Harbin Institute of Technology (2021, vol. 53).",
        "[3] Zhang, L. et al. Thermal modelling. Moscow Institute of Physics and Technology, Proc. 2019, pp. 1-9.",
    ],
)
def test_negations_titles_and_references_are_info_at_most(scanner, text):
    found = orgs(scanner, text)
    assert found and all(f.severity == "info" and not f.lists for f in found)
    assert any(f.rule_id == "org-list-mention" for f in found)


def test_surname_is_not_the_corporation(scanner):
    assert not listed(scanner, "Dr Maria Rostec (University of Leeds) leads work package 2.")
    assert listed(scanner, "Rostec will fund the second year.")


def test_unlisted_near_names_are_not_flagged(scanner):
    for text in (
        "We work with Northwestern University in Illinois.",
        "Partner: Sichuan Normal University in China.",
        "Samples from Almaz Consulting Ltd in Leeds.",
    ):
        assert all(f.severity != "high" for f in orgs(scanner, text)), text


def test_defence_body_not_designated_stays_below_high(scanner):
    [f] = orgs(scanner, "Dstl will provide test ranges.")
    assert f.name == "Defence Science and Technology Laboratory" and not f.lists
    assert f.severity == "medium"


def test_screened_lists_say_what_was_searched(scanner):
    searched = dict(scanner.detector.partners.screened_lists())
    assert searched["UK Sanctions List (FCDO)"] and len(searched) >= 5
    assert all(date for date in searched.values())


def _finding(*statuses: str, severity: str = "info") -> Finding:
    lists = [ListMatch("demo", "Demo", "2026-01-01", "Acme", 1.0, status=s) for s in statuses]
    return Finding("org-list-match", "organisation", "Acme", "", Location(), severity=severity, lists=lists)


def test_severity_follows_the_list_status():
    found = [_finding("designated"), _finding("possible"), _finding(severity="medium"), _finding()]
    result = assess(found)
    assert [f.severity for f in result.findings] == ["high", "medium", "medium", "info"]
    assert sum("partner on a screening list" in r for r in result.reasons) == 1  # the designated one only


def test_a_name_left_with_one_word_needs_its_legal_form(scanner):
    """'AO STATUS' is listed; 'Liability and Status' in a heading is not it, 'AO Status' is."""
    assert not listed(scanner, "Liability and Status: nothing in this Memorandum creates a partnership.")
    assert not listed(scanner, "Status of the project: ongoing.")
    hit = listed(scanner, "Our partner AO Status will host the share registry.")
    assert hit and hit[0].lists[0].entry_id == "RUS2662"


# -- the compiled index ------------------------------------------------------------------------------------------


def test_shipped_index_is_current_and_what_a_compile_gives():
    """The index shipped beside the table is the one compiling the table now gives (rebuild it with
    scripts/build_designations.py --index-only after changing patterns/screening.yaml or the normalisation)."""
    d = default_designations()
    shipped = screening.shipped_index(d.table)
    assert shipped is not None, "patterns/designations/index.npz is stale or missing"
    fresh = screening.compile_index(d.entries, screening.file_digest(d.table))
    assert sorted(shipped) == sorted(fresh)
    for name, array in fresh.items():
        assert shipped[name].dtype == array.dtype and np.array_equal(shipped[name], array), name


def test_index_written_twice_is_the_same_file_and_a_stale_one_is_ignored(tmp_path):
    entries = [
        ListEntry("demo", "Demo", "2026-01-01", "Northwind Photonics Institute", "RU", ["NPI Labs"]),
        ListEntry("demo", "Demo", "2026-01-01", "Acme Quantum Devices Co., Ltd.", "CN", ["AQD"]),
    ]
    arrays = screening.compile_index(entries, "table-1")
    screening.write_index(arrays, tmp_path / "a.npz")
    screening.write_index(arrays, tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    assert screening.read_index(tmp_path / "a.npz", "table-1") is not None
    assert screening.read_index(tmp_path / "a.npz", "table-2") is None  # made from another table
    (tmp_path / "c.npz").write_bytes(b"not a zip")
    assert screening.read_index(tmp_path / "c.npz", "table-1") is None
    index = screening.ScreeningIndex(screening.read_index(tmp_path / "a.npz", "table-1"), entries)
    [k] = index.lookup("Acme Quantum Devices Company Limited")
    assert index.names[k].entry == 1 and index.entries[1].name.startswith("Acme")
    assert [index.names[k].raw for k in index.lookup("AQD")] == ["AQD"]
    assert index.score_span("Northwind Photonic Institute")[0][1] > screening.DESIGNATED


def test_the_lists_are_read_only_when_a_match_needs_them():
    reads = []

    def load() -> list[ListEntry]:
        reads.append(1)
        return [ListEntry("demo", "Demo", None, "Northwind Photonics Institute", "RU")]

    d = Designations(load, [])
    index = screening.ScreeningIndex(screening.compile_index(load()), lambda: d.entries)
    reads.clear()
    assert index.score_span("University of Leeds") == [] and not reads
    assert index.score_span("Northwind Photonics Institute") and index.entries[0].country == "RU"
    assert index.entries is index.entries and len(reads) == 1


# -- name families: each a cause of misses, not one name -------------------------------------------------------------


@pytest.mark.parametrize(
    "text,entry_id",
    [
        # a typo in a name of generic words only, after its first word
        ("Work package 3 is carried out with Marine Instrument Engnieering in Russia.", "EL-2267"),
        # two letters swapped in the body's distinctive word
        ("We exchange researchers with Chsoun Expo in North Korea.", "CYB0004"),
        # a letter dropped after a hyphen, lower case: the run goes on
        ("Samples from Sovtest-ervis OOO in Russia arrive in May.", "EL-2763"),
        # a typo in the only word that seeds the run
        ("Letters of support came from the Main Directoate of Deep-Sea Research (Russia).", "EL-2464"),
        # the academy-of-sciences suffix left out, or written CAS
        ("Our partner is the Keldysh Institute of Applied Mathematics.", "EL-2411"),
        ("Partner: Institute of Physics, CAS, Beijing.", "EL-0477"),
        # a Russian legal form written out in transliteration
        ("Samples come from Aktsionernoe Obshchestvo Gazprom Telekom.", "EL-2122"),
        # the listed name goes on past a comma
        (
            "The subcontractor, Tactical Missile Corporation, Joint Stock Company “Uralelement”, supplies parts.",
            "EL-2828",
        ),
        # generic words only, but more than the kind of body: one body
        ("We will visit the Central Research Institute of Machine Building.", "RUS1351"),
    ],
)
def test_name_families_are_designated(scanner, text, entry_id):
    assert_designated(scanner, text, entry_id)


@pytest.mark.parametrize(
    "text",
    [
        # another distinctive word before a listed name: another body
        "Partner 2: Shandong University of Science and Technology in China. Role: analysis.",
        # not a listed 'Institute of Technical Physics' read from a later word
        "Work package 3 will be carried out jointly with Ioffe Physical-Technical Institute.",
        # one short word written otherwise is another word ('orbit' is not 'Orbita')
        "Downlink scheduling for a low-Earth-orbit broadband constellation will be optimised.",
        # country names keep their spelling: 'China' is not 'Sina'
        "Samples from the Bank of China, Beijing, arrive in May.",
        # an academy institute of another country
        "Partner 3: Institute of Solid State Physics, University of Latvia, Riga. Role: measurements.",
    ],
)
def test_near_names_are_not_flagged_high(scanner, text):
    assert all(f.severity != "high" for f in orgs(scanner, text)), [
        (f.text, [(m.entry_id, m.status) for m in f.lists]) for f in orgs(scanner, text)
    ]


def test_word_similarity_reads_typos_not_other_words():
    close = screening.word_similarity
    assert (
        close("chsoun", screening.canon("chsoun"), "chosun", screening.canon("chosun"))
        >= screening.WORD_SIMILARITY
    )
    assert close("technloogy", "tesnlugi", "technology", "tesnologi") >= screening.WORD_SIMILARITY
    assert (
        close("south", "sout", "youth", "iout") < screening.WORD_SIMILARITY
    )  # one letter changed: another word
    assert close("phys", "fis", "physics", "fisics") == 0.9  # written short
    assert screening.canon("china") == "china" != screening.canon("sina")


def test_a_scan_reads_the_lists_rows_only_for_a_match():
    """The compiled index answers a scan on its own: the table of listed entries is read when a match needs
    its entry (list, id, country), not for text that names no listed body."""
    s = Scanner(Config(cache=False))
    partners = s.detector.partners
    designations = partners.designations
    index = partners.screen
    index.__dict__.pop("entries", None)
    reads = []
    index._entries = lambda: reads.append(1) or designations.entries
    s.scan_text("We will work with the University of Leeds on sensors.")
    assert not reads
    s.scan_text("We will collaborate with the Moscow Institute of Physics and Technology on sensors.")
    assert reads


def _seed_by_definition(index: screening.ScreeningIndex, word: str) -> bool:
    """``is_seed`` as its docstring defines it: a seed's key, or within a typo of a listed word with one."""
    folded = screening.fold(word)
    if screening.canon(folded) in index.seed_keys:
        return True
    if len(folded) < 6 or folded in index.common or not folded.isalpha():
        return False
    word_key = index._arrays["word_key"]
    return any(index.keys[int(word_key[v])] in index.seed_keys for v in index._written_for(folded))


def test_a_seed_is_decided_without_scoring_words_no_seed_is_near():
    """A word with no listed word of a seed's key within a typo is not a seed, found without scoring its
    neighbours; every other word is decided as the definition says."""
    index = Scanner(Config(cache=False)).detector.partners.screen
    listed = sorted(w for w in index.vocab if len(w) >= 7 and screening.canon(w) in index.seed_keys)[::40]
    typos = [w[:2] + w[3] + w[2] + w[4:] for w in listed] + [w[:3] + w[4:] for w in listed]
    words = [w.title() for w in listed + typos] + [
        "Consortium",
        "Workshop",
        "Steering",
        "Quarterly",
        "Zqxvwyk",
    ]
    got = {w: index.is_seed(w) for w in words}
    assert any(got[w.title()] for w in typos) and not all(got.values())
    assert got == {w: _seed_by_definition(index, w) for w in words}
    fresh = Scanner(Config(cache=False)).detector.partners.screen
    fresh._typo_cache.clear()
    assert not fresh.is_seed("Zqxvwykq") and "zqxvwykq" not in fresh._typo_cache


def test_a_name_is_looked_up_once_and_its_answer_cannot_be_changed_by_a_caller(monkeypatch):
    index = Scanner(Config(cache=False)).detector.partners.screen
    index._lookup_cache.clear()
    name = "Moscow Institute of Physics and Technology"
    first = index.lookup(name)
    assert first and first == index._lookup(name)
    first.append(-1)
    monkeypatch.setattr(index, "_lookup", lambda text: pytest.fail("looked up again"))
    assert index.lookup(name) == first[:-1]


def test_distinct_values_as_numpy_gives_them():
    for values in ([], [5, 1, 5, 3, 1], [2**63 + 1, 7, 2**63 + 1]):
        a = np.array(values, dtype=np.uint64)
        assert screening._unique(a).dtype == a.dtype
        assert np.array_equal(screening._unique(a), np.unique(a))


def test_screening_a_text_does_not_import_numpy_masked_arrays():
    """``np.unique`` imports ``numpy.ma`` on first use (about 15 ms of a first scan); screening does without."""
    code = (
        "import sys\n"
        "from grantscan.config import Config\n"
        "from grantscan.pipeline import Scanner\n"
        "s = Scanner(Config(cache=False))\n"
        "r = s.scan_text('We will collaborate with the Moscow Institute of Physics and Technology and SAGE.')\n"
        "assert any(f.lists for f in r.findings), 'no list match: the test reads nothing'\n"
        "print('numpy.ma' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "False"


def test_distinctive_keys_and_seeds_made_in_bulk_are_the_ones_defined_per_key():
    index = Scanner(Config(cache=False)).detector.partners.screen
    assert index._distinct.tolist() == [index.distinctive(k) for k in index.keys]
    ptr, names = index._finders

    def capable(k: str) -> bool:
        return len(k) >= 4 and index.distinctive(k) and k not in index.generic_keys

    finds = {k for j, k in enumerate(index.keys) if ptr[j + 1] > ptr[j]}
    found_short = [
        int(x) for j, k in enumerate(index.keys) if not capable(k) for x in names[ptr[j] : ptr[j + 1]]
    ]
    orphans = {k for x in found_short for k in index.names[x].keys if capable(k)}
    assert orphans and index.seed_keys == {
        k for k in index.keys if capable(k) and (k in finds or k in orphans)
    }
    assert "sites" in index.postings and not index.is_seed("Sites")  # a listed word that finds no name
    assert 0 < len(index.seed_keys) < index._distinct.sum() < len(index.keys)


def _typo_child_by_definition(
    index: screening.ScreeningIndex, node: int, word: str
) -> tuple[int | None, float]:
    """``_typo_child`` as its docstring defines it: the closest child of ``node`` among ``_written_for(word)``."""
    if len(word) < 5:
        return None, 1.0
    _, edges, _ = index._trie
    v = max(1, len(index.vocab))
    got = [(r, edges[node * v + w]) for w, r in index._written_for(word).items() if node * v + w in edges]
    if not got:
        return None, 1.0
    best = max(r for r, _ in got)
    return next(c for r, c in got if r == best), best


def test_a_word_after_a_name_start_is_read_for_a_typo_only_when_a_near_word_follows():
    """The trie walk tries a typo only among the children of where it is: a word with no listed word near it
    among them is passed over without scoring; the children found are the defined ones."""
    index = Scanner(Config(cache=False)).detector.partners.screen
    word_id, edges, _ = index._trie
    v = max(1, len(index.vocab))
    node = edges[word_id["marine"]]  # 'Marine ...'
    children = [w for w in index.vocab if node * v + word_id[w] in edges]
    typos = [w[:2] + w[3] + w[2] + w[4:] for w in children if len(w) >= 6]
    words = typos + ["engnieering", "research", "zqxvwykq", "laboratory"]
    assert any(index._typo_child(node, w)[0] is not None for w in typos)
    for w in words:
        assert index._typo_child(node, w) == _typo_child_by_definition(index, node, w), w
    fresh = Scanner(Config(cache=False)).detector.partners.screen
    fresh._typo_cache.clear()
    assert fresh._typo_child(node, "zqxvwykq") == (None, 1.0) and "zqxvwykq" not in fresh._typo_cache


def test_a_words_typo_neighbours_are_probed_once(monkeypatch):
    index = Scanner(Config(cache=False)).detector.partners.screen
    index._word_typo_cache.clear()
    first = index._word_typos("engnieering")
    assert first and first == screening._probe(
        index._arrays["wdel_hash"], index._arrays["wdel_word"], "engnieering"
    )
    monkeypatch.setattr(screening, "_probe", lambda *a: pytest.fail("probed again"))
    assert index._word_typos("engnieering") == first


def _block(scanner: Scanner, text: str):  # noqa: ANN202
    """The partner detector, its tokens and the hashes a scan reads for ``text``."""
    from spacy.attrs import ORTH

    from grantscan.detect.partners.detector import lower_hashes

    partners = scanner.detector.partners
    sdoc = scanner.detector.nlp(text)
    t = partners._toks(sdoc)
    return partners.screen, t, lower_hashes(sdoc), sdoc.to_array(ORTH)


def test_a_block_is_scanned_once_and_its_hits_cannot_be_changed_by_a_caller(scanner, monkeypatch):
    index, t, lower, orth = _block(
        scanner, "Partners: Moscow Institute of Physics and Technology and the Marine Instrument Engnieering."
    )
    index._block_cache.clear()
    cap = lambda i: any(c.isupper() for c in t.word(i))  # noqa: E731
    first = index.scan(lower, orth, t.word, cap)
    assert first and first == index._scan(lower, orth, t.word, cap)
    first[0].names.append(-1)
    monkeypatch.setattr(index, "_scan", lambda *a: pytest.fail("scanned again"))
    again = index.scan(lower, orth, t.word, cap)
    assert -1 not in again[0].names and [h.start for h in again] == [h.start for h in first]


def test_a_blocks_seeds_are_decided_once_and_cannot_be_changed_by_a_caller(scanner, monkeypatch):
    index, _, lower, orth = _block(scanner, "The Baumanskiy Sukhoi Directoate met the Steering Board.")
    index._block_seeds.clear()
    caps = orth[orth != lower]
    strings = scanner.detector.nlp.vocab.strings
    first = index.seed_tokens(caps, strings)
    assert first.any() and not first.all()
    assert np.array_equal(first, [index.is_seed(strings[h]) and strings[h].isalpha() for h in caps.tolist()])
    first[:] = False
    monkeypatch.setattr(index, "_seed_tokens", lambda *a: pytest.fail("decided again"))
    assert index.seed_tokens(caps, strings).any()


def test_a_text_with_a_word_no_listed_name_holds_is_no_listed_name(scanner):
    """The look-up gives up at a word no name holds in any spelling, and finds the names when every word is
    held."""
    index = scanner.detector.partners.screen
    assert index.lookup("Moscow Institute of Physics and Technology")
    assert index._lookup("Moscow Zqxvwyk Institute of Physics and Technology") == []
    for text in ("Institute of Physics Moscow and Technology", "Technology Physics Moscow Institute"):
        assert index._lookup(text) == index.lookup("Moscow Institute of Physics and Technology")


@pytest.mark.parametrize(
    "text,entry_id",
    [
        # a Chinese company's city left out, or moved after the name
        (
            "This proposal involves a research collaboration with HiFar Technology Co., Ltd. on radar.",
            "EL-0255",
        ),
        ("Partner 2: Guowei Integration Technology. Role: data collection.", "EL-0254"),
        ("Samples come from Guoke Tianxun Technology Co., Ltd. (Beijing) in May.", "EL-0253"),
        # the city after the legal form, the syllables joined by a hyphen
        ("We work with Guo-wei Integration Technology Co., Ltd., Beijing on sensors.", "EL-0254"),
        # pinyin syllables written apart
        ("Partner: Bei Hang University supplies engines.", "EL-0300"),
        ("Partner: Guo Wei Integration Technology Co., Ltd. supplies data.", "EL-0254"),
        # the older romanisation of Beijing
        ("Partner: Peking Institute of Technology supplies parts.", "EL-0264"),
        ("Partner 2: Peking J&A Industry & Trade. Role: data collection.", "NP-0291"),  # found by the scan
        # the city in brackets inside the name, before the legal form
        (
            "This proposal involves a research collaboration with HiFar Technology (Beijing) Co., Ltd. on radar.",
            "EL-0255",
        ),
        ("We work with Guoke Tianxun Technology (Beijing) Co., Ltd. on it.", "EL-0253"),
        ("Letters of support came from Siyuan Electronic Co., Ltd., Beijing.", "MEU-0022"),
        # pinyin syllables joined by a hyphen
        ("Partner 3: Hang-wei Optoelectronics Technology (Chongqing). Role: optics.", "EL-0219"),
        # a state group's acronym left out of a member's name
        ("The subcontractor, Harbin Dongan Engine Co., supplies parts.", "MEU-0007"),
        ("Samples come from Shenyang Liming Aero Engine Company.", "MEU-0008"),
        # whom a Russian body is named after left out, its initials left out, or written 'im.'
        ("We will visit the Zelenodolsk Plant in Russia.", "EL-2383"),
        ("We will visit the Zelenodolsk Plant im. Gorky.", "EL-2383"),
        ("Partner: Precision Engineering Design Bureau named after Nudelman.", "EL-2291"),
        ("Partner: State Missile Center named after V.P. Makeyev, Miass.", "EL-2351"),
        # NII for a scientific research institute
        ("Partner: NII of Computing Complexes named after M.A. Kartsev.", "EL-2329"),
        ("Samples come from NII Ekran in Russia.", "EL-2027"),
        # a federal legal form written as FGUP or FSUE
        ("Partner: FGUP Dukhov Automatics Research Institute.", "RUS1350"),
        ("Partner: Dukhov Automatics Research Institute, FSUE.", "RUS1350"),
        # a number written 'No. 9' or 'No 9', an ordinal as its number
        ("Samples come from Zavod No 9 in Yekaterinburg.", "EL-2381"),
        ("Partner: Liyang No.28 System Equipment in China.", "EL-1085"),
        # Persian: Sanaye for industries, the Ezafe written with a hyphen
        ("Partner: Sanaye Electronic Iran.", "INU0075"),
        ("Partner: Sanaye Mokhaberat-e Iran.", "INU0073"),
        # an abbreviation's full stop inside a name; an entry of the Military End-User List
        ("Under this agreement Wuxi Paike New Mat. Tech. Group in China shall provide samples.", "MEU-0062"),
    ],
)
def test_list_name_families_are_designated(scanner, text, entry_id):
    assert_designated(scanner, text, entry_id)


@pytest.mark.parametrize(
    "text",
    [
        # a city and generic words only: not the listed company of that city
        "Partner 2: Beijing Technology Development Co., Limited. Role: analysis.",
        "The subcontractor, Shenyang Aviation Industry Co., Ltd, supplies parts.",
        "Samples come from Beijing Technology Development (Beijing) Co., Ltd. in May.",
        # an unlisted university of the city's older name; syllables that make no listed word
        "We collaborate with Peking University on ecology.",
        "Partner: Tsing Hua University supplies data.",
        "We work with Peking Union Medical College on trials.",
        # a listed name's city left out is not enough when nothing distinctive is left
        "We will visit the Institute of Technology next spring.",
        "Partner: Star Navigation Technology. Role: testing.",
        # a generic remainder of a state group's member
        "Partner: Security Technology Co., Ltd. Role: testing.",
        # a Persian word for industries alone
        "Partner: Century Industry. Role: testing.",
    ],
)
def test_list_family_look_alikes_are_not_flagged_high(scanner, text):
    assert all(f.severity != "high" for f in orgs(scanner, text)), [
        (f.text, [(m.entry_id, m.status) for m in f.lists]) for f in orgs(scanner, text)
    ]


def test_syllables_written_apart_are_joined_only_into_a_listed_word(scanner):
    """'Bei Hang' is read as 'Beihang', a distinctive listed word; two capitalised words that make none stay
    apart; a syllable joined by a hyphen before a run starts the name when the joined word is listed."""
    index = scanner.detector.partners.screen
    assert index._joined_syllables("Bei Hang University") == "Beihang University"
    assert index._joined_syllables("Open Data Institute") is None
    texts = [f.text for f in orgs(scanner, "We work with Guo-wei Integration Technology Co., Ltd. on data.")]
    assert any(x.startswith("Guo-wei Integration") for x in texts), texts
    texts = [f.text for f in orgs(scanner, "The Open-source Software Foundation helps.")]
    assert not any(x.startswith("Open-source") for x in texts), texts


def test_a_legal_form_after_a_bracketed_place_is_read_with_the_name_before_it(scanner):
    """'HiFar Technology (Beijing) Co., Ltd.' is one name: the brackets no longer leave 'Co., Ltd.' on its own;
    brackets holding more than a place do not join ('Acme (see below) Ltd.')."""
    texts = [f.text for f in orgs(scanner, "We work with HiFar Technology (Beijing) Co., Ltd. on radar.")]
    assert any(x.startswith("HiFar Technology") and x.rstrip(".").endswith("Ltd") for x in texts), texts
    texts = [f.text for f in orgs(scanner, "We work with Acme Widgets (see below) Co., Ltd. on radar.")]
    assert not any(x.startswith("Acme") and "Ltd" in x for x in texts), texts


@pytest.mark.parametrize(
    "text,words",
    [
        ("Guo-wei Integration", ("guowei", "integration")),
        ("Peking Institute of Technology", ("beijing", "institute", "technology")),
        ("Hi-tech Sci-tech", ("hi", "technology", "science", "technology")),  # known words stay apart
        ("Physico-technical Institute", ("physics", "technology", "institute")),  # too long for a syllable
        ("Sanaye Mokhaberat-e Iran", ("industry", "mokhaberat", "iran")),
        ("CETC No. 28 Research Institute", ("cetc", "28", "research", "institute")),
        ("The 28th Research Institute", ("28", "research", "institute")),
        ("NII Ekran", ("science", "research", "institute", "ekran")),
        ("Zavod imeni V.A. Degtyareva", ("zavod", "v", "degtyareva")),
    ],
)
def test_name_words_read_syllables_ezafe_numbers_and_russian_abbreviations(text, words):
    assert screening.name_words(text) == words


def test_a_missing_city_or_initial_counts_little_only_beside_a_distinctive_word(scanner):
    index = scanner.detector.partners.screen
    [beijing] = [k for k in index.lookup("Beijing HiFar Technology Co., Ltd.") if not index.generic(k)][:1]
    words = screening.name_words("HiFar Technology")
    score = index._similarity(words, [screening.canon(w) for w in words], index.names[beijing])
    assert screening.DESIGNATED <= score < 1.0
    # the listed name's only distinctive word is its city: left out, the name is another body
    [bit] = index.lookup("Beijing Institute of Technology")[:1]
    words = screening.name_words("Institute of Technology")
    assert index._similarity(words, [screening.canon(w) for w in words], index.names[bit]) == 0.0


@pytest.mark.parametrize(
    "text,words",
    [
        ("Scienific Research Institute", ("science", "research", "institute")),  # a letter dropped
        ("Scienitfic Research", ("science", "research")),  # two letters swapped
        ("Center for Technologeecal Competencies", ("center", "technology", "competencies")),  # spelling key
        ("Limited Liabiltiy Company Id Solution", ("id", "solution")),  # a legal form with a typo
        ("Anvik Technologies Sdn. Bhd", ("anvik", "technology")),
        ("Compania Minera", ("compania", "minera")),  # two letters from 'company': another word
    ],
)
def test_a_long_word_the_lists_know_is_read_through_a_typo_or_another_spelling(text, words):
    assert screening.name_words(text) == words


def test_a_legal_form_written_with_a_typo_is_that_legal_form(scanner):
    """'Limited Liabiltiy Company' writes the whole legal form of 'LIMITED LIABILITY COMPANY ID SOLUTION'; part
    of it does not."""
    index = scanner.detector.partners.screen
    [k] = [k for k in index.lookup("ID Solution Limited Liability Company") if index.raws[k].isupper()]
    assert index.legal_written(k, {"limited", "liabiltiy", "company"})
    assert not index.legal_written(k, {"limited", "company"})


@pytest.mark.parametrize(
    "text,entry_id",
    [
        ("Partner: Korea Foreign Technical Trade Center. Role: trade.", "DPR0149"),
        ("Partner: Bureau of Kezilesu Kyrgyz Autonomous Prefecture Public Security. Role: data.", "EL-0719"),
    ],
)
def test_a_place_word_of_the_listed_name_itself_does_not_place_the_body_elsewhere(scanner, text, entry_id):
    """'Korea' reads as KR and 'Kyrgyz' as KG; written as words of the listed name, they say nothing against
    the entry's own country."""
    assert_designated(scanner, text, entry_id)


def test_a_place_word_the_listed_name_lacks_still_places_the_body(scanner):
    found = orgs(scanner, "Partner 3: Institute of Physics, Polish Academy of Sciences. Role: measurements.")
    assert all(f.severity != "high" for f in found), [(f.text, f.severity) for f in found]


@pytest.mark.parametrize(
    "text,entry_id",
    [
        # the name's finder ('FT') is too short to seed a run: its other distinctive word seeds it, with a typo
        ("Partner 2: Straum FT. Role: data collection.", "EL-1054"),
        # the next sentence's first word is not another word of the name
        ("Partner 2: Hamcho Intl. Role: data collection and analysis of laser optics.", "SYR0304"),
    ],
)
def test_short_finders_and_sentence_ends_do_not_hide_a_listed_name(scanner, text, entry_id):
    assert_designated(scanner, text, entry_id)


def test_a_word_after_a_name_that_no_listed_name_holds_is_not_scored_with_it(monkeypatch):
    scanner = Scanner(Config(cache=False))
    index = scanner.detector.partners.screen
    assert index.holds(screening.canon("wuxi")) and not index.holds("zqxvwyk")
    scored: list[str] = []
    real = index.score_span
    monkeypatch.setattr(
        index, "score_span", lambda text, threshold=None: scored.append(text) or real(text, threshold)
    )
    scanner.scan_text("Partner: Institute of Advanced Technology, Wuxi. Role: analysis.")
    assert "Institute of Advanced Technology Wuxi" in scored
    scanner.scan_text("Partner: Institute of Advanced Technology, Zqxvwyk. Role: analysis.")
    assert not any("Zqxvwyk" in x for x in scored)
