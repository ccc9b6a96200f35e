"""Screening lists: load restricted-party / sanctions / tracker files from a folder and match names against them.

Files are recognised by shape, not by name, so a refreshed download in the same format just works:

* US restricted-party JSON: ``{list_id, entities: [{name, aliases, country, ...}]}``, with an optional
  sibling ``lists.json`` (``{lists: [{id, official_name, snapshot}]}``) giving official names and dates;
* MISP galaxy JSON (ASPI China Defence Universities Tracker): ``{type, name, values: [{value, meta: {aliases}}]}``;
* ``{entries: [{name, raw}]}`` (BIS Entity List universities; aliases parsed from ``raw``);
* UK Sanctions List CSV: the entity names file (``unique_id, name, regime_prefix, address_countries``) or the
  pair ``subject_names.csv`` + ``subjects.csv`` (``unique_id, full_name`` joined to ``subject_type``).

Anything else is skipped with a warning. Matching normalises names (case, accents, punctuation, "the",
legal suffixes, "Univ." -> University, word order), looks the key up exactly, then scores fuzzy candidates
found through a rare-token index with rapidfuzz; the index is built once per folder.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from ..model import ListMatch

MATCH_THRESHOLD = 0.90  # score at or above which a fuzzy candidate is reported
MIN_FUZZY_CHARS = 5  # normalised names this short (acronyms) only ever match exactly
MAX_TOKEN_DF = 200  # tokens in more entries than this are too common to find candidates by

LEGAL_SUFFIXES = {
    "ltd",
    "limited",
    "plc",
    "llc",
    "llp",
    "inc",
    "incorporated",
    "corp",
    "co",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "srl",
    "spa",
    "bv",
    "nv",
    "oy",
    "ab",
    "as",
    "kg",
    "pte",
    "pty",
    "jsc",
    "ojsc",
    "pjsc",
    "cjsc",
    "oao",
    "zao",
    "ooo",
    "sarl",
    "kk",
    "company",
    "corporation",
}
ABBREVIATIONS = {
    "univ": "university",
    "inst": "institute",
    "intl": "international",
    "tech": "technology",
    "natl": "national",
    "acad": "academy",
    "sci": "science",
    "dept": "department",
    "st": "saint",
    "mfg": "manufacturing",
    "engg": "engineering",
    "eng": "engineering",
    "labs": "laboratory",
    "lab": "laboratory",
    "centre": "center",
    "defence": "defense",
    "&": "and",
}
# Words too generic to identify an organisation on their own; never used to find fuzzy candidates.
GENERIC = {
    "and",
    "of",
    "the",
    "for",
    "in",
    "at",
    "on",
    "de",
    "university",
    "institute",
    "technology",
    "science",
    "sciences",
    "research",
    "center",
    "laboratory",
    "national",
    "international",
    "group",
    "company",
    "industry",
    "industries",
    "engineering",
    "academy",
    "china",
    "chinese",
    "state",
    "key",
    "college",
    "electronic",
    "electronics",
    "trading",
    "limited",
    "no",
    "corporation",
    "china's",
    "military",
    "school",
    "department",
    "people's",
    "peoples",
    "liberation",
    "army",
    "technologies",
    "systems",
    "equipment",
    "development",
    "co",
    "ltd",
    "llc",
    "import",
    "export",
}
_ALIAS_RE = re.compile(r"a\.k\.a\.,?\s*(?:the following \w+ aliases?:)?\s*(.*?)(?:\.\s+[A-Z0-9]|$)", re.S)


def normalise_name(name: str) -> str:
    """Comparable form of an organisation name: ASCII lower case, no punctuation, no 'the' or legal suffixes."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("&", " and ").replace("’", "'")
    s = re.sub(r"\([^)]*[^\x00-\x7f][^)]*\)", " ", s)  # bracketed non-Latin names ("(中国...)")
    s = re.sub(r"[^a-z0-9']+", " ", s).replace("'", "")
    words = [ABBREVIATIONS.get(w, w) for w in s.split()]
    while words and words[-1] in LEGAL_SUFFIXES and len(words) > 1:
        words.pop()
    words = [w for w in words if w not in ("the",) and not (w in LEGAL_SUFFIXES and w != "company")]
    return " ".join(words)


def sort_key(normalised: str) -> str:
    """Word-order-insensitive key of a normalised name."""
    return " ".join(sorted(normalised.split()))


@dataclass(slots=True)
class ListEntry:
    """One listed party with all its names."""

    list_id: str
    list_name: str
    snapshot: str | None
    name: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    category: str | None = None  # the list's own classification (ASPI category, UK regime prefix)


def default_country(name: str | None) -> str | None:
    """ISO alpha-2 code for a country name written in a list file, via pycountry; None if unknown."""
    if not name:
        return None
    import pycountry

    clean = re.sub(r"\s*\(.*?\)", "", name.replace("’", "'")).strip()
    for cand in (clean, clean.replace("Peoples", "People's")):
        try:
            return pycountry.countries.lookup(cand).alpha_2
        except LookupError:
            pass
    if len(name) == 2 and name.isalpha():
        return name.upper()
    return None


class ScreeningLists:
    """All entries of the lists found in a folder, indexed for exact and fuzzy name matching."""

    def __init__(self, entries: list[ListEntry], warnings: list[str] | None = None):
        self.entries = entries
        self.warnings = warnings or []
        self._category = {(e.list_id, e.name): e.category for e in entries if e.category}
        self._exact: dict[str, list[tuple[int, str]]] = defaultdict(list)  # sort key -> (entry, name)
        self._names: list[tuple[int, str, str]] = []  # (entry, listed name, normalised)
        self._name_words: list[int] = []  # words in each normalised name
        token_entries: dict[str, set[int]] = defaultdict(set)
        for i, e in enumerate(entries):
            for raw in dict.fromkeys([e.name, *e.aliases]):
                norm = normalise_name(raw)
                if not norm:
                    continue
                self._exact[sort_key(norm)].append((i, raw))
                if len(norm) >= MIN_FUZZY_CHARS:
                    idx = len(self._names)
                    self._names.append((i, raw, norm))
                    self._name_words.append(len(norm.split()))
                    for tok in set(norm.split()):
                        token_entries[tok].add(idx)
        self._all_tokens = dict(token_entries)
        self._token_index = {
            t: ids
            for t, ids in token_entries.items()
            if len(ids) <= MAX_TOKEN_DF and t not in GENERIC and len(t) > 2
        }

    def category(self, match: ListMatch) -> str | None:
        """The list's classification of a matched entry ('Military', 'RUS'), when the list has one."""
        return self._category.get((match.list_id, match.entry))

    def __len__(self) -> int:
        return len(self.entries)

    def match(self, text: str, threshold: float = MATCH_THRESHOLD) -> list[ListMatch]:
        """List entries matching ``text`` (best first, one per list entry), each with a 0..1 score."""
        norm = normalise_name(text)
        if not norm:
            return []
        found: dict[int, tuple[float, str]] = {}
        for i, raw in self._exact.get(sort_key(norm), ()):
            found[i] = (1.0, raw)
        words = norm.split()
        fuzzy_ok = len(words) > 1 or (len(norm) >= 8 and norm not in GENERIC)
        if not found and len(norm) >= MIN_FUZZY_CHARS and fuzzy_ok:
            cands = list(self._candidates(norm))  # in the set's order: of equal scores the first is kept
            # token_sort_ratio of all candidates in one call; a ratio under the threshold stays under it after
            # the word-count penalty, so those are not returned (the margin: 0.56 * 100 is 56.00000000000001)
            ratios = {
                pos: ratio
                for _, ratio, pos in process.extract(
                    norm,
                    [self._names[idx][2] for idx in cands],
                    scorer=fuzz.token_sort_ratio,
                    score_cutoff=threshold * 100 - 1e-6,
                    limit=None,
                )
            }
            la = len(words)
            for pos, idx in enumerate(cands):
                if pos not in ratios:
                    continue
                i, raw, _ = self._names[idx]
                score = _penalised(ratios[pos], la, self._name_words[idx])
                if score >= threshold and score > found.get(i, (0.0, ""))[0]:
                    found[i] = (score, raw)
        out = []
        seen: set[tuple[str, str]] = set()
        for i, (score, _raw) in sorted(found.items(), key=lambda kv: -kv[1][0]):
            e = self.entries[i]
            if (e.list_id, e.name) in seen:  # the same party loaded from two files of one list
                continue
            seen.add((e.list_id, e.name))
            out.append(
                ListMatch(
                    list_id=e.list_id,
                    list_name=e.list_name,
                    snapshot=e.snapshot,
                    entry=e.name,
                    score=round(score, 3),
                    country=e.country,
                )
            )
        return out

    def _candidates(self, norm: str) -> set[int]:
        """Names sharing at least one distinctive token with ``norm`` (the rarest two tokens are used)."""
        words = set(norm.split())
        toks = sorted((t for t in words if t in self._token_index), key=lambda t: len(self._token_index[t]))
        out: set[int] = set()
        for t in toks[:2]:
            out |= self._token_index[t]
        if not out:  # only common words survived (a typo in the distinctive one): names holding all of them
            common = [self._all_tokens[t] for t in words if t in self._all_tokens]
            if len(common) >= 2:
                out = set.intersection(*common)
        return out

    @staticmethod
    def _score(a: str, b: str) -> float:
        """token_sort_ratio with a penalty when one name has words the other lacks (length difference)."""
        return _penalised(fuzz.token_sort_ratio(a, b), len(a.split()), len(b.split()))


def _penalised(ratio: float, la: int, lb: int) -> float:
    """A 0..100 ratio as a 0..1 score, less 0.03 per word that one name has more than the other."""
    base = ratio / 100.0
    if la != lb:
        base -= 0.03 * abs(la - lb)
    return max(0.0, base)


# -- loading ------------------------------------------------------------------------------------------------


def _us_metadata(folder: Path) -> dict[str, dict]:
    meta_file = folder / "lists.json"
    if not meta_file.is_file():
        return {}
    try:
        data = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {m.get("id"): m for m in data.get("lists", []) if isinstance(m, dict)}


def _load_us(path: Path, data: dict, country_of: Callable[[str | None], str | None]) -> list[ListEntry]:
    meta = _us_metadata(path.parent).get(data["list_id"], {})
    list_name = meta.get("official_name") or meta.get("short_name") or data["list_id"]
    snapshot = meta.get("snapshot") or data.get("extracted")
    out = []
    for ent in data.get("entities", []):
        if not isinstance(ent, dict) or not ent.get("name"):
            continue
        aliases = [a for a in ent.get("aliases") or [] if isinstance(a, str)]
        out.append(
            ListEntry(
                data["list_id"], list_name, snapshot, ent["name"], country_of(ent.get("country")), aliases
            )
        )
    return out


def _load_misp(path: Path, data: dict) -> list[ListEntry]:
    list_id = str(data.get("type") or path.stem)
    list_name = str(data.get("name") or list_id)
    if data.get("source"):
        list_name += f" ({data['source']})"
    snapshot = (
        f"galaxy version {data['version']}" if data.get("version") is not None else None
    )  # no date in the file
    desc = str(data.get("description", ""))
    country = "CN" if re.search(r"\bChin(a|ese)\b", desc) else None
    out = []
    for v in data.get("values", []):
        if not isinstance(v, dict) or not v.get("value"):
            continue
        meta = v.get("meta") or {}
        name = re.sub(r"\s*\([^)]*\)\s*$", "", v["value"]).strip() or v["value"]
        aliases = [a for a in meta.get("aliases") or [] if isinstance(a, str)]
        if name != v["value"]:
            aliases.append(v["value"])
        cats = meta.get("categories") or []
        out.append(
            ListEntry(
                list_id,
                list_name,
                snapshot,
                name,
                meta.get("country") or country,
                aliases,
                ", ".join(cats) if isinstance(cats, list) else str(cats),
            )
        )
    return out


def _load_entries(path: Path, data: dict, country_of: Callable[[str | None], str | None]) -> list[ListEntry]:
    list_id = path.parent.name or path.stem
    snapshot = str(data.get("generatedAt", ""))[:10] or None
    list_name = "BIS Entity List (universities and institutes)" if "entity-list" in list_id else list_id
    out = []
    for ent in data.get("entries", []):
        if not isinstance(ent, dict) or not ent.get("name"):
            continue
        raw = str(ent.get("raw") or "")
        aliases: list[str] = []
        m = _ALIAS_RE.search(raw)
        if m:
            body = re.sub(r"^the following \w+ alias(?:es)?:", "", m.group(1).strip())
            aliases = [a.strip(" .;,—-") for a in re.split(r"[;]|—", body) if a.strip(" .;,—-")]
        country = None
        tail = re.search(r",\s*([A-Z][A-Za-z ]+)\.?\s*$", raw)
        if tail:
            country = country_of(tail.group(1))
        out.append(ListEntry(list_id, list_name, snapshot, ent["name"], country, aliases))
    return out


def _uk_date(d: str) -> str:
    m = re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})", d.strip())
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else d


UK_LIST_ID, UK_LIST_NAME = "uk-sanctions-list", "UK Sanctions List (FCDO)"


def _group_uk(rows: Iterable[tuple[str, str, str, str | None, str]]) -> list[ListEntry]:
    """Rows (unique_id, name_type, name, country, last_updated) -> one entry per subject."""
    by_id: dict[str, dict] = {}
    newest = ""
    for uid, name_type, name, country, updated in rows:
        s = by_id.setdefault(uid, {"primary": None, "names": [], "country": country, "regime": uid[:3]})
        if name_type == "primary" and s["primary"] is None:
            s["primary"] = name
        s["names"].append(name)
        newest = max(newest, _uk_date(updated or ""))
    out = []
    for s in by_id.values():
        primary = s["primary"] or s["names"][0]
        out.append(
            ListEntry(
                UK_LIST_ID,
                UK_LIST_NAME,
                newest or None,
                primary,
                s["country"],
                [n for n in s["names"] if n != primary],
                s["regime"],
            )
        )
    return out


def _load_uk_entities(path: Path) -> list[ListEntry]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = [
            (
                r["unique_id"],
                r.get("name_type", ""),
                r["name"],
                (r.get("address_countries") or "").split(";")[0] or None,
                r.get("last_updated", ""),
            )
            for r in csv.DictReader(fh)
            if r.get("name")
        ]
    return _group_uk(rows)


def _load_uk_subject_names(path: Path) -> list[ListEntry]:
    types: dict[str, tuple[str, str]] = {}
    subjects = path.parent / "subjects.csv"
    if subjects.is_file():
        with subjects.open(encoding="utf-8-sig", newline="") as fh:
            types = {
                r["unique_id"]: (r.get("subject_type", ""), r.get("last_updated", ""))
                for r in csv.DictReader(fh)
            }
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = []
        for r in csv.DictReader(fh):
            kind, updated = types.get(r["unique_id"], ("", ""))
            if types and kind != "entity":
                continue  # individuals and ships: organisation spans never name them
            if r.get("full_name"):
                rows.append((r["unique_id"], r.get("name_type", ""), r["full_name"], None, updated))
    return _group_uk(rows)


def _csv_header(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return next(csv.reader(fh), [])
    except (OSError, UnicodeDecodeError):
        return []


def load_folder(
    folder: str | Path, country_of: Callable[[str | None], str | None] = default_country
) -> ScreeningLists:
    """Read every screening list under ``folder`` (recursively); unknown files become warnings."""
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"screening-list folder not found: {root}")
    entries: list[ListEntry] = []
    warnings: list[str] = []
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in (".json", ".csv"))
    has_uk_entities = any(
        set(_csv_header(p)) >= {"unique_id", "name", "regime_prefix"}
        for p in files
        if p.suffix.lower() == ".csv"
    )
    for p in files:
        rel = p.relative_to(root)
        try:
            if p.suffix.lower() == ".json":
                data = json.loads(p.read_text(encoding="utf-8"))
                if isinstance(data, dict) and "list_id" in data and isinstance(data.get("entities"), list):
                    entries += _load_us(p, data, country_of)
                elif isinstance(data, dict) and isinstance(data.get("values"), list) and "type" in data:
                    entries += _load_misp(p, data)
                elif isinstance(data, dict) and isinstance(data.get("entries"), list):
                    entries += _load_entries(p, data, country_of)
                elif (
                    isinstance(data, list) and data and all(isinstance(x, dict) and "name" in x for x in data)
                ):
                    entries += _load_entries(p, {"entries": data}, country_of)  # names with translations
                elif isinstance(data, dict) and isinstance(data.get("lists"), list):
                    pass  # lists.json: metadata read alongside the list files
                else:
                    warnings.append(f"{rel}: not a recognised screening list, skipped")
            else:
                header = set(_csv_header(p))
                if header >= {"unique_id", "name", "regime_prefix"}:
                    entries += _load_uk_entities(p)
                elif header >= {"unique_id", "full_name", "name_type"}:
                    if not has_uk_entities:  # the entity file already holds these names
                        entries += _load_uk_subject_names(p)
                elif header >= {"unique_id", "subject_type"}:
                    pass  # subjects.csv: read with subject_names.csv
                else:
                    warnings.append(f"{rel}: not a recognised screening list, skipped")
        except (OSError, ValueError, KeyError, csv.Error) as e:
            warnings.append(f"{rel}: unreadable screening list ({type(e).__name__}: {e}), skipped")
    return ScreeningLists(entries, warnings)


@lru_cache(maxsize=4)
def _cached(folder: str, stamp: tuple, country_of: Callable[[str | None], str | None]) -> ScreeningLists:
    return load_folder(folder, country_of)


def load_lists(
    folder: str | Path, country_of: Callable[[str | None], str | None] = default_country
) -> ScreeningLists:
    """``load_folder`` cached per folder and file modification times (the index is built once per run)."""
    root = Path(folder).resolve()
    stamp = (
        tuple(sorted((str(p), p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()))
        if root.is_dir()
        else ()
    )
    return _cached(str(root), stamp, country_of)
