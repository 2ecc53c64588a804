"""Real-text gold (eval/real): lines that point into a corpus by id and offsets, never holding text."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from rasd.evaluate.gold import GoldFormatError, load_any_gold
from rasd.evaluate.metrics import aggregate, score_article
from rasd.evaluate.real import CORPUS_DEFAULT, load_real_gold, text_sha256, validate_real_line

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "eval" / "real"
TEXT = "قالت مصادر محلية إن غارة جوية استهدفت سوقا في مدينة الحديدة صباح اليوم وأسفرت عن مقتل خمسة أشخاص."


def _event(**extra) -> dict:
    event = {
        "event_date": "2018-04-03", "time_precision": 1, "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
        "actor1": None, "actor2": "Civilians (Yemen)", "civilian_targeting": "Civilian targeting",
        "country": "Yemen", "admin1": "Al Hudaydah", "location": "Hodeidah", "latitude": 14.7978,
        "longitude": 42.9545, "geo_precision": 1, "fatalities": 5, "injured": None, "core": True,
        "evidence": [[17, 60]],
    }
    event.update(extra)
    return event


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"docno": "X-1", "text": TEXT, "source": "test", "title": "t",
                             "published": "Tue, 03 Apr 2018 10:00:00 GMT", "url": "u"}, ensure_ascii=False) + "\n")
    return path


def _write(tmp_path: Path, line: dict) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    return folder


def test_a_line_is_joined_with_its_article(tmp_path, corpus):
    line = {"article": {"id": "X-1", "text_sha256": text_sha256(TEXT)}, "events": [_event()],
            "not_events": [{"start": 0, "end": 16, "reason": "statement"}]}
    [art] = load_real_gold(_write(tmp_path, line), corpus)
    assert art.text == TEXT
    assert art.article["published"].startswith("2018-04-03T10:00")
    assert art.events[0]["evidence_text"] == TEXT[17:60]
    assert art.not_events[0]["text"] == TEXT[:16]


def test_load_any_gold_recognises_real_lines(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv("RASD_CORPUS", str(corpus))
    line = {"article": {"id": "X-1", "text_sha256": text_sha256(TEXT)}, "events": []}
    assert load_any_gold(_write(tmp_path, line))[0].text == TEXT


def test_a_changed_text_is_refused(tmp_path, corpus):
    line = {"article": {"id": "X-1", "text_sha256": "0" * 64}, "events": []}
    with pytest.raises(GoldFormatError, match="text_sha256"):
        load_real_gold(_write(tmp_path, line), corpus)


def test_a_missing_article_is_refused(tmp_path, corpus):
    line = {"article": {"id": "X-2", "text_sha256": "0" * 64}, "events": []}
    with pytest.raises(GoldFormatError, match="X-2"):
        load_real_gold(_write(tmp_path, line), corpus)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sub_event_type": "Armed clash"}, "not a 'Explosions/Remote violence' sub-event"),
        ({"evidence": [[90, 999]]}, "outside the text"),
        ({"fatalities": -1}, "non-negative"),
        ({"time_precision": 4}, "time_precision"),
    ],
)
def test_bad_events_are_named(change, message):
    line = {"article": {"id": "X-1", "text_sha256": text_sha256(TEXT)}, "events": [_event(**change)]}
    assert any(message in p for p in validate_real_line(line, TEXT))


def test_no_article_text_is_stored_in_the_repository():
    for file in REAL.rglob("*.jsonl"):
        for line in file.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            assert "text" not in obj, file
            assert set(obj["article"]) <= {"id", "text_sha256"}, file
            for event in obj["events"]:
                assert "evidence_text" not in event, file


needs_corpus = pytest.mark.skipif(not CORPUS_DEFAULT.exists(), reason="../shared/corpora is absent")


@needs_corpus
@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_real_gold_loads_and_scores_perfectly_against_itself(split):
    articles = load_real_gold(REAL / split)
    assert articles
    results = []
    for art in articles:
        predicted = [
            {**e, "evidence": [{"field": "x", "start": s, "end": t} for s, t in e["evidence"]]} for e in art.events
        ]
        results.append(score_article(art, predicted, []))
    report = aggregate(results)
    assert report.detection.precision == report.detection.recall == 1.0
    # evidence is sentence-sized here, and a sentence may hold an incident and a trap (a toll and an
    # aggregate): gold may touch a trap, the detection must still be perfect


@needs_corpus
def test_the_set_is_large_and_split_as_the_sample_says():
    sample = {}
    for line in (REAL / "sample.tsv").read_text(encoding="utf-8").splitlines()[2:]:
        cells = line.split("\t")
        sample[cells[0]] = cells[1]
    dev = {a.id for a in load_real_gold(REAL / "dev")}
    heldout = {a.id for a in load_real_gold(REAL / "heldout")}
    assert not dev & heldout
    assert all(sample[i] == "dev" for i in dev) and all(sample[i] == "heldout" for i in heldout)
    assert len(dev) + len(heldout) >= 200
    negatives = [a for a in load_real_gold(REAL) if not a.core_events]
    assert len(negatives) >= 60
