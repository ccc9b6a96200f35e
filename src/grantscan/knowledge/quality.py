"""Measured quality: how often grantscan is right, per category, on which labelled set, of what size and date.

The evaluation scripts write the figures as data (``patterns/quality/*.yaml``: ``entries`` of {metric,
category, value, set, size, date}; partner screening's ``patterns/quality.yaml`` is a plain list of {metric,
value, set, size, date}); ``grantscan rules stats`` and the README show them, so an office knows what to trust.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .loader import LineDict, PackError, check_keys, load_yaml
from .resources import patterns_dir

_KEYS = {"metric", "category", "value", "set", "size", "date"}


@dataclass(frozen=True, slots=True)
class Figure:
    metric: str
    category: str
    value: float
    set: str
    size: int
    date: str
    source: str  # the file it was read from


def _figure(path: Path, e: object, default_category: str) -> Figure:
    if not isinstance(e, LineDict):
        raise PackError(path, None, "quality: every entry must be a mapping")
    check_keys(path, e, _KEYS, _KEYS - {"category"}, "quality entry")
    value, size = e["value"], e["size"]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise PackError(path, e.key_line("value"), "quality entry: 'value' must be a number in [0, 1]")
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise PackError(path, e.key_line("size"), "quality entry: 'size' must be a positive whole number")
    return Figure(
        str(e["metric"]),
        str(e.get("category", default_category)),
        float(value),
        str(e["set"]),
        size,
        str(e["date"]),
        path.name,
    )


def load_quality(folder: Path | None = None) -> list[Figure]:
    """Every measured figure shipped with grantscan, in file order."""
    root = folder or patterns_dir()
    files = sorted((root / "quality").glob("*.yaml")) if (root / "quality").is_dir() else []
    if (root / "quality.yaml").is_file():
        files.append(root / "quality.yaml")
    out: list[Figure] = []
    for p in files:
        data = load_yaml(p)
        if isinstance(data, list):
            out += [_figure(p, e, "organisation") for e in data]
        elif isinstance(data, LineDict) and isinstance(data.get("entries"), list):
            out += [_figure(p, e, "all") for e in data["entries"]]
        else:
            raise PackError(p, 1, "quality: expected a list of figures or a mapping with 'entries'")
    return out


def table(figures: list[Figure]) -> list[str]:
    """The figures as text, one block per evaluation set: a row per category, a column per metric."""
    lines: list[str] = []
    sets: dict[str, list[Figure]] = {}
    for f in figures:
        sets.setdefault(f.set, []).append(f)
    for name, fs in sets.items():
        metrics = list(dict.fromkeys(f.metric for f in fs))
        size = max(f.size for f in fs)
        dates = sorted({f.date for f in fs})
        lines.append(f"{name}  (n={size}, {', '.join(dates)})")
        lines.append("  " + f"{'category':16s}" + "".join(f"{m[:22]:>24s}" for m in metrics))
        rows: dict[str, dict[str, float]] = {}
        for f in fs:
            rows.setdefault(f.category, {})[f.metric] = f.value
        for cat, vals in rows.items():
            lines.append(
                "  "
                + f"{cat:16s}"
                + "".join(f"{vals[m]:>24.3f}" if m in vals else f"{'':>24s}" for m in metrics)
            )
        lines.append("")
    return lines
