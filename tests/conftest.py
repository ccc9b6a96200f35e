"""Shared test fixtures: paths to the optional ../shared corpus and small generated documents."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# CI explores the same examples on every run, so a red build is reproducible and never a lottery; local runs
# keep drawing new examples (that is how they find new cases).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "sample_docs"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared corpus not present beside the project"
)

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201 - spacy.Language
    """A blank English pipeline with sentence boundaries: what the clause and declaration detectors read.
    Modules that need another pipeline define their own ``nlp``."""
    import spacy

    n = spacy.blank("en")
    n.add_pipe("sentencizer")
    return n


def chromium_path() -> str | None:
    """A Chromium to drive with Playwright: $CHROMIUM, one on PATH (Debian's chromium, Google Chrome), or
    the one `python -m playwright install chromium` put in Playwright's cache; None when there is none."""
    if os.environ.get("CHROMIUM") and Path(os.environ["CHROMIUM"]).is_file():
        return os.environ["CHROMIUM"]
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache" / "ms-playwright")
    for candidate in sorted(cache.glob("chromium-*/chrome-linux*/chrome"), reverse=True):
        if candidate.is_file():
            return str(candidate)
    return None


@pytest.fixture()
def chromium():  # noqa: ANN201 - yields a Playwright Browser
    """A headless Chromium, or a skip that says how to get one."""
    path = chromium_path()
    if path is None:
        pytest.skip(
            "no Chromium found (apt-get install chromium, or python -m playwright install chromium;"
            " $CHROMIUM names another)"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (test dependency) not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def printed_pdf(browser, html: Path, out: Path) -> list[tuple[str, float, float]]:  # noqa: ANN001
    """Print ``html`` to PDF in ``browser``; (page text, rightmost glyph edge, page width) per page."""
    import pypdfium2

    page = browser.new_page()
    page.goto(html.as_uri())
    page.pdf(path=str(out), print_background=True)
    page.close()
    pdf = pypdfium2.PdfDocument(str(out))
    pages = []
    try:
        for i in range(len(pdf)):
            pg = pdf[i]
            textpage = pg.get_textpage()
            right = max((textpage.get_charbox(k)[2] for k in range(textpage.count_chars())), default=0.0)
            pages.append((textpage.get_text_range(), right, pg.get_width()))
    finally:
        pdf.close()
    return pages


RISKY_TEXT = (
    "We will develop an autonomous drone swarm for military use, with partners at the National "
    "University of Defense Technology in China.\n"
)
CLEAN_TEXT = "This project studies how primary school pupils learn to read with their parents at home.\n"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Fixtures built once per module (a Scanner and its compiled-phrase cache) never write to the user's
    real cache either."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))
        yield


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real cache or config during tests."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))  # no list imported by the user
    monkeypatch.delenv("GRANTSCAN_CONFIG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="module")
def detector():  # noqa: ANN201 - a grantscan.detect.Detector, imported here only when a test asks for it
    """A detector with the default configuration, built once per test module (modules that need another one
    define their own ``detector``)."""
    from grantscan.config import Config
    from grantscan.detect import Detector

    return Detector(Config())


@pytest.fixture(scope="module")
def scanner():  # noqa: ANN201 - a grantscan.pipeline.Scanner, imported here only when a test asks for it
    """A scanner with the default configuration and no detector cache, built once per test module (modules that
    need another one define their own ``scanner``)."""
    from grantscan.config import Config
    from grantscan.pipeline import Scanner

    return Scanner(Config(cache=False))
