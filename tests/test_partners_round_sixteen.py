"""A listed city field that names a district of a city ('Kowloon', 'Sheung Wan', 'Pudong New Area', 'Haidian
Dist'): a text that places the body in the city itself, or names the district, places it as listed; the same
names in a UK or European town, or a Hong Kong district's body in Macau, do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from grantscan.detect.partners.verdict import _city_country, _city_named, _district_city
from grantscan.knowledge.districts import districts, load_districts
from grantscan.knowledge.loader import PackError
from grantscan.pipeline import Scanner

from .test_partners_forms import designated, high, orgs


@pytest.mark.parametrize(
    "text,entry_id",
    [
        # listed under China with the city field 'Kowloon': placed by Hong Kong, written several ways
        ("Wafers are bought from Technopole Ltd. (Hong Kong) for the pilot line.", "EL-1095"),
        ("Our distributor is Giovan Ltd., Hong Kong.", "EL-0556"),
        ("The ASICs come from C&I Semiconductor (Hong Kong).", "EL-0325"),
        # the district named with its city
        ("Parts come from Technopole Ltd. (Kowloon, Hong Kong).", "EL-1095"),
        # a city field of the district and its city ('Kowloon Hong Kong')
        ("Parts come from Poly Asia Pacific Ltd. in Hong Kong.", "EL-0845"),
        # mainland districts: the city named ('Haidian' -> Beijing, 'Pudong New Area' -> Shanghai)
        ("Radios are made by Telixin Electronics Technology Co., Ltd. (Beijing).", "EL-1097"),
        ("Chips come from Kindroid in Shanghai, China.", "EL-0720"),
    ],
)
def test_found(scanner: Scanner, text: str, entry_id: str) -> None:
    assert entry_id in designated(orgs(scanner, text))


@pytest.mark.parametrize(
    "text",
    [
        # the same written names in a UK or European town
        "Wafers are bought from Technopole Ltd. in Leeds for the pilot line.",
        "Our distributor is Giovan Ltd., Sheffield.",
        "The ASICs come from C&I Semiconductor Ltd in Ghent.",
        "Samples go to Tenfine Ltd. in Bristol.",
        # a Hong Kong district's body placed in Macau, another city the Entity List files under China
        "Our distributor is Giovan Ltd., Macau.",
        "Wafers are bought from Technopole Ltd. (Macau) for the pilot line.",
    ],
)
def test_look_alike_not_flaggedhigh(scanner: Scanner, text: str) -> None:
    assert not high(scanner, text)


@pytest.mark.parametrize(
    "field,city",
    [
        ("Kowloon", "Hong Kong"),
        ("Kowloon Hong Kong", "Hong Kong"),
        ("Sheung Wan", "Hong Kong"),
        ("Pudong New Area", "Shanghai"),
        ("Lingang New Area", "Shanghai"),
        ("Lingang Innovation Zone", "Shanghai"),
        ("Haidian Dist", "Beijing"),
        ("Buji Longgang", "Shenzhen"),
        ("Nanshan", "Shenzhen"),
        ("Blue Area Islamabad", "Islamabad"),
    ],
)
def test_district_fields_name_their_city(field: str, city: str) -> None:
    assert _district_city(field) == city


@pytest.mark.parametrize("field", ["Shanghai", "Hong Kong", "Volgograd Oblast", "Chaoyang", "Nan", None])
def test_other_fields_name_no_district(field: str | None) -> None:
    assert _district_city(field) is None


def test_hong_kong_district_reads_as_hong_kong() -> None:
    assert _city_country("Kowloon") == {"HK"}
    assert _city_country("Pudong New Area") == frozenset()  # a mainland city is placed by the entry's country


def test_city_or_district_named_in_the_sentence() -> None:
    assert _city_named("Pudong New Area", "Lasers come from the plant in Shanghai.")
    assert _city_named("Pudong New Area", "Lasers come from the plant in Pudong.")
    assert _city_named("Nanshan", "Boards are made in Shenzhen.")
    # another city of the same country, or the city's word in lower case, is not the listed district
    assert not _city_named("Pudong New Area", "Lasers come from the plant in Hangzhou.")
    assert not _city_named("Nanshan", "Boards are made in Guangzhou.")
    assert not _city_named("Kowloon", "Boards are made in Macau.")


def test_table_has_its_source_and_date() -> None:
    assert districts()["Kowloon"] == "Hong Kong"


def test_bad_table_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "districts.yaml"
    p.write_text(
        "source: x\nchecked: 2026-12-07\ndistricts:\n  - {district: Kowloon, city: Hong Kong}\n"
        "  - {district: Kowloon, city: Shenzhen}\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=r"districts.yaml:5: district 'Kowloon' listed twice"):
        load_districts(p)
    p.write_text("districts:\n  - {district: Kowloon, city: Hong Kong}\n", encoding="utf-8")
    with pytest.raises(PackError, match="missing required key 'checked'"):
        load_districts(p)
