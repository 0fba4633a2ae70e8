"""Extraction: an :class:`~libkg.read.article.Article` in, :class:`~libkg.extract.facts.Facts` out."""

from libkg.extract.facts import Event, Evidence, Facts, Organization, Person, Place, Position
from libkg.extract.pipeline import (
    ComponentInfo,
    Doc,
    Extractor,
    RuleExtractor,
    check_order,
    component,
    components,
    extract,
)

__all__ = ["ComponentInfo", "Doc", "Event", "Evidence", "Extractor", "Facts", "Organization", "Person", "Place",
           "Position", "RuleExtractor", "check_order", "component", "components", "extract"]
