from rasd.evaluate.matching import (
    align_actors,
    compatible,
    dates_compatible,
    haversine_km,
    match_events,
    same_place,
)

BENGHAZI = {"location": "Benghazi", "latitude": 32.1149, "longitude": 20.0686}
DERNA = {"location": "Derna", "latitude": 32.767, "longitude": 22.6367}
BENINA = {"location": "Benina", "latitude": 32.0967, "longitude": 20.2694}  # ~17 km from Benghazi


def ev(**kw):
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2024-03-11",
            "time_precision": 1, **BENGHAZI, "core": True}
    base.update(kw)
    return base


def test_haversine_known_distance():
    assert 240 < haversine_km(32.1149, 20.0686, 32.767, 22.6367) < 260
    assert haversine_km(1.0, 2.0, 1.0, 2.0) == 0.0


def test_place_within_25_km_or_same_name():
    assert same_place(ev(**BENINA), ev())
    assert not same_place(ev(**DERNA), ev())
    assert same_place(ev(location="benghazi", latitude=None, longitude=None), ev())


def test_date_window_follows_precision():
    gold_day = ev(event_date="2024-03-11", time_precision=1)
    assert dates_compatible(ev(event_date="2024-03-12"), gold_day)
    assert not dates_compatible(ev(event_date="2024-03-13"), gold_day)
    gold_week = ev(event_date="2024-03-11", time_precision=2)
    assert dates_compatible(ev(event_date="2024-03-14"), gold_week)
    assert not dates_compatible(ev(event_date="2024-03-17"), gold_week)
    gold_month = ev(event_date="2024-03-15", time_precision=3)
    assert dates_compatible(ev(event_date="2024-03-30"), gold_month)
    assert dates_compatible(ev(event_date=None), gold_day)


def test_type_families():
    assert compatible(ev(event_type="Violence against civilians", sub_event_type="Attack"), ev())
    assert compatible(ev(event_type="Explosions/Remote violence"), ev())  # a strike told as a clash
    assert compatible(ev(event_type="Riots"), ev(event_type="Protests"))
    assert compatible(ev(event_type="Protests"), ev(event_type="Violence against civilians"))
    assert not compatible(ev(event_type="Strategic developments"), ev(event_type="Protests"))
    assert not compatible(ev(event_type="Strategic developments"), ev(event_type="Explosions/Remote violence"))


def test_a_region_or_a_country_is_a_coarse_place_of_the_same_incident():
    region = {"location": "Jabal al Akhdar", "latitude": 32.5, "longitude": 21.0, "geo_precision": 3,
              "country": "Libya"}
    assert compatible(ev(**region), ev(country="Libya"))
    town_far = {**region, "geo_precision": 1}
    assert not compatible(ev(**town_far), ev(country="Libya"))


def test_prediction_without_place_may_match_but_far_place_may_not():
    assert compatible(ev(location=None, latitude=None, longitude=None), ev())
    assert not compatible(ev(**DERNA), ev())


def test_one_to_one_and_best_pair_wins():
    golds = [ev(**DERNA), ev()]
    preds = [ev(), ev(location=None, latitude=None, longitude=None)]
    pairs = match_events(preds, golds)
    assert {(p.pred, p.gold) for p in pairs} == {(0, 1), (1, 0)}


def test_core_gold_preferred_over_optional():
    golds = [ev(core=False), ev()]
    pairs = match_events([ev()], golds)
    assert [(p.pred, p.gold) for p in pairs] == [(0, 1)]


def test_actor_order_only_matters_for_civilian_violence():
    gold = ev(actor1="A", actor2="B")
    assert align_actors({"actor1": "B", "actor2": "A"}, gold) == ("A", "B")
    vac = ev(event_type="Violence against civilians", actor1="A", actor2="Civilians (Libya)")
    assert align_actors({"actor1": "Civilians (Libya)", "actor2": "A"}, vac) == ("Civilians (Libya)", "A")
