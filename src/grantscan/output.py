"""Where reports, baselines and annotated copies are written, and how.

- A regular file, or a new one, is replaced atomically: the bytes go to a temporary file in the same folder
  that is then renamed over the target, so a reader never sees half a report and a failed run leaves the old
  file as it was. A replaced file keeps its permission bits; a new one gets the usual ``0666 & ~umask``.
- Anything else is written into, never replaced: standard output (``-``), character and block devices
  (``/dev/null``), FIFOs and sockets, and the aliases of an open stream (``/dev/stdout``, ``/dev/fd/N``,
  ``/proc/self/fd/N``), which are appended to so that what the shell redirected there is kept.
- A symbolic link is never replaced. Writing to a link writes to what it points to: a regular file at the
  end of the link is replaced atomically (the link stays a link to it), a device or FIFO is written into,
  and a link to nothing is refused rather than guessed at.
- A missing folder in the path is created for reports (``create_dirs``); a folder as the target, a path
  below a regular file and a place the user cannot write are one-line ``OutputError`` messages.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

__all__ = ["OutputError", "Target", "resolve_target", "write_output", "write_with"]

Mode = Literal["stdout", "atomic", "stream"]
_MAX_LINKS = 40  # as the kernel's own limit on a chain of symbolic links
_STREAM_ALIASES = ("/proc/", "/dev/fd/")  # links into these name an open file description, not a file


class OutputError(Exception):
    """The output cannot be written. The message is one line naming the path and the reason."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where the bytes of one output go. ``path`` is the file replaced (``atomic``: the end of any symbolic
    link) or the name opened for writing (``stream``); None for standard output."""

    mode: Mode
    path: Path | None
    given: str

    @property
    def replaces(self) -> bool:
        """Whether writing replaces an existing regular file (what ``--overwrite`` guards)."""
        return self.mode == "atomic" and self.path is not None and self.path.exists()


def _is_stream_alias(path: Path) -> bool:
    text = str(path.absolute())
    return any(text.startswith(prefix) for prefix in _STREAM_ALIASES) or text in (
        "/dev/stdout",
        "/dev/stderr",
    )


def _follow(path: Path, given: str) -> tuple[Path, bool]:
    """The end of the chain of symbolic links at ``path``, and whether the chain passes a stream alias."""
    current, alias = path, _is_stream_alias(path)
    for _ in range(_MAX_LINKS):
        if not current.is_symlink():
            return current, alias
        link = Path(os.readlink(current))
        current = link if link.is_absolute() else current.parent / link
        alias = alias or _is_stream_alias(current)
    raise OutputError(f"cannot write {given}: too many levels of symbolic links")


def resolve_target(output: str | Path | None, *, create_dirs: bool = True) -> Target:
    """Decide how ``output`` is written, and check that it can be, before any work is done.

    Raises OutputError for a folder, a link to nothing, a path below a regular file, a missing folder when
    ``create_dirs`` is False, or a folder the user cannot write in.
    """
    if output is None or str(output) == "-":
        return Target("stdout", None, "-")
    given = str(output)
    path = Path(output)
    end, alias = _follow(path, given)
    if alias:
        return Target("stream", path, given)
    try:
        st = end.stat()
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise OutputError(f"cannot write {given}: a part of the path is a file, not a folder") from None
    except OSError as e:
        raise OutputError(f"cannot write {given}: {e.strerror or e}") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"cannot write {given}: it is a folder (give a file name, e.g. {given}/report)")
        if not stat.S_ISREG(st.st_mode):
            return Target("stream", path, given)  # a device, FIFO or socket: written into, never replaced
    elif path.is_symlink():
        raise OutputError(f"cannot write {given}: it is a symbolic link to {end}, which does not exist")
    folder = end.parent
    if not folder.is_dir():
        if folder.exists() or any(p.exists() and not p.is_dir() for p in folder.parents):
            raise OutputError(f"cannot write {given}: a part of the path is a file, not a folder")
        if not create_dirs:
            raise OutputError(f"cannot write {given}: output folder does not exist: {folder}")
    else:
        _check_writable(folder, given)
    return Target("atomic", end, given)


def _check_writable(folder: Path, given: str) -> None:
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {given}: permission denied in {folder}")


def write_with(target: Target | str | Path | None, write: Callable[[IO[bytes]], None]) -> None:
    """Run ``write`` into ``target``: into a temporary file then moved into place (regular files), or into
    memory then written in one go (streams), so a ``write`` that fails leaves nothing half written."""
    if not isinstance(target, Target):
        target = resolve_target(target)
    if target.mode != "atomic":
        buf = io.BytesIO()
        write(buf)
        _write_stream(target, buf.getvalue())
        return
    assert target.path is not None
    dst = target.path
    try:
        dst.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=dst.parent)
    except OSError as e:
        raise OutputError(f"cannot write {target.given}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = stat.S_IMODE(dst.stat().st_mode)  # a replaced file keeps its permissions
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # mkstemp creates 0600; reports are meant to be shared
        os.chmod(tmp, mode)
        os.replace(tmp, dst)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise OutputError(f"cannot write {target.given}: {e.strerror or e}") from None
        raise


def _write_stream(target: Target, data: bytes) -> None:
    if target.mode == "stdout":
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        except BrokenPipeError:
            # the reader stopped reading (`grantscan scan | head`): not an error of the scan; stdout is
            # pointed at /dev/null so that the interpreter's own flush at exit stays quiet
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        return
    assert target.path is not None
    try:
        sys.stdout.flush()
        with open(target.path, "ab") as fh:
            fh.write(data)
    except OSError as e:
        raise OutputError(f"cannot write {target.given}: {e.strerror or e}") from None


def write_output(data: str | bytes, target: Target | str | Path | None) -> None:
    """Write a report: text gets a final newline and is encoded as UTF-8."""
    if isinstance(data, str):
        data = (data if data.endswith("\n") else data + "\n").encode("utf-8")
    payload = data

    def write(fh: IO[bytes]) -> None:
        fh.write(payload)

    write_with(target, write)
