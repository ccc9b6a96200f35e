"""Agreement clauses: export control, IP, publication, data, confidentiality, law, liability, security.

Rules live in ``patterns/clauses.yaml``. The parts:

- ``prefilter``: the pack's regex lists, each regex with the literal words its matches must contain
  (derived from its parse tree) and a loose form for text whose word spaces were lost;
- ``anchors``: which rules can match a sentence, from its words;
- ``pack``: the pack's schema, validation and compiled form (``load_pack``);
- ``sections``: the clause heading or number a sentence sits under;
- ``evidence``: the clause model: cues of each kind (``patterns/clause_cues.yaml``), the named features of a
  clause candidate sentence and the fitted weights (``patterns/clause_evidence.yaml``, when shipped);
- ``detector``: ``ClauseDetector``, the per-sentence matcher and the document's weighing;
- ``risks``: document-level risks (non-UK law, the pack's red flags, publication delay, a missing export
  clause beside controlled technology) and the jurisdiction a governing-law sentence names.
"""

from __future__ import annotations

from ...knowledge.taxonomy import CLAUSE_CATEGORIES
from .anchors import Anchors
from .detector import ClauseDetector
from .pack import ClausePack, ClauseRule, RiskRule, default_pack, load_pack, risk_rule_ids
from .prefilter import FOLDS_TO_ASCII, Patterns, holds, lost_spaces, lowered, needs_of
from .risks import UK, DocumentRisks, _country_names, _delay_months
from .sections import Sections, block_heading, heading_of_line, inline_title, section_at

# the names of the single module this package replaced
_FOLDS_TO_ASCII = FOLDS_TO_ASCII
_Anchors = Anchors
_Patterns = Patterns
_Sections = Sections
_block_heading = block_heading
_default_pack = default_pack
_heading_of_line = heading_of_line
_holds = holds
_lowered = lowered
_needs_of = needs_of
_squashed = lost_spaces

__all__ = [
    "CLAUSE_CATEGORIES",
    "UK",
    "Anchors",
    "ClauseDetector",
    "ClausePack",
    "ClauseRule",
    "DocumentRisks",
    "Patterns",
    "RiskRule",
    "Sections",
    "block_heading",
    "default_pack",
    "heading_of_line",
    "holds",
    "inline_title",
    "load_pack",
    "lost_spaces",
    "lowered",
    "needs_of",
    "risk_rule_ids",
    "section_at",
    "_country_names",
    "_delay_months",
]
