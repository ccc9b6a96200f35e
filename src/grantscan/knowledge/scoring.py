"""Risk points per signal and the severity threshold of technology findings (``patterns/scoring.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .loader import LineDict, PackError, check_keys, load_yaml
from .resources import patterns_dir

SIGNALS = (
    "partner-listed",
    "firs",
    "defence",
    "country-sanctioned",
    "country-embargo",
    "dual-use-with-risky-partner",
    "dual-use",
    "clause-high",
    "clause-medium",
    "organisation-flagged",
)


@dataclass(frozen=True, slots=True)
class Scoring:
    points: dict[str, int]
    cap: int
    low_confidence: float


def load_scoring(path: str | Path | None = None) -> Scoring:
    """Read and validate the scoring table; every signal needs its points."""
    p = Path(path) if path else patterns_dir() / "scoring.yaml"
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "expected a mapping with 'points'")
    check_keys(
        p,
        data,
        {"version", "cap", "low_confidence", "points"},
        {"cap", "low_confidence", "points"},
        "scoring",
    )
    points = data["points"]
    check_keys(p, points, set(SIGNALS), set(SIGNALS), "points")
    for k, v in points.items():
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise PackError(p, points.key_line(k), f"points '{k}': expected a whole number >= 0")
    cap, low = data["cap"], data["low_confidence"]
    if isinstance(cap, bool) or not isinstance(cap, int) or cap <= 0:
        raise PackError(p, data.key_line("cap"), "cap: expected a whole number > 0")
    if isinstance(low, bool) or not isinstance(low, (int, float)) or not 0 <= low <= 1:
        raise PackError(p, data.key_line("low_confidence"), "low_confidence: expected a number in [0, 1]")
    return Scoring(dict(points), cap, float(low))


@cache
def scoring() -> Scoring:
    """The shipped scoring table, loaded once."""
    return load_scoring()
