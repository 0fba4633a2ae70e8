"""Publishing: the VoID / DCAT description in every export and at /.well-known/void, the ontology
reference generated from the OWL file, the w3id redirect rules, and `libkg serve` dereferencing the
ontology, vocabulary and named-graph IRIs (Turtle, JSON-LD, N-Triples, RDF/XML; 406; 404 as asked)."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF, SKOS, VOID

from libkg.rdf.namespaces import LKG
from libkg.serve.testing import build_store, running_server

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATA = "https://w3id.org/libkg/"
DATASET = URIRef(DATA + "dataset")
LICENSE = URIRef("http://purl.org/dc/terms/license")
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")


def _libkg(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LIBKG_STORE", "LIBKG_BASE")}
    return subprocess.run([str(BIN / "libkg"), *args], capture_output=True, env=env, timeout=600)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, samples_dir) -> Path:
    return build_store(tmp_path_factory.mktemp("publish") / "store", samples_dir)


# ------------------------------------------------------------------ libkg export
@pytest.mark.parametrize("fmt,parse", [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld"),
                                       ("ttl", "turtle"), ("nt", "nt")])
def test_every_export_carries_the_void_and_dcat_description(store_dir, fmt, parse):
    r = _libkg("export", "--store", str(store_dir), "--format", fmt)
    assert r.returncode == 0, r.stderr.decode()
    ds = Dataset()
    ds.parse(data=r.stdout, format=parse)
    g = Graph()
    for s, p, o, c in ds.quads((None, None, None, None)):
        if fmt in ("ttl", "nt") or str(c) == DATA + "graph/void":
            g.add((s, p, o))
    assert (DATASET, RDF.type, VOID.Dataset) in g
    assert (DATASET, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")) in g
    assert (DATASET, LICENSE, CC_BY) in g
    assert str(g.value(DATASET, URIRef("http://www.w3.org/ns/dcat#version"))) == __import__("libkg").__version__
    assert str(g.value(DATASET, VOID.sparqlEndpoint)) == DATA + "sparql"
    triples = int(g.value(DATASET, VOID.triples))
    assert 5000 < triples < len(ds) + 1000  # the union's distinct triples (not the description)
    examples = set(g.objects(DATASET, VOID.exampleResource))
    assert len(examples) == 4
    for e in examples:  # every example is a resource the export describes
        assert (e, RDF.type, None) in ds or any(ds.quads((e, RDF.type, None, None)))
    parts = {str(g.value(p, VOID["class"])): int(g.value(p, VOID.entities))
             for p in g.objects(DATASET, VOID.classPartition)}
    assert parts[str(LKG.Person)] > 50 and parts["https://schema.org/NewsArticle"] == 31


def test_the_description_is_a_named_graph_that_still_validates(store_dir, tmp_path):
    out = tmp_path / "g.trig"
    assert _libkg("export", "--store", str(store_dir), "--format", "trig", "-o", str(out)).returncode == 0
    r = _libkg("validate", "--file", str(out))
    assert r.returncode == 0, r.stdout.decode()[-2000:]


# ------------------------------------------------------------------ generated ontology reference
def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_ontology_reference_is_generated_and_current():
    gen = _script("gen_ontology_docs")
    current = (ROOT / "docs" / "ontology-reference.md").read_text(encoding="utf-8")
    assert current == gen.render(), ("docs/ontology-reference.md is stale: run .venv/bin/python "
                                     "scripts/gen_ontology_docs.py and commit the result")
    for term in ("lkg:Person", "lkg:inRegion", "lkg:Region", "lkg:roleLabel", "0.3.0"):
        assert term in current
    assert "lkg:topic" not in current


# ------------------------------------------------------------------ w3id redirect rules
def _rules() -> list[tuple[re.Pattern, str]]:
    text = (ROOT / "w3id" / ".htaccess").read_text(encoding="utf-8")
    return [(re.compile(m.group(1)), m.group(2)) for m in re.finditer(r"^RewriteRule\s+(\S+)\s+(\S+)", text, re.M)]


@pytest.mark.parametrize("path,target", [
    ("ontology", "https://libkg.example.org/ontology"),
    ("ontology/0.3.0", "https://libkg.example.org/ontology/0.3.0"),
    ("vocab/role/Director", "https://libkg.example.org/vocab/role/Director"),
    ("id/person/kieu-thuy-nga-1", "https://libkg.example.org/id/person/kieu-thuy-nga-1"),
    ("graph/article/d01", "https://libkg.example.org/graph/article/d01"),
    ("dataset", "https://libkg.example.org/dataset"),
    ("", "https://libkg.example.org/"),
])
def test_w3id_rules_send_every_iri_to_the_server(path, target):
    for pattern, sub in _rules():
        m = pattern.search(path)
        if m:
            assert m.expand(re.sub(r"\$(\d)", r"\\\1", sub)) == target
            return
    pytest.fail(f"no rule for {path!r}")


# ------------------------------------------------------------------ libkg serve
@pytest.fixture(scope="module")
def client(store_dir, tmp_path_factory):
    log = tmp_path_factory.mktemp("publish-log") / "server.log"
    with running_server(store_dir, log, "--max-rows", "5000") as srv, \
            httpx.Client(base_url=srv.url, timeout=30) as c:
        yield c


RDF_ASKS = [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt"),
            ("application/rdf+xml", "xml")]


@pytest.mark.parametrize("accept,fmt", RDF_ASKS)
def test_well_known_void_describes_the_served_store(client, accept, fmt):
    r = client.get("/.well-known/void", headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    g = Graph().parse(data=r.content, format=fmt)
    assert (DATASET, LICENSE, CC_BY) in g
    assert str(g.value(DATASET, VOID.sparqlEndpoint)) == str(client.base_url).rstrip("/") + "/sparql"
    assert int(g.value(DATASET, VOID.triples)) > 5000
    assert len(set(g.objects(DATASET, VOID.exampleResource))) == 4


@pytest.mark.parametrize("accept,fmt", RDF_ASKS)
def test_ontology_iri_dereferences_to_the_whole_ontology(client, accept, fmt):
    r = client.get("/ontology", headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept), r.text[:300]
    assert "Accept" in r.headers["vary"]
    g = Graph().parse(data=r.content, format=fmt)
    onto = URIRef(DATA + "ontology")
    assert (onto, OWL.versionIRI, URIRef(DATA + "ontology/0.3.0")) in g
    assert (LKG.Position, RDF.type, OWL.Class) in g and (LKG.inRegion, RDF.type, OWL.ObjectProperty) in g


def test_ontology_version_suffix_and_html(client):
    assert client.get("/ontology/0.3.0", headers={"Accept": "text/turtle"}).status_code == 200
    assert client.get("/ontology/0.1.9", headers={"Accept": "text/turtle"}).status_code == 404
    r = client.get("/ontology.rdf")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/rdf+xml")
    r = client.get("/ontology", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert 'id="Position"' in r.text and "lkg:inRegion" in r.text and "<script" not in r.text


def test_vocabulary_and_concept_iris_dereference(client):
    r = client.get("/vocab/role/", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    g = Graph().parse(data=r.content, format="turtle")
    assert len(set(g.subjects(RDF.type, SKOS.Concept))) > 90
    r = client.get("/vocab/role/Director", headers={"Accept": "application/rdf+xml"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/rdf+xml")
    g = Graph().parse(data=r.content, format="xml")
    director = URIRef(DATA + "vocab/role/Director")
    assert (director, RDF.type, SKOS.Concept) in g and (director, SKOS.prefLabel, None) in g
    assert client.get("/vocab/role/NoSuchRole", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/vocab/nothing/", headers={"Accept": "text/turtle"}).status_code == 404


def test_an_article_graph_iri_returns_that_graph(client, store_dir):
    r = client.get("/graph/article/d01", headers={"Accept": "application/n-triples"})
    assert r.status_code == 200, r.text[:300]
    g = Graph().parse(data=r.content, format="nt")
    assert len(g) > 100
    assert (URIRef(DATA + "id/article/d01"), RDF.type, URIRef("https://schema.org/NewsArticle")) in g
    r = client.get("/graph/article/d01.ttl")
    assert r.status_code == 200 and len(Graph().parse(data=r.content, format="turtle")) == len(g)
    r = client.get("/graph/gazetteer", headers={"Accept": "text/turtle"})
    g = Graph().parse(data=r.content, format="turtle")
    assert (None, LKG.inRegion, None) in g


def test_types_that_cannot_be_given_are_406(client):
    for path in ("/ontology", "/.well-known/void", "/graph/article/d01", "/vocab/role/"):
        r = client.get(path, headers={"Accept": "image/png"})
        assert r.status_code == 406, path
        assert "text/turtle" in r.text and "application/rdf+xml" in r.text


@pytest.mark.parametrize("path", ["/graph/article/no-such-article", "/vocab/role/NoSuchRole", "/ontology/9.9"])
def test_a_404_asked_for_as_turtle_is_not_html(client, path):
    r = client.get(path, headers={"Accept": "text/turtle"})
    assert r.status_code == 404
    assert not r.headers["content-type"].startswith("text/html") and "<html" not in r.text.lower()


def test_json_ld_of_the_ontology_is_json(client):
    r = client.get("/ontology.jsonld")
    assert r.status_code == 200
    assert json.loads(r.text)


def test_entity_pages_answer_rdf_xml_406_and_a_plain_404_for_turtle(client):
    path = "/id/place/vn-63/15-yen-bai"
    r = client.get(path, headers={"Accept": "application/rdf+xml"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/rdf+xml")
    g = Graph().parse(data=r.content, format="xml")
    assert (URIRef(DATA + path.lstrip("/")), LKG.inRegion, None) in g
    assert client.get(path + ".rdf").status_code == 200
    assert client.get(path, headers={"Accept": "image/png"}).status_code == 406
    r = client.get("/id/person/nobody-at-all", headers={"Accept": "text/turtle"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/plain")
    r = client.get("/id/person/nobody-at-all", headers={"Accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
