"""How old the data behind a scan is: the dates ``grantscan --version`` prints.

Read with a regular expression from the head of each file, never by loading the packs or the lists, so that
``--version`` stays instant.
"""

from __future__ import annotations

import re
from pathlib import Path

from .resources import patterns_dir

_REVIEWED = re.compile(r'^reviewed:\s*["\']?([0-9][0-9-]*)', re.MULTILINE)
_TABLE_SNAPSHOT = re.compile(r'^snapshot:\s*["\']?([0-9][0-9-]*)', re.MULTILINE)
# per list of the shipped designations head: when it was taken as current (retrieved, else its own snapshot)
_LIST_BLOCK = re.compile(r"^- id:", re.MULTILINE)
_LIST_DATE = re.compile(r'^  (retrieved|snapshot):\s*["\']?([0-9][0-9-]*)', re.MULTILINE)
# the date keys of the screening-list formats grantscan reads (US restricted-party JSON and its lists.json,
# BIS universities, ASPI tracker): the first one in a file's head
_SNAPSHOT = re.compile(r'"(?:snapshot|extracted|generated|generatedAt|date)"\s*:\s*"(\d{4}-\d{2}-\d{2})')
_HEAD = 4096


def _reviewed(path: Path, pattern: re.Pattern[str] = _REVIEWED) -> str | None:
    try:
        with path.open(encoding="utf-8") as fh:
            m = pattern.search(fh.read(_HEAD))
    except OSError:
        return None
    return m.group(1) if m else None


def shipped_lists(path: Path) -> tuple[int, str, str] | None:
    """The number of lists in the shipped designations head (``designations.yaml``) and the oldest and newest
    dates they are known current (retrieved, else snapshot), as a scan's screening line gives them."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    dates = []
    for block in _LIST_BLOCK.split(text)[1:]:
        found = {m.group(1): m.group(2) for m in _LIST_DATE.finditer(block)}
        when = found.get("retrieved") or found.get("snapshot")
        if when:
            dates.append(when)
    if not dates:
        return None
    return len(dates), min(dates), max(dates)


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
    """One line per data source: the guidance and country facts shipped with grantscan, the screening-list
    snapshot shipped with it (always searched), and the lists in ``lists_dir`` when one is configured."""
    root = patterns_dir()
    facts = _reviewed(root / "regimes.yaml", _TABLE_SNAPSHOT)
    lines = [
        f"guidance reviewed {_reviewed(root / 'guidance.yaml') or 'unknown'}",
        f"country sanctions and embargo facts reviewed {facts or 'unknown'}",
    ]
    shipped = shipped_lists(root / "designations" / "designations.yaml")
    if shipped is None:
        lines.append("shipped screening lists: none found (broken installation)")
    else:
        n, first, last = shipped
        lines.append(f"shipped screening lists: {n} lists current between {first} and {last}")
    if lists_dir is None:
        lines.append("further screening lists: none configured (--lists DIR or `lists` in grantscan.toml)")
    else:
        snapshot = list_snapshot(lists_dir)
        when = f"snapshot {snapshot}" if snapshot else "no snapshot date found in the files"
        lines.append(f"screening lists: {lists_dir} ({when})")
    return lines
