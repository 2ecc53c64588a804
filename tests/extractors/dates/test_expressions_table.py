"""The expression table: every row's first non-dateline date mention must resolve exactly.

Run as a script, the module prints the table's accuracy as JSON; the test below runs it so in
a subprocess under a far-off ``TZ`` (Pacific/Fiji) to prove nothing depends on the machine's
clock or zone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.document import ArticleMeta, Document
from rasd.extractors.dates.stage import DatesStage
from rasd.lang.ar import read_tsv_path
from rasd.normalize import NormalizeStage
from rasd.pipeline import Pipeline
from rasd.tokenize import TokenizeStage

TABLE = Path(__file__).with_name("expressions.tsv")
MIN_ROWS = 250
MIN_ACCURACY = 0.98
FAR_ZONES = ("Pacific/Fiji", "Pacific/Kiritimati", "America/Adak")


def load_rows() -> list[dict[str, str]]:
    return read_tsv_path(TABLE)


def check_row(pipeline: Pipeline, row: dict[str, str]) -> str | None:
    """None when the row resolves as expected, else a description of the failure."""
    doc = Document(text=row["sentence"], meta=ArticleMeta(published=row["published"] or None,
                                                          timezone=row["timezone"] or None))
    pipeline(doc)
    mentions = [m for m in doc.mentions if m.kind == "date" and not m.value.get("dateline")]
    if not mentions:
        return "no date mention"
    value = mentions[0].value
    flag = row["flag"]
    got = (value["date"], value["precision"])
    want = (row["date"] or None, int(row["precision"]) if row["precision"] else None)
    problems = []
    if got != want:
        problems.append(f"got {got}, want {want}")
    if bool(value["background"]) != (flag == "background"):
        problems.append(f"background={value['background']}")
    if bool(value["future"]) != (flag == "future"):
        problems.append(f"future={value['future']}")
    if bool(value["conflict"]) != (flag == "conflict"):
        problems.append(f"conflict={value['conflict']}")
    if flag == "null" and not value["reason"]:
        problems.append("null without a reason")
    if problems:
        return f"{mentions[0].text!r} [{value['key']}]: " + "; ".join(problems)
    return None


def evaluate_table() -> dict[str, object]:
    pipeline = Pipeline([NormalizeStage(), TokenizeStage(), DatesStage()])
    rows = load_rows()
    failures = []
    for row in rows:
        problem = check_row(pipeline, row)
        if problem:
            failures.append(f"{row['sentence']} | {row['published']} {row['timezone']} -> {problem}")
    return {"rows": len(rows), "failures": failures, "accuracy": 1 - len(failures) / len(rows)}


def _assert_good(result: dict[str, object]) -> None:
    failures = result["failures"]
    assert result["rows"] >= MIN_ROWS
    assert result["accuracy"] >= MIN_ACCURACY, "\n".join(failures)  # type: ignore[arg-type]


def test_table_accuracy() -> None:
    _assert_good(evaluate_table())


@pytest.mark.parametrize("zone", FAR_ZONES)
def test_table_accuracy_under_far_time_zone(zone: str) -> None:
    env = dict(os.environ, TZ=zone)
    out = subprocess.run([sys.executable, __file__], env=env, capture_output=True, text=True, check=True)
    _assert_good(json.loads(out.stdout))


def test_table_rows_are_well_formed() -> None:
    for row in load_rows():
        assert "{E}" not in row["sentence"]
        assert row["flag"] in ("", "conflict", "background", "future", "null")
        assert bool(row["date"]) == bool(row["precision"])


if __name__ == "__main__":
    print(json.dumps(evaluate_table(), ensure_ascii=False))
