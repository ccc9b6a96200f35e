"""One document through grantscan's stages, in one visible order.

    extract -> document type -> detect (and group) -> suppress -> score -> explain

Each stage is a function of its own module that returns new values; ``Scanner`` builds what the stages need
once (the compiled detector, the knowledge base, the allow-list) and runs them for many documents. What depends
on the whole run (fingerprints relative to the scan root, the baseline, the result cache, worker processes)
belongs to ``runner``, above this module.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import time
from dataclasses import replace
from pathlib import Path

from .cache import sha256_file
from .config import Config
from .detect import Detector
from .detect.doctype import classify
from .explain import explain
from .extract import ExtractionError, ExtractOptions, extract
from .knowledge.guidance import Guidance
from .language import language_warning
from .model import Document, DocumentResult, Finding, Location, TextBlock
from .score import assess
from .suppress import AllowList, suppress

__all__ = ["Scanner", "extract_options"]

log = logging.getLogger(__name__)


def extract_options(config: Config) -> ExtractOptions:
    """The extraction limits and password of a run."""
    return ExtractOptions(
        password=config.password,
        max_size=config.max_size,
        max_size_pdf=config.max_size_pdf,
        max_size_docx=config.max_size_docx,
        max_size_text=config.max_size_text,
        max_pages=config.max_pages,
        max_page_chars=config.max_page_chars,
        max_chars=config.max_chars,
        max_xml_bytes=config.max_docx_xml,
        max_pdf_bytes=config.max_pdf_content,
    )


class Scanner:
    """Build once, scan many: the detector, the knowledge base and the allow-list of one configuration.

    ``scan_file`` and ``scan_text`` never raise for a bad input: an unreadable file becomes a
    ``DocumentResult`` with status "error" and a one-line reason.
    """

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        # the build makes ~170,000 long-lived objects and little garbage (~3,000 objects): the collections it would
        # trigger only walk them again and again (0.18 s measured), so the collector waits until it is done
        collecting = gc.isenabled()
        gc.disable()
        try:
            self.detector = Detector(self.config)
            self.guidance = Guidance.load()
            self.allow = AllowList(self.config.allow)
        finally:
            if collecting:
                gc.enable()

    def preload(self) -> None:
        """Load what a scan otherwise loads on first use and every report needs: the control map (for the
        knowledge dates of the report and the candidates of technology findings) and the document-type cues.

        A process that forks workers calls it once before forking: the workers inherit what it loaded instead of
        each loading it again, and the report, made in this process, reads the same control map."""
        from .detect.doctype import cues
        from .knowledge.control_map import control_map

        control_map()
        cues()

    def freeze(self) -> None:
        """Move the detector's long-lived objects out of the garbage collector's way (~8 % of detection).

        A process-wide change, so the library never does it by itself: the command line and worker
        processes call it once the scanner is built.
        """
        gc.freeze()

    def _enabled(self, f: Finding) -> bool:
        cats = self.config.categories
        if cats is None:
            return True
        return f.category in cats or (f.subcategory or "") in cats

    def scan_document(self, doc: Document, result: DocumentResult) -> DocumentResult:
        """``result`` completed with the findings, type and risk of an extracted document."""
        doctype = classify(doc)
        found = [f for f in self.detector.detect(doc, doctype) if self._enabled(f)]
        found = suppress(doc, found, self.allow)
        scored = assess(found, doctype, host_country=self.config.host_country)
        findings = explain(scored.findings, self.guidance)
        language = language_warning(doc)
        return replace(
            result,
            findings=findings,
            document_type=doctype,
            risk_score=scored.risk_score,
            risk_reasons=scored.reasons,
            format=doc.format,
            pages=doc.pages,
            warnings=[*doc.warnings, *([language] if language else [])],
        )

    def scan_file(self, path: str | Path) -> DocumentResult:
        """Extract and scan one file; errors are values."""
        t = time.perf_counter()
        result = DocumentResult(path=str(path), status="ok", sha256=sha256_file(path))
        stage = "corrupt or unreadable"
        try:
            doc = extract(path, extract_options(self.config))
            stage = "detection failed"
            result = self.scan_document(doc, result)
        except ExtractionError as e:
            result = replace(result, status="error", error=e.reason, findings=[])
        except MemoryError:
            result = replace(
                result,
                status="error",
                error="out of memory: the file needs more memory than allowed",
                findings=[],
            )
        except Exception as e:  # a parser or detector bug must not stop the batch
            log.debug("scanning %s failed at stage '%s'", path, stage, exc_info=True)
            result = replace(
                result, status="error", error=f"{stage}: {type(e).__name__}: {e}"[:300], findings=[]
            )
        result.seconds = time.perf_counter() - t
        return result

    def scan_text(self, text: str, name: str = "<text>") -> DocumentResult:
        """Scan a string as a plain-text document."""
        result = DocumentResult(
            path=name, status="ok", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()
        )
        if not text.strip():
            return replace(result, status="error", error="empty: no text found")
        doc = Document(path=name, format="text", blocks=[TextBlock(text, Location(line=1, column=1))])
        return self.scan_document(doc, result)
