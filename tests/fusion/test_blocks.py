"""Fusion blocks: countries whose reports are compared with each other's (data: country_blocks.tsv)."""

from __future__ import annotations

from rasd.fusion import cluster
from rasd.fusion.blocks import _block_of_country, _blocks, block_of, countries_of
from tests.fusion.test_fusion import report

GAZA = {"country": "Palestine", "location": "Khan Yunis", "admin1": "Gaza Strip", "latitude": 31.3462,
        "longitude": 34.3063, "geo_precision": 1}


def test_the_blocks_table_loads_and_every_country_is_in_one_block():
    blocks = _blocks()
    assert blocks and all(len(countries) >= 2 for countries in blocks.values())
    assert len(_block_of_country()) == sum(len(c) for c in blocks.values())


def test_a_country_outside_the_table_is_its_own_block():
    assert block_of("Yemen") == "Yemen" and countries_of("Yemen") == ("Yemen",)
    assert block_of(None) is None
    assert block_of("Israel") == block_of("Palestine")
    assert set(countries_of(block_of("Israel"))) == {"Israel", "Palestine"}


def test_an_incident_at_the_gaza_fence_told_in_either_country_is_one_event():
    fence = {"event_type": "Protests", "sub_event_type": "Excessive force against protesters",
             "actor1": "Military Forces of Israel (2009-)", "fatalities": 3}
    in_gaza = report("a1", **GAZA, **fence)
    in_israel = report("b1", "B", country="Israel", location="Israel", admin1=None, latitude=31.5,
                       longitude=34.75, geo_precision=3, **fence)
    assert len(cluster([in_gaza, in_israel])) == 1


def test_towns_of_a_block_far_apart_stay_two_events():
    jenin = {"country": "Palestine", "location": "Jenin", "admin1": "West Bank", "latitude": 32.4606,
             "longitude": 35.2960, "geo_precision": 1}
    assert len(cluster([report("a1", **GAZA), report("b1", "B", **jenin)])) == 2
