"""Triage renderers: the ranked document list as a terminal table, CSV, JSON or one self-contained HTML page.

``render_triage(triage, fmt)`` returns a string for fmt "text", "csv", "json" or "html".

Text is a table as wide as the terminal; when the terminal is too narrow for every column, each document
becomes a block of labelled lines instead, so no column is ever cut off. Written to a pipe or a file
(``width=None``) the table takes the width its content needs. Colour follows ``report.text.use_color``.
CSV cells that a spreadsheet would run as a formula are prefixed with a single quote. HTML escapes
everything through Jinja2 autoescape, loads no external assets, and prints every column on landscape
pages with the checklists opened.

``suppressed`` (``--show-suppressed``): per document path, the findings hidden by markers, the allow-list
or the baseline, shown beside each row.
"""

from __future__ import annotations

import csv
import io
import json

from ..model import ScanResult
from ..triage import FLAGGED, NEEDS_HUMAN, Triage, TriageRow

FORMATS = ("text", "csv", "json", "html")
CSV_COLUMNS = (
    "rank",
    "path",
    "status",
    "error",
    "document_type",
    "risk_score",
    "top_reasons",
    "counterparties",
    "countries",
    "clauses",
    "clause_risks",
    "missing_clauses",
    "checklist_flags",
    "needs_human",
    "warnings",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_triage(
    triage: Triage,
    fmt: str,
    *,
    color: bool | None = None,
    width: int | str | None = "auto",
    suppressed: dict[str, list[str]] | None = None,
    warnings: dict[str, list[str]] | None = None,
) -> str:
    """Render the triage view as text, csv, json or html (``color`` and ``width`` apply to text).

    ``warnings``: per document path, how it was read (``warnings_by_path``), shown with its reasons."""
    warnings = warnings or {}
    if fmt == "text":
        return render_text(triage, width=width, color=color, suppressed=suppressed, warnings=warnings)
    if fmt == "csv":
        return render_csv(triage, suppressed=suppressed, warnings=warnings)
    if fmt == "json":
        data = triage.to_dict()
        for row in data["rows"]:
            row["warnings"] = list(warnings.get(row["path"], []))
            if suppressed is not None:
                row["suppressed"] = list(suppressed.get(row["path"], []))
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        return render_html(triage, suppressed=suppressed, warnings=warnings)
    raise ValueError(f"unknown triage format '{fmt}' (choose from {', '.join(FORMATS)})")


def warnings_by_path(result: ScanResult) -> dict[str, list[str]]:
    """Per document path, its warnings (e.g. a language the rules do not cover)."""
    return {d.path: list(d.warnings) for d in result.documents if d.warnings}


def suppressed_by_path(result: ScanResult) -> dict[str, list[str]]:
    """Per document path, each suppressed finding as 'rule "words": why suppressed'."""
    out: dict[str, list[str]] = {}
    for d in result.documents:
        out[d.path] = [
            f"{f.rule_id} “{' '.join(f.text.split())}”: {f.suppressed}" for f in d.findings if f.suppressed
        ]
    return out


def _counterparties(row: TriageRow) -> str:
    return "; ".join(
        c.name + (f" [LISTED: {', '.join(c.lists)}]" if c.flagged else "") for c in row.counterparties
    )


def _countries(row: TriageRow) -> str:
    return " ".join(c.code + (f" [{c.risk}]" if c.risk else "") for c in row.countries)


def _flags(row: TriageRow) -> list[str]:
    return [a.id for a in row.checklist if a.status == FLAGGED]


def _needs_human(row: TriageRow) -> list[str]:
    return [a.id for a in row.checklist if a.status == NEEDS_HUMAN]


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: formula-like starts get a leading single quote."""
    s = "" if value is None else str(value)
    return "'" + s if s.startswith(_FORMULA_START) else s


def render_csv(
    triage: Triage,
    suppressed: dict[str, list[str]] | None = None,
    warnings: dict[str, list[str]] | None = None,
) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS + (("suppressed",) if suppressed is not None else ()))
    for i, r in enumerate(triage.rows, 1):
        cells = [
            i,
            r.path,
            r.status,
            r.error or "",
            r.document_type,
            r.risk_score,
            " | ".join(r.top_reasons),
            _counterparties(r),
            _countries(r),
            " ".join(r.clauses.present),
            " ".join(r.clauses.risky),
            " ".join(r.clauses.missing),
            " ".join(_flags(r)),
            " ".join(_needs_human(r)),
            " | ".join((warnings or {}).get(r.path, [])),
        ]
        if suppressed is not None:
            cells.append(" | ".join(suppressed.get(r.path, [])))
        w.writerow([safe_cell(c) for c in cells])
    return out.getvalue()


def _cells(
    r: TriageRow, suppressed: dict[str, list[str]] | None, warnings: dict[str, list[str]]
) -> dict[str, str]:
    """The text of each column of one row (a document's warnings lead its reasons)."""
    if r.status != "ok":
        return {
            "type": "error",
            "risk": "-",
            "top reasons": r.error or "",
            "partners / countries": "",
            "clauses": "",
            "checklist": "",
        }
    parties = "\n".join(filter(None, [_counterparties(r), _countries(r)]))
    clauses = "\n".join(
        filter(
            None,
            [
                "present: " + ", ".join(c.removeprefix("clause-") for c in r.clauses.present)
                if r.clauses.present
                else "",
                "RISK: " + ", ".join(r.clauses.risky) if r.clauses.risky else "",
                "missing: " + ", ".join(c.removeprefix("clause-") for c in r.clauses.missing)
                if r.clauses.missing
                else "",
            ],
        )
    )
    flags, human = _flags(r), _needs_human(r)
    checklist = "\n".join(
        filter(
            None,
            [
                "FLAGGED: " + ", ".join(flags) if flags else "",
                f"{len(r.checklist) - len(flags) - len(human)} no concern, {len(human)} need a human",
            ],
        )
    )
    if suppressed is not None and suppressed.get(r.path):
        checklist += f"\nsuppressed: {len(suppressed[r.path])}"
    return {
        "type": r.document_type,
        "risk": str(r.risk_score),
        "top reasons": "\n".join([f"warning: {w}" for w in warnings.get(r.path, [])] + list(r.top_reasons)),
        "partners / countries": parties,
        "clauses": clauses,
        "checklist": checklist,
    }


_COLUMNS = (
    ("type", {}),
    ("risk", {"justify": "right"}),
    ("top reasons", {"max_width": 40}),
    ("partners / countries", {"max_width": 30}),
    ("clauses", {"max_width": 30}),
    ("checklist", {"max_width": 34}),
)


def render_text(
    triage: Triage,
    width: int | str | None = "auto",
    *,
    color: bool | None = None,
    suppressed: dict[str, list[str]] | None = None,
    warnings: dict[str, list[str]] | None = None,
) -> str:
    """The ranked documents as a table (a block per document when the width cannot hold the table)."""
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from .text import NO_WRAP_WIDTH, text_width, use_color

    on = use_color(color)
    columns = text_width(width)
    title = f"grantscan triage: {len(triage.rows)} document(s), highest risk first"
    table = Table(title=title, title_justify="left", show_lines=True, expand=False)
    table.add_column("#", justify="right")
    table.add_column("document", overflow="fold")
    for name, kw in _COLUMNS:
        table.add_column(name, **({} if columns is None else kw))
    rows = [(i, r, _cells(r, suppressed, warnings or {})) for i, r in enumerate(triage.rows, 1)]
    for i, r, cells in rows:
        style = "red" if r.status != "ok" else ("bold red" if r.flags else "")
        table.add_row(str(i), Text(r.path, style=style), *(Text(cells[name]) for name, _ in _COLUMNS))
    measure = Console(width=NO_WRAP_WIDTH, file=io.StringIO())
    need = measure.measure(table)
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=need.maximum if columns is None else columns,
        force_terminal=on,
        no_color=not on,
        color_system="standard" if on else None,
        highlight=False,
        emoji=False,
    )
    if columns is not None and need.minimum > columns:
        # too narrow for every column: one block per document, every line labelled and wrapped
        console.print(Text(title, style="bold"))
        for i, r, cells in rows:
            console.print()
            console.print(Text(f"{i}. {r.path}", style="bold red" if r.flags or r.status != "ok" else "bold"))
            for name, _ in _COLUMNS:
                if cells[name]:
                    line = Text(f"{name}: ", style="bold") + Text(cells[name].replace("\n", "; "))
                    console.print(Padding(line, (0, 0, 0, 3)))
    else:
        console.print(table)
    out = buf.getvalue()
    return out if on else "\n".join(line.rstrip() for line in out.split("\n"))


_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>grantscan triage</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.3rem} table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f2f2f2;cursor:pointer;user-select:none} th[data-sort]:after{content:" \\2195";color:#888}
tr.error td{background:#fdf0f0} .risk{font-weight:bold;text-align:right}
.flagged{color:#a40000;font-weight:bold} .clear{color:#1f6f2b} .human{color:#7a5b00}
.listed{color:#a40000;font-weight:bold} details summary{cursor:pointer}
ul{margin:.2rem 0;padding-left:1.1rem} #filter{padding:.3rem;width:22rem;margin-bottom:.8rem}
.muted{color:#666;font-size:.85em}
@media print{
@page{size:A4 landscape;margin:1cm}
body{margin:0;font-size:8pt} #filter,.noprint{display:none}
table{table-layout:fixed;width:100%;font-size:7.5pt} th{cursor:auto}
th:after{content:none!important} th,td{overflow-wrap:anywhere;word-break:break-word;padding:.15rem .25rem}
th:nth-child(1){width:2.5%} th:nth-child(2){width:14%} th:nth-child(3){width:6%} th:nth-child(4){width:4%}
th:nth-child(5){width:17%} th:nth-child(6){width:15%} th:nth-child(7){width:6%} th:nth-child(8){width:12%}
tr{break-inside:avoid} thead{display:table-header-group} tr[style*="none"]{display:table-row!important}
}
</style></head><body>
<h1>grantscan triage &mdash; {{ rows|length }} document(s), highest risk first</h1>
<p class="muted">grantscan {{ version }}. Checklist answers: <span class="flagged">flagged</span> (evidence
shown), <span class="clear">no concern</span> (the document answers it), <span class="human">needs a human</span>
(the document cannot tell). Click a column heading to sort.</p>
<input id="filter" type="search" placeholder="Filter rows (path, type, reason, country...)" aria-label="Filter rows">
<table id="triage"><thead><tr>
<th data-sort="num">#</th><th data-sort="text">Document</th><th data-sort="text">Type</th>
<th data-sort="num">Risk</th><th>Top reasons</th><th>Counterparties</th><th data-sort="text">Countries</th>
<th>Clauses</th><th data-sort="num">Checklist</th>{% if suppressed is not none %}<th>Suppressed</th>{% endif %}</tr></thead><tbody>
{% for r in rows %}
<tr class="{{ 'error' if r.status != 'ok' else '' }}">
<td data-v="{{ loop.index }}">{{ loop.index }}</td>
<td>{{ r.path }}{% if r.error %}<br><span class="flagged">error: {{ r.error }}</span>{% endif %}</td>
<td>{{ r.document_type }}</td>
<td class="risk" data-v="{{ r.risk_score }}">{{ r.risk_score }}</td>
<td>{% for w in warnings.get(r.path, []) %}<div class="human">warning: {{ w }}</div>{% endfor %}<ul>{% for x in r.top_reasons %}<li>{{ x }}</li>{% endfor %}</ul></td>
<td><ul>{% for c in r.counterparties %}<li{% if c.flagged %} class="listed"{% endif %}>{{ c.name }}
{% if c.flagged %} (listed: {{ c.lists|join(', ') }}){% endif %}</li>{% endfor %}</ul></td>
<td>{% for c in r.countries %}<span{% if c.risk %} class="listed" title="{{ c.risk }}"{% endif %}>{{ c.code }}</span>
{% endfor %}</td>
<td>{% if r.clauses.present %}<div>present: {{ r.clauses.present|join(', ') }}</div>{% endif %}
{% if r.clauses.risky %}<div class="flagged">risk: {{ r.clauses.risky|join(', ') }}</div>{% endif %}
{% if r.clauses.missing %}<div class="muted">missing: {{ r.clauses.missing|join(', ') }}</div>{% endif %}</td>
<td data-v="{{ r.flags|length }}">{% if r.checklist %}<details><summary>{{ r.flags|length }} flagged of
{{ r.checklist|length }}</summary><ul>{% for a in r.checklist %}
<li><span class="{{ {'flagged': 'flagged', 'no concern': 'clear'}.get(a.status, 'human') }}">{{ a.status }}</span>:
{{ a.question }}{% if a.evidence %}<ul>{% for e in a.evidence %}<li>{{ e }}</li>{% endfor %}</ul>{% endif %}
{% if a.note %}<div class="muted">{{ a.note }}</div>{% endif %}
{% if a.status != 'no concern' and a.action %}<div class="muted">Do: {{ a.action }}</div>{% endif %}</li>
{% endfor %}</ul></details>{% endif %}</td>
{% if suppressed is not none %}<td>{% if suppressed.get(r.path) %}<ul>{% for x in suppressed.get(r.path) %}<li>{{ x }}</li>{% endfor %}</ul>{% endif %}</td>{% endif %}
</tr>
{% endfor %}
</tbody></table>
<script>
(function(){
  // printing shows every checklist: open them before, restore after
  var opened=[];
  window.addEventListener('beforeprint',function(){
    Array.prototype.forEach.call(document.querySelectorAll('details:not([open])'),function(d){d.open=true;opened.push(d);});
  });
  window.addEventListener('afterprint',function(){opened.forEach(function(d){d.open=false;}); opened=[];});
  var table=document.getElementById('triage'), body=table.tBodies[0];
  document.getElementById('filter').addEventListener('input',function(){
    var q=this.value.toLowerCase();
    Array.prototype.forEach.call(body.rows,function(r){
      r.style.display=r.textContent.toLowerCase().indexOf(q)>=0?'':'none';});
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
    var kind=th.getAttribute('data-sort'); if(!kind) return; var asc=false;
    th.addEventListener('click',function(){
      asc=!asc; var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=a.cells[i], y=b.cells[i];
        if(kind==='num'){x=parseFloat(x.getAttribute('data-v')||x.textContent)||0;
                         y=parseFloat(y.getAttribute('data-v')||y.textContent)||0;}
        else{x=x.textContent.trim().toLowerCase(); y=y.textContent.trim().toLowerCase();}
        return (x<y?-1:x>y?1:0)*(asc?1:-1);});
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
})();
</script>
</body></html>
"""


def render_html(
    triage: Triage,
    suppressed: dict[str, list[str]] | None = None,
    warnings: dict[str, list[str]] | None = None,
) -> str:
    from jinja2 import Environment

    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(_HTML).render(
        rows=triage.rows, version=triage.tool_version, suppressed=suppressed, warnings=warnings or {}
    )
