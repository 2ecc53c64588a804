"""Fusion scoring: pairwise merge precision/recall and B-cubed over gold reports."""

from __future__ import annotations

import pytest

from rasd.evaluate.fusion import FusionGold, GoldReport, match_report, score_fusion


def gold(*incidents: tuple[str, int], lookalikes=()) -> FusionGold:
    reports = {}
    for name, count in incidents:
        for k in range(count):
            reports[(name, k)] = GoldReport(name, f"{name}-art{k}", [(0, 10)])
    return FusionGold(reports, list(lookalikes))


def test_a_perfect_answer_scores_one():
    g = gold(("A", 3), ("B", 2))
    predicted = {m: f"ev-{m[0]}" for m in g.reports}
    score = score_fusion(g, predicted)
    assert (score.b3_precision, score.b3_recall, score.pairwise_precision, score.pairwise_recall) == (1, 1, 1, 1)


def test_everything_apart_keeps_precision_and_loses_recall():
    g = gold(("A", 3), ("B", 1))
    score = score_fusion(g, {m: f"ev-{m}" for m in g.reports})
    assert score.b3_precision == 1.0
    assert score.b3_recall == pytest.approx((1 / 3 * 3 + 1) / 4)
    assert score.pairwise_recall == 0.0


def test_everything_together_keeps_recall_and_loses_precision():
    g = gold(("A", 2), ("B", 2), lookalikes=[("A", "B")])
    score = score_fusion(g, dict.fromkeys(g.reports, "ev-1"))
    assert score.b3_recall == 1.0 and score.b3_precision == pytest.approx(0.5)
    assert score.pairwise_precision == pytest.approx(2 / 6)
    assert score.lookalike_pairs_merged == 1


def test_a_report_nothing_was_extracted_for_is_a_singleton():
    g = gold(("A", 2))
    score = score_fusion(g, {("A", 0): "ev-1", ("A", 1): None})
    assert score.matched_reports == 1 and score.b3_recall == pytest.approx(0.5)


def test_a_report_goes_to_the_event_whose_evidence_overlaps_it_most():
    events = [{"evidence": [{"start": 0, "end": 5}]}, {"evidence": [{"start": 40, "end": 90}]}]
    assert match_report([(30, 80)], events) == 1
    assert match_report([(200, 210)], events) is None
