"""Which files a run reads: the files named, and the article files found in the folders named.

Nothing is left out without a word:

* a folder that cannot be listed (permission denied, ...) is an error naming it,
  and the rest of the tree is still read;
* symbolic links are followed; one that leads back into a folder being walked
  (a *symlink loop*) is an error naming the link, and is not followed;
  a dangling link is an error naming it;
* files of types libkg does not read (``.docx``, ``.pdf``, ...) found in a
  folder are counted in one warning per folder named; a file of such a type
  named on the command line is an error;
* hidden files and folders (name starting with ``.``) inside a folder are
  skipped silently, as ``ls`` does.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from libkg.read.errors import ReadError, ReadWarning

SUFFIXES = {".txt", ".text", ".html", ".htm", ".json", ".jsonl"}
SUPPORTED = ".txt, .html (.htm), .json and .jsonl"

__all__ = ["SUFFIXES", "SUPPORTED", "Source", "folder_files", "iter_sources"]

Source = Path | ReadError | ReadWarning


@dataclass
class _Walk:
    files: list[Path] = field(default_factory=list)
    problems: list[ReadError] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)  # unsupported suffix -> files


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links); not followed"
    return (exc.strerror or str(exc)).lower()


def _listing(folder: Path, walk: _Walk) -> list[os.DirEntry] | None:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        walk.problems.append(ReadError(str(folder), f"cannot read folder: {_os_problem(exc)}; "
                                                    f"the articles in it are not read"))
        return None


def _key(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


def _entry(entry: os.DirEntry, path: Path, walk: _Walk, ancestors: frozenset,
           seen: set) -> tuple[Path, frozenset] | None:
    """Sort one directory entry: a folder to walk (returned), a file kept or counted, or a problem."""
    try:
        st = os.stat(path)  # follows symbolic links
    except OSError as exc:
        if entry.is_symlink() and exc.errno == errno.ENOENT:
            walk.problems.append(ReadError(str(path), f"broken symbolic link (to {os.readlink(path)!r}); "
                                                      f"nothing read"))
        elif exc.errno == errno.ELOOP:
            walk.problems.append(ReadError(str(path), "symlink loop at this link; not followed"))
        else:
            walk.problems.append(ReadError(str(path), f"cannot be read ({_os_problem(exc)})"))
        return None
    if stat.S_ISDIR(st.st_mode):
        key = _key(st)
        if key in ancestors:
            walk.problems.append(ReadError(str(path), f"symlink loop at this link (it leads back to "
                                                      f"{os.path.realpath(path)!s}); not followed"))
            return None
        if key in seen:
            return None  # the same folder reached by another link: its files are read once
        seen.add(key)
        return path, ancestors | {key}
    if stat.S_ISREG(st.st_mode):
        suffix = path.suffix.lower()
        if suffix in SUFFIXES:
            walk.files.append(path)
        else:
            walk.skipped[suffix or "(no extension)"] += 1
    return None


def _walk(top: Path) -> _Walk:
    """Every article file under ``top`` (links followed, loops and unreadable folders reported)."""
    walk = _Walk()
    try:
        root_key = _key(os.stat(top))
    except OSError as exc:
        walk.problems.append(ReadError(str(top), f"cannot read folder: {_os_problem(exc)}"))
        return walk
    seen = {root_key}
    stack: list[tuple[Path, frozenset]] = [(top, frozenset({root_key}))]
    while stack:
        folder, ancestors = stack.pop()
        entries = _listing(folder, walk)
        if entries is None:
            continue
        sub = []
        for e in entries:
            if e.name.startswith("."):
                continue
            nxt = _entry(e, folder / e.name, walk, ancestors, seen)
            if nxt is not None:
                sub.append(nxt)
        stack.extend(reversed(sub))
    walk.files.sort()
    return walk


def folder_files(folder: str | Path) -> list[Path]:
    """The article files under ``folder``, sorted (problems dropped: use :func:`iter_sources` to see them)."""
    return _walk(Path(folder)).files


def _skipped_summary(skipped: Counter) -> str:
    n = sum(skipped.values())
    kinds = ", ".join(f"{k}: {v}" for k, v in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"skipped {n} file(s) of unsupported types ({kinds}); libkg reads {SUPPORTED}"


def _folder_sources(p: Path) -> Iterator[Source]:
    walk = _walk(p)
    yield from walk.problems
    if walk.skipped:
        yield ReadWarning(str(p), _skipped_summary(walk.skipped))
    if not walk.files and not walk.problems:
        yield ReadError(str(p), "no article files in this folder (looked for "
                                f"{', '.join(sorted(SUFFIXES))}, recursively)")
    yield from walk.files


def _named(p: Path) -> Source:
    """A path named on the command line that is not a folder."""
    try:
        st = os.stat(p)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            return ReadError(str(p), "broken symbolic link; nothing read" if os.path.islink(p)
                             else "no such file or folder")
        if exc.errno == errno.ELOOP:
            return ReadError(str(p), "symlink loop at this path; not followed")
        return ReadError(str(p), f"cannot be read ({_os_problem(exc)})")
    if stat.S_ISREG(st.st_mode) and p.suffix.lower() not in SUFFIXES:
        return ReadError(str(p), f"unsupported file type {p.suffix.lower() or '(no extension)'!r}: "
                                 f"libkg reads {SUPPORTED}")
    return p


def iter_sources(paths: Iterable[str | bytes | Path]) -> Iterator[Source]:
    """Files named, and article files found recursively in folders named, in a stable order.

    Problems are yielded as :class:`ReadError` (a path that does not exist, a
    folder without a single article file, an unreadable folder, a symlink
    loop, a named file of an unsupported type) and notices as
    :class:`ReadWarning` (files of unsupported types skipped in a folder), so
    the caller can report them and go on.  File names may be any bytes.
    """
    for raw in paths:
        p = Path(os.fsdecode(raw))
        if p.is_dir():
            yield from _folder_sources(p)
        else:
            yield _named(p)
