"""Run configuration: one dataclass every stage reads.

Defaults live here; config files (grantscan.toml / [tool.grantscan]) and CLI options override them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .extract import ExtractOptions

SEVERITIES = ("low", "medium", "high")


@dataclass(slots=True)
class Config:
    """Effective settings of a scan."""

    categories: list[str] | None = None  # enabled taxonomy ids; None = all
    fail_on: str = "high"
    password: str | None = None
    max_size: int = 100 * 1024 * 1024
    max_pages: int = 5000
    lists_dir: Path | None = None  # folder of screening lists (formats of shared/data)
    extra_packs: list[Path] = field(default_factory=list)
    model: str | None = None  # installed spaCy model for statistical NER, e.g. en_core_web_sm
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    jobs: int = 1
    timeout: float = 120.0  # seconds per file in a batch
    cache: bool = True
    cache_dir: Path | None = None
    baseline: Path | None = None
    show_suppressed: bool = False

    def extract_options(self) -> ExtractOptions:
        return ExtractOptions(password=self.password, max_size=self.max_size, max_pages=self.max_pages)
