"""The corrected Trusted Research facts, as behaviour of the knowledge functions (December 2026 check)."""

from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import sys

import pytest

from grantscan.detect.firs import FirsDetector
from grantscan.explain import explain
from grantscan.knowledge import countries
from grantscan.knowledge.atas import atas_note, is_exempt, subjects_for
from grantscan.knowledge.control_map import candidates
from grantscan.knowledge.guidance import Guidance
from grantscan.model import Finding, Location

# -- countries, embargoes, regions --------------------------------------------------------------------------


def test_armenia_and_azerbaijan_have_no_embargo_since_october_2025() -> None:
    for code in ("AM", "AZ"):
        c = countries.country_facts(code)
        assert c is not None and c.embargo is None and not c.regimes, code
        assert not countries.is_restricted(code), code
        assert "13 October 2025" in c.notes
        assert countries.country_risk(code) is None
    osce = countries.table().embargoes["osce-nagorno-karabakh"]
    assert osce.lifted == dt.date(2025, 10, 13) and not osce.reaches_state


def test_ukraine_is_not_sanctioned_but_crimea_and_occupied_regions_are() -> None:
    ua = countries.country_facts("UA")
    assert ua is not None and ua.regimes == () and ua.embargo is None
    assert not countries.is_restricted("UA") and countries.country_risk("UA") is None
    for name in ("Crimea", "crimea", "Sevastopol", "Donetsk", "Lugansk", "Kherson", "Zaporizhzhia"):
        r = countries.region_facts(name)
        assert r is not None and r.country == "UA", name
        assert [g.name for g in r.regimes] == ["Russia"], name
    assert countries.region_facts("Kyiv") is None


def test_hong_kong_carries_the_china_arms_embargo() -> None:
    hk, cn = countries.country_facts("HK"), countries.country_facts("CN")
    assert hk is not None and cn is not None
    assert hk.embargo is cn.embargo and hk.embargo.id == "china-1989" and hk.embargo.reaches_state
    assert "2020" in hk.notes and countries.is_restricted("HK")
    assert countries.country_risk("HK") == {
        "code": "HK",
        "name": "Hong Kong",
        "regimes": [],
        "arms_embargo": True,
        "notes": hk.notes,
    }


def test_iran_has_firs_enhanced_tier_and_the_reinstated_un_embargo() -> None:
    ir = countries.country_facts("IR")
    assert ir is not None and ir.firs_tier == "enhanced"
    assert ir.embargo is not None and "UN" in ir.embargo.imposed_by and ir.embargo.reaches_state
    assert ir.embargo.since.startswith("2025-09")
    assert {r.id for r in ir.regimes} == {"iran", "iran-nuclear"}
    assert countries.country_facts("RU").firs_tier == "enhanced"  # type: ignore[union-attr]
    assert countries.country_facts("CN").firs_tier is None  # type: ignore[union-attr]


def test_un_embargoes_on_governments_lifted_reach_only_armed_groups() -> None:
    for code in ("CF", "SO"):
        c = countries.country_facts(code)
        assert c is not None and c.embargo is not None and c.embargo.scope == "non-state", code
        assert not c.embargo.reaches_state
        risk = countries.country_risk(code)
        assert risk is not None and risk["arms_embargo"] is False and risk["regimes"], code


def test_moldova_has_no_uk_regime_and_zimbabwe_no_designations() -> None:
    md = countries.country_facts("MD")
    assert md is not None and not md.regimes and not countries.is_restricted("MD")
    zw = countries.country_facts("ZW")
    assert zw is not None and "May 2025" in zw.regimes[0].designations


def test_syria_is_modelled_as_partly_lifted() -> None:
    sy = countries.country_facts("SY")
    assert sy is not None and "2025/507" in sy.regimes[0].instrument
    assert "partly lifted" in sy.notes


def test_country_risk_adapter_keeps_its_shape() -> None:
    ru = countries.country_risk("ru")
    assert ru is not None and set(ru) == {"code", "name", "regimes", "arms_embargo", "notes"}
    assert ru["regimes"] == ["Russia"] and ru["arms_embargo"] is True
    assert countries.country_risk("FR") is None and countries.country_risk("") is None


def test_stale_after_twelve_months() -> None:
    snap = countries.snapshot()
    assert not countries.stale(snap + dt.timedelta(days=365))
    assert countries.stale(snap + dt.timedelta(days=366))


def test_restriction_summary_names_regime_and_embargo() -> None:
    assert (
        countries.restriction_summary("IR") == "UK sanctions: Iran, Iran (nuclear); full arms embargo (UN/UK)"
    )
    assert countries.restriction_summary("CN") == "partial arms embargo (UK)"
    assert countries.restriction_summary("UA") is None


def test_guidance_names_corrected_facts() -> None:
    g = Guidance.load()

    def why(code: str) -> str:
        f = Finding("country", "country", code, code, Location(line=1), country_code=code)
        (f,) = explain([f], g)
        return f.why

    assert "arms embargo" not in why("AM").split(". ")[0] and "lifted" in why("AM")
    assert "occupied regions" in why("UA") and "sanctions regime" not in why("UA")
    assert why("HK").startswith("Hong Kong: UK arms embargo.")
    country = g.records["country"]
    assert not any(
        "ATAS" in s for s in country.steps
    )  # ATAS comes from atas_note, only for non-exempt partners


def test_knowledge_modules_import_without_spacy_or_pycountry() -> None:
    code = (
        "import sys\n"
        "import grantscan.knowledge.countries, grantscan.knowledge.atas, grantscan.knowledge.control_map\n"
        "import grantscan.detect.firs\n"
        "grantscan.knowledge.countries.country_facts('IR')\n"
        "bad = [m for m in ('spacy', 'pycountry') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    importlib.import_module("grantscan.knowledge.countries")


# -- FIRS -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def firs() -> FirsDetector:
    return FirsDetector()


@pytest.mark.parametrize(
    ("text", "country", "cue"),
    [
        ("The Iranian Ministry of Science will direct the dissemination of results.", "IR", "direct"),
        ("Fieldwork is funded by the Russian Ministry of Defence.", "RU", "funded"),
        ("The Ministry of Defence of the Russian Federation sponsors a PhD student.", "RU", "sponsors"),
        ("The IRGC commissioned the drone study.", "IR", "commissioned"),
        ("Workshops are organised at the request of the Government of Iran.", "IR", "at the request of"),
    ],
)
def test_firs_hit_for_a_state_body_that_funds_or_directs(
    firs: FirsDetector, text: str, country: str, cue: str
) -> None:
    hits = firs.find("Background sentence. " + text)
    assert len(hits) == 1
    h = hits[0]
    assert (h.country, h.cue, h.tier) == (country, cue, "enhanced")
    assert ("Background sentence. " + text)[h.start : h.end] == text


def test_firs_entity_is_named(firs: FirsDetector) -> None:
    (h,) = firs.find("The Iranian Ministry of Science will direct the dissemination of results.")
    assert h.entity == "Iranian Ministry of Science"
    (h,) = firs.find("The IRGC funds the lab.")
    assert h.entity == "Islamic Revolutionary Guard Corps"


@pytest.mark.parametrize(
    "text",
    [
        "We receive no funding from the Iranian government.",
        "The project is not funded by the Ministry of Defence of the Russian Federation.",
        "The Iranian Ministry of Science publishes annual statistics.",  # a mention, no direction
        "The Chinese Ministry of Science will fund the workshop.",  # not an enhanced-tier country
        "Data collection will be funded by UKRI; a Russian colleague will attend.",
        "The project, independent of the Russian government, is funded by EPSRC.",
    ],
)
def test_no_firs_hit_for_mentions_denials_or_other_countries(firs: FirsDetector, text: str) -> None:
    assert firs.find(text) == []


def test_firs_is_linear_on_long_adversarial_text(firs: FirsDetector) -> None:
    text = ("Russian " * 20000) + "ministry funds. " + ("of the " * 20000) + "Iran"
    hits = firs.find(text)
    assert [h.country for h in hits] == ["RU"]


def test_firs_guidance_record_states_the_rule() -> None:
    rec = Guidance.load().overrides["firs-enhanced-tier"]
    assert "10 days" in rec.why and "before it is registered" in rec.why
    assert all(link["url"].startswith("https://www.") for link in rec.links)


# -- ATAS -----------------------------------------------------------------------------------------------------


def test_atas_exemptions_from_the_appendix() -> None:
    for code in ("US", "JP", "KR", "NO", "CH", "AU", "IE", "GB"):
        assert is_exempt(code), code
    for code in ("CN", "IN", "RU", "IR", "BR", "HK"):
        assert not is_exempt(code), code


def test_ai_cyber_and_surveillance_map_to_computing_subjects() -> None:
    for cat in ("ai", "cyber", "surveillance"):
        codes = {s.code for s in subjects_for([cat])}
        assert codes & {"CAH11-01-01", "CAH11-01-05"}, cat
    assert subjects_for(["clause-ip"]) == []


def test_atas_note_for_ai_with_a_chinese_partner_and_none_with_a_us_one() -> None:
    note = atas_note(["ai"], ["CN", "US"])
    assert note is not None and note.countries == ("CN",)
    assert "CAH11-01-05 Artificial Intelligence" in note.text and "postgraduate" in note.text
    assert note.link.startswith("https://www.gov.uk/guidance/immigration-rules/")
    assert atas_note(["ai"], ["US"]) is None
    assert atas_note(["ai"], []) is None
    assert atas_note(["clause-ip"], ["CN"]) is None


# -- control-list candidates ----------------------------------------------------------------------------------


def test_thermal_imaging_camera_gets_6a003_with_parameters_read() -> None:
    cands = candidates(
        "sensing",
        "sensing-electro-optical",
        "thermal imaging camera",
        "We will build a cooled thermal imaging camera with a 640x512 focal plane array at 60 Hz.",
    )
    assert cands and cands[0].entry == "6A003" and cands[0].control_list == "UK dual-use"
    why = " ".join(cands[0].why)
    assert "60 Hz" in why and "640x512" in why and "thermal imaging" in why
    assert "worth self-rating" in why and "classification advice" in why
    assert cands[0].confidence == "medium" and cands[0].exemptions and cands[0].source


def test_quantum_computing_gets_pl9014() -> None:
    cands = candidates("quantum", "quantum-computing", "quantum computer", "A 50-qubit quantum computer.")
    assert cands[0].entry == "PL9014" and cands[0].control_list == "UK national"
    assert any("50 qubit" in w for w in cands[0].why)


@pytest.mark.parametrize(
    ("category", "rule", "text", "entry"),
    [
        ("cyber", "cyber-cryptography", "cryptography", "5A002"),
        ("robotics", "robotics-uav", "UAV", "9A012"),
        ("sensing", "sensing-radar-sonar", "synthetic aperture radar", "6A008"),
        ("sensing", "sensing-acoustic-underwater", "side-scan sonar", "6A001"),
        ("bio", "bio-listed-agents", "Francisella tularensis", "1C351"),
        ("chem", "chem-energetic-compounds", "CL-20", "ML8"),
        ("nuclear", "nuclear-fuel-cycle", "gas centrifuge", "0B001"),
        ("materials", "materials-am-alloys", "laser powder bed fusion", "PL9015"),
        ("cyber", "cyber-offensive", "intrusion software", "4D004"),
    ],
)
def test_candidates_cover_the_main_entries(category: str, rule: str, text: str, entry: str) -> None:
    got = [c.entry for c in candidates(category, rule, text, f"The project studies {text}.")]
    assert entry in got, got


def test_candidates_never_claim_control_and_respect_max_n() -> None:
    cands = candidates(
        "cyber", "cyber-cryptography", "cryptography", "A 256-bit AES cryptography chip.", max_n=2
    )
    assert len(cands) == 2
    for c in cands:
        assert c.confidence in ("low", "medium")
        assert not any("is controlled" in w.casefold() for w in c.why)
    assert any("mass-market" in (c.decontrol or "") for c in cands)
    assert candidates("ai", "ai-deep-learning", "deep learning", "We classify cats with deep learning.") == []


def test_intrusion_software_itself_is_not_called_controlled() -> None:
    (c,) = candidates("cyber", "cyber-offensive", "intrusion software", "intrusion software", max_n=1)
    assert c.decontrol and "itself" in c.decontrol and "not controlled" in c.decontrol
