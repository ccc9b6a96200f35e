"""Districts of a city that designation lists write in an entry's city field (``patterns/districts.yaml``)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from .loader import LineDict, PackError, check_keys, load_yaml
from .resources import patterns_dir


def load_districts(path: str | Path | None = None) -> dict[str, str]:
    """Read and validate the table: district name -> the city it belongs to. Each district once, each field a
    non-empty text, the table with its source and checked date."""
    p = Path(path) if path else patterns_dir() / "districts.yaml"
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "expected a mapping with 'districts'")
    check_keys(
        p,
        data,
        {"version", "source", "checked", "districts"},
        {"source", "checked", "districts"},
        "districts",
    )
    if not isinstance(data["source"], str) or not data["source"].strip():
        raise PackError(
            p, data.key_line("source"), "source: expected a text naming where the table comes from"
        )
    checked = data["checked"]
    if not isinstance(checked, dt.date):
        try:
            dt.date.fromisoformat(str(checked))
        except ValueError:
            raise PackError(p, data.key_line("checked"), "checked: expected a date (YYYY-MM-DD)") from None
    rows = data["districts"]
    if not isinstance(rows, list) or not rows:
        raise PackError(p, data.key_line("districts"), "districts: expected a list of {district, city}")
    table: dict[str, str] = {}
    for row in rows:
        line = getattr(row, "line", data.key_line("districts"))
        check_keys(p, row, {"district", "city"}, {"district", "city"}, "district")
        district, city = row["district"], row["city"]
        for key, value in (("district", district), ("city", city)):
            if not isinstance(value, str) or not value.strip():
                raise PackError(p, row.key_line(key), f"{key}: expected a non-empty text")
        if district.casefold() == city.casefold():
            raise PackError(p, line, f"district '{district}' is its own city")
        if district.casefold() in {d.casefold() for d in table}:
            raise PackError(p, line, f"district '{district}' listed twice")
        table[district] = city
    return table


@cache
def districts() -> dict[str, str]:
    """The shipped table, loaded once."""
    return load_districts()
