"""The guidance knowledge base: complete for the taxonomy, validated with file:line errors, joined to findings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from grantscan.explain import explain
from grantscan.knowledge import countries
from grantscan.knowledge.guidance import DECLARATION, Guidance
from grantscan.knowledge.loader import PackError
from grantscan.knowledge.resources import patterns_dir
from grantscan.knowledge.sources import is_official, registry
from grantscan.knowledge.taxonomy import CATEGORIES
from grantscan.model import Finding, ListMatch, Location

SHARED = Path(__file__).resolve().parents[2] / "shared"
SHIPPED = patterns_dir() / "guidance.yaml"


def finding(category: str, **kw: object) -> Finding:
    base = {"rule_id": f"{category}-rule", "text": "x", "context": "x", "location": Location(line=1)}
    base.update(kw)
    return Finding(category=category, **base)  # type: ignore[arg-type]


def test_every_taxonomy_id_and_declarations_have_complete_guidance() -> None:
    g = Guidance.load()
    for cat in (*CATEGORIES, DECLARATION):
        rec = g.records[cat]
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", rec.why) if s]
        assert 1 <= len(sentences) <= 3, (cat, rec.why)
        assert rec.action and "\n" not in rec.action and len(rec.action) <= 120, (cat, rec.action)
        assert rec.steps and rec.contacts and rec.links, cat
        assert rec.contacts[0].startswith("Your institution's research office"), cat
        for link in rec.links:
            assert set(link) == {"title", "url"} and link["url"].startswith("https://"), (cat, link)


def test_required_bodies_and_official_pages_are_covered() -> None:
    g = Guidance.load()
    contacts = " ".join(c for r in g.records.values() for c in r.contacts)
    for body in ("ECJU", "RCAT", "ISU", "OFSI", "ATAS"):
        assert body in contacts, body
    urls = {link["url"] for r in g.records.values() for link in r.links}
    for url in (
        "https://www.npsa.gov.uk/trusted-research",
        "https://www.academic-technology-approval.service.gov.uk/",
        "https://www.gov.uk/guidance/export-controls-applying-to-academic-research",
        "https://www.gov.uk/government/organisations/office-of-financial-sanctions-implementation",
    ):
        assert url in urls, url
    assert any("ukri-trusted-research-and-innovation-principles" in u for u in urls)
    assert any("national-security-and-investment-act" in u for u in urls)
    assert any("uk-strategic-export-control-lists" in u for u in urls)


def test_every_link_is_an_official_page_from_the_source_registry() -> None:
    urls = {s.url for s in registry().sources.values()}
    g = Guidance.load()
    for rec in (*g.records.values(), *g.overrides.values()):
        for link in rec.links:
            assert link["url"] in urls and is_official(link["url"]), link["url"]


def test_apply_fills_guidance_and_keeps_what_the_detector_set() -> None:
    g = Guidance.load()
    a, b = finding("quantum"), finding("ai", why="rule-specific reason")
    a, b = explain([a, b], g)
    rec = g.records["quantum"]
    assert (a.why, a.action) == (rec.why, rec.action)
    assert a.contacts == list(rec.contacts) and a.links == [dict(x) for x in rec.links]
    assert any("ECJU" in c for c in a.contacts)
    assert b.why == "rule-specific reason" and b.action == g.records["ai"].action


def test_unknown_category_gets_a_generic_record() -> None:
    f = finding("my-extra-category")
    (f,) = explain([f], Guidance.load())
    assert f.action == "Ask the research office whether it matters for this project."
    assert f.contacts[0].startswith("Your institution's research office") and f.links


def test_declarations_get_declaration_guidance_naming_the_category() -> None:
    g = Guidance.load()
    f = finding("defence", kind="declaration", answer="No")
    (f,) = explain([f], g)
    assert f.action == g.records[DECLARATION].action
    assert f.why.startswith(g.records["defence"].label)


def test_listed_organisation_names_the_list_and_snapshot() -> None:
    f = finding(
        "organisation",
        text="NUDT",
        name="National University of Defense Technology",
        lists=[ListMatch("us-el", "US Entity List", "2025-06-30", "NUDT entry", 0.97)],
    )
    (f,) = explain([f], Guidance.load())
    assert "US Entity List" in f.why and "2025-06-30" in f.why and "NUDT entry" in f.why
    assert "National University of Defense Technology" in f.action


def test_country_without_risk_data_is_a_partner_country_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(countries, "country_risk", lambda code: None)
    fr, cn = finding("country", country_code="FR"), finding("country", country_code="CN")
    fr, cn = explain([fr, cn], Guidance.load())
    assert fr.why == f"Partner country: France. {Guidance.load().records['country'].why}"
    assert fr.action == Guidance.load().records["country"].action
    assert cn.why.startswith("Partner country: China.") and "National Intelligence Law" in cn.why


def test_country_risk_regimes_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def country_risk(code: str) -> dict | None:
        if code == "RU":
            return {"name": "Russia", "regimes": ["Russia"], "arms_embargo": True, "notes": "Extra note."}
        if code == "QQ":  # a code the country table does not hold: no notes to fall back on
            return {"name": "Testland", "regimes": [], "arms_embargo": True, "notes": ""}
        return None

    monkeypatch.setattr(countries, "country_risk", country_risk)
    ru, am, fr = (finding("country", country_code=c) for c in ("RU", "QQ", "FR"))
    ru, am, fr = explain([ru, am, fr], Guidance.load())
    assert ru.why == "Russia: UK sanctions regime 'Russia'; UK arms embargo. Extra note."
    assert "UK Sanctions List" in ru.action and "for Russia" in ru.action
    assert am.why == "Testland: UK arms embargo."
    assert fr.why.startswith("Partner country: France.")


def test_shipped_country_risk_is_used() -> None:
    risk = countries.country_risk("IR")
    assert risk and risk["regimes"]
    f = finding("country", country_code="IR")
    (f,) = explain([f], Guidance.load())
    assert all(f"'{r}'" in f.why for r in risk["regimes"])


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "guidance.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_overrides_by_subcategory_and_rule_id(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8").replace(
        "\noverrides:\n",
        '\noverrides:\n  quantum/sensing:\n    action: "Sensing action."\n'
        '  qkd-rule:\n    category: quantum\n    action: "QKD action."\n    links: [atas]\n',
    )
    g = Guidance.load(_write(tmp_path, text))
    sub = finding("quantum", subcategory="quantum/sensing")
    rule = finding("quantum", subcategory="quantum/sensing", rule_id="qkd-rule")
    plain = finding("quantum")
    sub, rule, plain = explain([sub, rule, plain], g)
    assert sub.action == "Sensing action." and sub.why == g.records["quantum"].why
    assert rule.action == "QKD action." and rule.links[0]["url"].startswith("https://www.academic-technology")
    assert plain.action == g.records["quantum"].action


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            '    label: "Quantum technology"\n',
            '    label: "Quantum technology"\n    wy: typo\n',
            "wy: typo",
            "unknown key 'wy'",
        ),
        (
            "    contacts: [ro, ecju, isu, atas]\n",
            "    contacts: [ro, ecjuu]\n",
            "contacts: [ro, ecjuu]",
            "unknown contact 'ecjuu'",
        ),
        (
            "    links: [ec-lists, nsi-he, atas, ec-acad]\n",
            "    links: [nowhere]\n",
            "links: [nowhere]",
            "unknown link 'nowhere'",
        ),
        (
            "    sources: [ec-lists, eco2008, nsi-he, russia-regs, atas-appendix]\n",
            "    sources: [ec-lists, rumour]\n",
            "sources: [ec-lists, rumour]",
            "unknown source 'rumour'",
        ),
        (
            "    sources: [ec-lists, eco2008, nsi-he, russia-regs, atas-appendix]\n    checked: 2026-12-06\n",
            "    sources: [ec-lists, eco2008, nsi-he, russia-regs, atas-appendix]\n    checked: recently\n",
            "checked: recently",
            "'checked' must be a date",
        ),
    ],
)
def test_invalid_guidance_names_file_and_line(
    tmp_path: Path, old: str, new: str, needle: str, message: str
) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    p = _write(tmp_path, text)
    with pytest.raises(PackError) as e:
        Guidance.load(p)
    assert str(e.value).startswith(f"{p}:{_line_of(text, needle)}:"), str(e.value)
    assert message in str(e.value)


def test_missing_category_is_an_error(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    start = text.index("  clause-liability:\n")
    end = text.index("  clause-security:\n")
    p = _write(tmp_path, text[:start] + text[end:])
    with pytest.raises(PackError, match="categories without guidance: clause-liability"):
        Guidance.load(p)


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    p = _write(tmp_path, "contacts:\n  ro: [unclosed\nlinks: {}\n")
    with pytest.raises(PackError, match=rf"^{re.escape(str(p))}:\d+: YAML syntax"):
        Guidance.load(p)
