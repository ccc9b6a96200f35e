#!/usr/bin/env python3
"""grantscan benchmark: start-up, pages/s, memory, cache, parallelism, pattern-pack scaling.

    python scripts/bench.py [--quick] [--json bench-results.json] [--pages 1000]

All figures come from one run on this machine, so the ratios (grantscan vs bare pdfplumber / pypdfium2,
cached vs first scan, 10x pack vs 1x pack) are meaningful even where absolute numbers vary between machines.
The real corpus in ../shared/corpus/real is used when present; a generated corpus always is: a --pages PDF of
varied proposal sentences with as many matches a page as the real proposals (the bar is measured on it), and a
dense PDF of a fifth of that size where every paragraph holds five findings (the worst case, reported apart).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus" / "real"
BIN = Path(sys.executable).parent
GRANTSCAN = str(BIN / "grantscan") if (BIN / "grantscan").exists() else "grantscan"
sys.path.insert(0, str(ROOT / "scripts"))

FILLER = (
    "Work package {n} develops the analysis pipeline and validates it against field data collected with "
    "partners. The team will hold quarterly reviews, publish open-access papers and release software under "
    "an open licence. Risks are tracked in the project register and reviewed by the steering committee. "
    "We will train a deep learning model for anomaly detection and evaluate lidar odometry for drones. "
    "Collaborators at the University of Tokyo in Japan provide test data; a workshop is planned in Germany."
)


def timeit(fn, repeat: int = 3) -> float:  # noqa: ANN001
    """Best wall-clock time of ``repeat`` runs (seconds)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def run_cmd(args: list[str], env: dict | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - t


def child_peak_mb(code: str) -> tuple[float, str]:
    """Run python code in a fresh interpreter; return its peak RSS (MB) and its stdout.

    The peak is VmHWM of /proc/self/status where there is one: Linux carries ru_maxrss over exec, so a child
    started by a large benchmark process would report the parent's peak."""
    wrapper = code + (
        "\nimport resource, re\ntry:\n    peak = int(re.search(r'VmHWM:\\s*(\\d+)', "
        "open('/proc/self/status').read()).group(1))\nexcept (OSError, AttributeError):\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\nprint('PEAK', peak)"
    )
    out = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, check=True).stdout
    peak = next(int(line.split()[1]) for line in out.splitlines() if line.startswith("PEAK"))
    return peak / 1024, out


# Sentences of a typical proposal. Most say nothing a research-security officer needs; about one in six names
# a technology, a partner or a country, as in the real proposals (3-10 raw matches a page; FILLER has 56).
PLAIN = [
    "Work package {n} coordinates the {w} tasks and reports to the steering committee every {k} months.",
    "The project team will hold quarterly reviews and publish open-access papers on the {w} results.",
    "Milestone M{n}.{k} is reached when the {w} prototype passes the acceptance tests agreed in month {k}.",
    "Risks are tracked in the project register and reviewed by the management board at each meeting.",
    "Deliverable D{n}.{k} describes the {w} methodology, the data management plan and the ethics review.",
    "The postdoctoral researcher will spend {k} months on the {w} study and supervise two doctoral students.",
    "We will release the software under an open licence and archive the data in the institutional repository.",
    "Section {n}.{k} sets out the budget: staff costs, travel, equipment and the costs of the {w} workshops.",
    "Our previous work on {w} methods showed that careful validation reduces the error by {k} per cent.",
    "The advisory board, chaired by an independent expert, meets twice a year to review progress on {w}.",
    "Training in research integrity and data protection is given to all staff in the first {k} months.",
    "Impact will be achieved through public engagement, policy briefings and a summer school on {w}.",
    "The consortium agreement sets out the governance, the handling of results and the dispute procedure.",
    "Gender balance and equality of opportunity are monitored by the project office in each reporting period.",
    "Results are disseminated at international conferences and in a final report to the funder in year {k}.",
    "The {w} pipeline is tested against benchmark data and compared with the methods of earlier studies.",
]
SIGNAL = [
    "We will train a deep learning model for anomaly detection in the {w} sensor data.",
    "Collaborators at the University of Tokyo in Japan provide test data for the {w} experiments.",
    "The lidar odometry developed in work package {n} will be evaluated on drones in field trials.",
    "A workshop with partners in Germany and France is planned for month {k} of the project.",
    "We will develop quantum sensing methods that improve the precision of {w} measurements.",
    "The team at Tsinghua University in China will host a research visit in year {k}.",
    "Synthetic biology tools will be used to engineer strains for the {w} assays.",
    "Machine learning methods will classify satellite imagery for the {w} survey.",
]
WORDS = [
    "survey",
    "modelling",
    "imaging",
    "catalysis",
    "sampling",
    "simulation",
    "fieldwork",
    "analysis",
    "calibration",
    "archive",
    "sensor",
    "interview",
    "genomics",
    "climate",
    "transport",
    "materials",
]


def make_big_pdf(path: Path, pages: int, dense: bool = False) -> None:
    """A generated PDF of ``pages`` pages (8 paragraphs of ~6 lines each a page).

    Realistic by default: varied proposal sentences with about one signal sentence in six. ``dense`` repeats
    FILLER, a paragraph with five findings, as a worst case for the per-match cost of detection."""
    import random
    import textwrap

    from make_samples import write_simple_pdf

    rng = random.Random(20261124)
    paras: list[str] = []
    lines = 0
    i = 0
    while True:  # whole paragraphs up to exactly ``pages`` pages of 48 lines
        if dense:
            para = FILLER.format(n=i)
        else:
            sents = [rng.choice(SIGNAL if rng.random() < 1 / 6 else PLAIN) for _ in range(5)]
            para = " ".join(x.format(n=i % 9 + 1, k=rng.randint(2, 36), w=rng.choice(WORDS)) for x in sents)
        n = len(textwrap.wrap(para, 95))
        if lines + n > pages * 48:
            break
        paras.append(para)
        lines += n
        i += 1
    write_simple_pdf(path, paras, lines_per_page=48)


def pdf_pages(path: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def bare_pdfplumber(path: Path, max_pages: int | None = None) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for i, page in enumerate(pdf.pages):
            if max_pages and i >= max_pages:
                break
            page.extract_text()
            page.close()


def bare_pypdfium2(path: Path) -> None:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    for page in doc:
        tp = page.get_textpage()
        tp.get_text_range()
        tp.close()
        page.close()
    doc.close()


def median(values: list[float]) -> float:
    v = sorted(values)
    return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2


def whole_process(args: list[str], env: dict, runs: int) -> tuple[float, float]:
    """Median wall time (s) of ``runs`` runs of a command, and the peak RSS (MB) of any process it started
    (the worker included: ru_maxrss of the waited-for children is the largest of them)."""
    import resource

    times = []
    peak = 0.0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        times.append(run_cmd(args, env))
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, before / 1024)
    return median(times), peak


def serve_latency(env: dict, files: list[Path], rounds: int, exe: str = GRANTSCAN) -> tuple[float, float]:
    """Seconds to the first answer of ``grantscan serve`` (start-up and build included), and the median
    seconds per later request (a file, scanned again: no result cache)."""
    proc = subprocess.Popen(
        [exe, "serve", "--no-cache"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdin is not None and proc.stdout is not None
    times = []
    try:
        for i in range(rounds):
            t = time.perf_counter()
            proc.stdin.write(json.dumps({"id": i, "path": str(files[i % len(files)])}) + "\n")
            proc.stdin.flush()
            proc.stdout.readline()
            times.append(time.perf_counter() - t)
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
    return times[0], median(times[1:])


def stage_times(scanner, path: Path, repeat: int) -> dict[str, float]:  # noqa: ANN001 - a Scanner
    """Seconds per pipeline stage for one file (best of ``repeat``): where a scan spends its time."""
    from grantscan.detect.doctype import classify
    from grantscan.explain import explain
    from grantscan.extract import extract
    from grantscan.pipeline import extract_options
    from grantscan.score import assess

    det = scanner.detector
    best: dict[str, float] = {}

    def keep(name: str, t0: float) -> float:
        t1 = time.perf_counter()
        best[name] = min(best.get(name, float("inf")), t1 - t0)
        return t1

    for _ in range(repeat):
        t = time.perf_counter()
        doc = extract(path, extract_options(scanner.config))
        t = keep("extract", t)
        texts = [b.text.replace("\r", " ").replace("\n", " ") for b in doc.blocks]
        det.chunks.prime(texts)
        sdocs = list(det.nlp.pipe(texts))
        t = keep("tokenise + sentences", t)
        found: dict[str, list] = {"technology": [], "partners": [], "clauses": []}
        doctype = classify(doc)
        for name, sub in (("technology", det.tech), ("partners", det.partners), ("clauses", det.clauses)):
            sub.begin(doc, doctype)
            for i, (block, sdoc) in enumerate(zip(doc.blocks, sdocs, strict=True)):
                found[name] += sub.find(sdoc, block, i)
            t = keep(name, t)
        findings = det.detect(doc, doctype)
        t0 = time.perf_counter()
        explain(assess(findings, doctype).findings, scanner.guidance)
        keep("guidance + score", t0)
    best["detect (all, grouped)"] = 0.0
    t = time.perf_counter()
    det.detect(doc)
    best["detect (all, grouped)"] = time.perf_counter() - t
    best["chars"] = float(sum(len(b.text) for b in doc.blocks))
    return best


def run_measured(args: list[str], env: dict) -> tuple[float, float, float]:
    """Wall time (s), CPU time (s, user + system) and peak RSS (MB) of one command, the children it waited for
    (a scan's worker) included, from ``wait4`` of that process alone. CPU time barely moves with the load of a
    shared machine, where wall time does."""
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped here: keep Popen from waiting again
    return time.perf_counter() - t, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def paired(
    commands: dict[str, list[str]],
    env: dict,
    runs: int,
    fresh_cache: Path | None = None,
    envs: dict[str, dict] | None = None,
) -> dict:
    """Median wall time (s), median CPU time (s) and peak RSS (MB) of each command, their runs interleaved
    (A B A B ...) so that a change of load on a shared machine falls on all of them alike. With
    ``fresh_cache``, every run starts with an empty cache dir there (nothing compiled yet); ``envs`` gives a
    command an environment of its own."""
    times: dict[str, list[float]] = {k: [] for k in commands}
    cpus: dict[str, list[float]] = {k: [] for k in commands}
    peaks = dict.fromkeys(commands, 0.0)
    for i in range(runs):
        for name, args in commands.items():
            run_env = (envs or {}).get(name, env)
            if fresh_cache is not None:
                run_env = dict(env, XDG_CACHE_HOME=str(fresh_cache / f"{name}-{i}"))
            t, cpu, peak = run_measured(args, run_env)
            times[name].append(t)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], peak)
    return {k: (median(v), peaks[k], median(cpus[k])) for k, v in times.items()}


def waits(work: Path, env: dict, runs: int, results: dict, row, against: str | None = None) -> None:  # noqa: ANN001
    """The section 'the scan a user waits for': one new process per scan, no result cache, medians of runs.

    The compiled-phrase cache is warm (the usual case: it is written by the first scan after an install or an
    upgrade); the first scan with an empty cache dir is reported on its own line."""
    print("\nthe scan a user waits for (whole process, no result cache, median of runs)")
    if sys.flags.dont_write_bytecode or os.environ.get("PYTHONDONTWRITEBYTECODE"):
        row(
            "note",
            "PYTHONDONTWRITEBYTECODE is set: an editable install compiles grantscan's own modules from source at "
            "every start (~0.1 s of CPU that an installed package, with its bytecode, does not spend)",
        )
    para = work / "paragraph.txt"
    para.write_text(FILLER.format(n=1) + "\n", encoding="utf-8")
    bins = {"": GRANTSCAN, **({" [against]": against} if against else {})}
    # each executable keeps its own cache dir: a compiled cache of another version's key is deleted on saving,
    # so two versions sharing one would rebuild it at every run
    exe_env = {t: dict(env, XDG_CACHE_HOME=str(work / f"cache{i}")) for i, t in enumerate(bins)}
    envs = {f"{kind}{t}": exe_env[t] for t in bins for kind in ("version", "para", "www")}
    for t, exe in bins.items():  # warm the compiled cache of each
        run_cmd([exe, "scan", "--no-cache", str(para)], exe_env[t])
    got = paired(
        {f"version{t}": [b, "--version"] for t, b in bins.items()}
        | {f"para{t}": [b, "scan", "--no-cache", str(para)] for t, b in bins.items()},
        env,
        runs,
        envs=envs,
    )
    cold = paired(
        {f"para{t}": [b, "scan", "--no-cache", str(para)] for t, b in bins.items()},
        env,
        max(3, runs // 2),
        fresh_cache=work / "fresh",
    )
    for tag in bins:
        version, _, cpu_version = got[f"version{tag}"]
        t_para, peak_para, cpu_para = got[f"para{tag}"]
        t_cold, peak_cold, cpu_cold = cold[f"para{tag}"]
        key = tag.strip(" []")
        res = results.setdefault(key or "this", {}) if against else results
        res["--version s"] = version
        res["--version cpu s"] = cpu_version
        res["one paragraph s"] = t_para
        res["one paragraph cpu s"] = cpu_para
        res["one paragraph above --version s"] = t_para - version
        res["one paragraph, empty cache dir s"] = t_cold
        res["one paragraph, empty cache dir cpu s"] = cpu_cold
        res["one-file scan peak MB"] = peak_para
        row(f"grantscan --version{tag}", f"{version:.3f} s (cpu {cpu_version:.3f} s)")
        row(
            f"scan of a one-paragraph file{tag}",
            f"{t_para:.3f} s ({t_para - version:.3f} s above --version, bar 0.35) | cpu {cpu_para:.3f} s "
            f"({cpu_para - cpu_version:.3f} s above --version)",
        )
        row(
            f"  the same with an empty cache dir{tag}",
            f"{t_cold:.3f} s | cpu {cpu_cold:.3f} s | peak {peak_cold:.0f} MB",
        )
        row(f"peak memory of that scan (largest process){tag}", f"{peak_para:.0f} MB (bar 120)")
    www = SHARED / "opendreamkit" / "proposal-www.pdf"
    if www.is_file():
        n = pdf_pages(www)
        code = "import sys; sys.path.insert(0, {s!r}); import bench; bench.{f}(__import__('pathlib').Path({p!r}))"
        bare = {
            f: [sys.executable, "-c", code.format(s=str(ROOT / "scripts"), f=f, p=str(www))]
            for f in ("bare_pdfplumber", "bare_pypdfium2")
        }
        got = paired(
            {f"www{t}": [b, "scan", "--no-cache", "-f", "json", str(www)] for t, b in bins.items()} | bare,
            env,
            runs,
            envs=envs,
        )
        t_plumb, t_fium = got["bare_pdfplumber"][0], got["bare_pypdfium2"][0]
        for tag in bins:
            t_scan, peak, _ = got[f"www{tag}"]
            key = tag.strip(" []")
            res = results.setdefault(key or "this", {}) if against else results
            res["proposal-www whole process"] = {
                "pages": n,
                "scan_s": t_scan,
                "pdfplumber_s": t_plumb,
                "pypdfium2_s": t_fium,
                "peak_mb": peak,
                "ratio_vs_pdfplumber": t_plumb / t_scan,
                "ratio_vs_pypdfium2": t_fium / t_scan,
            }
            row(
                f"scan proposal-www.pdf ({n} p), whole process{tag}",
                f"{n / t_scan:.1f} p/s | bare pdfplumber {n / t_plumb:.1f} p/s | bare pypdfium2 {n / t_fium:.1f} "
                f"p/s | x{t_plumb / t_scan:.1f} vs pdfplumber (bar 20), {t_fium / t_scan:.2f} of pypdfium2 | "
                f"peak {peak:.0f} MB",
            )
    small = ROOT / "sample_docs" / "methods-section.tex"
    for tag, exe in bins.items():
        first, warm = serve_latency(exe_env[tag], [para, small], 2 * runs + 1, exe)
        res = results.setdefault(tag.strip(" []") or "this", {}) if against else results
        res["serve first answer s"], res["serve later request s"] = first, warm
        row(f"grantscan serve: first answer / each later request{tag}", f"{first:.3f} s / {warm:.3f} s")


def screening_cost(scanner, pdfs: list[Path], repeat: int) -> dict[str, float]:  # noqa: ANN001 - a Scanner
    """CPU seconds partner screening adds to detection of ``pdfs``, best of ``repeat``: the partner detector over
    every block with an empty index, with the shipped index as a scan leaves it (text it has scored before) and
    with a new index object each time (text it has never scored; its look-up tables made on first use, as in a
    one-process scan: ``new_text_s``; made beforehand, as a forked worker inherits them: ``ready_text_s``);
    ``detect``: the whole detector set without the lists, the figure the shares are of; ``extract``: extracting
    the same files, so that ``detect_s + extract_s`` is the scan a user waits for, less start-up."""
    from grantscan.detect.partners import detector as det_module
    from grantscan.detect.partners import listmatch
    from grantscan.detect.partners.screening import ScreeningIndex, shipped_index
    from grantscan.extract import extract
    from grantscan.pipeline import extract_options

    det = scanner.detector
    options = extract_options(scanner.config)
    t = time.process_time()
    docs = [extract(p, options) for p in pdfs]
    extract_runs = [time.process_time() - t]
    blocks = []
    for doc in docs:
        texts = [b.text.replace("\r", " ").replace("\n", " ") for b in doc.blocks]
        blocks += list(zip(doc.blocks, det.nlp.pipe(texts), strict=True))
    partners = det.partners
    shipped, d = partners.screen, partners.designations
    empty = ScreeningIndex.from_entries([])

    def fresh() -> ScreeningIndex:
        return ScreeningIndex(
            shipped_index(d.table),
            lambda: d.entries,
            tuple(partners._not_acronyms()),
            det_module._common_words,
        )

    def ready() -> ScreeningIndex:
        index = fresh()
        index.prepare()  # what the pool's parent makes before it forks the workers
        listmatch._honorees(index)
        return index

    def find_all(index: ScreeningIndex) -> float:
        partners.screen = index
        t = time.process_time()
        for i, (block, sdoc) in enumerate(blocks):
            partners.find(sdoc, block, i)
        return time.process_time() - t

    def detect_all() -> float:
        partners.screen = empty
        t = time.process_time()
        for doc in docs:
            det.detect(doc)
        return time.process_time() - t

    try:
        find_all(shipped)
        runs: dict[str, list[float]] = {"empty": [], "warm": [], "cold": [], "ready": [], "detect": []}
        for _ in range(max(3, repeat)):
            runs["empty"].append(find_all(empty))
            runs["warm"].append(find_all(shipped))
            runs["cold"].append(find_all(fresh()))
            runs["ready"].append(find_all(ready()))
            runs["detect"].append(detect_all())
            t = time.process_time()
            for p in pdfs:
                extract(p, options)
            extract_runs.append(time.process_time() - t)
    finally:
        partners.screen = shipped
    best = {k: min(v) for k, v in runs.items()}
    pages = sum(getattr(doc, "pages", 0) or 0 for doc in docs)
    return {
        "pages": pages,
        "detect_s": best["detect"],
        "extract_s": min(extract_runs),
        "repeat_text_s": best["warm"] - best["empty"],
        "new_text_s": best["cold"] - best["empty"],
        "ready_text_s": best["ready"] - best["empty"],
    }


def spread(values: list[float]) -> tuple[float, float]:
    """The lowest and highest of ``values``: how far runs on a shared machine strayed from their median."""
    return min(values), max(values)


def screening_share(
    work: Path,
    env: dict,
    runs: int,
    pdfs: list[Path],
    against_src: Path | None = None,
    jobs: int | None = None,
) -> dict:
    """What screening adds to the scan a user waits for: ``grantscan scan`` of a folder of ``pdfs`` in a new
    process (start-up included, no result cache, the compiled-phrase cache warm), with the shipped screening and
    with ``--no-screening``, run in turn ``runs`` times (a change of load falls on all alike, and the order
    changes each round). Medians and spreads of wall and CPU seconds (the waited-for workers included), and of
    the paired differences. ``against_src``: another checkout's ``src`` folder, measured in the same rounds
    (``PYTHONPATH``; it must know ``--no-screening``). ``jobs``: the scans' ``--jobs`` (default: theirs, one
    worker per core)."""
    folder = work / "screening-folder"
    folder.mkdir(exist_ok=True)
    for p in pdfs:
        shutil.copy(p, folder / f"{p.parent.name}-{p.name}")
    cache_env = dict(env, XDG_CACHE_HOME=str(work / "cache-screening"))
    out = work / "screening-report.json"
    scan = [GRANTSCAN, "scan", "--no-cache", "--no-config", "-f", "json", "-o", str(out)]
    if jobs is not None:
        scan += ["--jobs", str(jobs)]
    commands = {"on": [*scan, str(folder)], "off": [*scan, "--no-screening", str(folder)]}
    envs = dict.fromkeys(commands, cache_env)
    if against_src is not None:
        other = dict(
            env,
            XDG_CACHE_HOME=str(work / "cache-screening-against"),
            PYTHONPATH=str(against_src.resolve()),
        )
        commands |= {f"{k} [against]": v for k, v in list(commands.items())}
        envs |= {k: other for k in commands if k.endswith("[against]")}
    for name, args in commands.items():  # the compiled-phrase cache, as after an install
        run_cmd(args, envs[name])
    wall: dict[str, list[float]] = {k: [] for k in commands}
    cpu: dict[str, list[float]] = {k: [] for k in commands}
    names = list(commands)
    for i in range(runs):
        for name in names[i % len(names) :] + names[: i % len(names)]:  # no command always runs first
            t, c, _ = run_measured(commands[name], envs[name])
            wall[name].append(t)
            cpu[name].append(c)
    got: dict = {"files": len(pdfs), "pages": sum(pdf_pages(p) for p in pdfs), "runs": runs, "jobs": jobs}
    for tag in ("", " [against]") if against_src is not None else ("",):
        res = got.setdefault("against", {}) if tag else got
        for name, values in (("wall", wall), ("cpu", cpu)):
            on, off = values[f"on{tag}"], values[f"off{tag}"]
            diffs = [a - b for a, b in zip(on, off, strict=True)]
            res[name] = {
                "on_s": median(on),
                "off_s": median(off),
                "on_spread_s": spread(on),
                "off_spread_s": spread(off),
                "added_s": median(diffs),
                "added_spread_s": spread(diffs),
                "share": median(diffs) / median(off),
                "share_spread": tuple(d / median(off) for d in spread(diffs)),
            }
    if against_src is not None:
        got["against"]["files"], got["against"]["pages"], got["against"]["runs"] = (
            len(pdfs),
            got["pages"],
            runs,
        )
        got["against"]["jobs"] = jobs
    return got


def share_rows(got: dict, row, tag: str = "") -> None:  # noqa: ANN001 - the caller's row printer
    for name in ("wall", "cpu"):
        g = got[name]
        row(
            f"screening in a whole-process scan, {got['pages']} real pages ({name}"
            f"{', --jobs ' + str(got['jobs']) if got.get('jobs') else ''}){tag}",
            f"{g['on_s']:.2f} s with, {g['off_s']:.2f} s without (spreads {g['on_spread_s'][0]:.2f}-"
            f"{g['on_spread_s'][1]:.2f} / {g['off_spread_s'][0]:.2f}-{g['off_spread_s'][1]:.2f}): "
            f"+{g['added_s']:.3f} s (+{g['share']:.1%}; paired runs {g['share_spread'][0]:+.1%} to "
            f"{g['share_spread'][1]:+.1%}), bar +10 %, median of {got['runs']}",
        )


def import_budget(work: Path, env: dict) -> list[tuple[str, float]]:
    """Milliseconds of imports of a one-paragraph scan in a fresh process, per top-level package (self times
    summed; grantscan's own modules per subpackage), largest first."""
    para = work / "paragraph.txt"
    code = (
        "import sys; from grantscan.cli import main; "
        f"sys.argv = ['grantscan', 'scan', '--no-cache', {str(para)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, env=env, check=False
    ).stderr
    totals: dict[str, float] = {}
    for line in err.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line[len("import time:") :].split("|")
        try:
            self_us = int(parts[0])
        except ValueError:
            continue  # the header line
        name = parts[2].strip()
        bits = name.split(".")
        key = ".".join(bits[:2]) if bits[0] in ("grantscan", "spacy") and len(bits) > 1 else bits[0]
        totals[key] = totals.get(key, 0.0) + self_us / 1000
    return sorted(totals.items(), key=lambda kv: -kv[1])


def main() -> None:  # noqa: C901 - a linear script of measurements
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--pages", type=int, default=1000, help="pages of the generated large PDF")
    ap.add_argument("--quick", action="store_true", help="fewer repeats, smaller generated corpus")
    ap.add_argument(
        "--waits-only", action="store_true", help="only the section 'the scan a user waits for' (and imports)"
    )
    ap.add_argument(
        "--screening-share",
        action="store_true",
        help="only what screening adds to a whole-process scan of the real PDFs (with and without, alternately)",
    )
    ap.add_argument("--runs", type=int, default=None, help="with --screening-share: paired runs (default 9)")
    ap.add_argument(
        "--jobs", type=int, default=None, help="with --screening-share: the scans' --jobs (default: theirs)"
    )
    ap.add_argument(
        "--against-src",
        metavar="SRC",
        help="with --screening-share: another checkout's src folder, measured in the same rounds",
    )
    ap.add_argument(
        "--against",
        metavar="GRANTSCAN",
        help="with --waits-only: another grantscan executable (an older checkout's), measured in the same runs",
    )
    a = ap.parse_args()
    repeat = 1 if a.quick else 3
    if a.quick:
        a.pages = min(a.pages, 200)
    results: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    rows: list[tuple[str, str]] = []

    def row(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"  {name:58s} {value}", flush=True)

    work = Path(tempfile.mkdtemp(prefix="grantscan-bench-"))
    env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"))
    real_pdfs = sorted(SHARED.glob("*/*.pdf")) if SHARED.is_dir() else []
    if a.screening_share:
        try:
            if not real_pdfs:
                sys.exit(f"no real PDFs in {SHARED}")
            print("screening in the scan a user waits for (whole process, with and without, alternately)")
            src = Path(a.against_src) if a.against_src else None
            got = screening_share(work, env, a.runs or (5 if a.quick else 9), real_pdfs, src, a.jobs)
            results["screening whole process"] = got
            share_rows(got, row)
            if src is not None:
                share_rows(got["against"], row, " [against]")
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if a.json:
            Path(a.json).write_text(json.dumps(results, indent=2))
        return
    if a.waits_only:
        try:
            runs = 3 if a.quick else 7
            waits(work, env, runs, results, row, against=a.against)
            print("\nimport budget of a one-paragraph scan (-X importtime, cumulative ms per package)")
            for name, ms in import_budget(work, env)[:15]:
                row(name, f"{ms:7.1f} ms")
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if a.json:
            Path(a.json).write_text(json.dumps(results, indent=2))
        return
    try:
        print("start-up")
        for label, args in (("grantscan --version", ["--version"]), ("grantscan --help", ["--help"])):
            t = min(run_cmd([GRANTSCAN, *args], env) for _ in range(5))
            results[label] = t
            row(label, f"{t:.3f} s")
        small = ROOT / "sample_docs" / "methods-section.tex"
        t = run_cmd([GRANTSCAN, "scan", "--no-cache", "--format", "json", str(small)], env)
        results["first scan of a small file (process)"] = t
        row("grantscan scan small.tex (whole process, no cache)", f"{t:.3f} s")

        from grantscan.config import Config
        from grantscan.pipeline import Scanner

        t0 = time.perf_counter()
        scanner = Scanner(Config(cache=False))
        build = time.perf_counter() - t0
        results["scanner build s"] = build
        row("detector + guidance build (in process)", f"{build:.3f} s")

        waits(work, env, 3 if a.quick else 5, results, row)
        if real_pdfs:
            got = screening_share(work, env, 3 if a.quick else 7, real_pdfs)
            results["screening whole process"] = got
            share_rows(got, row)

        print("\nPDF throughput (in process, scanner built once)")
        pdfs = sorted(SHARED.glob("*/*.pdf")) if SHARED.is_dir() else []
        big = work / f"generated-{a.pages}p.pdf"
        make_big_pdf(big, a.pages)
        pdfs.append(big)
        dense = work / f"generated-dense-{a.pages // 5}p.pdf"
        make_big_pdf(dense, a.pages // 5, dense=True)
        pdfs.append(dense)
        per_pdf = {}
        for pdf in pdfs:
            n = pdf_pages(pdf)
            t_scan = timeit(lambda p=pdf: scanner.scan_file(p), repeat)
            t_fium = timeit(lambda p=pdf: bare_pypdfium2(p), repeat)
            # pdfplumber is slow: the whole document for real files, a 100-page sample of the generated one
            sample = min(n, 100) if (pdf in (big, dense) or a.quick) else n
            t_plumb = timeit(lambda p=pdf, s=sample: bare_pdfplumber(p, s), 1) * n / sample
            per_pdf[pdf.name] = {
                "pages": n,
                "scan_pps": n / t_scan,
                "pdfplumber_pps": n / t_plumb,
                "pypdfium2_pps": n / t_fium,
                "ratio_vs_pdfplumber": t_plumb / t_scan,
                "ratio_vs_pypdfium2": t_fium / t_scan,
            }
            r = per_pdf[pdf.name]
            row(
                f"{pdf.name[:34]} ({n} p)",
                f"scan {r['scan_pps']:7.1f} p/s | pdfplumber {r['pdfplumber_pps']:6.1f} | pypdfium2 "
                f"{r['pypdfium2_pps']:7.1f} | x{r['ratio_vs_pdfplumber']:.1f} vs pdfplumber, "
                f"{r['ratio_vs_pypdfium2']:.2f} of pypdfium2",
            )
        results["pdf"] = per_pdf
        print("\nwhere the time goes (seconds per stage, best of runs)")
        www = SHARED / "opendreamkit" / "proposal-www.pdf"
        for pdf in [p for p in (www, big, dense) if p.is_file()]:
            st = stage_times(scanner, pdf, repeat)
            results.setdefault("stages", {})[pdf.name] = st
            row(
                f"stages {pdf.name[:30]} ({st['chars'] / 1e3:.0f}k chars)",
                " | ".join(f"{k} {v:.3f}" for k, v in st.items() if k != "chars"),
            )
        # the dense worst case is reported on its own line, not in the totals
        groups = {
            "real PDFs": [k for k in per_pdf if k not in (big.name, dense.name)],
            "ALL PDFs (real + generated)": [k for k in per_pdf if k != dense.name],
        }
        for label, names in groups.items():
            if not names:
                continue
            sel = [per_pdf[k] for k in names]
            tot_pages = sum(v["pages"] for v in sel)
            tot_scan = sum(v["pages"] / v["scan_pps"] for v in sel)
            tot_plumb = sum(v["pages"] / v["pdfplumber_pps"] for v in sel)
            tot_fium = sum(v["pages"] / v["pypdfium2_pps"] for v in sel)
            results["pdf_total" if label.startswith("ALL") else "pdf_real_total"] = {
                "pages": tot_pages,
                "scan_pps": tot_pages / tot_scan,
                "ratio_vs_pdfplumber": tot_plumb / tot_scan,
                "ratio_vs_pypdfium2": tot_fium / tot_scan,
            }
            row(
                label,
                f"scan {tot_pages / tot_scan:.1f} p/s, x{tot_plumb / tot_scan:.1f} vs bare pdfplumber, "
                f"{tot_fium / tot_scan:.2f} of bare pypdfium2 speed",
            )

        real = [p for p in pdfs if p not in (big, dense)]
        if real:
            sc = screening_cost(scanner, real, repeat)
            results["screening"] = sc
            row(
                f"partner screening, {sc['pages']} real pages (cpu, bar +10 %)",
                f"+{sc['repeat_text_s']:.3f} s (+{sc['repeat_text_s'] / sc['detect_s']:.0%}) repeated text, "
                f"+{sc['new_text_s']:.3f} s (+{sc['new_text_s'] / sc['detect_s']:.0%}) new text "
                f"(+{sc['ready_text_s']:.3f} s with the tables made beforehand), "
                f"of {sc['detect_s']:.3f} s detection; of a scan (extraction {sc['extract_s']:.3f} s + detection) "
                f"+{sc['repeat_text_s'] / (sc['detect_s'] + sc['extract_s']):.0%} / "
                f"+{sc['new_text_s'] / (sc['detect_s'] + sc['extract_s']):.0%}",
            )

        docxs = sorted(SHARED.glob("**/*.docx")) if SHARED.is_dir() else []
        docxs += sorted((ROOT / "sample_docs").glob("*.docx"))
        if docxs:
            t = timeit(lambda: [scanner.scan_file(p) for p in docxs], repeat)
            results["docx"] = {"files": len(docxs), "seconds": t, "files_per_s": len(docxs) / t}
            row(f"DOCX ({len(docxs)} files)", f"{t:.3f} s, {len(docxs) / t:.1f} files/s")

        print("\nmemory")
        code = (
            f"from grantscan.pipeline import Scanner\nfrom grantscan.config import Config\n"
            f"r = Scanner(Config(cache=False)).scan_file({str(big)!r})\nprint(r.status, len(r.findings))"
        )
        peak, _ = child_peak_mb(code)
        results["peak_mb_big_pdf"] = peak
        row(f"peak RSS scanning the {a.pages}-page PDF", f"{peak:.0f} MB")

        print("\ndetection scaling")
        from grantscan.model import Document, Location, TextBlock

        # page-sized blocks, as a PDF gives them
        text = " ".join(FILLER.format(n=i) for i in range(6))
        for size in (1, 4):
            doc = Document(
                path="x",
                format="text",
                blocks=[TextBlock(text, Location(line=i + 1)) for i in range(size * 100)],
            )
            t = timeit(lambda d=doc: scanner.detector.detect(d), repeat)
            chars = len(text) * size * 100
            results[f"detect_{size}x_text_s"] = t
            row(f"detect {chars / 1e6:.2f} M chars", f"{t:.3f} s ({chars / t / 1e6:.2f} M chars/s)")
        results["detect_linearity"] = results["detect_4x_text_s"] / (4 * results["detect_1x_text_s"])
        row("detect time per char, 4x text vs 1x", f"x{results['detect_linearity']:.2f}")
        pack = work / "big-pack.yaml"
        try:
            from grantscan.detect import Detector

            base = Detector(Config(cache=False))
            n_terms, n_rules = base.term_count(), len(base.tech.rules)
            write_synthetic_pack(pack, n_terms * 9, n_rules * 9)
            big_det = Detector(Config(cache=False, extra_packs=[pack]))
            doc = Document(
                path="x", format="text", blocks=[TextBlock(text, Location(line=i + 1)) for i in range(100)]
            )
            t1 = timeit(lambda: base.detect(doc), repeat + 2)
            t10 = timeit(lambda: big_det.detect(doc), repeat + 2)
            results["pack_10x_ratio"] = t10 / t1
            row(f"pattern pack 10x larger ({n_terms} -> {n_terms * 10} terms)", f"x{t10 / t1:.2f} time")
        except Exception as e:  # noqa: BLE001 - a benchmark row, not a gate
            row("pattern pack 10x larger", f"skipped: {e}")

        print("\nbatch: cache and parallel jobs")
        folder = work / "folder"
        folder.mkdir()
        for i in range(12 if a.quick else 40):
            (folder / f"doc{i:03d}.txt").write_text("\n\n".join(FILLER.format(n=j) for j in range(40)))
        for src in (ROOT / "sample_docs").iterdir():
            shutil.copy(src, folder / src.name)
        if SHARED.is_dir():  # real proposals and agreements make the folder a realistic size
            for src in sorted(SHARED.glob("*/*")):
                if src.suffix.lower() in (".pdf", ".docx", ".md", ".tex"):
                    shutil.copy(src, folder / f"{src.parent.name}-{src.name}")
        cache_env = dict(env, XDG_CACHE_HOME=str(work / "cache-folder"))
        t_first = run_cmd(
            [GRANTSCAN, "scan", "--format", "json", "-o", str(work / "r1.json"), str(folder)], cache_env
        )
        t_again = min(
            run_cmd(
                [GRANTSCAN, "scan", "--format", "json", "-o", str(work / "r2.json"), str(folder)], cache_env
            )
            for _ in range(3)
        )
        results["folder_first_s"], results["folder_cached_s"] = t_first, t_again
        row("folder first scan (process)", f"{t_first:.2f} s")
        row("folder cached re-scan (process)", f"{t_again:.2f} s  (x{t_first / t_again:.1f} faster)")
        from grantscan.config import Config as C
        from grantscan.runner import scan_path

        cdir = work / "cache-in-process"
        t_first = timeit(lambda: scan_path([folder], C(cache=True, cache_dir=cdir, jobs=2)), 1)
        t_again = timeit(lambda: scan_path([folder], C(cache=True, cache_dir=cdir, jobs=2)), 3)
        results["folder_first_in_process_s"], results["folder_cached_in_process_s"] = t_first, t_again
        row("folder first scan (in process, --jobs 2)", f"{t_first:.2f} s")
        row("folder cached re-scan (in process)", f"{t_again:.3f} s  (x{t_first / t_again:.0f} faster)")
        for jobs in (1, 2):
            t = timeit(lambda j=jobs: scan_path([folder], C(cache=False, jobs=j)), 1)
            results[f"folder_jobs{jobs}_s"] = t
            row(f"folder --jobs {jobs} (in process, no cache)", f"{t:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print("\nsummary")
    for name, value in rows:
        print(f"| {name} | {value} |")
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=2))


def write_synthetic_pack(path: Path, n_terms: int, n_rules: int) -> None:
    """A valid pack shaped like patterns/technology/*.yaml (rules over the taxonomy categories, each with
    terms, an exclusion and sentence context words) holding ``n_terms`` nonsense terms in ``n_rules``
    rules, to measure how detection cost grows with pack size."""
    import random

    from grantscan.knowledge.taxonomy import TECH_CATEGORIES

    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(5, 10)))

    per = max(1, n_terms // max(1, n_rules))
    lines = [
        "pack: synthetic",
        "version: 1",
        "description: synthetic terms for the scaling benchmark",
        "rules:",
    ]
    for r in range(max(1, n_rules)):
        cat = TECH_CATEGORIES[r % len(TECH_CATEGORIES)]
        terms = ", ".join(word() if k % 2 else f"{word()} {word()}" for k in range(per))
        lines += [
            f"  - id: synthetic-{r}",
            f"    category: {cat}",
            f"    subcategory: {cat}/synthetic",
            "    score: 0.5",
            f"    terms: [{terms}]",
            f"    exclusions: [{word()} {word()}]",
            "    context:",
            f"      - words: [{', '.join(word() for _ in range(8))}]",
            "        window: sentence",
        ]
    path.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
