"""Command-line interface. Parses options and calls the library core; nothing else lives here.

Exit codes, a closed table (the README has the same one; a test keeps the two and EXIT_CODES in step):
  0    scan complete, nothing at or above --fail-on
  1    findings at or above --fail-on
  2    usage or configuration error, an output that cannot be written, or nothing to scan
  3    at least one input could not be read (the rest were scanned)
  4    internal error: a bug in grantscan (one line on stderr; --debug prints the traceback)
  130  interrupted (Ctrl-C)
Precedence when several apply: 4 > 2 > 3 > 1 > 0.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

# one BLAS thread: grantscan does no heavy linear algebra, and OpenBLAS's thread pool needs more address space
# than a tight memory_limit leaves a worker (numpy is imported later, when a scan needs it)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130
EXIT_CODES: dict[int, str] = {
    EXIT_OK: "scan complete, nothing at or above --fail-on",
    EXIT_FINDINGS: "findings at or above --fail-on",
    EXIT_USAGE: "usage or configuration error, an output that cannot be written, or nothing to scan",
    EXIT_UNREADABLE: "at least one input could not be read (the rest were scanned)",
    EXIT_INTERNAL: "internal error: a bug in grantscan (--debug prints the traceback)",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
}
FORMATS = ("text", "json", "sarif", "csv", "md", "html")
SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3}


def _version() -> str:
    from .version import __version__

    return __version__


def parse_size(value: str | int | None) -> int | None:
    """'50MB', '200k', '1.5 GB' or a byte count -> bytes (a usage error otherwise)."""
    if value is None:
        return None
    from .config import parse_size as _parse

    try:
        return _parse(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


def _size_option(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    return parse_size(value)


def _target(output: str | None, *, create_dirs: bool = True) -> Any:
    """The checked output target of a command, before any scanning (a bad -o is a usage error, exit 2)."""
    from .output import OutputError, resolve_target

    try:
        return resolve_target(output, create_dirs=create_dirs)
    except OutputError as e:
        _die(str(e))


def write_output(text: str | bytes, output: Any) -> None:
    """Write a report to stdout or a file (see ``grantscan.output``); a failed write exits with 2."""
    from .output import OutputError
    from .output import write_output as _write

    try:
        _write(text, output)
    except OutputError as e:
        _die(str(e))


def _die(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"grantscan: error: {message}", err=True)
    sys.exit(code)


def _load_config(paths: list[str], ctx_opts: dict[str, Any]) -> Any:
    """Effective Config from config files and options; configuration errors exit with 2."""
    from . import config as cfgmod

    overrides = {
        k: v
        for k, v in ctx_opts.items()
        if v is not None and v != () and k not in ("config_file", "no_config")
    }
    try:
        cfg, sources = cfgmod.load_config(
            paths,
            config_file=ctx_opts.get("config_file"),
            no_config=bool(ctx_opts.get("no_config")),
            overrides=overrides,
        )
    except cfgmod.ConfigError as e:
        _die(str(e))
    return cfg, sources


def common_scan_options(f):  # noqa: ANN001, ANN201 - click decorator plumbing
    """Options shared by scan, triage, baseline create and annotate."""
    opts = [
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False),
            default=None,
            help="Config file (default: nearest grantscan.toml or [tool.grantscan] in pyproject.toml).",
        ),
        click.option("--no-config", is_flag=True, default=None, help="Ignore config files."),
        click.option("--password", default=None, help="Password for encrypted PDFs."),
        click.option(
            "--max-size",
            "max_size",
            callback=_size_option,
            default=None,
            help="Skip files larger than this (e.g. 50MB). Default 100MB.",
        ),
        click.option(
            "--max-pages",
            "max_pages",
            type=click.IntRange(min=1),
            default=None,
            help="Refuse PDFs of more pages than this (default 5000).",
        ),
        click.option(
            "--max-chars",
            "max_chars",
            type=click.IntRange(min=0),
            default=None,
            help="Refuse documents of more characters of text than this (default 20000000; 0 = no limit).",
        ),
        click.option(
            "--lists",
            "lists_dir",
            type=click.Path(file_okay=False),
            default=None,
            help="Folder of screening lists to match organisations against.",
        ),
        click.option(
            "--no-screening",
            "no_screening",
            is_flag=True,
            default=None,
            help="Do not match organisations against any screening list (the report says 'not screened').",
        ),
        click.option(
            "--model",
            default=None,
            help="Installed spaCy model to add statistical NER (e.g. en_core_web_sm). Never downloaded.",
        ),
        click.option(
            "--category", "categories", multiple=True, help="Only report these categories (repeatable)."
        ),
        click.option(
            "--pack",
            "extra_packs",
            multiple=True,
            type=click.Path(exists=True),
            help="Extra pattern pack file or folder (repeatable).",
        ),
        click.option("--include", multiple=True, help="Glob of files to include when walking folders."),
        click.option("--exclude", multiple=True, help="Glob of files to exclude when walking folders."),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(min=1),
            default=None,
            help="Files scanned in parallel (default: number of cores).",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0.1),
            default=None,
            help="Give up on one file after this many seconds (default 120).",
        ),
        click.option(
            "--memory-limit",
            "memory_limit",
            callback=_size_option,
            default=None,
            help="Address-space cap of each worker process (e.g. 1GB; default 2GB; 0 = none).",
        ),
        click.option(
            "--no-cache",
            "no_cache",
            is_flag=True,
            default=None,
            help="Do not read or write the result cache.",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False),
            default=None,
            help="Cache location (default: the user cache dir).",
        ),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _opts_to_overrides(kw: dict[str, Any]) -> dict[str, Any]:
    out = dict(kw)
    if out.get("no_cache"):
        out["cache"] = False
    out.pop("no_cache", None)
    if out.pop("no_screening", None):
        out["screening"] = False
    for key in ("categories", "extra_packs", "include", "exclude"):
        if not out.get(key):
            out.pop(key, None)
        else:
            out[key] = list(out[key])
    for key in ("lists_dir", "cache_dir"):
        if out.get(key):
            out[key] = Path(out[key])
    if out.get("extra_packs"):
        out["extra_packs"] = [Path(p) for p in out["extra_packs"]]
    return out


def _run_scan(paths: tuple[str, ...], kw: dict[str, Any], quiet: bool = False):  # noqa: ANN202
    """Load config, scan with a progress bar on a TTY, print one line per unreadable file."""
    from .runner import scan_path

    if not paths:
        _die("no PATH given (try: grantscan scan proposal.docx)")
    if paths.count("-") > 1:
        _die("standard input ('-') can be read only once")
    cfg, _ = _load_config(list(paths), _opts_to_overrides(kw))
    progress = None
    bar = None
    if sys.stderr.isatty() and not quiet and not os.environ.get("CI"):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        bar = Progress(
            TextColumn("scanning"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            transient=True,
            console=__import__("rich.console").console.Console(stderr=True),
        )
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, path: str) -> None:
            bar.update(task, completed=done, total=total, description=os.path.basename(path)[:40])

        bar.start()
    from .baseline import BaselineError
    from .config import ConfigError
    from .knowledge.loader import PackError

    try:
        result = scan_path(list(paths), cfg, progress=progress, freeze_heap=True)
    except (ConfigError, BaselineError, PackError) as e:
        _die(str(e))
    finally:
        if bar is not None:
            bar.stop()
    for d in result.documents:
        if d.status != "ok":
            click.echo(f"grantscan: error: {d.path}: {d.error}", err=True)
    _say_what_was_not_scanned(paths, result)
    return result, cfg


def _say_what_was_not_scanned(paths: tuple[str, ...], result: Any) -> None:
    """A folder that held nothing to scan is said; a run that read nothing at all is not a clean scan
    (exit 2): reporting 0 findings there would pass a CI check that looked at nothing."""
    from .extract import SUPPORTED_SUFFIXES

    supported = " ".join(sorted(SUPPORTED_SUFFIXES))
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            continue
        prefix = os.path.join(p, "")
        if not any(d.path.startswith(prefix) for d in result.documents):
            click.echo(
                f"grantscan: warning: {p}: no file to scan in this folder (supported: {supported};"
                " .grantscanignore and --include/--exclude apply)",
                err=True,
            )
    if not result.documents:
        _die("nothing was scanned: no supported file in the given paths")


def _exit_code(result: Any, fail_on: str) -> int:
    if any(d.status != "ok" for d in result.documents):
        return EXIT_UNREADABLE
    threshold = SEVERITY_RANK[fail_on]
    for d in result.documents:
        for f in d.active_findings:
            if SEVERITY_RANK.get(f.severity, 0) >= threshold:
                return EXIT_FINDINGS
    return EXIT_OK


class _Main(click.Group):
    """The command group: any exception a command does not handle becomes one line and exit 4 (the
    traceback only with --debug), Ctrl-C exits 130, never 1, which means findings."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("grantscan: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as e:
            if ctx.params.get("debug"):
                import traceback

                traceback.print_exc()
            message = " ".join(str(e).split())[:300]
            click.echo(
                f"grantscan: internal error: {type(e).__name__}{': ' + message if message else ''}"
                + ("" if ctx.params.get("debug") else " (run again with --debug for the traceback)"),
                err=True,
            )
            sys.exit(EXIT_INTERNAL)


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """--version: the version and the dates of the data a scan here would use (no packs are loaded)."""
    if not value or ctx.resilient_parsing:
        return
    from .knowledge.dates import data_dates

    lists_dir = None
    screening = True
    try:
        cfg, _ = _config_quiet()
        lists_dir, screening = cfg.lists_dir, cfg.screening
    except Exception:  # noqa: BLE001 - a broken config file is for `scan` to report, not --version
        pass
    click.echo(f"grantscan {_version()}")
    for line in data_dates(lists_dir):
        click.echo(f"  {line}")
    if not screening:
        click.echo("  screening: off (`screening = false` in the config): a scan here matches no list")
    ctx.exit(EXIT_OK)


def _config_quiet() -> Any:
    from . import config as cfgmod

    return cfgmod.load_config(["."])


@click.group(
    cls=_Main,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and the dates of the guidance, country facts and screening lists, then exit.",
)
@click.option(
    "--debug",
    is_flag=True,
    help="Print the traceback of an internal error, and what went wrong inside a file that could not be scanned.",
)
def main(debug: bool) -> None:
    """Screen grant proposals and research agreements for Trusted Research risk, offline.

    \b
    Examples:
      grantscan init                       write a commented grantscan.toml here
      grantscan scan proposal.docx
      grantscan scan proposals/ --format html -o report.html
      grantscan triage agreements/ --format csv -o triage.csv
      grantscan annotate proposal.docx -o proposal.annotated.docx

    \b
    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or
    configuration error, unwritable output or nothing to scan; 3 an input could not be read;
    4 internal error; 130 interrupted.
    """
    if debug:
        import logging

        logging.basicConfig(level=logging.DEBUG, format="grantscan: debug: %(name)s: %(message)s")


def result_options(f):  # noqa: ANN001, ANN201 - click decorator plumbing
    """Options that decide what counts and what is shown: shared by scan and triage."""
    opts = [
        click.option(
            "--fail-on",
            type=click.Choice(["low", "medium", "high"]),
            default=None,
            help="Exit 1 when a finding has at least this severity (default high).",
        ),
        click.option(
            "--baseline",
            type=click.Path(dir_okay=False, exists=True),
            default=None,
            help="Report only findings not in this baseline file.",
        ),
        click.option("--show-suppressed", is_flag=True, default=None, help="Show suppressed findings too."),
        click.option(
            "--color/--no-color",
            default=None,
            help="Force colour on or off (default: on a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR"
            " turns it on).",
        ),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output", "-o", default=None, help="Write the report here (default: stdout).")
@click.option("--quiet", "-q", is_flag=True, help="Text: only the summary and high findings.")
@click.option(
    "--verbose", "-v", is_flag=True, help="Text: also the reasons behind each confidence and score."
)
@click.option(
    "--watch",
    is_flag=True,
    help="Keep running: rescan files as they are saved, with the detector built once (Ctrl-C stops).",
)
@click.option(
    "--interval",
    type=click.FloatRange(min=0.1),
    default=1.0,
    show_default=True,
    help="With --watch: seconds between checks for changed files.",
)
@result_options
@common_scan_options
def scan(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    quiet: bool,
    verbose: bool,
    watch: bool,
    interval: float,
    color: bool | None,
    **kw: Any,
) -> None:
    """Scan files and folders (recursively) and report findings with guidance.

    \b
    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
    2 usage or configuration error; 3 at least one file could not be read; 4 internal error.
    """
    from .report import render

    if quiet and verbose:
        _die("--quiet and --verbose cannot be used together")
    target = _target(output)
    if watch:
        _watch(paths, kw, fmt, color, quiet, verbose, interval)
        return
    result, cfg = _run_scan(paths, kw)
    to_terminal = target.mode == "stdout"
    text = render(
        result,
        fmt,
        color=color if to_terminal or color else False,
        show_suppressed=cfg.show_suppressed,
        detail="quiet" if quiet else "verbose" if verbose else "normal",
        width="auto" if to_terminal else None,
    )
    write_output(text, target)
    sys.exit(_exit_code(result, cfg.fail_on))


def _watch(
    paths: tuple[str, ...],
    kw: dict[str, Any],
    fmt: str,
    color: bool | None,
    quiet: bool,
    verbose: bool,
    interval: float,
) -> None:
    """``scan --watch``: the first report, then one for each batch of saved files, on standard output."""
    from .report import render
    from .runner import Runner, watch

    if not paths or "-" in paths:
        _die("--watch needs files or folders (not standard input)")
    cfg, _ = _load_config(list(paths), _opts_to_overrides(kw))

    def show(result: Any) -> None:
        for d in result.documents:
            if d.status != "ok":
                click.echo(f"grantscan: error: {d.path}: {d.error}", err=True)
        text = render(
            result,
            fmt,
            color=color,
            show_suppressed=cfg.show_suppressed,
            detail="quiet" if quiet else "verbose" if verbose else "normal",
        )
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        click.echo(f"grantscan: watching {', '.join(paths)} (Ctrl-C stops)", err=True)

    with Runner(cfg, freeze_heap=True) as runner:
        watch(runner, list(paths), show, interval=interval)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "csv", "html", "json"]),
    default="text",
    show_default=True,
)
@click.option("--output", "-o", default=None, help="Write the triage table here (default: stdout).")
@result_options
@common_scan_options
def triage(paths: tuple[str, ...], fmt: str, output: str | None, color: bool | None, **kw: Any) -> None:
    """Rank documents by risk with top reasons, counterparties, countries and a checklist.

    Takes scan's options; exits as scan does (1 when a finding is at or above --fail-on).
    """
    from .report.triage import render_triage, suppressed_by_path, warnings_by_path
    from .triage import build_triage

    target = _target(output)
    result, cfg = _run_scan(paths, kw)
    to_terminal = target.mode == "stdout"
    text = render_triage(
        build_triage(result),
        fmt,
        color=color if to_terminal or color else False,
        width="auto" if to_terminal else None,
        suppressed=suppressed_by_path(result) if cfg.show_suppressed else None,
        warnings=warnings_by_path(result),
    )
    write_output(text, target)
    sys.exit(_exit_code(result, cfg.fail_on))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", "-o", default=None, help="Write here (default: stdout).")
@click.option("--password", default=None, help="Password for encrypted PDFs.")
@click.option("--max-size", "max_size", callback=_size_option, default=None, help="Size limit (e.g. 50MB).")
def extract(
    paths: tuple[str, ...], fmt: str, output: str | None, password: str | None, max_size: int | None
) -> None:
    """Show the text grantscan reads from each file, piece by piece, with locations."""
    import json

    from .extract import ExtractionError, ExtractOptions
    from .extract import extract as do_extract
    from .runner import iter_inputs

    if not paths:
        _die("no PATH given")
    target = _target(output)
    opts = ExtractOptions(password=password, **({"max_size": max_size} if max_size is not None else {}))
    docs: list[dict[str, Any]] = []
    failed = False
    for p in iter_inputs(paths):
        entry: dict[str, Any] = {"path": p, "status": "ok", "error": None, "blocks": []}
        try:
            doc = do_extract(p, opts)
            entry["format"], entry["pages"] = doc.format, doc.pages
            entry["blocks"] = [{"text": b.text, "location": b.location.to_dict()} for b in doc.blocks]
        except ExtractionError as e:
            entry["status"], entry["error"] = "error", e.reason
        except Exception as e:  # noqa: BLE001 - one bad file never stops the batch
            entry["status"], entry["error"] = "error", f"corrupt or unreadable: {type(e).__name__}: {e}"[:300]
        if entry["status"] != "ok":
            failed = True
            click.echo(f"grantscan: error: {p}: {entry['error']}", err=True)
        docs.append(entry)
    if fmt == "json":
        write_output(json.dumps({"documents": docs}, indent=2, ensure_ascii=False), target)
    else:
        lines = []
        for d in docs:
            lines.append(f"== {d['path']} ({d['status']}{': ' + d['error'] if d['error'] else ''})")
            for b in d["blocks"]:
                loc = ", ".join(f"{k}={v}" for k, v in b["location"].items() if k != "bbox")
                lines.append(f"[{loc}] {b['text']}")
            lines.append("")
        write_output("\n".join(lines), target)
    sys.exit(EXIT_UNREADABLE if failed else EXIT_OK)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "-o", required=True, help="Where to write the annotated copy.")
@click.option(
    "--overwrite",
    "--force",
    "overwrite",
    is_flag=True,
    help="Replace an existing output file (never the input).",
)
@click.option("--include-declarations", is_flag=True, help="Also annotate form questions and denials.")
@click.option(
    "--max-notes",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Most comments/highlights written into one document.",
)
@click.option(
    "--verbose", "-v", is_flag=True, help="List the findings that could not be anchored on their text."
)
@common_scan_options
def annotate(
    path: str,
    output: str,
    overwrite: bool,
    include_declarations: bool,
    max_notes: int,
    verbose: bool,
    **kw: Any,
) -> None:
    """Write a copy of a DOCX or PDF with a comment or highlight on each finding.

    The input is never modified; the copy is written atomically.
    """
    from .annotate import AnnotateError, annotate_file

    result, cfg = _run_scan((path,), kw, quiet=True)
    doc = result.documents[0]
    if doc.status != "ok":
        sys.exit(EXIT_UNREADABLE)
    try:
        report = annotate_file(
            path,
            output,
            doc,
            overwrite=overwrite,
            password=cfg.password,
            include_declarations=include_declarations,
            max_notes=max_notes,
        )
    except AnnotateError as e:
        _die(f"{path}: {e}")
    click.echo(report.summary(), err=True)
    for w in report.warnings:
        click.echo(f"grantscan: warning: {w}", err=True)
    if verbose:
        for m in report.unanchored:
            click.echo(f"  {m.where}: {m.text}: {m.reason}", err=True)
    sys.exit(EXIT_OK)


@main.group()
def baseline() -> None:
    """Record current findings so later scans report only new ones."""


@baseline.command("create")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output", "-o", required=True, help="Baseline file to write.")
@common_scan_options
def baseline_create(paths: tuple[str, ...], output: str, **kw: Any) -> None:
    """Scan PATHS and write every current finding's fingerprint to a baseline file."""
    import json

    from .baseline import create_baseline

    target = _target(output)
    result, _ = _run_scan(paths, kw)
    data = create_baseline(result)
    write_output(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n", target)
    click.echo(f"{output}: {len(data.get('findings', data.get('entries', [])))} findings recorded", err=True)
    sys.exit(EXIT_UNREADABLE if any(d.status != "ok" for d in result.documents) else EXIT_OK)


@main.command("init")
@click.option(
    "--output",
    "-o",
    default="grantscan.toml",
    show_default=True,
    help="Where to write the configuration file.",
)
@click.option(
    "--institution",
    "institutions",
    multiple=True,
    help="Your own institution, never reported as a partner (repeatable: add short forms too).",
)
@click.option("--country", default=None, help="Your own country as an ISO code (default GB).")
@click.option("--force", is_flag=True, help="Replace an existing file.")
def init_cmd(output: str, institutions: tuple[str, ...], country: str | None, force: bool) -> None:
    """Write a commented grantscan.toml: every setting with its default and what it does."""
    from .config import init_text

    target = _target(output, create_dirs=False)
    if target.replaces and not force:
        _die(f"{output} exists (use --force to replace it)")
    try:
        text = init_text(institutions, country)
    except ValueError as e:
        _die(f"--country: {e}")
    write_output(text, target)
    if target.mode != "stdout":
        click.echo(f"{output}: written; `grantscan config` shows the effective settings", err=True)


@main.command("config")
@click.option(
    "--show", is_flag=True, help="Print the effective configuration (what the command does anyway)."
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None)
@click.option("--no-config", is_flag=True, default=None)
@click.argument("paths", nargs=-1, type=click.Path())
def config_cmd(show: bool, config_file: str | None, no_config: bool | None, paths: tuple[str, ...]) -> None:
    """Show the effective configuration for PATHS (default: the current folder) and where each value comes from."""
    from .config import show_config

    cfg, sources = _load_config(list(paths) or ["."], {"config_file": config_file, "no_config": no_config})
    click.echo(show_config(cfg, sources))


@main.group()
def rules() -> None:
    """List the detection rules or run their built-in examples."""


@rules.command("list")
@click.option(
    "--pack",
    "extra_packs",
    multiple=True,
    type=click.Path(exists=True),
    help="Also list the rules of this pack file or folder (repeatable).",
)
def rules_list(extra_packs: tuple[str, ...]) -> None:
    """List every technology rule of the shipped (and extra) pattern packs."""
    from .detect.matcher import load_rules, pack_files
    from .knowledge.loader import PackError

    try:
        rules_ = load_rules(pack_files(extra_packs))
    except PackError as e:
        _die(str(e))
    for r in rules_:
        click.echo(f"{r.id:36s} {r.subcategory or r.category:30s} {len(r.terms):4d} terms  {r.source}")


@rules.command("test")
@click.option(
    "--pack",
    "extra_packs",
    multiple=True,
    type=click.Path(exists=True),
    help="Also test this pack file or folder (repeatable).",
)
def rules_test(extra_packs: tuple[str, ...]) -> None:
    """Run every rule's must_match / must_not_match examples through the real detector.

    Exit 1 when an example fails, so a custom pack can be checked in CI.
    """
    from .config import Config
    from .detect import Detector
    from .detect.matcher import load_rules, pack_files
    from .knowledge.loader import PackError
    from .model import Document, Location, TextBlock

    try:
        rules_ = load_rules(pack_files(extra_packs))
        detector = Detector(Config(extra_packs=[Path(p) for p in extra_packs], cache=False))
    except PackError as e:
        _die(str(e))
    failed = total = 0
    for r in rules_:
        for expect, examples in ((True, r.must_match), (False, r.must_not_match)):
            for sentence in examples:
                total += 1
                doc = Document("example.txt", "text", [TextBlock(sentence, Location(line=1, column=1))])
                hit = any(f.kind == "finding" and f.category == r.category for f in detector.detect(doc))
                if hit != expect:
                    failed += 1
                    what = "did not fire on" if expect else "fired on"
                    click.echo(f"FAIL {r.id} ({r.source}) {what}: {sentence}")
    click.echo(f"{total - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


@rules.command("stats")
def rules_stats() -> None:
    """How often detection is right: precision, recall and F1 per category, with the labelled set, its size
    and the date they were measured (partner screening: recall and false matches, with the list snapshot)."""
    from .knowledge.loader import PackError
    from .knowledge.quality import load_quality, table

    try:
        figures = load_quality()
    except PackError as e:
        _die(str(e))
    if not figures:
        _die("no measured quality figures are shipped with this installation")
    click.echo("\n".join(table(figures)).rstrip())


@main.command("serve")
@common_scan_options
def serve_cmd(**kw: Any) -> None:
    """Scan requests read as JSON lines on standard input, one JSON line answered each, with the detector
    built once: for editors and hooks that scan on every save.

    \b
    Requests:  {"id": 1, "path": "proposal.docx"}   {"id": 2, "text": "...", "name": "draft.md"}
    Answers:   {"id": 1, "result": <the JSON report>}   or   {"id": 1, "error": "..."}
    """
    from .runner import Runner
    from .serve import serve

    cfg, _ = _load_config(["."], _opts_to_overrides(kw))
    with Runner(cfg, freeze_heap=True) as runner:
        serve(runner, sys.stdin, sys.stdout)


@main.group("lists")
def lists_group() -> None:
    """Show the screening lists organisations are matched against, or import a newer download."""


@lists_group.command("show")
@click.option(
    "--lists", "lists_dir", type=click.Path(file_okay=False), default=None, help="Also this folder."
)
def lists_show(lists_dir: str | None) -> None:
    """Print every list loaded by default (and from --lists), with its origin, snapshot date and size."""
    from .knowledge.designations import describe, load_lists
    from .knowledge.loader import PackError

    try:
        extra = load_lists(lists_dir) if lists_dir else None
        lines = describe(extra)
    except (PackError, FileNotFoundError) as e:
        _die(str(e))
    click.echo("\n".join(lines))


@lists_group.command("update")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--force", is_flag=True, help="Accept a list much smaller than the one loaded now.")
def lists_update(files: tuple[str, ...], force: bool) -> None:
    """Import a newer download of a list (UK Sanctions List CSV, US restricted-party JSON) for later scans."""
    from .knowledge.designations import ListImportError, import_lists, user_dir

    try:
        infos = import_lists([Path(f) for f in files], min_share=0.0 if force else 0.5)
    except ListImportError as e:
        _die(str(e))
    for i in infos:
        click.echo(f"{i.id}: {i.rows} organisations, snapshot {i.snapshot} (replaces the shipped list)")
    click.echo(f"stored in {user_dir()}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
