"""The held-out corpus (eval/heldout/*.jsonl) is well-formed and self-consistent.

Same checks as the dev corpus (the per-article and per-event checks are reused from test_corpus);
this file only states what differs: size, spread, and that held-out and dev share no article.
"""

from pathlib import Path

import pytest
import test_corpus as dev_corpus

from rasd.evaluate.gold import EVENT_TYPES, load_gold
from rasd.evaluate.metrics import aggregate, score_article

HELDOUT = Path(__file__).resolve().parents[2] / "eval" / "heldout"
ARTICLES = load_gold(HELDOUT)


def test_corpus_size_and_spread():
    assert len(ARTICLES) >= 30
    countries = {e["country"] for a in ARTICLES for e in a.events}
    assert countries >= dev_corpus.COUNTRIES
    assert sum(1 for a in ARTICLES if not a.events) >= 5
    assert sum(1 for a in ARTICLES if a.not_events) >= 0.5 * len(ARTICLES)
    event_types = {e["event_type"] for a in ARTICLES for e in a.events if e["core"]}
    assert event_types == set(EVENT_TYPES)


@pytest.mark.parametrize("art", ARTICLES, ids=lambda a: a.id)
def test_article(art):
    dev_corpus.test_article(art)
    for place in art.places:
        for key in ("latitude", "longitude"):
            value = place.get(key)
            assert value is None or round(value, 4) == value, place


def test_ids_unique_prefixed_and_disjoint_from_dev():
    ids = [a.id for a in ARTICLES]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("ho-") for i in ids)
    dev_ids = {a.id for a in dev_corpus.ARTICLES}
    dev_texts = {a.text for a in dev_corpus.ARTICLES}
    assert not dev_ids & set(ids)
    assert not dev_texts & {a.text for a in ARTICLES}


def test_gold_scored_against_itself_is_perfect():
    results = [score_article(a, *dev_corpus.gold_as_prediction(a)) for a in ARTICLES]
    headline = aggregate(results).headline()
    assert all(value == 1.0 for value in headline.values()), headline
