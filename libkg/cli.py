"""The ``libkg`` command line: ingest, extract, query, export, validate, evaluate."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from libkg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="libkg")
def cli() -> None:
    """libkg: turn library-sector news into an RDF knowledge graph and query it.

    Store location: --store DIR on each command, else $LIBKG_STORE, else ./.libkg/store.
    """


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
        from libkg.rdf.build import facts_to_dataset

        ds = facts_to_dataset(objects)
        output.write(ds.serialize(format="trig" if fmt == "trig" else "turtle"))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--per-article", is_flag=True, help="Also print each article's scores.")
@click.option("--json", "as_json_", is_flag=True, help="Print the scores as JSON.")
def evaluate(paths: tuple[str, ...], per_article: bool, as_json_: bool) -> None:
    """Score the extractor against annotated articles (corpus format, SCHEMA.md rules).

    Prints precision, recall and F1 per fact type and micro-F1 over all.

    \b
    Example:
      libkg evaluate ../shared/corpus/articles --per-article
    """
    from libkg.evaluate.report import as_json, evaluate_paths, format_per_article, format_table

    totals, micro, arts, errors = evaluate_paths(paths)
    for e in errors:
        click.echo(f"error: {e}", err=True)
    if as_json_:
        click.echo(json.dumps(as_json(totals, micro, arts if per_article else None), indent=2))
    else:
        if per_article:
            click.echo(format_per_article(arts))
            click.echo()
        click.echo(f"{len(arts)} article(s) scored")
        click.echo(format_table(totals, micro))
    if errors:
        sys.exit(1)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
