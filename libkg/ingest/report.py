"""What an ingest run reports, and the checks it makes on article ids."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from libkg.read import ReadError, ReadWarning

__all__ = ["DuplicateCheck", "IngestReport", "failure", "text_digest"]


@dataclass
class IngestReport:
    articles: int = 0
    triples_written: int = 0
    errors: list[ReadError] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)  # reported, but nothing was lost
    article_ids: list[str] = field(default_factory=list)
    duplicates: int = 0  # same id and same text as an article already read in this run: skipped

    def summary(self, store_triples: int | None = None) -> str:
        """One line for the end of a run; the first fields are what scripts have parsed for long."""
        parts = [f"ingested {self.articles} article(s)", f"{self.triples_written} triples written"]
        if store_triples is not None:
            parts.append(f"{store_triples} triples in the store")
        parts.append(f"{len(self.errors)} error(s)")
        if self.warnings:
            parts.append(f"{len(self.warnings)} warning(s)")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate(s) skipped")
        return ", ".join(parts)


def text_digest(text: str) -> bytes:
    """What "the same article" means for a repeated id: the same cleaned text."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class DuplicateCheck:
    """Remembers each id's source and text digest for one run (about 100 bytes per article).

    The same id with the same text is a harmless re-read (a file named twice,
    a corpus and its copy) and is skipped; the same id with different text is
    an error, because one article would silently overwrite the other.
    """

    def __init__(self) -> None:
        self.seen: dict[str, tuple[str, bytes]] = {}

    def check(self, aid: str, where: str, digest: bytes) -> ReadError | bool:
        """True to ingest, False to skip as a harmless duplicate, or the error to report."""
        prev = self.seen.get(aid)
        if prev is None:
            self.seen[aid] = (where, digest)
            return True
        if prev[1] == digest:
            return False
        return ReadError(where, f"article id {aid!r} was already read from {prev[0]} with different text; "
                                f"ids must be unique (this one is not ingested)")


def failure(where: str, exc: BaseException) -> ReadError:
    """An extraction or store failure reported like a read error, against the article's source."""
    return ReadError(where, f"could not be ingested: {type(exc).__name__}: {exc}")
