"""libkg evaluate: the extractor scored against annotated articles."""

from __future__ import annotations

import json
import sys

import click

from libkg.cli.app import cli


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--per-article", is_flag=True, help="Also print each article's scores.")
@click.option("--json", "as_json_", is_flag=True, help="Print the scores as JSON.")
@click.option("--ids", "ids_file", type=click.Path(exists=True, dir_okay=False),
              help="Score only the articles whose ids this file lists (one per line, # comments), "
                   "e.g. one part of a split.")
def evaluate(paths: tuple[str, ...], per_article: bool, as_json_: bool, ids_file: str | None) -> None:
    """Score the extractor against annotated articles (corpus format, SCHEMA.md rules).

    Prints precision, recall and F1 per fact type and micro-F1 over all.

    \b
    Examples:
      libkg evaluate samples/articles --per-article
      libkg evaluate my-articles --json
    """
    from libkg.evaluate.report import as_json, evaluate_paths, format_per_article, format_table, read_id_list

    only = read_id_list(ids_file) if ids_file else None
    totals, micro, arts, errors = evaluate_paths(paths, only=only)
    for e in errors:
        click.echo(f"error: {e}", err=True)
    if not arts:
        what = f"listed in {ids_file} " if ids_file else ""
        click.echo(f"error: no annotated article {what}under {', '.join(paths)}: nothing to score "
                   "(articles need a 'gold' annotation, see samples/SCHEMA.md)", err=True)
        sys.exit(2)
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
