"""Extraction: an :class:`~libkg.read.article.Article` in, :class:`~libkg.extract.facts.Facts` out."""

from libkg.extract.facts import Event, Evidence, Facts, Organization, Person, Place, Position
from libkg.extract.pipeline import Doc, Extractor, RuleExtractor, extract

__all__ = ["Doc", "Event", "Evidence", "Extractor", "Facts", "Organization", "Person", "Place",
           "Position", "RuleExtractor", "extract"]
