"""Synthetic fusion input: reports of ACLED-style incidents told by several outlets.

Every incident gets a country (30, each with a bounding box and 20 towns), a town, a day in the
span, an ACLED sub-event type, actors, a time precision, a level of place detail (town, near a
town, region, country only, none: the mix extraction gives on the development corpus) and a toll.
About 30% of them are told by 2-5 of 6 outlets, each report with its own publication time (event
day + 0-2 days), a jittered toll (rising as bodies are counted), and now and then a neighbouring
day, its own level of place detail, a related sub-event type or a generic perpetrator: the work
fusion meets on real coverage.
Seeded: the same arguments always give the same reports.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from rasd.fusion import Report, report_from_event

START = date(2015, 1, 1)
TEN_YEARS_DAYS = 3653
TOWNS_PER_COUNTRY = 20
MULTI_SOURCE_SHARE = 0.30
OUTLETS = ("skynews", "alarabiya", "aljazeera", "bbc-arabic", "france24-arabic", "asharq")

# name, ISO 3166 numeric, ACLED region, (lat min, lat max, lon min, lon max)
COUNTRIES: tuple[tuple[str, int, str, tuple[float, float, float, float]], ...] = (
    ("Syria", 760, "Middle East", (32.3, 37.3, 35.7, 42.4)),
    ("Iraq", 368, "Middle East", (29.1, 37.4, 38.8, 48.6)),
    ("Yemen", 887, "Middle East", (12.6, 19.0, 42.5, 53.1)),
    ("Libya", 434, "Northern Africa", (19.5, 33.2, 9.4, 25.2)),
    ("Egypt", 818, "Northern Africa", (22.0, 31.7, 24.7, 36.9)),
    ("Lebanon", 422, "Middle East", (33.05, 34.69, 35.1, 36.6)),
    ("Palestine", 275, "Middle East", (31.2, 32.55, 34.2, 35.6)),
    ("Israel", 376, "Middle East", (29.5, 33.3, 34.3, 35.9)),
    ("Jordan", 400, "Middle East", (29.2, 33.4, 34.9, 39.3)),
    ("Saudi Arabia", 682, "Middle East", (16.4, 32.2, 34.5, 55.7)),
    ("Sudan", 729, "Northern Africa", (8.7, 22.0, 21.8, 38.6)),
    ("South Sudan", 728, "Eastern Africa", (3.5, 12.2, 24.1, 35.9)),
    ("Somalia", 706, "Eastern Africa", (-1.7, 12.0, 41.0, 51.4)),
    ("Tunisia", 788, "Northern Africa", (30.2, 37.5, 7.5, 11.6)),
    ("Algeria", 12, "Northern Africa", (19.0, 37.1, -8.7, 12.0)),
    ("Morocco", 504, "Northern Africa", (27.7, 35.9, -13.2, -1.0)),
    ("Mali", 466, "Western Africa", (10.2, 25.0, -12.2, 4.3)),
    ("Niger", 562, "Western Africa", (11.7, 23.5, 0.2, 16.0)),
    ("Nigeria", 566, "Western Africa", (4.3, 13.9, 2.7, 14.7)),
    ("Afghanistan", 4, "Caucasus and Central Asia", (29.4, 38.5, 60.5, 74.9)),
    ("Pakistan", 586, "South Asia", (23.7, 37.1, 60.9, 77.8)),
    ("Iran", 364, "Middle East", (25.1, 39.8, 44.0, 63.3)),
    ("Turkey", 792, "Middle East", (36.0, 42.1, 26.0, 44.8)),
    ("Ethiopia", 231, "Eastern Africa", (3.4, 14.9, 33.0, 48.0)),
    ("Kenya", 404, "Eastern Africa", (-4.7, 5.0, 33.9, 41.9)),
    ("Chad", 148, "Middle Africa", (7.4, 23.5, 13.5, 24.0)),
    ("Mauritania", 478, "Western Africa", (14.7, 27.3, -17.1, -4.8)),
    ("Burkina Faso", 854, "Western Africa", (9.4, 15.1, -5.5, 2.4)),
    ("Cameroon", 120, "Middle Africa", (1.7, 13.1, 8.5, 16.2)),
    ("Democratic Republic of Congo", 180, "Middle Africa", (-13.5, 5.4, 12.2, 31.3)),
)

# (event type, sub-event type, weight): roughly ACLED's mix in the Middle East and Africa
SUB_EVENTS: tuple[tuple[str, str, float], ...] = (
    ("Battles", "Armed clash", 20),
    ("Battles", "Government regains territory", 1),
    ("Battles", "Non-state actor overtakes territory", 1),
    ("Explosions/Remote violence", "Air/drone strike", 12),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 14),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 6),
    ("Explosions/Remote violence", "Suicide bomb", 1),
    ("Explosions/Remote violence", "Grenade", 1),
    ("Explosions/Remote violence", "Chemical weapon", 0.1),
    ("Violence against civilians", "Attack", 10),
    ("Violence against civilians", "Abduction/forced disappearance", 3),
    ("Violence against civilians", "Sexual violence", 0.5),
    ("Protests", "Peaceful protest", 15),
    ("Protests", "Protest with intervention", 3),
    ("Protests", "Excessive force against protesters", 0.5),
    ("Riots", "Violent demonstration", 3),
    ("Riots", "Mob violence", 2),
    ("Strategic developments", "Arrests", 3),
    ("Strategic developments", "Looting/property destruction", 2),
    ("Strategic developments", "Change to group/activity", 1),
    ("Strategic developments", "Disrupted weapons use", 1),
    ("Strategic developments", "Agreement", 0.5),
    ("Strategic developments", "Headquarters or base established", 0.3),
    ("Strategic developments", "Non-violent transfer of territory", 0.3),
    ("Strategic developments", "Other", 1),
)
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# how a second outlet may tell the same sub-event type
RETOLD_AS = {
    "Air/drone strike": "Shelling/artillery/missile attack",
    "Shelling/artillery/missile attack": "Air/drone strike",
    "Armed clash": "Attack",
    "Attack": "Armed clash",
    "Remote explosive/landmine/IED": "Suicide bomb",
    "Peaceful protest": "Protest with intervention",
    "Violent demonstration": "Mob violence",
}
# the mix Rasd's extraction gives on the development corpus (3,000 articles, 279 events): time
# precision 1/2/3 79/15/6%; a town 70%, near a town 5%, a region 5%, the country only 14%
# (location = country: no point, the place part of a pair score is then 0), no place at all 6%
TIME_PRECISIONS = ((1, 0.79), (2, 0.15), (3, 0.06))
TOWN, NEAR, REGION, COUNTRY_ONLY, NOWHERE = range(5)
PLACE_LEVELS = ((TOWN, 0.70), (NEAR, 0.05), (REGION, 0.05), (COUNTRY_ONLY, 0.14), (NOWHERE, 0.06))
RETOLD_PLACE_SHARE = 0.3  # a later report gives its own level of detail


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    admin1: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso: int
    region: str
    towns: tuple[Town, ...]
    actors: dict[str, tuple[str, int]]  # role -> (ACLED actor name, inter code)
    provinces: dict[str, tuple[float, float]]  # admin1 -> the mean point of its towns
    centre: tuple[float, float]


def _countries(rng: random.Random) -> list[Country]:
    out: list[Country] = []
    for name, iso, region, (lat0, lat1, lon0, lon1) in COUNTRIES:
        towns = tuple(
            Town(f"{name} town {k + 1}", f"{name} province {k % 6 + 1}",
                 round(rng.uniform(lat0, lat1), 4), round(rng.uniform(lon0, lon1), 4))
            for k in range(TOWNS_PER_COUNTRY)
        )
        actors = {
            "military": (f"Military Forces of {name}", 1),
            "police": (f"Police Forces of {name}", 1),
            "rebels": (f"{name} Liberation Front", 2),
            "jihadists": (f"Islamic State ({name})", 2),
            "militia": (f"Unidentified Armed Group ({name})", 3),
            "rioters": (f"Rioters ({name})", 5),
            "protesters": (f"Protesters ({name})", 6),
            "civilians": (f"Civilians ({name})", 7),
        }
        provinces: dict[str, tuple[float, float]] = {}
        for admin1 in sorted({t.admin1 for t in towns}):
            members = [t for t in towns if t.admin1 == admin1]
            provinces[admin1] = (round(sum(t.lat for t in members) / len(members), 4),
                                 round(sum(t.lon for t in members) / len(members), 4))
        centre = (round((lat0 + lat1) / 2, 4), round((lon0 + lon1) / 2, 4))
        out.append(Country(name, iso, region, towns, actors, provinces, centre))
    return out


def _pick(rng: random.Random, weighted: tuple[tuple[int, float], ...]) -> int:
    x = rng.random()
    for value, share in weighted:
        x -= share
        if x < 0:
            return value
    return weighted[-1][0]


def _actors(rng: random.Random, country: Country, event_type: str) -> tuple[str, str | None]:
    if event_type == "Battles":
        first, second = rng.sample(("military", "rebels", "jihadists"), 2)
        return first, second
    if event_type == "Explosions/Remote violence":
        return rng.choice(("military", "jihadists", "militia")), rng.choice(("civilians", None, "rebels"))
    if event_type == "Violence against civilians":
        return rng.choice(("militia", "jihadists", "military")), "civilians"
    if event_type == "Protests":
        return "protesters", rng.choice((None, None, "police"))
    if event_type == "Riots":
        return "rioters", rng.choice((None, "police"))
    return rng.choice(("military", "police", "rebels")), rng.choice((None, "rebels", "jihadists"))


def _km_offset(lat: float, lon: float, km: float, rng: random.Random) -> tuple[float, float]:
    bearing = rng.uniform(0, 2 * math.pi)
    dlat = km * math.cos(bearing) / 111.0
    dlon = km * math.sin(bearing) / (111.0 * max(0.2, math.cos(math.radians(lat))))
    return round(lat + dlat, 4), round(lon + dlon, 4)


def _place(rng: random.Random, level: int, country: Country, town: Town, near: tuple[float, float]) -> dict[str, Any]:
    """The place fields of a report that tells the incident at ``level`` of detail."""
    if level == NOWHERE:
        return {"admin1": None, "location": None, "latitude": None, "longitude": None, "geo_precision": None}
    if level == COUNTRY_ONLY:
        lat, lon = country.centre
        return {"admin1": None, "location": country.name, "latitude": lat, "longitude": lon, "geo_precision": 3}
    if level == REGION:
        lat, lon = country.provinces[town.admin1]
        return {"admin1": town.admin1, "location": town.admin1, "latitude": lat, "longitude": lon, "geo_precision": 3}
    if level == NEAR:
        return {"admin1": town.admin1, "location": town.name, "latitude": near[0], "longitude": near[1],
                "geo_precision": 2}
    lat, lon = (town.lat, town.lon) if rng.random() < 0.9 else _km_offset(town.lat, town.lon, rng.uniform(0.5, 4), rng)
    return {"admin1": town.admin1, "location": town.name, "latitude": lat, "longitude": lon, "geo_precision": 1}


def _toll(rng: random.Random, event_type: str) -> int | None:
    if event_type in ("Protests", "Strategic developments") or rng.random() < 0.3:
        return None if rng.random() < 0.7 else 0
    return min(300, int(rng.expovariate(1 / 4.0)))


def iter_reports(n: int, *, seed: int = 20250101, span_days: int = TEN_YEARS_DAYS) -> Iterator[tuple[Report, int]]:
    """``n`` reports with the index of the incident each one tells (the truth, for scoring)."""
    rng = random.Random(seed)
    countries = _countries(rng)
    sub_types = [(etype, sub) for etype, sub, _ in SUB_EVENTS]
    weights = [w for _, _, w in SUB_EVENTS]
    made = incident = 0
    while made < n:
        country = rng.choice(countries)
        town = rng.choice(country.towns)
        event_type, sub_event = rng.choices(sub_types, weights)[0]
        precision = _pick(rng, TIME_PRECISIONS)
        level = _pick(rng, PLACE_LEVELS)
        day = START + timedelta(days=rng.randrange(span_days))
        actor1, actor2 = _actors(rng, country, event_type)
        toll = _toll(rng, event_type)
        injured = None if toll is None or rng.random() < 0.5 else int(toll * rng.uniform(0.5, 3))
        near = _km_offset(town.lat, town.lon, rng.uniform(2, 8), rng)
        outlets = rng.sample(OUTLETS, rng.randint(2, 5)) if rng.random() < MULTI_SOURCE_SHARE else [rng.choice(OUTLETS)]
        published = sorted(
            datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(hours=rng.uniform(2, 70)) for _ in outlets
        )
        for k, (outlet, when) in enumerate(zip(outlets, published, strict=True)):
            if made >= n:
                break
            told_day, told_precision = day, precision
            if k and precision == 1 and rng.random() < 0.15:
                told_day += timedelta(days=rng.choice((-1, 1)))  # "last night" vs "yesterday"
            told_sub = RETOLD_AS.get(sub_event, sub_event) if k and rng.random() < 0.15 else sub_event
            told_type = next(etype for etype, sub in sub_types if sub == told_sub)
            told_level = _pick(rng, PLACE_LEVELS) if k and rng.random() < RETOLD_PLACE_SHARE else level
            role1: str | None = actor1
            if k and rng.random() < 0.3:
                role1 = "militia" if rng.random() < 0.66 else None  # a generic or no perpetrator
            told_toll = toll
            if toll and k < len(outlets) - 1:
                told_toll = max(0, round(toll * rng.uniform(0.5, 1.0)))  # earlier counts run low
            if toll is not None and rng.random() < 0.1:
                told_toll = None
            name1, inter1 = country.actors[role1] if role1 else (None, None)
            name2, inter2 = country.actors[actor2] if actor2 else (None, None)
            codes = sorted(c for c in (inter1, inter2) if c)
            event: dict[str, Any] = {
                "event_date": told_day.isoformat(),
                "time_precision": told_precision,
                "disorder_type": DISORDER[told_type],
                "event_type": told_type,
                "sub_event_type": told_sub,
                "actor1": name1,
                "inter1": inter1,
                "actor2": name2,
                "inter2": inter2,
                "interaction": int(f"{codes[0]}{codes[1] if len(codes) > 1 else 0}") if codes else None,
                "civilian_targeting": "Civilian targeting" if actor2 == "civilians" else None,
                "iso": country.iso,
                "region": country.region,
                "country": country.name,
                **_place(rng, told_level, country, town, near),
                "fatalities": told_toll,
                "injured": injured,
                "confidence": {"event": round(rng.uniform(0.55, 0.95), 2)},
                "recap": False,
            }
            article = {
                "id": f"{outlet}-{made:08d}",
                "source": outlet,
                "url": f"https://{outlet}.example/{made}",
                "published": when.isoformat(timespec="seconds"),
            }
            yield report_from_event(article, 1, event), incident
            made += 1
        incident += 1


def make_reports(n: int, *, seed: int = 20250101, span_days: int = TEN_YEARS_DAYS) -> tuple[list[Report], list[int]]:
    reports: list[Report] = []
    truth: list[int] = []
    for report, incident in iter_reports(n, seed=seed, span_days=span_days):
        reports.append(report)
        truth.append(incident)
    return reports, truth


def b_cubed(predicted: dict[str, str], truth: dict[str, int]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of a partition (report id -> cluster) against the truth."""
    pred_size: dict[str, int] = {}
    true_size: dict[int, int] = {}
    both: dict[tuple[str, int], int] = {}
    for rid, cid in predicted.items():
        tid = truth[rid]
        pred_size[cid] = pred_size.get(cid, 0) + 1
        true_size[tid] = true_size.get(tid, 0) + 1
        both[(cid, tid)] = both.get((cid, tid), 0) + 1
    n = len(predicted)
    if not n:
        return 0.0, 0.0, 0.0
    precision = sum(c * c / pred_size[cid] for (cid, _), c in both.items()) / n
    recall = sum(c * c / true_size[tid] for (_, tid), c in both.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
