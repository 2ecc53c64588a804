"""Each export format on a database filled from Arabic articles through the ingest path."""

from __future__ import annotations

import json
from datetime import UTC, date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from export_data import NEWS_ARTICLES
from export_helpers import export, stored_live

from rasd.export.acled import HEADER

EXPECTED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    "injured", "fatalities_min", "fatalities_max", "fatalities_best", "injured_min", "injured_max", "injured_best",
    "source_count", "grading", "first_seen", "last_seen", "confidence", "rasd_event_id",
]
TEXTS = {a["id"]: a["text"] for a in NEWS_ARTICLES}


def _atarib(items: list[dict], key: str = "location") -> dict:
    found = [item for item in items if item.get(key) == "Al Atarib"]
    assert len(found) == 1, "the two reports of the Al Atarib air strike are one event"
    return found[0]


# -- ACLED CSV ---------------------------------------------------------------------------------


def test_csv_header_is_the_codebook_order_then_rasd_columns(news_db: str) -> None:
    run = export(news_db, "--format", "acled-csv")
    assert run.rc == 0, run.err
    header = run.text.splitlines()[0].split(",")
    assert header[: len(EXPECTED_HEADER)] == EXPECTED_HEADER
    assert header == list(HEADER)


def test_csv_values(news_db: str) -> None:
    rows = export(news_db, "--format", "acled-csv").csv_rows()
    live = {e["event_id"]: e for e in stored_live(news_db)}
    assert sorted(r["rasd_event_id"] for r in rows) == sorted(live)
    assert len(rows) == 5
    strike = _atarib(rows)
    stored = live[strike["rasd_event_id"]]
    assert strike["source"] == "Al Arabiya; Sky News Arabia"
    assert strike["source_count"] == "2"
    assert strike["grading"] == "fair"
    assert strike["event_date"] == "2021-03-14" and strike["year"] == "2021"
    assert strike["country"] == "Syria" and strike["iso"] == "760"
    assert strike["event_id_cnty"] == "SYR" + stored["event_id"].removeprefix("ev-")
    assert strike["sub_event_type"] == "Air/drone strike"
    assert float(strike["latitude"]) == pytest.approx(stored["latitude"])
    assert float(strike["longitude"]) == pytest.approx(stored["longitude"])
    assert strike["fatalities"] == str(stored["fatalities"])
    assert (strike["fatalities_min"], strike["fatalities_max"]) == ("7", "8")
    assert strike["source_scale"] == "Regional"  # both outlets are regional in the outlet table
    updated = stored["updated_at"]
    updated = updated if updated.tzinfo else updated.replace(tzinfo=UTC)
    assert strike["timestamp"] == str(int(updated.timestamp()))
    protest = next(r for r in rows if r["sub_event_type"] == "Peaceful protest")
    assert protest["fatalities"] == ""  # no toll: an empty cell, never 0
    assert protest["event_id_cnty"].startswith("IRQ")


# -- GeoJSON -----------------------------------------------------------------------------------


def test_geojson_feature_collection(news_db: str) -> None:
    run = export(news_db, "--format", "geojson")
    assert run.rc == 0, run.err
    data = run.geojson()
    assert data["type"] == "FeatureCollection"
    features = data["features"]
    assert len(features) == 5
    for feature in features:
        assert feature["type"] == "Feature"
        props = feature["properties"]
        assert feature["id"] == props["event_id"]
        if props["latitude"] is None:
            assert feature["geometry"] is None
        else:
            assert feature["geometry"] == {"type": "Point", "coordinates": [props["longitude"], props["latitude"]]}
            assert -180 <= props["longitude"] <= 180 and -90 <= props["latitude"] <= 90
    strike = _atarib([f["properties"] for f in features])
    assert strike["outlets"] == ["Al Arabiya", "Sky News Arabia"]
    assert strike["event_date"] == "2021-03-14"
    assert strike["report_count"] == 2


# -- Parquet -----------------------------------------------------------------------------------


def test_parquet_typed_schema(news_db: str, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    run = export(news_db, "--format", "parquet", "--output", str(path))
    assert run.rc == 0, run.err
    assert "5 event(s) written" in run.err
    table = pq.read_table(path)
    assert table.num_rows == 5
    types = {f.name: f.type for f in table.schema}
    assert types["event_id"] == pa.string() and not table.schema.field("event_id").nullable
    assert types["event_date"] == pa.date32()
    for name in ("time_precision", "fatalities", "fatalities_min", "fatalities_max", "injured", "iso",
                 "source_count", "report_count", "inter1", "interaction"):
        assert types[name] == pa.int32(), name
    assert types["latitude"] == types["longitude"] == types["confidence"] == pa.float64()
    assert types["outlets"] == pa.list_(pa.string())
    assert types["is_recap"] == pa.bool_()
    assert types["updated_at"] == pa.timestamp("us", tz="UTC")
    rows = table.to_pylist()
    strike = _atarib(rows)
    assert strike["event_date"] == date(2021, 3, 14)
    assert strike["outlets"] == ["Al Arabiya", "Sky News Arabia"]
    protest = next(r for r in rows if r["sub_event_type"] == "Peaceful protest")
    assert protest["fatalities"] is None


def test_parquet_needs_an_output_file(news_db: str) -> None:
    run = export(news_db, "--format", "parquet")
    assert run.rc == 2
    assert "parquet needs --output" in run.err
    assert run.out == b""


# -- JSONL -------------------------------------------------------------------------------------


def test_jsonl_events_with_their_reports_and_evidence(news_db: str) -> None:
    run = export(news_db, "--format", "jsonl")
    assert run.rc == 0, run.err
    items = run.jsonl()
    assert len(items) == 5
    assert sum(len(item["reports"]) for item in items) == len(NEWS_ARTICLES)
    strike = _atarib(items)
    reports = strike["reports"]
    assert [r["outlet"] for r in reports] == ["Sky News Arabia", "Al Arabiya"]  # by publication time
    assert [r["url"] for r in reports] == ["https://k.example/1", "https://b.example/1"]
    assert [r["said"]["fatalities"] for r in reports] == [7, 8]
    assert reports[0]["published"] == "2021-03-14T10:00:00+03:00"
    assert reports[0]["link"]["reason"] == "first report"
    assert isinstance(reports[1]["link"]["score"], float) and reports[1]["link"]["parts"]
    for report in reports:
        text = TEXTS[report["article_id"]]
        assert report["evidence"], report
        for span in report["evidence"]:
            assert span["text"] == text[span["start"]:span["end"]]
    fields = {span["field"]: span["text"] for span in reports[0]["evidence"]}
    assert fields["fatalities"] == "قتل سبعة مدنيين"
    assert fields["location"] == "الأتارب"


def test_every_format_exports_the_same_events_in_the_same_order(news_db: str, tmp_path: Path) -> None:
    csv_ids = [r["rasd_event_id"] for r in export(news_db, "--format", "acled-csv").csv_rows()]
    geo_ids = [f["id"] for f in export(news_db, "--format", "geojson").geojson()["features"]]
    jsonl_ids = [item["event_id"] for item in export(news_db, "--format", "jsonl").jsonl()]
    path = tmp_path / "e.parquet"
    assert export(news_db, "--output", str(path)).rc == 0  # format from the suffix
    parquet_ids = pq.read_table(path, columns=["event_id"]).column("event_id").to_pylist()
    assert csv_ids == geo_ids == jsonl_ids == parquet_ids
    dates = [item["event_date"] for item in export(news_db, "--format", "jsonl").jsonl()]
    assert dates == sorted(dates)


def test_geojson_and_jsonl_carry_the_same_columns(news_db: str) -> None:
    feature = export(news_db, "--format", "geojson").geojson()["features"][0]["properties"]
    line = export(news_db, "--format", "jsonl").jsonl()[0]
    assert json.dumps(feature, sort_keys=True) == json.dumps({k: v for k, v in line.items() if k != "reports"},
                                                              sort_keys=True)
