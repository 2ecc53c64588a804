"""The ``rasd export`` command: standard output, files, errors."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from export_data import LIVE_ORDER
from export_helpers import export

REPO = Path(__file__).resolve().parents[2]


def rasd(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "rasd", *args], capture_output=True, timeout=300, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def test_csv_to_standard_output_by_default(crafted_sqlite: str) -> None:
    done = rasd("export", "--db", crafted_sqlite)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""  # nothing on stderr when the events go to stdout
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"), newline="")))
    assert [r["rasd_event_id"] for r in rows] == LIVE_ORDER
    assert done.stdout.startswith(b"event_id_cnty,event_date,year,")


def test_output_file_and_format_from_its_suffix(crafted_sqlite: str, tmp_path: Path) -> None:
    for name, head in (("e.csv", b"event_id_cnty,"), ("e.geojson", b'{"type": "FeatureCollection"'),
                       ("e.jsonl", b'{"event_id": "ev-a1"'), ("e.parquet", b"PAR1")):
        path = tmp_path / name
        done = rasd("export", "--db", crafted_sqlite, "--output", str(path))
        assert done.returncode == 0, done.stderr
        assert done.stdout == b""
        assert f"{len(LIVE_ORDER)} event(s) written to {path}".encode() in done.stderr
        assert path.read_bytes().startswith(head), name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.csv", "e.geojson", "e.jsonl", "e.parquet"]


def test_explicit_format_wins_over_the_suffix(crafted_sqlite: str, tmp_path: Path) -> None:
    path = tmp_path / "events.txt"
    assert export(crafted_sqlite, "--format", "geojson", "-o", str(path)).rc == 0
    assert path.read_text(encoding="utf-8").startswith('{"type": "FeatureCollection"')
    dash = export(crafted_sqlite, "--format", "jsonl", "-o", "-")
    assert dash.rc == 0 and dash.out.startswith(b'{"event_id"')


def test_parquet_to_standard_output_is_refused(crafted_sqlite: str) -> None:
    done = rasd("export", "--db", crafted_sqlite, "--format", "parquet")
    assert done.returncode == 2
    assert b"parquet needs --output FILE" in done.stderr
    assert done.stdout == b""


@pytest.mark.parametrize(
    ("db", "rc", "message"),
    [
        ("sqlite:///{tmp}/missing.db", 1, "no database there yet"),
        ("sqlite:///{tmp}/nofolder/x.db", 1, "does not exist"),
        ("{tmp}/notsqlite.db", 1, "not an SQLite database file"),
        ("{tmp}/empty.db", 1, "not a Rasd database yet"),
        ("mysql://u@h/db", 2, "unsupported database"),
        ("postgresql://rasd:secret@127.0.0.1:9/rasd", 1, "cannot connect to PostgreSQL"),
    ],
)
def test_bad_database(tmp_path: Path, db: str, rc: int, message: str) -> None:
    (tmp_path / "notsqlite.db").write_text("name,value\n", encoding="utf-8")
    import sqlite3

    sqlite3.connect(tmp_path / "empty.db").close()
    out = tmp_path / "out.csv"
    run = export(db.format(tmp=tmp_path), "--output", str(out))
    assert run.rc == rc, run.err
    assert run.err.startswith("rasd: error: ") and message in run.err, run.err
    assert "secret" not in run.err
    assert not out.exists()
    assert not (tmp_path / "missing.db").exists()  # reading never creates a database
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_bad_output_folder_is_refused_before_reading(crafted_sqlite: str, tmp_path: Path) -> None:
    run = export(crafted_sqlite, "--output", str(tmp_path / "no" / "such" / "e.csv"))
    assert run.rc == 2 and "does not exist" in run.err
    run = export(crafted_sqlite, "--output", str(tmp_path))
    assert run.rc == 2 and "is a folder" in run.err


def test_failed_export_leaves_no_file(crafted_sqlite: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.export import acled

    path = tmp_path / "e.csv"
    path.write_text("an earlier export\n", encoding="utf-8")

    def broken(event: dict) -> list:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(acled, "csv_row", broken)
    with pytest.raises(RuntimeError):
        export(crafted_sqlite, "--output", str(path))
    assert path.read_text(encoding="utf-8") == "an earlier export\n"  # untouched
    assert [p.name for p in tmp_path.iterdir()] == ["e.csv"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--since", "2021-13-01"], "not a date"),
        (["--since", "2021-02-01", "--until", "2021-01-01"], "is after --until"),
        (["--bbox", "1,2,3"], "expected four numbers"),
        (["--bbox", "-10,95,10,96"], "latitude 95 is outside"),
        (["--min-fatalities", "-3"], "0 or more"),
        (["--format", "xlsx"], "invalid choice"),
    ],
)
def test_bad_arguments(crafted_sqlite: str, argv: list[str], message: str) -> None:
    done = rasd("export", "--db", crafted_sqlite, *argv)
    assert done.returncode == 2
    assert message.encode() in done.stderr, done.stderr
    assert done.stdout == b""


def test_broken_pipe_is_quiet(crafted_sqlite: str) -> None:
    command = f"{sys.executable} -m rasd export --db {crafted_sqlite} --format geojson | head -c 10"
    done = subprocess.run(command, shell=True, capture_output=True, timeout=300, cwd=REPO)
    assert done.stdout == b'{"type": "'
    assert b"Traceback" not in done.stderr and b"Error" not in done.stderr, done.stderr


def test_cli_reference_lists_export() -> None:
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "rasd export" in text and "--include-merged" in text
