"""One property per relation in the stored graph; `libkg export --profile schema` writes the schema.org view."""

from __future__ import annotations

import io

from click.testing import CliRunner
from rdflib import Dataset, URIRef
from rdflib.namespace import ORG, RDF

import libkg
from libkg.cli import cli
from libkg.rdf.namespaces import LKG, SCHEMA, SEM

SYNONYMS = (SEM.hasPlace, SEM.hasActor, SEM.hasSubEvent, SCHEMA.superEvent, SCHEMA.containedInPlace,
            SCHEMA.parentOrganization)
PROFILE = URIRef("https://w3id.org/libkg/graph/profile/schema")


def _stored(kg, p: URIRef) -> int:
    return int(next(iter(kg.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{p}> ?o }} }}"))).n)


def test_store_writes_one_property_per_relation_and_the_schema_view_adds_the_others(tmp_path, samples_dir):
    store = tmp_path / "S"
    with libkg.open(store) as kg:
        kg.ingest([samples_dir / "d01.json", samples_dir / "d05.json", samples_dir / "d12.json"])
        assert {p: _stored(kg, p) for p in SYNONYMS} == dict.fromkeys(SYNONYMS, 0)
        kept = {p: _stored(kg, p) for p in (LKG.within, SCHEMA.subEvent, SCHEMA.location, SCHEMA.attendee)}
        assert all(kept.values()), kept
        buf = io.BytesIO()
        kg.export(buf, format="nq", profile="schema")
        ds = Dataset()
        ds.parse(data=buf.getvalue(), format="nquads")
        view, d01 = ds.graph(PROFILE), ds.graph(URIRef("https://w3id.org/libkg/graph/article/d01"))
    assert len(view) > 0
    stored_within = {(s, o) for g in ds.graphs() if g.identifier != PROFILE for s, _, o in g.triples((None, LKG.within, None))}
    assert stored_within and stored_within <= set(view.subject_objects(SCHEMA.containedInPlace))
    subs = {(p, c) for g in ds.graphs() for p, c in g.subject_objects(SCHEMA.subEvent) if g.identifier != PROFILE}
    assert subs and {(c, p) for p, c in subs} == set(view.subject_objects(SCHEMA.superEvent))
    assert {(s, o) for s, o in d01.subject_objects(ORG.subOrganizationOf)} <= set(
        view.subject_objects(SCHEMA.parentOrganization))
    persons = set(d01.subjects(RDF.type, LKG.Person))
    assert persons and persons <= set(view.subjects(RDF.type, SCHEMA.Person))

    r = CliRunner().invoke(cli, ["export", "--store", str(store), "--format", "ttl", "--profile", "schema"],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "schema:containedInPlace" in r.output and "schema:superEvent" in r.output
    r = CliRunner().invoke(cli, ["export", "--store", str(store), "--profile", "dublin-core"])
    assert r.exit_code == 2 and "dublin-core" in r.output
