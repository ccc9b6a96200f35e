"""Organisation detection: name patterns, the built-in list, list matches, and the optional NER model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from grantscan.config import Config
from grantscan.detect.partners import PartnerDetector, load_org_rules
from grantscan.model import Location, TextBlock


def _nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def orgs(det: PartnerDetector, nlp, text: str):  # noqa: ANN001
    block = TextBlock(text, Location(line=1, column=1))
    return [f for f in det.find(nlp(text), block, 0) if f.category == "organisation"]


@pytest.fixture(scope="module")
def plain():
    nlp = _nlp()
    return PartnerDetector(nlp, Config()), nlp


@pytest.mark.parametrize(
    "text,name,kind",
    [
        ("Co-investigators are at the University of Tehran.", "University of Tehran", "university"),
        ("We partner with Moscow State University on plasma work.", "Moscow State University", "university"),
        ("Samples come from Acme Widgets Ltd in Leeds.", "Acme Widgets Ltd", "company"),
        (
            "Funding from Shenzhen Example Technology Co., Ltd. is expected.",
            "Shenzhen Example Technology Co., Ltd.",
            "company",
        ),
        (
            "A visit to the Max Planck Institute for Quantum Optics.",
            "Max Planck Institute for Quantum Optics",
            "institute",
        ),
        (
            "Support from the Ministry of Education of Georgia.",
            "Ministry of Education of Georgia",
            "government",
        ),
    ],
)
def test_name_patterns(plain, text, name, kind):
    det, nlp = plain
    found = {(f.name, f.subcategory) for f in orgs(det, nlp, text)}
    assert (name, kind) in found


def test_built_in_list_with_alias_and_country(plain):
    det, nlp = plain
    [f] = orgs(det, nlp, "A visiting scholar from NUDT will join.")
    # the built-in body resolves the acronym; the shipped designations list it
    assert (f.rule_id, f.name, f.country_code, f.severity) == (
        "org-list-match",
        "National University of Defense Technology",
        "CN",
        "high",
    )
    assert "bis-entity-list" in {m.list_id for m in f.lists}
    assert all(m.status == "designated" and m.entry_id and m.snapshot for m in f.lists)
    text = "Collaboration with Beihang University is planned."
    assert any(
        f.category == "country" and f.country_code == "CN" and f.subcategory == "institution"
        for f in det.find(nlp(text), TextBlock(text, Location(line=1)), 0)
    )


def test_funders_do_not_fix_a_country(plain):
    det, nlp = plain
    text = "This studentship is funded by EPSRC and DARPA."
    found = det.find(nlp(text), TextBlock(text, Location(line=1)), 0)
    assert {f.name for f in found if f.category == "organisation"} >= {
        "Engineering and Physical Sciences Research Council",
        "Defense Advanced Research Projects Agency",
    }
    assert not [f for f in found if f.category == "country"]


def test_host_institution_is_not_a_partner(plain):
    det, nlp = plain
    text = "The student will be based at University College London."
    assert orgs(det, nlp, text)  # nobody's host by default
    own = PartnerDetector(nlp, Config(host_institutions=["University College London"]))
    assert orgs(own, nlp, text) == []


def test_list_match_from_configured_folder(tmp_path):
    (tmp_path / "l.json").write_text(
        json.dumps(
            {
                "list_id": "demo",
                "entities": [{"name": "Harbin Example University", "aliases": [], "country": "China"}],
            }
        ),
        encoding="utf-8",
    )
    nlp = _nlp()
    det = PartnerDetector(nlp, Config(lists_dir=tmp_path))
    [f] = orgs(det, nlp, "Partners at Harbin Example University will host the student.")
    assert f.rule_id == "org-list-match" and f.severity == "high"
    assert [(m.list_id, m.entry, m.score, m.country) for m in f.lists] == [
        ("demo", "Harbin Example University", 1.0, "CN")
    ]


def test_org_pack_validation(tmp_path):
    from grantscan.knowledge.loader import PackError

    p = tmp_path / "organisations.yaml"
    p.write_text("heads: {}\norganisations:\n  - {name: X, kind: bakery}\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"organisations.yaml:3: unknown kind 'bakery'"):
        load_org_rules(p)


def test_statistical_ner_model_adds_candidates(tmp_path):
    model_nlp = spacy.blank("en")
    ruler = model_nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Zorblax"}])
    path = tmp_path / "tiny_model"
    model_nlp.to_disk(path)
    nlp = _nlp()
    det = PartnerDetector(nlp, Config(model=str(path)))
    assert [(f.text, f.subcategory) for f in orgs(det, nlp, "We work with Zorblax on sensors.")] == [
        ("Zorblax", "ner")
    ]


def test_missing_model_is_a_clear_error():
    with pytest.raises(ValueError, match="not installed"):
        PartnerDetector(_nlp(), Config(model="xx_no_such_model_sm"))


def test_known_org_names_resolve(plain):
    det, _ = plain
    names = {o.name for o in det.orgs.known}
    assert {
        "Beihang University",
        "Harbin Engineering University",
        "Nanjing University of Science and Technology",
        "Northwestern Polytechnical University",
        "Beijing Institute of Technology",
        "Harbin Institute of Technology",
        "Nanjing University of Aeronautics and Astronautics",
    } <= names
    assert Path(__file__).exists()


def test_same_name_in_another_country_is_not_a_match(tmp_path):
    (tmp_path / "l.json").write_text(
        json.dumps(
            {
                "list_id": "demo",
                "entities": [{"name": "Northeastern Example University", "aliases": [], "country": "China"}],
            }
        ),
        encoding="utf-8",
    )
    nlp = _nlp()
    det = PartnerDetector(nlp, Config(lists_dir=tmp_path))
    [f] = orgs(det, nlp, "We work with Northeastern Example University (US) on batteries.")
    assert f.lists == [] and f.rule_id == "org-university"
    assert any("listed in CN, this one in US" in r for r in f.reasons)
    [g] = orgs(det, nlp, "We work with Northeastern Example University in Shenyang.")
    assert [m.country for m in g.lists] == ["CN"]


def test_abbreviated_and_joined_names(plain, tmp_path):
    (tmp_path / "l.json").write_text(
        json.dumps(
            {
                "list_id": "demo",
                "entities": [{"name": "Example Univ. of Technology", "aliases": [], "country": "Iran"}],
            }
        ),
        encoding="utf-8",
    )
    nlp = _nlp()
    listed = PartnerDetector(nlp, Config(lists_dir=tmp_path))
    [f] = orgs(listed, nlp, "The PI is at Example University of Technology.")
    assert (f.name, f.lists[0].entry) == ("Example Univ. of Technology", "Example Univ. of Technology")
    [g] = orgs(listed, nlp, "The PI is at Example Univ. of Technology.")
    assert g.text == "Example Univ. of Technology" and g.lists
    det, nlp = plain
    names = {
        f.name for f in orgs(det, nlp, "Partners: Beihang University and Harbin Engineering University.")
    }
    assert names == {"Beihang University", "Harbin Engineering University"}


def test_tracker_category_sets_severity(tmp_path):
    (tmp_path / "g.json").write_text(
        json.dumps(
            {
                "type": "tracker",
                "name": "Tracker",
                "values": [
                    {"value": "Example Civil University", "meta": {"categories": ["Civilian"]}},
                    {"value": "Example Military University", "meta": {"categories": ["Military"]}},
                ],
            }
        ),
        encoding="utf-8",
    )
    nlp = _nlp()
    det = PartnerDetector(nlp, Config(lists_dir=tmp_path))
    sev = {
        f.name: f.severity
        for f in orgs(det, nlp, "Example Civil University and Example Military University.")
    }
    assert sev == {"Example Civil University": "medium", "Example Military University": "high"}


def test_names_do_not_run_across_line_breaks(plain):
    det, nlp = plain
    text = "2. Consortium\nThe University of Northshire leads the work.\nPartners\nAcme Widgets Ltd supplies parts."
    # the pipeline tokenises block text with line breaks turned into spaces
    sdoc = nlp(text.replace("\n", " "))
    found = [f for f in det.find(sdoc, TextBlock(text, Location(page=1)), 0) if f.category == "organisation"]
    assert {f.text for f in found} == {"University of Northshire", "Acme Widgets Ltd"}


def test_name_wrapped_at_a_connector_stays_whole(plain):
    det, nlp = plain
    text = "Work is led by the University of\nNorthshire with a partner."
    sdoc = nlp(text.replace("\n", " "))
    [f] = [f for f in det.find(sdoc, TextBlock(text, Location(page=1)), 0) if f.category == "organisation"]
    assert f.text == "University of Northshire"


def test_organisations_found_far_apart_in_a_long_block(plain):
    det, nlp = plain
    filler = "the results will be shared openly with all partners and reviewed each quarter. " * 300
    text = f"Lead: Example University of Leeds. {filler}Partner: Tsinghua University. {filler}Supplier: Acme Ltd."
    names = {f.name for f in orgs(det, nlp, text)}
    assert names == {"Example University of Leeds", "Tsinghua University", "Acme Ltd."}
