"""Publication day: formats, time zones, datelines, and never the machine's clock."""

from __future__ import annotations

import time

import pytest

from rasd.extractors.dates import parse_published, resolve_publication


@pytest.mark.parametrize(
    ("published", "zone", "expected"),
    [
        ("2015-06-30", None, "2015-06-30"),
        ("2015-06-30", "Asia/Tokyo", "2015-06-30"),
        ("2018-03-05T00:30:00+03:00", None, "2018-03-05"),
        ("2018-03-05T00:30:00+03:00", "Asia/Baghdad", "2018-03-05"),
        ("2018-03-05T00:30:00+03:00", "UTC", "2018-03-04"),
        ("2018-03-04T21:30:00Z", "Asia/Riyadh", "2018-03-05"),
        ("2018-03-04T21:30:00Z", None, "2018-03-04"),
        ("2018-03-04 23:59", "Africa/Tripoli", "2018-03-04"),
        ("Mon, 05 Feb 2018 10:22:00 GMT", None, "2018-02-05"),
        ("Mon, 05 Feb 2018 22:22:00 GMT", "Asia/Dubai", "2018-02-06"),
        ("Mon, 05 Feb 2018 10:22:00 +0400", None, "2018-02-05"),
        ("2018-02-05T10:22:00", "Not/AZone", "2018-02-05"),
    ],
)
def test_parse_published(published, zone, expected) -> None:
    day = parse_published(published, zone)
    assert day is not None and day.isoformat() == expected


@pytest.mark.parametrize("bad", ["", "yesterday", "2018-13-45", "05/02/2018"])
def test_unreadable_published_is_none(bad) -> None:
    assert parse_published(bad) is None


def test_machine_zone_is_irrelevant(monkeypatch) -> None:
    if not hasattr(time, "tzset"):
        pytest.skip("no tzset on this platform")
    results = []
    for zone in ("Pacific/Fiji", "America/Adak", "UTC"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        results.append(parse_published("2018-03-04T21:30:00Z", "Asia/Riyadh"))
    monkeypatch.delenv("TZ")
    time.tzset()
    assert len(set(results)) == 1


def test_sources(dated) -> None:
    text = "قتل جندي في هجوم أمس."
    assert resolve_publication(dated(text, "2018-01-02")).source == "meta"
    none = resolve_publication(dated(text))
    assert (none.date, none.source) == (None, "none") and none.reason
    line = "بغداد - 9 يناير 2018 (رويترز) - قتل جندي في هجوم أمس."
    info = resolve_publication(dated(line))
    assert (info.iso, info.source) == ("2018-01-09", "dateline")


def test_dateline_without_year_takes_the_article_year(dated) -> None:
    text = "بنغازي - 30 يونيو (رويترز) - قتل خمسة أشخاص أمس. وكانت المدينة شهدت معارك في مايو 2015."
    doc = dated(text)
    yesterday = next(m for m in doc.mentions if m.kind == "date" and m.value["key"] == "yesterday")
    assert yesterday.value["date"] == "2015-06-29"


def test_dateline_without_any_year_stays_unknown(dated) -> None:
    doc = dated("بنغازي - 30 يونيو (رويترز) - قتل خمسة أشخاص أمس.")
    yesterday = next(m for m in doc.mentions if m.kind == "date" and m.value["key"] == "yesterday")
    assert yesterday.value["date"] is None and yesterday.value["reason"]
    assert any("publication" in w for w in doc.warnings)


def test_meta_wins_over_dateline(dated) -> None:
    doc = dated("بغداد - 9 يناير 2018 (رويترز) - قتل جندي في هجوم أمس.", "2018-01-10")
    yesterday = next(m for m in doc.mentions if m.kind == "date" and m.value["key"] == "yesterday")
    assert yesterday.value["date"] == "2018-01-09"
