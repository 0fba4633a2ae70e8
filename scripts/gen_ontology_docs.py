"""Write docs/ontology-reference.md, the reference of every ontology term, from ontology/libkg.ttl.

The page is generated (libkg.rdf.ontodoc), so it cannot drift from the OWL file; tests/test_publish.py
fails when docs/ontology-reference.md differs from what this script writes.  After changing the
ontology, run

    .venv/bin/python scripts/gen_ontology_docs.py

``--check`` exits 1 (printing nothing else) when the page is stale.  (pyLODE would be the usual
tool; the release the registry serves, 3.4.1, fails at import, so the page is written here.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from libkg.rdf.ontodoc import markdown

OUT = Path(__file__).resolve().parent.parent / "docs" / "ontology-reference.md"


def render() -> str:
    return markdown()


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        return 0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(OUT.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
