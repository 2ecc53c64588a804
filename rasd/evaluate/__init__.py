"""Evaluation against an annotated gold corpus (``rasd evaluate``; docs/evaluation.md)."""

from rasd.evaluate.gold import GoldArticle, GoldFormatError, load_gold
from rasd.evaluate.matching import match_events
from rasd.evaluate.metrics import Report, aggregate, score_article
from rasd.evaluate.runner import evaluate_articles

__all__ = [
    "GoldArticle",
    "GoldFormatError",
    "Report",
    "aggregate",
    "evaluate_articles",
    "load_gold",
    "match_events",
    "score_article",
]
