"""Running the extractor over annotated articles and printing the scores."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from libkg.evaluate.score import FACT_TYPES, Score, score_corpus
from libkg.extract.pipeline import Extractor, RuleExtractor
from libkg.read import ReadError, read_paths


def read_id_list(path: str | Path) -> set[str]:
    """The article ids a file lists, one per line; blank lines and ``#`` comments skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return {ln.split("#", 1)[0].strip() for ln in lines} - {""}


def evaluate_paths(paths: Iterable[str | Path], extractor: Extractor | None = None,
                   only: set[str] | None = None
                   ) -> tuple[dict[str, Score], Score, dict[str, dict[str, Score]], list[ReadError]]:
    """Extract every annotated article under ``paths`` and score it against its ``gold``.

    With ``only``, articles whose id is not in it are skipped (one part of a split).
    """
    extractor = extractor or RuleExtractor()
    pairs, errors = [], []
    for item in read_paths(paths):
        if isinstance(item, ReadError):
            errors.append(item)
            continue
        if only is not None and item.id not in only:
            continue
        if item.gold is None:
            errors.append(ReadError(item.source or item.id, "has no 'gold' annotation to score against"))
            continue
        pairs.append((item.id, extractor(item).to_gold(), item.gold))
    totals, micro, per_article = score_corpus(pairs)
    return totals, micro, per_article, errors


def format_table(totals: dict[str, Score], micro: Score) -> str:
    rows = [("fact", "P", "R", "F1", "tp", "pred", "gold")]
    for t in FACT_TYPES:
        s = totals[t]
        rows.append((t, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp), str(s.pred),
                     str(s.gold)))
    rows.append(("micro", f"{micro.precision:.3f}", f"{micro.recall:.3f}", f"{micro.f1:.3f}",
                 str(micro.tp), str(micro.pred), str(micro.gold)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=False)))
             for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    lines.insert(len(lines) - 1, "-" * len(lines[0]))
    return "\n".join(lines)


def format_per_article(per_article: dict[str, dict[str, Score]]) -> str:
    head = "article  " + "  ".join(f"{t[:12]:>12}" for t in FACT_TYPES)
    lines = [head]
    for aid, scores in per_article.items():
        cells = [f"{scores[t].f1:>5.2f} {scores[t].tp:>2}/{scores[t].pred:<2}/{scores[t].gold:<2}"
                 for t in FACT_TYPES]
        lines.append(f"{aid:<8} " + "  ".join(f"{c:>12}" for c in cells))
    lines.append("(each cell: F1 tp/pred/gold)")
    return "\n".join(lines)


def as_json(totals: dict[str, Score], micro: Score, per_article: dict[str, dict[str, Score]] | None
            ) -> dict[str, Any]:
    out: dict[str, Any] = {"types": {t: totals[t].as_dict() for t in FACT_TYPES}, "micro": micro.as_dict()}
    if per_article is not None:
        out["articles"] = {a: {t: s[t].as_dict() for t in FACT_TYPES} for a, s in per_article.items()}
    return out
