"""Countries on sentences grantscan was never tuned on: a fixed table of verbatim public sentences.

Each sentence was copied from a public proposal, agreement, programme page or notice that the corpus and the other
tests do not use, and labelled by the country rule of ``corpus/README.md`` ("Countries, applied to every dev row")
before grantscan was run on it: a country counts where the text writes it in a counted role (partner, funder,
collaborator, party, issuer; place of work or events; a nationality), including through a city, state, address or
institution that fixes it; a country word in no counted role (a URL, a language, a time zone, a
licence's name, a species, a reference, a definition) gives none. The source of every row is in the comment above
it (US federal and embassy pages are US government works; the others carry the licence named).
"""

from __future__ import annotations

import pytest

from tests.fixtures.detect import country_reader


@pytest.fixture(scope="module")
def detect():
    return country_reader()


COUNTED = [
    # grantome.com/grant/NSF/IIA-0335922 (NSF award abstract, US government work), read 2026-12-07
    (
        "The collaborators are Professor Yoshitaka Ishii and Michael Trenary at the University of Illinois at "
        "Chicago and Professor Kiyonori Takegoshi at the Kyoto University in Japan.",
        {"US", "JP"},
    ),
    (
        "Professor Kazunari Domen at the Tokyo Institute of Technology and Professor Yoshinori Yamamoto at Tohoku "
        "University in Sendai, Japan will also be involved in the planning.",
        {"JP"},
    ),
    # nsf.gov/pubs/2017/nsf17077 (NSF Dear Colleague Letter, US government work)
    (
        "Supplemental funding to active NSF awards is intended to enable US-based researchers (i.e., PIs and co-PIs, "
        "postdoctoral fellows, and graduate students) to collaborate with Japan-based researchers currently funded "
        "by JST.",
        {"US", "JP"},
    ),
    # www-test.nsf.gov/funding/opportunities/dcl-special-guidelines-submitting-collaborative-proposals-under
    # (NSF/GEO-FAPESP Dear Colleague Letter, US government work)
    (
        "Through a Lead Agency model, GEO and FAPESP will address these issues by allowing U.S. and State of São "
        "Paulo researchers to submit a single collaborative proposal that will undergo a single review process.",
        {"US", "BR"},
    ),
    (
        "The U.S. NSF and FAPESP/Brazil signed a Memorandum of Understanding (MOU) on March 27, 2023.",
        {"US", "BR"},
    ),
    # nsf.gov/pubs/2016/nsf16098 (NSF Dear Colleague Letter, US government work)
    (
        "The CBET-EPSRC Lead Agency Activity will allow US and UK researchers to submit a single collaborative "
        "proposal that will undergo a single review process.",
        {"US", "GB"},
    ),
    # nsf.gov press release 09-073 (web archive of nsf.gov, US government work)
    (
        "Under the arrangement, NSF has been selecting approximately 35 U.S. science and engineering graduate "
        "students annually to spend eight weeks doing research at universities and research laboratories in "
        "Beijing, Shanghai, Xian and Kunming.",
        {"US", "CN"},
    ),
    # nsf.gov/pubs/2020/nsf20578 (NSF-DFG solicitation, US government work)
    (
        "Recognizing the importance of international collaborations in promoting scientific discoveries, the "
        "National Science Foundation (NSF) and the Deutsche Forschungsgemeinschaft (German Research Foundation, "
        "DFG) have signed a Memorandum of Understanding (MoU) on research cooperation.",
        {"DE"},
    ),
    # nsf.gov/pubs/2013/nsf13605 (NSF CNIC solicitation, US government work)
    (
        "The Catalyzing New International Collaborations program supports the participation of US-based researchers "
        "and students in activities intended to catalyze new international research collaborations.",
        {"US"},
    ),
    # U.S. Embassy Vientiane, notice of funding opportunity PD-LAO-2018-002 (US government work)
    ("Activities will only be funded in Lao PDR.", {"LA"}),
    (
        "The Public Affairs Section of the U.S. Embassy in Vientiane reserves the right to award less or more than "
        "the amount of funds described in the absence of worthy applications or under such other circumstances as "
        "they may deem to be in the best interest of the U.S. government.",
        {"US", "LA"},
    ),
    # kz.usembassy.gov/notice-of-funding-opportunity-annual-program-statement (US government work)
    (
        "The U.S. Embassy Nur-Sultan and U.S. Consulate General Almaty Public Affairs Sections (PAS) of the U.S. "
        "Department of State are pleased to announce funding is available through the Embassy’s Public Diplomacy "
        "Grants Program.",
        {"US", "KZ"},
    ),
    # np.usembassy.gov/notice-of-funding-opportunity-nofo-5 (US government work)
    (
        "The Embassy of the United States in Kathmandu announces an open competition for the management of U.S. "
        "Embassy Youth Council (USYC) Program 2024.",
        {"US", "NP"},
    ),
    # jo.usembassy.gov, notice PAS-JOR-FY24-003 (US government work)
    (
        "The U.S. Embassy in Amman announces an open competition for not-for-profit organizations registered in "
        "Jordan and the U.S. to organize the 2024 EducationUSA College Fair in Jordan.",
        {"US", "JO"},
    ),
    (
        "American higher education institutions participating in the fair should represent a diverse geographical "
        "and academic landscape and offer a range of academic programs at the undergraduate, graduate, and doctoral "
        "levels.",
        {"US"},
    ),
    # openwashdata-dev/proposal-eth-ord-scheme@40c3e48, eth-ord-scheme-openwashdata-proposal.md (CC BY 4.0)
    (
        "The Global Health Engineering group at ETH Zurich works at the nexus of WASH research, anti-colonial "
        "development, and as a tool to achieve the latter two, open science.",
        {"CH"},
    ),
    (
        "Second, the data that was generated during Prof. E. Tilley’s 5-year tenure at the University of Malawi, "
        "Blantyre.",
        {"MW"},
    ),
    (
        "Beyond this, we hope to create enough interest in the value of the collected data sets to also engage with "
        "the greater reproducibility communities and R user groups in Switzerland (e.g. Swiss Reproducibility "
        "Network) and internationally (ReproHack, R4DS Community, AfricaR R user group, R-Ladies, Minority R Users, "
        "The Turing Way, etc.).",
        {"CH"},
    ),
    # USDA Forest Service, Field Guide for Managing Russian Olive in the Southwest, TP-R3-16-24 (US government work)
    (
        "This field guide serves as the U.S. Forest Service’s recommendations for management of Russian olive in "
        "forests, woodlands, and rangelands associated with its Southwestern Region.",
        {"US"},
    ),
    # Department of Foreign Affairs and Trade copyright page (CC BY 4.0), as mirrored at zh.45stories.com/copyright
    (
        "The Commonwealth’s preference is that you attribute content from this website using the following wording: "
        "Source: Licensed from the Commonwealth of Australia under a Creative Commons Attribution 4.0 International "
        "Licence.",
        {"AU"},
    ),
    # ccaac.gov.au/copyright-statement (CC BY 3.0 AU)
    (
        "Enquiries regarding the licence and any use of this document are welcome at: CCAAC team Department of The "
        "Treasury Canberra ACT 2600",
        {"AU"},
    ),
    # army.mil/article/238723 (US Army, US government work)
    (
        "ABERDEEN PROVING GROUND, Md. -- The Army leverages regional expertise and facilities to accelerate the "
        "discovery, innovation and transition of science and technology through its strategic partnerships.",
        {"US"},
    ),
    (
        "In 2018, the Army established an S&T partnership office near Boston–ARL Northeast–so it could tap into "
        "regional talent in science and technology.",
        {"US"},
    ),
    (
        "“What this model has shown now are some great successes,” said Dr. David Luzzi, senior vice provost and "
        "vice president of Northeastern University’s Innovation Campus in Burlington, Massachusetts.",
        {"US"},
    ),
    # army.mil/article/194704 (US Army, US government work)
    (
        "ABERDEEN PROVING GROUND, Md. -- The U.S. Army Research Laboratory and the bioeffects division of U.S. Air "
        "Force Research Laboratory met at the Tri-Service Research Laboratory on Joint Base San Antonio - Fort Sam "
        "Houston, Texas, to discuss joint capabilities that better support Army research.",
        {"US"},
    ),
    # armytechnology.armylive.dodlive.mil (US Army blog, US government work)
    (
        "PICATINNY ARSENAL, N.J. — Picatinny Arsenal and the New Jersey Institute of Technology coordinated a visit "
        "here for middle school girls to get them excited about careers in science and technology.",
        {"US"},
    ),
    # recovery.nih.gov/Stories/Featured_Topics_Land_Page.aspx (NIH, US government work): the population of a
    # statistic and a general statement about the country; first labelled as no counted role, relabelled to the
    # shared guideline's labels, which count a country named as the population of a statistic ("affecting ... 10.1
    # million in the UK", "£1bn/year in UK only")
    ("Cancer is the second leading cause of death in the United States after heart disease.", {"US"}),
    (
        "Life expectancy nearly doubled during the 20th century, with a ten-fold increase in the number of Americans "
        "age 65 or older.",
        {"US"},
    ),
    ("The face of aging in the United States is changing dramatically.", {"US"}),
]

NOT_COUNTED = [
    # nsf.gov/funding/opportunities/nsf-dfg-lead-agency-opportunity-chemistry-chemical-process/nsf25-537 (US
    # government work): a country inside a web address
    (
        "A list of participating NSF programs can be found at: "
        "https://www.nsf.gov/od/oise/IntlCollaborations/Germany.jsp."
    ),
    # openwashdata-dev/proposal-eth-ord-scheme@40c3e48 (CC BY 4.0): a body that recommends a repository, and a
    # journal in a reference
    (
        "The GitHub repository that was created for the individual data set is archived and published on Zenodo, a "
        "general-purpose open repository operated by CERN and recommended by the the Swiss National Science "
        "Foundation (SNSF) as a data repository for long-term archiving and for making it citeable [23]."
    ),
    "Broman KW, Woo KH. Data Organization in Spreadsheets. The American Statistician. 2018 Jan;72(1):2–10.",
    # USDA Forest Service, Fire Effects Information System, Elaeagnus angustifolia (US government work): a plant
    # named with a nationality, and its native range
    (
        "The currently accepted name for Russian-olive is Elaeagnus angustifolia L. (Elaeagnaceae) "
        "[46,51,74,87,93,94,98,107,161,194,197,198]."
    ),
    (
        "According to Vines [191] and Weber and Wittman [197], several varieties of Russian-olive are known in "
        "cultivation, and differ primarily in leaf size and shape [191]."
    ),
    "Russian-olive is native to southern Europe and to central and western Asia [114,142].",
    # bo.usembassy.gov/education-culture/grants-corner (US government work): languages and a currency code
    "The applications must be submitted in English.",
    (
        "Anyway, if you feel more comfortable explaining your project in Spanish, you can make a brief summary of it "
        "in your cover letter, in that language."
    ),
    "Project total cost in USD:",
    # np.usembassy.gov/notice-of-funding-opportunity-nofo-5 (US government work): a time zone
    "Deadline for Applications: July 23, 2023, 17:00hrs Nepal Time",
    # grants.nih.gov/grants/guide/pa-files/PAR-03-102.html (NIH, US government work): systems of medicine
    (
        "As used in this solicitation, CAM also includes traditional medicine systems -- e.g., Chinese Medicine, "
        "Native American Medicine, Hawaiian Medicine and Latin American folk systems -- those systems of care that "
        "have evolved apart from the conventional medical approach used in the United States."
    ),
    # ccaac.gov.au/copyright-statement (CC BY 3.0 AU): a licence named after a country
    (
        "With the exception of the Commonwealth Coat of Arms, material that has been quoted from other sources and "
        "is identified by the use of quotation marks ” “, or other material explicitly identified as being exempt, "
        "material presented in this blog is provided under a Creative Commons Attribution 3.0 Australia licence."
    ),
    (
        "By submitting a comment to this website you agree to make it available to the rest of the world under the "
        "same Creative Commons Attribution 3.0 Australia licence as above."
    ),
    # cgc.gov.au copyright notice (CC BY 3.0)
    (
        "The details of the relevant licence conditions are available on the Creative Commons Australia website, as "
        "is the full legal code for the CC BY 3 licence."
    ),
]

# Rows grantscan still reads wrongly, by position in their table: kept as strict expected failures, so a row that
# starts to pass must leave this list (and one that breaks fails the run).
COUNTED_STILL_WRONG: dict[int, str] = {}
NOT_COUNTED_STILL_WRONG: dict[int, str] = {
    1: "a body named with its nationality that only recommends a repository",
    2: "a journal named with a nationality in a reference",
    10: "systems of medicine named by nationality",
}


def _rows(table, wrong):
    for i, row in enumerate(table):
        marks = [pytest.mark.xfail(strict=True, reason=wrong[i])] if i in wrong else []
        yield pytest.param(row, marks=marks, id=f"{i}")


@pytest.mark.parametrize("row", list(_rows(COUNTED, COUNTED_STILL_WRONG)))
def test_counted_countries_on_fresh_sentences(detect, row):
    text, codes = row
    assert detect(text) == codes


@pytest.mark.parametrize("text", list(_rows(NOT_COUNTED, NOT_COUNTED_STILL_WRONG)))
def test_country_words_in_no_counted_role_on_fresh_sentences(detect, text):
    assert detect(text) == set()


def test_the_table_holds_both_sides_and_no_sentence_twice():
    assert len(COUNTED) >= 15 and len(NOT_COUNTED) >= 14
    assert len({t for t, _ in COUNTED} | set(NOT_COUNTED)) == len(COUNTED) + len(NOT_COUNTED)
