"""The review CSV: candidates a machine would not decide, for a researcher to decide.

``libkg link --review out.csv`` writes one row per (entity, candidate) below
the threshold (or ambiguous), best first within an entity.  The researcher
opens it in a spreadsheet, writes ``yes`` in the ``accept`` column of the right
candidate (or ``no``, or nothing), optionally ``close`` in ``match`` when the
item spans more than our node, and loads it back with
``libkg link --accept reviewed.csv``: accepted rows become links with method
``review`` and the reviewer's note as reason.

The file is UTF-8 with a BOM-free header, so spreadsheets and ``csv`` agree;
links to the Wikidata item make checking one click.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from libkg.link.model import WIKIDATA, Decision

__all__ = ["COLUMNS", "ReviewError", "ReviewResult", "read_review", "write_review"]

COLUMNS = ("accept", "match", "node", "label", "kind", "candidate", "candidate_label", "score", "reason",
           "wikidata_url", "viaf", "isni", "geonames", "endpoint", "note")
YES = {"yes", "y", "x", "1", "true", "accept", "ok", "có", "co", "✓"}
NO = {"no", "n", "0", "false", "reject", "không", "khong", "✗"}
_QID = re.compile(r"^Q[1-9][0-9]*$")


class ReviewError(ValueError):
    """The reviewed file cannot be read as a review CSV."""


@dataclass
class ReviewResult:
    """What a reviewed file says: links to write, and rows that could not be used (with why)."""

    accepted: list[Decision] = field(default_factory=list)
    rejected: int = 0
    undecided: int = 0
    problems: list[str] = field(default_factory=list)


def write_review(path: str | Path, decisions: Iterable[Decision]) -> int:
    """Write candidates to ``path``; return the number of rows."""
    rows = sorted(decisions, key=lambda d: (d.label, d.node, -d.score, d.qid))
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, COLUMNS)
        w.writeheader()
        for d in rows:
            w.writerow({"accept": "", "match": "", "node": d.node, "label": d.label, "kind": d.kind,
                        "candidate": d.qid, "candidate_label": d.candidate_label, "score": f"{d.score:.3f}",
                        "reason": d.reason, "wikidata_url": WIKIDATA + d.qid, "viaf": d.viaf, "isni": d.isni,
                        "geonames": d.geonames, "endpoint": d.source, "note": ""})
    return len(rows)


def read_review(path: str | Path) -> ReviewResult:
    """Read a reviewed file: every row marked yes becomes a ``review`` decision.

    A node with two accepted candidates is a contradiction: neither is used and
    the problem is reported, rather than one being picked silently.
    """
    out = ReviewResult()
    try:
        fh = Path(path).open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ReviewError(f"{path}: {exc.strerror or exc}") from None
    with fh:
        reader = csv.DictReader(fh)
        missing = {"accept", "node", "candidate"} - set(reader.fieldnames or ())
        if missing:
            raise ReviewError(f"{path}: not a review file (no column {', '.join(sorted(missing))})")
        by_node: dict[str, list[Decision]] = defaultdict(list)
        for i, r in enumerate(reader, start=2):
            mark = (r.get("accept") or "").strip().lower()
            if not mark:
                out.undecided += 1
                continue
            if mark in NO:
                out.rejected += 1
                continue
            if mark not in YES:
                out.problems.append(f"line {i}: accept={r.get('accept')!r} is neither yes nor no")
                continue
            node, qid = (r.get("node") or "").strip(), (r.get("candidate") or "").strip()
            match = (r.get("match") or "").strip().lower()
            if not node.startswith(("http://", "https://")) or not _QID.match(qid):
                out.problems.append(f"line {i}: node must be an IRI and candidate a Wikidata id (Q…)")
                continue
            if match not in ("", "exact", "close"):
                out.problems.append(f"line {i}: match={match!r} must be exact, close or empty")
                continue
            note = (r.get("note") or "").strip()
            try:
                s = float(r.get("score") or 0)
            except ValueError:
                s = 0.0
            by_node[node].append(Decision(
                node, qid, s, "review", "accepted by a reviewer" + (f": {note}" if note else ""),
                (r.get("endpoint") or "").strip() or str(Path(path).name), label=(r.get("label") or "").strip(),
                kind=(r.get("kind") or "").strip(), candidate_label=(r.get("candidate_label") or "").strip(),
                match=match, viaf=(r.get("viaf") or "").strip(), isni=(r.get("isni") or "").strip(),
                geonames=(r.get("geonames") or "").strip()))
    for node, ds in by_node.items():
        if len({d.qid for d in ds}) > 1:
            out.problems.append(f"{node}: {len(ds)} candidates accepted ({', '.join(d.qid for d in ds)}); none used")
            continue
        out.accepted.append(ds[0])
    return out
