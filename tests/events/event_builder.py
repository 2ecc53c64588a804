"""Hand-built documents for event-assembly tests: real normalize/tokenize, mentions made here.

The builder stands in for the extractor stages (numbers, casualties, dates, places, actors,
sources, triggers) so event assembly is tested against the mention contract alone.
"""

from __future__ import annotations

from typing import Any

from rasd.document import ArticleMeta, Document
from rasd.events.stage import EventsStage
from rasd.normalize.normalizer import NormalizeStage
from rasd.tokenize.tokens import TokenizeStage

SUB_TO_EVENT = {
    "Armed clash": ("Battles", "Political violence"),
    "Non-state actor overtakes territory": ("Battles", "Political violence"),
    "Government regains territory": ("Battles", "Political violence"),
    "Air/drone strike": ("Explosions/Remote violence", "Political violence"),
    "Shelling/artillery/missile attack": ("Explosions/Remote violence", "Political violence"),
    "Remote explosive/landmine/IED": ("Explosions/Remote violence", "Political violence"),
    "Suicide bomb": ("Explosions/Remote violence", "Political violence"),
    "Attack": ("Violence against civilians", "Political violence"),
    "Abduction/forced disappearance": ("Violence against civilians", "Political violence"),
    "Arrests": ("Strategic developments", "Strategic developments"),
    "Peaceful protest": ("Protests", "Demonstrations"),
}

CITIES = {
    "benghazi": dict(name="Benghazi", geonameid=88319, country="Libya", iso=434, iso2="LY", region="Northern Africa",
                     admin1="Benghazi", latitude=32.1167, longitude=20.0667),
    "derna": dict(name="Darnah", geonameid=87205, country="Libya", iso=434, iso2="LY", region="Northern Africa",
                  admin1="Darnah", latitude=32.767, longitude=22.6367),
    "tripoli": dict(name="Tripoli", geonameid=2210247, country="Libya", iso=434, iso2="LY",
                    region="Northern Africa", admin1="Tripoli", latitude=32.8925, longitude=13.18),
    "aleppo": dict(name="Aleppo", geonameid=170063, country="Syria", iso=760, iso2="SY", region="Middle East",
                   admin1="Aleppo", latitude=36.2021, longitude=37.1343),
    "idlib": dict(name="Idlib", geonameid=169389, country="Syria", iso=760, iso2="SY", region="Middle East",
                  admin1="Idlib", latitude=35.9306, longitude=36.6339),
    "mosul": dict(name="Mosul", geonameid=99072, country="Iraq", iso=368, iso2="IQ", region="Middle East",
                  admin1="Ninawa", latitude=36.335, longitude=43.1189),
    "taiz": dict(name="Taizz", geonameid=70225, country="Yemen", iso=887, iso2="YE", region="Middle East",
                 admin1="Taizz", latitude=13.5795, longitude=44.0209),
    "mogadishu": dict(name="Mogadishu", geonameid=53654, country="Somalia", iso=706, iso2="SO",
                      region="Eastern Africa", admin1="Banaadir", latitude=2.0371, longitude=45.3438),
    "gaza": dict(name="Gaza", geonameid=281133, country="Palestine", iso=275, iso2="PS", region="Middle East",
                 admin1="Gaza Strip", latitude=31.5, longitude=34.4667),
    "el_arish": dict(name="Al Arish", geonameid=361546, country="Egypt", iso=818, iso2="EG",
                     region="Northern Africa", admin1="North Sinai", latitude=31.1316, longitude=33.7984),
    "kabul": dict(name="Kabul", geonameid=1138958, country="Afghanistan", iso=4, iso2="AF",
                  region="Caspian", admin1="Kabul", latitude=34.5281, longitude=69.1723),
    "gao": dict(name="Gao", geonameid=2457163, country="Mali", iso=466, iso2="ML", region="Western Africa",
                admin1="Gao", latitude=16.2717, longitude=-0.0447),
    "maiduguri": dict(name="Maiduguri", geonameid=2331447, country="Nigeria", iso=566, iso2="NG",
                      region="Western Africa", admin1="Borno", latitude=11.8464, longitude=13.1603),
    "nyala": dict(name="Nyala", geonameid=365742, country="Sudan", iso=729, iso2="SD", region="Northern Africa",
                  admin1="South Darfur", latitude=12.05, longitude=24.8833),
}


class DocBuilder:
    def __init__(self, text: str, published: str | None = "2018-03-14", source: str | None = "Test Agency",
                 doc_id: str | None = "t1") -> None:
        doc = Document(text=text, meta=ArticleMeta(id=doc_id, published=published, source=source,
                                                   source_scale="National"))
        self.doc = TokenizeStage()(NormalizeStage()(doc))

    def _span(self, needle: str, nth: int) -> tuple[int, int]:
        pos = -1
        for _ in range(nth + 1):
            pos = self.doc.text.find(needle, pos + 1)
            if pos < 0:
                raise AssertionError(f"{needle!r} (occurrence {nth}) not in text")
        return pos, pos + len(needle)

    def add(self, kind: str, needle: str, value: dict[str, Any], nth: int = 0, conf: float = 0.9) -> DocBuilder:
        start, end = self._span(needle, nth)
        self.doc.add_mention(kind, start, end, value, confidence=conf, stage="test")
        return self

    def trigger(self, needle: str, sub: str | None, nth: int = 0, strength: str = "strong",
                event_type: str | None = None) -> DocBuilder:
        event, disorder = SUB_TO_EVENT.get(sub or "", (event_type, None))
        return self.add("trigger", needle, {"key": needle, "event_type": event, "sub_event_type": sub,
                                            "disorder_type": disorder, "strength": strength,
                                            "lexicon": "test"}, nth)

    def casualty(self, needle: str, type: str, n: int | None, nth: int = 0, *, qualifier: str | None = None,
                 group: str | None = None, high: int | None = None, **flags: Any) -> DocBuilder:
        value = {"type": type, "min": n, "max": high if high is not None else (n if qualifier in (None, "exact")
                                                                                  else None),
                 "qualifier": qualifier or ("exact" if n is not None else None), "group": group,
                 "subset": False, "update": False, "aggregate": False, "negated": False, "zero": False,
                 "unknown": False, "preliminary": False, "includes_attacker": False,
                 "number_span": None, "trigger_span": None}
        value.update(flags)
        if value["number_span"] is None and (n is not None or qualifier):
            value["number_span"] = list(self._span(needle, nth))  # a number word is there
        return self.add("casualty", needle, value, nth)

    def place(self, needle: str, city: str, nth: int = 0, *, kind: str = "city", geo_precision: int = 1,
              district: str | None = None, relation: str | None = None, is_reference: bool = False,
              **over: Any) -> DocBuilder:
        value = dict(CITIES[city], name_ar=needle, kind=kind, geo_precision=geo_precision, district=district,
                     relation=relation, is_reference=is_reference, admin2=None, admin3=None)
        value.update(over)
        return self.add("place", needle, value, nth)

    def country(self, needle: str, name: str, iso: int, iso2: str, nth: int = 0) -> DocBuilder:
        value = dict(name=name, name_ar=needle, geonameid=None, kind="country", country=name, iso=iso, iso2=iso2,
                     region=None, admin1=None, admin2=None, admin3=None, latitude=None, longitude=None,
                     geo_precision=3, relation=None, district=None, is_reference=False)
        return self.add("place", needle, value, nth)

    def date(self, needle: str, iso: str | None, precision: int = 1, nth: int = 0, **flags: Any) -> DocBuilder:
        value = {"date": iso, "precision": precision, "range": None, "key": "test", "part_of_day": None,
                 "reason": None, "conflict": False, "background": False}
        value.update(flags)
        return self.add("date", needle, value, nth)

    def actor(self, needle: str, name: str, inter: int, nth: int = 0, kind: str = "state",
              country: str | None = None) -> DocBuilder:
        return self.add("actor", needle, {"name": name, "key": name.lower(), "inter": inter, "country": country,
                                          "generic": False, "kind": kind}, nth)

    def source(self, needle: str, canonical: str | None, kind: str = "agency", nth: int = 0) -> DocBuilder:
        return self.add("source", needle, {"name": needle, "canonical": canonical, "kind": kind, "via": None}, nth)

    def run(self) -> Document:
        return EventsStage()(self.doc)


def non_events(doc: Document) -> list[tuple[str, str]]:
    """(reason, trigger text) of every non_event mention."""
    out = []
    for m in doc.mentions_of("non_event"):
        s, e = m.value["trigger"]
        out.append((m.value["reason"], doc.text[s:e]))
    return out
