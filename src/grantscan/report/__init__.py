"""Reports: one renderer per format, each a function of the same ``ScanResult`` to a string.

No renderer re-runs detection. Machine formats (json, sarif) always carry suppressed findings, marked;
human formats (text, csv, md, html) leave them out unless ``show_suppressed`` is set.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import SEVERITY_ORDER, DocumentResult, Finding, ScanResult

FORMATS = ("text", "json", "sarif", "csv", "md", "html")


def render(result: ScanResult, fmt: str, *, color: bool | None = None, show_suppressed: bool = False) -> str:
    """Render ``result`` in ``fmt`` (one of FORMATS). ``color`` applies to text only (None = auto)."""
    renderers: dict[str, Callable[[], str]] = {
        "text": lambda: _text().render_text(result, color=color, show_suppressed=show_suppressed),
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
