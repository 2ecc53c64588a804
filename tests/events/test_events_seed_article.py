"""The user's seed article through the whole pipeline (skips when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.pipeline import extract

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "seed-article.ar.txt"


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"{SEED} not found")
    return extract(SEED.read_text(encoding="utf-8"), published="2015-06-30", source="AFP", id="seed")


def test_seed_events(seed) -> None:
    got = [(e.sub_event_type, e.location) for e in seed.events]
    assert got == [
        ("Armed clash", "Darnah"),
        ("Non-state actor overtakes territory", "Darnah"),
        ("Shelling/artillery/missile attack", "Benghazi"),
        ("Armed clash", "Benghazi"),
        ("Air/drone strike", "Benghazi"),
        ("Air/drone strike", "Benghazi"),
    ]


def test_seed_shelling_told_twice_is_one_event(seed) -> None:
    shelling = seed.events[2]
    assert (shelling.event_date, shelling.time_precision) == ("2015-06-28", 1)
    assert (shelling.fatalities, shelling.injured) == (5, 17)
    assert shelling.civilian_targeting == "Civilian targeting"
    assert shelling.reported_by
    assert len({x.start for x in shelling.evidence if x.field == "fatalities"}) == 2


def test_seed_battle_and_air_strikes(seed) -> None:
    battle, air1, air2 = seed.events[3:]
    assert (battle.fatalities, battle.fatalities_qualifier, battle.time_precision) == (14, "at_least", 2)
    assert battle.injured_qualifier in ("dozens", "tens")
    assert air1.fatalities is None and air1.fatalities_qualifier is None
    assert air1.geo_precision == 2 and "citing" in (air1.reported_by or "")
    assert air1.event_id != air2.event_id


def test_seed_derna_sides(seed) -> None:
    clash, takeover = seed.events[:2]
    assert {clash.actor1, clash.actor2} == {"Mujahideen Shura Council of Derna", "Islamic State (Libya)"}
    assert takeover.actor1 == "Mujahideen Shura Council of Derna"


def test_seed_non_events_stay_out(seed) -> None:
    reasons = {m.value["reason"] for m in seed.mentions_of("non_event")}
    assert {"video", "background"} <= reasons
    for ev in seed.events:
        for item in ev.evidence:
            assert seed.text[item.start:item.end] == item.text
