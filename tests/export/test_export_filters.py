"""Filters, merged and deleted events, and exact values, on hand-made rows."""

from __future__ import annotations

from typing import Any

import pytest
from export_data import ARTICLE_TEXT, LIVE_ORDER
from export_helpers import export, ids

from rasd.export.filters import BBox, ExportFilter, FilterError


def test_live_events_only_in_a_stable_order(crafted_db: str) -> None:
    assert ids(crafted_db) == LIVE_ORDER  # by date, the undated one last; merged and deleted left out


def test_include_merged_but_never_deleted(crafted_db: str) -> None:
    found = ids(crafted_db, "--include-merged")
    assert found == ["ev-a1", "ev-a5", "ev-a2", "ev-a3", "ev-a4", "ev-a7"]
    merged = {item["event_id"]: item for item in export(crafted_db, "--format", "jsonl", "--include-merged").jsonl()}
    assert merged["ev-a5"]["merged_into"] == "ev-a1"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--since", "2020-02-10"], ["ev-a2", "ev-a3", "ev-a4"]),
        (["--until", "2020-02-10"], ["ev-a1", "ev-a2"]),
        (["--since", "2020-02-01", "--until", "2020-03-31"], ["ev-a2", "ev-a3"]),
        (["--country", "syria"], ["ev-a1"]),
        (["--country", "Libya"], ["ev-a7"]),
        (["--event-type", "Battles"], ["ev-a2", "ev-a7"]),
        (["--event-type", "battles", "--country", "Iraq"], ["ev-a2"]),
        (["--sub-event-type", "Air/drone strike"], ["ev-a1"]),
        (["--actor", "russia"], ["ev-a1"]),
        (["--actor", "Civilians"], ["ev-a1"]),  # actor2 counts too
        (["--actor", "Military Forces of"], ["ev-a1", "ev-a2"]),
        (["--actor", "100%_"], []),  # LIKE wildcards are matched literally
        (["--min-fatalities", "7"], ["ev-a1", "ev-a2"]),
        (["--min-fatalities", "0"], ["ev-a1", "ev-a2", "ev-a4", "ev-a7"]),  # no toll is not 0
        (["--bbox", "35,32,45,37"], ["ev-a1", "ev-a2"]),
        (["--bbox", "36,35,37,37"], ["ev-a1"]),
        (["--bbox", "170,-20,-170,-10"], ["ev-a4"]),  # across the antimeridian
        (["--bbox", "-180,-90,180,90"], ["ev-a1", "ev-a2", "ev-a4"]),  # events without a point are out
        (["--country", "Syria", "--min-fatalities", "8"], []),
        (["--country", "Atlantis"], []),
    ],
)
def test_filters(crafted_db: str, argv: list[str], expected: list[str]) -> None:
    assert ids(crafted_db, *argv) == expected


def test_filters_apply_to_every_format(crafted_db: str, tmp_path: Any) -> None:
    import pyarrow.parquet as pq

    argv = ["--country", "Syria", "--include-merged"]
    csv_ids = [r["rasd_event_id"] for r in export(crafted_db, "--format", "acled-csv", *argv).csv_rows()]
    geo_ids = [f["id"] for f in export(crafted_db, "--format", "geojson", *argv).geojson()["features"]]
    path = tmp_path / "syria.parquet"
    assert export(crafted_db, "--output", str(path), *argv).rc == 0
    parquet_ids = pq.read_table(path).column("event_id").to_pylist()
    assert csv_ids == geo_ids == parquet_ids == ["ev-a1", "ev-a5"]


def test_csv_exact_values(crafted_db: str) -> None:
    rows = {r["rasd_event_id"]: r for r in export(crafted_db).csv_rows()}  # acled-csv is the default
    a1 = rows["ev-a1"]
    assert a1["event_id_cnty"] == "SYRa1"
    assert a1["source"] == "Al Arabiya; Sky News Arabia"
    assert a1["timestamp"] == "1706933106"  # 2024-02-03T04:05:06Z
    assert a1["updated_at"] == "2024-02-03T04:05:06+00:00"
    assert (a1["inter1"], a1["inter2"], a1["interaction"]) == ("8", "7", "78")
    assert (a1["fatalities"], a1["fatalities_min"], a1["fatalities_max"], a1["fatalities_best"]) == ("7", "7", "8", "7")
    assert (a1["injured"], a1["confidence"], a1["grading"]) == ("11", "0.97", "fair")
    assert a1["is_recap"] == "false" and a1["report_count"] == "2" and a1["merged_into"] == ""
    assert a1["assoc_actor_1"] == a1["tags"] == a1["admin2"] == ""
    a3 = rows["ev-a3"]
    assert (a3["fatalities"], a3["latitude"], a3["longitude"], a3["location"]) == ("", "", "", "")
    assert a3["event_id_cnty"].startswith("YEM")
    a4 = rows["ev-a4"]
    assert a4["fatalities"] == "0" and a4["event_id_cnty"] == "FJIa4"
    a7 = rows["ev-a7"]
    assert (a7["event_date"], a7["year"]) == ("", "")


def test_geojson_null_geometry_and_extra_fields(crafted_db: str) -> None:
    features = {f["id"]: f for f in export(crafted_db, "--format", "geojson").geojson()["features"]}
    assert features["ev-a3"]["geometry"] is None
    assert features["ev-a4"]["geometry"]["coordinates"] == [178.44, -18.14]
    assert features["ev-a4"]["properties"]["future_field"] == "kept"  # extra fields ride along
    assert features["ev-a7"]["properties"]["event_date"] is None


def test_parquet_keeps_unknown_extra_fields_as_json(crafted_db: str, tmp_path: Any) -> None:
    import json

    import pyarrow.parquet as pq

    path = tmp_path / "x.parquet"
    assert export(crafted_db, "--format", "parquet", "--output", str(path)).rc == 0
    rows = {r["event_id"]: r for r in pq.read_table(path).to_pylist()}
    assert json.loads(rows["ev-a4"]["extra"]) == {"future_field": "kept"}
    assert rows["ev-a4"]["report_count"] == 1 and rows["ev-a1"]["extra"] is None
    assert rows["ev-a3"]["fatalities"] is None and rows["ev-a3"]["latitude"] is None


def test_jsonl_evidence_is_cut_from_the_article_text(crafted_db: str) -> None:
    items = {item["event_id"]: item for item in export(crafted_db, "--format", "jsonl").jsonl()}
    (report,) = items["ev-a1"]["reports"]
    assert report["article_id"] == "art-1" and report["outlet"] == "Sky News Arabia"
    assert report["said"]["fatalities"] == 7 and report["said"]["location"] == "Al Atarib"
    assert [(s["field"], s["text"]) for s in report["evidence"]] == [
        ("fatalities", "قتل سبعة مدنيين"), ("location", "الأتارب")]
    assert all(s["text"] == ARTICLE_TEXT[s["start"]:s["end"]] for s in report["evidence"])
    assert report["link"] == {"score": None, "parts": {}, "reason": "first report"}
    assert items["ev-a2"]["reports"] == []


# -- filter objects ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["1,2,3", "a,b,c,d", "0,95,1,96", "200,0,201,1", "0,10,1,5"])
def test_bad_bbox(text: str) -> None:
    with pytest.raises(FilterError):
        BBox.parse(text)


def test_bbox_contains() -> None:
    box = BBox.parse("170,-20,-170,-10")
    assert box.contains(178.4, -18.1) and box.contains(-175, -15)
    assert not box.contains(0, -15) and not box.contains(None, -15)


def test_filter_checks() -> None:
    from datetime import date

    with pytest.raises(FilterError):
        ExportFilter(since=date(2021, 1, 2), until=date(2021, 1, 1))
    with pytest.raises(FilterError):
        ExportFilter(min_fatalities=-1)
