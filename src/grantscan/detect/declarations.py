"""Declarations: form questions, tick boxes, template guidance and denials (``patterns/declarations.yaml``).

Funders ask about military use, dual-use items, misuse, classified information and data transfer in
ethics and security tables; proposals answer "No" or leave the tick state out of the text layer. Such
text is shown as kind "declaration" and never counted, unless the answer is "Yes", which is a finding.
``FormTest`` decides whether a sentence is form text and reads its answer; the detector uses it both for
the topics below and for technology terms that occur inside form text.

Template guidance is found in the whole paragraph, but a prompt ("Please describe your project:", "If yes,
explain ...") governs only itself and a closed answer after it: open prose after the prompt, in the rest of its
sentence or in a later sentence of the paragraph, is the applicant's filled-in answer and is read as any text
(``FormText.until``). Prose that speaks as a template (an instruction, "you", "applicants", "e.g.") stays form text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..knowledge.loader import LineDict, PackError, check_keys, load_yaml
from ..knowledge.taxonomy import CATEGORIES
from ..model import Finding, TextBlock
from .context import negator
from .matcher import PhraseSet
from .tokens import lower_words

_TOP_KEYS = {"version", "description", "form", "topics"}
_FORM_KEYS = {"question", "ticks", "answer", "guidance"}
_TOPIC_KEYS = {"id", "category", "description", "terms", "examples"}
_BOX = r"(\[\s*+(?:[xX✓✔]\s*+)?\]|\(\s*+(?:[xX]\s*+)?\)|[☐□☑☒■✓✔])"
_BOX_FIRST = re.compile(rf"(?i){_BOX}\s*(yes|no)\b")  # "[ ] Yes [X] No"
_LABEL_FIRST = re.compile(rf"(?i)\b(yes|no)\s*{_BOX}")  # "Yes [ ] No [X]"
_LEAD_ANSWER = re.compile(r"(?i)^\W{0,5}(?:answer\s*:\s*)?(yes|no|n/?a|not\s+applicable|none)\b")
_INLINE_ANSWER = re.compile(r"(?i)(?::|\banswer\s*:|\?)\s*(yes|no|n/?a|not\s+applicable)\b")
_CLOSED_QUESTION = re.compile(
    r"(?i)^\W*(?:q?\d+[.):]?\s*)?(?:is|are|will|does|do|did|has|have|was|were|can|could|"
    r"would|shall)\b[^?]{0,250}\?"
)
AFTER_CHARS = 60  # text after a sentence read for its answer ("? [ ] Yes [X] No")
ROW_CELLS = 3  # table cells after a label read for its answer
# a cell that holds only an answer: tick boxes, "Yes", "No", "N/A" ("☐ Yes", "☒ No", "[X]")
_ANSWER_CELL = re.compile(rf"(?i)^(?:\s|{_BOX}|\b(?:yes|no|n/?a|not\s+applicable)\b|[/:.,;-])+$")
OPEN_WORDS = 5  # words an answer needs to be the applicant's prose rather than a closed answer
_PROMPT_END = re.compile(r"[:?]")
# template voice: an instruction, the reader addressed, the funder's example answers
_TEMPLATE_VOICE = re.compile(
    r"(?i)^\W*(?:\d+[.)]?\s*)?(?:(?:please|kindly)\s|(?:describe|explain|provide|include|list|indicate|state|"
    r"specify|give|outline|detail|justify|identify|summari[sz]e|note|consider|refer|attach|ensure|tick|answer|"
    r"complete|enter|insert|select|choose|write|mention|confirm|e\.\s?g\.|for\s+example|i\.\s?e\.|if\s+(?:yes|so|"
    r"not|applicable))\b)|\b(?:you|your|yours|applicants?|proposers?)\b|\?\s*$"
)
# examples inside a prompt ("... (e.g. drones)") are the funder's, unless the applicant speaks in the first person
_EXAMPLE = re.compile(r"(?i)\be\.\s?g\.|\bfor\s+example\b")
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]urs?|[Uu]s|I|[Mm]y)\b")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(slots=True)
class Topic:
    id: str
    category: str
    terms: list[str]
    description: str = ""
    must_match: list[str] = field(default_factory=list)
    must_not_match: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FormText:
    """Why a sentence is form text, and the answer given (yes / no / None when not readable)."""

    why: str
    answer: str | None
    until: int | None = (
        None  # text from this offset on is the applicant's answer to the prompt, not form text
    )


class FormTest:
    """Regular expressions of declarations.yaml ``form``, compiled."""

    def __init__(self, path: Path, form: dict[str, list[re.Pattern[str]]]):
        self.path = path
        self.form = form

    def guidance(self, paragraph: str) -> str | None:
        m = self._guidance_match(paragraph)
        return m.group(0).strip() if m else None

    def _guidance_match(self, text: str) -> re.Match[str] | None:
        found = None
        for rx in self.form["guidance"]:
            m = rx.search(text)
            if m and (found is None or m.start() < found.start()):
                found = m
        return found

    def open_answer(self, text: str) -> bool:
        """Whether ``text``, found after a prompt, is the applicant's open prose: words enough, not a closed
        answer (Yes / No / N/A / ticks), nothing a form or a template says."""
        if len(_WORD.findall(text)) < OPEN_WORDS or _LEAD_ANSWER.match(text) or _TEMPLATE_VOICE.search(text):
            return False
        if _EXAMPLE.search(text) and not _FIRST_PERSON.search(text):
            return False
        return not any(rx.search(text) for kind in _FORM_KEYS for rx in self.form[kind])

    def _governed(self, sentence: str, offset: int, prompt_at: int | None) -> tuple[bool, int | None]:
        """Whether paragraph guidance makes ``sentence`` (at ``offset`` of the paragraph, the first prompt at
        ``prompt_at``) form text, and the offset from which the rest of it is the applicant's answer."""
        m = self._guidance_match(sentence)
        if (
            m is not None
        ):  # the prompt's own sentence: an answer may follow the prompt's colon or question mark
            end = _PROMPT_END.search(sentence, m.end())
            if end is not None and self.open_answer(sentence[end.end() :]):
                return True, offset + end.end()
            return True, None
        if prompt_at is not None and prompt_at < offset and self.open_answer(sentence):
            return False, None
        return True, None

    def check(
        self,
        sentence: str,
        after: str,
        paragraph_guidance: str | None,
        offset: int = 0,
        prompt_at: int | None = None,
    ) -> FormText | None:
        """Form text reason and answer for a sentence (``after``: the text that follows it; ``offset``: where the
        sentence starts in its paragraph; ``prompt_at``: where the paragraph's guidance starts, None when unknown,
        which lets the guidance govern every sentence)."""
        around = sentence + " " + after[:AFTER_CHARS]
        why = None
        for kind in ("question", "ticks", "answer"):
            for rx in self.form[kind]:
                m = rx.search(sentence if kind != "ticks" else around)
                if m:
                    why = f"{kind} '{m.group(0).strip()[:40]}'"
                    break
            if why:
                break
        until = None
        if why is None and paragraph_guidance:
            governed, until = self._governed(sentence, offset, prompt_at)
            if governed:
                why = f"guidance '{paragraph_guidance[:40]}'"
        answer = read_answer(sentence, after)
        if why is None and answer is not None:
            # a closed question answered on the spot ("Will nuclear material be used? Yes.") is form text;
            # without an answer it may be a research question ("Can radar detect drones?")
            m = _CLOSED_QUESTION.search(sentence)
            if m:
                why = f"question '{m.group(0).strip()[:40]}'"
        if why is None:
            return None
        return FormText(why, answer, until)


def form_at(form: FormText | None, at: int) -> FormText | None:
    """The form test of a sentence for a term at offset ``at``: none past the prompt, in the answer."""
    if form is not None and form.until is not None and at >= form.until:
        return None
    return form


def read_answer(sentence: str, after: str) -> str | None:
    """'yes' / 'no' from ticks or an inline answer; None when unreadable (both boxes, no tick)."""
    around = sentence + " " + after[:AFTER_CHARS]
    box_first = [(m.group(2), m.group(1), m.start()) for m in _BOX_FIRST.finditer(around)]
    label_first = [(m.group(1), m.group(2), m.start()) for m in _LABEL_FIRST.finditer(around)]
    # "Yes ☐ No ☒" matches both layouts ("☐ No" looks box-first): the layout whose first match starts
    # earlier is the one the form uses
    if box_first and label_first:
        pairs = box_first if box_first[0][2] < label_first[0][2] else label_first
    else:
        pairs = box_first or label_first
    pairs = [(label, box) for label, box, _ in pairs]
    if pairs:
        ticked = {label.lower() for label, box in pairs if _ticked(box)}
        return ticked.pop() if len(ticked) == 1 else None
    if re.search(r"(?i)\byes\s*+(?:/\s*+)?no\b", around):
        return None
    m = _INLINE_ANSWER.search(sentence)
    if m is None and "?" in sentence:
        m = _LEAD_ANSWER.match(after)
    if m:
        return "yes" if m.group(1).lower() == "yes" else "no"
    return None


def following_cells(blocks: list[TextBlock], index: int) -> str:
    """The answer cells that follow block ``index`` in its table row ("☐ Yes", "☒ No"), when a table was
    extracted cell by cell: the answer to a label cell sits in the next cells, not in the label's own text.
    Empty for a block outside a table or followed by anything but answer cells."""
    if not 0 <= index < len(blocks):
        return ""
    loc = blocks[index].location
    out: list[str] = []
    prev = loc
    for nb in blocks[index + 1 : index + 1 + ROW_CELLS]:
        nl = nb.location
        if loc.part == "table":  # DOCX: the cells of a row are consecutive table paragraphs
            same_row = (
                nl.part == "table" and prev.paragraph is not None and nl.paragraph == prev.paragraph + 1
            )
        else:  # PDF: cells to the right on the same line
            same_row = (
                loc.page is not None
                and nl.page == loc.page
                and loc.bbox is not None
                and nl.bbox is not None
                and abs(nl.bbox[1] - loc.bbox[1]) <= 3
                and nl.bbox[0] >= loc.bbox[2] - 1
            )
        text = nb.text.strip()
        if not same_row or len(text) > 40 or not _ANSWER_CELL.match(text):
            break
        out.append(text)
        prev = nl
    return " ".join(out)[:AFTER_CHARS]


def _ticked(box: str) -> bool:
    return box not in ("☐", "□") and bool(re.search(r"[xX✓✔☑☒■]", box))


def _regexes(path: Path, d: LineDict, key: str) -> list[re.Pattern[str]]:
    v = d.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise PackError(path, d.key_line(key), f"form: '{key}' must be a list of regular expressions")
    out = []
    for x in v:
        try:
            out.append(re.compile(x, re.IGNORECASE))
        except re.error as e:
            raise PackError(path, d.key_line(key), f"form {key}: bad regular expression {x!r}: {e}") from None
    return out


def load_declarations(path: str | Path | None = None) -> tuple[FormTest, list[Topic]]:
    """Load and validate declarations.yaml (the shipped one unless ``path`` is given)."""
    from ..knowledge.resources import patterns_dir

    p = Path(path) if path else patterns_dir() / "declarations.yaml"
    data = load_yaml(p)
    if not isinstance(data, dict):
        raise PackError(p, 1, "expected a mapping with 'form' and 'topics'")
    check_keys(p, data, _TOP_KEYS, {"version", "form", "topics"}, "declarations")
    form = data["form"]
    check_keys(p, form, _FORM_KEYS, _FORM_KEYS, "form")
    test = FormTest(p, {k: _regexes(p, form, k) for k in _FORM_KEYS})
    topics = []
    if not isinstance(data["topics"], list):
        raise PackError(p, data.key_line("topics"), "'topics' must be a list")
    for t in data["topics"]:
        what = f"topic '{t.get('id')}'" if isinstance(t, dict) else "topic"
        check_keys(p, t, _TOPIC_KEYS, {"id", "category", "terms"}, what)
        if t["category"] not in CATEGORIES:
            raise PackError(p, t.key_line("category"), f"{what}: unknown category '{t['category']}'")
        terms = t["terms"]
        if not isinstance(terms, list) or not all(isinstance(x, str) and x for x in terms):
            raise PackError(p, t.key_line("terms"), f"{what}: 'terms' must be a list of strings")
        ex = t.get("examples", {}) or {}
        topics.append(
            Topic(
                t["id"],
                t["category"],
                list(terms),
                t.get("description", ""),
                list(ex.get("must_match", [])),
                list(ex.get("must_not_match", [])),
            )
        )
    return test, topics


def clean(text: str, limit: int = 240) -> str:
    return " ".join(text.split())[:limit]


class DeclarationDetector:
    """Finds declaration topics in form text and classifies any span's sentence as form text or not."""

    def __init__(self, nlp: Language, path: str | Path | None = None):
        self.test, self.topics = load_declarations(path)
        self.by_id = {t.id: t for t in self.topics}
        self.terms = PhraseSet(nlp)
        for t in self.topics:
            self.terms.add(t.id, t.terms, plurals=False)
        self.terms.build()

    def form_text(self, text: str, sent: Span, guidance: str | None, row: str = "") -> FormText | None:
        """Form-text test of sentence ``sent`` of a Doc whose text is ``text``; ``row``: the answer cells that
        follow the block in its table row, read after the block's last sentence."""
        after = text[sent.end_char : sent.end_char + AFTER_CHARS]
        if row and not text[sent.end_char :].strip():
            after = f"{after} {row}"
        prompt_at = None
        if guidance:
            at = text.find(guidance)
            prompt_at = at if at >= 0 else None
        return self.test.check(
            text[sent.start_char : sent.end_char], after, guidance, sent.start_char, prompt_at
        )

    def find(
        self, doc: Doc, block: TextBlock, block_index: int, guidance: str | None, row: str = ""
    ) -> list[Finding]:
        """Topic declarations of one block (one per topic and sentence); ``row`` as for ``form_text``.

        Linear in the block's length however many topic words a sentence holds: the sentence, its form-text
        test and its "none of" positions are worked out once per sentence, and a denial is looked for in a
        window around each word (see ``_denial``), not in the rest of the sentence."""
        seen: set[tuple[str, int]] = set()
        out: list[Finding] = []
        spans = sorted(self.terms(doc), key=lambda t: (t[1], -(t[2] - t[1])))
        if not spans:
            return out
        text = doc.text  # rebuilt from the tokens: only for blocks that mention a topic
        last_end = -1
        sent: Span | None = None
        sent_form: FormText | None = None
        nones: list[int] = []
        for tid, s, e, _ in spans:
            if s < last_end:
                continue
            last_end = e
            if sent is None or s >= sent.end:  # spans come in order: each sentence is found once
                sent = doc[s].sent
                sent_form = self.form_text(text, sent, guidance, row)
                nones = _nones(doc, sent)
            if (tid, sent.start) in seen:
                continue
            form = form_at(sent_form, doc[s].idx)
            # a denial only matters when the form gives no answer
            neg = _denial(doc, sent, s, nones) if form is None or form.answer is None else None
            if form is None and not neg:
                continue
            seen.add((tid, sent.start))
            topic = self.by_id[tid]
            answer = form.answer if form else None
            if neg and answer is None:
                answer = "no"
            why = form.why if form else f"denial ('{neg}')"
            span = doc[s:e]
            start, end = span.start_char, span.end_char
            kind = "finding" if answer == "yes" else "declaration"
            out.append(
                Finding(
                    rule_id=topic.id,
                    category=topic.category,
                    text=span.text,
                    context=clean(
                        text[sent.start_char : sent.end_char + AFTER_CHARS // 2]
                        + (f" {row}" if row and not text[sent.end_char :].strip() else "")
                    ),
                    location=block.locate(start, end),
                    kind=kind,
                    severity="info" if kind == "declaration" else "medium",
                    confidence=0.9 if answer == "yes" else 0.6,
                    answer=answer,
                    reasons=[f"form text: {why}", f"answer: {answer or 'not readable'}"],
                    block_index=block_index,
                    start=start,
                    end=end,
                )
            )
        return out


# ``negator`` looks at most 14 words back and 12 ahead of a term, except for "none of" / "neither of", which
# it looks for in the rest of the sentence: a window of this many words ahead gives the same answer when no
# such phrase follows the term.
_DENIAL_AHEAD = 16


def _nones(doc: Doc, sent: Span) -> list[int]:
    """Token indices of "none of" / "neither of" in ``sent``, in order."""
    lower = lower_words(doc)
    return [
        i for i in range(sent.start, sent.end - 1) if lower[i] in ("none", "neither") and lower[i + 1] == "of"
    ]


def _denial(doc: Doc, sent: Span, start: int, nones: list[int]) -> str | None:
    """``negator(doc, sent, start)``, read in a window of the sentence unless "none of" follows the term (a
    sentence of thousands of topic words would otherwise be read to its end for each of them)."""
    k = bisect_right(nones, start)
    if k < len(nones) and nones[k] < sent.end - 2:
        return negator(doc, sent, start)
    return negator(doc, doc[sent.start : min(sent.end, start + _DENIAL_AHEAD)], start)
