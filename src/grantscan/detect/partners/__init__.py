"""Partners: countries, organisations and screening-list matches, split by concern.

- ``places``: countries (pycountry + patterns/countries.yaml), their context rules and country risk data;
- ``organisations``: organisation head words and the built-in list of known bodies (patterns/organisations.yaml);
- ``screening``: one index over every listed name and alias, matched over the whole text, and fuzzy scoring;
- ``detector``: ``PartnerDetector``, which reads a block and returns one Finding per mention.
"""

from __future__ import annotations

from .detector import PartnerDetector, _filter_spans
from .organisations import KnownOrg, OrgRules, load_org_rules
from .places import (
    CITATION,
    YEAR,
    YEAR_FAST,
    CountryRules,
    Place,
    country_code,
    country_name,
    country_risk,
    load_country_rules,
)
from .tokens import _Tokens

__all__ = [
    "CITATION",
    "YEAR",
    "YEAR_FAST",
    "CountryRules",
    "KnownOrg",
    "OrgRules",
    "PartnerDetector",
    "Place",
    "_Tokens",
    "_filter_spans",
    "country_code",
    "country_name",
    "country_risk",
    "load_country_rules",
    "load_org_rules",
]
