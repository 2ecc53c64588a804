"""Benchmark the places stage: gazetteer load time, RSS, per-article cost on the dev corpus.

    python bench/bench_places.py [N_ARTICLES]      # load time, RSS, ms per article
    python bench/bench_places.py --gold [-v]       # place precision/recall on eval/dev gold
    python bench/bench_places.py --offenders [N]   # places outside the article's focus country,
                                                   # most frequent first (N middleEast articles)
    python bench/bench_places.py --translit [N] [--news]  # mentions found by transliteration lookup,
                                                   # with context (N middleEast [+ international] articles)
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "ant-dev.jsonl.gz"
GOLD = Path(__file__).resolve().parents[1] / "eval" / "dev"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def gold_check(verbose: bool) -> int:
    """Place-mention precision/recall and within-25-km rate against the annotated dev articles."""
    from rasd.document import Document
    from rasd.evaluate.gold import load_gold
    from rasd.evaluate.metrics import SpanScore, score_places
    from rasd.extractors.places.stage import PlacesStage
    from rasd.normalize.normalizer import NormalizeStage
    from rasd.pipeline import Pipeline
    from rasd.tokenize.tokens import TokenizeStage

    if not GOLD.is_dir():
        print(f"gold folder {GOLD} absent: skipped")
        return 0
    pipeline = Pipeline([NormalizeStage(), TokenizeStage(), PlacesStage()])
    total = SpanScore()
    for art in load_gold(GOLD):
        doc = pipeline(Document(art.text))
        mentions = [m.to_dict() for m in doc.mentions_of("place")]
        score = score_places(art, mentions)
        total.add(score)
        if verbose and (score.matched < score.predicted or score.matched < score.gold):
            pred = {(m["start"], m["end"]): m for m in mentions}
            gold = {(g["start"], g["end"]): g for g in art.places}
            for span, m in sorted(pred.items()):
                if not any(g[0] < span[1] and span[0] < g[1] for g in gold):
                    print(f"{art.id} EXTRA {m['text']} -> {m['value']['name']} ({m['value']['iso2']})")
            for span, g in sorted(gold.items()):
                hit = [m for s, m in pred.items() if s[0] < span[1] and span[0] < s[1]]
                if not hit:
                    print(f"{art.id} MISSED {g['text']} ({g.get('name')}, {g.get('country')})")
                elif score_places(type(art)(art.id, art.article, art.text, places=[g]), hit).matched == 0:
                    v = hit[0]["value"]
                    print(f"{art.id} WRONG {g['text']}: {v['name']} ({v['iso2']}) != {g.get('name')}")
    print(f"gold places: precision {total.precision:.3f} recall {total.recall:.3f} "
          f"(matched {total.matched}, predicted {total.predicted}, gold {total.gold})")
    return 0


def offenders(limit: int, verbose: bool, top: int = 60) -> int:
    """Most frequent places coded outside the article's focus country: where common words hide."""
    from collections import Counter

    from rasd.document import Document
    from rasd.extractors.places import country_focus
    from rasd.extractors.places.gazetteer import countries
    from rasd.extractors.places.stage import PlacesStage
    from rasd.normalize.normalizer import NormalizeStage
    from rasd.pipeline import Pipeline
    from rasd.tokenize.tokens import TokenizeStage

    if not CORPUS.exists():
        print(f"corpus {CORPUS} absent: skipped")
        return 0
    pipeline = Pipeline([NormalizeStage(), TokenizeStage(), PlacesStage()])
    found: Counter[str] = Counter()
    example: dict[str, str] = {}
    total = outside = count = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item.get("category") != "middleEast":
                continue
            if count >= limit:
                break
            count += 1
            doc = pipeline(Document(item["title"] + "\n" + item["text"]))
            focus = country_focus(doc)
            for m in doc.mentions_of("place"):
                v = m.value
                total += 1
                near = {focus} | countries()[focus].neighbours if focus else set()
                if focus and v["iso2"] not in near and v["kind"] not in {"country", "admin1"}:
                    outside += 1
                    key = f"{m.text} -> {v['name']} ({v['iso2']}, {v['kind']})"
                    found[key] += 1
                    example.setdefault(key, doc.text[max(0, m.start - 40) : m.end + 40].replace("\n", " "))
    print(f"{count} middleEast articles, {total} place mentions, {outside} outside the focus country "
          "and its neighbours")
    for key, n in found.most_common(top):
        print(f"{n:4d}  {key}")
        if verbose:
            print(f"        {example[key]}")
    return 0


def transliterations(limit: int, categories: frozenset[str] = frozenset({"middleEast"})) -> int:
    """Every place mention the Latin-spelling lookup adds, with context, for a hand check."""
    from rasd.document import Document
    from rasd.extractors.places.stage import PlacesStage
    from rasd.normalize.normalizer import NormalizeStage
    from rasd.pipeline import Pipeline
    from rasd.tokenize.tokens import TokenizeStage

    if not CORPUS.exists():
        print(f"corpus {CORPUS} absent: skipped")
        return 0
    pipeline = Pipeline([NormalizeStage(), TokenizeStage(), PlacesStage()])
    count = total = added = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item.get("category") not in categories:
                continue
            if count >= limit:
                break
            count += 1
            doc = pipeline(Document(item["title"] + "\n" + item["text"]))
            for m in doc.mentions_of("place"):
                total += 1
                v = m.value
                if v.get("match") == "transliteration":
                    added += 1
                    context = doc.text[max(0, m.start - 50) : m.end + 30].replace("\n", " ")
                    print(f"{m.text} -> {v['name']} ({v['iso2']}, id {v['geonameid']})\t{context}")
    print(f"{count} articles ({', '.join(sorted(categories))}), {total} place mentions, {added} by transliteration")
    return 0


def main() -> int:
    if "--translit" in sys.argv:
        rest = [a for a in sys.argv[1:] if a.isdigit()]
        news = frozenset({"middleEast", "internationalNews"}) if "--news" in sys.argv else frozenset({"middleEast"})
        return transliterations(int(rest[0]) if rest else 2000, news)
    if "--gold" in sys.argv:
        return gold_check("-v" in sys.argv)
    if "--offenders" in sys.argv:
        rest = [a for a in sys.argv[1:] if a.isdigit()]
        return offenders(int(rest[0]) if rest else 300, "-v" in sys.argv)
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    t0 = time.perf_counter()
    from rasd.extractors.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    print(f"gazetteer load: {time.perf_counter() - t0:.3f} s, {len(gaz.places)} places, "
          f"{len(gaz.names)} names, max RSS {rss_mb():.0f} MB")
    if not CORPUS.exists():
        print(f"corpus {CORPUS} absent: per-article benchmark skipped")
        return 0
    from rasd.document import Document
    from rasd.extractors.places.stage import PlacesStage
    from rasd.normalize.normalizer import NormalizeStage
    from rasd.tokenize.tokens import TokenizeStage

    prep = [NormalizeStage(), TokenizeStage()]
    stage = PlacesStage()
    spent = 0.0
    count = mentions = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            if count >= limit:
                break
            item = json.loads(line)
            doc = Document(item["title"] + "\n" + item["text"])
            for p in prep:
                doc = p(doc)
            t1 = time.process_time()  # CPU time: steadier than wall time on a shared machine
            stage(doc)
            spent += time.process_time() - t1
            count += 1
            mentions += len(doc.mentions_of("place"))
    print(f"places stage: {count} articles, {1000 * spent / count:.3f} ms CPU mean per article, "
          f"{mentions / count:.1f} place mentions per article, max RSS {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
