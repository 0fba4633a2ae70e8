"""libkg network: networks projected from the graph, their metrics, ego networks and paths."""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from libkg.cli.app import cli
from libkg.cli.common import BadInput, date_callback, read_store_options, read_store_or_fail

if TYPE_CHECKING:
    from libkg.store.base import Store

NETWORKS = ("institutions", "hierarchy", "affiliations", "persons", "events-places")
# which filters make sense for which projection (hierarchy has no dates; positions have no event kinds)
_ACCEPTS = {
    "institutions": {"date_from", "date_to", "kinds", "province", "through_staff"},
    "persons": {"date_from", "date_to", "kinds", "province"},
    "events-places": {"date_from", "date_to", "kinds", "province"},
    "affiliations": {"date_from", "date_to", "province"},
    "hierarchy": {"province"},
}
_METRIC_COLS = ["degree", "weighted_degree", "betweenness", "pagerank", "community", "component"]


@cli.group()
def network() -> None:
    """Networks projected from the graph (networkx): metrics, Gephi/Cytoscape files, pictures, web pages.

    \b
    Example:
      libkg network institutions --store out/store -o out/inst.gexf -o out/inst.html --metrics out/m.csv
      libkg network path "Thư viện tỉnh Điện Biên" "Vụ Thư viện" --through-staff --store out/store
    """


def filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--from/--to/--kind/--province/--min-weight, shared by every network command."""
    opts = [
        click.option("--from", "date_from", metavar="DATE", callback=date_callback,
                     help="Keep events (or position attestations) on or after this date (YYYY[-MM[-DD]])."),
        click.option("--to", "date_to", metavar="DATE", callback=date_callback, help="Keep them on or before this date."),
        click.option("--kind", "kinds", multiple=True, metavar="KIND",
                     help="Event kind (Conference, Workshop, 'hội nghị', or an IRI); repeatable."),
        click.option("--province", metavar="NAME|IRI",
                     help="Keep events located in this province (or a place within it)."),
        click.option("--min-weight", type=int, default=1, show_default=True,
                     help="Minimum weight of a link (shared events, positions or stating articles)."),
        click.option("--through-staff", is_flag=True,
                     help="Institutions: an organisation also takes part in an event through its staff (a person "
                          "who attended or organised it, named with a post there in the same article)."),
    ]
    for o in reversed(opts):
        fn = o(fn)
    return fn


def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    opts = [
        click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False),
                     help="Write the network: .gexf, .graphml, .json (node-link), .png or .html; repeatable."),
        click.option("--metrics", "metrics_csv", type=click.Path(dir_okay=False),
                     help="Write per-node metrics (degree, betweenness, PageRank, community) as CSV."),
        click.option("--title", help="Title of the PNG / HTML view."),
    ]
    for o in reversed(opts):
        fn = o(fn)
    return fn


def build(store: Store, name: str, date_from: str | None, date_to: str | None, kinds: tuple[str, ...],
          province: str | None, min_weight: int, through_staff: bool = False):
    """Run projection ``name`` with the filters it accepts; a filter it cannot use is a usage error."""
    from libkg.network import PROJECTIONS

    given = {"date_from": date_from, "date_to": date_to, "kinds": kinds, "province": province,
             "through_staff": through_staff}
    bad = sorted(k for k, v in given.items() if v and k not in _ACCEPTS[name])
    if bad:
        opt = {"date_from": "--from", "date_to": "--to", "kinds": "--kind", "province": "--province",
               "through_staff": "--through-staff"}
        raise click.UsageError(f"the {name} network has no {', '.join(opt[b] for b in bad)} filter")
    kwargs = {k: v for k, v in given.items() if k in _ACCEPTS[name]}
    try:
        return PROJECTIONS[name](store, min_weight=min_weight, **kwargs)
    except (ValueError, LookupError) as exc:  # a misspelt province or kind, a date that is none
        raise BadInput(str(exc.args[0] if exc.args else exc)) from None


def write_outputs(g, outputs: tuple[str, ...], metrics_csv: str | None, title: str | None) -> None:
    from libkg.network import node_metrics, write_network

    metrics = node_metrics(g)
    for out in outputs:
        try:
            write_network(g, out, title=title)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"wrote {out}", err=True)
    if metrics_csv:
        cols = ["iri", "label", "kind", *_METRIC_COLS]
        with open(metrics_csv, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            for n, m in sorted(metrics.items(), key=lambda kv: (-kv[1].get("pagerank", 0), kv[0])):
                d = g.nodes[n]
                w.writerow([n, d.get("label", n), d.get("kind", "")] + [m[c] for c in _METRIC_COLS])
        click.echo(f"wrote {metrics_csv}", err=True)


def summary(g, what: str) -> None:
    click.echo(f"{g.number_of_nodes()} {what}, {g.number_of_edges()} links")
    u = g.to_undirected(as_view=True) if g.is_directed() else g
    for n in sorted(u.nodes, key=lambda n: (-u.degree(n, weight="weight"), n))[:10]:
        click.echo(f"  {u.degree(n, weight='weight'):>3}  {g.nodes[n].get('label', n)}")


def _projection_command(name: str, doc: str, what: str) -> None:
    @network.command(name, help=doc)
    @read_store_options
    @filter_options
    @output_options
    def cmd(store_path: str | None, endpoint: str | None, user: str | None,
            password: str | None, date_from: str | None, date_to: str | None, kinds: tuple[str, ...],
            province: str | None, min_weight: int, through_staff: bool, outputs: tuple[str, ...],
            metrics_csv: str | None, title: str | None) -> None:
        with read_store_or_fail(store_path, endpoint, user, password) as store:
            g = build(store, name, date_from, date_to, kinds, province, min_weight, through_staff)
        write_outputs(g, outputs, metrics_csv, title)
        summary(g, what)


_projection_command("institutions", """Institutions linked by the events they organised or attended together.

Edge weight = number of shared events; each edge lists the events' IRIs, dates and labels.
News names people rather than institutions among those attending: --through-staff also counts
an organisation's staff (a person who attended, named with a post there in the same article).

\b
Example:
  libkg network institutions --store out/store --from 2023-01-01 --kind Conference \\
      -o out/institutions.gexf -o out/institutions.html --metrics out/metrics.csv
""", "institutions")
_projection_command("hierarchy", """Institutions and the institutions they belong to (org:subOrganizationOf, child -> parent).

Edge weight = number of articles stating the link.  Only --province applies.

\b
Example:
  libkg network hierarchy --store out/store --province "Lạng Sơn" -o out/hierarchy.png
""", "organisations")
_projection_command("affiliations", """Persons and the institutions they hold positions in (bipartite), with roles and dates.

--from/--to filter on the dates the positions are attested; --province on the institution.

\b
Example:
  libkg network affiliations --store out/store --from 2023 -o out/affiliations.graphml
""", "persons and organisations")
_projection_command("persons", """Persons linked by the events they attended or organised together.

\b
Example:
  libkg network persons --store out/store --kind Congress --min-weight 2 -o out/persons.html
""", "persons")
_projection_command("events-places", """Events, the places they happened in, and the places containing those (lkg:within).

--min-weight keeps places with at least that many events.

\b
Example:
  libkg network events-places --store out/store --province "Thái Nguyên" -o out/events-places.gexf
""", "events and places")


def locate(store: Store, g, name: str, net: str) -> str:
    """The node ``name`` (a name or IRI) is in network ``g``, else an error saying why it is not there.

    A name the store knows that is no node of this network (an organisation that took
    part in no event, for the institutions network) is told apart from a name the store
    does not know at all, with the networks it is in.
    """
    from libkg.cli.explain_cmd import find_entities
    from libkg.network import find_node

    try:
        return find_node(g, name)
    except LookupError as exc:
        if "ambiguous" in str(exc):
            raise BadInput(str(exc)) from None
        known = find_entities(store, name)
        if not known:
            raise BadInput(f"no node is called {name!r}: nothing in the store is called so") from None
    what = ", ".join(f"<{e}>" for e in known[:3])
    raise BadInput(f"no node of the {net} network is called {name!r}: it is in the store ({what}) but not "
                   f"in this network ({_ABSENT.get(net, 'it has no link there')}); try another --network "
                   f"(one of {', '.join(n for n in NETWORKS if n != net)}) or libkg explain {name!r}")


_ABSENT = {
    "institutions": "no article names it as organiser or attendee of an event; --through-staff counts its staff",
    "persons": "only persons that attended or organised events are in it",
    "affiliations": "only persons with a post and the organisations they hold it in are in it",
    "hierarchy": "only organisations with a parent or a child organisation are in it",
    "events-places": "only events and places are in it",
}


def _network_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--network", "net", type=click.Choice(NETWORKS), default="institutions", show_default=True,
                        help="Which network to look in.")(fn)


@network.command("ego")
@click.argument("entity")
@_network_option
@click.option("--radius", type=int, default=1, show_default=True, help="How many hops around the entity.")
@read_store_options
@filter_options
@output_options
def network_ego(entity: str, net: str, radius: int, store_path: str | None, endpoint: str | None,
                user: str | None, password: str | None, date_from: str | None,
                date_to: str | None, kinds: tuple[str, ...], province: str | None, min_weight: int,
                through_staff: bool, outputs: tuple[str, ...], metrics_csv: str | None, title: str | None) -> None:
    """The neighbourhood of one entity (NAME or IRI; names are matched case- and diacritic-insensitively).

    \b
    Example:
      libkg network ego "Thư viện tỉnh Lào Cai" --through-staff --store out/store --radius 2 -o out/lao-cai.html
      libkg network ego "Phạm Thị Bích Dung" --network affiliations --store out/store
    """
    from libkg.network import ego_network

    with read_store_or_fail(store_path, endpoint, user, password) as store:
        g = build(store, net, date_from, date_to, kinds, province, min_weight, through_staff)
        center = locate(store, g, entity, net)
    ego = ego_network(g, center, radius=radius)
    write_outputs(ego, outputs, metrics_csv, title or f"{g.nodes[center].get('label', center)} ({net})")
    click.echo(f"{g.nodes[center].get('label', center)} <{center}>")
    click.echo(f"{ego.number_of_nodes() - 1} neighbour(s) within {radius} hop(s), {ego.number_of_edges()} links")
    for n in sorted(ego[center], key=lambda n: (-ego.edges[center, n].get("weight", 1), n)):
        d = ego.edges[center, n]
        click.echo(f"  {d.get('weight', 1):>3}  {ego.nodes[n].get('label', n)}  <{n}>")


@network.command("path")
@click.argument("source")
@click.argument("target")
@_network_option
@read_store_options
@filter_options
def network_path(source: str, target: str, net: str, store_path: str | None, endpoint: str | None,
                 user: str | None, password: str | None, date_from: str | None,
                 date_to: str | None, kinds: tuple[str, ...], province: str | None, min_weight: int,
                 through_staff: bool) -> None:
    """How SOURCE is connected to TARGET (names or IRIs): the shortest path, each hop with its events.

    \b
    Example:
      libkg network path "Thư viện tỉnh Điện Biên" "Vụ Thư viện" --through-staff --store out/store
      libkg network path "Kiều Thúy Nga" "Phạm Thị Bích Dung" --network persons --store out/store
    """
    import networkx as nx

    from libkg.network import connection

    with read_store_or_fail(store_path, endpoint, user, password) as store:
        g = build(store, net, date_from, date_to, kinds, province, min_weight, through_staff)
        source, target = locate(store, g, source, net), locate(store, g, target, net)
    try:
        hops = connection(g, source, target)
    except nx.NetworkXNoPath as exc:
        hint = " (--through-staff also links institutions whose staff met)" if net == "institutions" and \
            not through_staff else ""
        click.echo(f"{exc}{hint}")
        raise SystemExit(1) from None
    if not hops:
        click.echo("the two names are the same entity")
        return
    click.echo(f"{len(hops)} hop(s): {hops[0].source_label} -> {hops[-1].target_label}")
    for i, h in enumerate(hops, 1):
        click.echo(f"{i}. {h.source_label} — {h.target_label}  [{h.relation}, weight {h.weight}]")
        for e in h.events:
            click.echo(f"     {e.date or '????-??-??'}  {e.label}  <{e.iri}>")
        for k, v in h.details.items():
            click.echo(f"     {k}: {v}")
