"""Extraction quality against the annotated corpora (issue 3 thresholds).

The development corpus (``../shared/corpus/articles``, else the identical
``samples/articles``) is what the rules were written on, so its scores are an
upper bound; the held-out set (``tests/data/heldout``) was annotated apart and
its floors sit a little below the scores reached, so that a regression in the
rules fails here rather than on the hidden evaluation set.
"""

from pathlib import Path

import pytest

from libkg.evaluate.report import evaluate_paths

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus" / "articles"
DEV = SHARED if SHARED.is_dir() else ROOT / "samples" / "articles"
HELDOUT = ROOT / "tests" / "data" / "heldout"

DEV_FLOORS = {"persons": 0.97, "positions": 0.85, "organizations": 0.85, "events": 0.85, "places": 0.90}
HELDOUT_FLOORS = {"persons": 0.97, "organizations": 0.90, "positions": 0.84, "events": 0.86, "places": 0.95,
                  "event_places": 0.72, "event_participants": 0.78}


def _scores(path: Path):
    totals, micro, _, errors = evaluate_paths([path])
    assert not errors, errors
    return totals, micro


def test_dev_corpus_meets_the_issue_thresholds():
    totals, micro = _scores(DEV)
    assert micro.f1 >= 0.90, micro.as_dict()
    low = {t: round(totals[t].f1, 3) for t, floor in DEV_FLOORS.items() if totals[t].f1 < floor}
    assert not low, low


@pytest.mark.skipif(not any(HELDOUT.glob("*.json")), reason="no held-out articles")
def test_heldout_set_stays_above_its_floors():
    totals, micro = _scores(HELDOUT)
    assert micro.f1 >= 0.91, micro.as_dict()
    low = {t: round(totals[t].f1, 3) for t, floor in HELDOUT_FLOORS.items() if totals[t].f1 < floor}
    assert not low, low
