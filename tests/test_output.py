"""Where outputs go: regular files replaced atomically, devices and FIFOs written into, links never replaced.

Each case runs through the command line too (scan -o, triage -o, baseline create -o, annotate -o), because that
is where a user meets it: `-o /dev/null` once turned /dev/null into a regular file.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from grantscan.cli import main
from grantscan.output import OutputError, resolve_target, write_output

from .conftest import RISKY_TEXT, SAMPLES


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture()
def risky(tmp_path: Path) -> Path:
    p = tmp_path / "in" / "risky.txt"
    p.parent.mkdir()
    p.write_text(RISKY_TEXT, encoding="utf-8")
    return p


def _device(tmp_path: Path) -> Path:
    """A character device node of our own (the null device's numbers) in a temporary folder."""
    if os.geteuid() != 0:
        pytest.skip("creating a device node needs root (mknod); run the suite as root to cover devices")
    node = tmp_path / "null-device"
    st = os.stat("/dev/null")
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, st.st_rdev)
    except OSError as e:  # e.g. a container without CAP_MKNOD, or a nodev mount
        pytest.skip(f"cannot create a device node here: {e.strerror}")
    try:
        with open(node, "wb") as fh:
            fh.write(b"probe")
    except OSError as e:
        pytest.skip(f"the device node cannot be opened here (nodev mount?): {e.strerror}")
    return node


def _is_char_device(path: Path) -> bool:
    return stat.S_ISCHR(os.lstat(path).st_mode)


def test_a_device_node_is_written_into_never_replaced(tmp_path: Path, risky: Path) -> None:
    node = _device(tmp_path)
    assert resolve_target(node).mode == "stream"
    for args in (
        ("scan", "--no-cache", "-f", "json", "-o", str(node), str(risky)),
        ("triage", "--no-cache", "-f", "csv", "-o", str(node), str(risky)),
        ("baseline", "create", "--no-cache", "-o", str(node), str(risky)),
    ):
        code, out, err = run(*args)
        assert code in (0, 1), (args, err)
        assert _is_char_device(node), args
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "null-device"]  # no temporary file left


def test_dev_null_stays_a_device(risky: Path) -> None:
    before = os.stat("/dev/null")
    code, out, err = run("scan", "--no-cache", "-f", "sarif", "-o", "/dev/null", str(risky))
    assert code == 1 and out == "" and "error" not in err
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino


def test_annotate_writes_into_a_device_without_overwrite(tmp_path: Path) -> None:
    node = _device(tmp_path)
    code, _, err = run("annotate", "--no-cache", str(SAMPLES / "proposal-skyward.docx"), "-o", str(node))
    assert code == 0, err
    assert _is_char_device(node)


def test_a_fifo_is_written_into(tmp_path: Path, risky: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    try:
        code, out, err = run("scan", "--no-cache", "-f", "json", "-o", str(fifo), str(risky))
    finally:
        reader.join(timeout=60)
    assert code == 1, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got and b'"format_version": 2' in got[0] and str(risky).encode() in got[0]


def test_a_symlink_to_a_file_is_kept_and_its_file_replaced_atomically(tmp_path: Path, risky: Path) -> None:
    real = tmp_path / "reports" / "report.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(Path("reports") / "report.json")
    code, _, err = run("scan", "--no-cache", "-f", "json", "-o", str(link), str(risky))
    assert code == 1, err
    assert link.is_symlink() and os.readlink(link) == str(Path("reports") / "report.json")
    assert '"format_version": 2' in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # a replaced file keeps its permissions
    assert sorted(p.name for p in real.parent.iterdir()) == ["report.json"]


def test_a_dangling_symlink_is_refused(tmp_path: Path, risky: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "nowhere" / "x.json")
    code, out, err = run("scan", "--no-cache", "-f", "json", "-o", str(link), str(risky))
    assert code == 2 and out == ""
    assert err.strip() == (
        f"grantscan: error: cannot write {link}: it is a symbolic link to {tmp_path / 'nowhere' / 'x.json'}, "
        "which does not exist"
    )
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


def test_a_symlink_to_a_device_writes_into_the_device(tmp_path: Path, risky: Path) -> None:
    link = tmp_path / "sink"
    link.symlink_to("/dev/null")
    assert resolve_target(link).mode == "stream"
    code, _, err = run("scan", "--no-cache", "-o", str(link), str(risky))
    assert code == 1, err
    assert link.is_symlink() and os.readlink(link) == "/dev/null"


def test_stream_aliases_append_to_what_the_shell_opened(tmp_path: Path) -> None:
    for alias in ("/dev/stdout", "/proc/self/fd/1", "/dev/fd/1"):
        if os.path.exists(alias):
            assert resolve_target(alias).mode == "stream", alias
    assert resolve_target("-").mode == "stdout" and resolve_target(None).mode == "stdout"
    assert resolve_target(tmp_path / "new.json").mode == "atomic"


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda t: t, "it is a folder"),
        (
            lambda t: (t / "file.txt").write_text("x") and t / "file.txt" / "report.json",
            "is a file, not a folder",
        ),
    ],
)
def test_unwritable_outputs_are_one_line_and_exit_2_before_scanning(
    tmp_path: Path, risky: Path, make, message: str
) -> None:
    target = make(tmp_path)
    for args in (
        ("scan", "--no-cache", "-o", str(target), str(risky)),
        ("triage", "--no-cache", "-o", str(target), str(risky)),
        ("baseline", "create", "--no-cache", "-o", str(target), str(risky)),
        ("extract", "-o", str(target), str(risky)),
    ):
        code, out, err = run(*args)
        assert code == 2, (args, err)
        assert err.count("\n") == 1 and err.startswith("grantscan: error: cannot write") and message in err, (
            err
        )
        assert "Traceback" not in err


def test_a_folder_without_write_permission(tmp_path: Path, risky: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip(
                "running as root: permission bits do not stop root (a failing write is covered by /dev/full)"
            )
        code, _, err = run("scan", "--no-cache", "-o", str(locked / "r.json"), str(risky))
        assert code == 2 and "permission denied" in err and err.count("\n") == 1
    finally:
        os.chmod(locked, 0o700)


def test_a_write_that_fails_midway_is_one_line_and_exit_2(tmp_path: Path, risky: Path) -> None:
    """/dev/full takes the open and refuses the bytes (ENOSPC): the error is the user's to fix, not a crash."""
    if not os.path.exists("/dev/full"):
        pytest.skip("/dev/full not present")
    code, _, err = run("scan", "--no-cache", "-o", "/dev/full", str(risky))
    assert (
        code == 2 and err.startswith("grantscan: error: cannot write /dev/full:") and "Traceback" not in err
    )
    with pytest.raises(OutputError, match="cannot write /dev/full"):
        write_output("x", "/dev/full")
