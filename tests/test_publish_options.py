"""What a publisher chooses when exporting or serving the graph (issue 20's leftovers): the articles'
full texts only on request, the licence, validation with PROV-O and ORG loaded, the same VoID / DCAT
description from the Python API as from the command, and serve's kinds (evidence is oa:Annotation)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, VOID

import libkg
from libkg.cli import cli
from libkg.rdf.namespaces import LKG, OA, SCHEMA

ROOT = Path(__file__).resolve().parent.parent
DATA = "https://w3id.org/libkg/"
DATASET = URIRef(DATA + "dataset")
VOID_GRAPH = URIRef(DATA + "graph/void")
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")
CC0 = URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
ARTICLES = ("d02.json", "d04.json", "d05.json")  # with their URLs
PARSE = {"trig": "trig", "nq": "nquads", "jsonld": "json-ld", "ttl": "turtle", "nt": "nt"}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, samples_dir) -> Path:
    path = tmp_path_factory.mktemp("publish-options") / "store"
    with libkg.open(path) as kg:
        report = kg.ingest([samples_dir / a for a in ARTICLES])
    assert report.articles == len(ARTICLES) and not report.errors
    return path


def _export(store_dir: Path, *args: str) -> tuple[int, str]:
    r = CliRunner().invoke(cli, ["export", "--store", str(store_dir), *args], catch_exceptions=False)
    return r.exit_code, r.output


def _parse(data: str | bytes, fmt: str) -> Dataset:
    ds = Dataset()
    ds.parse(data=data, format=PARSE[fmt])
    return ds


def _value(ds: Dataset, s, p):
    """The object of (s, p) in any graph of ``ds``."""
    return next((o for _, _, o, _ in ds.quads((s, p, None, None))), None)


def _description(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((DATASET, None, None, None)):
        g.add((s, p, o))
    return g


# ------------------------------------------------------------------ 1. the articles' texts
@pytest.mark.parametrize("fmt", ["trig", "nq", "jsonld"])
def test_an_export_leaves_out_the_articles_texts_unless_asked(store_dir, fmt):
    code, out = _export(store_dir, "--format", fmt)
    assert code == 0, out
    ds = _parse(out, fmt)
    assert not list(ds.quads((None, SCHEMA.text, None, None)))
    # what checks the offsets stays: every annotation's source has its digest and its article, the
    # article its URL, and every quote its offsets
    sources = {t for _, _, t, _ in ds.quads((None, OA.hasSource, None, None))}
    assert len(sources) == len(ARTICLES)
    for text in sources:
        digest = _value(ds, text, LKG.contentDigest)
        assert digest is not None and str(digest).startswith("sha256:")
        article = _value(ds, text, PROV.wasDerivedFrom)
        assert str(_value(ds, article, SCHEMA.url)).startswith("https://")
    assert len(list(ds.quads((None, OA.start, None, None)))) > 20
    assert len(list(ds.quads((None, OA.exact, None, None)))) > 20
    rights = {str(o) for o in _description(ds).objects(DATASET, DCTERMS.rights) if o.language == "en"}
    assert any("texts are not included" in r and "lkg:contentDigest" in r and "schema:url" in r for r in rights)

    code, out = _export(store_dir, "--format", fmt, "--with-text")
    assert code == 0, out
    ds = _parse(out, fmt)
    texts = {s: str(o) for s, _, o, _ in ds.quads((None, SCHEMA.text, None, None))}
    assert set(texts) == sources
    for text, body in texts.items():  # the texts are the ones the digests pin down
        assert str(_value(ds, text, LKG.contentDigest)) == "sha256:" + hashlib.sha256(body.encode()).hexdigest()
    rights = {str(o) for o in _description(ds).objects(DATASET, DCTERMS.rights) if o.language == "en"}
    assert any("texts" in r and "are included" in r for r in rights)


def test_without_texts_the_export_keeps_every_other_quad(store_dir):
    quads = {}
    for flag in ((), ("--with-text",)):
        code, out = _export(store_dir, "--format", "nq", *flag)
        assert code == 0
        quads[flag] = {q for q in _parse(out, "nq").quads((None, None, None, None))
                       if q[3] != VOID_GRAPH and q[0] != DATASET}
    dropped = quads[("--with-text",)] - quads[()]
    assert {(p, str(s).endswith("/text")) for s, p, _, _ in dropped} == {(SCHEMA.text, True)}
    assert len(dropped) == len(ARTICLES) and quads[()] <= quads[("--with-text",)]


def test_the_export_without_texts_still_validates(store_dir, tmp_path):
    out = tmp_path / "g.trig"
    code, msg = _export(store_dir, "--format", "trig", "-o", str(out))
    assert code == 0, msg
    r = CliRunner().invoke(cli, ["validate", "--file", str(out)])
    assert r.exit_code == 0, r.output[-2000:]


# ------------------------------------------------------------------ 5. the licence
def test_the_licence_is_cc_by_unless_the_publisher_chooses_another(store_dir, monkeypatch):
    monkeypatch.delenv("LIBKG_LICENSE", raising=False)
    code, out = _export(store_dir, "--format", "ttl")
    g = _description(_parse(out, "ttl"))
    assert code == 0 and set(g.objects(DATASET, DCTERMS.license)) == {CC_BY}
    scope = [str(o) for o in g.objects(DATASET, DCTERMS.rights) if o.language == "en" and "covers" in o]
    assert len(scope) == 1 and str(CC_BY) in scope[0] and "not the articles" in scope[0]
    assert {o.language for o in g.objects(DATASET, DCTERMS.rights)} == {"en", "vi"}

    code, out = _export(store_dir, "--format", "ttl", "--license", "cc0-1.0")
    g = _description(_parse(out, "ttl"))
    assert code == 0 and set(g.objects(DATASET, DCTERMS.license)) == {CC0}
    assert all(str(CC_BY) not in o for o in g.objects(DATASET, DCTERMS.rights))

    monkeypatch.setenv("LIBKG_LICENSE", "https://example.org/our-licence")
    code, out = _export(store_dir, "--format", "ttl")
    assert set(_description(_parse(out, "ttl")).objects(DATASET, DCTERMS.license)) == {
        URIRef("https://example.org/our-licence")}


def test_a_licence_that_is_neither_known_nor_an_iri_is_refused_before_writing(store_dir, tmp_path):
    out = tmp_path / "g.trig"
    r = CliRunner().invoke(cli, ["export", "--store", str(store_dir), "--license", "CC BY", "-o", str(out)])
    assert r.exit_code == 2
    assert "--license" in r.output and "'CC BY'" in r.output and "CC0-1.0" in r.output
    assert not out.exists() and not list(tmp_path.iterdir())
    with libkg.open(store_dir, create=False) as kg, pytest.raises(ValueError, match="javascript:alert"):
        kg.export(tmp_path / "g.nq", license="javascript:alert(1)")
    assert not list(tmp_path.iterdir())


# ------------------------------------------------------------------ 3. the Python API
@pytest.mark.parametrize("fmt", ["trig", "nq", "jsonld", "ttl"])
def test_the_api_export_writes_the_description_the_command_writes(store_dir, tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    with libkg.open(store_dir, create=False) as kg:
        kg.export(path)
    code, out = _export(store_dir, "--format", fmt)
    assert code == 0
    modified = URIRef("http://purl.org/dc/terms/modified")

    def described(ds: Dataset) -> set:  # (blank nodes differ from one parse to the next)
        return {(s, p, o) for s, p, o in _description(ds) if p != modified and not isinstance(o, BNode)}

    api, command = _parse(path.read_bytes(), fmt), _parse(out, fmt)
    assert (DATASET, RDF.type, VOID.Dataset) in described(api)
    assert described(api) == described(command)
    assert int(_description(api).value(DATASET, VOID.triples)) > 1000
    assert set(_description(api).objects(DATASET, DCTERMS.rights)) == set(
        _description(command).objects(DATASET, DCTERMS.rights))
    assert not list(api.quads((None, SCHEMA.text, None, None)))


@pytest.mark.parametrize("fmt", ["nq", "jsonld"])
def test_the_api_export_takes_the_commands_options(store_dir, fmt):
    text = io.StringIO()
    with libkg.open(store_dir, create=False) as kg:
        kg.export(text, format=fmt, with_text=True, license="ODbL-1.0")
    other = _parse(text.getvalue(), fmt)
    assert set(_description(other).objects(DATASET, DCTERMS.license)) == {
        URIRef("https://opendatacommons.org/licenses/odbl/1-0/")}
    assert len(list(other.quads((None, SCHEMA.text, None, None)))) == len(ARTICLES)


# ------------------------------------------------------------------ 2. validate --with-imports
def test_validate_with_imports_passes_the_sample_graph():
    r = CliRunner().invoke(cli, ["validate", "--file", str(ROOT / "graph" / "sample.trig"), "--with-imports"])
    assert r.exit_code == 0, r.output[-3000:]
    assert "conforms" in r.output and "PROV-O and ORG loaded" in r.output


def test_validate_with_imports_finds_what_the_imports_imply(tmp_path):
    """A person prov:hadPrimarySource an article is fine on its own; with PROV-O loaded it is
    prov:wasDerivedFrom the article, which the person shape refuses."""
    ds = Dataset()
    ds.parse(ROOT / "graph" / "sample.trig", format="trig")
    person = next(s for s, _, _, _ in ds.quads((None, RDF.type, LKG.Person, None)))
    g = ds.graph(URIRef(DATA + "graph/article/d01"))
    g.add((person, PROV.hadPrimarySource, URIRef(DATA + "id/article/d01")))
    broken = tmp_path / "broken.trig"
    broken.write_text(ds.serialize(format="trig"), encoding="utf-8")

    plain = CliRunner().invoke(cli, ["validate", "--file", str(broken)])
    assert plain.exit_code == 0, plain.output[-2000:]
    r = CliRunner().invoke(cli, ["validate", "--file", str(broken), "--with-imports"])
    assert r.exit_code == 1
    assert "A Person is not prov:wasDerivedFrom anything" in r.output
    assert str(person) in r.output
    assert "does not conform: 1 violation(s) of the shapes (with the libkg ontology, PROV-O and ORG" in r.output


def test_the_prov_and_org_axioms_are_shipped_in_the_package():
    from libkg.resources import data_file

    path = data_file("publish", "prov-org-rdfs.ttl")
    g = Graph().parse(path, format="turtle")
    assert (PROV.hadPrimarySource, URIRef("http://www.w3.org/2000/01/rdf-schema#subPropertyOf"),
            PROV.wasDerivedFrom) in g
    assert path.is_relative_to(Path(libkg.__file__).parent)


# ------------------------------------------------------------------ 4. serve's kinds
def test_serve_kinds_name_evidence_as_web_annotation():
    from libkg.rdf.ontology import ontology
    from libkg.serve.links import kind_table
    from libkg.serve.pages import kind_of

    kinds = {iri: (vi, en) for iri, vi, en in kind_table()}
    assert str(LKG) + "Evidence" not in kinds
    assert kinds[str(OA.Annotation)][1] == "Evidence (Web Annotation)"
    onto = ontology()
    for iri in kinds:  # every libkg class the table names is one the ontology declares
        if iri.startswith(str(LKG)):
            assert (URIRef(iri), RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in onto, iri
    assert kind_of([str(OA.Annotation)]) == kinds[str(OA.Annotation)]


def test_serve_states_its_licence_and_dereferences_evidence_annotations(store_dir, tmp_path):
    """`libkg serve --license` answers at /.well-known/void; an annotation's IRI is a page of kind
    "Evidence (Web Annotation)" and Turtle with its target, selectors and the text's digest."""
    import httpx

    from libkg.serve.testing import running_server

    with libkg.open(store_dir, create=False) as kg:
        ann = kg.query("SELECT ?a WHERE { GRAPH ?g { ?a a oa:Annotation ; oa:hasBody ?b } } ORDER BY ?a LIMIT 1").rows[0].a
    path = ann.removeprefix(DATA)
    with running_server(store_dir, tmp_path / "serve.log", "--license", "CC0-1.0") as server:
        void = httpx.get(server.url + "/.well-known/void", headers={"Accept": "text/turtle"}, timeout=30)
        page = httpx.get(f"{server.url}/{path}?lang=en", headers={"Accept": "text/html"}, timeout=30)
        ttl = httpx.get(f"{server.url}/{path}", headers={"Accept": "text/turtle"}, timeout=30)
    assert void.status_code == 200, void.text
    g = Graph().parse(data=void.text, format="turtle")
    assert set(g.objects(DATASET, DCTERMS.license)) == {CC0}
    assert any("are included" in o for o in g.objects(DATASET, DCTERMS.rights))
    assert page.status_code == 200, page.text[:500]
    assert "Evidence (Web Annotation)" in page.text
    assert ttl.status_code == 200, ttl.text[:500]
    d = Graph().parse(data=ttl.text, format="turtle")
    target = d.value(URIRef(ann), OA.hasTarget)
    assert (URIRef(ann), RDF.type, OA.Annotation) in d and target is not None
    assert d.value(d.value(target, OA.hasSource), LKG.contentDigest) is not None
    assert len(list(d.objects(target, OA.hasSelector))) == 2
    assert not list(d.triples((None, SCHEMA.text, None)))

    r = CliRunner().invoke(cli, ["serve", "--store", str(store_dir), "--license", "none of these"])
    assert r.exit_code == 2 and "--license" in r.output and "CC-BY-4.0" in r.output


def test_the_license_table_and_rights_are_data_files():
    from libkg.rdf.void import DEFAULT_LICENSE, license_iri, licenses

    assert DEFAULT_LICENSE in licenses() and license_iri(None) == CC_BY
    assert license_iri("odbl-1.0") == URIRef("https://opendatacommons.org/licenses/odbl/1-0/")
    for bad in ("CC BY 4.0", "ftp://x/y", "https://x/<script>", "javascript:alert(1)"):
        with pytest.raises(ValueError, match="neither a licence IRI"):
            license_iri(bad)
