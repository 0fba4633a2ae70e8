"""libkg extract: facts from articles, without a store.

Bad input is reported exactly as ``libkg ingest`` reports it: the same
messages (``error:`` / ``warning:`` lines on stderr, one per problem, naming
the file), the same duplicate-id check, the other articles still extracted,
exit status 1 when anything was skipped, and never a traceback.
"""

from __future__ import annotations

import json
import sys

import click

from libkg.cli.app import cli


def _json_line(obj: dict, indent: int | None = None) -> str:
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    text.encode("utf-8")  # raises on a lone surrogate (from a JSON "\ud800" escape) before anything is written
    return text


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "ttl", "trig"]), default="jsonl",
              show_default=True, help="json: one object per article (gold shape + id); jsonl: one per line.")
@click.option("--evidence", is_flag=True, help="Include evidence (sentence, offsets) and extra fields.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file.")
def extract(paths: tuple[str, ...], fmt: str, evidence: bool, output) -> None:
    """Extract facts from articles without storing them.

    \b
    Example:
      libkg extract samples/articles/d01.json --format json
    """
    from libkg.extract import RuleExtractor
    from libkg.ingest.prepare import prepare_article
    from libkg.ingest.report import DuplicateCheck, failure, text_digest
    from libkg.read import ReadError, ReadWarning, read_sources

    extractor = RuleExtractor()
    dupes = DuplicateCheck()
    errors: list[ReadError] = []
    warnings: list[ReadWarning] = []
    objects: list = []
    written = 0
    for item in read_sources(paths):
        if isinstance(item, ReadWarning):
            warnings.append(item)
            continue
        if isinstance(item, ReadError):
            errors.append(item)
            continue
        where = item.source or item.id
        verdict = dupes.check(item.id, where, text_digest(item.text))
        if verdict is not True:
            if verdict is not False:
                errors.append(verdict)
            continue
        try:
            facts = extractor(item)
            prepare_article(item, lambda _a, f=facts: f, where=where)  # what ingest builds: same failures
            if fmt in ("json", "jsonl"):
                obj = facts.to_dict() if evidence else {"id": item.id, **facts.to_gold()}
                if fmt == "jsonl":
                    output.write(_json_line(obj) + "\n")
                else:
                    _json_line(obj)
                    objects.append(obj)
            else:
                objects.append((item, facts))
            written += 1
        except Exception as exc:  # noqa: BLE001 - reported against the article's source, as ingest does
            errors.append(failure(where, exc))
    try:
        _write_all(objects, fmt, output)
    except Exception as exc:  # noqa: BLE001 - an RDF serialiser failure: name the inputs, no traceback
        errors.append(failure(", ".join(paths), exc))
    for w in warnings:
        click.echo(f"warning: {w}", err=True)
    for e in errors:
        click.echo(f"error: {e}", err=True)
    if written == 0 and not errors:
        click.echo("error: no articles found in " + ", ".join(paths), err=True)
        sys.exit(1)
    if errors:
        sys.exit(1)


def _write_all(objects: list, fmt: str, output) -> None:
    if not objects:
        return
    if fmt == "json":
        payload = objects[0] if len(objects) == 1 else objects
        output.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt in ("ttl", "trig"):
        from libkg.rdf.dataset import facts_to_dataset

        ds = facts_to_dataset(objects)
        output.write(ds.serialize(format="trig" if fmt == "trig" else "turtle"))
