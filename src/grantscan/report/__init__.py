"""Reports: one renderer per format, each a function of the same ``ScanResult`` to a string.

No renderer re-runs detection. Machine formats (json, sarif) always carry suppressed findings, marked;
human formats (text, csv, md, html) leave them out unless ``show_suppressed`` is set.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import SEVERITY_ORDER, DocumentResult, Finding, ScanResult
from ..score import HOST_COUNTRY_REASON

FORMATS = ("text", "json", "sarif", "csv", "md", "html")


def render(
    result: ScanResult,
    fmt: str,
    *,
    color: bool | None = None,
    show_suppressed: bool = False,
    detail: str = "normal",
    width: int | str | None = "auto",
) -> str:
    """Render ``result`` in ``fmt`` (one of FORMATS).

    Text only: ``color`` (None = auto), ``detail`` ("quiet": summary and high findings, "normal",
    "verbose": with the reasons behind confidences and scores) and ``width`` ("auto": the terminal's width
    when standard output is one, else no wrapping; None: no wrapping; a number of columns).
    """
    renderers: dict[str, Callable[[], str]] = {
        "text": lambda: _text().render_text(
            result, color=color, show_suppressed=show_suppressed, detail=detail, width=width
        ),
        "json": lambda: _json().render_json(result),
        "sarif": lambda: _sarif().render_sarif(result),
        "csv": lambda: _csv().render_csv(result, show_suppressed=show_suppressed),
        "md": lambda: _markdown().render_markdown(result, show_suppressed=show_suppressed),
        "html": lambda: _html().render_html(result, show_suppressed=show_suppressed),
    }
    try:
        fn = renderers[fmt]
    except KeyError:
        raise ValueError(f"unknown report format '{fmt}' (known: {', '.join(FORMATS)})") from None
    return fn()


# Imported lazily so `grantscan scan -f json` does not pay for rich or jinja2.
def _text():  # noqa: ANN202
    from . import text

    return text


def _json():  # noqa: ANN202
    from . import json

    return json


def _sarif():  # noqa: ANN202
    from . import sarif

    return sarif


def _csv():  # noqa: ANN202
    from . import csv

    return csv


def _markdown():  # noqa: ANN202
    from . import markdown

    return markdown


def _html():  # noqa: ANN202
    from . import html

    return html


def shown_findings(doc: DocumentResult, show_suppressed: bool = False) -> list[Finding]:
    """Findings of ``doc`` a reader should see, most severe first, then in document order."""
    keep = [f for f in doc.findings if show_suppressed or not f.suppressed]
    order = {id(f): i for i, f in enumerate(keep)}
    return sorted(
        keep, key=lambda f: (f.kind == "declaration", -SEVERITY_ORDER.get(f.severity, 0), order[id(f)])
    )


def split_context(f: Finding) -> tuple[str, str, str]:
    """(before, match, after): the matched text located inside its context, whitespace flattened.

    When the context does not contain the text (e.g. the context was trimmed), the match is shown after it.
    """
    ctx = " ".join(f.context.split())
    text = " ".join(f.text.split())
    if not text:
        return ctx, "", ""
    m = re.search(re.escape(text), ctx, re.IGNORECASE)
    if m is None:
        return (ctx + " … " if ctx else ""), text, ""
    return ctx[: m.start()], ctx[m.start() : m.end()], ctx[m.end() :]


def lists_text(f: Finding) -> str:
    """Screening-list matches of a finding in one line: 'US Entity List (2025-01-01): NUDT 0.97'."""
    out = []
    for m in f.lists:
        when = f" ({m.snapshot})" if m.snapshot else ""
        out.append(f"{m.list_name}{when}: {m.entry} {m.score:.2f}")
    return "; ".join(out)


def controls_text(f: Finding) -> str:
    """Control-list entries worth self-rating, in one line: '6A003 (UK dual-use, medium); 9A012 (UK dual-use, low)'."""
    return "; ".join(f"{c.entry} ({c.control_list}, {c.confidence})" for c in f.control_candidates)


def knowledge_lines(result: ScanResult) -> list[str]:
    """What the scan knew and when: the knowledge snapshot, a warning for any part over 12 months old, and the
    screening lists searched (or that none were)."""
    k = result.knowledge
    out = []
    snaps = k.get("snapshots") or {}
    if snaps:
        out.append(
            "Knowledge checked " + ", ".join(f"{name} {date}" for name, date in snaps.items() if date) + "."
        )
    for name in k.get("stale") or []:
        out.append(
            f"Warning: the {name} knowledge ({snaps.get(name)}) is more than 12 months old: check the "
            "official sources before relying on it."
        )
    if "screened" in k:
        lists = k["screened"]
        if lists:
            dates = sorted(str(d) for _, d in lists if d)
            out.append(
                f"Organisations screened against {len(lists)} lists"
                + (f" current between {dates[0]} and {dates[-1]}." if dates else ".")
            )
        else:
            out.append("Organisations were not screened against any list.")
    return out


def one_line(text: str | None) -> str:
    """Text from a document on one line, whitespace collapsed: a name that wraps in the PDF ("Harbin
    Institute of\nTechnology") reads as it is meant to."""
    return " ".join((text or "").split())


def is_host_context(f: Finding) -> bool:
    """A mention of the user's own country: shown as context, never as something to act on."""
    return any(r.startswith(HOST_COUNTRY_REASON) for r in f.reasons)


def short_contact(contact: str) -> str:
    """'ECJU' from 'ECJU, Export Control Joint Unit (DBT): ...'; 'your research office' for the first stop."""
    if contact.lower().startswith("your institution"):
        return "your research office"
    return re.split(r"[,:]", contact, maxsplit=1)[0].strip()


_FIRST_CATEGORIES = ("organisation", "country", "defence")  # partners and end use are screened first


def first_actions(doc: DocumentResult, limit: int = 5) -> tuple[list[tuple[str, list[Finding]]], int]:
    """What to do first for one document: up to ``limit`` distinct actions, each with the high and medium
    findings it answers, most urgent first (severity, screening-list matches, partners and countries, then
    defence, then document order), and the number of further actions left out."""
    urgent = [
        f
        for f in doc.findings
        if f.kind == "finding"
        and not f.suppressed
        and f.severity in ("high", "medium")
        and not is_host_context(f)
    ]
    order = {id(f): i for i, f in enumerate(doc.findings)}

    def key(f: Finding) -> tuple:
        cat = (
            _FIRST_CATEGORIES.index(f.category) if f.category in _FIRST_CATEGORIES else len(_FIRST_CATEGORIES)
        )
        return (-SEVERITY_ORDER.get(f.severity, 0), not f.lists, cat, order[id(f)])

    groups: dict[str, list[Finding]] = {}
    for f in sorted(urgent, key=key):
        action = one_line(f.action) or f"Review the {f.category} finding with your research office."
        groups.setdefault(action, []).append(f)
    items = list(groups.items())
    return items[:limit], max(0, len(items) - limit)
