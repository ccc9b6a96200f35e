"""JSON report: exactly ``ScanResult.to_dict()``, the stable machine contract."""

from __future__ import annotations

import json

from ..model import ScanResult


def render_json(result: ScanResult) -> str:
    """The result as indented JSON; non-ASCII text kept as is."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
