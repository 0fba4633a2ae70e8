"""The corpus scoring rules of SCHEMA.md, implemented once.

Researchers annotate their own articles in the corpus format, so the scorer
is a feature, not a test helper: ``libkg evaluate DIR`` uses it, and so does
the extraction-quality test.

Rules: names match after NFC, lower case, tone-placement folding, collapsed
spaces and dropped titles.  Organisations and roles match when the
similarity of their sorted words is at least 0.85 after that folding, with
"tỉnh" ignored and common abbreviations expanded on both sides.  Places match
after dropping the administrative prefix.  Each fact type is a set per
article (events a multiset of (kind, start)); items are matched one-to-one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from libkg.normalize import fold, fold_person, fold_place
from libkg.resources import read_tsv

FACT_TYPES = ("persons", "organizations", "positions", "events", "event_places",
              "event_participants", "places")
THRESHOLD = 0.85


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[re.Pattern[str], str]]:
    rows = read_tsv("lexicon", "abbreviations.tsv")
    out = []
    for abbr, expansion, *_ in sorted(rows, key=lambda r: -len(r[0])):
        a = fold(abbr)
        tail = r"(?!\w)" if a[-1].isalnum() else ""
        out.append((re.compile(r"(?<!\w)" + re.escape(a) + tail), fold(expansion)))
    return out


@lru_cache(maxsize=65536)
def name_key(name: str | None) -> str:
    """Organisation/role comparison key: folded, abbreviations expanded, sorted words.

    >>> name_key("Sở VHTTDL tỉnh Lạng Sơn") == name_key("Sở Văn hoá, Thể thao và Du lịch Lạng Sơn")
    True
    """
    if not name:
        return ""
    s = fold(name)
    for pat, exp in _abbreviations():
        s = pat.sub(exp, s)
    words = [w for w in re.findall(r"\w+", s) if w != "tỉnh"]
    return " ".join(sorted(words))


def similar(a: str | None, b: str | None) -> float:
    """Similarity of two organisation or role names, 0..1."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return 1.0
    if not ka or not kb:
        return 0.0
    return SequenceMatcher(None, ka, kb).ratio()


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: Score) -> Score:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold
        return self

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "pred": self.pred, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def _exact(pred: list[Any], gold: list[Any], multiset: bool = False) -> Score:
    if multiset:
        cp, cg = Counter(pred), Counter(gold)
        return Score(sum((cp & cg).values()), sum(cp.values()), sum(cg.values()))
    p, g = set(pred), set(gold)
    return Score(len(p & g), len(p), len(g))


def _fuzzy(pred: list[tuple], gold: list[tuple], match) -> Score:
    """One-to-one matching, best pairs first; ``match(a, b)`` gives a score or 0."""
    pred = list(dict.fromkeys(pred))
    gold = list(dict.fromkeys(gold))
    pairs = []
    for i, a in enumerate(pred):
        for j, b in enumerate(gold):
            s = match(a, b)
            if s:
                pairs.append((s, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p, used_g, tp = set(), set(), 0
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            tp += 1
    return Score(tp, len(pred), len(gold))


def _org_match(a: tuple, b: tuple) -> float:
    s = similar(a[0], b[0])
    return s if s >= THRESHOLD else 0.0


def _position_match(a: tuple, b: tuple) -> float:
    if a[0] != b[0]:
        return 0.0
    r = similar(a[1], b[1])
    if r < THRESHOLD:
        return 0.0
    if not a[2] and not b[2]:
        return r
    o = similar(a[2], b[2])
    return (r + o) / 2 if o >= THRESHOLD else 0.0


def score_article(pred: dict[str, list[dict]], gold: dict[str, list[dict]]) -> dict[str, Score]:
    """Score one article's extracted facts (gold shape) against its annotation."""
    out: dict[str, Score] = {}
    out["persons"] = _exact([fold_person(p["name"]) for p in pred.get("persons", [])],
                            [fold_person(p["name"]) for p in gold.get("persons", [])])
    out["organizations"] = _fuzzy([(o["name"],) for o in pred.get("organizations", [])],
                                  [(o["name"],) for o in gold.get("organizations", [])], _org_match)

    def pos(items):
        return [(fold_person(p["person"]), p["role"], p.get("organization")) for p in items]

    out["positions"] = _fuzzy(pos(pred.get("positions", [])), pos(gold.get("positions", [])),
                              _position_match)
    pe, ge = pred.get("events", []), gold.get("events", [])
    out["events"] = _exact([(e["kind"], e["start"]) for e in pe], [(e["kind"], e["start"]) for e in ge],
                           multiset=True)
    out["event_places"] = _exact([(e["start"], fold_place(e["place"])) for e in pe if e.get("place")],
                                 [(e["start"], fold_place(e["place"])) for e in ge if e.get("place")])
    out["event_participants"] = _exact(
        [(e["start"], fold_person(p)) for e in pe for p in e.get("participants", [])],
        [(e["start"], fold_person(p)) for e in ge for p in e.get("participants", [])])
    out["places"] = _exact([fold_place(p["name"]) for p in pred.get("places", [])],
                           [fold_place(p["name"]) for p in gold.get("places", [])])
    return out


def score_corpus(pairs: list[tuple[str, dict, dict]]) -> tuple[dict[str, Score], Score, dict[str, dict]]:
    """Score ``(article_id, predicted, gold)`` triples.

    Returns the per-type totals, the micro-averaged total over all fact types
    and the per-article scores.
    """
    totals = {t: Score() for t in FACT_TYPES}
    per_article: dict[str, dict[str, Score]] = {}
    for aid, pred, gold in pairs:
        s = score_article(pred, gold)
        per_article[aid] = s
        for t in FACT_TYPES:
            totals[t] += s[t]
    micro = Score()
    for t in FACT_TYPES:
        micro += totals[t]
    return totals, micro, per_article
