"""List matches of an organisation name: the evidence that it is a listed entry, and the verdict on each entry.

The listed names found in the name by the scan, the built-in body's own names, fuzzy scores of its text (whole,
from a later start, continued past a comma) give candidate entries; ``verdict.VERDICT_RULES`` judges each against
the places the text names. Reads the detector's tokens, runs and country mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from functools import partial
from typing import Protocol

from ...model import ListMatch
from . import screening, verdict
from .acronyms import AcronymUse
from .organisations import KnownOrg
from .places import CountryRules
from .screening import Hit, ScreeningIndex, _known_word, canon, fold, is_acronym, name_words
from .tokens import _Mention, _Tokens
from .words import word_lists


class DetectorView(Protocol):
    """What the list matching reads from the partner detector: the index, the place rules, and the capitalised
    names and country mentions of the block being read."""

    screen: ScreeningIndex
    rules: CountryRules

    def _run(self, t: _Tokens, start: int, end: int) -> tuple[int, int]: ...
    def _name_run(self, t: _Tokens, i: int) -> tuple[int, int]: ...
    def _span_mentions(self, t: _Tokens, s: int, e: int) -> list[_Mention]: ...
    def _country_after(self, t: _Tokens, end: int) -> str | None: ...
    def _legal_of_place(self, t: _Tokens, s: int, e: int) -> bool: ...
    def _of_city(self, t: _Tokens, s: int, e: int) -> int: ...
    def _sentence_codes(self, t: _Tokens, s: int) -> set[str]: ...


def screen_span(
    det: DetectorView,
    t: _Tokens,
    s: int,
    e: int,
    text: str,
    org: KnownOrg | None,
    hits: list[Hit],
    kind_listed: bool = False,
    acronym: AcronymUse | None = None,
) -> tuple[list[ListMatch], list[str]]:
    """List matches of the organisation at tokens ``s:e`` and the reasons some candidates were dropped
    (``acronym``: what the text says of a listed acronym written alone, see ``acronyms``).

    Evidence: listed names found in the span by the scan, the built-in body's own names, else fuzzy scores of
    the span's text. The place in the name, right after it or in its sentence, set against the entry's
    countries, decides between designated, possible and not this entity (``verdict.VERDICT_RULES``)."""
    ev, whole = _list_evidence(det, t, s, e, text, org, hits, kind_listed)
    if not ev:
        return [], []
    inside = det._span_mentions(t, s, e)
    strong = {m.code for m in inside}
    after = det._country_after(t, e)
    others = set()  # what places the name besides its own words: the text after it, the built-in body
    if after:
        others.add(after)
    parent = None  # the built-in body's country, when nothing else places the name there
    if org is not None and org.country:
        others.add(org.country)
        if org.country != after and org.country not in strong:
            parent = org.country
    strong |= others
    weak = det._sentence_codes(t, s) - strong
    # a place word that is a word of the listed name itself ('Korea Foreign Technical Trade Center', 'Kezilesu
    # Kyrgyz Autonomous Prefecture ...') says nothing of where this body is
    own = [(m.code, {canon(w) for w in name_words(m.phrase)}) for m in inside]
    near = partial(_near_words, t, s, e)
    free = _listed_subsidiary(det, ev, hits, s, e) if parent else frozenset()
    if parent:
        free |= {k for k, (_, how) in ev.items() if how == "moved"}
    sentence = partial(t.sentence_text, t.text, s, e)
    return _verdicts(
        det, ev, strong, weak, whole, kind_listed, own, others, acronym, near, (parent, free), sentence
    )


def _listed_subsidiary(
    det: DetectorView, ev: dict[int, tuple[float, str]], hits: list[Hit], s: int, e: int
) -> frozenset[int]:
    """The specific listed names found as written over the whole span that are none of the built-in body's own
    names ('Huawei Technologies Dusseldorf GmbH', a listed subsidiary): the parent's country does not place
    them. A name several bodies share ('Ministry of Defence') is still placed by the built-in body."""
    own = {k for k, (_, how) in ev.items() if how == "known"}
    idx = det.screen
    return frozenset(
        k
        for h in hits
        if h.how == "exact" and h.start <= s and e <= h.end and own.isdisjoint(h.names)
        for k in h.names
        if not idx.generic(k)
    )


def _near_words(t: _Tokens, s: int, e: int) -> tuple[str, ...]:
    """The folded words of tokens ``s:e`` and three tokens either side (where a legal form or city is written)."""
    return tuple(w for j in range(max(0, s - 3), min(t.n, e + 3)) for w in _WORDS.findall(fold(t.word(j))))


_WORDS = re.compile(r"[a-z0-9]+")


def _list_evidence(
    det: DetectorView,
    t: _Tokens,
    s: int,
    e: int,
    text: str,
    org: KnownOrg | None,
    hits: list[Hit],
    kind_listed: bool,
) -> tuple[dict[int, tuple[float, str]], bool]:
    """Listed names the organisation at tokens ``s:e`` may be (name -> score and how it was found), and whether
    a listed name covers the whole span; each source is read only when the earlier ones leave it open."""
    ev = _known_evidence(det, org)
    whole = _hit_evidence(det, t, s, e, org, hits, ev)
    idx = det.screen
    if not whole:
        # no listed name covers the whole span: read it whole too ("Beizhing Guowei Integration Technology")
        _whole_text_evidence(det, text, ev)
        whole = not hits
    elif ev and all(idx.generic(k) for k in ev):
        _reordered_evidence(det, text, ev)
    if not ev and e - s > 2 and not kind_listed:
        _later_start_evidence(det, t, s, e, ev)
    # also past a close inexact match: another list's name of the body may be the span with its head left out
    # ('Kazan Helicopter': 'PJSC Kazan Helicopters' and 'Kazan Helicopter Plant PJSC')
    if max((x[0] for k, x in ev.items() if not idx.generic(k)), default=0.0) < 1.0:
        _head_left_out_evidence(det, text, ev)
    # a city after the name may make it a more specific listed name than one found in it ('Huawei Service Co.,
    # Ltd., Dongguan' is 'Dongguan Huawei Service Co., Ltd.', not the 'Huawei' it holds; 'Hua-wei Investment
    # Company Limited, Wuhan' is 'Wuhan Huawei Investment Co., Ltd.', not 'Huawei Investment & Holding')
    if (
        e + 1 < t.n
        and t.word(e) in (",", "(", "in")
        and t.name_word(e + 1)
        and (
            not whole
            or max((x[0] for k, x in ev.items() if not idx.generic(k)), default=0.0) < screening.DESIGNATED
            or fold(t.word(e + 1)) in word_lists().places
        )
    ):
        _name_after_evidence(det, t, s, e, text, ev)
    if max((x[0] for k, x in ev.items() if not idx.generic(k)), default=0.0) < screening.DESIGNATED:
        _named_after_evidence(det, t, s, e, ev)
    _honoree_first_evidence(det, text, ev)
    return ev, whole


# heads of industrial bodies a text leaves out ('Chelyabinsk Metallurgical' for '... Metallurgical Plant'); never
# a university's or an institute's, whose absence names another kind of body
LEFT_OUT_HEADS = ("Plant", "Factory", "Works", "Enterprise", "Industries", "Industry", "Combine", "Kombinat")
# what a listed name found with its head left out scores: at the designated bar, below an exact match
HEAD_LEFT_OUT_SCORE = 0.9


def _head_left_out_evidence(det: DetectorView, text: str, ev: dict[int, tuple[float, str]]) -> None:
    """A specific listed name of an industrial body written without its head word ('AGAT - Electromechanical'
    for 'JSC AGAT - Electromechanical Plant'): a close listed name that is the span's words and the head is that
    name. Only names the fuzzy score of the span already found are read, below the bar too (a missing head costs
    a name little of its score)."""
    idx = det.screen
    # the span's own scores are kept from above down to below the bar ('Amur Shipbuilding' for 'Amur
    # Shipbuilding Factory' scores 0.72: 'Amur', a river, is a word of many names)
    scored = idx.score_span(text, screening.POSSIBLE - 0.1) if " " in text else []
    close = [k for k, (score, _) in ev.items() if score < HEAD_LEFT_OUT_SCORE and not idx.generic(k)]
    close += [k for k, score in scored if score < HEAD_LEFT_OUT_SCORE and not idx.generic(k) and k not in ev]
    if not close:
        return
    words = name_words(text)
    if len(words) < 2 or words[-1] in word_lists().organisation_types:
        return  # one word ('Jupiter' is no 'Jupiter Plant'), or a head of its own ('Metallurgical Institute')
    for k in close:
        listed = idx.words_of(k)
        if listed[:-1] == words and listed[-1] in _LEFT_OUT:
            ev[k] = (HEAD_LEFT_OUT_SCORE, "shortened")


_LEFT_OUT = frozenset(h.lower() for h in LEFT_OUT_HEADS)


_NAMED_AFTER = {"named": ("after", "by"), "imeni": (), "im": (".",), "im.": ()}


def _named_after_evidence(
    det: DetectorView, t: _Tokens, s: int, e: int, ev: dict[int, tuple[float, str]]
) -> None:
    """ "Precision Engineering Design Bureau named after Nudelman": whom a Russian body is named after, written
    in lower case after the name, belongs to it when a listed name holds the honoree's name."""
    if e >= t.n:
        return
    follow = _NAMED_AFTER.get(t.word(e).lower())
    if follow is None:
        return
    j = e + 1
    if follow and j < t.n and t.word(j).lower() in follow:
        j += 1
    if j >= t.n or not t.name_word(j):
        return
    end = det._name_run(t, j)[1]
    keys = {canon(w) for i in range(j, end) for w in name_words(t.word(i)) if len(w) > 1}
    idx = det.screen
    if not any(idx.holds(k) for k in keys):
        return
    for k, score in idx.score_span(t.span_text(s, end)):
        if score >= screening.DESIGNATED and not keys.isdisjoint(idx.names[k].keys):
            ev[k] = (score, "reordered" if score >= 1.0 else "fuzzy")


# how a listed name says whom a body is named after ('N.A.' is read as the word 'n')
# 'Academic' is read as 'academy'
_HONOREE_TITLES = frozenset({"academician", "academy", "academicians"})
_NAMED_AFTER_RAW = re.compile(r"\b(?:named\s+after|N\.\s?A\.|imeni|im\.)\s", re.IGNORECASE)


_HONOREES: dict[int, tuple[frozenset[str], dict[str, list[int]]]] = {}


def _names_whom_after(raw: str) -> bool:
    """Whether ``_NAMED_AFTER_RAW`` finds a match in ``raw``: an ASCII name without any of the pattern's
    literals in lower case has none (its letters match case-insensitively as their lower case does), so the
    search runs on a few hundred of the 15,000 names, not all (25 ms of every process that screens)."""
    if raw.isascii():
        low = raw.lower()  # every match holds one of these in lower case
        if not ("named" in low or "n." in low or "imeni" in low or "im." in low):
            return False
    return _NAMED_AFTER_RAW.search(raw) is not None


def _honorees(idx: ScreeningIndex) -> tuple[frozenset[str], dict[str, list[int]]]:
    """The listed names that say whom their body is named after: (their last words as written, in lower case;
    the names by their last word as compared), made once per index from the raw names alone."""
    got = _HONOREES.get(id(idx))
    if got is None:
        written: set[str] = set()
        by_word: dict[str, list[int]] = {}
        for k, raw in enumerate(idx.raws):
            if _names_whom_after(raw) and (words := idx.words_of(k)):
                written.add(raw.split()[-1].lower())
                by_word.setdefault(words[-1], []).append(k)
        got = _HONOREES[id(idx)] = (frozenset(written), by_word)
    return got


def _honoree_first_evidence(det: DetectorView, text: str, ev: dict[int, tuple[float, str]]) -> None:
    """ "Gromov Flight Research Institute" for "Flight Research Institute N.A. M.M. Gromov": the honoree written
    first, in English order, is the listed name reordered when the rest of the span is the name before whom it
    is named after."""
    idx = det.screen
    written, by_word = _honorees(idx)
    if text.split(None, 1)[0].lower() not in written:
        return
    words = name_words(text)
    if len(words) < 3:
        return
    for k in by_word.get(words[0], ()):
        # initials, the 'n' of 'N.A.' and the honoree's title left out
        listed = [w for w in idx.words_of(k) if len(w) > 1]
        if len(listed) >= 2 and listed[-2] in _HONOREE_TITLES:
            del listed[-2]
        if len(listed) >= 3 and list(words[1:]) == listed[:-1] and ev.get(k, (0.0, ""))[0] < 1.0:
            ev[k] = (1.0, "reordered")


def _known_evidence(det: DetectorView, org: KnownOrg | None) -> dict[int, tuple[float, str]]:
    """The listed names of a built-in body's own names and aliases (not its acronyms)."""
    ev: dict[int, tuple[float, str]] = {}
    if org is not None:
        for n in [org.name, *org.aliases]:
            if not is_acronym(n) and len(n) > 3:
                found = det.screen.lookup(n)
                if not found and " " not in n and len(n) >= 5:
                    found = list(det.screen.acronyms.get(n.upper(), ()))  # 'iFlytek', listed as 'IFLYTEK'
                for k in found:
                    ev.setdefault(k, (1.0, "known"))
    return ev


def _hit_evidence(
    det: DetectorView,
    t: _Tokens,
    s: int,
    e: int,
    org: KnownOrg | None,
    hits: list[Hit],
    ev: dict[int, tuple[float, str]],
) -> bool:
    """Add the listed names the scan found in the span to ``ev``; whether one of them covers it whole."""
    whole = False
    for h in hits:
        if org is not None and h.how == "acronym":
            continue  # the built-in body decides what its acronym names
        if h.how != "acronym" and _qualified(det, t, s, h.start):
            continue  # "Shandong University of Science and Technology ...": another body than the listed one
        whole = whole or (h.start == s and h.end == e)
        rs, re_ = det._run(t, h.start, h.end)
        rs, re_ = min(rs, s), max(re_, e)
        if re_ > e and det._legal_of_place(t, rs, re_):
            re_ -= 2  # 'Art Logistics Ltd of Moscow': the place after the legal form is where, not a word
        elif re_ > e and det._of_city(t, rs, re_) == e:
            re_ = (
                e  # 'VZ RTO of Volgograd' read as the name and its city (kept where that is the entry's own)
            )
        longer = (h.start, h.end) != (rs, re_)
        others = _other_words(det, t, rs, re_, h) if longer else False
        for k in h.names:
            if others and len(det.screen.names[k].words) <= 2:
                continue  # "Machine Building" inside "Mytishchi Machine Building Plant": another body
            if longer and det.screen.is_weak(k) and _other_words(det, t, rs, re_, h, generic_too=True):
                continue  # "Integrity Technology" inside "Integrity Technology Solutions": another company
            if det.screen.derived_single(k) and _legal_form_in_lower_case(det, t, h):
                continue  # "the Wagner group at ETH Zurich": a research group, not the listed 'Wagner Group'
            if len(det.screen.words_of(k)) == 1 and _research_group(t, h.end):
                continue  # "the Kronshtadt group at the University of Sheffield": named after its leader
            ev.setdefault(k, (h.score, h.how))
        if h.how == "exact" and any("(" in det.screen.names[k].raw for k in h.names):
            _place_left_out(det, t, h, ev)
    return whole


def _research_group(t: _Tokens, i: int) -> bool:
    """Whether tokens ``i`` on read 'group', 'lab' or 'team' in lower case, then 'at': a research group."""
    return i + 1 < t.n and t.word(i) in ("group", "lab", "team") and t.word(i + 1) == "at"


def _legal_form_in_lower_case(det: DetectorView, t: _Tokens, h: Hit) -> bool:
    """Whether the legal-form words written in or right after hit ``h`` are all in lower case ('the Wagner group'):
    a name left with one word once its legal form is dropped is that body only with the form written as a name's."""
    forms = word_lists().legal_forms  # not the connecting words: 'JSC BMZ in Russia' names no group
    legal = [t.word(i) for i in range(h.start, min(t.n, h.end + 2)) if fold(t.word(i)).strip(".") in forms]
    return bool(legal) and all(w.islower() for w in legal)


def _place_left_out(det: DetectorView, t: _Tokens, h: Hit, ev: dict[int, tuple[float, str]]) -> None:
    """'Kumertau Aviation Production in Russia' holds a listed name written with its country in brackets
    ('Kumertau Aviation Production Enterprise (Russia)'); the words before the place may be another list's name
    of the same body ('Joint Stock Company Kumertau Aviation Production Enterprise'), which the longer hit hid."""
    last = [m for m in det._span_mentions(t, h.start, h.end) if h.start + m.end == h.end]
    if not last:
        return
    j = h.start + last[0].start
    if j - 1 > h.start and t.word(j - 1) in ("in", "("):
        j -= 1
    if j - h.start >= 2:
        for k in det.screen.lookup(t.span_text(h.start, j)):
            ev.setdefault(k, (1.0, "exact"))


def _whole_text_evidence(det: DetectorView, text: str, ev: dict[int, tuple[float, str]]) -> None:
    """Add the listed names close to the span's whole text; a generic name found inside does not lower the
    bar, a specific one does."""
    idx = det.screen
    specific = any(not idx.generic(k) for k in ev)
    bar = screening.DESIGNATED if specific else screening.POSSIBLE
    for k, score in idx.score_span(text, bar):
        ev.setdefault(k, (score, "reordered" if score >= 1.0 else "fuzzy"))
    joined = _SYLLABLES.sub(r"\1\2", text) if "-" in text and not ev else text
    if joined != text:
        # pinyin syllables joined by a hyphen whose first reads as a legal form ('Ao-shi' for 'Aoshi': 'AO')
        for k, score in idx.score_span(joined, bar):
            ev.setdefault(k, (score, "reordered" if score >= 1.0 else "fuzzy"))


_SYLLABLES = re.compile(r"\b([A-Z][a-z]{0,4})-([a-z]{1,6})\b")


def _reordered_evidence(det: DetectorView, text: str, ev: dict[int, tuple[float, str]]) -> None:
    """A name several bodies share, found as one list writes it, may be another body's listed name in another
    word order ('Applied Physics Institute': an Iranian body's alias, and the Russian 'Institute of Applied
    Physics' reordered): add the names of the same words in any order."""
    idx = det.screen
    keys = sorted(canon(w) for w in name_words(text))
    for k in idx._group("bs", " ".join(keys)):
        if not idx.is_weak(k) and not idx.derived_single(k) and sorted(idx.names[k].keys) == keys:
            ev.setdefault(k, (1.0, "reordered"))


def _later_start_evidence(
    det: DetectorView, t: _Tokens, s: int, e: int, ev: dict[int, tuple[float, str]]
) -> None:
    """A sentence's first words run into the name ("Staff of Sharif University ..."): score the span from a
    later start, past everyday words only ("Ioffe Physical-Technical Institute" is not a listed "Institute of
    Technical Physics")."""
    for j in range(s + 1, min(e - 1, s + 4)):
        if _distinctive_word(det, t, j - 1):
            break
        if t.name_word(j) and not t.name_word(j - 1) or j == s + 1:
            for k, score in det.screen.score_span(t.span_text(j, e)):
                ev.setdefault(k, (score, "reordered" if score >= 1.0 else "fuzzy"))
        if ev:
            break


def _name_after_evidence(
    det: DetectorView, t: _Tokens, s: int, e: int, text: str, ev: dict[int, tuple[float, str]]
) -> None:
    """ "Institute of Advanced Technology, Wuxi": the place word after the name belongs to the listed name;
    "Tactical Missile Corporation, Joint Stock Company 'Uralelement'": so does the name after the comma."""
    idx = det.screen
    after = t.word(e + 1)
    # 'Russian' is read as 'russia' ('Institute of Radio Navigation and Time, Russian')
    read = name_words(after)
    key = canon(read[0] if len(read) == 1 else fold(after))
    # a match must hold the word after the name: one no listed name holds needs no scoring
    for k, score in idx.score_span(f"{text} {after}") if idx.holds(key) else ():
        if score >= screening.DESIGNATED and key in idx.names[k].keys:
            ev[k] = (score, "reordered" if score >= 1.0 else "fuzzy")
    specific = any(sc >= screening.DESIGNATED and not idx.generic(k) for k, (sc, _) in ev.items())
    rs = _head_before(det, t, s) if not specific and t.word(e) == "," and idx.holds(key) else s
    if rs < s:
        # the name's head before it, its first word moved after the comma ('Bureau of Special Machine Building,
        # Design' for 'Design Bureau of Special Machine Building'; 'Center of the Ministry of Defence,
        # Communication', which a built-in body's name inside does not place)
        for k, score in idx.score_span(f"{t.span_text(rs, e)} {after}"):
            if score >= screening.DESIGNATED and key in idx.names[k].keys:
                ev[k] = (score, "moved")
    end = det._name_run(t, e + 1)[1]
    if not ev and t.word(e) == "," and end > e + 2:
        keys = {canon(w) for i in range(e + 1, end) for w in name_words(t.word(i))}
        if not any(idx.holds(k) for k in keys):
            return
        for k, score in idx.score_span(t.span_text(s, end)):
            if score >= screening.DESIGNATED and not keys.isdisjoint(idx.names[k].keys):
                ev[k] = (score, "reordered" if score >= 1.0 else "fuzzy")


def _head_before(det: DetectorView, t: _Tokens, s: int) -> int:
    """Where the capitalised words before token ``s`` start, over 'of' and 'of the' ('Center of the Ministry of
    Defence', 'Bureau of Special Machine Building'); ``s`` when none are."""
    rs = det._run(t, s, s + 1)[0]
    while rs >= 3 and t.word(rs - 1) == "the" and t.word(rs - 2) == "of" and t.name_word(rs - 3):
        rs = det._run(t, rs - 3, rs - 2)[0]
    return rs


def _verdicts(
    det: DetectorView,
    ev: dict[int, tuple[float, str]],
    strong: set[str],
    weak: set[str],
    whole: bool,
    kind_listed: bool,
    own: Sequence[tuple[str, set[str]]] = (),
    others: AbstractSet[str] = frozenset(),
    acronym: AcronymUse | None = None,
    near: Callable[[], Sequence[str]] = tuple,
    parent: tuple[str | None, AbstractSet[int]] = (None, frozenset()),
    sentence: Callable[[], str] = str,
) -> tuple[list[ListMatch], list[str]]:
    """Judge each listed entry of the evidence, best score first and once per entry: the matches kept (the
    designated ones first) and the reasons of at most three entries found to be other bodies. ``own``: the
    places written in the name (code, their spelling keys), which do not place it when the listed name holds
    those words; ``others``: the countries placing it besides them; ``parent``: the built-in body's country
    and the names it does not place (its listed subsidiaries written whole)."""
    idx = det.screen
    best: dict[tuple[str, str], ListMatch] = {}
    dropped: list[str] = []

    # a specific name found at the designated bar first, then best score first: of an entry's names, the
    # specific one decides ('... Testing Center named after Chkalov' before the generic 'State Flight Testing
    # Center', written exactly)
    def order(kv: tuple[int, tuple[float, str]]) -> tuple[bool, float, bool]:
        generic = idx.generic(kv[0])
        return (generic or kv[1][0] < screening.DESIGNATED, -kv[1][0], generic)

    for k, (score, how) in sorted(ev.items(), key=order):
        nm = idx.names[k]
        entry = idx.entries[nm.entry]
        key = (entry.list_id, entry.entry_id or entry.name)
        if key in best:
            continue
        placed = strong
        if own:
            keys = set(nm.keys)
            placed = set(others) | {code for code, words in own if not words <= keys}
        if parent[0] is not None and k in parent[1]:
            placed = set(placed) - {parent[0]}
        c = verdict.Candidate(
            raw=nm.raw,
            score=score,
            how=how,
            entry=entry,
            generic=idx.generic(k),
            words=len(nm.words),
            acronym_bodies=partial(idx.acronym_bodies, nm.raw),
            plain=partial(idx.plain_name, k),
            strong=placed,
            weak=weak,
            whole=whole,
            kind_listed=kind_listed,
            acronym=acronym if how == "acronym" else None,
            near=near,
            sentence=sentence,
        )
        outcome = verdict.judge(c)
        if isinstance(outcome, verdict.Drop):
            dropped.append(outcome.why)
        if outcome is not None:
            continue
        best[key] = ListMatch(
            list_id=entry.list_id,
            list_name=entry.list_name,
            snapshot=entry.snapshot,
            entry=entry.name,
            score=round(min(score, 1.0), 3),
            country=entry.country,
            entry_id=entry.entry_id,
            regime=entry.regime,
            matched=nm.raw,
            status=c.status,  # type: ignore[arg-type]
            evidence=c.evidence,
        )
    found = sorted(best.values(), key=lambda m: (m.status != "designated", -m.score))
    return found, dropped[:3]


def _distinctive_word(det: DetectorView, t: _Tokens, i: int) -> bool:
    """Whether token ``i`` is a capitalised word that tells one body from another: not an everyday word, a
    generic one, a legal form or a nationality."""
    if not t.name_word(i):
        return False
    w = t.word(i)
    if fold(w) in det.screen.common:
        return False
    generic, dropped = det.screen.generic_words, det.screen.dropped_words
    if all(x in generic or x in dropped for x in name_words(w)):
        return False
    place = det.rules.places.get(w)
    return place is None or place.kind != "demonym"


def _qualified(det: DetectorView, t: _Tokens, s: int, start: int) -> bool:
    """Whether the capitalised words written right before a listed name at token ``start`` (from token ``s``
    on) name another body: a distinctive word other than a nationality ('Shandong University of Science and
    Technology' is not 'University of Science and Technology of China'; 'Russian Rostec' is Rostec)."""
    generic, dropped = det.screen.generic_words, det.screen.dropped_words
    j = start - 1
    while j >= s and t.name_word(j):
        if any(w not in generic and w not in dropped for w in name_words(t.word(j))):
            place = det.rules.places.get(t.word(j))
            if place is None or place.kind != "demonym":
                return True
        j -= 1
    return False


def _other_words(det: DetectorView, t: _Tokens, s: int, e: int, h: Hit, generic_too: bool = False) -> bool:
    """Whether tokens ``s:e`` name more than the hit: a capitalised word outside it that is not generic (with
    ``generic_too``, any word), a legal form or a place."""
    places = {i for m in det._span_mentions(t, s, e) for i in range(s + m.start, s + m.end)}
    generic, dropped = det.screen.generic_words, det.screen.dropped_words
    for i in range(s, e):
        if i >= h.end and t.sent_start(i):
            break  # 'Hamcho Intl. Role: ...': the next sentence is not part of the name
        if h.start <= i < h.end or i in places or not t.name_word(i):
            continue
        for w in name_words(t.word(i)):
            if (generic_too or w not in generic) and w not in dropped and not _legal_typo(w, dropped):
                return True
    return False


def _legal_typo(word: str, dropped: AbstractSet[str]) -> bool:
    """A legal form written with a typo ('BELOMO HLDING'): part of the name, not another word."""
    return len(word) >= 6 and _known_word(word) in dropped


def match_reason(m: ListMatch, consequence: str) -> str:
    """'UK Sanctions List (FCDO) RUS1431 'Moscow Institute of Physics and Technology' (RUS; snapshot D):
    designated; evidence; what follows'."""
    bits = f"{m.list_name} {m.entry_id or ''} '{m.entry}'".replace("  ", " ")
    meta = "; ".join(x for x in (m.regime, f"snapshot {m.snapshot}" if m.snapshot else "") if x)
    out = f"{bits} ({meta}): {m.status}" + (f" (score {m.score:.2f})" if m.score < 1.0 else "")
    if m.evidence:
        out += "; " + "; ".join(m.evidence)
    if consequence and m.status == "designated":
        out += f". {consequence}"
    return out
