"""The built wheel must carry every data file: a lexicon left out of packaging fails here."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA_ROOT = REPO / "rasd" / "lang" / "ar"
DATA_SUFFIXES = (".tsv", ".tsv.gz", ".json")


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stdout}\n{result.stderr}")
    [wheel] = list(out.glob("rasd-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def test_every_language_data_file_is_in_the_wheel(wheel_names):
    expected = {
        str(p.relative_to(REPO))
        for p in DATA_ROOT.rglob("*")
        if p.is_file() and p.name.endswith(DATA_SUFFIXES)
    }
    assert expected, "no data files found"
    missing = sorted(expected - wheel_names)
    assert not missing, f"data files left out of the wheel: {missing}"


def test_wheel_has_the_cli_entry_point(wheel_names):
    assert any(name.endswith("entry_points.txt") for name in wheel_names)


def test_wheel_has_the_database_migrations(wheel_names):
    expected = {
        "rasd/store/migrations/env.py",
        "rasd/store/migrations/script.py.mako",
        "rasd/store/migrations/versions/0001_articles.py",
        "rasd/store/migrations/versions/0002_events.py",
    }
    assert not expected - wheel_names, sorted(expected - wheel_names)
