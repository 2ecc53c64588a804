import argparse
import json

import pytest

from rasd.evaluate import cli

LINE = {
    "article": {"id": "t1", "published": "2024-03-12", "language": "ar", "title": "x", "source": "y"},
    "text": "قتل ثلاثة اشخاص في اشتباكات في بنغازي مساء امس الاثنين بين مجموعتين مسلحتين.",
    "events": [{"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2024-03-11",
                "time_precision": 1, "location": "Benghazi", "latitude": 32.1149, "longitude": 20.0686,
                "country": "Libya", "actor1": "Unidentified Armed Group (Libya)", "fatalities": 3, "core": True}],
    "not_events": [],
    "places": [],
}


def run(argv):
    parser = argparse.ArgumentParser(prog="rasd")
    cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["evaluate", *argv])
    return args.handler(args)


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(LINE, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_text_report_prints_table(gold, capsys):
    assert run([str(gold)]) == 0
    out = capsys.readouterr().out
    assert "events (core gold)" in out and "fatalities exact" in out and "location <= 25 km" in out


def test_json_report(gold, capsys):
    assert run([str(gold), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 1 and data["gold_core_events"] == 1
    assert set(data["headline"]) >= {"event_f1", "fatalities_accuracy", "place_recall"}


def test_saved_predictions_and_show_errors(gold, tmp_path, capsys):
    preds = tmp_path / "pred.jsonl"
    pred = {"article": {"id": "t1"}, "events": [dict(LINE["events"][0], fatalities=2)], "mentions": []}
    preds.write_text(json.dumps(pred) + "\n", encoding="utf-8")
    assert run([str(gold), "--predictions", str(preds), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["detection"]["tp"] == 1 and data["fields"]["fatalities"]["correct"] == 0
    assert run([str(gold), "--predictions", str(preds), "--show-errors"]) == 0
    assert "FIELD   fatalities: predicted 2, gold 3" in capsys.readouterr().out


def test_fail_under(gold, tmp_path, capsys):
    preds = tmp_path / "empty.jsonl"
    preds.write_text("", encoding="utf-8")
    assert run([str(gold), "--predictions", str(preds), "--fail-under", "event_recall=0.5"]) == 1
    assert "below the floor" in capsys.readouterr().err
    assert run([str(gold), "--predictions", str(preds), "--fail-under", "event_recall=0"]) == 0


def test_bad_input_exit_2(tmp_path, capsys):
    assert run([str(tmp_path / "missing.jsonl")]) == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert run([str(bad)]) == 2
    assert run([str(bad), "--fail-under", "no_such_metric=0.1"]) == 2
    assert "rasd evaluate:" in capsys.readouterr().err


def test_folder_of_gold_files(gold, capsys):
    assert run([str(gold.parent), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1
