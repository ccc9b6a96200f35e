"""Declarations: form questions, tick boxes, template guidance and denials are shown, never counted;
a "Yes" answer is a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from grantscan.config import Config
from grantscan.detect import Detector
from grantscan.detect.declarations import read_answer
from grantscan.model import Document, Finding, Location, TextBlock

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")
TECH = {
    "ai",
    "quantum",
    "semiconductors",
    "cyber",
    "comms",
    "materials",
    "robotics",
    "space",
    "aerospace",
    "nuclear",
    "bio",
    "chem",
    "sensing",
    "surveillance",
    "defence",
}


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(Config())


def run(detector: Detector, *paragraphs: str) -> list[Finding]:
    blocks = [TextBlock(p, Location(line=1 + 2 * i, column=1)) for i, p in enumerate(paragraphs)]
    return detector.detect(Document("form.txt", "text", blocks))


def kinds(found: list[Finding]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in found:
        out.setdefault(f.kind, set()).add(f.category)
    return out


# (text, category expected as a declaration, answer of that declaration)
FORMS = [
    (
        "8. DUAL USE - Does your research have the potential for military applications? [ ] Yes [X] No",
        "defence",
        "no",
    ),
    (
        "Could your research raise concerns regarding the exclusive focus on civil applications? ☐ Yes ☒ No",
        "defence",
        "no",
    ),
    ("Does this activity have the potential for military applications? Yes No", "defence", None),
    (
        "9. MISUSE - Does your research have the potential for malevolent/criminal/terrorist abuse? No",
        "defence",
        "no",
    ),
    (
        "This research has no military application and will not contribute to weapons development.",
        "defence",
        "no",
    ),
    ("activities or results raising security issues: NO", "defence", "no"),
    ("'EU-classified information' as background or results: NO", "clause-security", "no"),
    (
        "Security: does the project require access to classified information or security-cleared staff? No.",
        "clause-security",
        "no",
    ),
    (
        "Does your research involve dual-use items in the sense of Regulation (EC) No 428/2009? Yes / No",
        "clause-export",
        None,
    ),
    ("Do you plan to export any material from the EU to non-EU countries? No", "clause-export", "no"),
    (
        "Template: describe any export control licences required for equipment or software (max. 200 words).",
        "clause-export",
        None,
    ),
    ("Please confirm that no personal data will be transferred to third countries.", "clause-data", "no"),
    (
        "Does the research involve gain-of-function studies on pathogens of pandemic potential? Answer: No.",
        "bio",
        "no",
    ),
    ("Does the project involve nuclear or radiological materials? [ ] Yes [X] No", "nuclear", "no"),
    (
        "Does the project involve facial recognition or any other biometric identification of individuals? No.",
        "surveillance",
        "no",
    ),
    (
        "The applicant declares that the project will not involve drones or other unmanned aircraft.",
        "robotics",
        "no",
    ),
    (
        "Guidance for applicants: research in quantum computing, artificial intelligence or semiconductors may fall "
        "within the National Security and Investment Act; tick all boxes that apply.",
        "quantum",
        None,
    ),
    (
        "Ethics self-assessment guidance: explain how you will prevent misuse of results, e.g. dual use.",
        "defence",
        None,
    ),
]


@pytest.mark.parametrize(("text", "category", "answer"), FORMS, ids=[f"form-{i}" for i in range(len(FORMS))])
def test_form_text_is_a_declaration_never_a_finding(
    detector: Detector, text: str, category: str, answer: str | None
) -> None:
    found = run(detector, text)
    decl = [f for f in found if f.kind == "declaration" and f.category == category]
    assert decl, f"no {category} declaration in: {text}"
    assert decl[0].answer == answer
    assert decl[0].severity == "info"
    assert not kinds(found).get("finding", set()) & TECH, [f.rule_id for f in found if f.kind == "finding"]


def test_yes_answer_is_a_finding(detector: Detector) -> None:
    found = run(detector, "Does your research have the potential for military applications? [X] Yes [ ] No")
    hits = [f for f in found if f.category == "defence" and f.kind == "finding"]
    assert hits and hits[0].answer == "yes"


def test_answer_on_the_next_sentence_of_the_paragraph(detector: Detector) -> None:
    found = run(
        detector,
        "Does the research involve space-based sensing or satellite data? No - only open data are used.",
    )
    assert [f.answer for f in found if f.kind == "declaration" and f.category == "space"] == ["no"]


def test_research_questions_are_not_form_questions(detector: Detector) -> None:
    found = run(
        detector,
        "How can we train deep learning models that remain robust to sensor drift? "
        "We will train deep learning models on ten years of turbine data to answer it.",
    )
    assert "ai" in kinds(found).get("finding", set())


def test_declaration_topics_outside_form_text_are_not_reported(detector: Detector) -> None:
    found = run(detector, "Dual use of the building for teaching and events keeps the cost down.")
    assert not [f for f in found if f.rule_id.startswith("decl-")]


@pytest.mark.parametrize(
    ("sentence", "after", "answer"),
    [
        ("Military use?", " [x] Yes [ ] No", "yes"),
        ("Military use?", " ☐ Yes ☒ No", "no"),
        ("Military use?", " Yes No", None),
        ("Military use?", " No - not applicable.", "no"),
        ("Security issues: YES", "", "yes"),
        ("Any comments on the design?", " The design follows the spec.", None),
    ],
)
def test_read_answer(sentence: str, after: str, answer: str | None) -> None:
    assert read_answer(sentence, after) == answer


@needs_shared
def test_ethics_security_template_gives_declarations_only(detector: Detector) -> None:
    from grantscan.extract import extract

    doc = extract(SHARED / "corpus" / "real" / "opendreamkit" / "ethics_security.tex")
    found = detector.detect(doc)
    assert {"defence", "clause-security"} <= kinds(found).get("declaration", set())
    assert not kinds(found).get("finding", set()) & TECH


@needs_shared
def test_signed_proposal_ethics_table_without_tick_state(detector: Detector) -> None:
    from grantscan.extract import extract

    pdf = SHARED / "corpus" / "real" / "opendreamkit" / "H2020-EINFRA-2015-1_676541_SIGNED_PROPOSAL.pdf"
    found = detector.detect(extract(pdf))
    decl = kinds(found).get("declaration", set())
    assert {"defence", "clause-export", "clause-data", "clause-security"} <= decl
    military = [f for f in found if f.rule_id == "decl-military"]
    assert military and military[0].answer is None  # "Yes No" with the tick state lost
    assert not kinds(found).get("finding", set()) & TECH


def test_broken_declarations_file_names_file_and_line(tmp_path: Path) -> None:
    from grantscan.detect.declarations import load_declarations
    from grantscan.knowledge.loader import PackError

    p = tmp_path / "declarations.yaml"
    p.write_text(
        "version: 1\nform:\n  question: ['(unclosed']\n  ticks: []\n  answer: []\n  guidance: []\n"
        "topics: []\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=rf"^{p}:3: form question: bad regular expression"):
        load_declarations(p)
    p.write_text(
        "version: 1\nform: {question: [], ticks: [], answer: [], guidance: []}\ntopics:\n"
        "  - id: t\n    category: warp\n    terms: [x]\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=rf"^{p}:5: topic 't': unknown category 'warp'"):
        load_declarations(p)


def test_closed_question_answered_on_the_spot_is_form_text(detector: Detector) -> None:
    no = run(detector, "Are explosives handled in the laboratory? No.")
    assert "chem" not in kinds(no).get("finding", set())
    assert "chem" in kinds(no).get("declaration", set())
    yes = run(
        detector, "Are drones flown over people? Yes. Quadcopters carry the gas sampler over the crowd."
    )
    assert "robotics" in kinds(yes).get("finding", set())


def test_unanswered_closed_question_stays_research_text(detector: Detector) -> None:
    found = run(detector, "Can we train graph neural networks that predict creep in turbine alloys?")
    assert "ai" in kinds(found).get("finding", set())


def test_denial_covers_every_item_of_a_list(detector: Detector) -> None:
    found = run(detector, "The project does not involve any weapons, security or military end use.")
    assert "defence" not in kinds(found).get("finding", set())
    assert "defence" in kinds(found).get("declaration", set())


@pytest.mark.parametrize(
    ("ticks", "expected"),
    [
        ("Yes ☐  No ☒", "no"),
        ("Yes ☒ No ☐", "yes"),
        ("☐ Yes ☒ No", "no"),
        ("☒ Yes ☐ No", "yes"),
        ("Yes [x] No [ ]", "yes"),
        ("[ ] Yes [X] No", "no"),
        ("Yes ☐ No ☐", None),
        ("(x) Yes ( ) No", "yes"),
    ],
)
def test_tick_boxes_are_read_in_either_layout(ticks: str, expected: str | None) -> None:
    """Label-then-box forms ('Yes ☐ No ☒') must not be read as box-then-label ('☐ No')."""
    from grantscan.detect.declarations import read_answer

    assert read_answer("Does the research have potential military applications?", ticks) == expected


def _table(*cells: str) -> Document:
    return Document(
        "ethics.docx",
        "docx",
        [TextBlock(t, Location(part="table", paragraph=i)) for i, t in enumerate(cells)],
    )


def test_tick_box_answer_in_the_next_cells_of_a_table_row(detector: Detector) -> None:
    # a table read cell by cell: each label's answer is in the two cells after it
    found = detector.detect(
        _table(
            "Ethics issues table",
            "Does the research have potential military applications?",
            "☐ Yes",
            "☒ No",
            "Development of autonomous drones for defence",
            "☐ Yes",
            "☒ No",
        )
    )
    tech = [f for f in found if f.category in ("defence", "robotics")]
    assert tech and all(f.kind == "declaration" for f in tech)
    assert {f.answer for f in tech} == {"no"}


def test_following_cells_stop_at_anything_but_answers() -> None:
    from grantscan.detect.declarations import following_cells

    doc = _table("Dual-use items", "☐ Yes", "☒ No", "Next question about drones", "☐ Yes")
    assert following_cells(doc.blocks, 0) == "☐ Yes ☒ No"
    assert following_cells(doc.blocks, 2) == ""  # a label follows, not an answer
    prose = Document(
        "p.txt", "text", [TextBlock("Dual-use items", Location(line=1)), TextBlock("No", Location(line=3))]
    )
    assert following_cells(prose.blocks, 0) == ""  # not a table


# A filled-in application form: a prompt governs only itself and a closed answer after it; the applicant's open
# answer is read as any proposal text.
PROMPT = "Please describe your project in 1 - 2 sentences:"
ANSWER = "We will train deep learning models that steer autonomous drones over the fields of partner farms."


@pytest.mark.parametrize(
    "text",
    [
        f"{PROMPT} {ANSWER}",  # the answer after the prompt's colon, in the prompt's sentence
        f"Please describe any use of machine learning in the project. {ANSWER}",  # the next sentence
        f"If yes, please explain: {ANSWER}",
    ],
    ids=["same-sentence", "next-sentence", "if-yes"],
)
def test_open_answer_after_a_prompt_is_the_applicants_text(detector: Detector, text: str) -> None:
    found = kinds(run(detector, text)).get("finding", set())
    assert {"ai", "robotics"} <= found, text


def test_applicants_own_example_in_the_first_person_counts(detector: Detector) -> None:
    text = "Please describe your project: We will train deep learning models, e.g. convolutional networks."
    assert "ai" in kinds(run(detector, text)).get("finding", set())


def test_prompt_alone_stays_template(detector: Detector) -> None:
    found = run(detector, "Please describe any use of deep learning or autonomous drones in your project:")
    assert not kinds(found).get("finding", set()) & TECH
    assert "ai" in kinds(found).get("declaration", set())


@pytest.mark.parametrize(
    "text",
    [
        # the funder's example answers and further instructions after a prompt are template, not an answer
        "Please describe your project (e.g. deep learning models for autonomous drones).",
        "Please describe your project: e.g. deep learning models that steer autonomous drones over farms.",
        "Please describe the project. Projects may use deep learning, for example to steer autonomous drones.",
        "Please describe the project. Applicants should state whether deep learning or drones are used.",
        "Please describe the project. Explain any use of deep learning and autonomous drones in detail.",
    ],
    ids=["example-in-brackets", "example-after-colon", "example-later", "applicants-should", "instruction"],
)
def test_template_wording_after_a_prompt_stays_template(detector: Detector, text: str) -> None:
    found = run(detector, text)
    assert not kinds(found).get("finding", set()) & TECH, [f.rule_id for f in found if f.kind == "finding"]
    assert "ai" in kinds(found).get("declaration", set())


@pytest.mark.parametrize(
    ("ticks", "kind"), [("[ ] Yes [X] No", "declaration"), ("[X] Yes [ ] No", "finding")]
)
def test_closed_answer_after_a_prompt_is_read_as_before(detector: Detector, ticks: str, kind: str) -> None:
    text = f"Please indicate whether the project involves military applications: {ticks}"
    found = [f for f in run(detector, text) if f.category == "defence"]
    assert found and {f.kind for f in found} == {kind}, text


def test_prompt_answered_no_in_prose_stays_a_declaration(detector: Detector) -> None:
    found = run(
        detector, "Please state any potential military applications: No, the sensors serve farming only."
    )
    defence = [f for f in found if f.category == "defence"]
    assert defence and {(f.kind, f.answer) for f in defence} == {("declaration", "no")}


def test_answer_in_the_cell_after_a_prompt_cell_counts(detector: Detector) -> None:
    found = detector.detect(_table(PROMPT, ANSWER))
    assert {"ai", "robotics"} <= {f.category for f in found if f.kind == "finding"}
    alone = detector.detect(_table("Please describe any use of deep learning or autonomous drones:", "N/A"))
    assert not {f.category for f in alone if f.kind == "finding"} & TECH
