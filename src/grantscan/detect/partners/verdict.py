"""Whether a listed entry names the organisation written in the text: designated, possible, or another body.

A candidate entry (found by a listed name, an acronym or a fuzzy score) goes through ``VERDICT_RULES`` in order.
Each rule decides one thing: it passes, marks the match possible, adds the evidence a reader sees, or ends the
candidate, silently (not worth a line) or with a reason that says which entry this is not and why. The reasons'
wording is the table ``REASONS``: what a finding says comes from there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ...knowledge.designations import ListEntry
from . import screening

# What a finding says about a list match: reason id -> template (str.format fields as named).
REASONS: dict[str, str] = {
    # how the entry was found
    "found-exact": "listed name or alias '{raw}' written in the text",
    "found-known": "built-in body, listed as '{raw}'",
    "found-acronym": "listed acronym '{raw}'",
    "found-reordered": "listed name '{raw}' in another word order or spelling",
    "found-typo": "listed name '{raw}' written with a typo (score {score:.2f})",
    "found-fuzzy": "close to listed name '{raw}' (score {score:.2f})",
    # evidence for or against the entry
    "shared-acronym": "'{raw}' is the acronym of {bodies} listed bodies",
    "civilian": "the tracker rates it Civilian",
    "placed-as-listed": "placed in {places}, as listed",
    "sentence-as-listed": "its sentence names {places}, as listed",
    "sentence-elsewhere": "its sentence names {places}; listed in {listed}",
    "generic-unplaced": "a name several bodies share, and no place named: check which one",
    "unconfirmed": "no place named to confirm it",
    # why an entry is not the body named
    "placed-elsewhere": "not {entry}: listed in {listed}, this one in {places}",
    "generic-elsewhere": "not {entry}: a name several bodies share, listed in {listed}, placed in {places}",
}


def reason(reason_id: str, **fields: object) -> str:
    """The text of reason ``reason_id`` with its fields filled in."""
    return REASONS[reason_id].format(**fields)


def _places(codes: set[str]) -> str:
    return ", ".join(sorted(codes))


@dataclass(slots=True)
class Candidate:
    """One listed entry considered for the organisation at hand, and the verdict so far."""

    raw: str  # the listed name or acronym that was found
    score: float
    how: str  # exact, known, acronym, reordered, typo, fuzzy
    entry: ListEntry
    generic: bool  # a name several bodies share
    words: int  # words of the listed name
    acronym_bodies: Callable[[], int]  # how many listed bodies have this acronym
    strong: set[str]  # countries the name itself, the text right after it or the built-in body places it in
    weak: set[str]  # other countries its sentence names
    whole: bool  # a listed name covers the whole span
    kind_listed: bool  # the span was found only by a listed word
    status: str = "possible"
    evidence: list[str] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)  # the entry's

    def __post_init__(self) -> None:
        self.status = "designated" if self.score >= screening.DESIGNATED else "possible"
        self.countries = self.entry.all_countries()
        self.evidence = [found(self.how, self.raw, self.score)]

    @property
    def label(self) -> str:
        """'UK Sanctions List RUS1431 'Name'' (two spaces where the entry has no id, as listed)."""
        e = self.entry
        return f"{e.list_name} {e.entry_id or ''} '{e.name}'"

    @property
    def placed(self) -> bool:
        """The name, the text right after it or the built-in body says where it is, and the list says too."""
        return bool(self.countries and self.strong)

    @property
    def in_sentence(self) -> bool:
        """Only its sentence says where it is, and the list says too."""
        return bool(self.countries and not self.strong and self.weak)

    @property
    def unplaced(self) -> bool:
        return not self.placed and not self.in_sentence


def found(how: str, raw: str, score: float) -> str:
    """How the entry was found, as a reader's line."""
    key = f"found-{how}" if f"found-{how}" in REASONS else "found-fuzzy"
    return reason(key, raw=raw, score=score)


class Skip:
    """The candidate ends without a word: too weak to be worth a line."""


class Drop:
    """The candidate ends, and the finding says why it is another body."""

    def __init__(self, why: str):
        self.why = why


SKIP = Skip()
Outcome = Skip | Drop | None  # None: go on to the next rule


# -- the rules ----------------------------------------------------------------------------------------------------


def too_far(c: Candidate) -> Outcome:
    """A score below the possible-match threshold is no match."""
    return SKIP if c.score < screening.POSSIBLE else None


def short_acronym_alone(c: Candidate) -> Outcome:
    """A three-letter acronym alone is too common ('IEC', 'DEC'): it counts only with its country near."""
    if c.how == "acronym" and len(c.raw) <= 3 and not ((c.strong | c.weak) & c.countries):
        return SKIP
    return None


def loose_seed(c: Candidate) -> Outcome:
    """A run found only by a listed word must be close to the listed name to be worth a check."""
    if c.how in ("fuzzy", "reordered") and c.kind_listed and c.score < screening.DESIGNATED:
        return SKIP
    return None


def shared_acronym(c: Candidate) -> Outcome:
    """An acronym several listed bodies share is a possible match of each."""
    if c.how == "acronym" and c.acronym_bodies() > 1:
        c.status = "possible"
        c.evidence.append(reason("shared-acronym", raw=c.raw, bodies=c.acronym_bodies()))
    return None


def civilian_only(c: Candidate) -> Outcome:
    """A tracker entry rated only "Civilian" is worth a check, not an alarm."""
    if c.entry.category and set(c.entry.category.split(", ")) == {"Civilian"}:
        c.status = "possible"
        c.evidence.append(reason("civilian"))
    return None


def placed_as_listed(c: Candidate) -> Outcome:
    """The name is placed where the list places the entry: say so."""
    if c.placed and c.strong & c.countries:
        c.evidence.append(reason("placed-as-listed", places=_places(c.strong & c.countries)))
    return None


def placed_elsewhere(c: Candidate) -> Outcome:
    """The name is placed in another country than the entry's: another body."""
    if c.placed and not c.strong & c.countries:
        return Drop(
            reason("placed-elsewhere", entry=c.label, listed=_places(c.countries), places=_places(c.strong))
        )
    return None


def sentence_as_listed(c: Candidate) -> Outcome:
    """Its sentence names the entry's country: say so."""
    if c.in_sentence and c.weak & c.countries:
        c.evidence.append(reason("sentence-as-listed", places=_places(c.weak & c.countries)))
    return None


def generic_sentence_elsewhere(c: Candidate) -> Outcome:
    """A name several bodies share, in a sentence naming other countries than the entry's: another body."""
    if c.in_sentence and not c.weak & c.countries and c.generic:
        return Drop(
            reason("generic-elsewhere", entry=c.label, listed=_places(c.countries), places=_places(c.weak))
        )
    return None


def sentence_elsewhere(c: Candidate) -> Outcome:
    """A distinctive name in a sentence naming other countries: still a match, the places said; a fuzzy one is
    only possible."""
    if c.in_sentence and not c.weak & c.countries and not c.generic:
        c.evidence.append(reason("sentence-elsewhere", places=_places(c.weak), listed=_places(c.countries)))
        if c.how == "fuzzy":
            c.status = "possible"
    return None


def generic_placed_or_short(c: Candidate) -> Outcome:
    """A name several bodies share, placed by the text where the list cannot say, or of two words or fewer, is
    not matched on its own."""
    if c.unplaced and c.generic and (c.strong or c.words <= 2):
        return SKIP
    return None


def generic_inside_longer(c: Candidate) -> Outcome:
    """A name several bodies share inside a longer, unplaced name: that name is another body."""
    if c.unplaced and c.generic and not c.strong and c.words > 2 and not c.whole:
        return SKIP
    return None


def generic_unplaced(c: Candidate) -> Outcome:
    """A name several bodies share, written whole with no place: a possible match to check."""
    if c.unplaced and c.generic and not c.strong and c.words > 2 and c.whole:
        c.status = "possible"
        c.evidence.append(reason("generic-unplaced"))
    return None


def unconfirmed(c: Candidate) -> Outcome:
    """A close but inexact designated match with no place named to confirm it: say so."""
    if (
        c.status == "designated"
        and c.how == "fuzzy"
        and c.countries
        and not (c.strong & c.countries or c.weak & c.countries)
    ):
        c.evidence.append(reason("unconfirmed"))
    return None


VERDICT_RULES: tuple[Callable[[Candidate], Outcome], ...] = (
    too_far,
    short_acronym_alone,
    loose_seed,
    shared_acronym,
    civilian_only,
    placed_as_listed,
    placed_elsewhere,
    sentence_as_listed,
    generic_sentence_elsewhere,
    sentence_elsewhere,
    generic_placed_or_short,
    generic_inside_longer,
    generic_unplaced,
    unconfirmed,
)


def judge(c: Candidate) -> Outcome:
    """Apply the rules in order to ``c`` (its status and evidence change as they go); SKIP or a Drop ends it."""
    for rule in VERDICT_RULES:
        outcome = rule(c)
        if outcome is not None:
            return outcome
    return None
