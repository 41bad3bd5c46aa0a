"""Writing files so that nothing is ever half-written.

Every file relmgr writes (settings, exports, sync payloads) goes to a temp file in the target
folder, is flushed to disk, and only then renamed over the target: a crash or an error leaves
either the old file or the new one, never a partial one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


class WriteFailed(Exception):
    """The file could not be written; str(error) names the file and the reason."""


@contextlib.contextmanager
def _translated_os_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except PermissionError:
        raise WriteFailed(f"{path}: no permission to write here") from None
    except FileNotFoundError:
        raise WriteFailed(f"{path.parent}: no such folder") from None
    except IsADirectoryError:
        raise WriteFailed(f"{path}: is a folder") from None
    except OSError as error:
        raise WriteFailed(f"{path}: {error.strerror or error}") from None


def write_atomically(path: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> Path:
    """Call `write(handle)` on a temp file next to `path`, then rename it into place."""
    path = Path(path)
    with _translated_os_errors(path):
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        with _translated_os_errors(path):
            os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return path


def write_text_atomically(path: str | os.PathLike[str], text: str) -> Path:
    return write_atomically(path, lambda handle: handle.write(text.encode("utf-8")))
