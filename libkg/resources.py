"""Where the shipped data files live, installed or in a source checkout.

The ontology, the query library and the sample articles sit at the top of the
repository (where researchers look for them); a wheel carries copies under
``libkg/_shipped``.  Everything that reads them asks this module.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def _top(name: str) -> Path:
    shipped = PACKAGE_DIR / "_shipped" / name
    if shipped.is_dir():
        return shipped
    return PACKAGE_DIR.parent / name


def ontology_dir() -> Path:
    return _top("ontology")


def queries_dir() -> Path:
    return _top("queries")


def samples_dir() -> Path:
    return _top("samples")


def data_file(*parts: str) -> Path:
    """A file in the package's data folder (lexicons, gazetteers)."""
    return DATA_DIR.joinpath(*parts)


def read_tsv(*parts: str) -> list[list[str]]:
    """Rows of a tab-separated data file, comments (#) and blank lines skipped."""
    rows = []
    for line in data_file(*parts).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows
