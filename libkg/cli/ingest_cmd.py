"""libkg ingest: articles into the store."""

from __future__ import annotations

import os
import re
import sys

import click

from libkg.cli.app import cli
from libkg.cli.common import open_store_or_fail, store_options

_SIZE = re.compile(r"(?i)^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$")
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}


class ByteSize(click.ParamType):
    """Sizes as people write them: 20000000, 20MB, 512k, 1.5G (binary multiples)."""

    name = "size"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        m = _SIZE.match(str(value))
        if not m:
            self.fail(f"{value!r} is not a size (e.g. 20MB, 512k, 1000000)", param, ctx)
        n = int(float(m.group(1)) * _UNITS[(m.group(2) or "").lower()[:1]])
        if n <= 0:
            self.fail("the size limit must be positive", param, ctx)
        return n


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@store_options
@click.option("--base", envvar="LIBKG_BASE", help="Base IRI for minted entities (default https://w3id.org/libkg/).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Extraction processes; 0 = one per CPU.")
@click.option("--max-bytes", type=ByteSize(), default="20MB", show_default=True,
              help="Refuse files (for .jsonl: lines) bigger than this, checked before reading.")
@click.option("--batch-size", type=click.IntRange(min=1), default=256, show_default=True,
              help="Articles per store write (each write is one transaction).")
@click.option("--bulk", is_flag=True,
              help="Load the run's new articles with Oxigraph's bulk loader, in segments (embedded "
                   "store): several times faster for a first load of a big corpus, but not isolated from "
                   "readers while it loads; after a crash the unfinished load is removed when the store "
                   "is next opened. The store is compacted at the end, so queries are fast straight away.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[str, ...], store_path: str | None, endpoint: str | None, update_endpoint: str | None,
           user: str | None, password: str | None, base: str | None, jobs: int, max_bytes: int,
           batch_size: int, bulk: bool, quiet: bool) -> None:
    """Read articles, extract their facts and store them (one named graph per article).

    PATHS are files (.txt, .html, .json, .jsonl) or folders, searched recursively.
    Two passes: every article is read and extracted ("extract" bar), then
    identities are resolved over the whole run and the articles written
    ("ingest" bar), --batch-size per transaction; into a store that holds no
    articles yet, each batch goes to Oxigraph's bulk loader instead (faster;
    a failed or interrupted batch is removed again, so articles are whole or
    absent, but readers may see a batch half-loaded).
    Text may be UTF-8 or a legacy Vietnamese encoding (TCVN3, VNI, VISCII,
    Windows-1258), converted to Unicode.  Re-ingesting an article replaces its
    facts; a bad file is reported and skipped, never half-written; the exit
    status is 1 when anything was skipped.  Files of other types found in
    folders are counted in a warning; an article over 100,000 characters is
    refused (news articles are far shorter).

    \b
    Example:
      libkg ingest samples/articles --store out/store
      libkg ingest corpus.jsonl --store out/store --jobs 0 --bulk
    """
    from tqdm import tqdm

    from libkg.ingest import ingest_paths
    from libkg.ingest.memory import limit_arenas
    from libkg.read import ReadError
    from libkg.store import StoreError

    limit_arenas()  # before the store starts its threads (libkg.ingest.memory)
    jobs = jobs or os.cpu_count() or 1
    bars: dict[str, tqdm] = {}  # one bar per pass, the first closed when the second starts

    def bar(desc: str) -> tqdm:
        if desc not in bars:
            for b in bars.values():
                b.close()
            bars[desc] = tqdm(desc=desc, unit=" article", disable=quiet, file=sys.stderr, mininterval=0.5)
        return bars[desc]

    def extracted(n: int) -> None:
        bar("extract").update(n)

    def written(n: int) -> None:
        bar("ingest").update(n)

    def status(line: str) -> None:  # a step without a count: close the bars, then say what runs
        for b in bars.values():
            b.close()
        if not quiet:
            click.echo(line + " ...", err=True)

    try:
        with open_store_or_fail(store_path, endpoint, update_endpoint, user, password) as store:
            report = ingest_paths(store, paths, base=base, progress=written, extract_progress=extracted,
                                  max_bytes=max_bytes, jobs=jobs, batch_size=batch_size, bulk=bulk,
                                  status=status)
            total = store.triple_count()
    except (ReadError, StoreError) as exc:  # a store error: one line (a server's answer summarised)
        raise click.ClickException(str(exc)) from None
    finally:
        for b in bars.values():
            b.close()
    for w in report.warnings:
        click.echo(f"warning: {w}", err=True)
    for e in report.errors:
        click.echo(f"error: {e}", err=True)
    click.echo(report.summary(total))
    if report.articles == 0 and not report.errors:
        click.echo("error: no articles found in " + ", ".join(paths), err=True)
        sys.exit(1)
    if report.errors:
        sys.exit(1)
