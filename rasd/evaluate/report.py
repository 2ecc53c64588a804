"""Printing a :class:`~rasd.evaluate.metrics.Report`: aligned text table, JSON, error view."""

from __future__ import annotations

from typing import Any

from rasd.evaluate.metrics import ArticleResult, Report

FIELD_LABELS = {
    "event_type": "event type",
    "sub_event_type": "sub-event type",
    "fatalities": "fatalities exact",
    "injured": "injured exact",
    "location_25km": "location <= 25 km",
    "country": "country",
    "date": "date exact (+precision)",
    "actor1": "actor1",
    "actor2": "actor2",
    "civilian_targeting": "civilian targeting",
}


def to_json(report: Report, corpus: str = "") -> dict[str, Any]:
    return {
        "corpus": corpus,
        "articles": len(report.articles),
        "gold_events": sum(len(r.gold.events) for r in report.articles),
        "gold_core_events": sum(len(r.gold.core_events) for r in report.articles),
        "predicted_events": sum(len(r.predicted) for r in report.articles),
        "errors": report.errors,
        "detection": report.detection.to_dict(),
        "fields": {name: score.to_dict() for name, score in report.fields.items()},
        "places": report.places.to_dict(),
        "traps": {
            "total": report.traps_total,
            "triggered": report.traps_hit,
            "avoidance": round(report.trap_avoidance, 4),
            "negative_articles": report.negative_articles,
            "negative_articles_with_events": report.negative_articles_with_events,
            "by_reason": {k: {"triggered": v[0], "total": v[1]} for k, v in sorted(report.traps_by_reason.items())},
        },
        "by_event_type": {k: v.to_dict() for k, v in sorted(report.by_type.items())},
        "calibration": {name: rel.to_dict() for name, rel in report.calibration.items()},
        "headline": report.headline(),
    }


def _rate(value: float, n: int) -> str:
    """A rate; with nothing to count it is 0.000 (the counts beside it show 0/0)."""
    return f"{value:7.3f}"


def to_text(report: Report, corpus: str = "") -> str:
    data = to_json(report, corpus)
    det = report.detection
    lines = [
        f"Rasd evaluation: {corpus}" if corpus else "Rasd evaluation",
        f"articles {data['articles']}   gold events {data['gold_events']} "
        f"({data['gold_core_events']} core)   predicted events {data['predicted_events']}"
        + (f"   ERRORS {report.errors}" if report.errors else ""),
        "",
        f"{'event detection':<26}{'P':>7}{'R':>7}{'F1':>7}   counts",
        f"{'events (core gold)':<26}{det.precision:7.3f}{det.recall:7.3f}{det.f1:7.3f}   "
        f"TP {det.tp}  FP {det.fp}  FN {det.fn}  optional matched {det.optional}",
        f"{'recaps (unscored)':<26}{'':21}   {det.recaps} unmatched events marked as retold earlier incidents; "
        f"P {det.precision_recaps_counted:.3f} if they counted as false",
        "",
        f"{'field (matched core pairs)':<26}{'P':>7}{'R':>7}{'acc':>7}   counts",
    ]
    for name, score in report.fields.items():
        lines.append(
            f"{FIELD_LABELS.get(name, name):<26}{_rate(score.precision, score.pred_given)}"
            f"{_rate(score.recall, score.gold_given)}{score.accuracy:7.3f}   "
            f"{score.correct}/{score.n} correct  pred given {score.pred_given}  gold given {score.gold_given}"
        )
    places = report.places
    lines += [
        "",
        f"{'place mentions':<26}{places.precision:7.3f}{places.recall:7.3f}{places.f1:7.3f}   "
        f"matched {places.matched}  predicted {places.predicted}  gold {places.gold}",
        f"{'traps avoided':<26}{report.trap_avoidance:21.3f}   "
        f"triggered {report.traps_hit} of {report.traps_total}; "
        f"negative articles with events {report.negative_articles_with_events} of {report.negative_articles}",
        f"{'':<26}{'':21}   by reason: "
        + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(report.traps_by_reason.items())),
        "",
        f"{'by event type':<30}{'P':>7}{'R':>7}   counts",
    ]
    for event_type, row in sorted(report.by_type.items()):
        lines.append(
            f"{event_type:<30}{_rate(row.precision, row.tp + row.fp)}{_rate(row.recall, row.tp + row.fn)}   "
            f"TP {row.tp}  FP {row.fp}  FN {row.fn}"
        )
    lines += calibration_lines(report)
    return "\n".join(lines) + "\n"


def calibration_lines(report: Report) -> list[str]:
    lines = ["", f"{'calibration':<26}{'n':>6}{'ECE':>8}   right at >= 0.9 | bins: [low-high) n conf -> share right"]
    for name, rel in report.calibration.items():
        at90, n90 = rel.share_right_at(0.9)
        bins = "  ".join(
            f"[{b['low']:.2f}-{b['high']:.2f}) {b['n']} {b['mean_confidence']:.2f}->{b['share_right']:.2f}"
            for b in rel.bins()
        )
        lines.append(f"{FIELD_LABELS.get(name, name):<26}{len(rel.points):6d}{rel.ece():8.3f}   "
                     f"{at90:.3f} of {n90} | {bins}")
    return lines


def _event_line(event: dict[str, Any]) -> str:
    parts = [
        str(event.get("event_type") or "?"),
        str(event.get("sub_event_type") or "?"),
        str(event.get("event_date") or "?") + f"/p{event.get('time_precision') or '?'}",
        str(event.get("location") or "?"),
        f"{event.get('actor1') or '?'} vs {event.get('actor2') or '-'}",
        f"killed {event.get('fatalities')}",
        f"injured {event.get('injured')}",
    ]
    return " | ".join(parts)


def _evidence(event: dict[str, Any], text: str) -> str:
    if event.get("evidence_text"):
        return str(event["evidence_text"])
    items = event.get("evidence") or []
    snippets = [str(i.get("text") or text[i.get("start", 0) : i.get("end", 0)]) for i in items if isinstance(i, dict)]
    return " … ".join(s for s in snippets[:4] if s)


def article_errors(res: ArticleResult) -> list[str]:
    lines: list[str] = []
    if res.error:
        lines.append(f"  ERROR {res.error}")
    for g in res.missed:
        event = res.gold.events[g]
        lines.append(f"  MISSED    {_event_line(event)}")
        if event.get("evidence_text"):
            lines.append(f"            «{event['evidence_text']}»")
    for p in [*res.spurious, *res.recaps]:
        event = res.predicted[p]
        lines.append(f"  {'SPURIOUS' if p in res.spurious else 'RECAP   '}  {_event_line(event)}")
        evidence = _evidence(event, res.gold.text)
        if evidence:
            lines.append(f"            «{evidence}»")
    last_pair = None
    for p, g, name in res.mismatches:
        pred, gold = res.predicted[p], res.gold.events[g]
        if (p, g) != last_pair:
            lines.append(f"  MATCHED   {_event_line(gold)}")
            last_pair = (p, g)
        lines.append(f"    FIELD   {name}: predicted {_field_value(pred, name)!r}, gold {_field_value(gold, name)!r}")
    for i in res.traps_hit:
        trap = res.gold.not_events[i]
        lines.append(f"  TRAP      {trap.get('reason')}: «{trap.get('text')}»")
    return lines


def _field_value(event: dict[str, Any], name: str) -> Any:
    if name == "location_25km":
        return (event.get("location"), event.get("latitude"), event.get("longitude"))
    if name == "date":
        return (event.get("event_date"), event.get("time_precision"))
    return event.get(name)


def errors_text(report: Report) -> str:
    blocks = []
    for res in report.articles:
        lines = article_errors(res)
        if lines:
            blocks.append(f"[{res.gold.id}] {res.gold.origin}\n" + "\n".join(lines))
    return ("\n\n".join(blocks) + "\n") if blocks else "no errors\n"
