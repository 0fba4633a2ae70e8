"""Errors (and warnings) that name the input and what is wrong with it."""

from __future__ import annotations

import re

# lone surrogates: the bytes of a file name that are not UTF-8, as Python's surrogateescape keeps them
_ESCAPED_BYTES = re.compile(r"[\udc80-\udcff]")
_LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")


def printable_name(name: str) -> str:
    r"""A file name as text that any output (terminal, JSON, RDF literal) accepts.

    A name whose bytes are not UTF-8 (a Latin-1 name on Linux) reaches Python with
    its undecodable bytes as lone surrogates; they are written ``\xNN`` as ``ls -b`` does.

    >>> printable_name("/tmp/b\udce0i.txt")
    '/tmp/b\\xe0i.txt'
    """
    return _escape_bytes(name, "\\x{:02x}")


def id_from_name(stem: str) -> str:
    r"""An article id from a file name: its undecodable bytes percent-escaped (``b\udce0i`` -> ``b%E0i``)."""
    return _escape_bytes(stem, "%{:02X}")


def _escape_bytes(name: str, form: str) -> str:
    """``name`` with each undecodable byte written as ``form`` gives it, other lone surrogates as U+FFFD."""
    if name.isascii():
        return name
    name = _ESCAPED_BYTES.sub(lambda m: form.format(ord(m.group()) - 0xDC00), name)
    return _LONE_SURROGATES.sub("\ufffd", name)


class ReadError(Exception):
    """An input file (or one record in it) could not be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        source = printable_name(str(source))
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self):  # picklable, so ingest workers can send it to the parent
        return (type(self), (self.source, self.problem))


class ReadWarning:
    """Something a user should know about an input that was still read (or safely left out).

    Not an exception and not a :class:`ReadError`: it never makes a run fail.
    """

    def __init__(self, source: str, problem: str) -> None:
        self.source = printable_name(str(source))
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"

    def __repr__(self) -> str:
        return f"ReadWarning({self.source!r}, {self.problem!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ReadWarning) and (self.source, self.problem) == (other.source, other.problem)

    def __hash__(self) -> int:
        return hash((self.source, self.problem))

    def __reduce__(self):
        return (type(self), (self.source, self.problem))
