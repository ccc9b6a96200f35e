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


def test_pdf_and_docx_locations_are_logical_with_a_line_for_github() -> None:
    run = run_of(build_result())
    mil = next(r for r in run["results"] if r["ruleId"] == "defence-military-use")
    loc = mil["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "proposals/drone%20proposal.pdf"
    # GitHub code scanning needs a start line: a PDF's is its page
    assert loc["physicalLocation"]["region"] == {"startLine": 3, "snippet": {"text": "military use"}}
    assert {"name": "page 3", "kind": "page"} in loc["logicalLocations"]
    assert loc["properties"]["page"] == 3 and loc["properties"]["section"] == "2.1"
    assert mil["relatedLocations"][0]["properties"]["page"] == 7
    assert mil["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 7}
    law = next(r for r in run["results"] if r["ruleId"] == "clause-law-foreign")
    # a DOCX paragraph's line is its 1-based number in its part, the same number every report shows
    assert law["locations"][0]["physicalLocation"]["region"]["startLine"] == 15
    assert law["locations"][0]["properties"] == {"part": "body", "paragraph": 15, "section": "12"}
    assert {"name": "body paragraph 15", "kind": "paragraph"} in law["locations"][0]["logicalLocations"]
    ip = next(r for r in run["results"] if r["ruleId"] == "clause-ip-assign")
    assert ip["locations"][0]["physicalLocation"]["region"]["startLine"] == 1  # footnote paragraph 1


def test_every_result_has_a_start_line_and_rules_a_security_severity() -> None:
    run = run_of(build_result())
    lines = [
        loc["physicalLocation"]["region"]["startLine"]
        for r in run["results"]
        for loc in r["locations"] + r.get("relatedLocations", [])
    ]
    assert lines and all(isinstance(n, int) and n >= 1 for n in lines)
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    severity = {rid: r["properties"]["security-severity"] for rid, r in rules.items()}
    assert severity["defence-military-use"] == "8.0"  # high
    assert severity["clause-law-foreign"] == "5.5" and severity["quantum-sensing"] == "5.5"  # medium
    assert severity["ai-general"] == "2.0" and severity["decl-military"] == "0.0"  # low, declaration
    assert all("security" in r["properties"]["tags"] for r in rules.values())
    # a rule whose readable name would only repeat its id leaves the name out (SARIF1001)
    assert "name" not in rules["country"] and rules["defence-military-use"]["name"] == "DefenceMilitaryUse"


def _multitool() -> str | None:
    """Microsoft's SARIF Multitool: $SARIF_MULTITOOL, Sarif.Multitool on PATH, or the native binary behind
    the npm package's sarif-multitool command (whose wrapper runs through a shell that splits 'Sarif;Gh')."""
    import os
    import shutil
    import sys

    if os.environ.get("SARIF_MULTITOOL"):
        return os.environ["SARIF_MULTITOOL"]
    native = shutil.which("Sarif.Multitool")
    if native:
        return native
    wrapper = shutil.which("sarif-multitool")
    if wrapper:
        package = Path(os.path.realpath(wrapper)).parent
        candidate = package.parent / f"sarif-multitool-{sys.platform}" / "Sarif.Multitool"
        if candidate.is_file():
            return str(candidate)
    return None


def test_github_ingestion_rules_of_the_sarif_multitool(tmp_path: Path) -> None:
    """GitHub reads SARIF more strictly than its JSON schema: Microsoft's Multitool checks both the SARIF
    rules and GitHub's ("Sarif;Gh"); a real scan of every sample document passes with no error or warning."""
    import subprocess

    from grantscan.config import Config
    from grantscan.runner import scan_path
    from tests.conftest import SAMPLES

    tool = _multitool()
    if tool is None:
        pytest.skip("SARIF Multitool not installed (npm install -g @microsoft/sarif-multitool)")
    log = tmp_path / "scan.sarif"
    log.write_text(render(scan_path(SAMPLES, Config(cache=False)), "sarif"), encoding="utf-8")
    out = tmp_path / "validation.sarif"
    proc = subprocess.run(
        [tool, "validate", "--rule-kind", "Sarif;Gh", "--output", str(out), str(log)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert out.is_file(), proc.stdout[-2000:] + proc.stderr[-2000:]
    problems = [
        f"{r['ruleId']}: {r['message'].get('text', r['message'].get('id', ''))[:200]}"
        for r in json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]
    ]
    assert problems == []


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


def test_document_warnings_are_execution_notifications() -> None:
    result = build_result()
    result.documents[2].warnings = ["written in French (fr, confidence 0.99): the rules cover English only"]
    inv = run_of(result)["invocations"][0]
    notes = {n["level"]: n for n in inv["toolExecutionNotifications"]}
    assert notes["warning"]["message"]["text"] == "notes/plan.md: " + result.documents[2].warnings[0]
    assert notes["warning"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notes/plan.md"
    assert notes["error"]["message"]["text"] == "broken.pdf: encrypted: password required"
