"""The user's seed article (read from ../shared when present): its casualty statements."""

from __future__ import annotations

from pathlib import Path

import pytest

from .table import run

SEED = Path(__file__).resolve().parents[3] / ".." / "shared" / "examples" / "seed-article.ar.txt"


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_article_casualties() -> None:
    doc = run(SEED.read_text(encoding="utf-8"))
    got = [
        (m.value["type"], m.value["min"], m.value["max"], m.value["aggregate"])
        for m in doc.mentions_of("casualty")
        if not m.value["subset"]
    ]
    # The shelling is reported twice (agency and hospital): 5 killed, 17 injured each time.
    assert got.count(("killed", 5, 5, False)) == 2
    assert got.count(("injured", 17, 17, False)) == 2
    assert ("killed", 14, None, False) in got  # "at least 14"
    assert ("injured", 12, 99, False) in got  # "dozens injured" (عشرات, coded as ACLED dozens)
    distances = [m.value["unit"] for m in doc.mentions_of("number") if m.value["min"] in (1000, 1250)]
    assert distances == ["km", "km"]
