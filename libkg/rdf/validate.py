"""SHACL validation of libkg data against ``ontology/shapes.ttl``.

Example
-------
>>> from rdflib import Graph
>>> validate(Graph())[0]
True
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pyshacl import validate as _shacl
from rdflib import Dataset, Graph

from libkg.resources import ontology_dir

__all__ = ["shapes_graph", "validate"]


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """``ontology/shapes.ttl``, parsed once (shared; do not modify)."""
    g = Graph()
    g.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return g


def _union(data: Graph | Dataset) -> Graph:
    # A Dataset is validated as the union of its graphs: an article's facts may
    # point at nodes described in another graph (the ontology graph, say).
    if isinstance(data, Dataset):
        g = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return data


def validate(data: Graph | Dataset, shapes: Graph | str | Path | None = None,
             use_ontology: bool = False) -> tuple[bool, str]:
    """Check ``data`` against the libkg shapes; return ``(conforms, report_text)``.

    Parameters
    ----------
    data
        One article's graph, or a Dataset (validated as the union of its graphs).
    shapes
        Other shapes (a Graph or a Turtle file); default ``ontology/shapes.ttl``.
    use_ontology
        Also load ``ontology/libkg.ttl`` with the RDFS axioms of PROV-O and ORG
        (``libkg/data/publish/prov-org-rdfs.ttl``) and apply RDFS inference first.  Not needed for
        data written by :func:`libkg.rdf.build.facts_to_graph`, which asserts
        superclasses itself, so it is off to keep validation fast; on, it checks
        that the alignments to PROV-O and ORG imply nothing the shapes refuse.
    """
    if shapes is None:
        shacl = shapes_graph()
    elif isinstance(shapes, Graph):
        shacl = shapes
    else:
        shacl = Graph().parse(str(shapes), format="turtle")
    kwargs: dict = {"inference": "none"}
    if use_ontology:
        from libkg.rdf.ontology import inference_graph

        kwargs = {"inference": "rdfs", "ont_graph": inference_graph()}
    conforms, _report_graph, text = _shacl(_union(data), shacl_graph=shacl, abort_on_first=False,
                                           allow_warnings=True, **kwargs)
    return bool(conforms), str(text)
