"""Designations: the screening lists grantscan matches organisation names against, and their file formats.

Three sources, read in this order, a later one of the same list replacing an earlier one:

1. the shipped snapshot, ``patterns/designations/designations.tsv`` with ``designations.yaml`` (per list: source,
   licence, snapshot date, row count, what a match means), built by ``scripts/build_designations.py``;
2. newer downloads the office imported itself with ``grantscan lists update FILE...``, kept in the user data dir
   (platformdirs; honours XDG_DATA_HOME) in the same table format;
3. a folder given with ``--lists DIR``, read as it is (any of the formats below) and added to the others.

List files are recognised by shape, not by name, so a refreshed download in the same format just works:

* US restricted-party JSON: ``{list_id, entities: [{name, aliases, country, address, ...}]}``, with an optional
  sibling ``lists.json`` (``{lists: [{id, official_name, snapshot}]}``) giving official names and dates;
* MISP galaxy JSON (ASPI China Defence Universities Tracker): ``{type, name, values: [{value, meta: {aliases}}]}``;
* ``{entries: [{name, raw}]}`` (BIS Entity List universities; aliases parsed from ``raw``);
* UK Sanctions List CSV as FCDO publishes it (a ``Report Date`` line, then ``Unique ID, Name 6, Name type,
  Designation Type, Regime, Address Country, Date Designated ...``), the derived entity names file
  (``unique_id, name, regime_prefix, address_countries``) or the pair ``subject_names.csv`` + ``subjects.csv``.

Loading is knowledge; matching names in text is detection (``grantscan.detect.partners.screening``).
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import overload

from .loader import LineDict, PackError, check_keys, load_yaml
from .resources import patterns_dir

TABLE_COLUMNS = ("list_id", "entry_id", "name", "aliases", "country", "countries", "city", "regime", "listed")
ALIAS_SEP = " | "
UK_LIST_ID, UK_LIST_NAME = "uk-sanctions-list", "UK Sanctions List (FCDO)"
LIST_KEYS = {
    "retrieved",
    "id",
    "name",
    "authority",
    "source",
    "licence",
    "snapshot",
    "snapshot_note",
    "rows",
    "consequence",
}
# Short prefixes of the entry ids given to rows of US lists, which carry no id of their own
US_ID_PREFIX = {
    "bis-entity-list": "EL",
    "bis-meu": "MEU",
    "bis-dpl": "DPL",
    "dow-1260h": "1260H",
    "dow-1286": "1286",
    "ofac-nscmic": "NSCMIC",
    "ofac-eo14032": "EO14032",
    "state-nonproliferation": "NP",
    "state-debarred-statutory": "DDTC",
    "state-debarred-admin": "DDTCA",
    "fcc-covered": "FCC",
    "dhs-uflpa": "UFLPA",
    "cbp-wro": "WRO",
}
# What a match on each list means for a UK research office (shown with every hit)
CONSEQUENCE = {
    UK_LIST_ID: "UK asset freeze: no funds or economic resources may be made available to it, directly or "
    "indirectly, without an OFSI licence; trade sanctions may also apply",
    "bis-entity-list": "US Entity List: a licence is required to export, re-export or transfer US-origin items "
    "(items subject to the EAR) to it, presumption of denial for most",
    "bis-meu": "US Military End-User List: a licence is required for items in Supp. 2 to Part 744 of the EAR",
    "dow-1260h": "US Sec. 1260H Chinese military company: US Department of Defense contracting prohibitions",
    "dow-1286": "US Sec. 1286 institution of concern: a risk to US Department of Defense funded research",
    "ofac-nscmic": "US NS-CMIC List: US persons may not buy its publicly traded securities",
    "ofac-eo14032": "US E.O. 14032 Annex: US persons may not buy its publicly traded securities",
    "state-nonproliferation": "US nonproliferation sanctions: US government procurement, assistance and export "
    "licences are restricted",
    "fcc-covered": "US FCC Covered List: equipment and services deemed a national security risk",
    "dhs-uflpa": "US UFLPA Entity List: goods it makes are presumed made with forced labour and barred from US "
    "import",
}


@dataclass(slots=True)
class ListEntry:
    """One listed party with all its names and what the list says about where it is."""

    list_id: str
    list_name: str
    snapshot: str | None
    name: str
    country: str | None = None  # ISO alpha-2 of the entry's main country
    aliases: list[str] = field(default_factory=list)
    category: str | None = None  # the list's own classification (ASPI category, UK regime prefix)
    entry_id: str | None = None  # the list's reference (UK unique id) or a row id of the snapshot
    regime: str | None = None
    listed: str | None = None  # date designated / listed, as the list gives it
    countries: tuple[str, ...] = ()  # every country of its addresses (ISO alpha-2)
    city: str | None = None

    def all_countries(self) -> set[str]:
        return {c for c in (self.country, *self.countries) if c}


@dataclass(slots=True)
class ListInfo:
    """One list as loaded: where it came from, its date and what a match means."""

    id: str
    name: str
    snapshot: str | None
    rows: int
    source: str = ""
    licence: str = ""
    consequence: str = ""
    origin: str = "shipped"  # shipped | imported | folder
    authority: str = ""
    snapshot_note: str = ""
    retrieved: str | None = None  # when this copy was taken as current (a static list keeps an old snapshot)

    @property
    def current_as_of(self) -> str | None:
        """The date the list is known to have been current: when it was retrieved, else its snapshot."""
        return self.retrieved or self.snapshot


class Designations:
    """All entries to screen against, with one ``ListInfo`` per list.

    ``entries`` may be given as a function that reads them: they are then read the first time they are asked
    for (a scan needs them only when a name matches). ``table``: the shipped table file when the entries are
    exactly that table's rows (a compiled screening index of it can then stand in for them)."""

    __slots__ = ("_entries", "lists", "warnings", "table", "_rows")

    def __init__(
        self,
        entries: list[ListEntry] | Callable[[], list[ListEntry]],
        lists: list[ListInfo],
        warnings: list[str] | None = None,
        table: Path | None = None,
        rows: Callable[[], Sequence[ListEntry]] | None = None,
    ):
        self._entries = entries
        self.lists = lists
        self.warnings = warnings if warnings is not None else []
        self.table = table
        self._rows = rows

    @property
    def entries(self) -> list[ListEntry]:
        if callable(self._entries):
            self._entries = self._entries()
        return self._entries

    def rows(self) -> Sequence[ListEntry]:
        """The entries, in order, for a reader that needs only some of them (a screening index reads the entries
        its matches name): the shipped table's rows each read when first asked for (``TableRows``), where the
        entries have not been read already; else ``entries``."""
        if callable(self._rows):
            if not callable(self._entries):
                return self._entries
            self._rows = self._rows()
        return self._rows if self._rows is not None else self.entries

    def __len__(self) -> int:
        return len(self.entries)


# -- small helpers --------------------------------------------------------------------------------------------


def default_country(name: str | None) -> str | None:
    """ISO alpha-2 code for a country name written in a list file, via pycountry; None if unknown."""
    if not name:
        return None
    import pycountry

    clean = re.sub(r"\s*\(.*?\)", "", name.replace("’", "'")).strip().rstrip(".")
    extra = {
        "Russia": "RU",
        "Iran": "IR",
        "North Korea": "KP",
        "South Korea": "KR",
        "U.A.E": "AE",
        "UAE": "AE",
    }
    if clean in extra:
        return extra[clean]
    for cand in (clean, clean.replace("Peoples", "People's")):
        try:
            return pycountry.countries.lookup(cand).alpha_2
        except LookupError:
            pass
    if len(name) == 2 and name.isalpha():
        return name.upper()
    return None


_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def iso_date(text: str | None) -> str | None:
    """'29/04/2026', '29-Apr-2026', 'June 10, 2026', 'July 2026', '2026-07-09' -> ISO date (or year-month)."""
    if not text:
        return None
    t = text.strip()
    if m := re.search(r"\b(\d{4})-(\d\d)-(\d\d)\b", t):
        return m.group(0)
    if m := re.search(r"\b(\d\d?)/(\d\d?)/(\d{4})\b", t):
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if m := re.search(r"\b(\d\d?)[- ]([A-Za-z]{3})[a-z]*[- ](\d{4})\b", t):
        mon = _MONTHS.get(m.group(2).lower())
        if mon:
            return f"{m.group(3)}-{mon:02d}-{int(m.group(1)):02d}"
    if m := re.search(r"\b([A-Za-z]{3})[a-z]*\.? (\d\d?), (\d{4})\b", t):
        mon = _MONTHS.get(m.group(1).lower())
        if mon:
            return f"{m.group(3)}-{mon:02d}-{int(m.group(2)):02d}"
    if m := re.search(r"\b([A-Za-z]{3})[a-z]* (\d{4})\b", t):
        mon = _MONTHS.get(m.group(1).lower())
        if mon:
            return f"{m.group(2)}-{mon:02d}"
    return None


_AKA = re.compile(r"\s*\(?\b(?:a\.k\.a\.|f\.k\.a\.|aka\b),?\s*", re.I)
_TAIL_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&\-]{1,11})\)\s*$")
_PERSONISH = re.compile(r"^[A-Z][a-z'\-]+(?: [A-Z]\.?| [A-Z][a-z'\-]+){1,3}$")
# words that make a name an organisation's (a person's name has none of them)
_ORG_WORDS = re.compile(
    r"(?i)\b(?:co|corp|corporation|company|ltd|limited|llc|inc|jsc|pjsc|ojsc|cjsc|oao|zao|ooo|plc|gmbh|ag|sa|"
    r"group|holding|holdings|industr\w*|institute|institution|university|academy|college|school|center|centre|"
    r"laborator\w*|bureau|plant|factory|works|concern|enterprise|trading|technolog\w*|systems?|electronics?|"
    r"international|services?|association|ministry|agency|organi[sz]ation|foundation|bank|fund|energy|"
    r"aviation|aerospace|shipping|engineering|research|development|design|solutions|network|union|partners|"
    r"office|department|army|force|corps|guard|committee|council|federation|directorate|station|firm|oy|ab|"
    r"associates|cloud|construction|compan\w*|aeronautic\w*|lab|labs|century|petrochemical\w*|hizballah|"
    r"hezbollah|plan|program|programme|huawei|shanghai|beijing|shenzhen|ningbo|belarus|moscow|tehran)\b"
)


def split_name(raw: str) -> tuple[str, list[str]]:
    """A listed name as extracted from a document -> (name, aliases): 'X (a.k.a., Y; Z' and 'X (ABC)'."""
    name = " ".join(raw.split())
    aliases: list[str] = []
    parts = _AKA.split(name, maxsplit=1)
    if len(parts) == 2:
        name = parts[0].strip(" ,;(")
        aliases += [a.strip(" .;,()—-") for a in re.split(r";|—", parts[1]) if a.strip(" .;,()—-")]
    m = _TAIL_ACRONYM.search(name)
    if m:
        aliases.append(m.group(1))
        stripped = name[: m.start()].strip(" ,")
        if stripped:
            aliases.append(stripped)
    return name, aliases


def looks_like_person(name: str) -> bool:
    """A listed individual rather than an organisation: 2-4 capitalised words, none an organisation word."""
    n = " ".join(name.split())
    if _ORG_WORDS.search(n) or any(ch.isdigit() for ch in n):
        return False
    if re.fullmatch(r"[A-Z][A-Za-z'\-]+, [A-Z][A-Za-z'\-. ]+", n):  # "Arellano, Jonathan"
        return True
    words = n.split()
    if 2 <= len(words) <= 4 and (n.isupper() or _PERSONISH.match(n)):
        return True
    return False


def _address_city(address: str, country_word: str | None) -> str | None:
    """The town of an address that ends '..., Beijing, China' or '..., Moscow 125009, Russia'."""
    if not address:
        return None
    first = re.split(r";|\band\b", address)[0]
    parts = [p.strip(" .") for p in first.split(",") if p.strip(" .")]
    if country_word and parts and parts[-1].lower().startswith(country_word.lower()[:4]):
        parts = parts[:-1]
    for p in reversed(parts[-2:]):
        words = re.sub(r"\b\d[\d\-]*\b", " ", p).split()
        if 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not _ORG_WORDS.search(p):
            if not re.search(
                r"(?i)\b(?:road|street|st|avenue|ave|district|building|floor|room|lane|no)\b", p
            ):
                return " ".join(words)
    return None


# -- reading list files -----------------------------------------------------------------------------------------


def _us_metadata(folder: Path) -> dict[str, dict]:
    meta_file = folder / "lists.json"
    if not meta_file.is_file():
        return {}
    try:
        data = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {m.get("id"): m for m in data.get("lists", []) if isinstance(m, dict)}


def load_us(
    data: dict,
    meta: dict,
    country_of: Callable[[str | None], str | None] = default_country,
    organisations_only: bool = False,
) -> list[ListEntry]:
    """Entries of one US restricted-party JSON file (``meta``: its row of lists.json, may be empty)."""
    list_id = str(data["list_id"])
    list_name = meta.get("official_name") or meta.get("short_name") or list_id
    snapshot = iso_date(meta.get("snapshot")) or iso_date(data.get("extracted")) or meta.get("snapshot")
    prefix = US_ID_PREFIX.get(list_id, list_id.upper())
    out = []
    for row, ent in enumerate(data.get("entities", []), 1):
        if not isinstance(ent, dict) or not ent.get("name"):
            continue
        name, extra = split_name(str(ent["name"]))
        if organisations_only and looks_like_person(name):
            continue
        aliases = [a for a in ent.get("aliases") or [] if isinstance(a, str) and a.strip()]
        aliases += [a for a in extra if a not in aliases]
        country_word = ent.get("country") if isinstance(ent.get("country"), str) else None
        country = country_of(country_word)
        if not country and "china" in (ent.get("notes") or "").lower():
            country = "CN"
        listed = ent.get("effective_date") or ent.get("federal_register")
        out.append(
            ListEntry(
                list_id,
                list_name,
                snapshot,
                name,
                country,
                aliases,
                entry_id=f"{prefix}-{row:04d}",
                listed=str(listed) if listed else None,
                city=_address_city(str(ent.get("address") or ""), country_word),
            )
        )
    return out


def _load_misp(path: Path, data: dict) -> list[ListEntry]:
    list_id = str(data.get("type") or path.stem)
    list_name = str(data.get("name") or list_id)
    if data.get("source"):
        list_name += f" ({data['source']})"
    snapshot = f"galaxy version {data['version']}" if data.get("version") is not None else None
    desc = str(data.get("description", ""))
    country = "CN" if re.search(r"\bChin(a|ese)\b", desc) else None
    out = []
    for row, v in enumerate(data.get("values", []), 1):
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
                entry_id=str(v.get("uuid") or f"{list_id}-{row:04d}"),
            )
        )
    return out


_ALIAS_RE = re.compile(r"a\.k\.a\.,?\s*(?:the following \w+ aliases?:)?\s*(.*?)(?:\.\s+[A-Z0-9]|$)", re.S)


def _load_entries(path: Path, data: dict, country_of: Callable[[str | None], str | None]) -> list[ListEntry]:
    list_id = path.parent.name or path.stem
    snapshot = str(data.get("generatedAt", ""))[:10] or None
    list_name = "BIS Entity List (universities and institutes)" if "entity-list" in list_id else list_id
    out = []
    for row, ent in enumerate(data.get("entries", []), 1):
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
        out.append(
            ListEntry(
                list_id, list_name, snapshot, ent["name"], country, aliases, entry_id=f"{list_id}-{row:04d}"
            )
        )
    return out


def _group_uk(rows: Iterable[dict]) -> list[ListEntry]:
    """Rows {uid, name_type, name, countries, updated, designated, regime} -> one entry per subject."""
    by_id: dict[str, dict] = {}
    newest = ""
    for r in rows:
        uid = r["uid"]
        s = by_id.setdefault(
            uid,
            {
                "primary": None,
                "names": [],
                "countries": [],
                "regime": r.get("regime") or uid[:3],
                "designated": r.get("designated"),
            },
        )
        if (
            r["name_type"].startswith("primary")
            and "variation" not in r["name_type"]
            and s["primary"] is None
        ):
            s["primary"] = r["name"]
        if r["name"] not in s["names"]:
            s["names"].append(r["name"])
        for c in r.get("countries") or ():
            if c and c not in s["countries"]:
                s["countries"].append(c)
        newest = max(newest, iso_date(r.get("updated")) or "")
    out = []
    for uid, s in by_id.items():
        primary = s["primary"] or s["names"][0]
        out.append(
            ListEntry(
                UK_LIST_ID,
                UK_LIST_NAME,
                newest or None,
                primary,
                s["countries"][0] if s["countries"] else None,
                [n for n in s["names"] if n != primary],
                uid[:3],
                entry_id=uid,
                regime=s["regime"],
                listed=iso_date(s["designated"]) or s["designated"],
                countries=tuple(s["countries"]),
            )
        )
    return out


def _label(s: str) -> str:
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", s.strip().lower())).strip("_")


def _read_csv(path: Path) -> tuple[list[str], list[list[str]], str | None]:
    """Header (normalised labels), rows and the 'Report Date' of a CSV that may start with one."""
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    report = None
    for i, r in enumerate(rows[:5]):
        cells = [c for c in r if c.strip()]
        if len(cells) == 1 and cells[0].lower().startswith("report date"):
            report = iso_date(cells[0])
            continue
        if cells:
            return [_label(c) for c in r], rows[i + 1 :], report
    return [], [], report


def _uk_official(header: list[str], rows: list[list[str]], report: str | None) -> list[ListEntry]:
    """The UK Sanctions List CSV as FCDO publishes it: entities only (not individuals or ships)."""
    col = {h: i for i, h in enumerate(header)}

    def get(r: list[str], *names: str) -> str:
        for n in names:
            i = col.get(n)
            if i is not None and i < len(r) and r[i].strip():
                return r[i].strip()
        return ""

    kind_cols = ("designation_type", "individual_entity_ship", "subject_type", "type")
    out_rows = []
    for r in rows:
        kind = get(r, *kind_cols).lower()
        if not kind.startswith("entit"):
            continue
        name = get(r, "name_6", "name") or " ".join(
            x for x in (get(r, f"name_{i}") for i in range(1, 6)) if x
        )
        if not name:
            continue
        country = default_country(get(r, "address_country", "address_countries", "country"))
        out_rows.append(
            {
                "uid": get(r, "unique_id"),
                "name_type": _label(get(r, "name_type") or "alias"),
                "name": name,
                "countries": [country] if country else [],
                "updated": get(r, "last_updated") or report,
                "designated": get(r, "date_designated"),
                "regime": get(r, "regime_name", "regime") or None,
            }
        )
    entries = _group_uk(x for x in out_rows if x["uid"])
    if report:
        for e in entries:
            e.snapshot = report
    return entries


def _uk_entities(header: list[str], rows: list[list[str]]) -> list[ListEntry]:
    col = {h: i for i, h in enumerate(header)}

    def get(r: list[str], n: str) -> str:
        i = col.get(n)
        return r[i].strip() if i is not None and i < len(r) else ""

    return _group_uk(
        {
            "uid": get(r, "unique_id"),
            "name_type": get(r, "name_type"),
            "name": get(r, "name"),
            "countries": [c for c in get(r, "address_countries").split(";") if c],
            "updated": get(r, "last_updated"),
            "designated": get(r, "date_designated"),
            "regime": get(r, "regime_prefix") or None,
        }
        for r in rows
        if get(r, "name")
    )


def _uk_subject_names(path: Path) -> list[ListEntry]:
    types: dict[str, tuple[str, str, str]] = {}
    subjects = path.parent / "subjects.csv"
    if subjects.is_file():
        with subjects.open(encoding="utf-8-sig", newline="") as fh:
            types = {
                r["unique_id"]: (
                    r.get("subject_type", ""),
                    r.get("last_updated", ""),
                    r.get("date_designated", ""),
                )
                for r in csv.DictReader(fh)
            }
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = []
        for r in csv.DictReader(fh):
            kind, updated, designated = types.get(r["unique_id"], ("", "", ""))
            if types and kind != "entity":
                continue  # individuals and ships: organisation spans never name them
            if r.get("full_name"):
                rows.append(
                    {
                        "uid": r["unique_id"],
                        "name_type": r.get("name_type", ""),
                        "name": r["full_name"],
                        "updated": updated,
                        "designated": designated,
                    }
                )
    return _group_uk(rows)


def read_list_file(
    path: Path,
    country_of: Callable[[str | None], str | None] = default_country,
    has_uk_entities: bool = False,
    organisations_only: bool = False,
) -> list[ListEntry] | None:
    """Entries of one list file; [] for a companion file (lists.json, subjects.csv); None when unrecognised.

    Raises OSError, ValueError, KeyError or csv.Error on a file that looks like a list but cannot be read."""
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "list_id" in data and isinstance(data.get("entities"), list):
            meta = _us_metadata(path.parent).get(data["list_id"], {})
            return load_us(data, meta, country_of, organisations_only)
        if isinstance(data, dict) and isinstance(data.get("values"), list) and "type" in data:
            return _load_misp(path, data)
        if isinstance(data, dict) and isinstance(data.get("entries"), list):
            return _load_entries(path, data, country_of)
        if isinstance(data, list) and data and all(isinstance(x, dict) and "name" in x for x in data):
            return _load_entries(path, {"entries": data}, country_of)  # names with translations
        if isinstance(data, dict) and isinstance(data.get("lists"), list):
            return []  # lists.json: metadata read alongside the list files
        return None
    if path.suffix.lower() != ".csv":
        return None
    header, rows, report = _read_csv(path)
    h = set(header)
    if h >= {"unique_id", "name", "regime_prefix"}:
        return _uk_entities(header, rows)
    if "unique_id" in h and ({"name_6", "name_1"} & h) and h & {"designation_type", "individual_entity_ship"}:
        return _uk_official(header, rows, report)
    if h >= {"unique_id", "full_name", "name_type"}:
        return [] if has_uk_entities else _uk_subject_names(path)
    if h >= {"unique_id", "subject_type"}:
        return []  # subjects.csv: read with subject_names.csv
    return None


def load_folder(
    folder: str | Path, country_of: Callable[[str | None], str | None] = default_country
) -> Designations:
    """Read every screening list under ``folder`` (recursively); unknown files become warnings."""
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"screening-list folder not found: {root}")
    entries: list[ListEntry] = []
    warnings: list[str] = []
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in (".json", ".csv"))
    has_uk_entities = any(
        set(_read_csv(p)[0]) >= {"unique_id", "name", "regime_prefix"}
        for p in files
        if p.suffix.lower() == ".csv"
    )
    for p in files:
        rel = p.relative_to(root)
        try:
            got = read_list_file(p, country_of, has_uk_entities)
        except (OSError, ValueError, KeyError, csv.Error, UnicodeDecodeError) as e:
            warnings.append(f"{rel}: unreadable screening list ({type(e).__name__}: {e}), skipped")
            continue
        if got is None:
            warnings.append(f"{rel}: not a recognised screening list, skipped")
        else:
            entries += got
    return Designations(entries, _infos(entries, "folder"), warnings)


def _infos(entries: list[ListEntry], origin: str) -> list[ListInfo]:
    out: dict[str, ListInfo] = {}
    for e in entries:
        info = out.get(e.list_id)
        if info is None:
            out[e.list_id] = ListInfo(
                e.list_id,
                e.list_name,
                e.snapshot,
                1,
                consequence=CONSEQUENCE.get(e.list_id, ""),
                origin=origin,
            )
        else:
            info.rows += 1
            if e.snapshot and (info.snapshot is None or e.snapshot > info.snapshot):
                info.snapshot = e.snapshot
    return list(out.values())


@lru_cache(maxsize=4)
def _cached(folder: str, stamp: tuple, country_of: Callable[[str | None], str | None]) -> Designations:
    return load_folder(folder, country_of)


def load_lists(
    folder: str | Path, country_of: Callable[[str | None], str | None] = default_country
) -> Designations:
    """``load_folder`` cached per folder and file modification times (read once per run)."""
    root = Path(folder).resolve()
    stamp = (
        tuple(sorted((str(p), p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()))
        if root.is_dir()
        else ()
    )
    return _cached(str(root), stamp, country_of)


# -- the table format (shipped snapshot and imported lists) ------------------------------------------------------


def write_table(entries: list[ListEntry], path: Path) -> None:
    """Entries as the tab-separated table the shipped snapshot and imported lists are kept in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(TABLE_COLUMNS)
        for e in entries:
            w.writerow(
                [
                    e.list_id,
                    e.entry_id or "",
                    _clean(e.name),
                    ALIAS_SEP.join(_clean(a) for a in dict.fromkeys(e.aliases) if _clean(a) and a != e.name),
                    e.country or "",
                    ";".join(e.countries),
                    e.city or "",
                    e.regime or "",
                    e.listed or "",
                ]
            )


def _clean(s: str) -> str:
    return " ".join(s.replace("|", "/").split())


def read_table(path: Path, infos: dict[str, ListInfo]) -> list[ListEntry]:
    """Entries of a table written by ``write_table``; ``infos`` gives each list's name and snapshot."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        header = next(reader, None)
        if header is None or tuple(header) != TABLE_COLUMNS:
            raise PackError(path, 1, f"expected the columns {', '.join(TABLE_COLUMNS)}")
        for line, row in enumerate(reader, 2):
            out.append(_row_entry(path, line, row, infos))
    return out


def _row_entry(path: Path, line: int, row: list[str], infos: dict[str, ListInfo]) -> ListEntry:
    """The entry of one row of a table (``line``: where it starts, for errors)."""
    if len(row) != len(TABLE_COLUMNS):
        raise PackError(path, line, f"expected {len(TABLE_COLUMNS)} tab-separated fields, got {len(row)}")
    list_id, entry_id, name, aliases, country, countries, city, regime, listed = row
    info = infos.get(list_id)
    if info is None:
        raise PackError(path, line, f"list '{list_id}' is not described in the list metadata")
    if not name:
        raise PackError(path, line, "empty name")
    return ListEntry(
        list_id,
        info.name,
        info.snapshot,
        name,
        country or None,
        aliases.split(ALIAS_SEP) if aliases else [],
        regime or None,
        entry_id or None,
        regime or None,
        listed or None,
        tuple(countries.split(";")) if countries else (),
        city or None,
    )


class TableRows(Sequence[ListEntry]):
    """The entries of a table written by ``write_table``, each row parsed the first time it is asked for (then
    kept, so an entry is always the same object): a scan reads the entries of the few names it matches, and
    parsing all ~5,400 rows costs about 30 ms in every process that matches one.

    Where the rows start is found from the bytes once: a line break ends a row unless it lies inside a quoted
    field (the listed-date column holds Federal Register citations with line breaks), which an odd count of
    quotes before it shows, as ``write_table`` quotes a field holding a quote and doubles the quotes inside.
    The header and each list's row count (``meta``, the table's metadata file) are checked here as
    ``_load_table_set`` checks them; a row's fields when it is read, with the same errors as ``read_table``."""

    def __init__(self, path: Path, infos: dict[str, ListInfo], meta: tuple[Path, LineDict] | None = None):
        self._path, self._infos = path, infos
        data = self._data = path.read_bytes()
        starts: list[int] = []
        counts: dict[bytes, int] = {}
        at, quoted = 0, False
        for line in data.split(b"\n"):
            if not quoted and line:
                starts.append(at)
                list_id = line.split(b"\t", 1)[0]
                counts[list_id] = counts.get(list_id, 0) + 1
            if line.count(b'"') % 2:
                quoted = not quoted
            at += len(line) + 1
        header = data[: starts[1] if len(starts) > 1 else len(data)].decode("utf-8").rstrip("\n")
        if not starts or tuple(header.split("\t")) != TABLE_COLUMNS:
            raise PackError(path, 1, f"expected the columns {', '.join(TABLE_COLUMNS)}")
        counts[TABLE_COLUMNS[0].encode()] -= 1
        if meta is not None:
            meta_path, doc = meta
            for d in doc["lists"]:
                got = counts.get(str(d["id"]).encode(), 0)
                if got != d["rows"]:
                    raise PackError(
                        meta_path,
                        d.key_line("rows"),
                        f"list '{d['id']}': {got} rows in {path.name}, not {d['rows']}",
                    )
        self._starts = [*starts[1:], len(data) + 1]
        self._made: dict[int, ListEntry] = {}

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, i: int) -> ListEntry: ...
    @overload
    def __getitem__(self, i: slice) -> list[ListEntry]: ...
    def __getitem__(self, i: int | slice) -> ListEntry | list[ListEntry]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        got = self._made.get(i)
        if got is None:
            a, b = self._starts[i], self._starts[i + 1] - 1
            text = self._data[a:b].decode("utf-8")
            row = next(csv.reader([text], delimiter="\t"), [])
            got = self._made[i] = _row_entry(self._path, self._data.count(b"\n", 0, a) + 1, row, self._infos)
        return got


def _read_meta(path: Path, origin: str) -> tuple[LineDict, dict[str, ListInfo]]:
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise PackError(path, 1, "expected a mapping with 'lists'")
    check_keys(path, data, {"built", "table", "lists", "note"}, {"lists", "table"}, "designations")
    if not isinstance(data["lists"], list):
        raise PackError(path, data.key_line("lists"), "'lists' must be a list")
    infos: dict[str, ListInfo] = {}
    for d in data["lists"]:
        check_keys(path, d, LIST_KEYS, {"id", "name", "snapshot", "rows"}, "list")
        if not isinstance(d["rows"], int) or d["rows"] < 0:
            raise PackError(path, d.key_line("rows"), "'rows' must be a count")
        infos[str(d["id"])] = ListInfo(
            str(d["id"]),
            str(d["name"]),
            str(d["snapshot"]) if d.get("snapshot") else None,
            d["rows"],
            str(d.get("source", "")),
            str(d.get("licence", "")),
            str(d.get("consequence", "") or CONSEQUENCE.get(str(d["id"]), "")),
            origin,
            str(d.get("authority", "")),
            str(d.get("snapshot_note", "")),
            str(d["retrieved"]) if d.get("retrieved") else None,
        )
    return data, infos


def _load_table_set(meta_path: Path, origin: str) -> tuple[list[ListEntry], list[ListInfo]]:
    data, infos = _read_meta(meta_path, origin)
    table = meta_path.parent / str(data["table"])
    entries = read_table(table, infos)
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.list_id] = counts.get(e.list_id, 0) + 1
    for d in data["lists"]:
        got = counts.get(str(d["id"]), 0)
        if got != d["rows"]:
            raise PackError(
                meta_path,
                d.key_line("rows"),
                f"list '{d['id']}': {got} rows in {table.name}, not {d['rows']}",
            )
    return entries, list(infos.values())


def shipped_dir() -> Path:
    return patterns_dir() / "designations"


def user_dir() -> Path:
    """Where ``grantscan lists update`` keeps imported lists (platformdirs user data dir)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("grantscan", appauthor=False)) / "designations"


def _stamp(folder: Path) -> tuple:
    return (
        tuple(
            sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob("*") if p.is_file())
        )
        if folder.is_dir()
        else ()
    )


def default_designations() -> Designations:
    """The shipped snapshot, each list replaced by a newer import of it where the office made one."""
    return _default(_stamp(shipped_dir()), str(user_dir()), _stamp(user_dir()))


@cache
def _default(shipped_stamp: tuple, user: str, user_stamp: tuple) -> Designations:
    meta = Path(user) / "designations.yaml"
    shipped = shipped_dir() / "designations.yaml"
    if not meta.is_file():  # the shipped snapshot alone: its rows are read when first needed
        data, by_id = _read_meta(shipped, "shipped")
        table = shipped.parent / str(data["table"])
        return Designations(
            lambda: _load_table_set(shipped, "shipped")[0],
            list(by_id.values()),
            table=table,
            rows=lambda: TableRows(table, by_id, (shipped, data)),
        )
    entries, infos = _load_table_set(shipped, "shipped")
    warnings: list[str] = []
    if meta.is_file():
        try:
            imported, new_infos = _load_table_set(meta, "imported")
        except PackError as e:
            warnings.append(f"imported lists ignored: {e}")
        else:
            replaced = {i.id for i in new_infos}
            entries = [e for e in entries if e.list_id not in replaced] + imported
            infos = [i for i in infos if i.id not in replaced] + new_infos
    return Designations(entries, infos, warnings)


def screened_lists(lists_dir: str | Path | None = None) -> list[tuple[str, str | None]]:
    """(list name, date it was current) of every list a scan with ``lists_dir`` screens names against, read from
    the lists' metadata alone: the shipped snapshot, the office's newer imports in its place, and the folder's."""
    _, infos = _read_meta(shipped_dir() / "designations.yaml", "shipped")
    infos = dict(infos)
    meta = user_dir() / "designations.yaml"
    if meta.is_file():
        try:
            infos.update(_read_meta(meta, "imported")[1])
        except PackError:
            pass  # ignored by the scan too (see _default), so not screened against either
    out = [(i.name, i.current_as_of) for i in infos.values()]
    if lists_dir is not None:
        out += [(i.name, i.current_as_of) for i in load_lists(lists_dir).lists]
    return out


def digest() -> str:
    """Changes whenever the lists a default scan screens against change (for result caches)."""
    h = hashlib.sha256()
    for folder in (shipped_dir(), user_dir()):
        for name, mtime, size in _stamp(folder):
            h.update(f"{folder.name}/{name}:{mtime}:{size}\n".encode())
    return h.hexdigest()


# -- importing a newer download ------------------------------------------------------------------------------------


class ListImportError(ValueError):
    """A file given to ``lists update`` is not a usable screening list."""


def import_lists(files: list[Path], target: Path | None = None, min_share: float = 0.5) -> list[ListInfo]:
    """Validate newer downloads of the lists (official formats) and keep them for later scans.

    Each list found replaces the shipped one of the same id (or an earlier import). A file that is not a list,
    holds no organisation, or has less than ``min_share`` of the rows the list has now (a truncated download) is
    refused with ``ListImportError`` and nothing is written."""
    target = target or user_dir()
    current = {i.id: i for i in default_designations().lists}
    found: dict[str, list[ListEntry]] = {}
    sources: dict[str, str] = {}
    for f in files:
        p = Path(f)
        if not p.is_file():
            raise ListImportError(f"{p}: not found")
        try:
            got = read_list_file(p, organisations_only=True)
        except (OSError, ValueError, KeyError, csv.Error, UnicodeDecodeError) as e:
            raise ListImportError(f"{p}: unreadable ({type(e).__name__}: {e})") from None
        if got is None:
            raise ListImportError(f"{p}: not a UK Sanctions List CSV or a US restricted-party JSON file")
        for e in got:
            found.setdefault(e.list_id, []).append(e)
            sources.setdefault(e.list_id, p.name)
    if not found:
        raise ListImportError("no organisation found in the files given")
    infos = []
    for list_id, entries in found.items():
        if any(not e.name.strip() for e in entries):
            raise ListImportError(f"{sources[list_id]}: an entry without a name")
        old = current.get(list_id)
        if old and old.rows and len(entries) < min_share * old.rows:
            raise ListImportError(
                f"{sources[list_id]}: {len(entries)} organisations, fewer than {min_share:.0%} of the "
                f"{old.rows} loaded now: a partial download?"
            )
        snap = max((e.snapshot for e in entries if e.snapshot), default=None)
        if not snap:
            raise ListImportError(f"{sources[list_id]}: no date found (report date or last-updated column)")
        infos.append(
            ListInfo(
                list_id,
                entries[0].list_name,
                snap,
                len(entries),
                source=f"imported from {sources[list_id]} on {_dt.date.today().isoformat()}",
                licence=old.licence if old else "",
                consequence=CONSEQUENCE.get(list_id, old.consequence if old else ""),
                origin="imported",
            )
        )
    # keep earlier imports of other lists
    keep: list[ListEntry] = []
    keep_infos: list[ListInfo] = []
    meta = target / "designations.yaml"
    if meta.is_file():
        try:
            old_entries, old_infos = _load_table_set(meta, "imported")
        except PackError:
            old_entries, old_infos = [], []
        keep = [e for e in old_entries if e.list_id not in found]
        keep_infos = [i for i in old_infos if i.id not in found]
    all_infos = keep_infos + infos
    snaps = {i.id: i.snapshot for i in all_infos}
    all_entries = keep + [e for list_id in found for e in found[list_id]]
    for e in all_entries:
        e.snapshot = snaps.get(e.list_id, e.snapshot)
    write_meta(
        all_infos,
        target / "designations.yaml",
        "designations.tsv",
        note="lists imported with grantscan lists update",
    )
    write_table(all_entries, target / "designations.tsv")
    _default.cache_clear()
    return infos


def write_meta(
    infos: list[ListInfo], path: Path, table: str, note: str = "", built: str | None = None
) -> None:
    """The YAML that describes a table: per list id, name, source, licence, snapshot, rows, consequence."""
    import yaml

    data = {
        "built": built or _dt.date.today().isoformat(),
        "table": table,
        **({"note": note} if note else {}),
        "lists": [
            {
                "id": i.id,
                "name": i.name,
                **({"authority": i.authority} if i.authority else {}),
                "source": i.source,
                "licence": i.licence,
                "snapshot": i.snapshot,
                **({"snapshot_note": i.snapshot_note} if i.snapshot_note else {}),
                **({"retrieved": i.retrieved} if i.retrieved else {}),
                "rows": i.rows,
                "consequence": i.consequence,
            }
            for i in infos
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")


def describe(extra: Designations | None = None) -> list[str]:
    """One line per list loaded by default (and from ``extra``): name, origin, snapshot date, rows."""
    d = default_designations()
    lines = [
        f"{i.id:26s} {i.origin:9s} snapshot {i.snapshot or 'unknown':12s} {i.rows:6d} entries  {i.name}"
        for i in d.lists
    ]
    if extra is not None:
        lines += [
            f"{i.id:26s} {'--lists':9s} snapshot {i.snapshot or 'unknown':12s} {i.rows:6d} entries  {i.name}"
            for i in extra.lists
        ]
    return lines + [f"warning: {w}" for w in d.warnings]
