"""How old the data behind a scan is: the dates ``grantscan --version`` prints.

Read with a regular expression from the head of each file, never by loading the packs or the lists, so that
``--version`` stays instant.
"""

from __future__ import annotations

import re
from pathlib import Path

from .resources import patterns_dir

_REVIEWED = re.compile(r'^reviewed:\s*["\']?([0-9][0-9-]*)', re.MULTILINE)
# the date keys of the screening-list formats grantscan reads (US restricted-party JSON and its lists.json,
# BIS universities, ASPI tracker): the first one in a file's head
_SNAPSHOT = re.compile(r'"(?:snapshot|extracted|generated|generatedAt|date)"\s*:\s*"(\d{4}-\d{2}-\d{2})')
_HEAD = 4096


def _reviewed(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8") as fh:
            m = _REVIEWED.search(fh.read(_HEAD))
    except OSError:
        return None
    return m.group(1) if m else None


def list_snapshot(folder: Path) -> str | None:
    """The newest snapshot date written in the screening-list files of ``folder`` (JSON heads), if any."""
    dates = []
    for p in sorted(folder.rglob("*.json")) if folder.is_dir() else []:
        try:
            with p.open(encoding="utf-8", errors="replace") as fh:
                m = _SNAPSHOT.search(fh.read(_HEAD))
        except OSError:
            continue
        if m:
            dates.append(m.group(1))
    return max(dates) if dates else None


def data_dates(lists_dir: Path | None = None) -> list[str]:
    """One line per data source: the guidance and country facts shipped with grantscan, and the screening
    lists in ``lists_dir`` when one is configured."""
    root = patterns_dir()
    lines = [
        f"guidance reviewed {_reviewed(root / 'guidance.yaml') or 'unknown'}",
        f"country sanctions and embargo facts reviewed {_reviewed(root / 'country_risk.yaml') or 'unknown'}",
    ]
    if lists_dir is None:
        lines.append("screening lists: none configured (--lists DIR or `lists` in grantscan.toml)")
    else:
        snapshot = list_snapshot(lists_dir)
        when = f"snapshot {snapshot}" if snapshot else "no snapshot date found in the files"
        lines.append(f"screening lists: {lists_dir} ({when})")
    return lines
