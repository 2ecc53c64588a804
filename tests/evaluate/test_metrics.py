import pytest

from rasd.evaluate.gold import GoldArticle
from rasd.evaluate.metrics import aggregate, score_article

TEXT = "قتل ثلاثة اشخاص في اشتباكات في بنغازي أمس. وأدان المجلس الهجوم."


def gold_event(**kw):
    base = {
        "event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2024-03-11",
        "time_precision": 1, "actor1": "Unidentified Armed Group (Libya)",
        "actor2": "Unidentified Armed Group (Libya)", "civilian_targeting": None, "country": "Libya",
        "location": "Benghazi", "latitude": 32.1149, "longitude": 20.0686, "fatalities": 3,
        "injured": None, "core": True,
    }
    base.update(kw)
    return base


def article(events, not_events=(), places=()):
    return GoldArticle(id="a1", article={"id": "a1"}, text=TEXT, events=list(events),
                       not_events=list(not_events), places=list(places))


def test_perfect_prediction_scores_one():
    gold = article([gold_event()])
    res = score_article(gold, [gold_event()])
    assert (res.detection.tp, res.detection.fp, res.detection.fn) == (1, 0, 0)
    assert all(score.accuracy == 1.0 for score in res.fields.values())


def test_empty_prediction_scores_zero_and_counts_misses():
    report = aggregate([score_article(article([gold_event(), gold_event(core=False)]), [])])
    assert (report.detection.tp, report.detection.fp, report.detection.fn) == (0, 0, 1)
    assert report.detection.precision == 0.0
    assert report.detection.f1 == 0.0
    assert report.fields["fatalities"].n == 0
    assert report.headline()["event_recall"] == 0.0


def test_optional_gold_is_neither_hit_nor_false_positive():
    res = score_article(article([gold_event(core=False)]), [gold_event()])
    assert (res.detection.tp, res.detection.fp, res.detection.fn, res.detection.optional) == (0, 0, 0, 1)


def test_field_errors_are_counted_per_field():
    pred = gold_event(fatalities=4, event_date="2024-03-12", actor1="Military Forces of Libya (2014-)",
                      injured=0, latitude=32.767, longitude=22.6367, location="Benghazi")
    res = score_article(article([gold_event()]), [pred])
    assert res.detection.tp == 1  # same location name still matches
    assert res.fields["fatalities"].correct == 0
    assert res.fields["injured"].correct == 1  # 0 and null both mean "none reported"
    assert res.fields["date"].correct == 0
    assert res.fields["location_25km"].correct == 0
    assert res.fields["actor1"].correct == 0
    assert res.fields["actor2"].correct == 1
    assert res.fields["sub_event_type"].correct == 1


def test_field_precision_and_recall_use_given_values():
    golds = [gold_event(injured=5), gold_event(location="Derna", latitude=32.767, longitude=22.6367, injured=None)]
    preds = [gold_event(injured=None), gold_event(location="Derna", latitude=32.767, longitude=22.6367, injured=2)]
    report = aggregate([score_article(article(golds), preds)])
    injured = report.fields["injured"]
    assert (injured.n, injured.correct) == (2, 0)
    assert (injured.pred_given, injured.gold_given) == (1, 1)
    assert injured.precision == 0.0 and injured.recall == 0.0


def test_spurious_prediction_is_false_positive():
    far = gold_event(location="Sabha", latitude=27.0377, longitude=14.4283)
    res = score_article(article([gold_event()]), [far])
    assert (res.detection.tp, res.detection.fp, res.detection.fn) == (0, 1, 1)


def test_trap_hit_by_prediction_evidence():
    trap_text = "وأدان المجلس الهجوم"
    start = TEXT.index(trap_text)
    gold = article([gold_event()], not_events=[{"text": trap_text, "start": start, "reason": "condemnation"}])
    pred = gold_event(location="Derna", latitude=32.767, longitude=22.6367,
                      evidence=[{"field": "trigger", "start": start + 13, "end": start + 19, "text": "الهجوم"}])
    report = aggregate([score_article(gold, [pred])])
    assert report.traps_hit == 1
    assert report.trap_avoidance == 0.0


def test_place_mentions_need_overlap_and_same_place():
    start = TEXT.index("بنغازي")
    places = [{"text": "بنغازي", "start": start, "end": start + 6, "name": "Benghazi", "geonameid": 88319,
               "latitude": 32.1149, "longitude": 20.0686}]
    right = {"kind": "place", "start": start, "end": start + 6, "value": {"name": "Benghazi", "geonameid": 88319}}
    wrong_place = {"kind": "place", "start": start, "end": start + 6,
                   "value": {"name": "Derna", "latitude": 32.767, "longitude": 22.6367}}
    elsewhere = {"kind": "place", "start": 0, "end": 3, "value": {"name": "Benghazi", "geonameid": 88319}}
    res = score_article(article([], places=places), [], [right, wrong_place, elsewhere])
    assert (res.places.matched, res.places.predicted, res.places.gold) == (1, 3, 1)
    assert res.places.precision == pytest.approx(1 / 3)


def test_negative_articles_counted():
    report = aggregate([score_article(article([]), [gold_event()])])
    assert (report.negative_articles, report.negative_articles_with_events) == (1, 1)
    assert report.detection.fp == 1


def test_an_unmatched_recap_is_neither_right_nor_a_false_event_but_is_counted():
    trap_text = "وأدان المجلس الهجوم"
    start = TEXT.index(trap_text)
    retold = gold_event(location="Sabha", latitude=27.0377, longitude=14.4283, event_date="2024-02-01", recap=True,
                        evidence=[{"field": "trigger", "start": start + 13, "end": start + 19, "text": "الهجوم"}])
    gold = article([], not_events=[{"text": trap_text, "start": start, "reason": "background"}])
    report = aggregate([score_article(gold, [retold])])
    assert (report.detection.fp, report.detection.recaps) == (0, 1)
    assert report.traps_hit == 0
    assert report.negative_articles_with_events == 0
    assert report.detection.precision_recaps_counted == 0.0


def test_a_recap_that_matches_a_gold_incident_still_scores():
    res = score_article(article([gold_event()]), [gold_event(recap=True)])
    assert (res.detection.tp, res.detection.fp, res.detection.recaps) == (1, 0, 0)
