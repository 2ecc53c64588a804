"""``rasd ingest``, ``rasd events``, ``rasd explain`` and ``rasd db info`` as a user runs them."""

from __future__ import annotations

import json
import re

import pytest
from store_helpers import DATA, rasd, read_jsonl, write_jsonl

ARTICLES = str(DATA / "articles.jsonl")


@pytest.fixture
def filled(db_url: str) -> str:
    result = rasd("ingest", ARTICLES, "--db", db_url)
    assert result.returncode == 0, result.stderr
    return db_url


def _events(url: str, *args: str) -> list[dict]:
    result = rasd("events", "--db", url, "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _strike(url: str) -> dict:
    [strike] = _events(url, "--sub-event-type", "air/drone strike")
    return strike


def test_events_table(filled):
    result = rasd("events", "--db", filled)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["event", "id", "date"]
    assert len(lines) == 2 + 3
    assert any("Saraqib" in line and "fair" in line and "5-6" in line for line in lines)


@pytest.mark.parametrize(
    ("args", "count"),
    [
        ((), 3),
        (("--country", "yemen"), 1),
        (("--event-type", "Battles"), 1),
        (("--sub-event-type", "Air/drone strike"), 1),
        (("--since", "2019-05-03"), 1),
        (("--until", "2019-05-02"), 2),
        (("--since", "2019-05-02", "--until", "2019-05-02", "--country", "Syria"), 1),
        (("--actor", "military forces of yemen"), 1),
        (("--actor", "civilians (syria)"), 2),
        (("--min-fatalities", "4"), 2),
        (("--limit", "1"), 1),
    ],
)
def test_events_filters(filled, args, count):
    assert len(_events(filled, *args)) == count


def test_events_json_fields(filled):
    strike = _strike(filled)
    assert strike["event_date"] == "2019-05-02" and strike["country"] == "Syria"
    assert strike["fatalities_min"] == 5 and strike["fatalities_max"] == 6
    assert strike["source_count"] == 2 and strike["merged_into"] is None and strike["deleted"] is False
    assert strike["created_at"].endswith("+00:00")


def test_events_bad_date_is_a_usage_error(filled):
    result = rasd("events", "--db", filled, "--since", "May 2019")
    assert result.returncode == 2 and "not a date" in result.stderr


def test_explain_text(filled):
    strike = _strike(filled)
    result = rasd("explain", strike["event_id"], "--db", filled)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"event {strike['event_id']} (live; fair, 2 source(s)")
    assert "reports merged into it: 2" in out
    assert "[1] wa-101:1  Wakala Alpha  published 2019-05-02T09:00:00+03:00" in out
    assert "url: https://beta.example/202" in out
    assert "killed 5 (exact)" in out and "killed 6 (exact)" in out
    assert "evidence location: \u2067سراقب\u2069" in out
    assert "merged: score -; first report" in out
    assert re.search(r"merged: score [0-9.]+; .+; parts: .*place=", out)


def test_explain_json_evidence_comes_from_the_stored_text(filled):
    strike = _strike(filled)
    result = rasd("explain", strike["event_id"], "--db", filled, "--format", "json")
    data = json.loads(result.stdout)
    assert data["event"]["event_id"] == strike["event_id"] and data["merge_chain"] == [strike["event_id"]]
    texts = {r["id"]: r["text"] for r in read_jsonl("articles.jsonl")}
    assert [r["report_id"] for r in data["reports"]] == ["wa-101:1", "wb-202:1"]
    for report in data["reports"]:
        assert report["evidence"], report
        for ev in report["evidence"]:
            assert ev["text"] == texts[report["article_id"]][ev["start"]:ev["end"]]
    second = data["reports"][1]
    assert second["score"] is not None and second["parts"] and second["reason"]
    assert second["said"]["fatalities"] == 6 and second["said"]["location"] == "Saraqib"


def test_explain_unknown_event(filled):
    result = rasd("explain", "ev-nonesuch", "--db", filled)
    assert result.returncode == 2 and "no event 'ev-nonesuch'" in result.stderr


def test_db_info(filled):
    result = rasd("db", "info", "--db", filled)
    assert result.returncode == 0
    assert "schema revision: 0004 (this Rasd: 0004; current)" in result.stdout
    assert "articles 4" in result.stdout and "events: live 3, merged 0, deleted 0" in result.stdout
    data = json.loads(rasd("db", "info", "--db", filled, "--format", "json").stdout)
    assert data["tables"]["reports"] == 4 and data["last_run"]["status"] == "finished"


def test_ingest_one_text_from_stdin_with_its_metadata(sqlite_url):
    text = read_jsonl("articles.jsonl")[0]["text"]
    args = ("ingest", "-", "--db", sqlite_url, "--id", "stdin-1", "--source", "Wakala Alpha",
            "--published", "2019-05-02", "--url", "https://alpha.example/stdin")
    first = rasd(*args, stdin=text)
    assert first.returncode == 0, first.stderr
    assert "1 new" in first.stdout
    second = rasd(*args, stdin=text)
    assert "1 unchanged" in second.stdout
    [event] = _events(sqlite_url)
    assert event["outlets"] == ["Wakala Alpha"] and event["location"] == "Saraqib"


def test_id_with_several_inputs_is_refused(sqlite_url):
    result = rasd("ingest", ARTICLES, ARTICLES, "--db", sqlite_url, "--id", "x")
    assert result.returncode == 2 and "--id and --url name one article" in result.stderr


def test_bad_lines_and_missing_inputs_are_reported_and_skipped(sqlite_url, tmp_path):
    path = tmp_path / "mixed.jsonl"
    write_jsonl(path, read_jsonl("articles.jsonl")[:2])
    with path.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    result = rasd("ingest", str(path), str(tmp_path / "missing.txt"), "--db", sqlite_url, "--progress")
    assert result.returncode == 2
    assert "2 new, 0 copies of other articles, 0 unchanged, 0 replaced, 2 failed" in result.stdout
    assert "mixed.jsonl:3: malformed JSON" in result.stderr and "missing.txt: no such file" in result.stderr
    assert "rasd ingest: 2 article(s)" in result.stderr  # the progress line
    info = json.loads(rasd("db", "info", "--db", sqlite_url, "--format", "json").stdout)
    assert info["last_run"]["errors"] == 2


def test_db_without_subcommand_shows_help():
    result = rasd("db")
    assert result.returncode == 2 and "upgrade" in result.stderr


def test_errors_file_gets_one_line_for_each_item_skipped_failed_or_stopped(tmp_path):
    good = json.dumps({"id": "ok-1", "text": "قتل ثلاثة أشخاص في انفجار سيارة مفخخة وسط مدينة الموصل أمس."},
                         ensure_ascii=False)
    source = tmp_path / "in.jsonl"
    source.write_text(f"{good}\n{{broken\n" + json.dumps({"text": "English only here."}) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    url = f"sqlite:///{tmp_path / 'e.db'}"
    done = rasd("ingest", str(source), str(tmp_path / "missing.txt"), "--db", url, "--errors", str(errors))
    assert done.returncode == 2  # an input could not be read
    lines = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(line["kind"], line["input"]) for line in lines] == [
        ("skipped", f"{source}:2"), ("skipped", f"{source}:3"), ("input", str(tmp_path / "missing.txt"))]
    assert "malformed JSON" in lines[0]["error"] and "not Arabic" in lines[1]["error"]
    again = rasd("ingest", str(source), "--db", url, "--errors", str(errors))
    assert again.returncode == 1 and len(errors.read_text(encoding="utf-8").splitlines()) == 5  # appended
    refused = rasd("ingest", str(source), "--db", url, "--errors", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert refused.returncode == 2 and "cannot write the errors file" in refused.stderr


def test_events_refuses_a_date_window_that_ends_before_it_starts(sqlite_url):
    rasd("ingest", str(DATA / "articles.jsonl"), "--db", sqlite_url)
    result = rasd("events", "--db", sqlite_url, "--since", "2020-02-01", "--until", "2020-01-01")
    assert result.returncode == 2 and "--since 2020-02-01 is after --until 2020-01-01" in result.stderr
