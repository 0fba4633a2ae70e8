"""libkg extract: facts from articles, without a store."""

from __future__ import annotations

import json
import sys

import click

from libkg.cli.app import cli


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
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
    from libkg.read import ReadError, read_paths

    extractor = RuleExtractor()
    failed = 0
    objects = []
    for item in read_paths(paths):
        if isinstance(item, ReadError):
            click.echo(f"error: {item}", err=True)
            failed += 1
            continue
        facts = extractor(item)
        if fmt in ("json", "jsonl"):
            obj = facts.to_dict() if evidence else {"id": item.id, **facts.to_gold()}
            if fmt == "jsonl":
                output.write(json.dumps(obj, ensure_ascii=False) + "\n")
            else:
                objects.append(obj)
        else:
            objects.append((item, facts))
    if fmt == "json":
        payload = objects[0] if len(objects) == 1 else objects
        output.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt in ("ttl", "trig"):
        from libkg.rdf.dataset import facts_to_dataset

        ds = facts_to_dataset(objects)
        output.write(ds.serialize(format="trig" if fmt == "trig" else "turtle"))
    if failed:
        sys.exit(1)
