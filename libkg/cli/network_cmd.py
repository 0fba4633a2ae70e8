"""libkg network: networks projected from the graph."""

from __future__ import annotations

import click

from libkg.cli.app import cli
from libkg.cli.common import open_store_or_fail, store_options


@cli.group()
def network() -> None:
    """Networks projected from the graph (networkx): metrics and Gephi/Cytoscape files."""


@network.command("institutions")
@store_options
@click.option("--from", "date_from", help="Keep events starting on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Keep events starting on or before this date (YYYY-MM-DD).")
@click.option("--min-weight", type=int, default=1, show_default=True, help="Minimum shared events per edge.")
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False),
              help="Write the network: .gexf, .graphml or .json (node-link); repeatable.")
@click.option("--metrics", "metrics_csv", type=click.Path(dir_okay=False),
              help="Write per-node metrics (degree, betweenness, PageRank, community) as CSV.")
def network_institutions(store_path: str | None, endpoint: str | None, update_endpoint: str | None,
           user: str | None, password: str | None, date_from: str | None, date_to: str | None,
                         min_weight: int, outputs: tuple[str, ...], metrics_csv: str | None) -> None:
    """Institutions linked by the events they organised or attended together.

    \b
    Example:
      libkg network institutions --store out/store -o out/institutions.gexf --metrics out/metrics.csv
    """
    import csv

    from libkg.network import institutions, node_metrics, write_network

    with open_store_or_fail(store_path, endpoint, update_endpoint, user, password) as store:
        g = institutions(store, date_from=date_from, date_to=date_to, min_weight=min_weight)
    metrics = node_metrics(g)
    for out in outputs:
        try:
            write_network(g, out)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"wrote {out}", err=True)
    if metrics_csv:
        cols = ["iri", "label", "kind", "degree", "weighted_degree", "betweenness", "pagerank",
                "community", "component"]
        with open(metrics_csv, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            for n, m in sorted(metrics.items(), key=lambda kv: -kv[1].get("pagerank", 0)):
                w.writerow([n, g.nodes[n]["label"], g.nodes[n]["kind"]] + [m[c] for c in cols[3:]])
        click.echo(f"wrote {metrics_csv}", err=True)
    top = sorted(g.nodes, key=lambda n: -g.degree(n, weight="weight"))[:10]
    click.echo(f"{g.number_of_nodes()} institutions, {g.number_of_edges()} links")
    for n in top:
        click.echo(f"  {g.degree(n, weight='weight'):>3}  {g.nodes[n]['label']}")
