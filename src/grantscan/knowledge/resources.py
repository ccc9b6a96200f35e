"""Where the shipped data (pattern packs, guidance) lives, installed or from a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def patterns_dir() -> Path:
    """The folder of YAML packs: inside the wheel (grantscan/patterns) or the checkout's patterns/."""
    packaged = Path(str(resources.files("grantscan"))) / "patterns"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "patterns"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("grantscan pattern packs not found (broken installation)")
