"""Scores of predicted documents against gold articles.

Detection counts a predicted event matched to a **core** gold event as a true positive, an
unmatched predicted event as a false positive and an unmatched core gold event as a false
negative; a prediction matched to an optional (``core: false``) gold event is neither.

Field scores are taken over the matched core pairs. For each field: ``accuracy`` = agreeing
pairs / pairs; ``precision`` = agreeing pairs among those where the prediction gives a value;
``recall`` = agreeing pairs among those where the gold gives a value. For casualty counts a
missing count and zero both mean "none reported", and a value is "given" when it is above zero.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rasd.evaluate.calibration import FIELD_CONFIDENCE, Reliability, event_points
from rasd.evaluate.gold import GoldArticle, text_span
from rasd.evaluate.matching import (
    MAX_KM,
    align_actors,
    count_value,
    event_distance_km,
    haversine_km,
    match_events,
)


def ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Detection:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional: int = 0  # predictions matched to optional gold events (not scored)
    recaps: int = 0  # unmatched predictions marked as retellings of an earlier incident (not scored)

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def precision_recaps_counted(self) -> float:
        """Precision if every unmatched recap counted as a false event."""
        return ratio(self.tp, self.tp + self.fp + self.recaps)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def add(self, other: Detection) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.optional += other.optional
        self.recaps += other.recaps

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "optional_matched": self.optional,
            "recaps_unscored": self.recaps,
            "precision_recaps_counted": round(self.precision_recaps_counted, 4),
        }


@dataclass(slots=True)
class FieldScore:
    n: int = 0
    correct: int = 0
    pred_given: int = 0
    pred_given_correct: int = 0
    gold_given: int = 0
    gold_given_correct: int = 0

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.n)

    @property
    def precision(self) -> float:
        return ratio(self.pred_given_correct, self.pred_given)

    @property
    def recall(self) -> float:
        return ratio(self.gold_given_correct, self.gold_given)

    def record(self, ok: bool, pred_given: bool, gold_given: bool) -> None:
        self.n += 1
        self.correct += ok
        self.pred_given += pred_given
        self.pred_given_correct += ok and pred_given
        self.gold_given += gold_given
        self.gold_given_correct += ok and gold_given

    def add(self, other: FieldScore) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict[str, Any]:
        return {
            "accuracy": round(self.accuracy, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "correct": self.correct,
            "n": self.n,
            "pred_given": self.pred_given,
            "gold_given": self.gold_given,
        }


@dataclass(slots=True)
class SpanScore:
    """Precision/recall of mentions (places) against gold mentions."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def add(self, other: SpanScore) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def _given(value: Any) -> bool:
    return value not in (None, "")


def _same_text(a: Any, b: Any) -> bool:
    return str(a or "").strip().casefold() == str(b or "").strip().casefold()


def _civilian_flag(value: Any) -> bool:
    return bool(str(value or "").strip())


def _location_ok(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    distance = event_distance_km(pred, gold)
    if distance is not None:
        return distance <= MAX_KM
    if gold.get("latitude") is None:
        return _given(pred.get("location")) and _same_text(pred.get("location"), gold.get("location"))
    return False


FieldCheck = Callable[[dict[str, Any], dict[str, Any]], tuple[bool, bool, bool]]


def _text_field(key: str) -> FieldCheck:
    def check(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[bool, bool, bool]:
        return _same_text(pred.get(key), gold.get(key)), _given(pred.get(key)), _given(gold.get(key))

    return check


def _count_field(key: str) -> FieldCheck:
    def check(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[bool, bool, bool]:
        p, g = count_value(pred.get(key)), count_value(gold.get(key))
        return p == g, p > 0, g > 0

    return check


def _actor_field(position: int) -> FieldCheck:
    key = f"actor{position}"

    def check(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[bool, bool, bool]:
        value = align_actors(pred, gold)[position - 1]
        return _same_text(value, gold.get(key)), _given(value), _given(gold.get(key))

    return check


def _date_check(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[bool, bool, bool]:
    ok = str(pred.get("event_date") or "")[:10] == str(gold.get("event_date") or "")[:10] and (
        pred.get("time_precision") == gold.get("time_precision")
    )
    return ok, _given(pred.get("event_date")), _given(gold.get("event_date"))


def _location_check(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[bool, bool, bool]:
    pred_given = pred.get("latitude") is not None or _given(pred.get("location"))
    return _location_ok(pred, gold), pred_given, True


def _civilian_check(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[bool, bool, bool]:
    p, g = _civilian_flag(pred.get("civilian_targeting")), _civilian_flag(gold.get("civilian_targeting"))
    return p == g, p, g


# Field name -> check(pred, gold) -> (agrees, prediction gives a value, gold gives a value).
FIELDS: dict[str, FieldCheck] = {
    "event_type": _text_field("event_type"),
    "sub_event_type": _text_field("sub_event_type"),
    "fatalities": _count_field("fatalities"),
    "injured": _count_field("injured"),
    "location_25km": _location_check,
    "country": _text_field("country"),
    "date": _date_check,
    "actor1": _actor_field(1),
    "actor2": _actor_field(2),
    "civilian_targeting": _civilian_check,
}


@dataclass(slots=True)
class ArticleResult:
    """Everything scored for one article, kept for the error view."""

    gold: GoldArticle
    predicted: list[dict[str, Any]]
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (pred index, gold index)
    missed: list[int] = field(default_factory=list)  # core gold indexes
    spurious: list[int] = field(default_factory=list)  # pred indexes
    recaps: list[int] = field(default_factory=list)  # unmatched pred indexes marked recap (unscored)
    optional: list[tuple[int, int]] = field(default_factory=list)
    detection: Detection = field(default_factory=Detection)
    fields: dict[str, FieldScore] = field(default_factory=dict)
    mismatches: list[tuple[int, int, str]] = field(default_factory=list)  # (pred, gold, field)
    places: SpanScore = field(default_factory=SpanScore)
    traps_hit: list[int] = field(default_factory=list)  # not_events indexes
    error: str | None = None
    calibration: dict[str, Reliability] = field(default_factory=dict)  # "event" and per field


def score_article(
    gold: GoldArticle,
    predicted: list[dict[str, Any]],
    mentions: list[dict[str, Any]] | None = None,
    error: str | None = None,
) -> ArticleResult:
    result = ArticleResult(gold=gold, predicted=predicted, error=error)
    result.fields = {name: FieldScore() for name in FIELDS}
    pairs = match_events(predicted, gold.events)
    matched_p = {p.pred for p in pairs}
    matched_g = {p.gold for p in pairs}
    for pair in pairs:
        gold_event = gold.events[pair.gold]
        if not gold_event.get("core", True):
            result.optional.append((pair.pred, pair.gold))
            result.detection.optional += 1
            continue
        result.pairs.append((pair.pred, pair.gold))
        result.detection.tp += 1
        for name, check in FIELDS.items():
            ok, pred_given, gold_given = check(predicted[pair.pred], gold_event)
            result.fields[name].record(ok, pred_given, gold_given)
            if not ok:
                result.mismatches.append((pair.pred, pair.gold, name))
    unmatched = [i for i in range(len(predicted)) if i not in matched_p]
    # An event marked as a retelling of an earlier incident, with that incident's own date, is
    # not a claim of a new incident: unmatched, it is neither right nor a false event.
    result.recaps = [i for i in unmatched if predicted[i].get("recap")]
    result.spurious = [i for i in unmatched if not predicted[i].get("recap")]
    result.missed = [
        i for i, ev in enumerate(gold.events) if ev.get("core", True) and i not in matched_g
    ]
    result.detection.fp = len(result.spurious)
    result.detection.recaps = len(result.recaps)
    result.detection.fn = len(result.missed)
    result.places = score_places(gold, mentions or [])
    result.traps_hit = traps_triggered(gold, [e for i, e in enumerate(predicted) if i not in result.recaps])
    result.calibration = _calibration(result)
    return result


def _calibration(result: ArticleResult) -> dict[str, Reliability]:
    out = {"event": event_points(result.predicted, result.pairs, result.spurious)}
    for name, key in FIELD_CONFIDENCE.items():
        rel = out.setdefault(name, Reliability())
        for p, g in result.pairs:
            pred = result.predicted[p]
            ok, pred_given, _ = FIELDS[name](pred, result.gold.events[g])
            if pred_given:
                rel.add((pred.get("confidence") or {}).get(key), ok)
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_place_value(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if pred.get("geonameid") is not None and pred.get("geonameid") == gold.get("geonameid"):
        return True
    coords = (pred.get("latitude"), pred.get("longitude"), gold.get("latitude"), gold.get("longitude"))
    if all(c is not None for c in coords) and haversine_km(*(float(c) for c in coords)) <= MAX_KM:
        return True
    return _given(pred.get("name")) and _same_text(pred.get("name"), gold.get("name"))


def score_places(gold: GoldArticle, mentions: list[dict[str, Any]]) -> SpanScore:
    """Place mentions: a prediction matches a gold place whose span it overlaps and whose place it names."""
    preds = [m for m in mentions if m.get("kind") == "place"]
    score = SpanScore(predicted=len(preds), gold=len(gold.places))
    used: set[int] = set()
    for mention in preds:
        span = (int(mention.get("start", 0)), int(mention.get("end", 0)))
        value = mention.get("value") or {}
        for g, place in enumerate(gold.places):
            if g in used or not _overlaps(span, (place["start"], place["end"])):
                continue
            if _same_place_value(value, place):
                used.add(g)
                score.matched += 1
                break
    return score


def evidence_spans(event: dict[str, Any]) -> list[tuple[int, int]]:
    spans = []
    for item in event.get("evidence") or []:
        if isinstance(item, dict) and item.get("start") is not None and item.get("end") is not None:
            spans.append((int(item["start"]), int(item["end"])))
    return spans


def traps_triggered(gold: GoldArticle, predicted: list[dict[str, Any]]) -> list[int]:
    """Indexes of gold not_events whose text holds evidence of some predicted event."""
    spans = [s for event in predicted for s in evidence_spans(event)]
    hits = []
    for i, trap in enumerate(gold.not_events):
        trap_span = text_span(gold.text, str(trap.get("text", "")), trap.get("start"))
        if trap_span and any(_overlaps(trap_span, s) for s in spans):
            hits.append(i)
    return hits


@dataclass(slots=True)
class Report:
    articles: list[ArticleResult]
    detection: Detection = field(default_factory=Detection)
    fields: dict[str, FieldScore] = field(default_factory=dict)
    places: SpanScore = field(default_factory=SpanScore)
    by_type: dict[str, Detection] = field(default_factory=dict)
    traps_total: int = 0
    traps_hit: int = 0
    traps_by_reason: dict[str, list[int]] = field(default_factory=dict)  # reason -> [triggered, total]
    negative_articles: int = 0
    negative_articles_with_events: int = 0
    errors: int = 0
    calibration: dict[str, Reliability] = field(default_factory=dict)

    @property
    def trap_avoidance(self) -> float:
        return 1.0 - ratio(self.traps_hit, self.traps_total) if self.traps_total else 1.0

    def headline(self) -> dict[str, float]:
        """The figures pinned by floors (eval/floors.json)."""
        out = {
            "event_precision": self.detection.precision,
            "event_recall": self.detection.recall,
            "event_f1": self.detection.f1,
        }
        for name, score in self.fields.items():
            out[f"{name}_accuracy"] = score.accuracy
        out["place_precision"] = self.places.precision
        out["place_recall"] = self.places.recall
        out["trap_avoidance"] = self.trap_avoidance
        out["negative_articles_clean"] = (
            1.0 - ratio(self.negative_articles_with_events, self.negative_articles) if self.negative_articles else 1.0
        )
        return {k: round(v, 4) for k, v in out.items()}


def aggregate(results: list[ArticleResult]) -> Report:
    report = Report(articles=results, fields={name: FieldScore() for name in FIELDS})
    for res in results:
        report.detection.add(res.detection)
        for name, score in res.fields.items():
            report.fields[name].add(score)
        report.places.add(res.places)
        report.traps_total += len(res.gold.not_events)
        report.traps_hit += len(res.traps_hit)
        for i, trap in enumerate(res.gold.not_events):
            row = report.traps_by_reason.setdefault(str(trap.get("reason") or "?"), [0, 0])
            row[0] += i in res.traps_hit
            row[1] += 1
        report.errors += res.error is not None
        for name, rel in res.calibration.items():
            report.calibration.setdefault(name, Reliability()).extend(rel)
        if not res.gold.core_events:
            report.negative_articles += 1
            report.negative_articles_with_events += len(res.predicted) > len(res.recaps)
        for _, g in res.pairs:
            _type_row(report, res.gold.events[g].get("event_type")).tp += 1
        for g in res.missed:
            _type_row(report, res.gold.events[g].get("event_type")).fn += 1
        for p in res.spurious:
            _type_row(report, res.predicted[p].get("event_type")).fp += 1
    return report


def _type_row(report: Report, event_type: Any) -> Detection:
    return report.by_type.setdefault(str(event_type or "(none)"), Detection())
