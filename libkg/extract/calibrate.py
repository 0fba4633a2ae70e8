"""A statistical precision filter: drop classes of predicted facts that are mostly wrong.

Removing a predicted fact raises F1 whenever its chance of being correct is below about F1/2 (about
0.4 for this extractor on real pages).  Predicted facts were grouped into classes by general features
that name no page (fact type, event kind, date precision, whether the event has a start date, whether a
participant holds a post, organisation head word, place kind, ...), and each class's precision was
measured with the project's scorer (:func:`libkg.evaluate.score.score_article`: the article's score
with and without the class's facts) over the ~210 real pages read while tuning.  A class is dropped
only when it had at least 10 predictions, precision under 0.45, a plausible reason to be wrong, and
dropping it did not lower the pooled scores of unseen pages.

The classes live in ``libkg/data/calibrate/drop_classes.tsv`` (one line per class, with its figures).
Today one class qualifies:

``event_participant start=none,single_participant``
    The only participant of an event without a start date: 5 of 15 correct on the real read sets
    (event participants as a whole: 265 of 312), 1 of 1 on the project-written sets; dropping it
    left the pooled unseen pages' correct facts as they were and removed one wrong one.
    Participants are scored with their event's start, so a dateless event's participant is right
    only when the event truly has no date; a lone name beside such an event (an event named in
    passing: "the conference", "the exhibition") is mostly a donor, an author, a host or the subject of
    a display, not an attendee.  Dated events' participants and dateless events with several named
    participants (15 of 21) are kept.

Other classes were measured and kept (their unseen totals fell, or their evidence was weak): see the
comments of the data file.
"""

from __future__ import annotations

from functools import lru_cache

from libkg.extract.facts import Event
from libkg.extract.pipeline import Doc, component
from libkg.resources import read_tsv

CONDITIONS = ("start=none", "single_participant", "no_position")
FACTS = ("event_participant",)


def parse_classes(rows: list[list[str]], source: str = "calibrate/drop_classes.tsv"
                  ) -> tuple[tuple[str, frozenset[str]], ...]:
    """The (fact, conditions) classes of tab-separated ``rows``; ValueError names ``source`` and the bad row."""
    out = []
    for row in rows:
        if len(row) < 2:
            raise ValueError(f"{source}: line {row!r} needs a fact and its conditions, tab-separated")
        fact, conds = row[0].strip(), frozenset(c.strip() for c in row[1].split(",") if c.strip())
        unknown = sorted(conds - set(CONDITIONS))
        if fact not in FACTS or unknown or not conds:
            raise ValueError(f"{source}: line {row!r}: unknown fact {fact!r}, unknown condition(s) {unknown} "
                             f"or none (facts: {', '.join(FACTS)}; conditions: {', '.join(CONDITIONS)})")
        out.append((fact, conds))
    return tuple(out)


@lru_cache(maxsize=1)
def drop_classes() -> tuple[tuple[str, frozenset[str]], ...]:
    """The classes that ``libkg/data/calibrate/drop_classes.tsv`` lists."""
    return parse_classes(read_tsv("calibrate", "drop_classes.tsv"))


def _participant_conditions(event: Event, name: str, holders: set[str]) -> set[str]:
    """The conditions that hold for one participant of ``event``."""
    held = set()
    if not event.start:
        held.add("start=none")
    if len(event.participants) == 1:
        held.add("single_participant")
    if name not in holders:
        held.add("no_position")
    return held


def _keep_participants(event: Event, holders: set[str], classes: list[frozenset[str]]) -> list[str]:
    return [n for n in event.participants
            if not any(c <= _participant_conditions(event, n, holders) for c in classes)]


@component("calibrate", requires=("text", "positions", "events"), assigns=("events",))
def calibrate(doc: Doc) -> None:
    """Drop the predicted facts of the classes in ``drop_classes.tsv``."""
    classes = [conds for fact, conds in drop_classes() if fact == "event_participant"]
    if not classes:
        return
    holders = {p.person for p in doc.positions}
    for event in doc.events:
        if event.participants:
            event.participants = _keep_participants(event, holders, classes)
