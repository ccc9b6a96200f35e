"""Foreign Influence Registration Scheme (enhanced tier): sentences where a specified foreign state body funds or
directs the work (``patterns/firs.yaml``).

A hit needs, in one sentence, a state body of an enhanced-tier country ("the Iranian Ministry of Science",
"the Ministry of Defence of the Russian Federation", "the IRGC") and a word saying it funds or directs the
activity ("funded by", "will direct", "on behalf of"). A mere mention, a denial ("no funding from the Iranian
government") or a body of a country outside the enhanced tier gives nothing. Pure Python and ``re``: every
pattern is a literal alternation with bounded gaps, so matching stays linear in the text length.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..knowledge.loader import LineDict, PackError, check_keys, load_yaml
from ..knowledge.resources import patterns_dir
from ..knowledge.sources import Registry, Source, parse_date, registry
from ..model import Document, Finding, TextBlock

SENTENCE = re.compile(r"[^\s.!?;][^.!?;\n]*(?:[.!?;]+|$)", re.M)
NEGATION_WINDOW = 6  # words before the cue or the body in which a negation makes the sentence a denial
_WORD = re.compile(r"[\w']+")
# the capitalised name after a body ("Ministry of Science", "Ministry of Science and Technology")
_OF_NAME = r"(?:\s+of\s+(?-i:[A-Z][\w-]*)(?:\s+(?:and\s+)?(?-i:[A-Z][\w-]*)){0,3})?"


@dataclass(frozen=True, slots=True)
class FirsHit:
    """One sentence where an enhanced-tier state body funds or directs activity."""

    start: int
    end: int
    country: str
    entity: str
    cue: str
    tier: str


@dataclass(frozen=True, slots=True)
class FirsCountry:
    code: str
    name: str
    names: tuple[str, ...]
    entities: dict[str, str]  # alias or name -> the entity's name
    specified: str
    sources: tuple[Source, ...]
    checked: dt.date


@dataclass(frozen=True, slots=True)
class FirsData:
    """patterns/firs.yaml, validated."""

    tier: str
    in_force: dt.date
    registration_days: int
    countries: tuple[FirsCountry, ...]
    state_body_cues: tuple[str, ...]
    direction_cues: tuple[str, ...]
    negations: tuple[str, ...]
    sources: tuple[Source, ...]
    checked: dt.date


def _words(path: Path, d: LineDict, key: str, what: str) -> tuple[str, ...]:
    v = d.get(key)
    if not isinstance(v, list) or not v or not all(isinstance(x, str) and x.strip() for x in v):
        raise PackError(path, d.key_line(key), f"{what}: '{key}' must be a non-empty list of strings")
    return tuple(" ".join(x.split()) for x in v)


def load_firs(path: str | Path | None = None, reg: Registry | None = None) -> FirsData:
    """Read and validate firs.yaml (PackError with file:line)."""
    p = Path(path) if path else patterns_dir() / "firs.yaml"
    reg = reg or registry()
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "expected a mapping")
    keys = {
        "in_force",
        "registration_days",
        "tier",
        "sources",
        "checked",
        "countries",
        "state_body_cues",
        "direction_cues",
        "negations",
    }
    check_keys(p, data, keys, keys, "FIRS data")
    if data["tier"] != "enhanced":
        raise PackError(p, data.key_line("tier"), "FIRS data: tier must be 'enhanced'")
    days = data["registration_days"]
    if not isinstance(days, int) or days <= 0:
        raise PackError(
            p, data.key_line("registration_days"), "FIRS data: registration_days must be a number"
        )
    countries = []
    if not isinstance(data["countries"], list) or not data["countries"]:
        raise PackError(p, data.key_line("countries"), "FIRS data: 'countries' must be a non-empty list")
    for c in data["countries"]:
        what = f"FIRS country '{c.get('code', '?') if isinstance(c, dict) else '?'}'"
        ckeys = {"code", "name", "names", "specified", "entities", "sources", "checked"}
        check_keys(p, c, ckeys, ckeys, what)
        if not isinstance(c["code"], str) or not re.fullmatch(r"[A-Z]{2}", c["code"]):
            raise PackError(p, c.key_line("code"), f"{what}: code must be an ISO 3166-1 alpha-2 code")
        entities: dict[str, str] = {}
        if not isinstance(c["entities"], list):
            raise PackError(p, c.key_line("entities"), f"{what}: 'entities' must be a list")
        for e in c["entities"]:
            check_keys(p, e, {"name", "aliases"}, {"name", "aliases"}, f"{what} entity")
            name = " ".join(str(e["name"]).split())
            for alias in (name, *_words(p, e, "aliases", f"{what} entity '{name}'")):
                entities[alias] = name
        countries.append(
            FirsCountry(
                code=c["code"],
                name=str(c["name"]),
                names=_words(p, c, "names", what),
                entities=entities,
                specified=" ".join(str(c["specified"]).split()),
                sources=reg.resolve(p, c, "sources", what),
                checked=parse_date(p, c, "checked", what),
            )
        )
    return FirsData(
        tier=data["tier"],
        in_force=parse_date(p, data, "in_force", "FIRS data"),
        registration_days=days,
        countries=tuple(countries),
        state_body_cues=_words(p, data, "state_body_cues", "FIRS data"),
        direction_cues=_words(p, data, "direction_cues", "FIRS data"),
        negations=_words(p, data, "negations", "FIRS data"),
        sources=reg.resolve(p, data, "sources", "FIRS data"),
        checked=parse_date(p, data, "checked", "FIRS data"),
    )


@cache
def firs_data() -> FirsData:
    """The shipped FIRS data, loaded once."""
    return load_firs()


def _alt(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any run of whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


class FirsDetector:
    """Finds enhanced-tier FIRS arrangements in text; built once from the data."""

    def __init__(self, data: FirsData | None = None):
        self.data = data or firs_data()
        self._cue = re.compile(rf"(?<![\w-])(?:{_alt(self.data.direction_cues)})(?![\w-])", re.I)
        self._negations = {n.casefold() for n in self.data.negations}
        self._body_regexes: list[tuple[str, int, FirsCountry]] = []
        cues = _alt(self.data.state_body_cues)
        for c in self.data.countries:
            names = _alt(c.names)
            # "Iranian Ministry of Science", "Iran's armed forces": the state's name, up to 3 words, a body cue
            before = rf"\b(?:the\s+)?(?:{names})\s+(?:[\w-]+\s+){{0,3}}?(?:{cues})\b{_OF_NAME}"
            # "Ministry of Defence of the Russian Federation", "the Government of Iran"
            after = rf"\b(?:{cues})\b(?:\s+[\w-]+){{0,4}}?\s+of\s+(?:the\s+)?(?:{names})\b"
            self._body_regexes.append((rf"{before}|{after}", re.I, c))
            upper = [a for a in c.entities if a.isupper() or "-" in a and a.replace("-", "").isupper()]
            other = [a for a in c.entities if a not in upper]
            if upper:
                self._body_regexes.append((rf"(?<![\w-])(?:{_alt(upper)})(?![\w-])", 0, c))
            if other:
                self._body_regexes.append((rf"(?<![\w-])(?:{_alt(other)})(?![\w-])", re.I, c))
        self._compiled: list[tuple[re.Pattern[str], FirsCountry]] | None = None

    @property
    def _bodies(self) -> list[tuple[re.Pattern[str], FirsCountry]]:
        """The state-body regexes, compiled when a sentence first holds a direction cue (most documents have
        none, and these are the detector's largest regexes)."""
        if self._compiled is None:
            self._compiled = [(re.compile(p, flags), c) for p, flags, c in self._body_regexes]
        return self._compiled

    def find(self, text: str) -> list[FirsHit]:
        """One hit per sentence where an enhanced-tier state body funds or directs activity."""
        hits: list[FirsHit] = []
        for sm in SENTENCE.finditer(text):
            sentence = sm.group()
            cue = self._cue.search(sentence)
            if cue is None:
                continue
            body = None
            for pattern, country in self._bodies:
                m = pattern.search(sentence)
                if m and (body is None or m.start() < body[0].start()):
                    body = (m, country)
            if body is None:
                continue
            m, country = body
            if self._denied(sentence, cue.start()) or self._denied(sentence, m.start()):
                continue
            entity = " ".join(m.group().split())
            if entity.casefold().startswith("the "):
                entity = entity[4:]
            hits.append(
                FirsHit(
                    start=sm.start(),
                    end=sm.start() + len(sentence.rstrip()),
                    country=country.code,
                    entity=country.entities.get(entity, entity),
                    cue=" ".join(cue.group().split()),
                    tier=self.data.tier,
                )
            )
        return hits

    def _denied(self, sentence: str, at: int) -> bool:
        """A negation among the few words before position ``at`` ("no funding from", "not funded by")."""
        before = _WORD.findall(sentence[:at])[-NEGATION_WINDOW:]
        words = [w.casefold() for w in before]
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        return any(w in self._negations or w.endswith("n't") for w in words) or any(
            p in self._negations for p in pairs
        )


RULE_ID = "firs-enhanced-tier"


class FirsPart:
    """The detector of the registry: one organisation finding per sentence where an enhanced-tier state body
    funds or directs the work (the state body named, the sentence as context)."""

    def __init__(self, data: FirsData | None = None):
        self.detector = FirsDetector(data)

    def begin(self, document: Document, doctype: str) -> None:
        """Nothing to set up per document."""

    def find(self, sdoc: object, block: TextBlock, block_index: int) -> list[Finding]:
        text = block.text.replace("\r", " ").replace("\n", " ")  # same length: offsets stay the block's
        out = []
        for hit in self.detector.find(text):
            sentence = " ".join(text[hit.start : hit.end].split())
            out.append(
                Finding(
                    rule_id=RULE_ID,
                    category="organisation",
                    subcategory="organisation/firs",
                    text=hit.entity,
                    context=sentence,
                    location=block.locate(hit.start, hit.end),
                    severity="high",
                    confidence=0.8,
                    country_code=hit.country,
                    name=hit.entity,
                    reasons=[
                        f"FIRS {hit.tier} tier: a state body of {hit.country} ('{hit.entity}')",
                        f"funds or directs the activity ('{hit.cue}')",
                    ],
                    block_index=block_index,
                    start=hit.start,
                    end=hit.end,
                )
            )
        return out

    def finalize(self, document: Document, own: list[Finding], earlier: list[Finding]) -> list[Finding]:
        return own
