"""SARIF 2.1.0: schema-valid, rules carry guidance, results carry locations, fingerprints and suppressions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grantscan.fingerprint import assign_fingerprints
from grantscan.model import DocumentResult, Finding, Location, ScanResult
from grantscan.report import render
from tests.fixtures.report.sample import build_result

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCHEMA = SHARED / "data" / "schemas" / "sarif-schema-2.1.0.json"


def sarif(result: ScanResult) -> dict:
    return json.loads(render(result, "sarif"))


def run_of(result: ScanResult) -> dict:
    return sarif(result)["runs"][0]


@pytest.mark.skipif(not SCHEMA.is_file(), reason="../shared SARIF schema not present")
def test_validates_against_the_official_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (test dependency) not installed")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(sarif(build_result()))
    jsonschema.Draft7Validator(schema).validate(sarif(ScanResult([DocumentResult("a.txt", "ok")])))


def test_driver_and_rules_carry_guidance() -> None:
    log = sarif(build_result())
    assert log["version"] == "2.1.0" and "sarif-schema-2.1.0" in log["$schema"]
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "grantscan" and driver["semanticVersion"] == "9.9.9"
    assert driver["informationUri"].startswith("https://")
    rules = {r["id"]: r for r in driver["rules"]}
    assert len(rules) == len(driver["rules"])
    rule = rules["defence-military-use"]
    assert rule["name"] == "DefenceMilitaryUse"
    assert rule["defaultConfiguration"]["level"] == "error"
    assert rule["properties"]["tags"][0] == "defence" and rule["properties"]["precision"] == "high"
    assert (
        rule["helpUri"] == "https://www.gov.uk/uk-strategic-export-control-lists-the-consolidated-list-of-"
        "strategic-military-and-dual-use-items"
    )
    assert "What to do:" in rule["help"]["text"] and "ECJU" in rule["help"]["text"]
    assert "[UK Strategic Export Control Lists](https://" in rule["help"]["markdown"]
    assert rule["fullDescription"]["text"] and rule["shortDescription"]["text"].startswith("Defence")
    assert rules["decl-military"]["defaultConfiguration"]["level"] == "none"


def test_results_index_rules_and_map_levels() -> None:
    run = run_of(build_result())
    rules = run["tool"]["driver"]["rules"]
    levels = {}
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        levels[res["ruleId"]] = res["level"]
        assert res["message"]["text"]
    assert levels["defence-military-use"] == "error"
    assert levels["country"] == "warning"
    assert levels["ai-general"] == "note"
    assert levels["decl-military"] == "none"
    decl = next(r for r in run["results"] if r["ruleId"] == "decl-military")
    assert decl["kind"] == "informational"
    assert len(run["results"]) == sum(len(d.findings) for d in build_result().documents)


def test_text_file_region_equals_location() -> None:
    run = run_of(build_result())
    res = next(r for r in run["results"] if r["ruleId"] == "quantum-sensing")
    phys = res["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"] == {"uri": "notes/plan.md", "uriBaseId": "%SRCROOT%"}
    assert phys["region"]["startLine"] == 14 and phys["region"]["startColumn"] == 11
    assert phys["region"]["endColumn"] == 11 + len("quantum gravimeter")
    assert phys["region"]["snippet"]["text"] == "quantum gravimeter"
    assert phys["contextRegion"]["snippet"]["text"].startswith("- Build")


def test_pdf_and_docx_locations_are_logical() -> None:
    run = run_of(build_result())
    mil = next(r for r in run["results"] if r["ruleId"] == "defence-military-use")
    loc = mil["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "proposals/drone%20proposal.pdf"
    assert "startLine" not in loc["physicalLocation"].get("region", {})
    assert {"name": "page 3", "kind": "page"} in loc["logicalLocations"]
    assert loc["properties"]["page"] == 3 and loc["properties"]["section"] == "2.1"
    assert mil["relatedLocations"][0]["properties"]["page"] == 7
    law = next(r for r in run["results"] if r["ruleId"] == "clause-law-foreign")
    assert law["locations"][0]["properties"] == {"part": "body", "paragraph": 14, "section": "12"}
    assert {"name": "body paragraph 15", "kind": "paragraph"} in law["locations"][0]["logicalLocations"]


def test_absolute_paths_are_file_uris(tmp_path: Path) -> None:
    path = tmp_path / "a b.txt"
    f = Finding(rule_id="r", category="ai", text="LLM", context="an LLM", location=Location(line=2, column=4))
    run = run_of(ScanResult([DocumentResult(str(path), "ok", findings=[f])]))
    art = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert art == {"uri": path.as_uri()} and "%20" in art["uri"]


def test_fingerprints_use_the_baseline_value_or_a_content_hash() -> None:
    result = build_result()
    assign_fingerprints(result.documents[0], None)
    run = run_of(result)
    mil = next(r for r in run["results"] if r["ruleId"] == "defence-military-use")
    assert mil["partialFingerprints"]["grantscan/v1"] == result.documents[0].findings[0].fingerprint

    # without one set: content-based, so moving the finding to another line keeps it
    def fp(line: int) -> str:
        f = Finding(rule_id="r", category="ai", text="LLM", context="an LLM", location=Location(line=line))
        return run_of(ScanResult([DocumentResult("a.txt", "ok", findings=[f])]))["results"][0][
            "partialFingerprints"
        ]["grantscan/v1"]

    assert fp(3) == fp(40) and len(fp(3)) == 64
    twins = [
        Finding(rule_id="r", category="ai", text="LLM", context="an LLM", location=Location(line=n))
        for n in (1, 9)
    ]
    res = run_of(ScanResult([DocumentResult("a.txt", "ok", findings=twins)]))["results"]
    assert res[0]["partialFingerprints"] != res[1]["partialFingerprints"]


def test_suppressions_and_unreadable_files() -> None:
    run = run_of(build_result())
    llm = next(r for r in run["results"] if r["ruleId"] == "ai-llm")
    assert llm["suppressions"] == [{"kind": "inSource", "justification": "inline: reviewed 2026-01"}]
    ip = next(r for r in run["results"] if r["ruleId"] == "clause-ip-assign")
    assert ip["suppressions"] == [{"kind": "external", "justification": "baseline"}]
    assert "suppressions" not in next(r for r in run["results"] if r["ruleId"] == "country")
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    note = inv["toolExecutionNotifications"][0]
    assert note["level"] == "error" and note["message"]["text"] == "broken.pdf: encrypted: password required"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.pdf"
    ok = run_of(ScanResult([DocumentResult("a.txt", "ok")]))
    assert ok["invocations"] == [{"executionSuccessful": True}] and ok["results"] == []


def test_result_properties_keep_guidance_and_partner_fields() -> None:
    run = run_of(build_result())
    org = next(r for r in run["results"] if r["ruleId"] == "org-list-match")
    props = org["properties"]
    assert props["lists"][0]["list_name"] == "US Entity List" and props["name"].startswith("National")
    assert "US Entity List" in props["why"] and props["links"][0]["url"].startswith("https://")
    assert next(r for r in run["results"] if r["ruleId"] == "country")["properties"]["country_code"] == "CN"
