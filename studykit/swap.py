"""Putting a finished site in place: one build per output folder at a time, leftovers of killed builds removed,
and an atomic exchange where the system has one.

A build works in `.site-new-<name>-*` beside the output folder and swaps it in at the end. A build killed midway
(SIGKILL, power loss) leaves that folder, and possibly a `.site-old-<name>-*` one, behind; the next build of the
same output removes them first. Builds of the same output are serialised by `flock` on
`.studykit/build-<name>.lock` beside it: a second build stops at once with `BuildLocked`, and the lock is released
by the kernel when its holder dies, so a killed build never blocks the next one. (Windows has no `flock`: there
builds are not serialised.)

The swap: on Linux, `renameat2(RENAME_EXCHANGE)` exchanges the new and the old tree in one step, so a web server
pointed at the output folder always finds a whole site. Where that call is missing or the file system refuses it,
the old tree is renamed aside and the new one renamed in: between those two renames (microseconds) the folder does
not exist and a request may get a 404. Either way the old tree is deleted only after the new one is in place.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STAGING_PREFIX = ".site-new-"
RETIRED_PREFIX = ".site-old-"
LOCK_DIR = ".studykit"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}


class BuildLocked(Exception):
    """Another build of the same output folder holds the lock."""


def staging_prefix(site: Path) -> str:
    return f"{STAGING_PREFIX}{site.name}-"


def lock_path(site: Path) -> Path:
    return site.parent / LOCK_DIR / f"build-{site.name}.lock"


if sys.platform == "win32":  # pragma: no cover - no flock on Windows

    def _try_lock(fd: int) -> bool:
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


@contextmanager
def build_lock(site: Path) -> Iterator[None]:
    """Hold the output folder's build lock for the duration; raise BuildLocked at once if another build has it."""
    path = lock_path(site)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        if not _try_lock(fd):
            raise BuildLocked(
                f"another build is running into {site} (it holds {path}); wait for it to finish, then build again"
            )
        yield
    finally:
        os.close(fd)  # closing releases the lock


def remove_leftovers(site: Path) -> list[Path]:
    """Delete the staging and retired folders that killed builds of `site` left beside it; return them."""
    removed = []
    if site.parent.is_dir():
        prefixes = (staging_prefix(site), f"{RETIRED_PREFIX}{site.name}-")
        for path in sorted(site.parent.iterdir()):
            if path.name.startswith(prefixes) and path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):  # an old C library
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap(new: Path, site: Path) -> None:
    """Put the tree at `new` where `site` is, then delete the old tree."""
    if not site.exists() and not site.is_symlink():
        new.rename(site)
        return
    if _exchange(new, site):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old tree
        return
    old = site.with_name(f"{RETIRED_PREFIX}{site.name}-{time.time_ns()}")
    site.rename(old)
    new.rename(site)
    shutil.rmtree(old, ignore_errors=True)
