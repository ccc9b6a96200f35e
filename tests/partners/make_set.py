#!/usr/bin/env python3
"""Write tests/partners/labelled.jsonl: short proposal and agreement texts, each naming one organisation.

Positives are listed entities of the shipped designations (UK Sanctions List, BIS Entity List) written as
listed, as a listed alias, as an acronym, shortened, in another word order, transliterated differently, with
another legal form or with a typo. Negatives are real unlisted universities with near names (from the
world universities register Hipo/university-domains-list, MIT licence, file world_universities_and_domains.json
at commit bb07faf064e1c68be9b26fb71de31f01e361f974), shared institute names placed in Europe, surnames,
companies sharing a word with a listed one, journal titles, references and negated mentions.

Rows are drawn with a fixed seed, so the file is the same on every run. Each row has a ``split``: ``frozen``
when the first hex digit of sha1(id) is 0-4 (about a third), else ``tune``. Thresholds are fitted on the tune
part only; the frozen part is only scored.

Family rows (ids t000...) were added later, to the tune part only, for name forms the first rows lacked:
adjective forms ('Moscow Physico-Technical Institute'), academy-of-sciences suffixes left out or written 'RAS',
Russian legal forms written out or transliterated ('Aktsionernoe Obshchestvo X'), further transliteration
variants, and real unlisted institutions with near names (``NEAR_UNLISTED``). ``--add-families`` rewrites only
them, leaving the other rows byte for byte.

    .venv/bin/python tests/partners/make_set.py --register world_universities_and_domains.json
    .venv/bin/python tests/partners/make_set.py --add-families
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

from grantscan.knowledge.designations import ListEntry, default_designations, split_name

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEED = 20261206

TEMPLATES = [
    "This proposal involves a research collaboration with {org}{place} on {topic}.",
    "Work package 3 will be carried out jointly with {org}{place}, which provides {topic} expertise.",
    "The subcontractor, {org}{place}, will supply test equipment for the {topic} experiments.",
    "Partner 2: {org}{place}. Role: data collection and analysis of {topic}.",
    "We will exchange two doctoral researchers with {org}{place} during the second year.",
    "Under this agreement {org}{place} shall provide samples and share results on {topic}.",
    "Letters of support were received from {org}{place}, our industrial partner for {topic}.",
    "The consortium includes {org}{place} as an associate partner contributing {topic} know-how.",
]
TOPICS = [
    "quantum sensing",
    "battery materials",
    "radar signal processing",
    "machine learning",
    "composites",
    "satellite communications",
    "power electronics",
    "laser optics",
    "gas turbines",
    "semiconductor devices",
]
COUNTRY_WORDS = {
    "RU": "Russia",
    "CN": "China",
    "IR": "Iran",
    "BY": "Belarus",
    "KP": "North Korea",
    "SY": "Syria",
}
LEGAL = ["JSC", "PJSC", "OAO", "OJSC", "Co., Ltd.", "Ltd", "Group", "Corporation", "LLC", "Company"]
LEGAL_RX = re.compile(
    r"(?i)^(?:public |open |closed )?joint[- ]stock company\s+|^(?:JSC|PJSC|OJSC|OAO|CJSC|ZAO|AO|LLC|OOO)\s+|"
    r",?\s+(?:JSC|PJSC|OJSC|OAO|LLC|Co\.?,? Ltd\.?|Ltd\.?|Limited|Inc\.?|Corporation|Corp\.?|Company|Group)\.?$"
)
TRANSLIT = [
    ("shahid", "shaheed"),
    ("ii", "iy"),
    ("iy", "ii"),
    ("kh", "h"),
    ("y", "i"),
    ("ks", "x"),
    ("x", "ks"),
    ("ou", "u"),
    ("u", "ou"),
    ("j", "zh"),
    ("zh", "j"),
    ("v", "w"),
    ("ee", "i"),
    ("i", "ee"),
]


def strip_legal(name: str) -> str:
    prev = None
    while prev != name:
        prev, name = name, LEGAL_RX.sub("", name).strip(" ,'\"")
    return name


def clean(name: str) -> str:
    name = split_name(name)[0]
    name = re.sub(r"\s*\([^)]*\)", "", name).strip(" .")
    name = name.replace("'", "").replace('"', "")
    return name.title() if name.isupper() and len(name.split()) > 3 else name


def typo(rng: random.Random, name: str) -> str:
    words = name.split()
    j = max(range(len(words)), key=lambda i: len(words[i]))
    w = words[j]
    k = rng.randrange(1, len(w) - 2)
    words[j] = w[:k] + w[k + 1] + w[k] + w[k + 2 :] if rng.random() < 0.5 else w[:k] + w[k + 1 :]
    return " ".join(words)


def translit(rng: random.Random, name: str) -> str | None:
    low = name.lower()
    for a, b in rng.sample(TRANSLIT, len(TRANSLIT)):
        words = name.split()
        for i, w in enumerate(words):
            if (
                a in w.lower()
                and w[:1].isupper()
                and len(w) > 4
                and w.lower() not in ("university", "institute")
            ):
                nw = w.lower().replace(a, b, 1)
                words[i] = nw[:1].upper() + nw[1:]
                out = " ".join(words)
                if out.lower() != low:
                    return out
    return None


def reorder(name: str) -> str | None:
    m = re.fullmatch(r"(Institute|University|Academy|Center|Centre|Bureau|Plant|Factory) of (.+)", name)
    if m:
        return f"{m.group(2)} {m.group(1)}"
    m = re.fullmatch(r"(.+) (Institute|University|Academy|Plant|Factory|Center|Centre|Bureau) of (.+)", name)
    if m:
        return f"{m.group(2)} of {m.group(3)}, {m.group(1)}" if len(m.group(1).split()) == 1 else None
    m = re.fullmatch(r"(.+) (Institute|University|Academy|Plant|Center|Bureau)", name)
    if m and len(m.group(1).split()) >= 2:
        return f"{m.group(2)} of {m.group(1)}"
    return None


def shorten(name: str) -> str | None:
    rep = [
        ("University", "Univ."),
        ("Institute", "Inst."),
        ("Technology", "Tech."),
        ("Academy", "Acad."),
        ("National", "Nat'l"),
        ("Laboratory", "Lab"),
        ("International", "Intl"),
    ]
    out = name
    for a, b in rep:
        out = out.replace(a, b)
    if out != name:
        return out
    words = name.split()
    tail = {
        "Company",
        "Corporation",
        "Group",
        "Plant",
        "Limited",
        "Industries",
        "Industry",
        "Enterprise",
        "Factory",
    }
    if len(words) >= 3 and words[-1] in tail:
        return " ".join(words[:-1])
    return None


def is_acronym(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9\-]{2,8}", s))


def sentence(rng: random.Random, org: str, place: str) -> str:
    return rng.choice(TEMPLATES).format(org=org, place=place, topic=rng.choice(TOPICS))


def designated_row(text: str, form: str, written: str, e: ListEntry, names: list[str]) -> dict:
    """A positive row: ``text`` names entry ``e`` as ``written``, in the written form ``form``."""
    return {
        "text": text,
        "label": "designated",
        "form": form,
        "org": written,
        "list_id": e.list_id,
        "entry_id": e.entry_id,
        "names": names,
    }


def positives(rng: random.Random) -> list[dict]:
    d = default_designations()
    pool = [
        e
        for e in d.entries
        if e.list_id in ("uk-sanctions-list", "bis-entity-list")
        and e.country in COUNTRY_WORDS
        and 2 <= len(clean(strip_legal(e.name)).split()) <= 7
        and not re.search(r"\d", e.name)
    ]
    rng.shuffle(pool)
    forms = ["listed", "alias", "acronym", "shortened", "reordered", "transliterated", "legal-form", "typo"]
    want = {f: 13 for f in forms}
    rows: list[dict] = []
    seen: set[str] = set()
    for e in pool:
        base = clean(strip_legal(e.name))
        if base.lower() in seen or len(base) < 8 or len(strip_legal(base).split()) < 2:
            continue
        names = [e.name, *e.aliases]
        for form in rng.sample(forms, len(forms)):
            if want[form] <= 0:
                continue
            written = None
            if form == "listed":
                written = clean(e.name)
            elif form == "alias":
                al = [
                    clean(a)
                    for a in e.aliases
                    if not is_acronym(a) and len(a.split()) >= 2 and clean(a) != base
                ]
                written = rng.choice(al) if al else None
            elif form == "acronym":
                ac = [a for a in e.aliases if is_acronym(a)]
                written = ac[0] if ac else None
            elif form == "shortened":
                written = shorten(base)
            elif form == "reordered":
                written = reorder(base)
            elif form == "transliterated":
                written = translit(rng, base)
            elif form == "legal-form":
                lf = rng.choice(LEGAL)
                written = f"{lf} {base}" if lf in ("JSC", "PJSC", "OAO", "OJSC") else f"{base} {lf}"
            elif form == "typo":
                written = typo(rng, base) if max(len(w) for w in base.split()) >= 6 else None
            if not written:
                continue
            place = ""
            if rng.random() < 0.5:
                place = (
                    f" ({COUNTRY_WORDS[e.country]})"
                    if rng.random() < 0.5
                    else f" in {COUNTRY_WORDS[e.country]}"
                )
            rows.append(designated_row(sentence(rng, written, place), form, written, e, names))
            want[form] -= 1
            seen.add(base.lower())
            break
        if all(v <= 0 for v in want.values()):
            break
    return rows


def negatives(rng: random.Random, register: Path) -> list[dict]:
    from rapidfuzz import fuzz, process

    d = default_designations()
    listed = {clean(n).lower() for e in d.entries for n in [e.name, *e.aliases]}
    listed_unis = sorted(
        {clean(n) for e in d.entries for n in [e.name, *e.aliases] if re.search(r"University|Institute", n)}
    )
    unis = json.loads(register.read_text(encoding="utf-8"))
    rows: list[dict] = []
    # near names: register universities that look most like a listed one but are not listed
    cands = []
    for u in unis:
        name = u["name"].strip()
        if name.lower() in listed or len(name.split()) < 2:
            continue
        best = process.extractOne(name, listed_unis, scorer=fuzz.token_sort_ratio, score_cutoff=80)
        if best and best[0].lower() != name.lower():
            cands.append((name, u.get("country") or "", best[0]))
    rng.shuffle(cands)
    for name, country, near in cands[:45]:
        place = f" in {country}" if country and rng.random() < 0.6 else ""
        rows.append(
            {
                "text": sentence(rng, name, place),
                "label": "not",
                "form": "near-name",
                "org": name,
                "near": near,
            }
        )
    shared = [
        ("Institute of Applied Physics", "University of Bern, Switzerland"),
        ("Institute of Applied Physics", "Friedrich Schiller University Jena, Germany"),
        ("Institute of Applied Physics", "TU Wien, Austria"),
        ("Institute of Physics", "Polish Academy of Sciences, Warsaw, Poland"),
        ("Institute of Nuclear Physics", "Krakow, Poland"),
        ("Institute of Solid State Physics", "University of Latvia, Riga"),
        ("Institute of Chemical Physics", "University of Tartu, Estonia"),
        ("Northeastern University", "Boston, Massachusetts"),
        ("Institute of Metal Physics", "Vienna, Austria"),
        ("Institute for Nuclear Research", "Debrecen, Hungary"),
    ]
    for inst, where in shared:
        rows.append(
            {
                "text": f"Partner 3: {inst}, {where}. Role: measurements.",
                "label": "not",
                "form": "shared-name",
                "org": inst,
            }
        )
    listed_people = [
        "Sharif",
        "Beheshti",
        "Almaz",
        "Rostec",
        "Tupolev",
        "Kalashnikov",
        "Sukhoi",
        "Ilyushin",
        "Mikoyan",
        "Baikal",
    ]
    for w in listed_people:
        rows.append(
            {
                "text": f"Dr {rng.choice(['Ali', 'Maria', 'Sam', 'Nadia'])} {w} (University of Leeds) "
                f"leads work package {rng.randint(1, 6)}.",
                "label": "not",
                "form": "surname",
                "org": w,
            }
        )
    for w in [
        "Almaz",
        "Baikal",
        "Vega",
        "Progress",
        "Kalashnikov",
        "Mayak",
        "Sirius",
        "Orion",
        "Zenit",
        "Granit",
    ]:
        co = f"{w} {rng.choice(['Consulting Ltd', 'Software GmbH', 'Bakery Ltd', 'Design Studio', 'Dental Care Ltd'])}"
        rows.append(
            {
                "text": sentence(rng, co, f" in {rng.choice(['Leeds', 'Munich', 'Lyon', 'Dublin'])}"),
                "label": "not",
                "form": "shared-word",
                "org": co,
            }
        )
    journal_of = [
        "Harbin Institute of Technology",
        "Beihang University",
        "Northwestern Polytechnical University",
        "Sharif University of Technology",
        "National University of Defense Technology",
        "Moscow Institute of Physics and Technology",
        "Harbin Engineering University",
        "University of Electronic Science and Technology of China",
    ]
    for n in journal_of:
        rows.append(
            {
                "text": f"Our method follows results published in the Journal of {n} (2021, vol. 53).",
                "label": "not",
                "form": "journal",
                "org": n,
            }
        )
    for i, n in enumerate(journal_of[:6]):
        rows.append(
            {
                "text": f"[{i + 3}] Zhang, L. et al. Thermal modelling of composites. {n}, Proc. 2019, "
                f"pp. 12-19.",
                "label": "not",
                "form": "reference",
                "org": n,
            }
        )
    for n in journal_of[:8]:
        rows.append(
            {
                "text": f"For clarity: our partner is not {n}; it is an unrelated company in Leeds.",
                "label": "not",
                "form": "negated",
                "org": n,
            }
        )
    return rows


# -- families added to the tune part -------------------------------------------------------------------------------
#
# Rows written after the frozen part was fixed, for name families the first rows lacked: adjective forms, academy-of-
# sciences suffixes, Russian legal forms written out or transliterated, further transliteration variants, and real
# unlisted institutions with near names. They are all ``tune`` (ids t000...): the frozen part stays as it was.

ADJECTIVE = {
    "Physics": "Physical",
    "Chemistry": "Chemical",
    "Electronics": "Electronic",
    "Mathematics": "Mathematical",
    "Mechanics": "Mechanical",
    "Optics": "Optical",
    "Technology": "Technological",
    "Aeronautics": "Aeronautical",
    "Astronautics": "Astronautical",
    "Science": "Scientific",
}
PAIRED = {
    ("Physics", "Technology"): "Physico-Technical",
    ("Science", "Technology"): "Scientific and Technical",
}
RU_LEGAL = [
    ("Aktsionernoe Obshchestvo {}", "AO"),
    ("Otkrytoe Aktsionernoe Obshchestvo {}", "OAO"),
    ("Publichnoe Aktsionernoe Obshchestvo {}", "PAO"),
    ("Obshchestvo s Ogranichennoi Otvetstvennostyu {}", "OOO"),
    ("Joint-Stock Company {}", "JSC"),
    ("{} Joint Stock Co.", "JSC"),
    ("Limited Liability Company {}", "LLC"),
    ("{}, OOO", "OOO"),
]
MORE_TRANSLIT = [
    (r"skiy\b", "sky"),
    (r"sky\b", "ski"),
    (r"iy\b", "y"),
    (r"kh", "h"),
    (r"ya", "ia"),
    (r"yu", "iu"),
    (r"ts", "tz"),
    (r"Shahid", "Shaheed"),
    (r"gh", "q"),
    (r"ou", "u"),
    (r"iya\b", "ia"),
]
# Real institutions with names near listed ones, not on the shipped lists (checked when the rows are written),
# and the country each is in
NEAR_UNLISTED = [
    ("Institute of Botany, Chinese Academy of Sciences", "China"),
    ("Institute of Zoology, Chinese Academy of Sciences", "China"),
    ("Institute of Geology and Geophysics, Chinese Academy of Sciences", "China"),
    ("Institute of Chemistry, Chinese Academy of Sciences", "China"),
    ("Dalian Institute of Chemical Physics, Chinese Academy of Sciences", "China"),
    ("Shanghai Institute of Organic Chemistry, Chinese Academy of Sciences", "China"),
    ("Institute of Archaeology of the Russian Academy of Sciences", "Russia"),
    ("Institute of Linguistics, Russian Academy of Sciences", "Russia"),
    ("Institute of Oriental Manuscripts of the Russian Academy of Sciences", "Russia"),
    ("Ioffe Physical-Technical Institute", "Russia"),
    ("Kharkiv Institute of Physics and Technology", "Ukraine"),
    ("Karlsruhe Institute of Technology", "Germany"),
    ("Institute of Physics of the Czech Academy of Sciences", "Czech Republic"),
    ("Institute of Physics, Polish Academy of Sciences", "Poland"),
    ("Institute of Solid State Physics, Bulgarian Academy of Sciences", "Bulgaria"),
    ("Institute of Semiconductor Physics, National Academy of Sciences of Ukraine", "Ukraine"),
    ("Nizhny Novgorod State Technical University", "Russia"),
    ("Tomsk Polytechnic University", "Russia"),
    ("Isfahan University of Technology", "Iran"),
    ("Tabriz University of Technology", "Iran"),
    ("Saint Petersburg Electrotechnical University", "Russia"),
    ("National Technical University of Athens", "Greece"),
]


def adjective_form(name: str) -> str | None:
    """'Moscow Institute of Physics and Technology' -> 'Moscow Physico-Technical Institute'; 'Harbin Institute of
    Technology' -> 'Harbin Technological Institute'."""
    m = re.fullmatch(r"(.*?)\s*\b(Institute|University|Academy) of (\w+)(?: and (\w+))?", name)
    if not m or m.group(3) not in ADJECTIVE or (m.group(4) and m.group(4) not in ADJECTIVE):
        return None
    head, kind, a, b = m.group(1), m.group(2), m.group(3), m.group(4)
    adj = PAIRED.get((a, b)) if b else ADJECTIVE[a]
    if adj is None:
        adj = f"{ADJECTIVE[a]} and {ADJECTIVE[b]}"
    return f"{head} {adj} {kind}".strip()


def academy_form(rng: random.Random, name: str) -> str | None:
    """A name with its academy-of-sciences part left out, or written 'RAS' / 'CAS'."""
    m = re.fullmatch(r"(.+?),?\s+(?:of\s+)?(?:the\s+)?(Russian|Chinese) Academy of Sciences", name)
    if m:
        short = "RAS" if m.group(2) == "Russian" else "CAS"
        return rng.choice([m.group(1), f"{m.group(1)}, {short}", f"{m.group(1)} of the {short}"])
    m = re.fullmatch(r"Chinese Academy of Sciences'?,?\s+(.+)", name)
    if m:
        return rng.choice([f"{m.group(1)}, CAS", f"{m.group(1)}, Chinese Academy of Sciences"])
    return None


def more_translit(rng: random.Random, name: str, everyday: frozenset[str]) -> str | None:
    """One transliteration rule applied to a word of ``name`` that is not an everyday English word."""
    words = name.split()
    for rx, rep in rng.sample(MORE_TRANSLIT, len(MORE_TRANSLIT)):
        for i, w in enumerate(words):
            if w.lower().strip("“”'\"") in everyday or not w[:1].isupper():
                continue
            out = re.sub(rx, rep, w, count=1)
            if out != w:
                return " ".join([*words[:i], out, *words[i + 1 :]])
    return None


def bare(name: str) -> str:
    """A name without the legal-form words at either end ('LLC X Company Limited Liability' -> 'X')."""
    from grantscan.detect.partners.words import word_lists

    legal = word_lists().legal_forms
    words = clean(name).split()
    while words and re.sub(r"\W", "", words[0].lower()) in legal:
        words = words[1:]
    while words and re.sub(r"\W", "", words[-1].lower()) in legal:
        words = words[:-1]
    return " ".join(words).strip(" ,")


def family_rows(rng: random.Random) -> list[dict]:
    """Rows of the families added to the tune part (see above)."""
    from grantscan.detect.partners.detector import _common_words
    from grantscan.detect.partners.screening import name_words
    from grantscan.detect.partners.words import word_lists
    from grantscan.knowledge.designations import looks_like_person

    everyday = _common_words()
    generic = word_lists().generic
    d = default_designations()
    pool = [
        e
        for e in d.entries
        if e.list_id in ("uk-sanctions-list", "bis-entity-list")
        and e.country in COUNTRY_WORDS
        and not looks_like_person(e.name)
    ]
    rng.shuffle(pool)
    rows: list[dict] = []
    want = {"adjective": 8, "academy": 8, "legal-ru": 8, "translit-more": 8}
    seen: set[str] = set()
    for e in pool:
        names = [e.name, *e.aliases]
        base = bare(e.name)
        if base.lower() in seen or re.search(r"\d", e.name) or len(base.split()) < 2:
            continue
        written, form = None, None
        if want["adjective"] and (written := adjective_form(clean(e.name))):
            form = "adjective"
        elif (
            want["academy"]
            and "Academy of Sciences" in e.name
            and (written := academy_form(rng, clean(e.name)))
        ):
            form = "academy"
        elif (
            want["legal-ru"]
            and e.country == "RU"
            and not all(w in everyday or w in generic for w in name_words(base))
            and bare(e.name) != clean(e.name)
            and 2 <= len(base.split()) <= 5
        ):
            pattern, _ = rng.choice(RU_LEGAL)
            written, form = pattern.format(base), "legal-ru"
        elif want["translit-more"] and e.country in ("RU", "IR") and 2 <= len(base.split()) <= 5:
            written = more_translit(rng, base, everyday)
            form = "translit-more" if written and name_words(written) != name_words(base) else None
        if not form or not written:
            continue
        place = ""
        if rng.random() < 0.5:
            place = (
                f" ({COUNTRY_WORDS[e.country]})" if rng.random() < 0.5 else f" in {COUNTRY_WORDS[e.country]}"
            )
        rows.append(designated_row(sentence(rng, written, place), form, written, e, names))
        want[form] -= 1
        seen.add(base.lower())
        if not any(want.values()):
            break
    listed = {name_words(n) for e in d.entries for n in [e.name, *e.aliases]}
    for name, country in NEAR_UNLISTED:
        if name_words(name) in listed:
            continue  # listed after all: not a look-alike
        place = f" in {country}" if rng.random() < 0.5 else ""
        rows.append({"text": sentence(rng, name, place), "label": "not", "form": "near-name", "org": name})
    return rows


LIST_FAMILIES = {  # form -> rows wanted
    "city-left-out": 6,
    "city-moved": 4,
    "named-after": 6,
    "federal-unitary": 3,
    "nii": 3,
    "numbered": 3,
    "sanaye": 4,
    "parent-left-out": 4,
    "other-list": 8,
}
OTHER_LISTS = ("bis-meu", "dow-1260h", "ofac-nscmic")
NAMED_AFTER_RX = re.compile(r"(?i),?\s+(?:named\s+(?:after|by)|imeni|im\.)\s+(.*)$")
FEDERAL_RX = re.compile(
    r"(?i)^(?:the\s+)?Federal\s+State\s+Unitary\s+Enterprise\s+|,?\s*Federal State Unitary Enterprise$"
)


def _city_left_out(name: str, places: frozenset[str]) -> tuple[str, str] | None:
    """'Beijing HiFar Technology Co., Ltd.' -> ('HiFar Technology Co., Ltd.', 'Beijing')."""
    words = clean(name).split()
    if len(words) >= 3 and words[0].lower().replace("'", "") in places:
        return " ".join(words[1:]), words[0]
    return None


def _named_after(rng: random.Random, name: str) -> str | None:
    """'... Plant named after A.M. Gorky' -> '... Plant', or '... Plant named after Gorky' (initials left out)."""
    m = NAMED_AFTER_RX.search(name)
    if not m:
        return None
    head = bare(name[: m.start()])
    surname = [w for w in m.group(1).split() if not re.fullmatch(r"(?:[A-Z][a-z]?\.)+", w)]
    if len(head.split()) < 2:
        return None
    if surname and rng.random() < 0.5:
        return f"{head} named after {' '.join(surname)}"
    return head


def _nii(name: str) -> str | None:
    """'Ekran Scientific Research Institute' -> 'NII Ekran'; 'Scientific Research Institute of X' -> 'NII of X'."""
    base = bare(name)
    m = re.fullmatch(r"(.+?) Scientific[- ]Research Institute", base)
    if m and len(m.group(1).split()) <= 3:
        return f"NII {m.group(1)}"
    m = re.fullmatch(r"(?:(.+?) )?Scientific[- ]Research Institute (of|for) (.+)", base)
    if m:
        return f"{m.group(1) + ' ' if m.group(1) else ''}NII {m.group(2)} {m.group(3)}"
    return None


def _numbered(name: str) -> str | None:
    """'... No. 28 Institute' <-> '28th ... Institute': the number written the other way."""
    base = bare(name)
    m = re.search(r"\bNo\.? ?(\d+)\b", base)
    if m:
        n = int(m.group(1))
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return (base[: m.start()] + f"{n}{suffix}" + base[m.end() :]).strip()
    m = re.search(r"\b(\d+)(?:st|nd|rd|th)\b", base)
    if m:
        return (base[: m.start()] + f"No. {m.group(1)}" + base[m.end() :]).strip()
    return None


def _sanaye(name: str) -> str | None:
    """'Isfahan Optics Industries' -> 'Sanaye Optics Isfahan' (Persian word order and word for industries)."""
    words = bare(name).split()
    if 2 <= len(words) <= 4 and words[-1] in ("Industries", "Industry"):
        return " ".join(["Sanaye", *words[1:-1], words[0]]) if len(words) > 2 else f"Sanaye {words[0]}"
    return None


def _distinctive_left_out(name: str, everyday: frozenset[str]) -> str | None:
    """A look-alike: the name without its words that are not everyday, generic or places ('Beijing HiFar
    Technology Co., Ltd.' -> 'Beijing Technology Co., Ltd.'): another body of the same kind and place."""
    from grantscan.detect.partners.screening import fold
    from grantscan.detect.partners.words import word_lists

    wl = word_lists()
    keep = everyday | wl.generic | wl.places | wl.dropped
    words = NAMED_AFTER_RX.sub("", FEDERAL_RX.sub("", clean(name))).split()
    out = [w for w in words if fold(w).strip(".,()'") in keep]
    left_out = [fold(w).strip(".,()'") for w in words if w not in out]
    if not left_out or all(w in wl.parent_groups for w in left_out) or len(out) < 2:
        return None
    got = " ".join(out).strip(" ,")
    if not any(fold(w).strip(".,()'") in wl.generic for w in out) or re.search(
        r"(?i)\b(?:of|and) (?:of|and)\b", got
    ):
        return None
    return got


def _keeps_distinctive(written: str, everyday: frozenset[str]) -> bool:
    """Whether ``written`` holds a word that is not everyday, generic, a place or a legal form: a name left
    with none names a kind of body, not one ('University of Posts and Telecommunications')."""
    from grantscan.detect.partners.screening import name_words
    from grantscan.detect.partners.words import word_lists

    wl = word_lists()
    lax = everyday | wl.generic | wl.places | wl.parent_groups
    return any(w not in lax and not w.isdigit() for w in name_words(written))


def list_family_rows(rng: random.Random) -> list[dict]:
    """Rows of the name families added later still (ids u...): Chinese company names with their city left out
    or moved, Russian names without whom they are named after or with the initials left out, written-out
    federal legal forms as FGUP, 'NII' for a scientific research institute, numbers written 'No. 28' or '28th',
    Persian 'Sanaye' names, a state group's acronym left out, and entries of the Military End-User, 1260H and
    NS-CMIC lists; each drawn entry also gives a look-alike without its distinctive words."""
    from grantscan.detect.partners.detector import _common_words
    from grantscan.detect.partners.screening import name_words
    from grantscan.detect.partners.words import word_lists
    from grantscan.knowledge.designations import looks_like_person

    everyday = _common_words()
    wl = word_lists()
    d = default_designations()
    listed = {name_words(n) for e in d.entries for n in [e.name, *e.aliases]}
    shared: dict[tuple[str, ...], set[str]] = {}
    for e in d.entries:
        for n in [e.name, *e.aliases]:
            shared.setdefault(name_words(bare(n)), set()).add(e.name)
    pool = [e for e in d.entries if not looks_like_person(e.name) and e.name == split_name(e.name)[0]]
    rng.shuffle(pool)
    want = dict(LIST_FAMILIES)
    rows: list[dict] = []
    negatives: list[dict] = []
    seen: set[str] = set()
    for e in pool:
        names = [e.name, *e.aliases]
        base = bare(e.name)
        if base.lower() in seen or len(base) > 70:
            continue
        written, form, place = None, None, ""
        city = _city_left_out(e.name, wl.places) if e.country == "CN" else None
        if city and want["city-left-out"]:
            written, form = city[0], "city-left-out"
        elif city and want["city-moved"]:
            written, form = f"{bare(city[0])} ({city[1]})", "city-moved"
        elif want["named-after"] and e.country == "RU" and (written := _named_after(rng, e.name)):
            form = "named-after"
        elif want["federal-unitary"] and FEDERAL_RX.search(e.name) and 2 <= len(base.split()) <= 7:
            short = FEDERAL_RX.sub("", clean(e.name)).strip(" ,")
            written, form = rng.choice([f"FGUP {short}", f"{short}, FSUE"]), "federal-unitary"
        elif want["nii"] and e.country == "RU" and (written := _nii(e.name)):
            form = "nii"
        elif want["numbered"] and (written := _numbered(e.name)):
            form = "numbered"
        elif want["sanaye"] and e.country == "IR" and (written := _sanaye(e.name)):
            form = "sanaye"
        elif (
            want["parent-left-out"]
            and clean(e.name).split()[:1] != []
            and clean(e.name).split()[0].lower() in wl.parent_groups
            and len(base.split()) >= 3
        ):
            written, form = " ".join(clean(e.name).split()[1:]), "parent-left-out"
        elif want["other-list"] and e.list_id in OTHER_LISTS and 2 <= len(base.split()) <= 6:
            legal = rng.choice(["Co., Ltd.", "Ltd", "Corp.", "Group", ""])
            written, form = f"{base} {legal}".strip(), "other-list"
        if not form or not written or name_words(written) == name_words(e.name) and form != "other-list":
            continue
        if form in ("city-left-out", "parent-left-out", "named-after") and (
            not _keeps_distinctive(written, everyday)
            or written.split()[0].lower() in wl.organisation_types  # a university of its city
        ):
            continue
        if len(shared.get(name_words(bare(written)), set()) - {e.name}) > 0:
            continue  # the written form names several listed bodies: no single right entry
        if rng.random() < 0.4 and e.country in COUNTRY_WORDS:
            place = f" in {COUNTRY_WORDS[e.country]}"
        rows.append(designated_row(sentence(rng, written, place), form, written, e, names))
        want[form] -= 1
        seen.add(base.lower())
        alike = _distinctive_left_out(e.name, everyday)
        words = alike.split() if alike else []
        if (
            alike
            and alike not in {r["org"] for r in negatives}
            and name_words(alike) != name_words(written)
            # no listed name at its start ('China State Shipbuilding Corporation ...' names that listed body)
            and not any(name_words(bare(" ".join(words[:i]))) in listed for i in range(1, len(words) + 1))
        ):
            # written without a place: where a text places a generic name decides, and this one is no body's
            negatives.append(
                {"text": sentence(rng, alike, ""), "label": "not", "form": f"{form}-look-alike", "org": alike}
            )
        if not any(want.values()):
            break
    return rows + negatives


def add_list_families(path: Path) -> int:
    """Replace the rows of ``list_family_rows`` (ids u...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "u", list_family_rows(random.Random(SEED + 2)))


WRITTEN_FORMS = {
    "city-bracketed": 6,
    "city-after-legal": 4,
    "syllables-apart": 4,
    "syllables-hyphen": 3,
    "peking": 4,
}
# one pinyin syllable: an initial and a final ('guo', 'wei', 'xin', 'yuan')
PINYIN_RX = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|iao|uai|ian|uan|ang|eng|ing|ong|ai|ei|ao|ou|ia|ie|iu|ua|uo|ui|an|en|in|un|er|a|o|e|i|u)"
)


def _syllables(word: str) -> tuple[str, str] | None:
    """'Guowei' -> ('Guo', 'wei'); None for a word that is not two pinyin syllables ('Hikmicro', 'Breeze')."""
    if not word.isalpha() or not word[0].isupper() or not word[1:].islower():
        return None
    for i in range(2, len(word) - 1):
        a, b = word[:i], word[i:]
        if PINYIN_RX.fullmatch(a.lower()) and PINYIN_RX.fullmatch(b):
            return a, b
    return None


def written_form_rows(rng: random.Random) -> list[dict]:
    """Rows of the written forms the detector once made no candidate for (ids v...), drawn from the Chinese
    names of the lists that start with a city: the city in brackets before the legal form ('HiFar Technology
    (Beijing) Co., Ltd.'), the city after the legal form, the first word's pinyin syllables written apart or
    joined by a hyphen ('Guo Wei', 'Guo-wei'), and 'Peking' for Beijing; each drawn entry also gives a
    look-alike in the same form without its distinctive words."""
    from grantscan.detect.partners.detector import _common_words
    from grantscan.detect.partners.screening import name_words
    from grantscan.detect.partners.words import word_lists

    everyday = _common_words()
    wl = word_lists()
    d = default_designations()
    shared: dict[tuple[str, ...], set[str]] = {}
    for e in d.entries:
        for n in [e.name, *e.aliases]:
            shared.setdefault(name_words(bare(n)), set()).add(e.name)
    pool = [e for e in d.entries if e.country == "CN" and e.name == split_name(e.name)[0]]
    rng.shuffle(pool)
    want = dict(WRITTEN_FORMS)
    rows: list[dict] = []
    negatives: list[dict] = []
    seen: set[str] = set()
    for e in pool:
        city = _city_left_out(e.name, wl.places)
        if not city or bare(e.name).lower() in seen or len(bare(e.name)) > 60:
            continue
        rest, place = bare(city[0]), city[1]
        first = rest.split()[0]
        halves = _syllables(first)
        legal = rng.choice(["Co., Ltd.", "Co., Ltd", "Company Limited"])
        forms = {
            "city-bracketed": lambda r, p, lf=legal: f"{r} ({p}) {lf}",
            "city-after-legal": lambda r, p, lf=legal: f"{r} {lf}, {p}",
            "syllables-apart": lambda r, p, h=halves: f"{p} {h[0]} {h[1].title()} {r.split(' ', 1)[1]}",
            "syllables-hyphen": lambda r, p, h=halves, lf=legal: (
                f"{h[0]}-{h[1]} {r.split(' ', 1)[1]} {lf}, {p}"
            ),
            "peking": lambda r, p: f"Peking {r}",
        }
        usable = [
            f
            for f, n in want.items()
            if n
            and (f != "peking" or place == "Beijing")
            and (not f.startswith("syllables") or (halves and len(rest.split()) >= 2))
        ]
        if not usable or not _keeps_distinctive(rest, everyday):
            continue
        form = rng.choice(usable)
        written = forms[form](rest, place)
        if len(shared.get(name_words(bare(e.name)), set()) - {e.name}) > 0:
            continue  # the name is several listed bodies': no single right entry
        rows.append(designated_row(sentence(rng, written, ""), form, written, e, [e.name, *e.aliases]))
        want[form] -= 1
        seen.add(bare(e.name).lower())
        alike = _distinctive_left_out(e.name, everyday)
        alike_city = _city_left_out(alike, wl.places) if alike else None
        if alike_city and len(alike_city[0].split()) >= 2 and not form.startswith("syllables"):
            written_alike = forms[form](bare(alike_city[0]), alike_city[1])
            if written_alike not in {r["org"] for r in negatives}:
                negatives.append(
                    {
                        "text": sentence(rng, written_alike, ""),
                        "label": "not",
                        "form": f"{form}-look-alike",
                        "org": written_alike,
                    }
                )
        if not any(want.values()):
            break
    return rows + negatives


def add_written_forms(path: Path) -> int:
    """Replace the rows of ``written_form_rows`` (ids v...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "v", written_form_rows(random.Random(SEED + 3)))


ACRONYM_FORMS = {
    "acronym-paragraph": 6,
    "comma-legal": 6,
    "head-left-out": 6,
    "number-first": 5,
    "camel-city-moved": 4,
}
ORDINAL_RX = re.compile(r"^(\d{1,4})(st|nd|rd|th|ST|ND|RD|TH)? (.+)$")
CAMEL_RX = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$")
# words to spell an acronym out as something else than the listed body ('KNAAPO' -> 'Kinetic Network ...')
LETTER_WORDS = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "Advanced Biomedical Computing Data Energy Fluid Graph Hybrid Imaging Joint Kinetic Learning Modelling "
        "Network Optical Photonic Quantum Robotic Signal Thermal Unified Vision Wave Xenon Yield Zonal".split(),
        strict=True,
    )
)
OTHER_ROLES = [
    "The {acr} method was applied to the {topic} data in collaboration with our partners.",
    "We measured {acr} expression in every sample during the second year.",
    "Deliverable D2.1 (Type: {acr}, Due: month 12) reports on {topic}.",
    "Results were obtained with {acr}, a software package for {topic}, developed by the consortium.",
]
HEADS = ("Plant", "Factory", "Works", "Enterprise", "Industries")
OTHER_TOWNS = ["Sheffield", "Lyon", "Graz", "Tampere", "Porto", "Gdansk"]


def acronym_form_rows(rng: random.Random) -> list[dict]:
    """Rows of the forms the fresh draws of this generator showed (ids w...): a three-letter listed acronym
    used as an organisation with the entry's country in the next sentence of its paragraph; one-word names
    with their legal form after a comma ('Lazurnaya, OOO'); industrial names with their head word left out
    ('Chelyabinsk Metallurgical'); names of generic words known by a number ('85th Main Special Service
    Centre', 'No. 85 Main ...'); Chinese names in camel case with the city moved after them ('AppTec (WuXi)').
    Look-alikes: the same number before other words ('85th Street Dental Practice'); listed acronyms of four letters or more defined in the text
    as something else or used as a method, a gene or a field value; everyday words with a legal form after a
    comma; a head word left out of a name of another town ('Sheffield Metallurgical')."""
    from grantscan.detect.partners.detector import _common_words
    from grantscan.detect.partners.screening import ScreeningIndex, name_words
    from grantscan.detect.partners.words import word_lists

    everyday = _common_words()
    d = default_designations()
    index = ScreeningIndex.from_entries(d.entries, (), _common_words)
    shared: dict[tuple[str, ...], set[str]] = {}
    for e in d.entries:
        for n in [e.name, *e.aliases]:
            shared.setdefault(name_words(bare(n)), set()).add(e.name)
    pool = [e for e in d.entries if e.name == split_name(e.name)[0]]
    rng.shuffle(pool)
    want = dict(ACRONYM_FORMS)
    rows: list[dict] = []
    negatives: list[dict] = []
    seen: set[str] = set()
    long_acronyms: list[str] = []
    for e in pool:
        names = [e.name, *e.aliases]
        acr = [a for a in e.aliases if is_acronym(a) and "-" not in a]
        base = bare(e.name)
        if base.lower() in seen or "," in base:
            continue
        written, form, text = None, None, ""
        words = base.split()
        if (
            want["acronym-paragraph"]
            and e.country in COUNTRY_WORDS
            and acr
            and len(acr[0]) == 3
            and index.acronym_bodies(acr[0]) == 1
        ):
            written, form = acr[0], "acronym-paragraph"
            text = f"{sentence(rng, written, '')} The team is based in {COUNTRY_WORDS[e.country]}."
        elif (
            want["comma-legal"]
            and len(words) == 1
            and len(words[0]) >= 6
            and words[0].isalpha()
            and words[0].lower() not in everyday
            and len(shared.get(name_words(base), set())) == 1
        ):
            written, form = f"{words[0]}, {rng.choice(['OOO', 'LLC', 'JSC', 'Ltd'])}", "comma-legal"
        elif (
            want["head-left-out"]
            and len(words) >= 3
            and words[-1] in HEADS
            and _keeps_distinctive(" ".join(words[:-1]), everyday)
            and len(shared.get(name_words(base), set())) == 1
        ):
            written, form = " ".join(words[:-1]), "head-left-out"
        elif (
            want["number-first"]
            and (m := ORDINAL_RX.match(base))
            and len(m.group(3).split()) >= 2
            and _keeps_distinctive(m.group(3), everyday) is False
        ):
            rest = m.group(3).title() if m.group(3).isupper() else m.group(3)
            number = f"{m.group(1)}{(m.group(2) or '').lower()}"
            written = rng.choice([f"{number} {rest}", f"No. {m.group(1)} {rest}"]) if m.group(2) else base
            form = "number-first"
        elif (
            want["camel-city-moved"]
            and e.country == "CN"
            and (city := _city_left_out(e.name, word_lists().places))
            and CAMEL_RX.match(bare(city[0]).split()[0])
        ):
            written, form = f"{bare(city[0])} ({city[1]})", "camel-city-moved"
        elif acr and len(acr[0]) >= 4 and index.acronym_bodies(acr[0]) == 1:
            long_acronyms.append(acr[0])
        if not form or not written:
            continue
        if not text:
            place = (
                f" in {COUNTRY_WORDS[e.country]}" if e.country in COUNTRY_WORDS and rng.random() < 0.4 else ""
            )
            text = sentence(rng, written, place)
        rows.append(designated_row(text, form, written, e, names))
        want[form] -= 1
        seen.add(base.lower())
        if form == "comma-legal":
            word = rng.choice(sorted(w for w in everyday if 6 <= len(w) <= 9 and w.isalpha()))
            alike = f"{word.title()}, {written.split(', ')[1]}"
            if not index.lookup(alike):
                negatives.append(
                    {
                        "text": sentence(rng, alike, ""),
                        "label": "not",
                        "form": f"{form}-look-alike",
                        "org": alike,
                    }
                )
        elif form == "number-first":
            number = written.split()[0] if not written.startswith("No.") else f"No. {written.split()[1]}"
            alike = f"{number} {rng.choice(['Street Dental Practice', 'Avenue Community Centre', 'Road Garden Centre'])}"
            negatives.append(
                {"text": sentence(rng, alike, ""), "label": "not", "form": f"{form}-look-alike", "org": alike}
            )
        elif form == "head-left-out":
            alike = " ".join([rng.choice(OTHER_TOWNS), *written.split()[1:]])
            if len(alike.split()) >= 2 and not index.score_span(f"{alike} {words[-1]}", 0.86):
                negatives.append(
                    {
                        "text": sentence(rng, alike, ""),
                        "label": "not",
                        "form": f"{form}-look-alike",
                        "org": alike,
                    }
                )
        if not any(want.values()) and len(long_acronyms) >= 12:
            break
    for i, acr in enumerate(sorted(set(long_acronyms))[:12]):
        if i % 2 == 0:
            expansion = " ".join(LETTER_WORDS.get(c, "Applied") for c in acr if c.isalpha())
            text = (
                f"{sentence(rng, acr, f' ({expansion} Laboratory, University of Leeds)')}"
                if i % 4 == 0
                else f"The {expansion} Consortium ({acr}) will coordinate the {rng.choice(TOPICS)} work."
            )
            form = "acronym-defined-otherwise"
        else:
            text = rng.choice(OTHER_ROLES).format(acr=acr, topic=rng.choice(TOPICS))
            form = "acronym-other-role"
        negatives.append({"text": text, "label": "not", "form": form, "org": acr})
    return rows + negatives


def add_acronym_forms(path: Path) -> int:
    """Replace the rows of ``acronym_form_rows`` (ids w...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "w", acronym_form_rows(random.Random(SEED + 4)))


# generic company names on no list, each with a town or none (look-alikes of the listed names of trade words)
GENERIC_COMPANIES = [
    ("Advanced Technology Development Ltd", ""),
    ("Global Technology Solutions", ""),
    ("Digital Innovation Partners", " in Leeds"),
    ("Technology and Innovation Services Ltd", ""),
    ("International Trading and Development Co.", " in Nairobi"),
    ("Innovation Technology Group", ""),
    ("Applied Innovation Technologies", ""),
    ("Business Development Solutions", " (Manchester)"),
    ("Modern Engineering Services", ""),
    ("Integrated Technology Solutions Ltd", ", Bristol"),
]
# listed names of a distinctive everyday word and trade words, which must still be found without their legal form
EVERYDAY_LISTED = [
    ("Myanmar Economic Holdings", "uk-sanctions-list", "GHR0080"),
    ("Integrity Technology Group", "uk-sanctions-list", "CYB0113"),
    ("Positive Technologies", "bis-entity-list", "EL-2636"),
]


def generic_company_rows(rng: random.Random) -> list[dict]:
    """Rows for listed company names of trade words alone ('Innovation and Technologies LLC', 'JSC Digital
    Solutions'), which many unlisted companies equal once normalised (ids x...). Each such name of the UK and
    Entity lists is written as listed and with its country (designated), and normalised, with no place and in
    another country (look-alikes: 'Innovation Technology', 'Innovation Technology, Lyon, France'); generic
    company names on no list; and listed names of a distinctive everyday word and trade words written without
    their legal form ('Integrity Technology Group'), which must still be found."""
    from grantscan.detect.partners.verdict import company_name

    d = default_designations()
    by_id = {(e.list_id, e.entry_id): e for e in d.entries}
    rows: list[dict] = []
    negatives: list[dict] = []
    seen: set[tuple[str, ...]] = set()
    towns = ["Lyon, France", "Leeds, UK", "Porto, Portugal", "Graz, Austria", "Aarhus, Denmark"]
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        names = [e.name, *e.aliases]
        for n in names:
            got = company_name(n)
            if got is None or not got[1] or is_acronym(n):
                continue
            listed = clean(n)
            normal = _normalised_form(listed)
            if len(name_words_of(n)) < 2 or tuple(normal.split()) in seen:
                continue
            seen.add(tuple(normal.split()))
            country = COUNTRY_WORDS[e.country]
            rows.append(designated_row(sentence(rng, listed, ""), "generic-listed", listed, e, names))
            rows.append(
                designated_row(sentence(rng, normal, f" in {country}"), "generic-placed", normal, e, names)
            )
            for org, place in ((normal, ""), (normal, f", {rng.choice(towns)}")):
                negatives.append(
                    {
                        "text": sentence(rng, org, place),
                        "label": "not",
                        "form": "generic-company",
                        "org": org,
                        "near": e.name,
                    }
                )
            break
    for org, place in GENERIC_COMPANIES:
        negatives.append(
            {"text": sentence(rng, org, place), "label": "not", "form": "generic-company", "org": org}
        )
    for written, list_id, entry_id in EVERYDAY_LISTED:
        e = by_id[(list_id, entry_id)]
        rows.append(
            designated_row(sentence(rng, written, ""), "everyday-listed", written, e, [e.name, *e.aliases])
        )
    return rows + negatives


def _normalised_form(name: str) -> str:
    """``name`` as another company of the same words writes it: no legal form, no 'and', plurals the matcher
    reads as singular written so ('Innovation and Technologies LLC' -> 'Innovation Technology')."""
    from grantscan.detect.partners.words import word_lists

    legal = word_lists().legal_forms
    out = []
    for w in name.replace(",", " ").split():
        low = w.lower().strip(".")
        if low in legal or low in ("and", "&"):
            continue
        one = name_words_of(w)
        if one and one[0] in (low[:-3] + "y", low[:-1]) and low.endswith("s"):
            w = w[: len(one[0])] if one[0] == low[:-1] else w[:-3] + "y"
        out.append(w[0].upper() + w[1:])
    return " ".join(out)


def name_words_of(name: str) -> tuple[str, ...]:
    """A listed name as the matcher compares it (legal forms, 'and' and plurals dropped)."""
    from grantscan.detect.partners.screening import name_words

    return name_words(name)


def add_generic_companies(path: Path) -> int:
    """Replace the rows of ``generic_company_rows`` (ids x...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "x", generic_company_rows(random.Random(SEED + 5)))


TOWNS_UK = ["Sheffield", "Leeds", "Bristol", "Dundee", "Swansea", "Norwich"]


def round_seven_rows(rng: random.Random) -> list[dict]:
    """Rows for the forms fresh draws and hand-written texts showed (ids y...): a one-word first part moved after
    a comma, a nationality among them ('Institute of Radio Navigation and Time, Russian'); an industrial name
    without its head ('Amur Shipbuilding' for 'Amur Shipbuilding Factory PJSC'); a long legal form written with a
    typo ('BELOMO HLDING'). Look-alikes: the reordered name placed in a European town, the same kind of name in a UK
    town ('Sheffield Shipbuilding'), a listed name of everyday and trade words with a further trade word
    ('Integrity Technology Solutions'), listed names cited author-year ('Kaspersky (2019) described ...') and in a
    sentence that rules them out ('no work will be carried out with ...')."""
    from grantscan.detect.partners.screening import name_words

    d = default_designations()
    pool = [
        e
        for e in d.entries
        if e.list_id in ("uk-sanctions-list", "bis-entity-list")
        and e.country in COUNTRY_WORDS
        and not re.search(r"\d", e.name)
    ]
    rng.shuffle(pool)
    want = {"reordered-comma": 8, "head-left-out-low": 8, "legal-typo": 6}
    rows: list[dict] = []
    negatives: list[dict] = []
    seen: set[str] = set()
    for e in pool:
        base = clean(strip_legal(e.name))
        if base.lower() in seen:
            continue
        names = [e.name, *e.aliases]
        words = base.split()
        written = form = None
        m = re.fullmatch(
            r"(\w+) (Institute|University|Academy|Plant|Factory|Center|Centre|Bureau) of (.+)", base
        )
        if want["reordered-comma"] and m and m.group(1)[:1].isupper() and len(m.group(3).split()) <= 4:
            written, form = f"{m.group(2)} of {m.group(3)}, {m.group(1)}", "reordered-comma"
            negatives.append(
                {
                    "text": sentence(
                        rng, f"{m.group(2)} of {m.group(3)}", f", {rng.choice(['Graz', 'Lyon'])}"
                    ),
                    "label": "not",
                    "form": "reordered-look-alike",
                    "org": f"{m.group(2)} of {m.group(3)}",
                }
            )
        elif (
            want["head-left-out-low"]
            and 3 <= len(words) <= 4
            and words[-1] in ("Plant", "Factory", "Works", "Enterprise")
            and words[0][:1].isupper()
            and words[0].lower() not in ("the", "joint", "open", "public")
        ):
            written, form = " ".join(words[:-1]), "head-left-out-low"
            other = f"{rng.choice(TOWNS_UK)} {' '.join(words[1:-1])}"
            negatives.append(
                {
                    "text": sentence(rng, other, ""),
                    "label": "not",
                    "form": "head-left-out-look-alike",
                    "org": other,
                }
            )
        elif (
            want["legal-typo"]
            and len(words) <= 2
            and (lf := re.search(r"\b(HOLDINGS?|Holdings?|Corporation|CORPORATION|Incorporated)\b", e.name))
        ):
            legal = lf.group(1)
            k = rng.randrange(1, len(legal) - 1)
            written, form = e.name.replace(legal, legal[:k] + legal[k + 1 :]), "legal-typo"
        if not written or not name_words(written):
            continue
        place = f" in {COUNTRY_WORDS[e.country]}" if rng.random() < 0.5 else ""
        rows.append(designated_row(sentence(rng, written, place), form, written, e, names))
        want[form] -= 1
        seen.add(base.lower())
        if all(v <= 0 for v in want.values()):
            break
    rows += _number_and_hyphen_rows(rng, d.entries)
    rows += _vowel_rows(pool)
    negatives += _capitals_other_role(rng, d.entries)
    # a research group named after its leader, whose surname and 'Group' are a listed name ('Wagner Group')
    groups = sorted(
        {
            m.group(1)
            for e in d.entries
            for n in [e.name, *e.aliases]
            if (m := re.fullmatch(r"([A-Z][a-z]{3,}) Group", n))
        }
    )
    for w in ["Wagner", *rng.sample([g for g in groups if g != "Wagner"], 3)]:
        negatives.append(
            {
                "text": f"The code was developed by the {w} group at the University of {rng.choice(TOWNS_UK)}.",
                "label": "not",
                "form": "research-group",
                "org": f"{w} group",
            }
        )
    # a listed name after distinctive words of another body's name: that body ('Shenyang Xizi Aviation Industry
    # Group' is not 'Aviation Industry Corporation of China'), and another such name, on no list
    by_id = {(e.list_id, e.entry_id): e for e in d.entries}
    xizi = by_id[("bis-meu", "MEU-0056")]
    rows.append(
        designated_row(
            "Partner 2: Shenyang Xizi Aviation Industry Group in China. Role: data collection.",
            "qualified-listed",
            "Shenyang Xizi Aviation Industry Group",
            xizi,
            [xizi.name, *xizi.aliases],
        )
    )
    negatives.append(
        {
            "text": "Partner 2: Dundee Haven Aviation Industry Group in the UK. Role: data collection.",
            "label": "not",
            "form": "qualified-listed-look-alike",
            "org": "Dundee Haven Aviation Industry Group",
        }
    )
    for org in [
        "Integrity Technology Solutions",
        "Positive Technologies Consulting",
        "Myanmar Economic Development Forum",
    ]:
        negatives.append(_look_alike_in_uk_town(rng, org, "extra-word"))
    for org in ["Kaspersky", "Huawei", "Rostec", "Hikvision"]:
        negatives.append(
            {
                "text": f"{org} ({rng.randint(2015, 2024)}) described a similar attack on {rng.choice(TOPICS)} systems.",
                "label": "not",
                "form": "author-year",
                "org": org,
            }
        )
    for org in ["Huawei", "Harbin Institute of Technology", "Sharif University of Technology", "Rostec"]:
        what = rng.choice(
            [
                "no work will be carried out with",
                "there will be no collaboration with",
                "the project excludes",
            ]
        )
        negatives.append(
            {"text": f"We confirm that {what} {org}.", "label": "not", "form": "negated", "org": org}
        )
    return rows + negatives


def _number_and_hyphen_rows(rng: random.Random, entries: list[ListEntry]) -> list[dict]:
    """Designated rows for a name known by a number written with another legal form ('360 Security Technology
    Corp.'), and Chinese names whose first word is joined by a hyphen with the city moved after the legal form
    ('E-science Co., Ltd., Beijing') or into brackets before it ('Pu-Tech Industrial (Zhuhai) Company Limited')."""
    from grantscan.detect.partners.words import word_lists

    places = word_lists().places
    rows: list[dict] = []
    want = {"number-legal": 3, "hyphen-city-after": 4, "hyphen-city-bracketed": 4}
    pool = list(entries)
    rng.shuffle(pool)
    for e in pool:
        names = [e.name, *e.aliases]
        base = strip_legal(clean(e.name))
        m = re.fullmatch(r"(\d{3,4}) ([A-Z][\w ]+)", base)
        words = base.split()
        if want["number-legal"] and m and not re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            written, form = f"{base} {rng.choice(['Corp.', 'Co., Ltd.', 'Inc.'])}", "number-legal"
        elif (
            e.country == "CN"
            and len(words) >= 3
            and words[0].lower() in places
            and re.fullmatch(r"[A-Z][a-z]*-[A-Za-z]+", words[1])
        ):
            rest = " ".join(words[1:])
            if want["hyphen-city-after"] and words[1].split("-")[1].islower():
                written, form = f"{rest} Co., Ltd., {words[0]}", "hyphen-city-after"
            elif want["hyphen-city-bracketed"]:
                written, form = f"{rest} ({words[0]}) Company Limited", "hyphen-city-bracketed"
            else:
                continue
        else:
            continue
        rows.append(designated_row(sentence(rng, written, ""), form, written, e, names))
        want[form] -= 1
        if all(v <= 0 for v in want.values()):
            break
    return rows


def _vowel_rows(pool: list[ListEntry]) -> list[dict]:
    """Designated rows for an 'i' written 'ee' next to another vowel ('Sceeentific Production Association
    Orion'), which one pass of the vowel spelling rule left apart from the listed spelling."""
    rows: list[dict] = []
    for e in pool:
        base = clean(strip_legal(e.name))
        m = re.search(r"\b([A-Z][a-z]*?)i(e[a-z]+)\b", base)
        if not m or len(base.split()) < 2 or e.country not in COUNTRY_WORDS:
            continue
        written = base[: m.start()] + f"{m.group(1)}ee{m.group(2)}" + base[m.end() :]
        rows.append(
            designated_row(
                f"Letters of support were received from {written}, our industrial partner.",
                "vowel-ee",
                written,
                e,
                [e.name, *e.aliases],
            )
        )
        if len(rows) == 4:
            break
    return rows


def _capitals_other_role(rng: random.Random, entries: list[ListEntry]) -> list[dict]:
    """Look-alikes: a one-word listed name written in capitals as a method, the way an acronym is ('The AEROSUN
    method was applied ...')."""
    from grantscan.detect.partners.screening import name_words

    pool = sorted(
        {
            a
            for e in entries
            if e.list_id in ("dow-1260h", "bis-entity-list")
            for a in [e.name, *e.aliases]
            if re.fullmatch(r"[A-Z][a-z]{5,9}", a) and len(name_words(a)) == 1
        }
    )
    return [
        {
            "text": f"The {w.upper()} method was applied to the {rng.choice(TOPICS)} data.",
            "label": "not",
            "form": "capitals-other-role",
            "org": w.upper(),
        }
        for w in ["Aerosun", *rng.sample(pool, 3)]
    ]


def add_round_seven(path: Path) -> int:
    """Replace the rows of ``round_seven_rows`` (ids y...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "y", round_seven_rows(random.Random(SEED + 6)))


# whom a Russian body is named after, at the end of its listed name: 'N.A. M.M. Gromov', 'named after Academician ...'
_HONOREE_LAST = re.compile(
    r"^(?P<before>.+?)\s+(?:named\s+after|N\.\s?A\.|imeni)\s+(?:Academic(?:ian)?\s+)?(?:[A-Z]\.\s?){1,2}\s?"
    r"(?P<honoree>[A-Z][A-Za-z-]+)$",
    re.IGNORECASE,
)
# the same legal forms a letter short ('SMIC Hodings Limited'), each with a look-alike company of that name
_LEGAL_SHORT = {"Holdings": ("Hodings", "Hldings", "Holdngs"), "Corporation": ("Corporaton", "Coporation")}


def round_eight_rows(rng: random.Random) -> list[dict]:
    """Rows for the forms this round's fresh draws and hand-written texts showed (ids z...): the honoree of a
    Russian body written first, in English order ('Gromov Flight Research Institute' for 'Joint Stock Company
    Flight Research Institute N.A. M.M. Gromov'); 'Holdings' or 'Corporation' written a letter short ('SMIC
    Hodings Limited'). Look-alikes: the same kind of name after another person in a UK town ('Smith Flight
    Research Institute'), a company of another name with the same typo, a research group called after a listed
    one-word name ('the Kronshtadt group at the University of Leeds')."""
    from grantscan.detect.partners.screening import name_words

    d = default_designations()
    listed = {name_words(strip_legal(n)) for x in d.entries for n in [x.name, *x.aliases]}
    rows: list[dict] = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        m = _HONOREE_LAST.match(e.name)
        if m is None:
            continue
        before = strip_legal(m["before"].strip(" '\"")).strip(" ,'\"")
        honoree = m["honoree"].capitalize()
        if before.isupper():
            before = before.title()
        if "," in before or before.startswith(("Federal", "the ")):
            continue  # a state form or a parent concern before the name: not written after an honoree
        if name_words(strip_legal(before)) in listed:
            # the name without its honoree is itself listed: the honoree before it reads as another body's
            # word, a form still missed (README)
            continue
        written = f"{honoree} {before}"
        place = rng.choice(["", f" in {COUNTRY_WORDS[e.country]}", f" ({COUNTRY_WORDS[e.country]})"])
        rows.append(designated_row(sentence(rng, written, place), "honoree-first", written, e, [e.name]))
    surnames = ["Smith", "Taylor", "Evans", "Walker", "Wright", "Hughes"]
    kinds = ["Flight Research Institute", "Experimental Design Bureau", "Instrument-Making Plant"]
    for kind in kinds:
        org = f"{rng.choice(surnames)} {kind}"
        rows.append(_look_alike_in_uk_town(rng, org, "honoree-other"))
    for name in ["SMIC Holdings Limited", "Highfly Holdings Corporation", "China Electronics Corporation"]:
        es = [e for e in d.entries if e.name == name]
        if not es:
            continue
        for form, shorts in _LEGAL_SHORT.items():
            if form in name:
                written = name.replace(form, rng.choice(shorts))
                rows.append(designated_row(sentence(rng, written, ""), "legal-short", written, es[0], [name]))
    for org in ["Kronshtadt", "Stroytransgaz"]:  # a listed one-word name a research group is called after
        text = f"The code was developed by the {org} group at the University of {rng.choice(TOWNS_UK)}."
        rows.append({"text": text, "label": "not", "form": "research-group", "org": org})
    for org in ["Walker Hodings Limited", "Thames Coporation", "Wright Hldings Ltd"]:
        rows.append(_look_alike_in_uk_town(rng, org, "legal-short-other"))
    return rows


def add_round_eight(path: Path) -> int:
    """Replace the rows of ``round_eight_rows`` (ids z...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "z", round_eight_rows(random.Random(SEED + 7)))


# a legal-form word written a letter short in six letters (read as that form, see ``screening._legal_form_short``)
_LEGAL_SIX = {
    "Holding": ["Holdng", "Hlding", "Holdig"],
    "Company": ["Compny", "Copany"],
    "Limited": ["Limted", "Limitd"],
}


def round_nine_rows(rng: random.Random) -> list[dict]:
    """Rows for the forms this round's fresh draws and hand-written texts showed (ids n...): names of one
    three-letter word written with their legal form ('JSC ITC', 'USM Holdings Limited'), which the compiled index
    once left out, and legal-form words of seven letters written with one dropped ('OJSC RN Holdng'). Look-alikes:
    the same three letters as a method or a field value, another company with the same word and another trade
    word in a UK town ('USM Foods Limited'), other companies with the same legal-form typo, and the first word
    with the typo before other words, the lone word as an address or a data set's name."""
    from grantscan.detect.partners.screening import name_words
    from grantscan.detect.partners.words import word_lists

    d = default_designations()
    pool = _short_company_names(d)
    rows: list[dict] = []
    for n, e in rng.sample(pool, 16):
        place = rng.choice(["", f" in {COUNTRY_WORDS[e.country]}", f" ({COUNTRY_WORDS[e.country]})"])
        rows.append(designated_row(sentence(rng, n, place), "short-word", n, e, [n]))
        word = name_words(n)[0].upper()
        text = rng.choice(
            [
                f"Binding was measured by the {word} method described in the appendix.",
                f"Each record holds a {word} field giving the sample's batch.",
                f"The {word} scores of the two cohorts are compared in Table 2.",
            ]
        )
        rows.append({"text": text, "label": "not", "form": "short-word-other", "org": word})
        other = f"{word} {rng.choice(['Foods', 'Print', 'Garden', 'Dental'])} Limited"
        rows.append(
            {
                "text": sentence(rng, other, f" in {rng.choice(TOWNS_UK)}"),
                "label": "not",
                "form": "short-word-other-company",
                "org": other,
            }
        )
    for name in [
        "KTK Holding",
        "GDL Company Limited",
        "Technodinamika Holding",
        "BelOMO Holding",
        "Staut Company Limited",
    ]:
        es = [e for e in d.entries if name in [e.name, *e.aliases]]
        if not es:
            continue
        for form, shorts in _LEGAL_SIX.items():
            if form in name:
                written = name.replace(form, rng.choice(shorts))
                rows.append(designated_row(sentence(rng, written, ""), "legal-six", written, es[0], [name]))
    # the first word written with two letters swapped ('Natoinal Iranian Oil Company'), and the same word with
    # the typo before other words in a UK town
    firsts = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        words = e.name.split()
        if 3 <= len(words) <= 5 and words[0].isalpha() and len(words[0]) >= 7 and e.name.isascii():
            firsts.append(e)
    for e in rng.sample(firsts, 10):
        first, rest = e.name.split(" ", 1)
        i = rng.randrange(2, len(first) - 2)
        typo = first[:i] + first[i + 1] + first[i] + first[i + 2 :]
        if typo.lower() == first.lower():
            continue
        written = f"{typo} {rest}"
        rows.append(designated_row(sentence(rng, written, ""), "first-word-typo", written, e, [e.name]))
        other = f"{typo} {rng.choice(['Dental Practice', 'Garden Centre', 'Print Works'])}"
        rows.append(
            {
                "text": sentence(rng, other, f" in {rng.choice(TOWNS_UK)}"),
                "label": "not",
                "form": "first-word-typo-other",
                "org": other,
            }
        )
    # a listed name of a distinctive word and a generic or trade word, written with its word alone where an
    # organisation stands ('with Megvii', 'at Beihang', a list item); the word as an address or a data set's name
    from grantscan.detect.partners.detector import _common_words

    wl, everyday = word_lists(), _common_words()
    lone = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        w = name_words(e.name)
        if (
            len(w) == 2
            and (w[1] in wl.generic or w[1] in wl.company_words)
            and len(w[0]) >= 6
            and w[0].isalpha()
            and not {w[0]} & (wl.generic | wl.company_words | wl.places)
            and e.name.split()[0].lower() == w[0]
            and w[0] not in everyday  # 'Positive', 'Advantage': words, not names
            and all(len(name_words(n)) > 1 for n in e.aliases)  # listed alone, it is found alone already
        ):
            lone.append(e)
    for e in rng.sample(lone, 10):
        word = e.name.split()[0]
        word = word.title() if word.isupper() else word  # a list's capitals, as a text writes the name
        text = rng.choice(
            [
                f"We will collaborate with {word} on the benchmarks.",
                f"The student will spend six months at {word} working on control.",
                f"Partners: University of {rng.choice(TOWNS_UK)}, {word}, Imperial College London.",
                f"Co-investigator Dr Li ({word}) will lead work package 3.",
            ]
        )
        rows.append(designated_row(text, "lone-word", word, e, [e.name]))
        other = rng.choice(
            [
                f"The workshop will be held at 37 {word} Road in {rng.choice(TOWNS_UK)}.",
                f"The {word} data set was reviewed and found unsuitable.",
                f"We will collaborate with {word}sion Ltd of {rng.choice(TOWNS_UK)}.",
            ]
        )
        rows.append({"text": other, "label": "not", "form": "lone-word-other", "org": word})
    # a generic listed name whose legal form, written with a typo, makes it designated
    for name, written in [
        ("United Shipbuilding Corporation", "Public Joint Stock Company 'United Shipbuilding Corporatin'"),
        ("Innovation and Technologies LLC", "Innovation and Technologies Limitd Liability Company"),
    ]:
        es = [e for e in d.entries if name in [e.name, *e.aliases]]
        if es:
            rows.append(
                designated_row(sentence(rng, written, ""), "generic-legal-typo", written, es[0], [name])
            )
    for org in ["Digital Solutions Limitd", "Innovation Technology Corporatin"]:
        rows.append(_look_alike_in_uk_town(rng, org, "generic-legal-typo-other"))
    for org in ["Walker Holdng Limited", "Thames Compny Ltd", "Wright Engineering Limted"]:
        rows.append(_look_alike_in_uk_town(rng, org, "legal-six-other"))
    return rows


def add_round_nine(path: Path) -> int:
    """Replace the rows of ``round_nine_rows`` (ids n...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "n", round_nine_rows(random.Random(SEED + 8)))


# words of a method's or a tool's name in lower case, by initial: a listed acronym spelt as something else
_ADJ = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        [
            ["adaptive", "approximate"],
            ["bayesian", "block"],
            ["constrained", "coupled"],
            ["dynamic", "discrete"],
            ["extended", "ensemble"],
            ["fast", "fractional"],
            ["gradient", "global"],
            ["hierarchical", "hybrid"],
            ["iterative", "implicit"],
            ["joint"],
            ["kernel"],
            ["linear", "local"],
            ["mixed", "multiscale"],
            ["nested", "nonlinear"],
            ["optimal", "online"],
            ["probabilistic", "parallel"],
            ["quadratic"],
            ["robust", "recursive"],
            ["stochastic", "sparse"],
            ["temporal", "truncated"],
            ["unified", "upwind"],
            ["variational"],
            ["weighted"],
            [],
            ["yield"],
            ["zonal"],
        ],
        strict=True,
    )
)
_NOUN = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        [
            ["algorithm"],
            ["benchmark"],
            ["code"],
            ["decomposition"],
            ["estimator"],
            ["filter"],
            ["graph"],
            ["heuristic"],
            ["index"],
            ["join"],
            ["kit"],
            ["library"],
            ["method"],
            ["network"],
            ["optimiser"],
            ["program"],
            ["quantiser"],
            ["regression"],
            ["solver"],
            ["tool"],
            ["update"],
            ["validator"],
            ["workflow"],
            [],
            ["yardstick"],
            ["zoning"],
        ],
        strict=True,
    )
)


def _screening_index_of(d):  # noqa: ANN001, ANN202 - Designations -> ScreeningIndex
    """The scanner's compiled index of the shipped lists (to ask how many bodies an acronym names)."""
    from grantscan.config import Config
    from grantscan.pipeline import Scanner

    return Scanner(Config(cache=False)).detector.partners.screen


def _short_in_country_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A name of one three-letter word with its legal form, then 'in' and its country."""

    rows: list[dict] = []

    pool = [(n, e) for n, e in _short_company_names(d) if "," not in n]
    for n, e in rng.sample(pool, 14):
        rows.append(
            designated_row(sentence(rng, n, f" in {COUNTRY_WORDS[e.country]}"), "short-word-in", n, e, [n])
        )
    return rows


def _acronym_town_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed acronym with its town and country in brackets; the same acronym defined in lower case."""
    from grantscan.detect.partners.screening import is_acronym

    rows: list[dict] = []
    idx = _screening_index_of(d)
    towns = {"RU": ["Dolgoprudny", "Zelenograd", "Sarov"], "CN": ["Mianyang", "Changsha"], "IR": ["Isfahan"]}
    acr = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in towns:
            continue
        for a in e.aliases:
            # an acronym of one listed body (one of several is a possible match wherever it stands), not a
            # one-word name written in capitals ('LUKOIL')
            if (
                is_acronym(a)
                and 4 <= len(a) <= 6
                and a.isalpha()
                and "X" not in a  # no word of a method's name below starts with it
                and idx.acronym_bodies(a) == 1
                and not idx.lookup(a.capitalize())
            ):
                acr.append((a, e))
                break
    for a, e in rng.sample(acr, 8):
        where = f"{rng.choice(towns[e.country])}, {COUNTRY_WORDS[e.country]}"
        text = rng.choice(
            [
                f"Two postdocs from {a} ({where}) will join the project.",
                f"We will collaborate with {a} ({where}) on the test campaign.",
            ]
        )
        rows.append(designated_row(text, "acronym-town-country", a, e, [e.name, *e.aliases]))
        lower = " ".join([*(rng.choice(_ADJ[c]) for c in a[:-1].lower()), rng.choice(_NOUN[a[-1].lower()])])
        rows.append(
            {
                "text": f"The schedule is computed by the {lower} ({a}) described in the appendix.",
                "label": "not",
                "form": "acronym-defined-lower",
                "org": a,
            }
        )
    return rows


def _short_company_names(d) -> list[tuple]:  # noqa: ANN001 - Designations
    """(name or alias, entry) of UK list and Entity List entries placed in a country the rows can name, written as
    one short word with its legal form ('JSC ITC'), ASCII and with no apostrophe, in the lists' order."""
    from grantscan.detect.partners.screening import _short_company, name_words
    from grantscan.detect.partners.words import word_lists

    dropped = word_lists().dropped
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        for n in [e.name, *e.aliases]:
            w = name_words(n)
            if len(w) == 1 and _short_company(n, w, dropped) and n.isascii() and "'" not in n:
                pool.append((n, e))
    return pool


def _entity_list_names(d, keep) -> list:  # noqa: ANN001 - Designations, a predicate of an entry
    """Entity List entries of three to five ASCII words that ``keep`` accepts, in the lists' order."""
    return [
        e
        for e in d.entries
        if e.list_id == "bis-entity-list" and 3 <= len(e.name.split()) <= 5 and e.name.isascii() and keep(e)
    ]


def _ruled_out_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name ruled out after it, and an event named after a listed body (look-alikes)."""
    rows: list[dict] = []
    named = _entity_list_names(
        d, lambda e: e.country in COUNTRY_WORDS and not re.search(r"[\d,()'\"]", e.name)
    )
    for e in rng.sample(named, 8):
        org = clean(strip_legal(e.name))
        text = rng.choice(
            [
                f"We confirm that the {org} is not involved in any task of the project.",
                f"{org} will not take part in the project in any role.",
                f"The {org} (named in an earlier draft) is not a partner.",
            ]
        )
        rows.append({"text": text, "label": "not", "form": "negated-after", "org": org})
    for org in ["Hong Kong Electronics", "China Electronics Technology Group", "Huawei"]:
        text = (
            f"Results will be shown at the {org} {rng.choice(['Fair', 'Summit', 'Festival'])} in the autumn."
        )
        rows.append({"text": text, "label": "not", "form": "event", "org": org})
    return rows


def _spelt_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A transliterated legal-form word spelt another way; a first word in lower case after a hyphen."""
    rows: list[dict] = []
    # a transliterated legal-form word spelt another way ('Predpriiatiye'), and a first word in lower case after
    # a hyphen before the name ('Sceeentific-production Enterprise Vostok'); look-alikes of the same forms
    spelt = [
        ("Predpriyatiye", "Predpriiatiye"),
        ("Predpriyatie", "Predpriiatie"),
        ("Aktsionernoe", "Aktzionernoe"),
    ]
    legal_ru = [
        (e, n, a, b)
        for e in d.entries
        if e.list_id in ("uk-sanctions-list", "bis-entity-list") and e.country in COUNTRY_WORDS
        for n in [e.name, *e.aliases]
        for a, b in spelt
        if a in n and n.isascii() and len(n.split()) <= 6
    ]
    for e, n, a, b in rng.sample(legal_ru, 8):
        written = n.replace(a, b).replace("'", "").replace('"', "")
        place = rng.choice(["", f" in {COUNTRY_WORDS[e.country]}"])
        rows.append(designated_row(sentence(rng, written, place), "legal-ru-spelt", written, e, [n]))
    hyphened = [
        (e, m)
        for e in d.entries
        if e.list_id in ("uk-sanctions-list", "bis-entity-list") and e.country in COUNTRY_WORDS
        if (
            m := re.fullmatch(
                r"(Scientific|Research)-(Production|Industrial) ([A-Z]\w+(?: [A-Z]\w+){1,3})",
                strip_legal(e.name),
            )
        )
    ]
    for e, m in rng.sample(hyphened, min(6, len(hyphened))):
        first = m[1].replace("i", "ee", 1) if m[1] == "Scientific" else m[1].replace("ea", "eea", 1)
        written = f"{first}-{m[2].lower()} {m[3]}"
        rows.append(designated_row(sentence(rng, written, ""), "hyphen-lower-first", written, e, [e.name]))
    for org in [
        "Science-based Enterprise Hub",
        "Research-led Innovation Centre",
        "Non-profit Enterprise Trust",
    ]:
        rows.append(_look_alike_in_uk_town(rng, org, "hyphen-lower-first-other"))
    for org in ["Predpriiatiye Bakery Ltd", "Aktzionernoe Design Studio"]:
        rows.append(_look_alike_in_uk_town(rng, org, "legal-ru-spelt-other"))
    return rows


def _short_place_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A name written short before its country in brackets; a shared name reordered."""
    from grantscan.detect.partners.verdict import company_name

    rows: list[dict] = []
    # a name written short with its full stop before its country in brackets ('General Tech. (China)'), and a
    # name several bodies share in another word order that one list gives as another body's alias ('Applied
    # Physics Institute in Russia'); look-alikes placed in Europe
    short = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        base = clean(strip_legal(e.name))
        written = shorten(base)
        if written and written.endswith(".") and company_name(e.name) is not None and written.isascii():
            short.append((e, written))
    for e, written in rng.sample(short, min(6, len(short))):
        text = sentence(rng, written, f" ({COUNTRY_WORDS[e.country]})")
        rows.append(designated_row(text, "short-place", written, e, [e.name]))
        other = sentence(rng, written, f" ({rng.choice(['Germany', 'France', 'Ireland'])})")
        rows.append({"text": other, "label": "not", "form": "short-place-other", "org": written})
    ru_iap = [e for e in d.entries if e.name == "Joint Stock Company Institute of Applied Physics"]
    for e in ru_iap:
        for place in (" in Russia", " (Russia)"):
            rows.append(
                designated_row(
                    sentence(rng, "Applied Physics Institute", place),
                    "reordered-other-alias",
                    "Applied Physics Institute",
                    e,
                    [e.name],
                )
            )
    rows.append(_look_alike_in_uk_town(rng, "Applied Physics Institute", "reordered-other-alias-other"))
    return rows


def _alias_first_word_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A first word listed alone as the body's alias, before the rest of its name."""
    from grantscan.detect.partners.screening import canon, fold

    rows: list[dict] = []
    # a listed name whose first word, as written, is another listed name of the body on its own ('Dolgoprudny
    # Design Bureau of Automatics' for 'Dolgoprudniy ...', 'Dolgoprudny' listed alone); look-alikes: that word
    # before other words in a UK town
    firsts = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or len(e.name.split()) < 3:
            continue
        first, rest = e.name.split(" ", 1)
        for a in e.aliases:
            if (
                " " not in a
                and a != first
                and canon(fold(a)) == canon(fold(first))
                and a.isascii()
                and "'" not in a
            ):
                firsts.append((e, f"{a} {strip_legal(rest)}", a))
                break
    for e, written, _ in firsts:
        rows.append(designated_row(sentence(rng, written, ""), "alias-first-word", written, e, [e.name]))
    for _, _, a in rng.sample(firsts, 3):
        other = f"{a.title() if a.isupper() else a} {rng.choice(['Dental Practice', 'Garden Centre', 'Print Works'])}"
        rows.append(_look_alike_in_uk_town(rng, other, "alias-first-word-other"))
    return rows


def _built_in_subsidiary_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A built-in body's listed subsidiary with a word in another transliteration."""
    from grantscan.detect.partners.words import word_lists

    rows: list[dict] = []
    # a built-in body's listed subsidiary with a word written in another transliteration ('Huawei Clud Russia'),
    # which the built-in body's own name hid
    subsidiaries = _entity_list_names(d, lambda e: e.name.startswith("Huawei "))
    places = word_lists().places | {"africa", "south", "costa", "rica", "dubai", "portugal", "australia"}
    spelt_subsidiaries = []
    for e in subsidiaries:
        words = strip_legal(e.name).replace("(", "").replace(")", "").split()
        # the longest word besides 'Huawei' and places, in another transliteration: 'ou' as 'u', an 'i' as 'ee'
        j = max(range(1, len(words)), key=lambda i: (words[i].lower() not in places, len(words[i])))
        w = words[j]
        if w.lower() in places or not w.isalpha():
            continue
        if "ou" in w:
            words[j] = w.replace("ou", "u", 1)
        elif "i" in w[1:]:
            words[j] = w[0] + w[1:].replace("i", "ee", 1)
        else:
            continue
        spelt_subsidiaries.append((e, " ".join(words)))
    for e, written in rng.sample(spelt_subsidiaries, min(8, len(spelt_subsidiaries))):
        rows.append(
            designated_row(sentence(rng, written, ""), "built-in-subsidiary-spelt", written, e, [e.name])
        )
    return rows


def _reordered_elsewhere_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name in another order with another legal form, in a sentence naming the UK."""
    rows: list[dict] = []
    for org, town in [
        ("Shipyard Eastern Ltd", "Falmouth"),
        ("Plant Kazan Helicopter Ltd", "Derby"),
        ("Bureau Rubin Sever Design Ltd", "Leeds"),
    ]:
        text = f"Repairs are done by {org}, {town}, UK."
        rows.append({"text": text, "label": "not", "form": "reordered-elsewhere", "org": org})
    return rows


_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast", "central"}
)


def _head_moved_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name's first word moved after a comma where the rest holds another body's listed name ('Bureau of
    Special Machine Building, Design', 'Machine Building' listed apart); look-alikes placed in Europe."""
    from grantscan.detect.partners.screening import fold, name_words
    from grantscan.detect.partners.words import word_lists

    idx = _screening_index_of(d)
    places = word_lists().places
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        base = clean(strip_legal(e.name))
        m = re.fullmatch(r"(\w+) (Institute|Plant|Factory|Center|Centre|Bureau) of (.+)", base)
        # the moved word a name's own word, not a place or a direction (the place moved after a name is a form of
        # its own); the rest one name, not a phrase ('... in the Science Research')
        if m is None or not base.isascii() or " in " in m[3] or fold(m[1]) in places | _DIRECTIONS:
            continue
        words = m[3].split()
        inner = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)]
        if any(idx._group("bw", " ".join(name_words(x))) for x in inner):  # weak names too
            pool.append((e, f"{m[2]} of {m[3]}, {m[1]}"))
    rows: list[dict] = []
    for e, written in rng.sample(pool, min(8, len(pool))):
        # with its country: a name of generic words alone is a possible match without it, by design
        place = rng.choice([f" in {COUNTRY_WORDS[e.country]}", f" ({COUNTRY_WORDS[e.country]})"])
        rows.append(designated_row(sentence(rng, written, place), "head-moved-comma", written, e, [e.name]))
    for _, written in rng.sample(pool, min(3, len(pool))):
        other = sentence(rng, written, f" in {rng.choice(['Germany', 'France', 'Austria'])}")
        rows.append({"text": other, "label": "not", "form": "head-moved-comma-other", "org": written})
    return rows


def _head_left_out_close_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """An industrial body's name with its head left out, where another listed name is close but not the same
    ('Kazan Helicopter' for 'Kazan Helicopter Plant PJSC', beside 'PJSC Kazan Helicopters')."""
    from grantscan.detect.partners.screening import DESIGNATED

    idx = _screening_index_of(d)
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        base = clean(strip_legal(e.name))
        words = base.split()
        if len(words) < 3 or words[-1] not in ("Plant", "Factory", "Works", "Enterprise", "Combine"):
            continue
        written = " ".join(words[:-1])
        close = [k for k, score in idx.score_span(written, DESIGNATED) if score < 1.0]
        if written.isascii() and any(idx.entries[idx.names[k].entry].entry_id != e.entry_id for k in close):
            pool.append((e, written))
    rows: list[dict] = []
    for e, written in rng.sample(pool, min(6, len(pool))):
        place = rng.choice([f" in {COUNTRY_WORDS[e.country]}", f" ({COUNTRY_WORDS[e.country]})"])
        rows.append(
            designated_row(sentence(rng, written, place), "head-left-out-close", written, e, [e.name])
        )
    return rows


def _built_in_short_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A built-in body's listed name of generic words with a word written short and no place ('Northwestern
    Polytechnical Univ.'), found as that body as its whole name is; look-alikes placed in Europe."""
    from grantscan.config import Config
    from grantscan.pipeline import Scanner

    det = Scanner(Config(cache=False)).detector.partners
    idx = det.screen
    pool = []
    for org in det.orgs.known:
        found = [k for k in idx.lookup(org.name) if idx.generic(k)] if len(org.name.split()) >= 3 else []
        written = shorten(org.name)
        if found and written and written != org.name and written.isascii():
            e = idx.entries[idx.names[found[0]].entry]
            pool.append((e, written))
    rows: list[dict] = []
    for e, written in rng.sample(pool, min(8, len(pool))):
        rows.append(designated_row(sentence(rng, written, ""), "built-in-short", written, e, [e.name]))
    for _, written in rng.sample(pool, min(3, len(pool))):
        other = sentence(rng, written, f" ({rng.choice(['Ireland', 'Germany', 'France'])})")
        rows.append({"text": other, "label": "not", "form": "built-in-short-other", "org": written})
    return rows


def _one_word_spelt_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed one-word name of eight letters or more in another transliteration ('Uralwagonzavod'); look-alikes:
    the same spelling before other words in a UK town."""
    from grantscan.detect.partners.screening import canon, fold

    rules = [("v", "w"), ("ks", "x"), ("x", "ks"), ("kh", "h"), ("iy", "y")]
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        for n in [e.name, *e.aliases]:
            if " " in n or len(n) < 8 or not n.isalpha() or not n.isascii():
                continue
            for a, b in rules:
                written = n.replace(a, b, 1)
                if written != n and len(written) >= 8 and canon(fold(written)) == canon(fold(n)):
                    pool.append((e, n, written[0].upper() + written[1:]))
                    break
    rows: list[dict] = []
    for e, n, written in rng.sample(pool, min(8, len(pool))):
        rows.append(designated_row(sentence(rng, written, ""), "one-word-spelt", written, e, [n]))
    for _, _, written in rng.sample(pool, min(3, len(pool))):
        other = f"{written} {rng.choice(['Garden Centre', 'Print Works', 'Dental Practice'])}"
        rows.append(_look_alike_in_uk_town(rng, other, "one-word-spelt-other"))
    return rows


def _street_and_modifier_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """Look-alikes: a built-in listed body's one-word name as a street's ('37 Huawei Road') or before a noun in
    lower case ('The Inspur data set'); and a typo in a transliterated legal-form word ('Predrpiyatiye')."""
    from grantscan.config import Config
    from grantscan.pipeline import Scanner

    det = Scanner(Config(cache=False)).detector.partners
    idx = det.screen
    words = sorted(
        {o.name for o in det.orgs.known if " " not in o.name and o.name.isalpha() and idx.lookup(o.name)}
    )
    rows: list[dict] = []
    for w in rng.sample(words, min(4, len(words))):
        text = f"The workshop will be held at 37 {w} {rng.choice(['Road', 'Street', 'Avenue'])} in {rng.choice(TOWNS_UK)}."
        rows.append({"text": text, "label": "not", "form": "street", "org": w})
    for w in rng.sample(words, min(4, len(words))):
        thing, verb = rng.choice(
            [("data set", "was"), ("phones", "were"), ("benchmark results", "were"), ("server manual", "was")]
        )
        text = f"The {w} {thing} {verb} reviewed and found unsuitable."
        rows.append({"text": text, "label": "not", "form": "modifier", "org": w})
    typo_ru = [
        (e, n)
        for e in d.entries
        if e.list_id in ("uk-sanctions-list", "bis-entity-list") and e.country in COUNTRY_WORDS
        for n in [e.name, *e.aliases]
        if "Predpriyatiye" in n and n.isascii() and len(n.split()) <= 6
    ]
    for e, n in rng.sample(typo_ru, min(4, len(typo_ru))):
        written = n.replace("Predpriyatiye", "Predrpiyatiye").replace("'", "").replace('"', "")
        rows.append(designated_row(sentence(rng, written, ""), "legal-ru-typo", written, e, [n]))
    return rows


def _gh_q_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """Persian names with 'gh' written 'q' or 'q' written 'gh' ('Aqajari Oil & Gas Production' for 'Aghajari
    ...'), in a Persian word (no everyday word, no 'qu'); look-alikes: the word so written before other trade
    words in a UK town."""
    from grantscan.detect.partners.detector import _common_words

    everyday = _common_words()
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country != "IR":
            continue
        names = [e.name, *e.aliases]
        for n in names:
            base = strip_legal(clean(n))
            words = (
                base.title() if base.isupper() else base
            ).split()  # a list's capitals, as a text writes it
            if not n.isascii() or len(words) < 2:
                continue
            for i, w in enumerate(words):
                low = w.lower()
                if low in everyday or "qu" in low or not w.isalpha():
                    continue
                if "gh" in low:
                    words[i] = w.replace("gh", "q", 1).replace("Gh", "Q", 1)
                    break
                if "q" in low:
                    words[i] = w.replace("q", "gh", 1).replace("Q", "Gh", 1)
                    break
            else:
                continue
            written = " ".join(words)
            if all(written.lower() != x.lower() for x in names):
                pool.append((e, n, written, words[i]))
                break
    rows: list[dict] = []
    for e, n, written, _ in rng.sample(pool, min(8, len(pool))):
        rows.append(designated_row(sentence(rng, written, " in Iran"), "gh-q", written, e, [n]))
    for _, _, _, word in rng.sample(pool, min(2, len(pool))):
        other = f"{word} {rng.choice(['Bakery Ltd', 'Garden Centre', 'Print Works'])}"
        rows.append(_look_alike_in_uk_town(rng, other, "gh-q-other"))
    return rows


def round_ten_rows(rng: random.Random) -> list[dict]:
    """Rows for the forms this round's fresh draws and hand-written texts showed (ids q...): a name of one
    three-letter word with its legal form followed by 'in' and its country ('JSC BMZ in Russia', once read as a
    research group, 'in' taken for a legal-form word in lower case), and a listed acronym with its town and
    country in brackets ('MIPT (Dolgoprudny, Russia)', once read as a definition). Look-alikes: a listed
    acronym defined in lower case as a method or a tool ('the mixed-integer programming tool (MIPT)'), a listed
    name the sentence then rules out ('... is not involved in any task'), an event named after a listed body
    ('the Hong Kong Electronics Fair'), and a listed name in another word order with another legal form in a
    sentence naming the UK ('Shipyard Eastern Ltd, Falmouth, UK')."""
    d = default_designations()
    rows: list[dict] = []
    for part in (
        _short_in_country_rows,
        _acronym_town_rows,
        _ruled_out_rows,
        _spelt_rows,
        _short_place_rows,
        _alias_first_word_rows,
        _built_in_subsidiary_rows,
        _reordered_elsewhere_rows,
        _head_moved_rows,
        _head_left_out_close_rows,
        _built_in_short_rows,
        _one_word_spelt_rows,
        _street_and_modifier_rows,
        _gh_q_rows,
    ):
        rows += part(rng, d)
    return rows


def add_round_ten(path: Path) -> int:
    """Replace the rows of ``round_ten_rows`` (ids q...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "q", round_ten_rows(random.Random(SEED + 9)))


def _same_body_acronym_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed acronym of four letters or more that two entries give for one body (sharing a name other than the
    acronym: 'BSVT', 'MERI'), used as an organisation with no place: designated, as one body's acronym is."""
    from grantscan.detect.partners.screening import is_acronym

    idx = _screening_index_of(d)
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        for a in e.aliases:
            if (
                is_acronym(a)
                and 4 <= len(a) <= 6
                and a.isalpha()
                and len(idx.acronyms.get(a, ())) > 1
                and idx.acronym_bodies(a) == 1
                and not idx.lookup(a.capitalize())
            ):
                pool.append((a, e))
                break
    rows: list[dict] = []
    for a, e in rng.sample(pool, min(8, len(pool))):
        text = rng.choice(
            [
                f"Test equipment comes from {a}, our industrial partner.",
                f"We will exchange two doctoral researchers with {a} during the second year.",
            ]
        )
        rows.append(designated_row(text, "acronym-one-body", a, e, [e.name, *e.aliases]))
    return rows


def _place_trade_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name of a place and trade words ('Hong Kong Electronics') with its legal form and country
    (designated); look-alikes: the same words inside a longer name of another kind of organisation ('Hong Kong
    Electronics Industries Association')."""
    from grantscan.detect.partners.screening import name_words
    from grantscan.detect.partners.verdict import _place_and_trade
    from grantscan.detect.partners.words import word_lists

    pool: list[tuple[str, object]] = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        org = clean(strip_legal(e.name))
        kinds = word_lists().organisation_types | {"university", "institute"}
        if (
            org.isascii()
            and 2 <= len(org.split()) <= 4
            and "," not in org
            and _place_and_trade(org)
            and not kinds & set(name_words(org))
            and org not in {o for o, _ in pool}
        ):
            pool.append((org, e))
    rows: list[dict] = []
    for org, e in rng.sample(pool, min(6, len(pool))):
        written = f"{org} Co., Ltd."
        rows.append(
            designated_row(
                sentence(rng, written, f" in {COUNTRY_WORDS[e.country]}"),
                "place-trade-legal",
                written,
                e,
                [e.name, *e.aliases],
            )
        )
        kind = rng.choice(
            ["Industries Association", "Research Society", "Trade Council", "Alumni Foundation"]
        )
        text = f"Market data come from the {org} {kind}, which publishes yearly figures."
        rows.append({"text": text, "label": "not", "form": "place-trade-inside", "org": f"{org} {kind}"})
    return rows


def _city_typo_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """Look-alikes: a Chinese city of the word lists one typo from a listed distinctive word ('Taiyuan',
    'Tanyuan'), in brackets after trade words; and that listed name as written (designated)."""
    from grantscan.detect.partners.screening import fold, name_words
    from grantscan.detect.partners.words import word_lists

    places = sorted(word_lists().places - {"hong", "kong", "macau", "macao"})

    def one_typo(a: str, b: str) -> bool:
        if a == b or abs(len(a) - len(b)) > 1:
            return False
        if len(a) == len(b):
            return sum(x != y for x, y in zip(a, b, strict=True)) == 1
        short, long_ = sorted((a, b), key=len)
        return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))

    pool = []
    for e in d.entries:
        if e.list_id not in ("bis-entity-list", "uk-sanctions-list", "dhs-uflpa") or e.country != "CN":
            continue
        words = name_words(e.name)
        for w in words:
            near = [p for p in places if len(w) >= 5 and w not in places and one_typo(w, p)]
            if near and e.name.isascii():
                pool.append((e, w, near[0]))
                break
    rows: list[dict] = []
    for e, w, place in rng.sample(pool, min(5, len(pool))):
        rows.append(designated_row(sentence(rng, e.name, ""), "listed-near-city", e.name, e, [e.name]))
        other = f"{rng.choice(['Semiconductor', 'Optical', 'Battery'])} Technology ({place.title()}) Company Limited"
        rows.append(
            {"text": sentence(rng, other, ""), "label": "not", "form": "city-near-listed", "org": other}
        )
        assert fold(place) != w
    return rows


def _legal_spelt_other_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A one-word listed name whose legal form holds 'Group', written 'Grup' or 'Grooup' with its country, and a
    one-word name listed with 'Enterprises' written with another legal form ('Dennex Enterprises Corporation')
    (designated); look-alikes: other companies written with 'Grup' in a UK town."""
    idx = _screening_index_of(d)
    group, enterprises = [], []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        for n in [e.name, *e.aliases]:
            ks = idx.lookup(n)
            if (
                not n.isascii()
                or "," in n
                or "'" in n
                or not ks
                or not all(idx.derived_single(k) for k in ks)
            ):
                continue
            words = n.split()
            if len(words) == 2 and words[1] == "Group" and words[0].isalpha() and len(words[0]) >= 5:
                if n not in {g for g, _ in group}:
                    group.append((n, e))
                break
            if len(words) == 3 and words[1] == "Enterprises" and words[2] in ("Limited", "Ltd.", "LLC"):
                enterprises.append((n, e))
                break
    rows: list[dict] = []
    for n, e in rng.sample(group, min(8, len(group))):
        written = n.replace("Group", rng.choice(["Grup", "Grooup", "Groupp"]))
        place = f" ({COUNTRY_WORDS[e.country]})"
        rows.append(designated_row(sentence(rng, written, place), "legal-spelt-group", written, e, [n]))
    for n, e in rng.sample(enterprises, min(4, len(enterprises))):
        written = " ".join([*n.split()[:2], rng.choice(["Corporation", "Company", "Inc."])])
        rows.append(designated_row(sentence(rng, written, ""), "enterprises-other-legal", written, e, [n]))
    for name in ["Walker Grup Limited", "Harbour Grooup Ltd", "Pennine Grup"]:
        rows.append(_look_alike_in_uk_town(rng, name, "legal-spelt-other"))
    return rows


def _long_word_typo_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed one-word name of thirteen letters or more with a letter doubled or dropped ('Kurganmashzavood'),
    so that twelve or more are written."""
    idx = _screening_index_of(d)
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        for n in [e.name, *e.aliases]:
            ks = idx.lookup(n)
            if " " in n or len(n) < 13 or not n.isalpha() or not n.isascii() or not ks:
                continue
            if all(len(idx.words_of(k)) == 1 and not idx.derived_single(k) for k in ks):
                pool.append((n, e))
                break
    rows: list[dict] = []
    for n, e in rng.sample(pool, min(8, len(pool))):
        i = rng.randrange(3, len(n) - 2)
        written = n[:i] + n[i] + n[i:] if rng.random() < 0.5 else n[:i] + n[i + 1 :]
        rows.append(designated_row(sentence(rng, written, ""), "long-word-typo", written, e, [n]))
    return rows


def _bracketed_city_mid_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name with a city in brackets before its last trade words, written as listed ('Zhongke Xinliang
    (Beijing) Technology Co., Ltd.'); look-alikes: other words in the same form in a UK town."""
    from grantscan.detect.partners.words import word_lists

    wl = word_lists()
    pool = []
    for e in d.entries:
        if e.list_id != "bis-entity-list" or e.country != "CN" or not e.name.isascii():
            continue
        m = re.fullmatch(
            r"([A-Z][\w-]+(?: [A-Z][\w-]+)?) \(([A-Za-z]+)\) ((?:[A-Z][a-z]+ ){1,2})Co\., Ltd\.", e.name
        )
        if m and m.group(2).lower() in wl.places and m.group(1).split()[0].upper() != m.group(1).split()[0]:
            pool.append((e, m.group(2), m.group(3).strip()))
    rows: list[dict] = []
    for e, _city, _trade in rng.sample(pool, min(8, len(pool))):
        rows.append(designated_row(sentence(rng, e.name, ""), "bracketed-city-mid", e.name, e, [e.name]))
    for _e, city, trade in rng.sample(pool, min(3, len(pool))):
        other = f"{rng.choice(['Walker', 'Pennine', 'Harbour'])} Optics ({city}) {trade} Co., Ltd."
        rows.append(_look_alike_in_uk_town(rng, other, "bracketed-city-mid-other"))
    return rows


def _in_country_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name whose last word and 'in' and its country make another listed name once 'in' is read as 'of'
    ('Tochka Bank in Russia': the 'Bank of Russia'), written so (designated, the name before 'in')."""
    idx = _screening_index_of(d)
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        for n in [e.name, *e.aliases]:
            org = clean(strip_legal(n))
            words = org.split()
            if not org.isascii() or not 2 <= len(words) <= 4 or not idx.lookup(org) or "'" in org:
                continue
            if idx.lookup(f"{words[-1]} of {COUNTRY_WORDS[e.country]}"):
                pool.append((org, e))
                break
    rows: list[dict] = []
    for org, e in rng.sample(pool, min(8, len(pool))):
        rows.append(
            designated_row(
                sentence(rng, org, f" in {COUNTRY_WORDS[e.country]}"),
                "in-country",
                org,
                e,
                [e.name, *e.aliases],
            )
        )
    return rows


def _generic_city_moved_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name of a Chinese city and generic words or a number, the city moved into brackets after the
    rest ('Aerospace Science and Technology (Shaanxi)', '8 Star International (Beijing)'), designated; look-alikes:
    the rest with another city, on no list."""
    from grantscan.detect.partners.words import word_lists

    idx = _screening_index_of(d)
    wl = word_lists()
    places = wl.places
    pool = []
    for e in d.entries:
        if e.list_id != "bis-entity-list" or e.country != "CN" or not e.name.isascii():
            continue
        words = clean(strip_legal(e.name)).split()
        if len(words) < 3 or words[0].lower() not in places or any(not w.isalnum() for w in words):
            continue
        rest = " ".join(words[1:])
        kinds = wl.generic | wl.company_words | wl.connecting
        if words[0].lower() not in ("hong", "macau") and all(
            w.isdigit() or w.lower() in kinds or w.lower().rstrip("s") in kinds for w in words[1:]
        ):
            pool.append((e, words[0], rest))
    rows: list[dict] = []
    for e, city, rest in rng.sample(pool, min(8, len(pool))):
        written = f"{rest} ({city})"
        rows.append(designated_row(sentence(rng, written, ""), "generic-city-moved", written, e, [e.name]))
        other = next(
            (
                c.title()
                for c in rng.sample(sorted(places), 12)
                if not idx.lookup(f"{c} {rest}") and c != city.lower()
            ),
            None,
        )
        if other is not None and other.lower() not in ("hong", "kong", "macau", "macao"):
            org = f"{rest} ({other})"
            rows.append(
                {
                    "text": sentence(rng, org, ""),
                    "label": "not",
                    "form": "generic-city-moved-other",
                    "org": org,
                }
            )
    return rows


def _apostrophe_short_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name that starts with 'National' or 'International', written "Nat'l" or "Int'l" (designated);
    look-alikes: unlisted names written so in a UK town."""
    idx = _screening_index_of(d)
    short = {"National": "Nat'l", "International": "Int'l"}
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        for n in [e.name, *e.aliases]:
            org = clean(n).title() if n.isupper() else clean(n)
            first = org.split()[0].title() if org.split() else ""
            ks = idx.lookup(org)
            # a name several bodies share is a possible match however written ('National Defense Academy')
            if (
                first in short
                and org.isascii()
                and 3 <= len(org.split()) <= 6
                and ks
                and not idx.generic(ks[0])
            ):
                pool.append((short[first] + org[len(first) :], e))
                break
    rows: list[dict] = []
    for written, e in rng.sample(pool, min(8, len(pool))):
        rows.append(
            designated_row(sentence(rng, written, ""), "apostrophe-short", written, e, [e.name, *e.aliases])
        )
    for org in ["Nat'l Garden Scheme", "Int'l Rescue Committee UK", "Nat'l Heritage Memorial Fund"]:
        rows.append(_look_alike_in_uk_town(rng, org, "apostrophe-short-other"))
    return rows


def _landmark_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """Look-alikes: a listed name after 'the' and an adjective of history, a landmark ('the historical Silk
    Road')."""
    rows: list[dict] = []
    for adj in ("historical", "ancient"):  # 'Silk Road': an alias of 'Silk Road Trading Company Ltd.'
        text = f"The work package studies trade along the {adj} Silk Road with our partners in Leeds."
        rows.append({"text": text, "label": "not", "form": "landmark", "org": "Silk Road"})
    return rows


def _syllables_no_seed_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed Chinese name whose one distinctive word is two pinyin syllables, written apart, beside generic
    words with no head word ('Beijing Lei Ke Defense Technology'), designated; look-alikes: the syllables as a
    person's name."""
    from grantscan.detect.partners.words import word_lists

    wl = word_lists()
    plain = wl.generic | wl.company_words | wl.places | wl.legal_forms | wl.connecting | {"co", "ltd"}
    pool = []
    for e in d.entries:
        if e.list_id != "bis-entity-list" or e.country != "CN" or not e.name.isascii():
            continue
        words = clean(strip_legal(e.name)).split()
        odd = [w for w in words if w.lower().strip(".,") not in plain]
        if len(words) >= 3 and len(odd) == 1 and _syllables(odd[0]) and words[0] != "Hong":
            a, b = _syllables(odd[0])
            pool.append(
                (e, " ".join(f"{a} {b.title()}" if w == odd[0] else w for w in words), f"{a} {b.title()}")
            )
    rows: list[dict] = []
    for e, written, _ in rng.sample(pool, min(8, len(pool))):
        rows.append(
            designated_row(sentence(rng, written, ""), "syllables-apart-no-head", written, e, [e.name])
        )
    for _, _, person in rng.sample(pool, min(3, len(pool))):
        text = f"Dr {person} of the University of Leeds will lead the work package on {rng.choice(TOPICS)}."
        rows.append({"text": text, "label": "not", "form": "syllables-person", "org": person})
    return rows


def _long_single_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name left with one word of twelve letters or more once its legal form is dropped, written alone
    with no legal form, as listed or with 'ya' written 'ia' ('Promsviazbank'), designated; look-alikes: the word
    cited author-year."""
    idx = _screening_index_of(d)
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_WORDS:
            continue
        for n in [e.name, *e.aliases]:
            ks = idx.lookup(n)
            if not ks or not n.isascii() or not all(idx.derived_single(k) for k in ks):
                continue
            word = idx.words_of(ks[0])[0]
            if len(word) >= 12 and word.isalpha() and word not in idx.common:
                pool.append((word.title(), e))
                break
    rows: list[dict] = []
    for word, e in rng.sample(pool, min(8, len(pool))):
        written = word.replace("ya", "ia", 1) if "ya" in word and rng.random() < 0.5 else word
        rows.append(
            designated_row(sentence(rng, written, ""), "long-single-alone", written, e, [e.name, *e.aliases])
        )
    for word, _ in rng.sample(pool, min(2, len(pool))):
        text = f"As {word} (2020) reported, the figures grew in the second year."
        rows.append({"text": text, "label": "not", "form": "long-single-cited", "org": word})
    return rows


def round_eleven_rows(rng: random.Random) -> list[dict]:
    """Rows for the forms this round's fresh draws and hand-written texts showed (ids r...): an acronym of one
    body two lists name, a place-and-trade name with its legal form, a listed name one typo from a Chinese city,
    'Group' spelt another way, 'Enterprises' with another legal form, a long one-word name with a typo; and
    their look-alikes (the place-and-trade words inside a longer name of another kind, the city itself, 'Grup'
    companies in a UK town)."""
    d = default_designations()
    rows: list[dict] = []
    for part in (
        _same_body_acronym_rows,
        _place_trade_rows,
        _city_typo_rows,
        _legal_spelt_other_rows,
        _long_word_typo_rows,
        _bracketed_city_mid_rows,
        _in_country_rows,
        _generic_city_moved_rows,
        _apostrophe_short_rows,
        _landmark_rows,
        _syllables_no_seed_rows,
        _long_single_rows,
    ):
        rows += part(rng, d)
    return rows


def add_round_eleven(path: Path) -> int:
    """Replace the rows of ``round_eleven_rows`` (ids r...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "r", round_eleven_rows(random.Random(SEED + 10)))


# -- round twelve: short and generic listed names -----------------------------------------------------------------
#
# Listed names made of generic, trade or everyday words, or of short words, are the names a text can write
# without any distinctive word: whether the text names the listed body then rests on what else it says (the
# entry's country or city), and the same words in another country name another body.

# the countries round twelve names besides COUNTRY_WORDS (short and generic names of these lists are often theirs)
COUNTRY_MORE = {**COUNTRY_WORDS, "MM": "Myanmar", "PK": "Pakistan", "AE": "the United Arab Emirates"}
TOWNS_EU = ["Lyon", "Ghent", "Utrecht", "Bologna", "Graz", "Porto"]
# another legal form for a name written without its own ('LLC' for a name listed with 'JSC')
OTHER_LEGAL = [("LLC", "llc"), ("Ltd", "ltd"), ("JSC", "jsc"), ("Co., Ltd.", "co"), ("Company", "company")]
HONORIFIC = re.compile(
    r"\s+(?:(?:and\s+)?(?:Twice\s+)?Order\s+of\s+(?:the\s+)?(?:Red\s+Banner(?:\s+of\s+Labou?r)?|Lenin|"
    r"October\s+Revolution|Labou?r\s+Red\s+Banner|Friendship\s+of\s+Peoples|Badge\s+of\s+Honou?r)\s+)+",
    re.I,
)


# cities a row may name for an entry whose listed address gives one of them
ROUND_TWELVE_CITIES = frozenset(
    {
        "Moscow",
        "Saint Petersburg",
        "St. Petersburg",
        "Minsk",
        "Tehran",
        "Beijing",
        "Shanghai",
        "Shenzhen",
        "Pyongyang",
        "Damascus",
        "Yangon",
        "Naypyidaw",
        "Karachi",
        "Lahore",
        "Dubai",
        "Kazan",
        "Novosibirsk",
        "Yekaterinburg",
        "Nizhny Novgorod",
        "Tula",
        "Perm",
        "Chengdu",
        "Wuhan",
        "Guangzhou",
        "Harbin",
        "Xian",
    }
)
# legal-form words a name without its legal form must no longer hold
ROUND_TWELVE_LEGAL = frozenset(
    {"fze", "fzc", "fzco", "spe", "co", "ltd", "llc", "jsc", "company", "limited", "joint", "stock", "pty"}
)


def _bare(n: str) -> bool:
    """Whether ``n`` holds no legal-form word ``strip_legal`` left in it ('Aerosila JSC SPE')."""
    return not any(w.lower().strip(".,") in ROUND_TWELVE_LEGAL for w in n.split())


def _plain_names(d, idx) -> list[tuple[str, ListEntry, tuple[str, ...]]]:  # noqa: ANN001
    """(name written without its legal form, entry, its words) of UK list and Entity List entries placed in a
    country the rows can name, whose name is two to four words, each generic, a trade word or an everyday word,
    ASCII, with no digit, bracket or quote."""
    from grantscan.detect.partners.screening import name_words
    from grantscan.detect.partners.words import word_lists

    wl = word_lists()
    plain = wl.generic | wl.company_words | idx.common
    out = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_MORE:
            continue
        n = clean(strip_legal(e.name))
        w = name_words(n)
        if not (2 <= len(w) <= 4) or not n.isascii() or re.search(r"[\d()'\"]", n) or n.isupper():
            continue
        if not _bare(n):
            continue
        if all(x in plain for x in w) and not any(x in wl.spelled_as_written or x in wl.places for x in w):
            out.append((n, e, w))
    return out


def _short_word_names(d) -> list[tuple[str, ListEntry]]:  # noqa: ANN001 - Designations
    """(name without its legal form, entry) of listed names of two words, one of them of two or three letters
    ('DM Link', 'KB Radar', 'MT-Systems'), ASCII, in a country the rows can name."""
    from grantscan.detect.partners.screening import name_words

    out = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_MORE:
            continue
        n = clean(strip_legal(e.name))
        w = name_words(n)
        if len(w) == 2 and min(len(x) for x in w) <= 3 and max(len(x) for x in w) >= 4 and n.isascii():
            # initials joined by '&' ('S&D Industry') are read another way (the 's' of a possessive): left out
            if not re.search(r"[\d()'\".&]", n) and _bare(n):
                out.append((n.title() if n.isupper() else n, e))
    return out


def _place_of(rng: random.Random, e: ListEntry) -> str:
    """Where the entry is, as a text says it after the name: its city or its country."""
    if e.city in ROUND_TWELVE_CITIES and rng.random() < 0.5:
        return f" in {e.city}"
    return f" in {COUNTRY_MORE[e.country]}" if rng.random() < 0.5 else f" ({COUNTRY_MORE[e.country]})"


def _generic_plain_rows(rng: random.Random, d, idx) -> list[dict]:  # noqa: ANN001
    """A listed name of generic, trade or everyday words written without its legal form, placed by its city or
    country; as another legal form then 'of' and its city or country; and the same words in a European or UK
    town (look-alikes)."""
    rows: list[dict] = []
    pool = _plain_names(d, idx)
    for n, e, _ in rng.sample(pool, min(16, len(pool))):
        names = [e.name, *e.aliases]
        rows.append(designated_row(sentence(rng, n, _place_of(rng, e)), "plain-placed", n, e, names))
        listed_forms = {w.lower().strip(".,") for w in e.name.split()}
        form = next(
            (f for f, key in rng.sample(OTHER_LEGAL, len(OTHER_LEGAL)) if key not in listed_forms), "LLC"
        )
        where = e.city if e.city in ROUND_TWELVE_CITIES else COUNTRY_MORE[e.country]
        written = f"{n} {form}"
        rows.append(
            designated_row(sentence(rng, written, f" of {where}"), "plain-other-legal-of", written, e, names)
        )
        if not _shared_words(n):
            continue  # three words or more beyond the kind of body name one ('... Theoretical and Experimental ...')
        rows.append(
            {
                "text": sentence(rng, written, f" in {rng.choice(TOWNS_EU + TOWNS_UK)}"),
                "label": "not",
                "form": "plain-elsewhere",
                "org": written,
            }
        )
    return rows


def _plain_word(idx, n: str) -> bool:  # noqa: ANN001 - a ScreeningIndex
    """Whether every word of ``n`` of four letters or more is everyday, generic or a trade word ('DM Link', not
    'Sovtest ATE'): the same words name other companies elsewhere."""
    from grantscan.detect.partners.screening import name_words
    from grantscan.detect.partners.words import word_lists

    wl = word_lists()
    return all(
        len(w) <= 3 or w in idx.common or w in wl.generic or w in wl.company_words for w in name_words(n)
    )


def _shared_words(n: str) -> bool:
    """Whether ``n`` is a name many bodies share: two words or fewer, or generic and trade words of which fewer
    than three say more than the kind of body."""
    from grantscan.detect.partners.screening import name_words
    from grantscan.detect.partners.words import word_lists

    wl = word_lists()
    w = name_words(n)
    return len(w) <= 2 or sum(x not in wl.organisation_types for x in w) < 3


def _short_word_rows(rng: random.Random, d, idx) -> list[dict]:  # noqa: ANN001
    """A listed name of two words, one of two or three letters, written as listed or with its hyphen as a
    space, placed by its city or country; a name of such words and everyday words with a legal form in a UK
    town (look-alike)."""
    rows: list[dict] = []
    pool = _short_word_names(d)
    for n, e in rng.sample(pool, min(14, len(pool))):
        written = n.replace("-", " ") if "-" in n and rng.random() < 0.5 else n
        names = [e.name, *e.aliases]
        rows.append(designated_row(sentence(rng, written, _place_of(rng, e)), "short-two", written, e, names))
        if _plain_word(idx, written):
            rows.append(_look_alike_in_uk_town(rng, f"{written} Ltd", "short-two-elsewhere"))
    return rows


def _honorific_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name with a Soviet honorific written without it ('Moscow Research Radio Engineering
    Institute'), placed by its country or city or with a legal form."""
    rows: list[dict] = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or not HONORIFIC.search(e.name):
            continue
        n = HONORIFIC.sub(" ", strip_legal(e.name)).strip()
        n = re.sub(r",?\s+(?:named\s+after|N\.\s?A\.)\s+.*$", "", n)
        n = re.sub(r"^(?:Federal\s+State\s+Unitary\s+Enterprise|N\.\s?A\.\s+)\s*", "", n).strip()
        if len(n.split()) < 3:
            continue
        place = f" in {COUNTRY_MORE.get(e.country or 'RU', 'Russia')}" if rng.random() < 0.5 else " in Moscow"
        rows.append(designated_row(sentence(rng, n, place), "honorific-out", n, e, [e.name, *e.aliases]))
    return rows


def _legal_of_place_rows(rng: random.Random, d, idx) -> list[dict]:  # noqa: ANN001
    """A listed company name with its legal form, 'of' and its country ('MT Systems LLC of Russia'), and with
    a UK town after 'of' where its words are everyday, generic or short (look-alike)."""
    rows: list[dict] = []
    pool = [
        (n, e)
        for n, e in _short_word_names(d)
        if re.search(r"\b(?:LLC|Ltd|Limited|JSC|Company|Co)\b", e.name) and e.country in COUNTRY_WORDS
    ]
    for n, e in rng.sample(pool, min(8, len(pool))):
        form = "LLC" if "LLC" in e.name else "Ltd" if re.search(r"Ltd|Limited", e.name) else "JSC"
        written = f"{n} {form}"
        names = [e.name, *e.aliases]
        rows.append(
            designated_row(
                f"Partner 2: {written} of {COUNTRY_WORDS[e.country]}. Role: supply of test parts.",
                "legal-of-place",
                written,
                e,
                names,
            )
        )
        if not _plain_word(idx, n):
            continue
        rows.append(
            {
                "text": f"Partner 2: {written} of {rng.choice(TOWNS_UK)}. Role: supply of test parts.",
                "label": "not",
                "form": "legal-of-place-elsewhere",
                "org": written,
            }
        )
    return rows


def round_twelve_rows(rng: random.Random) -> list[dict]:
    """Rows for short and generic listed names (ids g...): names of generic, trade or everyday words written
    without their legal form or with another one after 'of' and their place, names of two short words, Soviet
    honorifics left out; and look-alikes of the same words in a European or UK town."""
    d = default_designations()
    idx = _screening_index_of(d)
    rows = _generic_plain_rows(rng, d, idx)
    rows += _short_word_rows(rng, d, idx)
    rows += _honorific_rows(rng, d)
    rows += _legal_of_place_rows(rng, d, idx)
    return rows


def add_round_twelve(path: Path) -> int:
    """Replace the rows of ``round_twelve_rows`` (ids g...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "g", round_twelve_rows(random.Random(SEED + 11)))


# -- round thirteen: names of two or three short letter groups ----------------------------------------------------
#
# A listed name of two or three groups of two or three letters ('VZ RTO', 'OOO VO TPE', 'PKB RIO', 'El-Tel Co',
# 'SP Era') holds no word a text could not use for something else: it names the body where the text places it in
# the entry's country or city, and the same letters elsewhere or in another role name nothing listed.

# the same letters in other roles: a role, a virtual organisation, a recovery-time objective, units
LETTERS_OTHER_ROLE = [
    ("The SP and the VO of the project are held by the coordinator in {town}.", "SP"),
    ("A VO (virtual organisation) in {town} will host the shared data on {topic}.", "VO"),
    ("Backups follow an RTO of four hours and an RPO of one hour, set by the IT team in {town}.", "RTO"),
    ("The SP Era of open data began with the 2019 policy of the university in {town}.", "SP Era"),
    ("Samples are read in mV and kHz by the EL TEL group of the hospital in {town}.", "EL TEL"),
    ("Each WP has a WP lead and an SP lead; the PKB (project knowledge base) sits in {town}.", "PKB"),
]


def _letter_group_names(d) -> list[tuple[str, ListEntry]]:  # noqa: ANN001 - Designations
    """(name or alias as listed, entry) of listed names of two or three groups of two or three letters once the
    legal form is dropped, ASCII, without quotes or digits, in a country the rows can name."""
    from grantscan.detect.partners.screening import letter_groups, name_words

    out = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_MORE:
            continue
        for n in dict.fromkeys([e.name, *e.aliases]):
            n = " ".join(n.split())
            if n.isascii() and not re.search(r"[\d()'\".&]", n) and letter_groups(name_words(n)):
                out.append((n, e))
    return out


def round_thirteen_rows(rng: random.Random) -> list[dict]:
    """Rows for names of short letter groups (ids h...): each written as listed, placed by the entry's city or
    country (designated); the same name with another legal form in a European or UK town, and the letters in
    other roles (look-alikes)."""
    d = default_designations()
    rows: list[dict] = []
    for n, e in _letter_group_names(d):
        names = [e.name, *e.aliases]
        rows.append(designated_row(sentence(rng, n, _place_of(rng, e)), "letter-groups", n, e, names))
        other = f"{strip_legal(n)} Ltd"
        town = rng.choice(TOWNS_UK + TOWNS_EU)
        rows.append(
            {
                **_look_alike_in_uk_town(rng, other, "letter-groups-elsewhere"),
                "text": sentence(rng, other, f" in {town}"),
            }
        )
    for t, org in LETTERS_OTHER_ROLE:
        text = t.format(town=rng.choice(TOWNS_UK + TOWNS_EU), topic=rng.choice(TOPICS))
        rows.append({"text": text, "label": "not", "form": "letters-other-role", "org": org})
    return rows


def add_round_thirteen(path: Path) -> int:
    """Replace the rows of ``round_thirteen_rows`` (ids h...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "h", round_thirteen_rows(random.Random(SEED + 12)))


# -- round fourteen: generic and short names placed by their entry's own city -------------------------------------
#
# A generic or short listed name ('VZ RTO', 'SP Era', a name of everyday words) names the body where the text
# places it in the entry's country or city. The entry's own city places it even where the place word lists do not
# know that city ('VZ RTO in Volgograd'); the same name in a town of another country, or with the entry's city
# named in another sentence in another role (a meeting held there), names nothing listed.

# words that say what kind of place a listed city is ('Volgograd Oblast'): a text may write the city without them
CITY_KIND = re.compile(r"\s+(?:Oblast|Krai|Kray|Province|Region|Republic|District)$")
# address words the list's city field sometimes holds ('Units', 'Bldg', 'Huayuan Rd'): no city a row can name
CITY_ADDRESS = frozenset(
    {"rd", "road", "square", "bldg", "units", "gpo", "entersection", "sheng", "territory"}
)
CITY_OTHER_ROLE = [
    "The antenna parts come from {org}. The project meeting is held in {city} in May.",
    "Test rigs are supplied by {org}. A workshop on {topic} took place in {city} last year.",
    "Parts come from {org}. The 2019 conference on {topic} was held in {city}.",
]


def _unknown_city(e: ListEntry, n: str) -> str | None:
    """The entry's listed city without its kind ('Volgograd Oblast' -> 'Volgograd') when the place word lists do
    not know it, it is one ASCII word or two and no word of the name ``n``; else None."""
    from grantscan.detect.partners.places import country_code, load_country_rules
    from grantscan.detect.partners.words import word_lists

    if not e.city:
        return None
    city = CITY_KIND.sub("", " ".join(e.city.split()))
    words = city.split()
    wl = word_lists()
    if (
        not city.isascii()
        or not 1 <= len(words) <= 2
        or not all(w.isalpha() and w[0].isupper() for w in words)
    ):
        return None
    if any(
        w.lower() in wl.generic or w.lower() in wl.company_words or w.lower() in CITY_ADDRESS for w in words
    ):
        return None
    places = load_country_rules().places
    if city in places or city.upper() in places or country_code(city) or city.lower() in n.lower():
        return None
    return city


def round_fourteen_rows(rng: random.Random) -> list[dict]:
    """Rows for generic and short listed names placed by their entry's own city the place word lists lack (ids
    i...): each written as listed and placed by that city (designated); the same name in a European or UK town,
    and the name with the entry's city named in another sentence in another role (look-alikes)."""
    d = default_designations()
    idx = _screening_index_of(d)
    pool = {n: e for n, e in _letter_group_names(d)}
    pool.update({n: e for n, e in _short_word_names(d)})
    pool.update({n: e for n, e, _ in _plain_names(d, idx)})
    rows: list[dict] = []
    for n, e in sorted(pool.items()):
        city = _unknown_city(e, n)
        keys = idx.lookup(n)
        # only names the place decides: each listed name they equal shared or plain ('Sovtest ATE' is one body)
        if city is None or not keys or not all(idx.generic(k) or idx.plain_name(k) for k in keys):
            continue
        names = [e.name, *e.aliases]
        place = f" in {city}" if rng.random() < 0.7 else f" of {city}"
        rows.append(designated_row(sentence(rng, n, place), "own-city", n, e, names))
        town = rng.choice(TOWNS_UK + TOWNS_EU)
        rows.append(
            {"text": sentence(rng, n, f" in {town}"), "label": "not", "form": "own-city-elsewhere", "org": n}
        )
        if all(idx.generic(k) for k in keys):
            # a shared name with no place of its own is no listed body, whatever city another sentence names; a
            # plain name of one body ('MSN International') is that body even with no place
            t = rng.choice(CITY_OTHER_ROLE).format(org=n, city=city, topic=rng.choice(TOPICS))
            rows.append({"text": t, "label": "not", "form": "own-city-other-role", "org": n})
    return rows


def add_round_fourteen(path: Path) -> int:
    """Replace the rows of ``round_fourteen_rows`` (ids i...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "i", round_fourteen_rows(random.Random(SEED + 13)))


# -- round fifteen: initials joined by '&', region adjectives, city transliterations, Hong Kong ----------------------
#
# Written forms of a listed name's qualifiers that a proposal uses for a real partner: initials joined by '&' for a
# name listed with 'and' or spaces ('E&I Systems' for 'E and I Systems FZE'), the entry's region written as the
# other of its noun and adjective forms ('Sverdlovsk Region' for 'Sverdlovskaya Oblast'), its city in another
# transliteration ('Nizhnii Novgorod', 'Cheng-du'), and Hong Kong, which the Entity List files under China. The same
# names in a town of another country (Kharkiv and Kharkov are Ukraine's), and the initials in other roles ('the
# R&D team', 'a Q&A session'), name nothing listed.

# a region's adjective form -> the city or region noun a text writes for it, and back
REGION_ADJECTIVE = {
    "Sverdlovskaya": "Sverdlovsk",
    "Voronezhskaya": "Voronezh",
    "Rostovskaya": "Rostov",
    "Volgogradskaya": "Volgograd",
    "Chelyabinskaya": "Chelyabinsk",
    "Omskaya": "Omsk",
    "Moskovskaya": "Moscow",
    "Kurskaya": "Kursk",
    "Novosibirskaya": "Novosibirsk",
    "Pskovskaya": "Pskov",
    "Tverskaya": "Tver",
    "Permskaya": "Perm",
    "Tyumenskaya": "Tyumen",
}
# a city as the lists write it -> other transliterations a text writes
CITY_TRANSLIT = {
    "Nizhny Novgorod": ["Nizhnii Novgorod", "Nizhniy Novgorod"],
    "Yekaterinburg": ["Ekaterinburg", "Jekaterinburg"],
    "Chelyabinsk": ["Cheliabinsk"],
    "Xi'an": ["Xian", "Xi-an"],
    "Chengdu": ["Cheng-du"],
    "Tyumen": ["Tiumen"],
}
UKRAINE_TOWNS = ["Kharkiv", "Kharkov", "Kharkiv, Ukraine", "Kharkov (Ukraine)"]
INITIALS_OTHER_ROLE = [
    ("The R&D team of the university in {town} leads work package 2 on {topic}.", "R&D"),
    ("A Q&A session on {topic} follows each talk at the workshop in {town}.", "Q&A"),
    ("The M&E plan of the project is kept by the office in {town}.", "M&E"),
    ("Our S&T budget for {topic} is managed in {town}.", "S&T"),
    ("The P&L of the spin-out in {town} is reported each year.", "P&L"),
]


def _region_forms(field: str) -> list[str]:
    """The other ways a text writes listed region field ``field``: 'Sverdlovskaya Oblast' -> 'Sverdlovsk Region',
    'Sverdlovsk region'; 'Kursk Oblast' -> 'Kurskaya oblast'; [] for a field of no known region."""
    m = re.fullmatch(r"(?:(\w+)\s+)?(\w+)\s+(?:Oblast|Obl|Region)", " ".join(field.split()))
    if m is None:
        return []
    word = m.group(2)
    if word in REGION_ADJECTIVE:
        noun = REGION_ADJECTIVE[word]
        return [f"{noun} Region", f"{noun} region", f"{noun} Oblast"]
    adjective = {v: k for k, v in REGION_ADJECTIVE.items()}.get(word)
    return [f"{adjective} oblast", f"{adjective} Oblast"] if adjective else []


def _pool_of(d, idx) -> dict[str, ListEntry]:  # noqa: ANN001 - Designations, a ScreeningIndex
    """Generic, plain, short and letter-group listed names (see rounds twelve to fourteen) by the name written."""
    pool = {n: e for n, e in _letter_group_names(d)}
    pool.update({n: e for n, e in _short_word_names(d)})
    pool.update({n: e for n, e, _ in _plain_names(d, idx)})
    return pool


def _initials_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name whose initials are joined by '&' or 'and' written in another of those ways, placed by its
    country or city; the written name with 'Ltd' in a UK or European town (look-alike)."""
    from grantscan.detect.partners.screening import initials_forms

    rows: list[dict] = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_MORE:
            continue
        for n in dict.fromkeys([e.name, *e.aliases]):
            n = clean(strip_legal(" ".join(n.split())))
            forms = initials_forms(n)
            if not forms or not n.isascii() or len(n.split()) < 2:
                continue
            written = rng.choice(forms)
            names = [e.name, *e.aliases]
            rows.append(
                designated_row(sentence(rng, written, _place_of(rng, e)), "initials", written, e, names)
            )
            town = rng.choice(TOWNS_UK + TOWNS_EU)
            rows.append(
                {
                    "text": sentence(rng, f"{written} Ltd", f" in {town}"),
                    "label": "not",
                    "form": "initials-elsewhere",
                    "org": f"{written} Ltd",
                }
            )
    for t, org in INITIALS_OTHER_ROLE:
        text = t.format(town=rng.choice(TOWNS_UK + TOWNS_EU), topic=rng.choice(TOPICS))
        rows.append({"text": text, "label": "not", "form": "initials-other-role", "org": org})
    return rows


def _qualifier_rows(rng: random.Random, d, idx) -> list[dict]:  # noqa: ANN001
    """Generic, plain and short listed names placed by their entry's region in its other form, by their city in
    another transliteration, or in Hong Kong where the list files them under China (designated); the same names
    in Kharkiv or Kharkov, a town of Ukraine (look-alikes)."""
    from grantscan.detect.partners.organisations import load_org_rules

    built_in = {k.name.casefold() for k in load_org_rules().known}
    rows: list[dict] = []
    for n, e in sorted(_pool_of(d, idx).items()):
        keys = idx.lookup(n)
        if not keys or not all(idx.generic(k) or idx.plain_name(k) for k in keys):
            continue  # a distinctive name needs no place: only names the place decides
        names = [e.name, *e.aliases]
        field = " ".join((e.city or "").split())
        city = re.sub(r"\s+(?:Oblast|Region|Province|Territory)$", "", field)
        places: list[tuple[str, str]] = []
        for form in _region_forms(field)[:1] if field else []:
            places.append((f", {form}", "region-form"))
        for other in CITY_TRANSLIT.get(city.replace(" High-tech Zone", "").replace(" Shaanxi", ""), [])[:1]:
            places.append((f" in {other}", "city-translit"))
        if field == "Hong Kong" and e.country == "CN":
            places.append((rng.choice([" (Hong Kong)", " in Hong Kong", ", Hong Kong"]), "hong-kong"))
        for place, form in places:
            rows.append(designated_row(sentence(rng, n, place), form, n, e, names))
            if n.casefold() in built_in:
                continue  # a built-in body ('Northwestern Polytechnical University') is placed by what it is
            town = rng.choice(UKRAINE_TOWNS)
            rows.append(
                {"text": sentence(rng, n, f" in {town}"), "label": "not", "form": f"{form}-ukraine", "org": n}
            )
    return rows


def round_fifteen_rows(rng: random.Random) -> list[dict]:
    """Rows for the qualifiers' written forms (ids j...): initials joined by '&' or 'and' written the other way,
    a region's adjective or noun form, a city's other transliteration, Hong Kong for a body the list files under
    China; and look-alikes of the same forms (a UK, European or Ukrainian town, initials in other roles)."""
    d = default_designations()
    idx = _screening_index_of(d)
    return _initials_rows(rng, d) + _qualifier_rows(rng, d, idx)


def add_round_fifteen(path: Path) -> int:
    """Replace the rows of ``round_fifteen_rows`` (ids j...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "j", round_fifteen_rows(random.Random(SEED + 14)))


# -- round sixteen: a listed city field that names a district of the city -------------------------------------------
#
# The lists' city field sometimes holds a district or new area of a city rather than the city ('Kowloon', 'Sheung
# Wan', 'Pudong New Area', 'Haidian', 'Nanshan'); a proposal places the body in the city itself ('Technopole Ltd.
# (Hong Kong)', 'Kindroid, Shanghai') or names the district. The same written names with 'Ltd' in a UK or European
# town, and a Hong Kong district's body placed in Macau (another city the Entity List files under China), name no
# listed body.

DISTRICT_PLACES = [" ({city})", ", {city}", " in {city}", " of {city}, {country}", " ({district}, {city})"]
DISTRICT_COUNTRY = {"Islamabad": "Pakistan", "Hong Kong": "China"}


def _district_rows(rng: random.Random, d, idx) -> list[dict]:  # noqa: ANN001 - Designations, a ScreeningIndex
    """Every entry whose city field names a district of patterns/districts.yaml, written as listed (legal form
    kept or left out) and placed in the district's city or in the district and its city (designated); the written
    name with 'Ltd' in a UK or European town, and a Hong Kong district's body in Macau (look-alikes)."""
    from grantscan.detect.partners.verdict import _district_city, _district_words
    from grantscan.knowledge.districts import districts

    rows: list[dict] = []
    for e in d.entries:
        town = _district_city(e.city)
        if town is None or e.list_id not in ("uk-sanctions-list", "bis-entity-list"):
            continue
        field = _district_words(e.city or "")
        district = next(k for k in districts() if " ".join(_district_words(k)) in " ".join(field))
        name = " ".join(e.name.split())
        bare = clean(strip_legal(name))
        # a name of one word is written with its legal form ('Technopole Ltd.'): alone it is a common word
        written = rng.choice([name, bare]) if len(bare.split()) >= 2 else name
        if not written.isascii() or len(written) < 4:
            continue
        place = rng.choice(DISTRICT_PLACES).format(
            city=town, district=district, country=DISTRICT_COUNTRY.get(town, "China")
        )
        rows.append(
            designated_row(sentence(rng, written, place), "district-city", written, e, [e.name, *e.aliases])
        )
        keys = idx.lookup(bare)
        if keys and not all(idx.generic(k) or idx.plain_name(k) for k in keys) and len(bare.split()) > 3:
            continue  # a long distinctive listed name is that body wherever a text places it: no look-alike
        away = rng.choice(TOWNS_UK + TOWNS_EU)
        rows.append(
            {
                "text": sentence(rng, f"{bare} Ltd", f" in {away}"),
                "label": "not",
                "form": "district-uk-eu",
                "org": bare,
            }
        )
        if town == "Hong Kong":
            rows.append(
                {
                    "text": sentence(rng, bare, " (Macau)"),
                    "label": "not",
                    "form": "district-macau",
                    "org": bare,
                }
            )
    return rows


def round_sixteen_rows(rng: random.Random) -> list[dict]:
    """Rows for a listed city field that names a district of the city (ids k...)."""
    d = default_designations()
    return _district_rows(rng, d, _screening_index_of(d))


def add_round_sixteen(path: Path) -> int:
    """Replace the rows of ``round_sixteen_rows`` (ids k...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "k", round_sixteen_rows(random.Random(SEED + 15)))


# -- round seventeen: the place after 'of', an academic head left out, marks inside names, acronyms in brackets ---
#
# Written forms the fresh draws of round sixteen still missed: a name followed by 'of', its city and country
# ('Chitron Electronics of Shenzhen, China'), read as one longer name; a university's or institute's name written
# without its head word in its own country ('Harbin Engineering' in Harbin, China); a first word written with a
# curly apostrophe or a non-breaking hyphen ('IS’Vision'); names in a table row of partner, city and country;
# an acronym before its name in brackets or after it. Look-alikes of the same forms: the same written names in a
# UK or European town, other bodies' names with a curly apostrophe, UK bodies written with their own acronyms.

TABLE_HEAD = "| Partner | City | Country | Role |\n|---|---|---|---|\n"
TABLE_ROW = "| {org} | {city} | {country} | {topic} |"
ACADEMIC_HEADS = ("University", "Institute", "Academy")
MARKED_LOOK_ALIKES = [
    "O’Neill Precision Engineering Ltd",
    "D’Arcy Instruments",
    "L’Avenir Conseil",
    "O’Brien Optics",
    "Dell’Orto Sensors",
    "Sainte‑Marie Photonics",
]
UK_ACRONYM_BODIES = [
    ("National Physical Laboratory", "NPL"),
    ("University College London", "UCL"),
    ("Science and Technology Facilities Council", "STFC"),
    ("Engineering and Physical Sciences Research Council", "EPSRC"),
    ("Rutherford Appleton Laboratory", "RAL"),
    ("UK Atomic Energy Authority", "UKAEA"),
]


def _city_of(e: ListEntry) -> str | None:
    """The entry's city as a text writes it (a district's city for a district field), when the place lists
    know it; else None."""
    from grantscan.detect.partners.verdict import _district_city

    city = " ".join((e.city or "").split())
    city = _district_city(city) or city
    return city if city in ROUND_TWELVE_CITIES else None


def _of_place_rows(rng: random.Random, d, idx) -> list[dict]:  # noqa: ANN001 - Designations, a ScreeningIndex
    """Listed names without their legal form followed by 'of', their city and perhaps country (designated); the
    generic and plain ones of them 'of' a UK or European town (look-alikes)."""
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_MORE:
            continue
        city = _city_of(e)
        n = clean(strip_legal(e.name))
        if city is None or not n.isascii() or not (2 <= len(n.split()) <= 5) or not _bare(n):
            continue
        if city.split()[0].casefold() in n.casefold() or " of " in f" {n} " or n.isupper():
            continue  # a name holding its city, or its own 'of', is another form
        pool.append((n, e, city))
    rows: list[dict] = []
    for n, e, city in rng.sample(pool, min(40, len(pool))):
        place = rng.choice([f" of {city}, {COUNTRY_MORE[e.country]}", f" of {city}"])
        rows.append(designated_row(sentence(rng, n, place), "of-place", n, e, [e.name, *e.aliases]))
        keys = idx.lookup(n)
        if keys and all(idx.generic(k) or idx.plain_name(k) for k in keys):
            town = rng.choice(TOWNS_UK + TOWNS_EU)
            rows.append(
                {"text": sentence(rng, n, f" of {town}"), "label": "not", "form": "of-town", "org": n}
            )
    return rows


def _academic_head_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A university's, institute's or academy's listed name of three words or more ending in its head word,
    written without it and placed in its country (designated); the same words in a UK or European town, with and
    without 'Ltd' (look-alikes)."""
    rows: list[dict] = []
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_MORE:
            continue
        n = clean(strip_legal(e.name))
        words = n.split()
        if not (3 <= len(words) <= 4) or words[-1] not in ACADEMIC_HEADS or not n.isascii():
            continue
        if words[-2] in ("of", "and") or re.search(r"\d", n):
            continue
        pool.append((" ".join(words[:-1]), e))
    for written, e in rng.sample(pool, min(40, len(pool))):
        city = _city_of(e)
        country = COUNTRY_MORE[e.country]
        place = rng.choice([f" in {city}, {country}" if city else f" in {country}", f" ({country})"])
        rows.append(
            designated_row(sentence(rng, written, place), "academic-head-left-out", written, e, [e.name])
        )
        town = rng.choice(TOWNS_UK + TOWNS_EU)
        org = rng.choice([written, f"{written} Ltd"])
        rows.append(
            {
                "text": sentence(rng, org, f" in {town}"),
                "label": "not",
                "form": "academic-head-town",
                "org": org,
            }
        )
    return rows


def _marked_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name whose first word holds an apostrophe or a hyphen, written with a curly apostrophe or a
    non-breaking hyphen and placed in its country (designated); other bodies' names with such marks in a UK or
    European town (look-alikes)."""
    rows: list[dict] = []
    entries = [
        e
        for e in d.entries
        if e.list_id in ("uk-sanctions-list", "bis-entity-list") and e.country in COUNTRY_MORE
    ]
    for e in rng.sample(entries, len(entries)):
        if len(rows) >= 40:
            break
        for n in dict.fromkeys([e.name, *e.aliases]):
            n = strip_legal(" ".join(n.split()))
            first = n.split()[0] if n.split() else ""
            if not n.isascii() or not re.search(r"[A-Za-z]['-][A-Za-z]", first) or len(n) > 60:
                continue
            written = first.replace("'", "’").replace("-", "‑") + n[len(first) :]
            place = rng.choice([f" in {COUNTRY_MORE[e.country]}", f" ({COUNTRY_MORE[e.country]})"])
            rows.append(
                designated_row(sentence(rng, written, place), "marked", written, e, [e.name, *e.aliases])
            )
            break
    for org in MARKED_LOOK_ALIKES:
        town = rng.choice(TOWNS_UK + TOWNS_EU)
        rows.append(
            {"text": sentence(rng, org, f" in {town}"), "label": "not", "form": "marked-other", "org": org}
        )
    return rows


def _table_rows(rng: random.Random, d, idx) -> list[dict]:  # noqa: ANN001 - Designations, a ScreeningIndex
    """A listed name without its legal form in a table row of partner, city and country (designated); the
    generic and plain ones in a row of a UK town (look-alikes)."""
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_MORE:
            continue
        city = _city_of(e)
        n = clean(strip_legal(e.name))
        if city and n.isascii() and 2 <= len(n.split()) <= 5 and _bare(n) and not n.isupper():
            pool.append((n, e, city))
    rows: list[dict] = []
    for n, e, city in rng.sample(pool, min(30, len(pool))):
        row = TABLE_ROW.format(org=n, city=city, country=COUNTRY_MORE[e.country], topic=rng.choice(TOPICS))
        rows.append(designated_row(TABLE_HEAD + row, "table-row", n, e, [e.name, *e.aliases]))
        keys = idx.lookup(n)
        if keys and all(idx.generic(k) or idx.plain_name(k) for k in keys):
            town = rng.choice(TOWNS_UK)
            row = TABLE_ROW.format(org=n, city=town, country="United Kingdom", topic=rng.choice(TOPICS))
            rows.append({"text": TABLE_HEAD + row, "label": "not", "form": "table-row-uk", "org": n})
    return rows


def _acronym_bracket_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name given with its acronym ('National University of Defense Technology (NUDT)') written as the
    acronym with the name in brackets, or the name with the acronym in brackets, placed in its country
    (designated); UK bodies written the same two ways in a UK town (look-alikes)."""
    rows: list[dict] = []
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_MORE:
            continue
        m = re.fullmatch(r"(.+?)\s*\(([A-Z][A-Za-z0-9\-]{2,8})\)", " ".join(e.name.split()))
        if m and m.group(1).isascii() and "(" not in m.group(1) and is_acronym(m.group(2)):
            pool.append((strip_legal(m.group(1)), m.group(2), e))
    for name, acr, e in rng.sample(pool, min(30, len(pool))):
        written = rng.choice([f"{acr} ({name})", f"{name} ({acr})"])
        place = f" in {COUNTRY_MORE[e.country]}"
        rows.append(
            designated_row(sentence(rng, written, place), "acronym-bracket", written, e, [e.name, *e.aliases])
        )
    for name, acr in UK_ACRONYM_BODIES:
        written = rng.choice([f"{acr} ({name})", f"{name} ({acr})"])
        town = rng.choice(TOWNS_UK)
        rows.append(
            {
                "text": sentence(rng, written, f" in {town}"),
                "label": "not",
                "form": "acronym-bracket-uk",
                "org": written,
            }
        )
    return rows


def round_seventeen_rows(rng: random.Random) -> list[dict]:
    """Rows for the place after 'of', an academic head left out, marks inside names, table rows and acronyms
    in brackets (ids m...)."""
    d = default_designations()
    idx = _screening_index_of(d)
    return (
        _of_place_rows(rng, d, idx)
        + _academic_head_rows(rng, d)
        + _marked_rows(rng, d)
        + _table_rows(rng, d, idx)
        + _acronym_bracket_rows(rng, d)
    )


def add_round_seventeen(path: Path) -> int:
    """Replace the rows of ``round_seventeen_rows`` (ids m...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "m", round_seventeen_rows(random.Random(SEED + 16)))


# -- round eighteen: names beginning with a number, names of single letters ---------------------------------------
#
# Two written forms the fresh draws of round seventeen still missed: a listed name that begins with a bare number
# ('Open Joint Stock Company 20 Aviation Repair Plant' written '20 Aviation Repair Plant', in a sentence and in a
# table row), and a listed name of single letters ('LLC A-K-S', 'M.A.C.', 'T.R.O.S') written with a hyphen, a
# Unicode hyphen or dash, or dots. Look-alikes of the same forms, written from the same entries: a count or a
# numbered list item before the first words of a numbered name ('20 Aviation students'), a section number before
# a UK body ('3 Institute of Physics'), a date before a listed name that starts with one ('On 25 January
# Committee members ...'), a person's initials ('A.K.S. Rao'), the letters as a grade or a code, and other
# bodies' letters in a UK town.

_NUMBERED = re.compile(r"(\d{1,4}) ([A-Z][A-Za-z]*)(?: .*)?")
_LETTERS = re.compile(r"[A-Z](?:([-.])[A-Z])+\.?")
COUNT_NOUNS = ["students", "engineers", "staff", "technicians", "trainees"]
NUMBERED_UK = [
    "Institute of Physics",
    "National Physical Laboratory",
    "Royal Society of Chemistry",
    "Design Council",
]
COUNT_TEMPLATES = [
    "The training programme will host {org} {noun} in {town} during the second year.",
    "Over three years {org} {noun} will take part in the {topic} workshops.",
]
SECTION_TEMPLATES = [
    "{org}, {town}: letters of support for the {topic} work are attached.",
    "Section {org} ({town}) describes the {topic} facilities we will use.",
]
# the written forms of single letters: separator, whether a space follows it, and a closing mark
LETTER_FORMS = [("-", ""), ("\u2010", ""), ("\u2011", ""), ("\u2013", ""), (".", "."), (". ", ".")]
SURNAMES_INITIALS = ["Rao", "Menon", "Iyer", "Khan", "Smith", "Okafor"]
OTHER_LETTERS = ["D-K-S", "B.R.T.", "P-L-M", "E.J.C."]


def _numbered_pool(d) -> list[tuple[str, ListEntry]]:  # noqa: ANN001 - Designations
    """(name without its legal form, entry) of UK list and Entity List entries whose name or alias begins with a
    bare number before a capitalised word ('20 Aviation Repair Plant', '611 Research and Design Institute')."""
    pool = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list") or e.country not in COUNTRY_MORE:
            continue
        for n in dict.fromkeys([e.name, *e.aliases]):
            n = clean(strip_legal(" ".join(n.split())))
            if _NUMBERED.fullmatch(n) and n.isascii() and _bare(n) and len(n.split()) >= 2:
                pool.append((n, e))
                break
    return pool


def _numbered_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name beginning with a number, in a sentence placed in its city or country or in a table row of
    partner, city and country (designated); counts and section numbers before words of the same names or before
    UK bodies, and a date before a listed name (look-alikes)."""
    rows: list[dict] = []
    for n, e in rng.sample(_numbered_pool(d), min(40, len(_numbered_pool(d)))):
        country = COUNTRY_MORE[e.country]
        city = _city_of(e)
        if rng.random() < 0.5:
            place = f" in {city}, {country}" if city else rng.choice([f" in {country}", f" ({country})"])
            rows.append(designated_row(sentence(rng, n, place), "numbered", n, e, [e.name, *e.aliases]))
        else:
            row = TABLE_ROW.format(org=n, city=city or "\u2013", country=country, topic=rng.choice(TOPICS))
            rows.append(designated_row(TABLE_HEAD + row, "numbered-table", n, e, [e.name, *e.aliases]))
        number, first = _NUMBERED.fullmatch(n).group(1, 2)  # type: ignore[union-attr]
        org = f"{number} {first}"
        if org == n:
            continue  # the whole listed name before a count noun is that name ('970 Factory students')
        text = rng.choice(COUNT_TEMPLATES).format(
            org=org, noun=rng.choice(COUNT_NOUNS), town=rng.choice(TOWNS_UK), topic=rng.choice(TOPICS)
        )
        rows.append({"text": text, "label": "not", "form": "numbered-count", "org": org})
    for body in NUMBERED_UK:
        org = f"{rng.randint(1, 12)} {body}"
        text = rng.choice(SECTION_TEMPLATES).format(
            org=org, town=rng.choice(TOWNS_UK), topic=rng.choice(TOPICS)
        )
        rows.append({"text": text, "label": "not", "form": "numbered-section", "org": org})
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    for e in d.entries:
        for n in dict.fromkeys([e.name, *e.aliases]):
            m = re.match(rf"(\d{{1,2}}) ({months}) ([A-Z]\w+)", n)
            if m:
                town = rng.choice(TOWNS_UK)
                text = f"On {m.group(0)} members of the consortium will meet in {town} to review the plan."
                rows.append({"text": text, "label": "not", "form": "numbered-date", "org": m.group(0)})
    return rows


def _letter_names(d) -> list[tuple[list[str], ListEntry]]:  # noqa: ANN001 - Designations
    """(letters, entry) of UK list and Entity List entries with a name of single letters ('LLC A-K-S', 'M.A.C.',
    'T.R.O.S'), once per entry."""
    out = []
    for e in d.entries:
        if e.list_id not in ("uk-sanctions-list", "bis-entity-list"):
            continue
        for n in dict.fromkeys([e.name, *e.aliases]):
            core = [w for w in re.sub('[\u201c\u201d"]', " ", n).split() if w.upper() not in ("LLC", "OOO")]
            if len(core) == 1 and _LETTERS.fullmatch(core[0]):
                out.append((re.findall("[A-Z]", core[0]), e))
                break
    return out


def _letters_written(rng: random.Random, letters: list[str]) -> str:
    sep, end = rng.choice(LETTER_FORMS)
    return sep.join(letters) + end


def _letter_rows(rng: random.Random, d) -> list[dict]:  # noqa: ANN001 - Designations
    """A listed name of single letters written with a hyphen, a Unicode hyphen, an en dash or dots, alone or with
    its legal form, placed in its country (designated); the same letters as a person's initials or as a grade or
    code, and other letters of a body in a UK town (look-alikes)."""
    rows: list[dict] = []
    for letters, e in _letter_names(d):
        country = COUNTRY_MORE.get(e.country or "", "Russia")
        for _ in range(6):
            written = _letters_written(rng, letters)
            if rng.random() < 0.3:
                legal = ["LLC {}", "OOO \u201c{}\u201d"] if e.country == "RU" else ["{} Co.", "{} Company"]
                written = rng.choice(legal).format(written)
            place = rng.choice([f" in {country}", f" ({country})"])
            rows.append(
                designated_row(sentence(rng, written, place), "letters", written, e, [e.name, *e.aliases])
            )
        dotted = ".".join(letters) + "."
        person = f"{dotted} {rng.choice(SURNAMES_INITIALS)}"
        rows.append(
            {
                "text": f"Letters of support were received from {person} of the University of {rng.choice(TOWNS_UK)}.",
                "label": "not",
                "form": "letters-initials",
                "org": person,
            }
        )
        code = _letters_written(rng, letters)
        rows.append(
            {
                "text": f"Samples graded {code} on the inspection scale will be used in the {rng.choice(TOPICS)} tests.",
                "label": "not",
                "form": "letters-code",
                "org": code,
            }
        )
    for org in OTHER_LETTERS:
        rows.append(_look_alike_in_uk_town(rng, f"{org} Ltd", "letters-other"))
    return rows


def round_eighteen_rows(rng: random.Random) -> list[dict]:
    """Rows for names beginning with a number and names of single letters (ids s...)."""
    d = default_designations()
    return _numbered_rows(rng, d) + _letter_rows(rng, d)


def add_round_eighteen(path: Path) -> int:
    """Replace the rows of ``round_eighteen_rows`` (ids s...) in ``path``, leaving every other row as it is."""
    return _replace_tune_rows(path, "s", round_eighteen_rows(random.Random(SEED + 17)))


def _look_alike_in_uk_town(rng: random.Random, org: str, form: str) -> dict:
    """A look-alike row: ``org``, on no list, named as a partner in a UK town."""
    return {
        "text": sentence(rng, org, f" in {rng.choice(TOWNS_UK)}"),
        "label": "not",
        "form": form,
        "org": org,
    }


def _replace_tune_rows(path: Path, prefix: str, rows: list[dict]) -> int:
    """Replace the rows whose id starts with ``prefix`` in ``path`` by ``rows``, leaving every other row as it is.
    Ids are numbered in turn, passing over those that sha1 puts in the frozen part, so every new row is tuned on."""
    kept = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not json.loads(line)["id"].startswith(prefix)
    ]
    ids = (f"{prefix}{i:03d}" for i in range(10_000) if split_of(f"{prefix}{i:03d}") == "tune")
    with open(path, "w", encoding="utf-8") as fh:
        for line in kept:
            fh.write(line + "\n")
        for row_id, r in zip(ids, rows, strict=False):  # ids run on past the rows
            fh.write(json.dumps({"id": row_id, **r, "split": split_of(row_id)}, ensure_ascii=False) + "\n")
    return len(rows)


def split_of(row_id: str) -> str:
    return "frozen" if hashlib.sha1(row_id.encode()).hexdigest()[0] in "01234" else "tune"


def add_families(path: Path) -> int:
    """Replace the family rows (ids t...) of ``path`` with freshly written ones, leaving every other row as it is."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    first = [line for line in lines if json.loads(line)["id"].startswith("p")]
    later = [line for line in lines if json.loads(line)["id"][0] not in "pt"]  # the rows added after them
    rows = family_rows(random.Random(SEED + 1))
    with open(path, "w", encoding="utf-8") as fh:
        for line in first:
            fh.write(line + "\n")
        for i, r in enumerate(rows):
            fh.write(json.dumps({"id": f"t{i:03d}", **r, "split": "tune"}, ensure_ascii=False) + "\n")
        for line in later:
            fh.write(line + "\n")
    return len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--register", help="world_universities_and_domains.json (to write the first rows)")
    ap.add_argument(
        "--add-families", action="store_true", help="(re)write only the family rows of the tune part"
    )
    ap.add_argument(
        "--add-list-families",
        action="store_true",
        help="(re)write only the rows of the later families (ids u...), all in the tune part",
    )
    ap.add_argument(
        "--add-written-forms",
        action="store_true",
        help="(re)write only the rows of the written forms (ids v...), all in the tune part",
    )
    ap.add_argument(
        "--add-acronym-forms",
        action="store_true",
        help="(re)write only the rows of the acronym and later written forms (ids w...), all in the tune part",
    )
    ap.add_argument(
        "--add-generic-companies",
        action="store_true",
        help="(re)write only the rows of listed company names of trade words (ids x...), all in the tune part",
    )
    ap.add_argument(
        "--add-round-seven",
        action="store_true",
        help="(re)write only the rows of the later written forms and look-alikes (ids y...), all in the tune part",
    )
    ap.add_argument(
        "--add-round-eight",
        action="store_true",
        help="(re)write only the honoree-first and short legal-form rows (ids z...), all in the tune part",
    )
    ap.add_argument(
        "--add-round-nine",
        action="store_true",
        help="(re)write only the short-word name and six-letter legal-form rows (ids n...), all in the tune part",
    )
    ap.add_argument(
        "--add-round-ten",
        action="store_true",
        help="(re)write only the short-name, acronym-place and ruled-out rows (ids q...), all in the tune part",
    )
    ap.add_argument(
        "--add-round-eleven",
        action="store_true",
        help="(re)write only the one-body acronym, place-and-trade, city-typo and spelt legal-form rows (ids r...)",
    )
    ap.add_argument(
        "--add-round-twelve",
        action="store_true",
        help="(re)write only the short and generic listed name rows (ids g...)",
    )
    ap.add_argument(
        "--add-round-thirteen",
        action="store_true",
        help="(re)write only the rows of names of short letter groups (ids h...)",
    )
    ap.add_argument(
        "--add-round-fourteen",
        action="store_true",
        help="(re)write only the rows of generic and short names placed by their entry's own city (ids i...)",
    )
    ap.add_argument(
        "--add-round-fifteen",
        action="store_true",
        help="(re)write only the rows of initials joined by '&', region and city forms and Hong Kong (ids j...)",
    )
    ap.add_argument(
        "--add-round-sixteen",
        action="store_true",
        help="(re)write only the rows of a listed city field naming a district of the city (ids k...)",
    )
    ap.add_argument(
        "--add-round-seventeen",
        action="store_true",
        help="(re)write only the rows of the place after 'of', heads left out, marks, tables and acronyms (ids m...)",
    )
    ap.add_argument(
        "--add-round-eighteen",
        action="store_true",
        help="(re)write only the rows of names beginning with a number and names of single letters (ids s...)",
    )
    ap.add_argument("--out", default=str(HERE / "labelled.jsonl"))
    a = ap.parse_args()
    if a.add_families:
        print(f"{add_families(Path(a.out))} family rows -> {a.out}")
        return
    if a.add_list_families:
        print(f"{add_list_families(Path(a.out))} list family rows -> {a.out}")
        return
    if a.add_written_forms:
        print(f"{add_written_forms(Path(a.out))} written form rows -> {a.out}")
        return
    if a.add_acronym_forms:
        print(f"{add_acronym_forms(Path(a.out))} acronym and written form rows -> {a.out}")
        return
    if a.add_generic_companies:
        print(f"{add_generic_companies(Path(a.out))} generic company rows -> {a.out}")
        return
    if a.add_round_seven:
        print(f"{add_round_seven(Path(a.out))} written form and look-alike rows -> {a.out}")
        return
    if a.add_round_eight:
        print(f"{add_round_eight(Path(a.out))} honoree-first and legal-form rows -> {a.out}")
        return
    if a.add_round_nine:
        print(f"{add_round_nine(Path(a.out))} short-word and legal-form rows -> {a.out}")
        return
    if a.add_round_ten:
        print(f"{add_round_ten(Path(a.out))} short-name, acronym-place and ruled-out rows -> {a.out}")
        return
    if a.add_round_eleven:
        print(f"{add_round_eleven(Path(a.out))} one-body acronym, place-and-trade and spelt rows -> {a.out}")
        return
    if a.add_round_twelve:
        print(f"{add_round_twelve(Path(a.out))} short and generic name rows -> {a.out}")
        return
    if a.add_round_thirteen:
        print(f"{add_round_thirteen(Path(a.out))} letter-group name rows -> {a.out}")
        return
    if a.add_round_fourteen:
        print(f"{add_round_fourteen(Path(a.out))} own-city name rows -> {a.out}")
        return
    if a.add_round_fifteen:
        print(f"{add_round_fifteen(Path(a.out))} initials, region, city and Hong Kong rows -> {a.out}")
        return
    if a.add_round_sixteen:
        print(f"{add_round_sixteen(Path(a.out))} district rows -> {a.out}")
        return
    if a.add_round_seventeen:
        print(f"{add_round_seventeen(Path(a.out))} of-place, head, mark, table and acronym rows -> {a.out}")
        return
    if a.add_round_eighteen:
        print(f"{add_round_eighteen(Path(a.out))} numbered and single-letter name rows -> {a.out}")
        return
    if not a.register:
        ap.error("--register is needed to write the first rows")
    rng = random.Random(SEED)
    rows = positives(rng) + negatives(rng, Path(a.register))
    with open(a.out, "w", encoding="utf-8") as fh:
        for i, r in enumerate(rows):
            r = {"id": f"p{i:03d}", **r}
            r["split"] = split_of(r["id"])
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows -> {a.out}")
    print(f"{add_families(Path(a.out))} family rows -> {a.out}")
    print(f"{add_list_families(Path(a.out))} list family rows -> {a.out}")
    print(f"{add_written_forms(Path(a.out))} written form rows -> {a.out}")
    print(f"{add_acronym_forms(Path(a.out))} acronym and written form rows -> {a.out}")
    print(f"{add_generic_companies(Path(a.out))} generic company rows -> {a.out}")
    print(f"{add_round_seven(Path(a.out))} written form and look-alike rows -> {a.out}")
    print(f"{add_round_eight(Path(a.out))} honoree-first and legal-form rows -> {a.out}")
    print(f"{add_round_nine(Path(a.out))} short-word and legal-form rows -> {a.out}")
    print(f"{add_round_ten(Path(a.out))} short-name, acronym-place and ruled-out rows -> {a.out}")
    print(f"{add_round_eleven(Path(a.out))} one-body acronym, place-and-trade and spelt rows -> {a.out}")
    print(f"{add_round_twelve(Path(a.out))} short and generic name rows -> {a.out}")
    print(f"{add_round_thirteen(Path(a.out))} letter-group name rows -> {a.out}")
    print(f"{add_round_fourteen(Path(a.out))} own-city name rows -> {a.out}")
    print(f"{add_round_fifteen(Path(a.out))} initials, region, city and Hong Kong rows -> {a.out}")
    print(f"{add_round_sixteen(Path(a.out))} district rows -> {a.out}")
    print(f"{add_round_seventeen(Path(a.out))} of-place, head, mark, table and acronym rows -> {a.out}")
    print(f"{add_round_eighteen(Path(a.out))} numbered and single-letter name rows -> {a.out}")


if __name__ == "__main__":
    main()
