"""Document type: proposal, agreement, form or other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from grantscan.detect import doctype
from grantscan.detect.doctype import DOCUMENT_TYPES, classify, load_cues, scores
from grantscan.knowledge.loader import PackError
from grantscan.knowledge.resources import patterns_dir
from grantscan.model import Document, Location, TextBlock

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")


def doc(*paras: str) -> Document:
    return Document("x.txt", "text", [TextBlock(p, Location(line=i + 1)) for i, p in enumerate(paras)])


MOU = doc(
    "Memorandum of Understanding between the University of Exampleton and Example Institute",
    "WHEREAS the Parties wish to cooperate in research and teaching;",
    "NOW, THEREFORE, the Parties agree as follows:",
    "1. Scope. This Memorandum sets out the framework of cooperation between the Parties.",
    "2. Term. This Memorandum shall remain in force for five years.",
    "IN WITNESS WHEREOF the Parties have signed this Memorandum.",
)
NDA = doc(
    "Mutual Non-Disclosure Agreement",
    "This Agreement is entered into by the Disclosing Party and the Receiving Party.",
    "The Receiving Party shall hold Confidential Information in confidence.",
    "This Agreement shall be governed by English law.",
)
PROPOSAL = doc(
    "Case for Support: Resilient Quantum Timing for Critical Infrastructure",
    "Objectives. O1 develop a portable optical clock; O2 validate it in the field.",
    "Methodology. Work package 1 builds the laser system; WP2 tests it. The Principal "
    "Investigator leads WP1 and the Co-Investigator leads WP2.",
    "Deliverables and milestones are listed in the Gantt chart. We will publish our results.",
    "Impact. The state-of-the-art in timing will move beyond the current literature.",
)
FORM = doc(
    "Ethics and Security Self-Assessment Form",
    "1. Does your research involve dual-use items? Yes / No",
    "2. Does it involve personal data? Yes / No",
    "3. Please describe any export licences required (max. 200 words).",
    "Name of applicant: ____  ☐ I confirm the answers are correct.",
)
OTHER = doc(
    "Minutes of the departmental meeting held on 3 May.",
    "Present: five members of staff. The coffee machine will be replaced next week.",
)


@pytest.mark.parametrize(
    "document, expected",
    [
        (MOU, "agreement"),
        (NDA, "agreement"),
        (PROPOSAL, "proposal"),
        (FORM, "form"),
        (OTHER, "other"),
    ],
)
def test_each_type(document: Document, expected: str) -> None:
    assert classify(document) == expected


def test_result_is_one_of_the_types() -> None:
    assert all(classify(d) in DOCUMENT_TYPES for d in (MOU, NDA, PROPOSAL, FORM, OTHER))


def test_proposal_mentioning_an_agreement_stays_a_proposal() -> None:
    text = PROPOSAL.blocks + [
        TextBlock(
            "A consortium agreement will be signed by the partners before the project starts.",
            Location(line=9),
        )
    ]
    assert classify(Document("p.txt", "text", text)) == "proposal"


def test_one_clause_sentence_is_not_a_proposal() -> None:
    assert classify(doc("The University shall not be liable for indirect losses.")) != "proposal"


def test_only_the_head_of_a_huge_document_is_read() -> None:
    filler = [f"Line {i} of the appendix lists equipment serial numbers." for i in range(5000)]
    tail = ["WHEREAS the Parties agree as follows. IN WITNESS WHEREOF this Agreement is made."] * 50
    big = doc(*[b.text for b in OTHER.blocks], *filler, *tail)
    assert scores(big)["words"] <= 12_000  # read up to MAX_CHARS, not the whole file
    assert classify(big) == "other"  # contract words far past the head do not count


@needs_shared
@pytest.mark.parametrize(
    "rel, expected",
    [
        ("real/commonaccord/EU-DESCA-Orig-v01.md", "agreement"),
        ("real/lavidb/data-sharing-agreement.docx", "agreement"),
        ("real/gw-dssd/Insulate-Ukraine-MOU.pdf", "agreement"),
        ("real/opendreamkit/ConsortiumAgreementModel.pdf", "agreement"),
        ("real/opendreamkit/proposal-www.pdf", "proposal"),
        ("real/opendreamkit/concept.tex", "proposal"),
        ("real/opendreamkit/Etoiles_de_lEurope__Dossier_de_candidature_2020.docx", "form"),
    ],
)
def test_real_documents(rel: str, expected: str) -> None:
    from grantscan.extract import extract

    try:
        d = extract(SHARED / "corpus" / rel)
    except ImportError as e:
        pytest.skip(f"no reader for {rel}: {e}")
    assert classify(d) == expected


# --- short drafts: section headings ------------------------------------------------------------------

DRAFT = doc(
    "SKYLARK: Cooperative mapping with small uncrewed boats",
    "1. Summary",
    "SKYLARK will develop shared mapping software for fleets of small uncrewed boats surveying "
    "harbours and estuaries.",
    "2. Partners",
    "The project brings together a university robotics group and a port authority.",
    "3. Impact",
    "Harbour masters will receive safer and cheaper depth surveys.",
    "Partner",
    "Country",
    "Role",
    "Northshire University",
    "United Kingdom",
    "Lead",
)
MARKDOWN_DRAFT = doc(
    "# Draft: low-cost air-quality sensing for schools",
    "## Objectives",
    "Build and test a cheap particulate monitor with pupils.",
    "## Work packages",
    "WP1 hardware; WP2 school trials.",
    "## Budget",
    "Equipment and a part-time technician.",
)
SHORT_AGREEMENT = doc(
    "Between Northshire University and Harbour Robotics Ltd",
    "1. Definitions",
    "Results means all data and software produced in the work.",
    "2. Term and Termination",
    "Either party may end the arrangement on 30 days' notice.",
    "3. Governing Law",
    "English law applies.",
)
AGREEMENT_WITH_SCHEDULE = doc(
    "Research Collaboration Agreement",
    "This Agreement is made between the University and the Company (together the Parties).",
    "WHEREAS the Parties wish to collaborate; NOW, THEREFORE, the Parties agree as follows:",
    "1. Confidentiality",
    "Each Party shall keep the other's information confidential.",
    "IN WITNESS WHEREOF the Parties have signed this Agreement.",
    "Schedule 1",
    "Summary",
    "Objectives",
    "Work packages",
    "Deliverables",
    "Budget",
    "The Company shall pay the University the amounts in the budget table.",
)
FORM_WITH_SECTIONS = doc(
    "Seed Fund Application Form",
    "Summary (max. 200 words)",
    "Please describe the project in plain language.",
    "Budget",
    "Please provide a breakdown of costs. Is any equipment over £10k? Yes / No",
    "Name of applicant: ____  ☐ I confirm the answers are correct.",
)


@pytest.mark.parametrize(
    "document, expected",
    [
        (DRAFT, "proposal"),
        (MARKDOWN_DRAFT, "proposal"),
        (SHORT_AGREEMENT, "agreement"),
        (AGREEMENT_WITH_SCHEDULE, "agreement"),
        (FORM_WITH_SECTIONS, "form"),
    ],
)
def test_section_headings(document: Document, expected: str) -> None:
    assert classify(document) == expected


def test_draft_without_its_headings_is_not_a_proposal() -> None:
    """The headings are what make the short draft a proposal (the prose alone is too little evidence)."""
    prose = doc(*[b.text for b in DRAFT.blocks if not b.text[:1].isdigit()])
    assert classify(prose) == "other"
    assert scores(DRAFT)["proposal"] > scores(prose)["proposal"]


def test_heading_words_inside_prose_are_not_headings() -> None:
    text = doc(
        "Notes from the visit",
        "The summary of the budget discussion and the impact on partners was circulated.",
        "Objectives for next year were not discussed, and the deliverables list is unchanged.",
    )
    assert classify(text) == "other"


@pytest.mark.parametrize("document", [MOU, NDA, FORM, OTHER])
def test_other_types_unchanged_by_headings(document: Document) -> None:
    assert classify(document) != "proposal"


def test_sample_draft_proposal_file() -> None:
    path = Path(__file__).resolve().parents[1] / "sample_docs" / "proposal-skyward.docx"
    if not path.is_file():
        pytest.skip("sample_docs/proposal-skyward.docx not present")
    from grantscan.extract import extract

    assert classify(extract(path)) == "proposal"


def test_the_word_form_in_a_licence_is_not_a_form_title() -> None:
    # long enough (over 250 words) that a title word alone would decide the type
    licence = doc(
        "4. Redistribution. You may reproduce and distribute copies of the Work in any medium, in Source or "
        "Object form, provided that You meet the following conditions: (a) You must give any other recipients "
        "of the Work a copy of this License; and (b) You must cause any modified files to carry notices.",
        *[
            "You must retain all copyright, patent, trademark and attribution notices of the Work in every copy "
            "that You distribute, and You may add Your own notices alongside them."
        ]
        * 10,
    )
    assert classify(licence) != "form"
    form = doc(
        "Ethics Self-Assessment Form",
        "Does the project involve dual-use items? Yes / No",
        "Does the project involve personal data? Yes / No",
    )
    assert classify(form) == "form"


# -- the pack: patterns/doctype.yaml ----------------------------------------------------------------------------


def _pack(tmp_path: Path, old: str, new: str) -> Path:
    """The shipped pack with ``old`` replaced by ``new`` (once), written to a temporary file."""
    text = (patterns_dir() / "doctype.yaml").read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / "doctype.yaml"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


def _line_of(path: Path, needle: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


def test_shipped_pack_loads_every_type() -> None:
    c = load_cues()
    assert set(c.cues) == {"agreement", "proposal", "form"} and all(c.cues.values())
    assert set(c.title) == {"agreement", "proposal", "form"}
    assert set(c.headings) == {"agreement", "proposal"}
    assert c.min_score[-1][0] == 0


@pytest.mark.parametrize(
    "old, new, needle, message",
    [
        ("weight: 4.0, pattern", "weight: -4.0, pattern", "weight: -4.0", "'weight' must be a number >= 0"),
        (r"'(?i)\bwhereas\b'", r"'(?i)\bwhereas(\b'", "whereas(", "bad regular expression"),
        ("  max: 6", "  max: 6\n  maximum: 7", "maximum: 7", "unknown key 'maximum'"),
        ("    points: 4", "    points: four", "points: four", "'points' must be a number >= 0"),
        ("{over: 150, score: 5.0}", "{over: 350, score: 5.0}", "over: 350", "'over' must fall"),
        ("cue_cap: 8", "cue_cap: 8.5", "cue_cap: 8.5", "'cue_cap' must be a whole number"),
        (
            "  agreement:\n    - {weight",
            "  agreements:\n    - {weight",
            "agreements:",
            "unknown key 'agreements'",
        ),
    ],
)
def test_bad_pack_gives_one_line_error_with_file_and_line(
    tmp_path: Path, old: str, new: str, needle: str, message: str
) -> None:
    p = _pack(tmp_path, old, new)
    with pytest.raises(PackError) as err:
        load_cues(p)
    text = str(err.value)
    assert "\n" not in text
    assert text.startswith(f"{p}:{_line_of(p, needle)}: ")
    assert message in text


def test_heading_line_needs_its_title_group(tmp_path: Path) -> None:
    p = _pack(tmp_path, "(?P<title>", "(?P<words>")
    with pytest.raises(PackError, match=rf"doctype.yaml:{_line_of(p, '(?P<words>')}: .*group named 'title'"):
        load_cues(p)


def test_pack_data_decides_the_type(tmp_path: Path) -> None:
    """The weights are read from the pack: a form cue worth nothing and a form title worth nothing leave FORM
    without the evidence that made it a form."""
    text = (patterns_dir() / "doctype.yaml").read_text(encoding="utf-8")
    form_part = text[
        text.index("  form:\n    - {weight") : text.index("\n\n", text.index("  form:\n    - {weight"))
    ]
    zeroed = re.sub(r"weight: [\d.]+", "weight: 0", form_part)
    p = tmp_path / "doctype.yaml"
    p.write_text(text.replace(form_part, zeroed).replace("    points: 4", "    points: 0"), encoding="utf-8")
    c = load_cues(p)
    assert all(w == 0 for _, w in c.cues["form"]) and c.title["form"][1] == 0
    assert scores(FORM)["form"] > 0  # the shipped pack
    head, body = doctype._evidence(FORM)
    try:
        doctype.cues.cache_clear()
        doctype._scores.cache_clear()
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(doctype, "cues", lambda: c)
            assert dict(doctype._scores(head, body))["form"] == 0
            assert classify(FORM) != "form"
    finally:
        doctype._scores.cache_clear()
        doctype.cues.cache_clear()


def test_cue_patterns_are_not_everyday_words_of_the_screening() -> None:
    """The screening treats lower-case words of the packs as everyday words; the regex sources of this pack are
    not vocabulary ('\\bwhereas' would add 'bwhereas', and 'memorandum' would make listed names made of it
    unmatchable), so the pack is left out."""
    from grantscan.detect.partners.detector import _common_words

    text = (patterns_dir() / "doctype.yaml").read_text(encoding="utf-8")
    assert "bwhereas" in re.findall(r"[\w']+", text)
    assert not {"bwhereas", "bproposal", "bhereinafter"} & _common_words()
