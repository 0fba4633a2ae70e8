"""Evidence as W3C Web Annotation in evidence graphs kept out of the union; every fact traceable."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from libkg.cli import cli
from libkg.store import EmbeddedStore

ARTICLES = ("d01.json", "d11.json", "d23.json")

TRACE = """
SELECT ?g ?x WHERE { GRAPH ?g { ?x a ?t FILTER(?t IN (lkg:Person, lkg:Position, lkg:Event)) }
  FILTER(CONTAINS(STR(?g), "/graph/article/"))
  BIND(IRI(REPLACE(STR(?g), "/graph/article/", "/graph/evidence/")) AS ?eg)
  FILTER NOT EXISTS { GRAPH ?eg { ?ann oa:hasBody ?x } } }"""

SPANS = """
SELECT ?exact ?start ?end ?text WHERE { GRAPH ?eg { ?ann a oa:Annotation ; oa:hasTarget ?t .
  ?t oa:hasSource ?src ; oa:hasSelector ?q , ?p . ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end .
  ?src schema:text ?text } }"""


@pytest.mark.parametrize("bulk", [False, True])
def test_evidence_graphs_stay_out_of_the_union_and_every_fact_is_traceable(tmp_path, samples_dir, bulk):
    store = tmp_path / "S"
    args = ["ingest", *(str(samples_dir / a) for a in ARTICLES), "--store", str(store), "-q"]
    r = CliRunner().invoke(cli, args + (["--bulk"] if bulk else []), catch_exceptions=False)
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, args, catch_exceptions=False)  # again: the update path replaces them
    assert r.exit_code == 0, r.output
    with EmbeddedStore(store) as st:
        assert bool(st.query("ASK { GRAPH ?g { ?a a oa:Annotation } }"))
        assert not bool(st.query("ASK { ?a a oa:Annotation }"))  # not in the default graph (the union)
        assert not bool(st.query("ASK { ?t schema:text ?s }"))
        graphs = {str(r.g) for r in st.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a oa:Annotation } }")}
        assert graphs == {f"https://w3id.org/libkg/graph/evidence/{a[:-5]}" for a in ARTICLES}
        assert list(st.query(TRACE)) == []  # every person, post and event is the body of a sentence's annotation
        spans = list(st.query(SPANS))
        assert len(spans) > 20
        assert all(str(r.text)[int(r.start):int(r.end)] == str(r.exact) for r in spans)  # every offset checks
        # one annotation per sentence: no two annotations of an article share a span
        n = int(next(iter(st.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a oa:Annotation } }"))).n)
        assert n == len({(str(r.start), str(r.end), str(r.text)[:50]) for r in spans})


def _said(aid: str, date: str, text: str, name: str, posts: list[tuple[str, str]]):
    from libkg.extract.facts import Evidence, Facts, Person, Position
    from libkg.read.article import Article

    at = text.index(name)
    ev = [Evidence(at, at + len(name), text)]
    return (Article(aid, text, published=date),
            Facts(aid, persons=[Person(name, "Ông", evidence=ev)],
                  positions=[Position(name, role, org, evidence=ev) for role, org in posts]))


def test_a_person_renamed_by_later_evidence_is_renamed_in_the_evidence_graphs_too():
    """A later article joins two same-name persons: the earlier articles' graphs are rewritten, and so
    are their annotations' bodies (no annotation names a person IRI the store no longer has)."""
    from libkg.ingest.write import write_article

    name = "Trịnh Văn An"
    early = _said("y1", "2019-01-01", f"Ông {name}, Trưởng khoa Trường Đại học Văn hóa Hà Nội, phát biểu.", name,
                  [("Trưởng khoa", "Trường Đại học Văn hóa Hà Nội")])
    late = _said("y2", "2024-01-01", f"Ông {name}, Phó Chủ tịch Hội Thư viện Việt Nam, phát biểu.", name,
                 [("Phó Chủ tịch", "Hội Thư viện Việt Nam")])
    bridge = _said("y3", "2023-01-01", f"Ông {name}, Trưởng khoa Trường Đại học Văn hóa Hà Nội, Phó Chủ tịch "
                   "Hội Thư viện Việt Nam.", name, [("Trưởng khoa", "Trường Đại học Văn hóa Hà Nội"),
                                                    ("Phó Chủ tịch", "Hội Thư viện Việt Nam")])
    orphans = """SELECT ?x WHERE { GRAPH ?eg { ?ann oa:hasBody ?x } FILTER NOT EXISTS { ?x a ?type } }"""
    with EmbeddedStore(None) as st:
        for a, f in (early, late):
            write_article(st, a, f)
        persons = "SELECT DISTINCT ?p WHERE { ?p a lkg:Person }"
        assert len(list(st.query(persons))) == 2 and list(st.query(orphans)) == []
        write_article(st, *bridge)
        (p,) = [r.p for r in st.query(persons)]
        assert list(st.query(orphans)) == []  # bodies follow the rename
        bodies = {str(r.g) for r in st.query("SELECT ?g WHERE { GRAPH ?g { ?a oa:hasBody ?p } }", bindings={"p": p})}
        assert bodies == {f"https://w3id.org/libkg/graph/evidence/{i}" for i in ("y1", "y2", "y3")}
