"""Test data for the export tests: Arabic articles written for them, and hand-made rows."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any

# Six short articles written for these tests: one air strike told by two outlets (one fused
# event, two sources), a roadside bomb, a clash in Libya, an attack in Yemen and a protest
# (no toll, so an empty fatalities cell).
NEWS_ARTICLES: list[dict[str, Any]] = [
    {"id": "ka-1", "source": "Sky News Arabia", "url": "https://k.example/1", "published": "2021-03-14T10:00:00+03:00",
     "title": "غارة على الأتارب",
     "text": "حلب - قتل سبعة مدنيين وأصيب أحد عشر آخرون صباح اليوم الأحد في غارة جوية شنتها طائرات حربية "
             "روسية على بلدة الأتارب في ريف حلب الغربي، وفق الدفاع المدني السوري."},
    {"id": "kb-1", "source": "Al Arabiya", "url": "https://b.example/1", "published": "2021-03-14T13:00:00+03:00",
     "title": "قتلى بغارة روسية",
     "text": "حلب - أسفرت غارة جوية روسية صباح الأحد على بلدة الأتارب بريف حلب الغربي عن مقتل ثمانية مدنيين "
             "بينهم ثلاثة أطفال، بحسب ناشطين محليين."},
    {"id": "ka-2", "source": "Sky News Arabia", "url": "https://k.example/2", "published": "2021-04-02T09:00:00+03:00",
     "text": "بغداد - قتل ثلاثة أشخاص وأصيب خمسة آخرون اليوم الجمعة بانفجار عبوة ناسفة استهدفت سيارة مدنية في "
             "قضاء الطارمية شمال بغداد، بحسب مصدر أمني."},
    {"id": "kc-1", "source": "Al Jazeera", "url": "https://c.example/1", "published": "2021-05-20T18:00:00+03:00",
     "text": "طرابلس - اندلعت اشتباكات عنيفة مساء اليوم الخميس بين مجموعتين مسلحتين في منطقة جنزور غرب العاصمة "
             "الليبية طرابلس، ما أدى إلى مقتل أربعة مسلحين، وفق مصادر طبية."},
    {"id": "kb-2", "source": "Al Arabiya", "url": "https://b.example/2", "published": "2021-06-11T08:00:00+03:00",
     "text": "صنعاء - قتل اثنا عشر جنديا من القوات الحكومية اليمنية في هجوم شنه مسلحون حوثيون أمس الخميس على "
             "مواقع عسكرية في مديرية صرواح غرب محافظة مأرب، بحسب مصدر عسكري."},
    {"id": "kc-2", "source": "Al Jazeera", "url": "https://c.example/2", "published": "2021-07-01T12:00:00+03:00",
     "text": "نظم مئات المتظاهرين اليوم الخميس مسيرة سلمية في وسط مدينة البصرة للمطالبة بتحسين الخدمات وتوفير "
             "الكهرباء، ولم تسجل أي إصابات."},
]

STAMP = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
LATER = datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC)


def _event(event_id: str, **fields: Any) -> dict[str, Any]:
    return {"event_id": event_id, "merged_into": None, "deleted": False, "updated_at": STAMP, **fields}


# Hand-made fused events: exact values for the filters and the edge cases.
CRAFTED: list[dict[str, Any]] = [
    _event("ev-a1", event_date=date(2020, 1, 5), time_precision=1, country="Syria", iso=760,
           region="Middle East", admin1="Aleppo", location="Al Atarib", latitude=36.14, longitude=36.83,
           geo_precision=1, disorder_type="Political violence", event_type="Explosions/Remote violence",
           sub_event_type="Air/drone strike", actor1="Military Forces of Russia (2000-)", inter1=8,
           actor2="Civilians (Syria)", inter2=7, interaction=78, civilian_targeting="Civilian targeting",
           fatalities=7, fatalities_min=7, fatalities_max=8, fatalities_best=7, injured=11, injured_min=11,
           injured_max=11, injured_best=11, source_count=2, outlets=["Al Arabiya", "Sky News Arabia"],
           grading="fair", first_seen="2020-01-05T10:00:00+03:00", last_seen="2020-01-05T13:00:00+03:00",
           confidence=0.97, notes="On 5 January 2020, an air strike hit Al Atarib.", is_recap=False,
           updated_at=LATER, extra={"report_count": 2}),
    _event("ev-a2", event_date=date(2020, 2, 10), time_precision=1, country="Iraq", iso=368,
           region="Middle East", location="Baghdad", latitude=33.34, longitude=44.40, geo_precision=1,
           disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash",
           actor1="Islamic State (Iraq)", inter1=2, actor2="Military Forces of Iraq (2020-)", inter2=1,
           interaction=12, fatalities=12, fatalities_min=12, fatalities_max=12, fatalities_best=12, source_count=1,
           outlets=["Al Jazeera"], grading="weak", confidence=0.9, is_recap=False, extra={"report_count": 1}),
    _event("ev-a3", event_date=date(2020, 3, 15), time_precision=2, country="Yemen", iso=887,
           region="Middle East", disorder_type="Political violence", event_type="Violence against civilians",
           sub_event_type="Attack", actor1="Unidentified Armed Group (Yemen)", inter1=3, source_count=1,
           outlets=["Al Arabiya"], grading="weak", confidence=0.6, is_recap=False, extra={}),
    _event("ev-a4", event_date=date(2020, 4, 20), time_precision=1, country="Fiji", iso=242,
           region="Oceania", location="Suva", latitude=-18.14, longitude=178.44, geo_precision=1,
           disorder_type="Political violence", event_type="Riots", sub_event_type="Mob violence",
           actor1="Rioters (Fiji)", inter1=5, fatalities=0, source_count=1, outlets=["Fiji Times"], grading="weak",
           confidence=0.5, is_recap=False, extra={"report_count": 1, "future_field": "kept"}),
    _event("ev-a5", event_date=date(2020, 1, 6), time_precision=1, country="Syria", iso=760,
           region="Middle East", location="Al Atarib", latitude=36.14, longitude=36.83, geo_precision=1,
           event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
           fatalities=3, source_count=1, outlets=["Sky News Arabia"], grading="weak", is_recap=False,
           merged_into="ev-a1", extra={}),
    _event("ev-a6", event_date=date(2020, 6, 30), time_precision=1, country="Syria", iso=760,
           event_type="Battles", sub_event_type="Armed clash", fatalities=50, source_count=1,
           outlets=["Al Jazeera"], grading="weak", is_recap=False, deleted=True, extra={}),
    _event("ev-a7", event_date=None, country="Libya", iso=434, region="Northern Africa",
           event_type="Battles", sub_event_type="Armed clash", actor1="Libyan National Army", fatalities=1,
           source_count=1, outlets=["Al Jazeera"], grading="weak", is_recap=False, extra={}),
]
LIVE_ORDER = ["ev-a1", "ev-a2", "ev-a3", "ev-a4", "ev-a7"]  # by date, undated last; a5 merged, a6 deleted

# One article behind ev-a1, with evidence offsets into its text (the stored span text is stale
# on purpose: the export cuts the text from the article).
ARTICLE_TEXT = "حلب - قتل سبعة مدنيين في غارة جوية على بلدة الأتارب صباح اليوم."


def _span(field: str, phrase: str) -> dict[str, Any]:
    start = ARTICLE_TEXT.index(phrase)
    return {"field": field, "start": start, "end": start + len(phrase), "text": "stale"}


EVIDENCE = [_span("fatalities", "قتل سبعة مدنيين"), _span("location", "الأتارب")]


def insert_crafted(url: str) -> None:
    """Create the schema and insert :data:`CRAFTED` (and one article, report and link)."""
    from sqlalchemy import insert

    from rasd.store import WRITE, open_store
    from rasd.store.schema import EVENT_FIELDS, articles, event_reports, events, reports

    rows = []
    for item in CRAFTED:
        row = dict.fromkeys(EVENT_FIELDS)
        row.update(item)
        row.setdefault("created_at", STAMP)
        row["fingerprint"] = hashlib.sha256(item["event_id"].encode()).hexdigest()
        rows.append(row)
    with open_store(url, WRITE) as store, store.transaction() as conn:
        # merged_into points at another event: insert the targets first
        conn.execute(insert(events), [r for r in rows if r["merged_into"] is None])
        conn.execute(insert(events), [r for r in rows if r["merged_into"] is not None])
        conn.execute(insert(articles).values(
            id="art-1", url="https://k.example/a1", outlet="Sky News Arabia", published="2020-01-05T10:00:00+03:00",
            title="غارة", text=ARTICLE_TEXT, text_sha256=hashlib.sha256(ARTICLE_TEXT.encode()).hexdigest(),
            pipeline_version="test", meta={}, ingested_at=STAMP, updated_at=STAMP,
        ))
        conn.execute(insert(reports).values(
            report_id="art-1:1", article_id="art-1", n=1, is_recap=False, evidence=EVIDENCE,
            event={"event_date": "2020-01-05", "fatalities": 7, "location": "Al Atarib", "actor2": "Civilians (Syria)"},
            country="Syria", event_day=date(2020, 1, 5), fatalities=7,
        ))
        conn.execute(insert(event_reports).values(
            event_id="ev-a1", report_id="art-1:1", score=None, parts={}, reason="first report"))
