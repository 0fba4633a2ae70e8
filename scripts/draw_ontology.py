"""Draw the ontology's core classes and properties: docs/img/ontology.svg and .png.

A static diagram (matplotlib, no Graphviz needed): each box is a class with the
classes it is aligned to and its literal-valued properties; each arrow a
property between classes.  Before drawing, every ``lkg:`` term the diagram
names is checked against ``ontology/libkg.ttl``, so a renamed term fails here
instead of leaving a stale picture.  Regenerate after changing the ontology:

    .venv/bin/python scripts/draw_ontology.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img" / "ontology"

# class box: (x, y) centre, title, lines (alignments first, then literal properties)
BOXES: dict[str, tuple[float, float, str, list[str]]] = {
    "article": (57, 92, "schema:NewsArticle",
                ["schema:identifier, schema:url", "schema:datePublished, schema:headline"]),
    "evidence": (99, 92, "oa:Annotation", ["one per sentence (evidence graph)", "oa:hasTarget → oa:TextQuoteSelector,",
                                           "oa:TextPositionSelector into the text"]),
    "person": (15, 60, "lkg:Person", ["⊑ foaf:Person, schema:Person", "skos:prefLabel, skos:altLabel",
                                       "lkg:nameKey"]),
    "position": (57, 60, "lkg:Position", ["⊑ org:Membership", "org:role → skos:Concept (roles)",
                                           "lkg:roleLabel, lkg:status, lkg:term",
                                           "lkg:attestedOn (repeatable)", "lkg:startDate, lkg:endDate"]),
    "org": (99, 60, "lkg:Organization", ["⊑ org:Organization, schema:Organization",
                                          "lkg:Library, lkg:LibraryUnion,", "lkg:GovernmentBody, lkg:Association …"]),
    "concept": (15, 24, "skos:Concept", ["the SKOS vocabularies (ontology/vocab):", "roles, event kinds,",
                                          "organisation kinds, place kinds"]),
    "event": (57, 24, "lkg:Event", ["⊑ sem:Event, schema:Event", "schema:startDate, schema:endDate",
                                     "lkg:participantCount, lkg:bookCount"]),
    "place": (99, 24, "lkg:Place", ["⊑ schema:Place, sem:Place", "lkg:ProvincialUnit (2025 reform):",
                                     "lkg:validFrom, lkg:validUntil"]),
}

# arrows: (from, to, label, label position along the arrow 0..1, curvature)
ARROWS: list[tuple[str, str, str, float, float]] = [
    ("position", "person", "org:member", 0.5, 0.0),
    ("position", "org", "org:organization", 0.5, 0.0),
    ("event", "org", "schema:organizer", 0.55, 0.0),
    ("event", "person", "schema:attendee", 0.55, 0.0),
    ("event", "place", "schema:location", 0.5, 0.0),
    ("event", "concept", "lkg:eventKind", 0.5, 0.0),
    ("evidence", "position", "oa:hasBody", 0.5, 0.0),
    ("evidence", "article", "text: prov:wasDerivedFrom", 0.5, 0.0),
]
# properties from a class to itself, drawn as a note beside the box
SELF: dict[str, str] = {
    "org": "↻ org:subOrganizationOf, lkg:renamedTo, lkg:mergedInto",
    "event": "↻ schema:subEvent",
    "place": "↻ lkg:within (transitive), lkg:succeededBy",
}
NOTES = [
    "An article's facts live in its named graph; the graph (not the facts) is prov:wasDerivedFrom the article",
    "(activity graph).  Annotations have every fact read in a sentence as body.  Kinds: org:role, lkg:orgKind, …",
    "Authority links: lkg:wikidataId plus skos:exactMatch / skos:closeMatch to Wikidata (never owl:sameAs).",
]

W, H = 30.0, 18.0  # box size in diagram units (0..100 both ways)


def terms_used() -> set[str]:
    text = " ".join([b[2] + " " + " ".join(b[3]) for b in BOXES.values()]
                    + [a[2] for a in ARROWS] + list(SELF.values()) + NOTES)
    return set(re.findall(r"\blkg:[A-Za-z]+", text))


def check_terms() -> None:
    """Every lkg: term drawn is declared in ontology/libkg.ttl."""
    from rdflib import Graph, URIRef

    g = Graph().parse(ROOT / "ontology" / "libkg.ttl", format="turtle")
    ns = "https://w3id.org/libkg/ontology#"
    declared = {str(s)[len(ns):] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(ns)}
    missing = sorted(t for t in terms_used() if t[4:] not in declared)
    if missing:
        raise SystemExit(f"the diagram names terms the ontology does not declare: {', '.join(missing)}")


def _edge_point(src: tuple[float, float], dst: tuple[float, float]) -> tuple[float, float]:
    """Where the segment from the centre ``src`` towards ``dst`` leaves the box around ``src``."""
    (x0, y0), (x1, y1) = src, dst
    dx, dy = x1 - x0, y1 - y0
    tx = (W / 2) / abs(dx) if dx else float("inf")
    ty = (H / 2) / abs(dy) if dy else float("inf")
    t = min(tx, ty, 1.0)
    return x0 + dx * t, y0 + dy * t


def draw(out: Path = OUT) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    plt.rcParams["svg.hashsalt"] = "libkg"  # stable ids: the SVG only changes when the drawing does
    plt.rcParams["svg.fonttype"] = "none"  # text stays text (searchable, small)
    fig, ax = plt.subplots(figsize=(15, 9.6))
    ax.set_xlim(-2, 116)
    ax.set_ylim(0, 108)
    ax.axis("off")
    colours = {"article": "#fde9c9", "evidence": "#fde9c9", "concept": "#e4e4e4"}
    for key, (x, y, title, lines) in BOXES.items():
        ax.add_patch(FancyBboxPatch((x - W / 2, y - H / 2), W, H, boxstyle="round,pad=0.4,rounding_size=1.2",
                                    facecolor=colours.get(key, "#dbe9f6"), edgecolor="#2d4a66", linewidth=1.3))
        ax.text(x, y + H / 2 - 2.6, title, ha="center", va="center", fontsize=11.5, fontweight="bold",
                color="#13263a")
        for i, line in enumerate(lines):
            ax.text(x, y + H / 2 - 6.0 - i * 2.6, line, ha="center", va="center", fontsize=8.4, color="#2b2b2b")
    for src, dst, label, at, rad in ARROWS:
        a, b = BOXES[src][:2], BOXES[dst][:2]
        p0, p1 = _edge_point(a, b), _edge_point(b, a)
        ax.add_patch(FancyArrowPatch(p0, p1, arrowstyle="-|>", mutation_scale=14, linewidth=1.2,
                                     color="#3b5f82", connectionstyle=f"arc3,rad={rad}", shrinkA=4, shrinkB=6))
        lx, ly = p0[0] + (p1[0] - p0[0]) * at, p0[1] + (p1[1] - p0[1]) * at
        if abs(p1[1] - p0[1]) < 1:  # horizontal: the label sits above the arrow, not on it
            ax.text(lx, ly + 1.9, label, ha="center", va="center", fontsize=9, color="#1d3d5c")
        else:
            ax.text(lx, ly, label, ha="center", va="center", fontsize=9, color="#1d3d5c",
                    bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.92})
    for key, text in SELF.items():
        x, y = BOXES[key][:2]
        ax.text(x, y - H / 2 - 2.4, text, ha="center", va="center", fontsize=8.6, color="#1d3d5c",
                style="italic")
    for i, note in enumerate(NOTES):
        ax.text(0, 7.0 - i * 2.6, note, ha="left", va="center", fontsize=8.6, color="#444444")
    ax.text(0, 106, "libkg ontology (lkg: = https://w3id.org/libkg/ontology#): core classes and properties",
            ha="left", va="center", fontsize=12, fontweight="bold", color="#13263a")
    out.parent.mkdir(parents=True, exist_ok=True)
    paths = [out.with_suffix(".svg"), out.with_suffix(".png")]
    fig.savefig(paths[0], format="svg", bbox_inches="tight", metadata={"Date": None})
    fig.savefig(paths[1], format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return paths


def main() -> int:
    check_terms()
    for p in draw():
        print(f"wrote {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
