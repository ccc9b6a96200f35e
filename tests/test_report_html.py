"""HTML report: one self-contained, escaped file with guidance and filters; checked in headless Chromium too."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from grantscan.model import DocumentResult, Finding, Location, ScanResult
from grantscan.report import render
from tests.conftest import printed_pdf
from tests.fixtures.report.sample import build_result


class Tags(HTMLParser):
    """Collects start tags with their attributes and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    return p


def test_self_contained_no_external_assets() -> None:
    html = render(build_result(), "html")
    tags = parse(html)
    assert html.startswith("<!DOCTYPE html>")
    assert not any(t == "link" for t, _ in tags.tags)
    for tag, attrs in tags.tags:
        assert "src" not in attrs, (tag, attrs)
        if tag == "a" and attrs.get("href", "").startswith("http"):
            assert attrs["href"].startswith("https://") and attrs.get("rel") == "noopener noreferrer"
    csp = next(
        a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp
    assert len(tags.scripts) == 1 and "http" not in tags.scripts[0]
    assert "url(" not in html and "@import" not in html


def test_document_text_is_escaped() -> None:
    html = render(build_result(), "html")
    assert html.count("<script>") == 1  # only the report's own inline script
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "<mark>&lt;script&gt;" in html


def test_findings_grouped_with_context_location_and_guidance() -> None:
    result = build_result()
    html = render(result, "html")
    mil = result.documents[0].findings[0]
    row = re.search(r'<tr class="finding" [^>]*data-rule="defence-military-use".*?</tr>', html, re.S).group(0)
    assert 'data-severity="high"' in row and 'data-category="defence"' in row
    assert "for <mark>military use</mark> with partners." in row
    assert "p. 3, § 2.1" in row and "2 occurrences: also p. 7" in row
    assert mil.action.replace("'", "&#39;") in row
    assert mil.why in row and "ECJU" in row
    assert f'href="{mil.links[0]["url"]}"' in row
    assert "Defence and military end use" in html and "Partner organisation" in html
    assert "On screening list: US Entity List (2025-06-30)" in html
    assert "body ¶15, § 12" in html and "line 14:11" in html


def test_documents_risk_declarations_errors_and_filters() -> None:
    html = render(build_result(), "html")
    assert "Risk 72/100" in html and "<li>defence end use (high)</li>" in html
    decl = re.search(r'<tr class="finding declaration" [^>]*>.*?</tr>', html, re.S).group(0)
    assert 'data-kind="declaration"' in decl and "<mark>military applications</mark>" in decl and "No" in decl
    assert "Could not be read: encrypted: password required" in html
    for sev in ("high", "medium", "low", "info"):
        assert f'id="filter-{sev}"' in html
    assert '<option value="clause-law">' in html and 'id="filter-declarations"' in html
    assert "large language model" not in html
    assert "large language model" in render(build_result(), "html", show_suppressed=True)


@pytest.mark.browser
def test_report_in_headless_chromium(tmp_path: Path, chromium) -> None:  # noqa: ANN001
    report = tmp_path / "report.html"
    report.write_text(render(build_result(), "html"), encoding="utf-8")
    requests: list[str] = []
    dialogs: list[str] = []
    page = chromium.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(report.as_uri())
    rows = page.locator("tr.finding")
    assert rows.count() == 7
    assert page.locator("#shown-count").inner_text() == "7 match the filters"
    # high and medium open; the low finding and the declaration are folded away until asked for
    assert page.locator("tr.finding:visible").count() == 5
    page.locator('details.sev-group[data-severity="low"] > summary').click()
    page.locator("details.declarations > summary").click()
    assert page.locator("tr.finding:visible").count() == 7
    assert page.locator("mark", has_text="military use").count() == 1
    assert page.locator(".first li").first.inner_text().startswith("Escalate to the research office")
    high = page.locator('tr.finding[data-severity="high"]')
    assert high.count() == 2
    page.locator("#filter-high").uncheck()
    assert high.first.is_hidden() and high.last.is_hidden()
    assert page.locator("tr.finding:visible").count() == 5
    page.locator("#filter-high").check()
    page.locator("#filter-category").select_option("quantum")
    assert page.locator("tr.finding:visible").count() == 1
    assert page.locator('.group[data-severity="high"]').first.is_hidden()
    page.locator("#filter-category").select_option("")
    page.locator("#filter-declarations").uncheck()
    assert page.locator("tr.declaration").first.is_hidden()
    assert dialogs == []  # the <script> in document text never ran
    assert requests == [report.as_uri()]  # nothing but the file itself was loaded


@pytest.mark.browser
def test_printed_report_shows_every_section_and_column(tmp_path: Path, chromium) -> None:  # noqa: ANN001
    report = tmp_path / "report.html"
    result = build_result()
    report.write_text(render(result, "html"), encoding="utf-8")
    pages = printed_pdf(chromium, report, tmp_path / "report.pdf")
    text = " ".join(" ".join(t.split()) for t, _, _ in pages)
    for heading in ("Severity", "Matched text in context", "Location", "Guidance"):
        assert heading in text, heading
    assert "HYPERLINK" in text and "military applications" in text  # folded sections are printed open
    assert "Export Control Joint Unit" in text  # so is each finding's "why, whom to ask"
    assert all(right <= width + 0.5 for _, right, width in pages)  # nothing runs off the page


def test_long_occurrence_lists_are_cut_short() -> None:
    occ = [Location(page=n) for n in range(1, 21)]
    f = Finding(rule_id="r", category="ai", text="LLM", context="an LLM", location=occ[0], occurrences=occ)
    html = render(ScanResult([DocumentResult("a.pdf", "ok", findings=[f])]), "html")
    assert "20 occurrences: also p. 2; p. 3; p. 4; p. 5; p. 6; p. 7; p. 8; p. 9; 11 more" in html
    assert "p. 10;" not in html


def test_what_to_do_first_warnings_and_severity_sections() -> None:
    result = build_result()
    result.documents[2].warnings = ["written in French (fr, confidence 0.99): the rules cover English only"]
    html = render(result, "html")
    pdf = html[html.index('id="doc-1"') : html.index('id="doc-2"')]
    first = pdf[pdf.index('<div class="first">') : pdf.index("</div>\n", pdf.index('<div class="first">'))]
    items = re.findall(r"<li><strong>(.*?)</strong>", first)
    assert len(items) == 3 and items[0].startswith("Escalate to the research office")
    assert "ask: your research office, " in first
    sections = re.findall(r'<details class="group sev-group" data-severity="(\w+)"( open)?>', pdf)
    assert sections == [("high", " open"), ("medium", " open"), ("low", "")]
    assert (
        '<details class="group declarations"' in pdf and '<details class="group declarations" open' not in pdf
    )
    assert '<p class="warning"><strong>Warning:</strong> written in French (fr, confidence 0.99)' in html
    md_doc = html[html.index('id="doc-3"') :]
    assert "What to do first" in md_doc
    clean = render(
        ScanResult([DocumentResult("a.txt", "ok", findings=[result.documents[0].findings[3]])]), "html"
    )
    assert "What to do first: nothing needs action" in clean
