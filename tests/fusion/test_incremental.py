"""Ingesting one article at a time (any order, with corrections) gives the whole collection's events."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from rasd.fusion import MemorySource, Report, cluster_all, report_from_event
from tests.fusion.test_fusion import BASE

TOWNS = [(14.79, 42.95), (15.35, 44.20), (13.58, 44.02), (12.78, 45.03)]


def _article(rng: random.Random, name: str, day: date, country: str | None) -> list[Report]:
    """One article with one to three events near ``day`` (some coarse, some undated)."""
    published = f"{day + timedelta(days=rng.randrange(2))}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+00:00"
    meta = {"id": name, "source": rng.choice("ABC"), "url": f"https://x.example/{name}", "published": published}
    out = []
    for n in range(1, rng.choice([2, 2, 2, 3, 4])):
        lat, lon = rng.choice(TOWNS)
        precision = rng.choice([1, 1, 1, 1, 2, 3])
        coarse_place = rng.random() < 0.15
        event = {
            **BASE,
            "country": country,
            "event_date": None if rng.random() < 0.04 else (day + timedelta(days=rng.randrange(-1, 2))).isoformat(),
            "time_precision": precision,
            "latitude": lat + rng.uniform(-0.03, 0.03),
            "longitude": lon,
            "geo_precision": 3 if coarse_place else rng.choice([1, 1, 2]),
            "sub_event_type": rng.choice(["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"]),
            "fatalities": rng.choice([None, 2, 3, 10]),
        }
        out.append(report_from_event(meta, n, event))
    return out


def _corpus(articles: int, seed: int) -> dict[str, list[Report]]:
    rng = random.Random(seed)
    corpus = {}
    for i in range(articles):
        day = date(2018, 4, 1) + timedelta(days=rng.randrange(40))
        country = rng.choice(["Yemen", "Yemen", "Yemen", "Syria", "Israel", "Palestine", None])
        corpus[f"art{i}"] = _article(rng, f"art{i}", day, country)
    return corpus


def _whole(corpus: dict[str, list[Report]]) -> dict[str, frozenset[str]]:
    reports = [r for rs in corpus.values() for r in rs]
    return {c.event_id: frozenset(r.report_id for r in c.reports) for c in cluster_all(reports)}


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_any_arrival_order_gives_the_whole_collections_events(seed):
    corpus = _corpus(120, seed)
    names = list(corpus)
    random.Random(seed + 100).shuffle(names)
    source = MemorySource()
    for name in names:
        source.ingest(corpus[name])
    expected = _whole(corpus)
    assert source.partition() == expected
    assert len(expected) < sum(len(rs) for rs in corpus.values())  # some reports did merge


@pytest.mark.parametrize("seed", [5, 6])
def test_corrected_articles_replace_their_reports_and_refuse(seed):
    corpus = _corpus(100, seed)
    rng = random.Random(seed)
    source = MemorySource()
    for name in rng.sample(list(corpus), len(corpus)):
        source.ingest(corpus[name])
    for name in rng.sample(list(corpus), 30):  # corrections: other dates, places, fewer events
        day = date(2018, 4, 1) + timedelta(days=rng.randrange(40))
        corpus[name] = _article(rng, name, day, rng.choice(["Yemen", "Syria"]))[: rng.randrange(0, 3)]
        source.ingest(corpus[name], removed_article=name)
    assert source.partition() == _whole(corpus)


def test_in_publication_order_only_the_new_reports_decide():
    corpus = _corpus(150, 7)
    source = MemorySource()
    ordered = sorted(corpus.values(), key=lambda rs: (rs[0].published_at, rs[0].article_id))
    replayed = [source.ingest(reports).replayed for reports in ordered]
    # a report published at the very same minute may come later in canonical order; otherwise
    # nothing but the article's own reports is replayed
    assert sum(replayed) <= sum(len(rs) for rs in ordered) + 10
    assert source.partition() == _whole(corpus)


def test_a_change_names_the_events_it_replaces():
    corpus = _corpus(60, 8)
    source = MemorySource()
    for reports in corpus.values():
        source.ingest(reports)
    name, reports = next((k, v) for k, v in corpus.items() if v and v[0].country)
    event_before = source.owner[reports[0].report_id]
    change = source.ingest([], removed_article=name)
    assert event_before in change.before
    assert all(reports[0].report_id not in ids for ids in source.partition().values())
