"""Triage renderers: the ranked document list as a terminal table, CSV, JSON or one self-contained HTML page.

``render_triage(triage, fmt)`` returns a string for fmt "text", "csv", "json" or "html". Text never
carries colour codes (it is rendered to a string, not a terminal). CSV cells that a spreadsheet would
run as a formula are prefixed with a single quote. HTML escapes everything through Jinja2 autoescape
and loads no external assets.
"""

from __future__ import annotations

import csv
import io
import json

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
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_triage(triage: Triage, fmt: str) -> str:
    """Render the triage view as text, csv, json or html."""
    if fmt == "text":
        return render_text(triage)
    if fmt == "csv":
        return render_csv(triage)
    if fmt == "json":
        return json.dumps(triage.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        return render_html(triage)
    raise ValueError(f"unknown triage format '{fmt}' (choose from {', '.join(FORMATS)})")


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


def render_csv(triage: Triage) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
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
        ]
        w.writerow([safe_cell(c) for c in cells])
    return out.getvalue()


def render_text(triage: Triage, width: int | None = None) -> str:
    """A plain table (no colour codes), as wide as the terminal but at least 100 columns."""
    import shutil

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    width = width or max(100, shutil.get_terminal_size(fallback=(160, 40)).columns)
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        color_system=None,
        force_terminal=False,
        no_color=True,
        highlight=False,
        emoji=False,
    )
    table = Table(
        title=f"grantscan triage: {len(triage.rows)} document(s), highest risk first",
        show_lines=True,
        expand=False,
    )
    path_width = min(60, max((len(r.path) for r in triage.rows), default=10))
    for name, kw in (
        ("#", {"justify": "right"}),
        ("document", {"overflow": "fold", "min_width": path_width}),
        ("type", {}),
        ("risk", {"justify": "right"}),
        ("top reasons", {"max_width": 40}),
        ("partners / countries", {"max_width": 30}),
        ("clauses", {"max_width": 30}),
        ("checklist", {"max_width": 34}),
    ):
        table.add_column(name, **kw)
    for i, r in enumerate(triage.rows, 1):
        if r.status != "ok":
            table.add_row(str(i), Text(r.path), "error", "-", Text(r.error or ""), "", "", "")
            continue
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
        table.add_row(
            str(i),
            Text(r.path),
            r.document_type,
            str(r.risk_score),
            Text("\n".join(r.top_reasons)),
            Text(parties),
            Text(clauses),
            Text(checklist),
        )
    console.print(table)
    return buf.getvalue()


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
</style></head><body>
<h1>grantscan triage &mdash; {{ rows|length }} document(s), highest risk first</h1>
<p class="muted">grantscan {{ version }}. Checklist answers: <span class="flagged">flagged</span> (evidence
shown), <span class="clear">no concern</span> (the document answers it), <span class="human">needs a human</span>
(the document cannot tell). Click a column heading to sort.</p>
<input id="filter" type="search" placeholder="Filter rows (path, type, reason, country...)" aria-label="Filter rows">
<table id="triage"><thead><tr>
<th data-sort="num">#</th><th data-sort="text">Document</th><th data-sort="text">Type</th>
<th data-sort="num">Risk</th><th>Top reasons</th><th>Counterparties</th><th data-sort="text">Countries</th>
<th>Clauses</th><th data-sort="num">Checklist</th></tr></thead><tbody>
{% for r in rows %}
<tr class="{{ 'error' if r.status != 'ok' else '' }}">
<td data-v="{{ loop.index }}">{{ loop.index }}</td>
<td>{{ r.path }}{% if r.error %}<br><span class="flagged">error: {{ r.error }}</span>{% endif %}</td>
<td>{{ r.document_type }}</td>
<td class="risk" data-v="{{ r.risk_score }}">{{ r.risk_score }}</td>
<td><ul>{% for x in r.top_reasons %}<li>{{ x }}</li>{% endfor %}</ul></td>
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
</tr>
{% endfor %}
</tbody></table>
<script>
(function(){
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


def render_html(triage: Triage) -> str:
    from jinja2 import Environment

    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(_HTML).render(rows=triage.rows, version=triage.tool_version)
