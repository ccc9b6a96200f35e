"""Forms this round's fresh draws and hand-written texts showed: an acronym of one body the UK and US lists both
name (designated, as one body), a listed name of a place and trade words inside a longer name of another kind of
organisation, a Chinese city read as a listed word written with a typo, a legal-form word in another spelling
('Grup'), a city moved into brackets, 'in' and a country after a name, "Nat'l", pinyin syllables written apart,
and a landmark named after an adjective of history."""

from __future__ import annotations

import pytest

from grantscan.pipeline import Scanner

from .test_partners_forms import designated, orgs


@pytest.mark.parametrize(
    "text,entry_id",
    [
        # the Entity List and the State Department's list name the same 'Federal Security Service (FSB)'
        ("We collaborate with FSB on laser optics. The team is based in Russia.", "EL-2054"),
        (
            "Parts come from Hong Kong Electronics Co., Ltd. in Kish.",
            "DPR0139",
        ),  # its legal form: no other kind
        ("Work with Tanyuan Technology Co. Ltd. on optics.", "EL-1094"),
        # a legal-form word in another spelling ('Group' written 'Grup', 'Grooup'): a one-word name's legal form
        ("Letters of support were received from Novax Grooup S.A (Russia), our partner.", "EL-2514"),
        ("Work is carried out jointly with Machine Building Grup Limited Liability in Russia.", "EL-2462"),
        # a one-word name with another legal form, its listed 'Enterprises' written as listed
        ("Under this agreement Dennex Enterprises Corporation shall provide samples.", "EL-0509"),
        # a listed one-word name of twelve letters or more with a letter doubled
        ("Track assemblies are tested by Kurganmashzavood in Kurgan.", "EL-2651"),
        # a listed name of a city and generic words or a number, the city moved into brackets after the rest
        ("Partner 2: Aerospace Science and Technology (Shaanxi). Role: data.", "EL-0889"),
        ("Letters of support were received from 8 Star International (Beijing), our partner.", "EL-0233"),
        # a first word the lists write out, written short with an apostrophe
        ("We work with the Nat'l Iranian Gas Company on pipelines.", "INU0317"),
        # pinyin syllables written apart beside generic words, with no head word to start a name
        ("We exchange researchers with Beijing Lei Ke Defense Technology during the year.", "EL-0271"),
        # a listed one-word name of twelve letters or more once its legal form is dropped, written alone
        ("The account is held at Promsviazbank in Russia.", "RUS0237"),
        # a bracketed city mid-name before other words, where the whole is a listed name as written
        ("We work with Piotech Chuangyi (Shenyang) Semiconductor Equipment Co., Ltd. on it.", "EL-0840"),
        # 'in' and a country after a name is a place, not the 'of' of a listed 'Bank of Russia'
        ("Samples come from Tochka Bank in Russia.", "RUS3405"),
        ("We work with Silk Road Trading Company Ltd. in China.", "EL-1026"),
        # a listed name with a city in brackets before its last trade words, written as listed
        ("We will collaborate with Zhongke Xinliang (Beijing) Technology Co., Ltd. on sensors.", "EL-1241"),
    ],
)
def test_found(scanner: Scanner, text: str, entry_id: str) -> None:
    assert entry_id in designated(orgs(scanner, text))


@pytest.mark.parametrize(
    "text",
    [
        "Market data come from the Hong Kong Electronic Industries Association.",
        "Work with Semiconductor Technology (Taiyuan) Company Limited, which provides optics.",  # not 'Tanyuan'
        "We will collaborate with Walker Optics (Beijing) Technology Co., Ltd. in Leeds on sensors.",
        "Partner 2: Aerospace Science and Technology (Shanghai). Role: data.",  # another city
        "The project studies trade routes of the historical Silk Road.",  # a landmark, not the listed alias
        "Dr Lei Ke of the University of Leeds will lead the work package.",  # a person
        "We met Kalashnikow at the fair.",  # eleven letters: a surname as much as a name
    ],
)
def test_look_alike_not_flagged_high(scanner: Scanner, text: str) -> None:
    assert designated(orgs(scanner, text)) == set()
