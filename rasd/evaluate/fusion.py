"""Scoring cross-article fusion against the fusion gold set (``eval/fusion/gold.jsonl``).

The gold groups *reports* (an article and the span that tells the incident) into incidents. A
system's answer is read the way a user meets it: each gold report is matched to the event the
pipeline extracted from that article whose evidence overlaps the report's span most; the report's
predicted incident is the fused event that extraction ended up in. A gold report for which the
pipeline extracted nothing is a singleton of its own (a miss costs recall).

Scores: pairwise merge precision/recall (over pairs of gold reports placed in one incident) and
B³ precision/recall/F1 (per report, averaged). ``lookalike`` lines name pairs of different
incidents that look alike; their reports must not end up together (counted separately).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from rasd.evaluate.gold import GoldFormatError
from rasd.evaluate.real import corpus_path, iso_published, read_corpus_texts, text_sha256

Mention = tuple[str, int]  # (incident id, index of the report in the incident)


@dataclass(slots=True)
class GoldReport:
    incident: str
    article: str
    spans: list[tuple[int, int]]


@dataclass(slots=True)
class FusionGold:
    reports: dict[Mention, GoldReport]
    lookalikes: list[tuple[str, str]] = field(default_factory=list)
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)  # docno -> corpus row

    def incident_of(self, mention: Mention) -> str:
        return self.reports[mention].incident


def load_fusion_gold(path: Path | str, corpus: Path | str | None = None) -> FusionGold:
    reports: dict[Mention, GoldReport] = {}
    lookalikes: list[tuple[str, str]] = []
    hashes: dict[str, str] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        obj = json.loads(line)
        if "lookalike" in obj:
            a, b = obj["lookalike"]
            lookalikes.append((str(a), str(b)))
            continue
        for k, rep in enumerate(obj["reports"]):
            spans = [(int(s), int(e)) for s, e in rep["evidence"]]
            reports[(str(obj["incident"]), k)] = GoldReport(str(obj["incident"]), str(rep["article"]), spans)
            hashes[str(rep["article"])] = rep["text_sha256"]
        if not obj["reports"]:
            raise GoldFormatError(f"{path}:{number}: incident without reports")
    rows = read_corpus_texts(corpus_path(corpus), hashes)
    for docno, sha in hashes.items():
        if docno not in rows:
            raise GoldFormatError(f"{path}: article {docno} is not in the corpus")
        if text_sha256(rows[docno]["text"]) != sha:
            raise GoldFormatError(f"{path}: article {docno} has changed (text_sha256)")
    return FusionGold(reports, lookalikes, rows)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_report(spans: list[tuple[int, int]], events: list[dict[str, Any]]) -> int | None:
    """Index (0-based) of the extracted event whose evidence overlaps the gold spans most."""
    best, best_overlap = None, 0
    for index, event in enumerate(events):
        evidence = [(int(e["start"]), int(e["end"])) for e in event.get("evidence") or []]
        overlap = sum(_overlap(g, e) for g in spans for e in evidence)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


@dataclass(slots=True)
class FusionScore:
    pairwise_precision: float
    pairwise_recall: float
    b3_precision: float
    b3_recall: float
    b3_f1: float
    reports: int
    matched_reports: int
    lookalike_pairs_merged: int
    lookalike_pairs: int

    def to_dict(self) -> dict[str, Any]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(self).items()}


def score_fusion(gold: FusionGold, predicted: Mapping[Mention, str | None]) -> FusionScore:
    """``predicted`` maps each gold report to its fused event id (None: nothing extracted)."""
    mentions = sorted(gold.reports)
    label = {m: predicted.get(m) or f"unmatched:{m[0]}:{m[1]}" for m in mentions}
    gold_sets: dict[str, set[Mention]] = {}
    pred_sets: dict[str, set[Mention]] = {}
    for m in mentions:
        gold_sets.setdefault(gold.incident_of(m), set()).add(m)
        pred_sets.setdefault(label[m], set()).add(m)
    b3p = b3r = 0.0
    for m in mentions:
        g, p = gold_sets[gold.incident_of(m)], pred_sets[label[m]]
        both = len(g & p)
        b3p += both / len(p)
        b3r += both / len(g)
    n = len(mentions) or 1
    b3p, b3r = b3p / n, b3r / n
    tp = fp = fn = 0
    for a, b in combinations(mentions, 2):
        same_gold = gold.incident_of(a) == gold.incident_of(b)
        same_pred = label[a] == label[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    labels_of: dict[str, set[str]] = {}
    for m in mentions:
        labels_of.setdefault(gold.incident_of(m), set()).add(label[m])
    merged = sum(1 for x, y in gold.lookalikes if labels_of.get(x, set()) & labels_of.get(y, set()))
    return FusionScore(
        pairwise_precision=tp / (tp + fp) if tp + fp else 1.0,
        pairwise_recall=tp / (tp + fn) if tp + fn else 1.0,
        b3_precision=b3p,
        b3_recall=b3r,
        b3_f1=2 * b3p * b3r / (b3p + b3r) if b3p + b3r else 0.0,
        reports=len(mentions),
        matched_reports=sum(1 for m in mentions if predicted.get(m)),
        lookalike_pairs_merged=merged,
        lookalike_pairs=len(gold.lookalikes),
    )


def gold_articles_in_order(gold: FusionGold) -> list[dict[str, Any]]:
    """The gold's articles as ingest inputs, unique by text (syndicated copies count once)."""
    seen: set[str] = set()
    out = []
    for docno in sorted(gold.articles):
        row = gold.articles[docno]
        digest = text_sha256(row["text"])
        if digest not in seen:
            seen.add(digest)
            out.append(row)
    return out


ExtractFn = Callable[[dict[str, Any]], list[dict[str, Any]]]


def in_memory_predictions(gold: FusionGold, extract_events: ExtractFn) -> dict[Mention, str | None]:
    """Extract every gold article, fuse all reports with :func:`rasd.fusion.cluster_all`."""
    from rasd.fusion import cluster_all, report_from_event

    events_of: dict[str, list[dict[str, Any]]] = {}
    reports = []
    for row in gold_articles_in_order(gold):
        events = extract_events(row)
        events_of[row["docno"]] = events
        article = {"id": row["docno"], "source": row.get("source"), "url": row.get("url"),
                   "published": iso_published(row.get("published"))}
        reports.extend(report_from_event(article, n, e) for n, e in enumerate(events, start=1))
    owner = {r.report_id: c.event_id for c in cluster_all(reports) for r in c.reports}
    return predictions_from(gold, events_of, lambda docno, n: owner.get(f"{docno}:{n}"))


def predictions_from(
    gold: FusionGold, events_of: Mapping[str, list[dict[str, Any]]], event_for: Callable[[str, int], str | None]
) -> dict[Mention, str | None]:
    out: dict[Mention, str | None] = {}
    for mention, rep in gold.reports.items():
        docno = _canonical_docno(gold, rep.article, events_of)
        index = match_report(rep.spans, events_of.get(docno, []))
        out[mention] = None if index is None else event_for(docno, index + 1)
    return out


def _canonical_docno(gold: FusionGold, docno: str, events_of: Mapping[str, Any]) -> str:
    if docno in events_of:
        return docno
    digest = text_sha256(gold.articles[docno]["text"])
    return next((d for d in events_of if text_sha256(gold.articles[d]["text"]) == digest), docno)


def iter_report_articles(gold: FusionGold) -> Iterable[dict[str, Any]]:
    return gold_articles_in_order(gold)


def store_predictions(gold: FusionGold, url: str) -> dict[Mention, str | None]:
    """Ingest every gold article into the store at ``url`` with ``rasd ingest``'s own code path,
    then read back which fused event each matched report ended up in."""
    from sqlalchemy import select

    from rasd.document import ArticleMeta
    from rasd.ingest import ArticleInput
    from rasd.store import WRITE, open_store
    from rasd.store.ingest import IngestRun
    from rasd.store.schema import event_reports, events, reports

    rows = gold_articles_in_order(gold)
    with open_store(url, WRITE) as store:
        run = IngestRun(store, "evaluate-fusion", ["eval/fusion"])
        for row in rows:
            meta = ArticleMeta(id=row["docno"], url=row.get("url"), source=row.get("source"),
                               published=iso_published(row.get("published")), title=row.get("title"))
            run.add(ArticleInput(text=row["text"], meta=meta, origin=row["docno"]))
        run.finish()
        with store.reading() as conn:
            events_of: dict[str, list[dict[str, Any]]] = {}
            query = select(reports.c.article_id, reports.c.n, reports.c.event, reports.c.evidence).order_by(
                reports.c.article_id, reports.c.n
            )
            for article_id, n, event, evidence in conn.execute(query):
                events_of.setdefault(article_id, [])
                assert len(events_of[article_id]) == n - 1, "reports are numbered 1.. per article"
                events_of[article_id].append({**event, "evidence": evidence})
            live = select(event_reports.c.report_id, event_reports.c.event_id).join(
                events, events.c.event_id == event_reports.c.event_id
            ).where(events.c.merged_into.is_(None), events.c.deleted.is_(False))
            owner = {report_id: event_id for report_id, event_id in conn.execute(live)}
    return predictions_from(gold, events_of, lambda docno, n: owner.get(f"{docno}:{n}"))
