"""Scoring extractor output against annotated articles (SCHEMA.md's rules)."""

from libkg.evaluate.score import FACT_TYPES, Score, score_article, score_corpus

__all__ = ["FACT_TYPES", "Score", "score_article", "score_corpus"]
