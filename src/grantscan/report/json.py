"""JSON report: ``ScanResult.to_dict()`` under a ``format_version``, the stable machine contract.

``schema.json`` beside this module (shipped in the package, ``schema_path()``) describes the report; the test
suite validates real scans against it. ``FORMAT_VERSION`` changes only when a field changes meaning or goes
away: 2 made paragraph numbers 1-based and added document ``warnings``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model import ScanResult

FORMAT_VERSION = 2


def schema_path() -> Path:
    """The JSON Schema (draft-07) of the report."""
    return Path(__file__).resolve().parent / "schema.json"


def report_dict(result: ScanResult) -> dict:
    """The report as plain data: ``format_version`` first, then ``ScanResult.to_dict()``."""
    return {"format_version": FORMAT_VERSION, **result.to_dict()}


def render_json(result: ScanResult) -> str:
    """The result as indented JSON; non-ASCII text kept as is."""
    return json.dumps(report_dict(result), indent=2, ensure_ascii=False) + "\n"
